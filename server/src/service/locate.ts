// What sits at an offset of a plan: an item's number, a reference, a unit id, a key. Shared by
// hover, definition, references, highlights and rename, all reading the one model.
import type { Field, Measure, PlanItem, PlanModel, Reference, Section, Unit, Value, YearValue } from './model';
import { refKind, type RefKind } from './fields';
import { contains, type Span } from './text';

export type Target =
  | { kind: 'item-id'; item: PlanItem; span: Span }
  | { kind: 'item-ref'; ref: Reference; span: Span }
  | { kind: 'unit-id'; unit: Unit; span: Span }
  | { kind: 'unit-ref'; ref: Reference; span: Span }
  | { kind: 'measure-id'; measure: Measure; span: Span }
  | { kind: 'measure-ref'; ref: Reference; span: Span }
  | { kind: 'measure-year'; measure: Measure; year: YearValue; span: Span }
  | { kind: 'key'; field: Field; owner: KeyOwner; span: Span };

/** The target kind of a reference entry, by what it names (fields.ts): one entry per RefKind. */
const REF_TARGET: Readonly<Record<RefKind, 'item-ref' | 'unit-ref' | 'measure-ref'>> = { item: 'item-ref', unit: 'unit-ref', measure: 'measure-ref' };

/** The kind of mapping a key belongs to: decides which part of the schema describes it. */
export type KeyOwner = 'plan' | 'organization' | 'period' | 'goal' | 'objective' | 'subobjective' | 'unit' | 'value' | 'measure' | 'milestone';

/** The innermost goal, objective or sub-objective whose mapping contains the offset. */
export function itemAt(model: PlanModel, offset: number): PlanItem | undefined {
  let list = model.goals;
  let found: PlanItem | undefined;
  for (;;) {
    const hit = search(list, offset);
    if (!hit) return found;
    found = hit;
    list = hit.children;
  }
}

function search(items: PlanItem[], offset: number): PlanItem | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = items[mid].span;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return items[mid];
  }
  return undefined;
}

export function unitAt(model: PlanModel, offset: number): Unit | undefined {
  return model.units.find((u) => contains(u.span, offset));
}

function valueAt(model: PlanModel, offset: number): Value | undefined {
  return model.values.find((v) => contains(v.span, offset));
}

export function targetAt(model: PlanModel, offset: number): Target | undefined {
  const item = itemAt(model, offset);
  if (item) {
    if (item.id && contains(item.id.span, offset)) return { kind: 'item-id', item, span: item.id.span };
    for (const ref of item.refs) {
      if (contains(ref.target.span, offset)) return { kind: REF_TARGET[refKind(ref)], ref, span: ref.target.span };
    }
    const f = keyAt(item.fields, offset);
    if (f) return { kind: 'key', field: f, owner: item.kind, span: f.keySpan };
    if (item.measures) {
      for (const m of item.measures) {
        if (!contains(m.span, offset)) continue;
        if (m.id && contains(m.id.span, offset)) return { kind: 'measure-id', measure: m, span: m.id.span };
        for (const y of m.targets) if (contains(y.year.span, offset)) return { kind: 'measure-year', measure: m, year: y, span: y.year.span };
        for (const y of m.results) if (contains(y.year.span, offset)) return { kind: 'measure-year', measure: m, year: y, span: y.year.span };
        const mf = keyAt(m.fields, offset);
        return mf && { kind: 'key', field: mf, owner: 'measure', span: mf.keySpan };
      }
    }
    if (item.milestones) {
      for (const ms of item.milestones) {
        if (!contains(ms.span, offset)) continue;
        const mf = keyAt(ms.fields, offset);
        return mf && { kind: 'key', field: mf, owner: 'milestone', span: mf.keySpan };
      }
    }
    return undefined;
  }
  const unit = unitAt(model, offset);
  if (unit) {
    if (unit.id && contains(unit.id.span, offset)) return { kind: 'unit-id', unit, span: unit.id.span };
    const f = keyAt(unit.fields, offset);
    return f && { kind: 'key', field: f, owner: 'unit', span: f.keySpan };
  }
  const value = valueAt(model, offset);
  if (value) {
    const f = keyAt(value.fields, offset);
    return f && { kind: 'key', field: f, owner: 'value', span: f.keySpan };
  }
  for (const s of model.sections) {
    if (contains(s.keySpan, offset)) return { kind: 'key', field: sectionField(s), owner: 'plan', span: s.keySpan };
    if (s.key === 'organization' || s.key === 'period') {
      const f = keyAt(s.fields, offset);
      if (f) return { kind: 'key', field: f, owner: s.key, span: f.keySpan };
    }
  }
  return undefined;
}

function keyAt(fields: Field[], offset: number): Field | undefined {
  return fields.find((f) => contains(f.keySpan, offset));
}

function sectionField(s: Section): Field {
  return { key: s.key, keySpan: s.keySpan, valueSpan: s.valueSpan };
}
