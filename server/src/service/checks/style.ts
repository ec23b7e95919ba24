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

export function checkStyle(model: PlanModel, settings: RuleSettings): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  if (!anyStyleRuleOn(settings)) return out;
  const on = (code: DiagnosticCode): Severity | undefined => {
    const l = levelOf(code, settings);
    return l === 'off' ? undefined : l;
  };
  const push = (severity: Severity | undefined, code: DiagnosticCode, s: Span, message: string, extra: Partial<PlanDiagnostic> = {}) => {
    if (severity) out.push({ span: s, severity, code, message, ...extra });
  };
  const where = (item: PlanItem): Span => item.id?.span ?? firstLine(model.text, item.span);
  const Label = (item: PlanItem) => capitalize(itemLabel(item));

  const lead = on('objective-lead-missing');
  const tooLong = on('title-too-long');
  const max = optionOf('title-too-long', 'max', settings);
  const description = on('description-missing');
  const single = on('goal-single-objective');
  for (const item of model.items) {
    if (lead && item.kind === 'objective' && !item.fields.some((f) => f.key === 'lead')) {
      push(lead, 'objective-lead-missing', where(item), `${Label(item)} names no lead unit. Add \`lead:\` with the id of the unit accountable for it.`);
    }
    if (tooLong && item.title !== undefined && item.titleSpan && item.title.length > max) {
      push(tooLong, 'title-too-long', item.titleSpan, `The title of ${itemLabel(item)} is ${item.title.length} characters long, more than ${max}. Shorten it and move the detail into \`description\`.`);
    }
    if (description && !item.fields.some((f) => f.key === 'description')) {
      push(description, 'description-missing', where(item), `${Label(item)} has no description. Add \`description:\` saying what it means and how it will be reached.`);
    }
    if (single && item.kind === 'goal' && item.children.length === 1) {
      const only = item.children[0];
      push(single, 'goal-single-objective', where(item), `${Label(item)} has a single ${kindWord(only.kind)}${only.id ? ` (${only.id.text})` : ''}. Split it in two, or merge it into the goal.`);
    }
  }
  const duplicate = on('title-duplicate');
  if (duplicate) duplicateTitles(model, duplicate, out);
  const placeholder = on('placeholder-text');
  if (placeholder) placeholders(model, placeholder, out);
  const caps = on('title-capitalization');
  if (caps) capitalization(model, caps, out);
  return out;
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

function duplicateTitles(model: PlanModel, severity: Severity, out: PlanDiagnostic[]): void {
  const first = new Map<string, PlanItem>();
  for (const item of model.items) {
    if (!item.title || !item.titleSpan) continue;
    const key = titleKey(item.title);
    if (!key) continue;
    const before = first.get(key);
    if (!before) {
      first.set(key, item);
      continue;
    }
    out.push({
      span: item.titleSpan,
      severity,
      code: 'title-duplicate',
      message: `${capitalize(itemLabel(item))} has the same title as ${itemLabel(before)} ("${item.title.trim()}"). Give each item a title of its own.`,
      related: [{ span: before.titleSpan!, message: `The title of ${itemLabel(before)}` }],
    });
  }
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
 * What each field's value holds, kept while the field is: a goal reused between versions keeps
 * its field objects (their spans move, their text does not), so a keystroke scans only the goal
 * it changed.
 */
const foundIn = new WeakMap<Field, { length: number; found: Found[] }>();

function placeholdersOf(text: string, f: Field): Found[] {
  const { start, end } = f.valueSpan;
  const known = foundIn.get(f);
  if (known && known.length === end - start) return known.found;
  const value = text.slice(start, end);
  const found: Found[] = [];
  PLACEHOLDER.lastIndex = 0;
  if (PLACEHOLDER.test(value)) {
    PLACEHOLDER.lastIndex = 0;
    for (const m of value.matchAll(PLACEHOLDER)) found.push({ at: m.index!, length: m[0].length, word: m[0].replace(/\s+/g, ' '), later: value.slice(0, m.index).includes('\n') });
  }
  foundIn.set(f, { length: end - start, found });
  return found;
}

function placeholders(model: PlanModel, severity: Severity, out: PlanDiagnostic[]): void {
  const text = model.text;
  const scan = (fields: readonly Field[]) => {
    for (const f of fields) {
      if (NESTED.has(f.key) || f.valueSpan.end <= f.valueSpan.start) continue;
      for (const m of placeholdersOf(text, f)) {
        const at = f.valueSpan.start + m.at;
        out.push({
          span: span(at, at + m.length),
          severity,
          code: 'placeholder-text',
          message: `"${m.word}" is placeholder text left in \`${f.key}\`. Write what it stands for before the plan is shared.`,
          // A word inside multi-line text: a disable comment goes above its key.
          anchor: m.later ? f.keySpan.start : undefined,
        });
      }
    }
  };
  for (const s of model.sections) {
    if (MODEL_SECTIONS.has(s.key)) continue;
    scan([{ key: s.key, keySpan: s.keySpan, valueSpan: s.valueSpan }]);
  }
  for (const v of model.values) scan(v.fields);
  for (const u of model.units) scan(u.fields);
  for (const item of model.items) {
    // Most items hold none: known per item (kept while the item is), their fields are not looked at again.
    if (clean.has(item)) continue;
    const before = out.length;
    scan(item.fields);
    for (const m of item.measures ?? []) scan(m.fields);
    for (const m of item.milestones ?? []) scan(m.fields);
    if (out.length === before) clean.add(item);
  }
}

/** Items with no placeholder in any of their own values (a reused goal keeps its items and their text). */
const clean = new WeakSet<PlanItem>();

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

/** Each item's title style, kept while the item and its title are (reused goals keep their items). */
const styles = new WeakMap<PlanItem, { title: string; style: TitleStyle | undefined }>();

function styleOf(item: PlanItem & { title: string }): TitleStyle | undefined {
  const known = styles.get(item);
  if (known && known.title === item.title) return known.style;
  const style = titleStyle(item.title);
  styles.set(item, { title: item.title, style });
  return style;
}

function capitalization(model: PlanModel, severity: Severity, out: PlanDiagnostic[]): void {
  const styled: { item: PlanItem; style: TitleStyle }[] = [];
  let title = 0;
  let sentence = 0;
  for (const item of model.items) {
    if (!item.title || !item.titleSpan) continue;
    const style = styleOf(item as PlanItem & { title: string });
    if (!style) continue;
    styled.push({ item, style });
    if (style === 'title') title++;
    else sentence++;
  }
  if (title === sentence) return; // no prevailing style
  const prevailing: TitleStyle = title > sentence ? 'title' : 'sentence';
  const name = (s: TitleStyle) => (s === 'title' ? 'Title Case' : 'Sentence case');
  const most = Math.max(title, sentence);
  for (const { item, style } of styled) {
    if (style === prevailing) continue;
    const fixed = restyle(item.title!, prevailing);
    out.push({
      span: item.titleSpan!,
      severity,
      code: 'title-capitalization',
      message: `Most titles of this plan are in ${name(prevailing)} (${most} of ${title + sentence}); this one is in ${name(style)}. Write it as "${fixed}".`,
      data: { title: fixed },
    });
  }
}
