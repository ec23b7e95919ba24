// Code lenses once per version: a client asks for a plan's lenses again and again (scrolling,
// switching editors, after each pause in typing), and resolves each lens it shows, one request
// per lens. What they are made from (codeLens.ts's `LensIndex` and the list of lenses) depends
// on the plan's model and on the other plans of the workspace (units they name, `aligns` entries
// naming this plan's items, where those sit), so it is kept while every plan still has the model
// it had.
//
// Kept for the workspace as it is only: what was computed for older models is let go at the
// first request after any plan changes. A plan's index holds the other plans' documents (the
// entries naming its units, the `aligns` entries naming its items), so an index kept for a plan
// not on screen would otherwise keep an old version of each of them (text, lines, model: ~7 MB
// for a 63k-line plan) until that plan's lenses are asked for again.
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { PlanModel } from '../model';

/**
 * A cache for one language service (what it keeps names its own plan numbers): `(ws, doc,
 * compute)` gives what `compute` gives for `doc`, computed again only when its model or another
 * plan's model changed.
 */
export function lensCache<T extends object>(): (ws: PlanWorkspace, doc: PlanDocument, compute: () => T) => T {
  /** Every plan's model when `kept` was filled, in the workspace's order. */
  let models: PlanModel[] = [];
  let kept = new Map<string, { model: PlanModel; value: T }>();
  return (ws, doc, compute) => {
    const now: PlanModel[] = [];
    for (const d of ws.all()) now.push(d.model);
    if (now.length !== models.length || now.some((m, i) => m !== models[i])) {
      models = now;
      kept = new Map();
    }
    const k = kept.get(doc.uri);
    if (k && k.model === doc.model) return k.value;
    const value = compute();
    kept.set(doc.uri, { model: doc.model, value });
    return value;
  };
}
