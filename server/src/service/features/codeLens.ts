// "3 references" above each goal, objective and unit that is named somewhere: how many `related`
// entries of the plan name the goal or objective, and how many `lead`/`support` entries of any
// plan name the unit. Nothing above an item no entry names (no grey "no references").
// Clicking the lens opens the references peek; the client turns the arguments into VS Code types.
import type { CodeLens, Location, Position } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import type { Reference, Unit } from '../model';
import { refKind } from '../fields';
import type { Span } from '../text';

/**
 * The command that opens the references: arguments `[uri, position, locations]`. The VS Code
 * extension runs it (VS Code's own `editor.action.showReferences` needs VS Code objects, which
 * JSON arguments are not: the client converts); for any other editor the server runs it
 * (workspace/executeCommand: server/src/showReferences.ts), or the editor maps it to its own
 * references list (README, Neovim).
 */
export const SHOW_REFERENCES = 'planwright.showReferences';

export function provideCodeLenses(doc: PlanDocument, all: PlanDocument[]): CodeLens[] {
  const model = doc.model;
  const lenses: { at: number; lens: CodeLens }[] = [];

  // `related` entries by the number they name.
  const related = new Map<string, Reference[]>();
  for (const r of model.refs) {
    if (refKind(r) !== 'item') continue;
    const list = related.get(r.target.text);
    if (list) list.push(r);
    else related.set(r.target.text, [r]);
  }
  for (const item of model.items) {
    if (item.kind === 'subobjective' || !item.id || !item.id.text) continue;
    const refs = related.get(item.id.text) ?? [];
    if (refs.length) lenses.push({ at: item.id.span.start, lens: lens(doc, item.id.span, refs.map((r) => location(doc, r.target.span))) });
  }

  // `lead`/`support` entries name a unit of their own plan first, then one of another plan
  // (as the reference check resolves them), so another plan's entry counts here only when
  // that plan does not define a unit with the same id itself.
  const others = all.filter((d) => d.uri !== doc.uri);
  for (const unit of model.units) {
    const id = unit.id?.text;
    if (!id || !isFirst(model.unitsById.get(id), unit)) continue;
    const locations: Location[] = [];
    for (const d of [doc, ...others]) {
      if (d !== doc && d.model.unitsById.has(id)) continue;
      for (const r of d.model.refs) if (refKind(r) === 'unit' && r.target.text === id) locations.push(location(d, r.target.span));
    }
    if (locations.length) lenses.push({ at: unit.id!.span.start, lens: lens(doc, unit.id!.span, locations) });
  }
  return lenses.sort((a, b) => a.at - b.at).map((l) => l.lens);
}

/** A unit id defined twice in a plan gets its lens on the first definition only. */
function isFirst(units: Unit[] | undefined, unit: Unit): boolean {
  return !units || units[0] === unit;
}

function location(doc: PlanDocument, span: Span): Location {
  return { uri: doc.uri, range: doc.lines.range(span) };
}

function lens(doc: PlanDocument, idSpan: Span, locations: Location[]): CodeLens {
  const range = doc.lines.range(idSpan);
  const position: Position = range.start;
  const n = locations.length;
  const title = n === 1 ? '1 reference' : `${n} references`;
  return { range, command: { title, command: SHOW_REFERENCES, arguments: [doc.uri, position, locations] } };
}
