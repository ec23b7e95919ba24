// Style rules: off unless a config file turns them on (rules.ts, config.ts). They read the model
// only, and only the rules turned on run, at the level the settings give them.
//
//   objective-lead-missing   an objective names no `lead`
//   title-too-long           a title over `max` characters (default 100)
//   description-missing      a goal, objective or sub-objective with no description
//   title-duplicate          two items with the same title
//   goal-single-objective    a goal with one objective
//   placeholder-text         TBD, TODO, XXX, lorem ipsum left in the plan's text
//   title-capitalization     a title not in the plan's prevailing Title Case or Sentence case
import { CHILDREN_KEY } from '../fields';
import { itemLabel, kindWord, type DiagnosticCode, type Field, type PlanDiagnostic, type PlanItem, type PlanModel, type Severity } from '../model';
import { levelOf, optionOf, type RuleSettings } from '../rules';
import { firstLine, span, type Span } from '../text';

export const STYLE_CODES: readonly DiagnosticCode[] = [
  'objective-lead-missing',
  'title-too-long',
  'description-missing',
  'title-duplicate',
  'goal-single-objective',
  'placeholder-text',
  'title-capitalization',
];

/** Whether any style rule is on under `settings`. */
export function anyStyleRuleOn(settings: RuleSettings): boolean {
  return settings.size > 0 && STYLE_CODES.some((c) => levelOf(c, settings) !== 'off');
}

/** The rules turned on, and their levels, per settings object (settings are kept while a config file is). */
interface On {
  lead?: Severity;
  tooLong?: Severity;
  max: number;
  description?: Severity;
  single?: Severity;
  placeholder?: Severity;
  duplicate?: Severity;
  caps?: Severity;
}
const onFor = new WeakMap<RuleSettings, On>();

function rulesOn(settings: RuleSettings): On {
  let on = onFor.get(settings);
  if (!on) {
    const level = (code: DiagnosticCode): Severity | undefined => {
      const l = levelOf(code, settings);
      return l === 'off' ? undefined : l;
    };
    on = {
      lead: level('objective-lead-missing'),
      tooLong: level('title-too-long'),
      max: optionOf('title-too-long', 'max', settings),
      description: level('description-missing'),
      single: level('goal-single-objective'),
      placeholder: level('placeholder-text'),
      duplicate: level('title-duplicate'),
      caps: level('title-capitalization'),
    };
    onFor.set(settings, on);
  }
  return on;
}

/**
 * A goal's own findings (the rules that look at one item, placeholders in its items' text) and
 * its items' title styles, kept while the goal object is: the parser reuses an unchanged goal's
 * objects between versions, moving their spans in place (parse.ts `rebase`). The findings' spans
 * are the cache's own objects, so they are moved here by the goal's move since they were found.
 */
interface GoalStyle {
  settings: RuleSettings;
  /** The goal's offset when the findings were found (or last moved). */
  base: number;
  /** The goal's place in the list: an item without an id is named by it ("the 3rd goal"). */
  index: number;
  /** Items of the goal (itself included) in document order. */
  count: number;
  findings: PlanDiagnostic[];
  /**
   * Titled items and their normalized titles, for title-duplicate: two parallel lists, not an
   * object per item (18,000 titled items in the 63k plan).
   */
  titledItems: PlanItem[];
  titledKeys: string[];
  /**
   * The last title-duplicate finding of each titled item (same place in the lists above) and the
   * item it repeats: kept while the item, the item it repeats and the level are. Kept with the
   * goal (its items are new objects when it is read again), in lists made on the first duplicate.
   */
  dupBefore?: (PlanItem | undefined)[];
  dupFindings?: (PlanDiagnostic | undefined)[];
  /** Items in each title style, for title-capitalization. */
  title: PlanItem[];
  sentence: PlanItem[];
  /** Capitalization findings of the goal, for the plan-wide counts they were worded with. */
  caps?: { words: string; findings: PlanDiagnostic[] };
}
const goalStyles = new WeakMap<PlanItem, GoalStyle>();

/** Test hook: how many goals were checked afresh (not taken from the cache) by the last call. */
export const styleStats = { checked: 0, reused: 0 };

