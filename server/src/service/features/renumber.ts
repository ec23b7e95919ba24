// Renumbering: gives goals, objectives and sub-objectives the numbers of their place in the plan
// (goals 1..n, objectives g.1..g.m, sub-objectives g.o.1..), and rewrites every `related` entry
// so that it still names the same item it named before. Links follow items, not numbers.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isWellFormed } from '../checks/numbering';
import { refKind } from '../fields';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { checkedEdits, checkedWorkspaceEdit, EditConflict, scalarEdit } from '../edits';
import { alignmentRenameEdits } from './alignment';
import { externalEditProblem } from '../externalPlans';
import { itemLabel, kindWord, ordinal, type PlanItem, type PlanModel, type ScalarText } from '../model';

export interface RenumberScope {
  /** Renumber only this item's children (and the prefixes of their descendants). */
  parent?: PlanItem;
  /** Renumber only the goals (and the prefixes of their descendants). */
  goalsOnly?: boolean;
}

/**
 * Edits that renumber the whole plan (no scope), the goals only, or the children of one item.
 *
 * - Items are numbered in document order; items without an id are left alone, do not take a
 *   number, and neither do their descendants (they have no number to start from).
 * - In a scoped renumber, the descendants of renumbered items keep their own last number and
 *   take their new parent's prefix (objective 3.5 → 3.2 turns 3.5.4 into 3.2.4); descendants
 *   whose id is not a well-formed number are left alone.
 * - A `related` entry names the item it resolved to before: the first item with that number
 *   when the number was used twice (document order), nothing when no item had it (then the
 *   entry is left as it is). It is rewritten to that item's new number.
 * - Every dotted number the renumber changes is written in quotes (plain `1.2.1` → `"1.3.1"`),
 *   and so is every plain dotted number in scope YAML reads as a number (`1.10` → `"1.10"`).
 *   Quoted numbers keep their quotes (single or double); plain whole numbers (goal `id: 3`)
 *   stay plain.
 * - Only edits that change the text are returned, in document order.
 * - When the plan cannot be renumbered (see renumber), no edits.
 */
export function renumberEdits(doc: PlanDocument, scope?: RenumberScope): TextEdit[] {
  const r = renumber(doc, scope);
  return 'edits' in r ? r.edits : [];
}

/**
 * The edits of renumberEdits, or why the plan cannot be renumbered: an item that takes its
 * number from another item's text (through a merge key `<<: *base` or an alias) cannot be given
 * a number of its own by editing that text, since every item reading it would change with it
 * (renumbering again would change it back, and the problems would never go away). The edits
 * are checked by checkedEdits (no two overlap).
 */
/**
 * The edits, with what they change: `items` whose number changes and `links` (`related` entries)
 * that follow them ("Renumbered 7 items; 3 links followed").
 */
export function renumber(doc: PlanDocument, scope?: RenumberScope): { edits: TextEdit[]; items: number; links: number } | { error: string } {
  const model = doc.model;
  const renumbered = newNumbers(model, scope);
  const shared = sharedNumberProblem(doc, renumbered);
  if (shared) return { error: shared };
  const edits: TextEdit[] = [];
  // Text read by several items (checked above: they all get the same number) is edited once.
  const done = new Set<number>();
  // A number that keeps its text is left as written, unless YAML reads it as a number (`1.10`).
  const edit = (s: ScalarText, id: string): boolean => {
    if (s.shared && done.has(s.span.start)) return false;
    const e = s.text !== id || s.isNumber ? scalarEdit(doc, s, id, { quoteDotted: true }) : undefined;
    if (e) edits.push(e);
    if (s.shared) done.add(s.span.start);
    return !!e;
  };
  let items = 0;
  let links = 0;
  for (const [item, id] of renumbered) if (edit(item.id!, id)) items++;
  for (const ref of model.refs) {
    if (refKind(ref) !== 'item') continue;
    const target = model.itemsById.get(ref.target.text)?.[0];
    const id = target && renumbered.get(target);
    if (id !== undefined && edit(ref.target, id)) links++;
  }
  try {
    return { edits: checkedEdits(edits), items, links };
  } catch (e) {
    if (e instanceof EditConflict) return { error: e.message };
    throw e;
  }
}

