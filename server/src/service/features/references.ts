// Find all references: the `related` entries naming an item of the plan, the `lead`/`support`
// entries naming a unit, in this plan and in the other plans of the workspace, or the entries
// naming a measure (`referencesOf`, for every reference kind; see definition.ts).
//
// Which unit an entry means: a `lead`/`support` entry of a plan names that plan's own unit when
// the plan defines one with that id, and otherwise any unit with that id in the workspace (the
// rule of `unitDefinitions`, shared with go to definition and diagnostics). Two entries refer to
// the same unit when the definitions they resolve to overlap, or when neither resolves at all.
// So a plan that defines its own OPS shares references with itself and with plans that define
// no OPS, but not with another plan that defines an OPS of its own.
import type { Location, Position } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { targetAt } from '../locate';
import type { Reference } from '../model';
import { refKind, type RefKind } from '../fields';
import { definitionsOf, namedAt, unitDefinitions, type Place, type UnitDefinition } from './definition';

/** The `related` entries of the plan that name the item numbered `id`. */
export function itemReferences(doc: PlanDocument, id: string): Reference[] {
  return doc.model.refs.filter((r) => refKind(r) === 'item' && r.target.text === id);
}

/** The entries of the plan that name the measure with the id `id`. */
export function measureReferences(doc: PlanDocument, id: string): Reference[] {
  return doc.model.refs.filter((r) => refKind(r) === 'measure' && r.target.text === id);
}

/** The entries of the workspace naming what `doc` calls `id`: the one list for each reference kind. */
export function referencesOf(ws: PlanWorkspace, doc: PlanDocument, kind: RefKind, id: string): { doc: PlanDocument; ref: Reference }[] {
  switch (kind) {
    case 'item':
      return itemReferences(doc, id).map((ref) => ({ doc, ref }));
    case 'measure':
      return measureReferences(doc, id).map((ref) => ({ doc, ref }));
    case 'unit':
      return unitReferences(ws, doc, id);
  }
}

/** The `lead`/`support` entries of the workspace that mean the same unit as `id` does in `doc`. */
export function unitReferences(ws: PlanWorkspace, doc: PlanDocument, id: string): { doc: PlanDocument; ref: Reference }[] {
  const mine = new Set(unitDefinitions(ws, doc, id).map(defKey));
  const out: { doc: PlanDocument; ref: Reference }[] = [];
  for (const other of workspaceDocs(ws, doc)) {
    const refs = other.model.refs.filter((r) => refKind(r) === 'unit' && r.target.text === id);
    if (!refs.length) continue;
    const theirs = other === doc ? [...mine] : unitDefinitions(ws, other, id).map(defKey);
    const same = mine.size === 0 ? theirs.length === 0 : theirs.some((k) => mine.has(k));
    if (same) for (const ref of refs) out.push({ doc: other, ref });
  }
  return out;
}

export function provideReferences(ws: PlanWorkspace, doc: PlanDocument, position: Position, includeDeclaration: boolean): Location[] {
  const named = namedAt(targetAt(doc.model, doc.lines.offsetAt(position)));
  if (!named) return [];
  const out: Place[] = includeDeclaration ? definitionsOf(ws, doc, named.kind, named.id) : [];
  for (const r of referencesOf(ws, doc, named.kind, named.id)) out.push({ doc: r.doc, span: r.ref.target.span });
  out.sort((a, b) => (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : a.span.start - b.span.start));
  return out.map((o) => ({ uri: o.doc.uri, range: o.doc.lines.range(o.span) }));
}

/** The plans of the workspace, with `doc` standing for its own uri (it may be newer than the stored one). */
function workspaceDocs(ws: PlanWorkspace, doc: PlanDocument): PlanDocument[] {
  const docs = ws.all().filter((d) => d.uri !== doc.uri);
  docs.push(doc);
  return docs;
}

function defKey(d: UnitDefinition): string {
  return `${d.uri}\u0000${d.unit.id?.span.start ?? d.unit.span.start}`;
}
