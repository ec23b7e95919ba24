// The plan's fields, declared once. Both readers (build.ts over yaml's nodes, lineReader.ts over
// its own) build items with the one `buildItem` below, from this table; the checks and features
// that name a field (hover, completion, locate, references, rename, the Plan view) ask it what a
// field is and what it refers to. schemas/plan.schema.json stays the public contract: fields.test.ts
// fails when the table and the schema drift apart.
//
// Adding a reference field is one entry in ITEM_FIELDS (role 'ref', with what it refers to) plus tests.
import type { Field, ItemKind, Measure, Milestone, PlanItem, Reference, RefField, ScalarText, YearValue } from './model';
import { CHILD_KIND } from './model';
import { ownNumber } from './checks/numbering';
import { closest, type Span } from './text';

/** What a reference field names. */
export type RefKind = 'unit' | 'item' | 'measure';

/** What a field of an item is to the model. */
export type FieldRole =
  /** The item's number. */
  | 'id'
  | 'title'
  | 'description'
  /** Names other things of the plan (see `refers`). */
  | 'ref'
  /** The item's objectives or sub-objectives. */
  | 'children'
  /** Text kept in the model under the field's name (a measure's `name`, `unit`, ...). */
  | 'text'
  /** true or false, kept under the field's name. */
  | 'flag'
  /** The item's performance measures (MEASURE_FIELDS). */
  | 'measures'
  /** The item's milestones (MILESTONE_FIELDS). */
  | 'milestones'
  /** A measure's `{ year, value }`. */
  | 'baseline'
  /** A measure's fiscal years and values (`targets`, `results`). */
  | 'years'
  /** A date (a milestone's `due`). */
  | 'date';

export interface FieldSpec {
  role: FieldRole;
  /** For role 'ref': what its entries name. */
  refers?: RefKind;
}

/**
 * The fields each kind of item may have, with what each is to the model. The keys are exactly
 * the schema's properties of `$defs/goal`, `$defs/objective`, `$defs/subobjective`.
 */
/** What every item has, what objectives and sub-objectives point at, and what every item may carry. */
const NAMED: Readonly<Record<string, FieldSpec>> = { id: { role: 'id' }, title: { role: 'title' }, description: { role: 'description' } };
const POINTERS: Readonly<Record<string, FieldSpec>> = {
  lead: { role: 'ref', refers: 'unit' },
  support: { role: 'ref', refers: 'unit' },
  related: { role: 'ref', refers: 'item' },
};
const TRACKED: Readonly<Record<string, FieldSpec>> = { measures: { role: 'measures' }, milestones: { role: 'milestones' } };
/** Text kept with an item that is not its narrative (what a StratML import found no field for). */
const NOTES: Readonly<Record<string, FieldSpec>> = { notes: { role: 'text' } };

export const ITEM_FIELDS: Record<ItemKind, Readonly<Record<string, FieldSpec>>> = {
  goal: { ...NAMED, ...TRACKED, ...NOTES, objectives: { role: 'children' } },
  objective: { ...NAMED, ...POINTERS, ...TRACKED, ...NOTES, subobjectives: { role: 'children' } },
  subobjective: { ...NAMED, ...POINTERS, ...TRACKED, ...NOTES },
};

/** The fields of a measure (`$defs/measure` in the schema). */
export const MEASURE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: { role: 'id' },
  name: { role: 'text' },
  unit: { role: 'text' },
  direction: { role: 'text' },
  kind: { role: 'text' },
  lead: { role: 'ref', refers: 'unit' },
  baseline: { role: 'baseline' },
  targets: { role: 'years' },
  results: { role: 'years' },
  source: { role: 'text' },
  priority: { role: 'flag' },
};

/** The fields of a milestone (`$defs/milestone`). */
export const MILESTONE_FIELDS: Readonly<Record<string, FieldSpec>> = {
  title: { role: 'text' },
  due: { role: 'date' },
  done: { role: 'flag' },
};

