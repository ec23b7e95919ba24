// Code lenses once per version: a client asks for a plan's lenses again and again (scrolling,
// switching editors, after each pause in typing), and resolves each lens it shows, one request
// per lens. What they are made from (codeLens.ts's `LensIndex` and the list of lenses) depends
// on the plan's model and on the other plans of the workspace (units they name, `aligns` entries
// naming this plan's items, where those sit), so it is kept with the plan's model and reused
// while every other plan still has the model it had.
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { PlanModel } from '../model';

interface Kept<T> {
  /** The other plans' models when it was computed, in the workspace's order. */
  others: PlanModel[];
  value: T;
}

/**
 * A cache for one language service (what it keeps names its own plan numbers): `(ws, doc,
 * compute)` gives what `compute` gives for `doc`, computed again only when its model or another
 * plan's model changed.
 */
export function lensCache<T extends object>(): (ws: PlanWorkspace, doc: PlanDocument, compute: () => T) => T {
  const kept = new WeakMap<PlanModel, Kept<T>>();
  return (ws, doc, compute) => {
    const others: PlanModel[] = [];
    for (const d of ws.all()) if (d.uri !== doc.uri) others.push(d.model);
    const k = kept.get(doc.model);
    if (k && k.others.length === others.length && k.others.every((m, i) => m === others[i])) return k.value;
    const value = compute();
    kept.set(doc.model, { others, value });
    return value;
  };
}