/**
 * The edits of renumber, and those that keep other plans following: every `aligns` entry of
 * another plan of the workspace (open or not) that names a renumbered item of this plan is
 * rewritten to its new number, in the same workspace edit (as rename does). Checked by
 * checkedWorkspaceEdit.
 */
export function renumberWorkspaceEdit(ws: PlanWorkspace, doc: PlanDocument, scope?: RenumberScope): { edit: WorkspaceEdit; items: number; links: number } | { error: string } {
  const r = renumber(doc, scope);
  if ('error' in r) return r;
  const edit: WorkspaceEdit = { changes: {} };
  if (r.edits.length) edit.changes![doc.uri] = r.edits;
  // Only the items whose number changes: the children's entries naming the others stay as written.
  const changed = new Map<PlanItem, string>();
  for (const [item, id] of newNumbers(doc.model, scope)) if (item.id!.text !== id) changed.set(item, id);
  if (changed.size) alignmentRenameEdits(ws, doc, changed, edit);
  // A plan read from outside the workspace for `parents:` is never changed (externalPlans.ts).
  const outside = externalEditProblem(ws, edit, 'Renumbering');
  if (outside) return { error: outside };
  try {
    return { edit: checkedWorkspaceEdit(edit), items: r.items, links: r.links };
  } catch (e) {
    if (e instanceof EditConflict) return { error: e.message };
    throw e;
  }
}

/**
 * Why giving items these numbers cannot be done by editing their ids: when items read the same
 * id text (one takes it from another through a merge key `<<: *base` or an alias) and are to get
 * different numbers. Undefined when every id to change can change on its own.
 */
export function sharedNumberProblem(doc: PlanDocument, numbers: ReadonlyMap<PlanItem, string>): string | undefined {
  const readers = new Map<number, PlanItem[]>();
  for (const item of doc.model.items) {
    if (!item.id?.shared) continue;
    const list = readers.get(item.id.span.start);
    if (list) list.push(item);
    else readers.set(item.id.span.start, [item]);
  }
  for (const [item, id] of numbers) {
    const s = item.id!;
    if (!s.shared || s.text === id) continue;
    const all = readers.get(s.span.start) ?? [item];
    const wanted = all.map((r) => numbers.get(r) ?? r.id!.text);
    if (new Set(wanted).size === 1) continue;
    const line = doc.lines.positionAt(s.span.start).line + 1;
    return (
      `The number ${s.text} on line ${line} is the number of ${all.length} items, ${and(all.map(place))}: ` +
      `the others take it from there through a merge key (\`<<: *...\`) or an alias. Renumbering would give them ` +
      `different numbers (${and(wanted)}), and changing that one line would change them all. Give each item that ` +
      `takes its number from a merge key or an alias an \`id:\` line of its own, then renumber again.`
    );
  }
  return undefined;
}

function and(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "the 2nd objective of goal 1": where an item is, without its number (which other items share). */
function place(item: PlanItem): string {
  return `the ${ordinal(item.index + 1)} ${kindWord(item.kind)}${item.parent ? ` of ${itemLabel(item.parent)}` : ''}`;
}

/** The number each item in scope gets. */
export function newNumbers(model: PlanModel, scope?: RenumberScope): Map<PlanItem, string> {
  const out = new Map<PlanItem, string>();
  const full = (items: PlanItem[], prefix: string) => {
    let n = 0;
    for (const item of items) {
      if (!item.id) continue;
      const id = `${prefix}${++n}`;
      out.set(item, id);
      full(item.children, id + '.');
    }
  };
  const prefixOnly = (items: PlanItem[], prefix: string) => {
    for (const item of items) {
      if (!item.id || !isWellFormed(item)) continue;
      const own = item.id.text.slice(item.id.text.lastIndexOf('.') + 1);
      const id = prefix + own;
      out.set(item, id);
      prefixOnly(item.children, id + '.');
    }
  };
  const group = (items: PlanItem[], prefix: string) => {
    let n = 0;
    for (const item of items) {
      if (!item.id) continue;
      const id = `${prefix}${++n}`;
      out.set(item, id);
      prefixOnly(item.children, id + '.');
    }
  };
  if (scope?.parent) {
    const p = scope.parent;
    if (p.id && isWellFormed(p)) group(p.children, p.id.text + '.');
  } else if (scope?.goalsOnly) group(model.goals, '');
  else full(model.goals, '');
  return out;
}
