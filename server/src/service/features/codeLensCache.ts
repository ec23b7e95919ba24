// Code lenses once per version: a client asks for a plan's lenses again and again (scrolling,
// switching editors, after each pause in typing), and at 63k lines they cost ~15 ms to compute
// (2,400 lenses). They depend on the plan's model and on the other plans of the workspace (units
// they name, `aligns` entries naming this plan's items, where those sit), so the lenses are kept
// with the plan's model and reused while every other plan still has the model it had.
import type { CodeLens } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { PlanModel } from '../model';

interface Kept {
  /** The other plans' models when the lenses were computed, in the workspace's order. */
  others: PlanModel[];
  lenses: CodeLens[];
}

const kept = new WeakMap<PlanModel, Kept>();

/** The lenses `compute` gives for `doc`, computed again only when its model or another plan's model changed. */
export function lensesPerVersion(ws: PlanWorkspace, doc: PlanDocument, compute: () => CodeLens[]): CodeLens[] {
  const others: PlanModel[] = [];
  for (const d of ws.all()) if (d.uri !== doc.uri) others.push(d.model);
  const k = kept.get(doc.model);
  if (k && k.others.length === others.length && k.others.every((m, i) => m === others[i])) return k.lenses;
  const lenses = compute();
  kept.set(doc.model, { others, lenses });
  return lenses;
}