/** The style findings of `model` under `settings`, pushed onto `out` (the caller's list of the plan's other findings, say), which is returned. */
export function checkStyle(model: PlanModel, settings: RuleSettings, out: PlanDiagnostic[] = []): PlanDiagnostic[] {
  if (!anyStyleRuleOn(settings)) return out;
  const on = rulesOn(settings);
  styleStats.checked = 0;
  styleStats.reused = 0;
  if (on.placeholder) sectionPlaceholders(model, on.placeholder, out);
  const goals: GoalStyle[] = [];
  const items = model.items;
  for (let i = 0; i < items.length; ) {
    const item = items[i];
    const g = item.kind === 'goal' && !item.parent ? goalStyle(model.text, item, settings, on) : undefined;
    if (g && items[i + g.count - 1] === lastOf(item)) {
      for (const d of g.findings) out.push(d);
      goals.push(g);
      i += g.count;
    } else {
      // Not a goal's subtree as the model lists it (never seen in practice): checked on its own, uncached.
      const one = itemStyle(model.text, [item], on, []);
      for (const d of one.findings) out.push(d);
      goals.push(one);
      i++;
    }
  }
  if (on.duplicate) duplicateTitles(goals, on.duplicate, out);
  if (on.caps) capitalization(goals, on.caps, out);
  return out;
}

function lastOf(item: PlanItem): PlanItem {
  while (item.children.length) item = item.children[item.children.length - 1];
  return item;
}

function goalStyle(text: string, goal: PlanItem, settings: RuleSettings, on: On): GoalStyle {
  const known = goalStyles.get(goal);
  if (known && known.settings === settings && (goal.id !== undefined || known.index === goal.index)) {
    const delta = goal.span.start - known.base;
    if (delta) {
      const moved = new Set<Span>();
      for (const d of known.findings) {
        if (!moved.has(d.span)) {
          moved.add(d.span);
          (d.span as { start: number }).start += delta;
          (d.span as { end: number }).end += delta;
        }
        if (d.anchor !== undefined) d.anchor += delta;
      }
      known.base = goal.span.start;
    }
    styleStats.reused++;
    return known;
  }
  styleStats.checked++;
  const items: PlanItem[] = [];
  const walk = (item: PlanItem) => {
    items.push(item);
    for (const c of item.children) walk(c);
  };
  walk(goal);
  const g = itemStyle(text, items, on, []);
  g.settings = settings;
  g.base = goal.span.start;
  g.index = goal.index;
  goalStyles.set(goal, g);
  return g;
}

