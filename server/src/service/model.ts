import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'yaml-syntax'
  | 'schema'
  | 'numbering-sequence'
  | 'numbering-parent'
  | 'numbering-duplicate'
  | 'numbering-format'
  | 'reference-unresolved'
  | 'measure-year'
  | 'measure-value'
  | 'measure-duplicate'
  | 'measure-direction'
  | 'measure-target-missing'
  | 'alignment-unresolved'
  | 'alignment-ambiguous'
  | 'alignment-format'
  // Style rules (checks/style.ts, off unless a config file turns them on), directives, config files (rules.ts).
  | 'objective-lead-missing'
  | 'title-too-long'
  | 'description-missing'
  | 'title-duplicate'
  | 'goal-single-objective'
  | 'placeholder-text'
  | 'title-capitalization'
  | 'unused-disable'
  | 'config-invalid';

/** A finding about a plan, in offsets; converted to LSP positions only at the edge. */
export interface PlanDiagnostic {
  span: Span;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Other places that explain this one (the first use of a duplicate id, ...). */
  related?: { span: Span; message: string }[];
  /** Machine-readable facts for quick fixes. */
  data?: Record<string, unknown>;
  /**
   * Where the statement the finding is about begins, when that is on another line than `span`
   * (a word inside a multi-line description: its key's line). A `planwright-disable-next-line`
   * comment above that line suppresses it too (suppress.ts), since no comment fits inside the text.
   */
  anchor?: number;
}

export type ItemKind = 'goal' | 'objective' | 'subobjective';
export const ITEM_DEPTH: Record<ItemKind, number> = { goal: 1, objective: 2, subobjective: 3 };
export const CHILD_KIND: Record<ItemKind, ItemKind | undefined> = { goal: 'objective', objective: 'subobjective', subobjective: undefined };

/** How a scalar was written, so that edits keep the author's quoting. */
export type ScalarStyle = 'plain' | 'double' | 'single' | 'block' | 'other';

/** A scalar as the author typed it. */
export interface ScalarText {
  /** The text the author meant: the source text for plain numbers (`1.10`, not `1.1`). */
  text: string;
  span: Span;
  style: ScalarStyle;
  /** YAML read it as a number, not a string. */
  isNumber: boolean;
  /**
   * The text is read by more than one item (the same scalar reached again through an anchor's
   * alias or a merge key, `<<: *base`): editing it changes every item that reads it.
   */
  shared?: true;
}

/** A key of a mapping and where its value sits. */
export interface Field {
  key: string;
  keySpan: Span;
  /** Value span; for a key with no value it is empty, right after the colon. */
  valueSpan: Span;
}

export type RefField = 'lead' | 'support' | 'related' | 'aligns';

export interface Reference {
  field: RefField;
  /** The id referred to: a unit id for lead/support, an item id for related, `DHS 2.3` for aligns. */
  target: ScalarText;
  owner: PlanItem;
  /**
   * Other items that read this same entry through an alias or a merge key (`<<: *base` naming
   * a unit, `related: *rel`): the entry is written once, here, and means the same for each.
   */
  sharedBy?: PlanItem[];
  /** The measure whose `lead` this is; unset for an item's own `lead`, `support` and `related`. */
  measure?: Measure;
  /**
   * Set on such a second reading of an entry: it is in its owner's `refs` (what the item says),
   * not in the plan's `refs`, which lists each entry written in the text once.
   */
  repeats?: Reference;
}

export interface PlanItem {
  kind: ItemKind;
  id?: ScalarText;
  title?: string;
  titleSpan?: Span;
  description?: string;
  /** Its `notes:` (text kept with the item that is not its narrative). */
  notes?: string;
  /** The whole mapping of the item. */
  span: Span;
  /** JSON path from the plan's root, e.g. ['goals', 1, 'objectives', 0]. */
  path: (string | number)[];
  /** Index among its siblings. */
  index: number;
  parent?: PlanItem;
  children: PlanItem[];
  /** Span of the children's key (`objectives:`), when present. */
  childrenKeySpan?: Span;
  refs: Reference[];
  fields: Field[];
  /** The id's own (last) number, when the id is well formed for the item's level: "2.3" → 3. */
  own?: number;
  /** Its `measures:`, when it has any. */
  measures?: Measure[];
  /** Its `milestones:`, when it has any. */
  milestones?: Milestone[];
}

