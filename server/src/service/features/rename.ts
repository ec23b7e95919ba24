// Rename: the number of a goal, objective or sub-objective (with its descendants' prefixes and
// every `related` entry naming them; the new number must keep its siblings in sequence), or a
// unit id (with every `lead`/`support` entry that means that unit, in every plan of the
// workspace: the entries find references lists, so a plan that defines its own unit with that id
// keeps its entries), or a measure id (with every entry naming it; definition.ts and references.ts
// say what names what, for every reference kind).
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { HOW_NUMBERED, isWellFormed } from '../checks/numbering';
import { groupTitle } from './codeActions';
import { type PlanDocument, type PlanWorkspace, fileNameOf } from '../documents';
import { addEdit, checkedWorkspaceEdit, EditConflict, innerSpan, scalarEdit } from '../edits';
import { itemLabel, kindWord, type Measure, type PlanItem, type PlanModel, type ScalarText, type Unit } from '../model';
import { PLAN_SCHEMA } from '../schema';
import { refKind } from '../fields';
import { targetAt } from '../locate';
import { measureDefinitions, unitDefinitions } from './definition';
import { referencesOf, unitReferences } from './references';
import { sharedNumberProblem } from './renumber';
import { acronymRenameEdits, alignmentRenameEdits } from './alignment';
import { resolveAlignment } from '../alignment';
import { externalEditProblem, externalPlanProblem } from '../externalPlans';
import { contains, type Span } from '../text';

export const NOT_RENAMEABLE = 'You can rename the number of a goal, objective or sub-objective, a unit id or a measure id. Place the cursor on one.';

const UNIT_ID = /^[A-Za-z][A-Za-z0-9&._-]*$/;
/** A measure id, as the schema says (`$defs/measureId`). */
const MEASURE_ID = new RegExp(PLAN_SCHEMA.$defs.measureId.pattern);


type RenameTarget =
  /** `doc`: the plan the item is in, when it is not the one renamed from (an `aligns` entry); `span`: what the cursor's name covers. */
  | { kind: 'item'; item: PlanItem; scalar: ScalarText; doc?: PlanDocument; span?: Span }
  /** The plan's `organization.acronym`: children's `aligns` entries follow. */
  | { kind: 'acronym'; scalar: ScalarText }
  | { kind: 'unit'; uri: string; unit: Unit; scalar: ScalarText }
  | { kind: 'measure'; measure: Measure; scalar: ScalarText };

export function prepareRename(ws: PlanWorkspace, doc: PlanDocument, position: Position): { range: Range; placeholder: string } | { error: string } {
  const t = renameTarget(ws, doc, position);
  if ('error' in t) return t;
  if (t.kind === 'item' && t.span) return { range: doc.lines.range(t.span), placeholder: doc.text.slice(t.span.start, t.span.end) };
  return { range: doc.lines.range(innerSpan(doc.text, t.scalar)), placeholder: t.scalar.text };
}