/** The one-item rules and placeholders of `items`, each finding with a span of its own. */
function itemStyle(text: string, items: PlanItem[], on: On, out: PlanDiagnostic[]): GoalStyle {
  const own = (s: Span): Span => ({ start: s.start, end: s.end });
  const push = (severity: Severity | undefined, code: DiagnosticCode, s: Span, message: string) => {
    if (severity) out.push({ span: own(s), severity, code, message });
  };
  const where = (item: PlanItem): Span => item.id?.span ?? firstLine(text, item.span);
  // A message that is a label and then fixed words is kept as the two: the words are the literal's own string, shared.
  const Label = (item: PlanItem) => flat(capitalize(itemLabel(item)));
  const titledItems: PlanItem[] = [];
  const titledKeys: string[] = [];
  const title: PlanItem[] = [];
  const sentence: PlanItem[] = [];
  const { lead, tooLong, max, description, single } = on;
  for (const item of items) {
    if (lead && item.kind === 'objective' && !item.fields.some((f) => f.key === 'lead')) {
      push(lead, 'objective-lead-missing', where(item), `${Label(item)} names no lead unit. Add \`lead:\` with the id of the unit accountable for it.`);
    }
    if (tooLong && item.title !== undefined && item.titleSpan && item.title.length > max) {
      push(tooLong, 'title-too-long', item.titleSpan, flat(`The title of ${itemLabel(item)} is ${item.title.length} characters long, more than ${max}. Shorten it and move the detail into \`description\`.`));
    }
    if (description && !item.fields.some((f) => f.key === 'description')) {
      push(description, 'description-missing', where(item), `${Label(item)} has no description. Add \`description:\` saying what it means and how it will be reached.`);
    }
    if (single && item.kind === 'goal' && item.children.length === 1) {
      const only = item.children[0];
      push(single, 'goal-single-objective', where(item), flat(`${Label(item)} has a single ${kindWord(only.kind)}${only.id ? ` (${only.id.text})` : ''}. Split it in two, or merge it into the goal.`));
    }
    if (on.placeholder) {
      scanPlaceholders(text, item.fields, on.placeholder, out);
      for (const m of item.measures ?? []) scanPlaceholders(text, m.fields, on.placeholder, out);
      for (const m of item.milestones ?? []) scanPlaceholders(text, m.fields, on.placeholder, out);
    }
    if (item.title && item.titleSpan) {
      if (on.duplicate) {
        const key = titleKey(item.title);
        if (key) {
          titledItems.push(item);
          titledKeys.push(key);
        }
      }
      if (on.caps) {
        const style = titleStyle(item.title);
        if (style === 'title') title.push(item);
        else if (style === 'sentence') sentence.push(item);
      }
    }
  }
  return { settings: undefined as unknown as RuleSettings, base: 0, index: 0, count: items.length, findings: out, titledItems, titledKeys, title, sentence };
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function duplicateTitles(goals: readonly GoalStyle[], severity: Severity, out: PlanDiagnostic[]): void {
  const first = new Map<string, PlanItem>();
  for (const g of goals) {
    const { titledItems: items, titledKeys: keys } = g;
    for (let i = 0; i < items.length; i++) {
      const before = first.get(keys[i]);
      if (!before) {
        first.set(keys[i], items[i]);
        continue;
      }
      out.push(duplicateOf(g, i, before, severity));
    }
  }
}

/**
 * The title-duplicate finding of the `i`th titled item of `g`, kept while the item, the item it
 * repeats and the level are: its spans are the items' title spans, which the parser moves in
 * place with their goals.
 */
function duplicateOf(g: GoalStyle, i: number, before: PlanItem, severity: Severity): PlanDiagnostic {
  const item = g.titledItems[i];
  const known = g.dupFindings?.[i];
  if (known && g.dupBefore![i] === before && known.severity === severity && known.span === item.titleSpan && known.related![0].span === before.titleSpan) return known;
  const label = itemLabel(before);
  const finding: PlanDiagnostic = {
    span: item.titleSpan!,
    severity,
    code: 'title-duplicate',
    message: flat(`${capitalize(itemLabel(item))} has the same title as ${label} ("${item.title!.trim()}"). Give each item a title of its own.`),
    related: relatedOf(before, label),
  };
  (g.dupBefore ??= new Array(g.titledItems.length))[i] = before;
  (g.dupFindings ??= new Array(g.titledItems.length))[i] = finding;
  return finding;
}

/**
 * The related information of the findings on items that repeat `before`'s title, one list for all
 * of them (the 63k plan's 15,000 duplicates repeat 3,155 titles): read only, as every finding is.
 */
const relatedTo = new WeakMap<PlanItem, PlanDiagnostic['related'] & {}>();

function relatedOf(before: PlanItem, label: string): PlanDiagnostic['related'] & {} {
  const message = `The title of ${label}`;
  const known = relatedTo.get(before);
  if (known && known[0].span === before.titleSpan && known[0].message === message) return known;
  const related = [{ span: before.titleSpan!, message: flat(message) }];
  relatedTo.set(before, related);
  return related;
}

/**
 * `s` as one run of characters. A message built from pieces (a template literal, a label
 * capitalized) is a tree of V8 string nodes, ~200 bytes per message kept with the goal's
 * findings (29,000 in the 63k plan with every rule on); read once, it is flattened in place,
 * and the young generation's collector then keeps only the flat string.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

let keys = new Map<string, string>();
/** A title compared with the others: any case, any spacing (remembered: titles repeat between keystrokes). */
function titleKey(title: string): string {
  let k = keys.get(title);
  if (k === undefined) {
    if (keys.size > 200_000) keys = new Map();
    keys.set(title, (k = title.trim().replace(/\s+/g, ' ').toLowerCase()));
  }
  return k;
}

/** Placeholder words, whole words, any case. */
const PLACEHOLDER = /\b(?:TBD|TODO|XXX|lorem\s+ipsum)\b/gi;
/** Fields holding other items or structures: their own parts are scanned instead. */
const NESTED = new Set(['measures', 'milestones', 'targets', 'results', 'baseline', ...Object.values(CHILDREN_KEY).filter((k): k is string => !!k)]);
/** Top-level sections read as objects of the model (scanned through them). */
const MODEL_SECTIONS = new Set(['goals', 'units', 'values']);

/** A placeholder found in a field's value: offset from the value's start, length, the word, on a later line than the key. */
type Found = { at: number; length: number; word: string; later: boolean };
/**
 * What the value of each field of the plan's units and values holds, kept while the field is: the
 * sections above the goals are reused between versions with their field objects (their spans
 * move, their text does not), so a keystroke does not scan them again. A goal's fields are not
 * kept here: its findings are kept with the goal (`goalStyles`), and a goal read again has new
 * fields (a table of its 47,000 fields cost the 63k plan 2 MB).
 */
const foundIn = new WeakMap<Field, number | { length: number; found: Found[] }>();
const NONE: readonly Found[] = Object.freeze([]);

function placeholdersOf(text: string, f: Field, keep: boolean): readonly Found[] {
  const { start, end } = f.valueSpan;
  const known = keep ? foundIn.get(f) : undefined;
  // Most fields hold none: their value's length alone is kept.
  if (known === end - start) return NONE;
  if (typeof known === 'object' && known.length === end - start) return known.found;
  const value = text.slice(start, end);
  PLACEHOLDER.lastIndex = 0;
  if (!PLACEHOLDER.test(value)) {
    if (keep) foundIn.set(f, end - start);
    return NONE;
  }
  const found: Found[] = [];
  PLACEHOLDER.lastIndex = 0;
  for (const m of value.matchAll(PLACEHOLDER)) found.push({ at: m.index!, length: m[0].length, word: m[0].replace(/\s+/g, ' '), later: value.slice(0, m.index).includes('\n') });
  if (keep) foundIn.set(f, { length: end - start, found });
  return found;
}

/** `keep`: the fields are the units' or values' (see foundIn). */
function scanPlaceholders(text: string, fields: readonly Field[], severity: Severity, out: PlanDiagnostic[], keep = false): void {
  for (const f of fields) {
    if (NESTED.has(f.key) || f.valueSpan.end <= f.valueSpan.start) continue;
    for (const m of placeholdersOf(text, f, keep)) {
      const at = f.valueSpan.start + m.at;
      out.push({
        span: span(at, at + m.length),
        severity,
        code: 'placeholder-text',
        message: flat(`"${m.word}" is placeholder text left in \`${f.key}\`. Write what it stands for before the plan is shared.`),
        // A word inside multi-line text: a disable comment goes above its key.
        anchor: m.later ? f.keySpan.start : undefined,
      });
    }
  }
}

/** Placeholders outside the goals: the plan's own sections, its values and units (items are checked with their goals). */
function sectionPlaceholders(model: PlanModel, severity: Severity, out: PlanDiagnostic[]): void {
  for (const s of model.sections) {
    if (MODEL_SECTIONS.has(s.key)) continue;
    scanPlaceholders(model.text, [{ key: s.key, keySpan: s.keySpan, valueSpan: s.valueSpan }], severity, out);
  }
  for (const v of model.values) scanPlaceholders(model.text, v.fields, severity, out, true);
  for (const u of model.units) scanPlaceholders(model.text, u.fields, severity, out, true);
}

/** Words that stay lower case inside a title in Title Case (Chicago's short words). */
export const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'vs', 'with', 'from', 'into', 'onto', 'over', 'than']);

