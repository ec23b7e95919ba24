// Renumbering: gives goals, objectives and sub-objectives the numbers of their place in the plan
// (goals 1..n, objectives g.1..g.m, sub-objectives g.o.1..), and rewrites every `related` entry
// so that it still names the same item it named before. Links follow items, not numbers.
import type { TextEdit } from 'vscode-languageserver-types';
import { isWellFormed } from '../checks/numbering';
import type { PlanDocument } from '../documents';
import { scalarEdit, sortEdits } from '../edits';
import type { PlanItem, PlanModel, ScalarText } from '../model';

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
 */
export function renumberEdits(doc: PlanDocument, scope?: RenumberScope): TextEdit[] {
  const model = doc.model;
  const renumbered = newNumbers(model, scope);
  const edits: TextEdit[] = [];
  // A number that keeps its text is left as written, unless YAML reads it as a number (`1.10`).
  const edit = (s: ScalarText, id: string) => {
    const e = s.text !== id || s.isNumber ? scalarEdit(doc, s, id, { quoteDotted: true }) : undefined;
    if (e) edits.push(e);
  };
  for (const [item, id] of renumbered) edit(item.id!, id);
  for (const ref of model.refs) {
    if (ref.field !== 'related') continue;
    const target = model.itemsById.get(ref.target.text)?.[0];
    const id = target && renumbered.get(target);
    if (id !== undefined) edit(ref.target, id);
  }
  return sortEdits(edits);
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
