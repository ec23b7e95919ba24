// Expand selection (Shift+Alt+→): from the word under the cursor (a number, a reference, a key,
// a title) to its field, the item, the `objectives:` list it sits in, the items around it, the
// section, and the whole plan. Each step strictly contains the one before.
import type { Position, SelectionRange } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { CHILDREN_KEY } from '../fields';
import { type Field, type PlanItem, type Reference } from '../model';
import { itemAt, unitAt } from '../locate';
import { contains, type Span } from '../text';
import { Outline } from '../outline';

export function provideSelectionRanges(doc: PlanDocument, positions: Position[]): SelectionRange[] {
  return positions.map((p) => selectionAt(doc, doc.lines.offsetAt(p)));
}

function selectionAt(doc: PlanDocument, offset: number): SelectionRange {
  const model = doc.model;
  const o = Outline.of(model);
  const candidates: Span[] = []; // innermost first

  const fieldSteps = (fields: Field[], owner?: PlanItem, refs: Reference[] = []) => {
    for (const f of fields) {
      const whole = o.fieldSpan(f, owner);
      if (!contains(whole, offset)) continue;
      if (contains(f.keySpan, offset)) candidates.push(f.keySpan);
      else {
        const ref = refs.find((r) => contains(r.target.span, offset) && contains(f.valueSpan, r.target.span.start));
        if (ref) candidates.push(ref.target.span);
        candidates.push(o.valueContent(f));
      }
      candidates.push(whole);
      return;
    }
  };

  const item = itemAt(model, offset);
  if (item) {
    fieldSteps(item.fields, item, item.refs);
    candidates.push(o.itemSpan(item));
    for (let parent = item.parent; parent; parent = parent.parent) {
      const list = parent.fields.find((f) => f.key === CHILDREN_KEY[parent!.kind]);
      if (list) {
        candidates.push(o.valueContent(list));
        candidates.push(o.fieldSpan(list, parent));
      }
      candidates.push(o.itemSpan(parent));
    }
  } else {
    const unit = unitAt(model, offset);
    const value = unit ? undefined : model.values.find((v) => contains(v.span, offset));
    if (unit) {
      fieldSteps(unit.fields);
      candidates.push(o.unitSpan(unit));
    } else if (value) {
      fieldSteps(value.fields);
      candidates.push(o.valueSpan(value));
    }
  }

  let section: (typeof model.sections)[number] | undefined;
  for (const s of model.sections) if (s.keySpan.start <= offset) section = s;
  if (section) {
    if (!item) fieldSteps(section.fields);
    if (contains(section.keySpan, offset)) candidates.push(section.keySpan);
    candidates.push(o.valueContent(section));
    candidates.push(o.sectionSpan(section));
  }
  candidates.push({ start: 0, end: doc.text.length });

  // Keep the steps that hold the cursor and strictly grow: yaml quirks (aliases, merges) never
  // produce a step that does not contain the one before.
  const chain: Span[] = [];
  for (const c of candidates) {
    if (c.end < c.start || !contains(c, offset)) continue;
    const last = chain[chain.length - 1];
    if (last && !(c.start <= last.start && c.end >= last.end && (c.start < last.start || c.end > last.end))) continue;
    chain.push(c);
  }
  let result: SelectionRange | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const range = doc.lines.range(chain[i]);
    result = result ? { range, parent: result } : { range };
  }
  return result!;
}