/**
 * Longer prepositions and conjunctions, which style guides disagree on (Chicago lowers them, AP
 * capitalizes those of four letters or more): their case says nothing, and a rewrite keeps it.
 */
const EITHER_WORDS = new Set(['that', 'than', 'through', 'within', 'without', 'about', 'above', 'across', 'after', 'against', 'along', 'among', 'around', 'before', 'behind', 'below', 'beneath', 'beside', 'between', 'beyond', 'during', 'except', 'inside', 'like', 'near', 'outside', 'since', 'throughout', 'toward', 'towards', 'under', 'until', 'upon', 'when', 'where', 'while', 'whether', 'because', 'if', 'once', 'unless']);

export type TitleStyle = 'title' | 'sentence';

/** The words of a title with their offsets in it. */
function words(title: string): { word: string; at: number }[] {
  return [...title.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)].map((m) => ({ word: m[0], at: m.index! }));
}

/** A word whose case says nothing: an acronym (HIV, FY2024), a number, a mixed-case name (eGov, iPhone). */
function neutral(word: string): boolean {
  if (!/^\p{L}/u.test(word)) return true;
  if (/\d/.test(word)) return true;
  const rest = word.slice(1);
  return rest !== rest.toLowerCase(); // HIV, McDonald, eGov
}