/** What each reference field names, whichever item holds it. */
export const REF_FIELDS: Readonly<Record<RefField, RefKind>> = refFields();

function refFields(): Record<RefField, RefKind> {
  const out: Record<string, RefKind> = {};
  for (const table of [...Object.values(ITEM_FIELDS), MEASURE_FIELDS, MILESTONE_FIELDS]) {
    for (const [key, spec] of Object.entries(table)) {
      if (spec.role !== 'ref') continue;
      // One name, one meaning: `lead` names units wherever it is written.
      if (out[key] && out[key] !== spec.refers) throw new Error(`fields.ts: \`${key}\` refers to ${out[key]} and to ${spec.refers}`);
      out[key] = spec.refers!;
    }
  }
  return out as Record<RefField, RefKind>;
}

/** What a reference names: a unit (`lead`, `support`), an item (`related`), ... */
export function refKind(ref: { field: RefField }): RefKind {
  return REF_FIELDS[ref.field];
}

/** The reference fields that name `kind`, in table order: ['lead', 'support'] for units. */
export function refFieldsTo(kind: RefKind): RefField[] {
  return (Object.keys(REF_FIELDS) as RefField[]).filter((f) => REF_FIELDS[f] === kind);
}

/** Whether `key` is a reference field of any item. */
export function isRefField(key: string): key is RefField {
  return Object.prototype.hasOwnProperty.call(REF_FIELDS, key);
}

/** The key of each kind's children (`objectives`), if it has any. */
export const CHILDREN_KEY: Readonly<Record<ItemKind, string | undefined>> = {
  goal: childrenKey('goal'),
  objective: childrenKey('objective'),
  subobjective: childrenKey('subobjective'),
};