export function provideRenameEdits(ws: PlanWorkspace, doc: PlanDocument, position: Position, newName: string): { edit: WorkspaceEdit } | { error: string } {
  const t = renameTarget(ws, doc, position);
  if ('error' in t) return t;
  let name = newName.trim();
  // "1.3" or '1.3' typed with its quotes means 1.3: the quotes of the plan are kept anyway.
  if (/^(["']).+\1$/.test(name)) name = name.slice(1, -1).trim();
  switch (t.kind) {
    case 'item':
      return renameItem(ws, t.doc ?? doc, t.item, name);
    case 'unit':
      return renameUnit(ws, doc, t.uri, t.unit, name);
    case 'measure':
      return renameMeasure(ws, doc, t.measure, name);
    case 'acronym':
      return renameAcronym(ws, doc, t.scalar, name);
  }
}

/** What the cursor names: the item or unit to rename, and the scalar under the cursor. */
function renameTarget(ws: PlanWorkspace, doc: PlanDocument, position: Position): RenameTarget | { error: string } {
  const offset = doc.lines.offsetAt(position);
  const acronym = doc.model.organization?.acronymText;
  if (acronym && contains(acronym.span, offset)) return { kind: 'acronym', scalar: acronym };
  const t = targetAt(doc.model, offset);
  switch (t?.kind) {
    case 'alignment-ref': {
      // `DHS 2.3`: renames objective 2.3 of DHS's plan (and every entry naming it).
      const r = resolveAlignment(ws, doc, t.ref);
      if (r.kind !== 'item') return { error: `${t.ref.target.text} names no item of another plan of the workspace, so there is nothing to rename. Correct the entry first.` };
      if (ws.isExternal(r.doc.uri)) return { error: externalPlanProblem([fileNameOf(r.doc.uri)], `Renaming ${t.ref.target.text.trim()}`) };
      const inner = innerSpan(doc.text, t.ref.target);
      const start = inner.start + r.entry.numberAt;
      return { kind: 'item', item: r.item, scalar: r.item.id!, doc: r.doc, span: { start, end: start + r.entry.number.length } };
    }
    case 'item-id':
      return { kind: 'item', item: t.item, scalar: t.item.id! };
    case 'item-ref': {
      const text = t.ref.target.text;
      // A number used twice names the first item that has it, as everywhere else.
      const item = doc.model.itemsById.get(text)?.[0];
      if (!item) return { error: `No goal, objective or sub-objective is numbered ${text}, so there is nothing to rename. Correct the number first.` };
      return { kind: 'item', item, scalar: t.ref.target };
    }
    case 'unit-id':
      return { kind: 'unit', uri: doc.uri, unit: t.unit, scalar: t.unit.id! };
    case 'unit-ref': {
      const text = t.ref.target.text;
      const defs = unitDefinitions(ws, doc, text);
      if (!defs.length) return { error: `No unit has the id "${text}", so there is nothing to rename. Correct the id or add the unit under \`units:\` first.` };
      if (defs.length > 1) {
        const places = [...new Set(defs.map((d) => (d.uri === doc.uri ? 'this plan' : fileNameOf(d.uri))))];
        const where = places.length === 1 ? `${defs.length} times in ${places[0]}` : `in more than one plan (${places.join(', ')})`;
        return { error: `Unit ${text} is defined ${where}, so it is not clear which one to rename. Rename it where it is defined.` };
      }
      if (ws.isExternal(defs[0].uri)) return { error: externalPlanProblem([fileNameOf(defs[0].uri)], `Renaming unit ${text}`) };
      return { kind: 'unit', uri: defs[0].uri, unit: defs[0].unit, scalar: t.ref.target };
    }
    case 'measure-id':
      return { kind: 'measure', measure: t.measure, scalar: t.measure.id! };
    case 'measure-ref': {
      const text = t.ref.target.text;
      // An id used twice names the first measure that has it, as item numbers do.
      const measure = measureDefinitions(doc, text)[0];
      if (!measure) return { error: `No measure has the id ${text}, so there is nothing to rename. Correct the id first.` };
      return { kind: 'measure', measure, scalar: t.ref.target };
    }
    default:
      return { error: NOT_RENAMEABLE };
  }
}

function renameItem(ws: PlanWorkspace, doc: PlanDocument, item: PlanItem, name: string): { edit: WorkspaceEdit } | { error: string } {
  const model = doc.model;
  const old = item.id!.text;
  if (name === old) return { edit: { changes: {} } };
  const label = itemLabel(item);
  const Label = label[0].toUpperCase() + label.slice(1);
  const word = kindWord(item.kind);

  if (!isWellFormed({ ...item, id: { ...item.id!, text: name } })) {
    return { error: `"${name}" cannot be the number of ${article(word)} ${word}: ${HOW_NUMBERED[item.kind]}.` };
  }
  const parent = item.parent;
  if (parent?.id && isWellFormed(parent)) {
    const prefix = parent.id.text;
    if (name.slice(0, name.lastIndexOf('.')) !== prefix) {
      const own = name.slice(name.lastIndexOf('.') + 1);
      return { error: `${Label} is under ${itemLabel(parent)}, so its number must start with ${prefix} and a dot (for example ${prefix}.${own}).` };
    }
  }

  // The item and its descendants whose numbers start with the item's number.
  const renamed = new Map<PlanItem, string>([[item, name]]);
  const walk = (children: PlanItem[]) => {
    for (const c of children) {
      const id = c.id?.text;
      if (id === undefined || !id.startsWith(old + '.')) continue;
      renamed.set(c, name + id.slice(old.length));
      walk(c.children);
    }
  };
  walk(item.children);

  for (const [it, id] of renamed) {
    const holder = (model.itemsById.get(id) ?? []).find((o) => !renamed.has(o));
    if (!holder) continue;
    const held = `${itemLabel(holder)}${holder.title ? ` ("${holder.title}")` : ''}`;
    if (it === item) return { error: `${name} is already the number of ${held}. Choose a number no other item has.` };
    return { error: `Renumbering ${label} to ${name} would renumber ${itemLabel(it)} to ${id}, which is already the number of ${held}.` };
  }

  const outOfSequence = sequenceError(model, item, name);
  if (outOfSequence) return { error: outOfSequence };
  // A number taken from another item's text (merge key, alias) cannot change on its own.
  const shared = sharedNumberProblem(doc, renamed);
  if (shared) return { error: shared };

  const edit: WorkspaceEdit = { changes: {} };
  for (const [it, id] of renamed) addEdit(edit, doc.uri, scalarEdit(doc, it.id!, id));
  for (const ref of model.refs) {
    if (refKind(ref) !== 'item') continue;
    const target = model.itemsById.get(ref.target.text)?.[0];
    const id = target && renamed.get(target);
    if (id !== undefined) addEdit(edit, doc.uri, scalarEdit(doc, ref.target, id));
  }
  // Other plans' `aligns` entries naming the renamed items, open or not.
  alignmentRenameEdits(ws, doc, renamed, edit);
  return checked(ws, edit);
}

/**
 * Why `name` would put `item` out of sequence among its siblings, if it would: its own (last)
 * number must be one more than that of the nearest previous sibling with a well-formed number
 * (1 when there is none). This refuses creating a gap or a step back, and allows fixing one.
 */
function sequenceError(model: PlanModel, item: PlanItem, name: string): string | undefined {
  const siblings = item.parent?.children ?? model.goals;
  let prev: PlanItem | undefined;
  for (let i = siblings.indexOf(item) - 1; i >= 0 && !prev; i--) if (isWellFormed(siblings[i])) prev = siblings[i];
  const dot = name.lastIndexOf('.');
  const own = Number(name.slice(dot + 1));
  const expected = (prev ? ownNumber(prev) : 0) + 1;
  if (own === expected) return undefined;
  const label = itemLabel(item);
  const Label = label[0].toUpperCase() + label.slice(1);
  const word = kindWord(item.kind);
  const number = name.slice(0, dot + 1) + expected;
  const place = prev ? `comes right after ${itemLabel(prev)}` : `is the first ${word}${item.parent ? ` of ${itemLabel(item.parent)}` : ''}`;
  const why = own > expected ? `${name} would leave a gap` : prev ? `${name} would put the numbers out of order` : `numbering starts at ${number}, not ${name}`;
  return `${Label} ${place}, so its number must be ${number}; ${why}. To put items in a different order, move them and use "${groupTitle(item.parent)}".`;
}

/** The last number of a well-formed id: 3 for 2.3. */
function ownNumber(item: PlanItem): number {
  const id = item.id!.text;
  return Number(id.slice(id.lastIndexOf('.') + 1));
}

function renameUnit(ws: PlanWorkspace, doc: PlanDocument, uri: string, unit: Unit, name: string): { edit: WorkspaceEdit } | { error: string } {
  const old = unit.id!.text;
  if (name === old) return { edit: { changes: {} } };
  if (!UNIT_ID.test(name)) {
    return { error: `"${name}" cannot be a unit id: a unit id starts with a letter, followed by letters, digits, &, ., _ or -.` };
  }
  const docs = ws.all().map((d) => (d.uri === doc.uri ? doc : d));
  if (!docs.some((d) => d.uri === doc.uri)) docs.push(doc);
  const defDoc = docs.find((d) => d.uri === uri)!;

  const taken = [doc, ...docs.filter((d) => d.uri !== doc.uri)]
    .flatMap((d) => (d.model.unitsById.get(name) ?? []).map((u) => ({ d, u })))[0];
  if (taken) {
    const where = taken.d.uri === doc.uri ? 'in this plan' : `in ${fileNameOf(taken.d.uri)}`;
    return { error: `${name} is already the id of unit ${name}${taken.u.name ? ` ("${taken.u.name}")` : ''} ${where}. Choose an id no other unit has.` };
  }

  const edit: WorkspaceEdit = { changes: {} };
  addEdit(edit, uri, scalarEdit(defDoc, unit.id!, name));
  // The entries that mean this unit, by the rule find references uses (see references.ts).
  for (const r of unitReferences(ws, doc, old)) addEdit(edit, r.doc.uri, scalarEdit(r.doc, r.ref.target, name));
  return checked(ws, edit);
}

function renameMeasure(ws: PlanWorkspace, doc: PlanDocument, measure: Measure, name: string): { edit: WorkspaceEdit } | { error: string } {
  const old = measure.id!.text;
  if (name === old) return { edit: { changes: {} } };
  if (!MEASURE_ID.test(name)) {
    return { error: `"${name}" cannot be a measure id: a measure id starts with a letter, followed by letters, digits, ., _ or - (for example PM-2.1.1).` };
  }
  const holder = measureDefinitions(doc, name)[0];
  if (holder) {
    return { error: `${name} is already the id of a measure of ${itemLabel(holder.owner)}${holder.name ? ` ("${holder.name}")` : ''}. Choose an id no other measure has.` };
  }
  // An id taken from another measure's text (an alias, a merge key) cannot change on its own.
  if (measure.id!.shared) {
    return { error: `The id ${old} is written once and read by more than one measure (through an anchor and alias, or \`<<:\`), so renaming it here would rename them all. Give this measure an id of its own first.` };
  }
  const edit: WorkspaceEdit = { changes: {} };
  addEdit(edit, doc.uri, scalarEdit(doc, measure.id!, name));
  // The entries naming this id mean the first measure that has it: they follow it, not a later duplicate.
  if (measureDefinitions(doc, old)[0] === measure) {
    for (const r of referencesOf(ws, doc, 'measure', old)) addEdit(edit, r.doc.uri, scalarEdit(r.doc, r.ref.target, name));
  }
  return checked(ws, edit);
}

const ACRONYM = /^[A-Za-z][A-Za-z0-9&._-]*$/;

/** A plan's acronym, with every entry of the other plans that names this plan by it. */
function renameAcronym(ws: PlanWorkspace, doc: PlanDocument, scalar: ScalarText, name: string): { edit: WorkspaceEdit } | { error: string } {
  if (name === scalar.text) return { edit: { changes: {} } };
  if (!ACRONYM.test(name)) return { error: `"${name}" cannot be an acronym that \`aligns\` entries name: it starts with a letter, followed by letters, digits, &, ., _ or -.` };
  const edit: WorkspaceEdit = { changes: {} };
  addEdit(edit, doc.uri, scalarEdit(doc, scalar, name));
  acronymRenameEdits(ws, doc, name, edit);
  return checked(ws, edit);
}

/** The edit, checked: no two of its edits overlap or repeat (see checkedEdits), or why not. */
function checked(ws: PlanWorkspace, edit: WorkspaceEdit): { edit: WorkspaceEdit } | { error: string } {
  // A plan read from outside the workspace for `parents:` is never changed (externalPlans.ts).
  const outside = externalEditProblem(ws, edit, 'This rename');
  if (outside) return { error: outside };
  try {
    return { edit: checkedWorkspaceEdit(edit) };
  } catch (e) {
    if (e instanceof EditConflict) return { error: e.message };
    throw e;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