/**
 * Title Case when every word after the first but the small ones starts upper case; Sentence case
 * when any starts lower case (names may stay capitalized in a sentence); undefined when there is
 * no word to tell by ("Access", "Improve HIV Care" is Title Case).
 */
export function titleStyle(title: string): TitleStyle | undefined {
  const ws = words(title);
  let upper = 0;
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i].word;
    if (SMALL_WORDS.has(w.toLowerCase()) || EITHER_WORDS.has(w.toLowerCase()) || neutral(w)) continue;
    if (w[0] === w[0].toLowerCase()) return 'sentence';
    upper++;
  }
  return upper ? 'title' : undefined;
}

/** `title` written in `style`: the first word capitalized; others by the style; acronyms and names with inner capitals kept. */
export function restyle(title: string, style: TitleStyle): string {
  const ws = words(title);
  let out = '';
  let last = 0;
  ws.forEach(({ word, at }, i) => {
    out += title.slice(last, at);
    last = at + word.length;
    if (neutral(word)) out += word;
    else if (i === 0) out += capitalize(word);
    else if (style === 'title' && EITHER_WORDS.has(word.toLowerCase()) && i !== ws.length - 1) out += word;
    else if (style === 'sentence') out += word[0].toLowerCase() + word.slice(1);
    else if (SMALL_WORDS.has(word.toLowerCase()) && i !== ws.length - 1) out += word.toLowerCase();
    else out += capitalize(word);
  });
  return out + title.slice(last);
}

const STYLE_NAME = (s: TitleStyle) => (s === 'title' ? 'Title Case' : 'Sentence case');

/**
 * Titles not in the plan's prevailing style. The counts are sums of each goal's (kept with the
 * goal); a goal's findings are kept while the counts they are worded with stay the same.
 */
function capitalization(goals: readonly GoalStyle[], severity: Severity, out: PlanDiagnostic[]): void {
  let title = 0;
  let sentence = 0;
  for (const g of goals) {
    title += g.title.length;
    sentence += g.sentence.length;
  }
  if (title === sentence) return; // no prevailing style
  const prevailing: TitleStyle = title > sentence ? 'title' : 'sentence';
  const style: TitleStyle = prevailing === 'title' ? 'sentence' : 'title';
  const most = Math.max(title, sentence);
  const words = `${severity} ${prevailing} ${most} ${title + sentence}`;
  for (const g of goals) {
    const odd = prevailing === 'title' ? g.sentence : g.title;
    if (!odd.length) continue;
    if (!g.caps || g.caps.words !== words) {
      g.caps = {
        words,
        // Spans are the items' title spans (moved in place with their goal).
        findings: odd.map((item) => {
          const fixed = restyle(item.title!, prevailing);
          return {
            span: item.titleSpan!,
            severity,
            code: 'title-capitalization' as const,
            message: flat(`Most titles of this plan are in ${STYLE_NAME(prevailing)} (${most} of ${title + sentence}); this one is in ${STYLE_NAME(style)}. Write it as "${fixed}".`),
            data: { title: fixed },
          };
        }),
      };
    }
    for (const d of g.caps.findings) out.push(d);
  }
}