function childrenKey(kind: ItemKind): string | undefined {
  for (const [key, spec] of Object.entries(ITEM_FIELDS[kind])) if (spec.role === 'children') return key;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// One item builder over both readers' nodes

/** The keys and values of a mapping as a reader gives them: the merged keys of `<<: *base` included, own keys first. */
export interface NodePairs<N> {
  readonly keys: readonly string[];
  readonly values: readonly N[];
}

/**
 * What the item builder needs of a node: yaml's nodes (build.ts) and the line reader's
 * (lineReader.ts) each have one, so neither is converted into the other.
 */
export interface NodeSource<N> {
  /** The node's span when it is a mapping, else undefined. */
  mapSpan(n: N): Span | undefined;
  /** The mapping's own fields as written (no merged keys). */
  fields(n: N): Field[];
  /** The mapping's keys and values, merged keys included (the node is a mapping). */
  pairs(n: N): NodePairs<N>;
  /** Where the i-th key of `pairs` is written. */
  keySpan(pairs: NodePairs<N>, i: number): Span | undefined;
  /** The i-th key of `pairs` as written (a year of `targets`: `2021`, a number). */
  keyScalar(pairs: NodePairs<N>, i: number): ScalarText | undefined;
  /** The entries of a list, or undefined when the node is not one. */
  items(n: N): N[] | undefined;
  scalar(n: N): ScalarText | undefined;
  string(n: N): string | undefined;
  bool(n: N): boolean | undefined;
  /** The span of a node as written (an alias's own span), undefined for no node. */
  span(n: N): Span | undefined;
  /**
   * Notes that `s` was read (an id, or the target of `ref`), and returns the first reading of the
   * same text when there was one (yaml's aliases and merge keys read a text again); the line
   * reader, which reads no aliases, has none.
   */
  noteRead?(s: ScalarText, ref?: Reference): { ref?: Reference } | undefined;
}

/** The table as maps: a key such as `__proto__` is no field. */
const FIELD_MAPS: Record<ItemKind, ReadonlyMap<string, FieldSpec>> = {
  goal: new Map(Object.entries(ITEM_FIELDS.goal)),
  objective: new Map(Object.entries(ITEM_FIELDS.objective)),
  subobjective: new Map(Object.entries(ITEM_FIELDS.subobjective)),
};
/** The keys of each kind's table, for reading a misspelt key (keyReading). */
const FIELD_KEYS: Record<ItemKind, readonly string[]> = {
  goal: Object.keys(ITEM_FIELDS.goal),
  objective: Object.keys(ITEM_FIELDS.objective),
  subobjective: Object.keys(ITEM_FIELDS.subobjective),
};

/**
 * How the keys of a mapping are read: a key that is not a field, but a misspelling of a field the
 * mapping does not have (`ib: ERO`, `subobjectves:`), is read as that field (the first such key
 * only). The schema check reports the key once ("did you mean `id`?", see foldErrors in
 * schema.ts) and the rest of the plan is checked as if it were fixed: the entries naming a unit
 * whose `id` is misspelt, or the sub-objectives under a misspelt `subobjectives`, are not
 * reported as well.
 */
export function keyReading(keys: readonly string[], fields: readonly string[]): (key: string) => string {
  let as: Map<string, string> | undefined;
  for (const k of keys) {
    if (fields.includes(k)) continue;
    const f = closest(k, fields);
    if (!f || keys.includes(f) || (as && [...as.values()].includes(f))) continue;
    (as ??= new Map()).set(k, f);
  }
  return as ? (k) => as!.get(k) ?? k : (k) => k;
}

const MEASURE_MAP: ReadonlyMap<string, FieldSpec> = new Map(Object.entries(MEASURE_FIELDS));
const MILESTONE_MAP: ReadonlyMap<string, FieldSpec> = new Map(Object.entries(MILESTONE_FIELDS));
const MEASURE_KEYS: readonly string[] = Object.keys(MEASURE_FIELDS);
const MILESTONE_KEYS: readonly string[] = Object.keys(MILESTONE_FIELDS);

/** Builds an item (and its children) from a mapping node, from the field table. */
export function buildItem<N>(src: NodeSource<N>, node: N, kind: ItemKind, path: (string | number)[], index: number, parent: PlanItem | undefined): PlanItem | undefined {
  const span = src.mapSpan(node);
  if (!span) return undefined;
  const fields = src.fields(node);
  const item: PlanItem = { kind, span, path, index, parent, children: [], refs: [], fields };
  const table = FIELD_MAPS[kind];
  const pairs = src.pairs(node);
  const { keys, values } = pairs;
  // A misspelt key (`ib:`, `subobjectves:`) is read as the field it stands for (keyReading).
  const read = keyReading(keys, FIELD_KEYS[kind]);
  for (let i = 0; i < keys.length; i++) {
    const key = read(keys[i]);
    const spec = table.get(key);
    if (!spec) continue;
    const value = values[i];
    switch (spec.role) {
      case 'id':
        item.id = src.scalar(value);
        if (item.id) src.noteRead?.(item.id);
        break;
      case 'title': {
        item.title = src.string(value);
        const s = src.span(value);
        if (s) item.titleSpan = s;
        break;
      }
      case 'description':
        item.description = src.string(value);
        break;
      case 'text':
        if (key === 'notes') item.notes = src.string(value);
        break;
      case 'ref':
        readRefs(src, value, key as RefField, spec.refers!, item);
        break;
      case 'measures':
        item.measures = readList(src, value, (n, i) => buildMeasure(src, n, item, i));
        break;
      case 'milestones':
        item.milestones = readList(src, value, (n, i) => buildMilestone(src, n, item, i));
        break;
      case 'children': {
        item.childrenKeySpan = src.keySpan(pairs, i);
        const list = src.items(value);
        if (list) {
          const ck = CHILD_KIND[kind]!;
          list.forEach((c, i) => {
            const child = buildItem(src, c, ck, [...path, key, i], i, item);
            if (child) item.children.push(child);
          });
        }
        break;
      }
    }
  }
  if (item.id) {
    const own = ownNumber(kind, item.id.text);
    if (own !== undefined) item.own = own;
  }
  return item;
}

function readList<N, T>(src: NodeSource<N>, value: N, read: (n: N, i: number) => T | undefined): T[] {
  const out: T[] = [];
  src.items(value)?.forEach((n, i) => {
    const t = read(n, i);
    if (t) out.push(t);
  });
  return out;
}

function buildMeasure<N>(src: NodeSource<N>, node: N, owner: PlanItem, index: number): Measure | undefined {
  const span = src.mapSpan(node);
  if (!span) return undefined;
  const m: Measure = { span, fields: src.fields(node), owner, index, targets: [], results: [] };
  const { keys, values } = src.pairs(node);
  const read = keyReading(keys, MEASURE_KEYS);
  for (let i = 0; i < keys.length; i++) {
    const key = read(keys[i]);
    const value = values[i];
    const spec = MEASURE_MAP.get(key);
    switch (spec?.role) {
      case 'id':
        m.id = src.scalar(value);
        if (m.id) src.noteRead?.(m.id);
        break;
      case 'text':
        (m as unknown as Record<string, string | undefined>)[key] = src.string(value);
        break;
      case 'flag':
        m.priority = src.bool(value);
        break;
      case 'ref':
        readRefs(src, value, key as RefField, spec.refers!, owner, m);
        break;
      case 'baseline':
        if (src.mapSpan(value)) {
          const b = src.pairs(value);
          m.baseline = {};
          for (let j = 0; j < b.keys.length; j++) {
            if (b.keys[j] === 'year') m.baseline.year = src.scalar(b.values[j]);
            else if (b.keys[j] === 'value') m.baseline.value = src.scalar(b.values[j]);
          }
        }
        break;
      case 'years':
        if (src.mapSpan(value)) {
          const y = src.pairs(value);
          const out: YearValue[] = key === 'targets' ? m.targets : m.results;
          for (let j = 0; j < y.keys.length; j++) {
            const year = src.keyScalar(y, j);
            if (year) out.push({ year, value: src.scalar(y.values[j]) });
          }
        }
        break;
    }
  }
  return m;
}

function buildMilestone<N>(src: NodeSource<N>, node: N, owner: PlanItem, index: number): Milestone | undefined {
  const span = src.mapSpan(node);
  if (!span) return undefined;
  const m: Milestone = { span, fields: src.fields(node), owner, index };
  const { keys, values } = src.pairs(node);
  const read = keyReading(keys, MILESTONE_KEYS);
  for (let i = 0; i < keys.length; i++) {
    switch (MILESTONE_MAP.get(read(keys[i]))?.role) {
      case 'text':
        m.title = src.string(values[i]);
        break;
      case 'date':
        m.due = src.scalar(values[i]);
        break;
      case 'flag':
        m.done = src.bool(values[i]);
        break;
    }
  }
  return m;
}

function readRefs<N>(src: NodeSource<N>, value: N, field: RefField, refers: RefKind, owner: PlanItem, measure?: Measure): void {
  for (const n of src.items(value) ?? [value]) {
    const target = src.scalar(n);
    if (!target) continue;
    // A unit id is text: `lead: 5` is one problem, the schema's (a unit id starts with a letter).
    if (refers === 'unit' && src.string(n) === undefined) continue;
    const ref: Reference = measure ? { field, target, owner, measure } : { field, target, owner };
    const first = src.noteRead?.(target, ref)?.ref;
    // The same entry read by another item (`<<: *base`, `related: *rel`): one entry, several readers.
    if (first && refKind(first) === refers) {
      ref.repeats = first;
      if (first.owner !== owner && !first.sharedBy?.includes(owner)) (first.sharedBy ??= []).push(owner);
    }
    owner.refs.push(ref);
  }
}