/** A fiscal year of a measure's `targets` or `results` and its value. */
export interface YearValue {
  /** The year as written (the key). */
  year: ScalarText;
  /** The value; unset when it is not a scalar (empty, a list, ...: the schema says so). */
  value?: ScalarText;
}

/** A performance measure of an item (`measures:`). */
export interface Measure {
  id?: ScalarText;
  name?: string;
  unit?: string;
  direction?: string;
  kind?: string;
  source?: string;
  priority?: boolean;
  baseline?: { year?: ScalarText; value?: ScalarText };
  targets: YearValue[];
  results: YearValue[];
  /** The whole mapping. */
  span: Span;
  fields: Field[];
  owner: PlanItem;
  /** Index in its item's `measures`. */
  index: number;
}

/** A milestone of an item (`milestones:`). */
export interface Milestone {
  title?: string;
  /** The due date as written (2022-06-30). */
  due?: ScalarText;
  done?: boolean;
  span: Span;
  fields: Field[];
  owner: PlanItem;
  index: number;
}

export interface Unit {
  id?: ScalarText;
  name?: string;
  kind?: string;
  description?: string;
  span: Span;
  index: number;
  fields: Field[];
}

export interface Value {
  name?: string;
  description?: string;
  span: Span;
  fields: Field[];
}

/** An entry of `parents:`: `DHS: ../dhs/dhs-strategic-plan-2020-2024.plan.yaml`. */
export interface ParentLink {
  acronym: string;
  acronymSpan: Span;
  /** The path as written, relative to the plan's file; unset when the value is not text. */
  path?: ScalarText;
}

/** A top-level section (`title:`, `units:`, `goals:` ...). */
export interface Section {
  key: string;
  keySpan: Span;
  valueSpan: Span;
  /** Fields of a nested mapping (`organization`, `period`). */
  fields: Field[];
}

/** The plan model: everything features need, read from one parse of one version of the text. */
export interface PlanModel {
  readonly text: string;
  readonly sections: Section[];
  readonly title?: string;
  readonly mission?: string;
  readonly vision?: string;
  /** The plan's own `notes:` (what an import found no field for; StratML export writes it back). */
  readonly notes?: string;
  /** `acronymText`: the acronym as written, for renaming it (children's `aligns` entries follow). */
  readonly organization?: { name?: string; acronym?: string; acronymText?: ScalarText };
  /** `parents:`: which file each acronym of `aligns` entries names (when several plans have it). */
  readonly parents?: ParentLink[];
  /** The years as written (`2021`, or `"FY2021"` in a draft the schema flags); checks/measures.ts reads them as fiscal years when they are four digits. */
  readonly period?: { start?: string; end?: string };
  readonly values: Value[];
  readonly units: Unit[];
  readonly goals: PlanItem[];
  /** Goals, objectives and sub-objectives in document order. */
  readonly items: PlanItem[];
  /** The `lead`, `support` and `related` entries as written: each once, even when several items read it (see Reference.repeats). */
  readonly refs: Reference[];
  /** Items by the id the author typed; more than one entry means a duplicate. */
  readonly itemsById: ReadonlyMap<string, PlanItem[]>;
  readonly unitsById: ReadonlyMap<string, Unit[]>;
  /** Span of the root mapping (empty when the plan is not a mapping). */
  readonly rootSpan: Span;
  /** Diagnostics that depend on this text alone (syntax, schema, numbering, `related`). */
  readonly diagnostics: PlanDiagnostic[];
  /** Whether the text was read in blocks (incremental) or as one document. */
  readonly parseMode: 'blocks' | 'full';
}

export function itemLabel(item: PlanItem): string {
  const word = item.kind === 'subobjective' ? 'sub-objective' : item.kind;
  if (item.id) return `${word} ${item.id.text}`;
  const parent = item.parent ? ` of ${itemLabel(item.parent)}` : '';
  return `the ${ordinal(item.index + 1)} ${word}${parent}`;
}

export function kindWord(kind: ItemKind): string {
  return kind === 'subobjective' ? 'sub-objective' : kind;
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** "Goal 2 › Objective 2.3": where an item sits in the plan. */
export function breadcrumb(item: PlanItem): string {
  const parts: string[] = [];
  for (let p: PlanItem | undefined = item; p; p = p.parent) {
    const word = kindWord(p.kind);
    parts.unshift(`${word[0].toUpperCase()}${word.slice(1)} ${p.id?.text ?? '?'}`);
  }
  return parts.join(' › ');
}
