// "3 references" above each goal, objective and unit that is named somewhere: how many `related`
// entries of the plan name the goal or objective, and how many `lead`/`support` entries of any
// plan name the unit; "supported by ICE 2.1" above each item other plans' `aligns` entries name.
// Nothing above an item no entry names (no grey "no references").
//
// In two steps, as LSP's codeLens/resolve intends (and VS Code's TypeScript extension does its
// reference lenses): the list (`provideCodeLenses`) says only where lenses go, each with a small
// `data` saying what it counts; the editor resolves the lenses it shows (VS Code: those on
// screen), and only then are its title and the places that name the item computed
// (`resolveCodeLens`). A 63k-line plan has ~1,200 lenses, some listing thousands of places: the
// list is ~130 KB where the resolved lenses were 1.3 MB. Which items get a lens is decided from
// `LensIndex` (who names what, no positions), the same index the resolve reads, so a lens of an
// unchanged workspace always resolves to one reference or more.
// Clicking the lens opens the references peek; the client turns the arguments into VS Code types.
import type { CodeLens, Command, Location } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { PlanItem, Reference } from '../model';
import { supportersOf, type Supporter } from '../alignment';
import { refKind } from '../fields';
import type { Span } from '../text';
import { supportedByTitle } from './alignment';

/**
 * The command that opens the references: arguments `[uri, position, locations]`. The VS Code
 * extension runs it (VS Code's own `editor.action.showReferences` needs VS Code objects, which
 * JSON arguments are not: the client converts); for any other editor the server runs it
 * (workspace/executeCommand: server/src/showReferences.ts), or the editor maps it to its own
 * references list (README, Neovim).
 */
export const SHOW_REFERENCES = 'planwright.showReferences';

/**
 * What a lens counts, one letter (it is sent with each of thousands of lenses): `r` the
 * `related` entries naming a goal or objective, `u` the `lead`/`support` entries naming a unit,
 * `a` the other plans' `aligns` entries naming an item.
 */
export type LensKind = 'r' | 'u' | 'a';

/**
 * A lens's `data`: the service's number for its plan's URI (`codeLensPlans`, index.ts: a
 * number, not the URI, keeps the list small), what it counts, and the item's number or the
 * unit's id. It names the item, not the version: a lens is resolved against the plan as it is
 * when the editor asks.
 */
export type LensData = [plan: number, kind: LensKind, id: string];

/** Who names what in the workspace, for one plan's lenses, without positions (codeLensCache.ts keeps it per version). */
export interface LensIndex {
  /** The plan's `related` entries, by the number they name. */
  related: Map<string, Reference[]>;
  /** `lead`/`support` entries naming a unit the plan defines, in this plan or another that does not define it, by unit id. */
  units: Map<string, { doc: PlanDocument; ref: Reference }[]>;
  /** Other plans' `aligns` entries naming the plan's items (alignment.ts). */
  supporters: Map<PlanItem, Supporter[]>;
}

/**
 * A lens resolved where nothing is to be shown any more: its item or unit is gone, or no entry
 * names it now (the plan changed between the list and the resolve). An empty title, as VS Code's
 * TypeScript extension gives a lens it cannot resolve: never "0 references"; the editor asks for
 * the lenses again after the change.
 */
export const NOTHING_TO_SHOW: Command = { title: '', command: '' };

export function lensIndex(ws: PlanWorkspace, doc: PlanDocument): LensIndex {
  const model = doc.model;
  const related = new Map<string, Reference[]>();
  const units = new Map<string, { doc: PlanDocument; ref: Reference }[]>();
  for (const ref of model.refs) {
    const kind = refKind(ref);
    if (kind === 'item') push(related, ref.target.text, ref);
    else if (kind === 'unit' && model.unitsById.has(ref.target.text)) push(units, ref.target.text, { doc, ref });
  }
  // `lead`/`support` entries name a unit of their own plan first, then one of another plan
  // (as the reference check resolves them), so another plan's entry counts here only when
  // that plan does not define a unit with the same id itself.
  for (const d of ws.all()) {
    if (d.uri === doc.uri) continue;
    for (const ref of d.model.refs) {
      if (refKind(ref) !== 'unit') continue;
      const id = ref.target.text;
      if (model.unitsById.has(id) && !d.model.unitsById.has(id)) push(units, id, { doc: d, ref });
    }
  }
  return { related, units, supporters: supportersOf(ws, doc) };
}

/**
 * Where the lenses of `doc` go: ranges and data only (`plan`: the number of its URI in lenses'
 * data). Read from the index, so the work is per lens, not per item of the plan.
 */
export function provideCodeLenses(doc: PlanDocument, index: LensIndex, plan: number): CodeLens[] {
  const model = doc.model;
  const references: Listed[] = [];
  for (const id of index.related.keys()) {
    if (!id) continue;
    for (const item of model.itemsById.get(id) ?? []) if (item.kind !== 'subobjective' && item.id) references.push(listed(doc, item.id.span, [plan, 'r', id]));
  }
  // A unit id defined twice in a plan gets its lens on the first definition only.
  for (const id of index.units.keys()) {
    const unit = model.unitsById.get(id)?.[0];
    if (unit?.id) references.push(listed(doc, unit.id.span, [plan, 'u', id]));
  }
  const aligned: Listed[] = [];
  for (const [item, list] of index.supporters) if (item.id && list.length) aligned.push(listed(doc, item.id.span, [plan, 'a', item.id.text]));
  return [...inOrder(references), ...inOrder(aligned)];
}

interface Listed {
  at: number;
  lens: CodeLens;
}

function listed(doc: PlanDocument, span: Span, data: LensData): Listed {
  return { at: span.start, lens: { range: doc.lines.range(span), data } };
}

function inOrder(lenses: Listed[]): CodeLens[] {
  return lenses.sort((a, b) => a.at - b.at).map((l) => l.lens);
}

/** The data of a lens this service listed, or undefined for anything else. */
export function lensData(lens: { data?: unknown }): LensData | undefined {
  const d = lens?.data;
  if (!Array.isArray(d) || d.length !== 3) return undefined;
  const [plan, kind, id] = d as unknown[];
  if (!Number.isInteger(plan) || (kind !== 'r' && kind !== 'u' && kind !== 'a') || typeof id !== 'string') return undefined;
  return [plan as number, kind, id];
}

/**
 * A lens of `doc` with its title and command, read from the plan as it is now (`index`: the
 * lens index of its current version). `doc` is undefined when the plan is no longer known.
 */
export function resolveCodeLens(doc: PlanDocument | undefined, index: LensIndex | undefined, lens: CodeLens): CodeLens {
  const data = lensData(lens);
  const range = lens?.range;
  const command = doc && index && data ? commandOf(doc, index, data, range?.start?.line) : undefined;
  return { range, command: command ?? NOTHING_TO_SHOW };
}

function commandOf(doc: PlanDocument, index: LensIndex, [, kind, id]: LensData, line: unknown): Command | undefined {
  const model = doc.model;
  if (kind === 'u') {
    const unit = model.unitsById.get(id)?.[0];
    const entries = index.units.get(id);
    if (!unit?.id || !entries?.length) return undefined;
    return showReferences(doc, unit.id.span, countTitle(entries.length), entries.map((e) => location(e.doc, e.ref.target.span)));
  }
  const items = model.itemsById.get(id);
  if (!items?.length) return undefined;
  if (kind === 'a') {
    // supportersOf gives an item's supporters to the first item with its number.
    const list = index.supporters.get(items[0]);
    if (!list?.length || !items[0].id) return undefined;
    return showReferences(doc, items[0].id.span, supportedByTitle(list), list.map((s) => location(s.doc, s.ref.target.span)));
  }
  const refs = index.related.get(id);
  const item = nearest(doc, items.filter((i) => i.kind !== 'subobjective'), line);
  if (!refs?.length || !item?.id) return undefined;
  return showReferences(doc, item.id.span, countTitle(refs.length), refs.map((r) => location(doc, r.target.span)));
}

/** Of the items with the lens's number (a number written twice has a lens on each), the one nearest the line the lens was listed on. */
function nearest(doc: PlanDocument, items: PlanItem[], line: unknown): PlanItem | undefined {
  if (items.length < 2 || typeof line !== 'number') return items[0];
  let best = items[0];
  let distance = Infinity;
  for (const item of items) {
    if (!item.id) continue;
    const d = Math.abs(doc.lines.range(item.id.span).start.line - line);
    if (d < distance) [best, distance] = [item, d];
  }
  return best;
}

function countTitle(n: number): string {
  return n === 1 ? '1 reference' : `${n} references`;
}

function showReferences(doc: PlanDocument, idSpan: Span, title: string, locations: Location[]): Command {
  return { title, command: SHOW_REFERENCES, arguments: [doc.uri, doc.lines.range(idSpan).start, locations] };
}

function location(doc: PlanDocument, span: Span): Location {
  return { uri: doc.uri, range: doc.lines.range(span) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
