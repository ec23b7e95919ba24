// Formatting (`textDocument/formatting`, `rangeFormatting`, `planwright format`): a plan in its
// canonical layout. The text is reprinted from yaml's concrete syntax tree (its CST keeps every
// token: comments, blank lines, quotes, block scalars' lines), so nothing but layout changes:
//
// - 2-space indentation; lists indented under their key (`goals:\n  - id: "1"`);
// - each mapping's keys in the format's order (fields.ts for goals, objectives, sub-objectives,
//   measures and milestones; the schema's order for the plan's sections, units, values,
//   `organization`, `period`, `baseline`); a misspelt key goes where its field goes, a key the
//   format does not know stays after the key written before it; a comment or blank line above a key moves with it;
// - dotted numbers (`id`, and entries of fields that name items such as `related`) in double quotes;
// - one blank line between goals, at most one blank line anywhere, no trailing spaces, one line
//   break at the end;
// - every comment, every scalar as written, block scalars (`|`, `>`) with their header and their
//   lines as written (re-indented only), flow collections (`[a, b]`, `{ id: X }`) as written.
//
// The CST is the one exception to "features read the model": formatting is about the text's
// layout, which the model does not keep. A plan with YAML errors is not formatted. The result is
// checked before it is handed out: it must read as the same YAML value (dotted numbers aside,
// which become strings, as the plan reads them anyway) with no YAML error, or nothing is changed.
// The editor gets the lines that changed (lineHunks), not the whole text.
import type { CST } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { applyEdits, checkedEdits, eolOf } from '../edits';
import { CHILDREN_KEY, ITEM_FIELDS, keyReading, MEASURE_FIELDS, MILESTONE_FIELDS, refFieldsTo } from '../fields';
import { CHILD_KIND, type ItemKind } from '../model';
import { documentValue } from '../build';
import { composeCst, isTooDeep, normalizeLineEnds, parseCst, parseYaml } from '../yamlText';
import { splitBlocks } from '../split';
import planSchema from '../../../../schemas/plan.schema.json';

/** What the formatter knows of a node from where it sits in the plan. */
interface Shape {
  /** A mapping: its keys' canonical order. */
  order?: readonly string[];
  /** A mapping: the shape of a key's value. */
  child?: (key: string) => Shape | undefined;
  /** A list: the shape of its entries. */
  entry?: Shape;
  /** A list: one blank line between its entries (goals). */
  blankBetween?: boolean;
  /** A scalar, or a list of them: a dotted number is written in double quotes. */
  dotted?: boolean;
}

type Defs = Record<string, { properties: Record<string, { properties?: object; items?: { properties?: object } }> }>;
const DEFS = planSchema.$defs as unknown as Defs;
const DOTTED_NUMBER = /^[0-9]+(?:\.[0-9]+)+$/;
const DOTTED: Shape = { dotted: true };
const DOTTED_LIST: Shape = { dotted: true, entry: DOTTED };
const map = (order: readonly string[], child?: (key: string) => Shape | undefined): Shape => ({ order, child });
const listOf = (entry: Shape, blankBetween = false): Shape => ({ entry, blankBetween });

const BASELINE = map(Object.keys(DEFS.measure.properties.baseline.properties ?? {}));
const MEASURE = map(Object.keys(MEASURE_FIELDS), (k) => (k === 'baseline' ? BASELINE : undefined));
const MILESTONE = map(Object.keys(MILESTONE_FIELDS));
/** Fields whose entries name items (`related`, ...): their dotted numbers are quoted as ids are. */
const ITEM_REF_FIELDS = new Set<string>(refFieldsTo('item'));

function itemShape(kind: ItemKind): Shape {
  let children: Shape | undefined;
  const shape = map(Object.keys(ITEM_FIELDS[kind]), (k) => {
    if (k === 'id') return DOTTED;
    if (ITEM_REF_FIELDS.has(k) && Object.prototype.hasOwnProperty.call(ITEM_FIELDS[kind], k)) return DOTTED_LIST;
    if (k === 'measures') return listOf(MEASURE);
    if (k === 'milestones') return listOf(MILESTONE);
    if (k === CHILDREN_KEY[kind]) return (children ??= listOf(itemShape(CHILD_KIND[kind]!)));
    return undefined;
  });
  return shape;
}

const topProps = planSchema.properties as unknown as Record<string, { properties?: object; items?: { properties?: object } }>;
const GOAL = itemShape('goal');
/** The plan's `goals:` list (the one list the per-goal formatting hands to its cache). */
const GOALS = listOf(GOAL, true);
const PLAN: Shape = (() => {
  const organization = map(Object.keys(topProps.organization.properties ?? {}));
  const period = map(Object.keys(topProps.period.properties ?? {}));
  const value = map(Object.keys(topProps.values.items?.properties ?? {}));
  const unit = map(Object.keys(DEFS.unit.properties));
  return map(
    Object.keys(planSchema.properties).filter((k) => k !== '$schema'),
    (k) => ({ organization, period, values: listOf(value), units: listOf(unit), goals: GOALS })[k],
  );
})();

/** Builds the output line by line; content lines of scalars are kept as they are. */
class Writer {
  readonly lines: string[] = [];
  /** Lines that are text of a scalar (never dropped as a blank line). */
  private readonly content: boolean[] = [];
  private cur = '';
  private atStart = true;
  private pending = '';
  /** The last line has no line break after it (a `|` text at the end of the file). */
  openEnd = false;
  /** The last lines are a `|+` text: a blank line after it would be part of it. */
  keepEnd = false;

  /** Writes `s`; at the start of a line, indented by `indent`; after a space, one space. */
  text(s: string, indent: number, keepSpace = false): void {
    if (this.atStart) {
      this.cur = ' '.repeat(indent);
      this.atStart = false;
    } else if (this.pending) this.cur += keepSpace ? this.pending : ' ';
    this.pending = '';
    this.cur += s;
    this.keepEnd = false;
  }

  /** Whitespace between tokens: kept (as one space) only if something follows on the line. */
  space(s: string): void {
    if (!this.atStart) this.pending = s;
  }

  get lineStart(): boolean {
    return this.atStart;
  }

  /** Ends the line. A blank line that is not a scalar's content is written once, and never first. */
  newline(isContent = false): void {
    const line = this.atStart ? '' : this.cur;
    this.cur = '';
    this.pending = '';
    this.atStart = true;
    if (line === '' && !isContent && (this.lines.length === 0 || this.lines[this.lines.length - 1] === '')) return;
    this.lines.push(line);
    this.content.push(isContent);
  }

  /** A whole line of a scalar's text, as it is to be written. */
  contentLine(line: string): void {
    this.lines.push(line);
    this.content.push(true);
  }

  /** A blank line here unless there is one already (at the start of a line). */
  blank(): void {
    if (this.atStart && !this.keepEnd && this.lines.length && this.lines[this.lines.length - 1] !== '') {
      this.lines.push('');
      this.content.push(false);
    }
  }

  /** The last line written is a blank line. */
  get lastEmpty(): boolean {
    return this.lines.length > 0 && this.lines[this.lines.length - 1] === '';
  }

  /** Starts after one line that is not blank (a goal printed on its own, see printByGoal). */
  seed(): void {
    this.lines.push('#');
    this.content.push(false);
  }

  /** The lines written after the first `from`, with whether each is a scalar's text. */
  since(from: number): PrintedLines {
    return { lines: this.lines.slice(from), content: this.content.slice(from) };
  }

  /** Lines printed elsewhere, in the state they were printed in (at the start of a line). */
  append(p: PrintedLines): void {
    for (let i = 0; i < p.lines.length; i++) {
      this.lines.push(p.lines[i]);
      this.content.push(p.content[i]);
    }
  }

  finish(eol: string): string {
    if (!this.atStart) this.newline();
    while (this.lines.length && this.lines[this.lines.length - 1] === '' && !this.content[this.content.length - 1]) {
      this.lines.pop();
      this.content.pop();
    }
    if (!this.lines.length) return '';
    return this.lines.join(eol) + (this.openEnd ? '' : eol);
  }
}

/** Lines printed by a Writer, with whether each is a scalar's text. */
interface PrintedLines {
  lines: string[];
  content: boolean[];
}

/** Reprints the CST of a plan's text in the canonical layout. */
class Printer {
  readonly w = new Writer();
  private goalIndex = 0;

  /**
   * With `goal`, the entries of the plan's `goals:` list are not printed from the CST: `goal`
   * gives the lines of the `index`-th goal (from its `-`), printed where the line before is
   * blank or not (`lastEmpty`); see printByGoal.
   */
  constructor(private readonly goal?: (index: number, lastEmpty: boolean) => PrintedLines | undefined) {}

  get goalsPrinted(): number {
    return this.goalIndex;
  }

  /** Tokens between nodes (`start`, `sep`, `end`): comments and indicators at `indent` when they begin a line. */
  tokens(tokens: readonly CST.SourceToken[] | undefined, indent: number): void {
    if (!tokens) return;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      switch (t.type) {
        case 'newline':
          this.w.newline();
          break;
        case 'space':
          // No space before a key's `:`.
          if (tokens[i + 1]?.type !== 'map-value-ind') this.w.space(t.source);
          break;
        case 'comment':
          // The space before a comment is kept as written (comments lined up in a column stay so).
          this.w.text(t.source, indent, true);
          break;
        default:
          this.w.text(t.source, indent);
      }
    }
  }

  /** A node: `indent` is its collection's new indentation (the column of its line's content). */
  node(tok: CST.Token | undefined, indent: number, shape: Shape | undefined): void {
    if (!tok) return;
    switch (tok.type) {
      case 'block-map':
        return this.blockMap(tok, indent, shape);
      case 'block-seq':
        return this.blockSeq(tok, indent, shape);
      case 'flow-collection':
        return this.flow(tok, indent, shape);
      case 'block-scalar':
        return this.blockScalar(tok, indent);
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'alias':
        this.scalar(tok, indent, shape);
        this.tokens(tok.end, indent);
        return;
      default:
        // A token yaml could not place (only in texts with YAML errors, which are not formatted).
        throw new Unformattable();
    }
  }

  private scalar(tok: CST.FlowScalar, indent: number, shape: Shape | undefined): void {
    let source = tok.source;
    if (shape?.dotted && (tok.type === 'scalar' || tok.type === 'single-quoted-scalar')) {
      const text = tok.type === 'scalar' ? source : source.slice(1, -1);
      if (DOTTED_NUMBER.test(text)) source = `"${text}"`;
    }
    const lines = source.split('\n');
    this.w.text(lines[0], indent);
    // Further lines of a plain or quoted scalar: YAML drops their leading spaces (line folding), so
    // they are written at one indentation; their breaks and blank lines are the value's and stay.
    for (let i = 1; i < lines.length; i++) {
      this.w.newline(true);
      const line = lines[i].replace(/^[ \t]+/, '');
      if (line) this.w.text(line, indent + 2);
    }
  }

  private blockScalar(tok: CST.BlockScalar, indent: number): void {
    let explicit = 0;
    for (const p of tok.props) {
      if (p.type === 'block-scalar-header') {
        const m = /[1-9]/.exec(p.source);
        if (m) explicit = Number(m[0]);
      }
    }
    this.tokens(tok.props as CST.SourceToken[], indent);
    if (!this.w.lineStart) this.w.newline();
    const lines = tok.source.split('\n');
    const open = lines[lines.length - 1] !== '';
    if (!open) lines.pop();
    // The old indentation of the text (yaml's: the indicator's, or the first line with text's).
    let from = tok.indent + explicit;
    if (!explicit) {
      const first = lines.find((l) => l.trim() !== '');
      from = first ? first.length - first.trimStart().length : 0;
    }
    const to = explicit ? indent + explicit : indent + 2;
    for (const line of lines) {
      const spaces = line.length - line.replace(/^ +/, '').length;
      if (line.trim() === '' && spaces <= from) this.w.contentLine('');
      else this.w.contentLine(' '.repeat(to) + line.slice(from));
    }
    if (open) this.w.openEnd = true;
    if (tok.props.some((p) => p.type === 'block-scalar-header' && p.source.includes('+'))) this.w.keepEnd = true;
  }

  private flow(tok: CST.FlowCollection, indent: number, shape: Shape | undefined): void {
    this.w.text(tok.start.source, indent);
    const inner = indent + 2;
    for (const item of tok.items) {
      this.tokens(item.start, inner);
      if (item.key) this.node(item.key, inner, undefined);
      this.tokens(item.sep, inner);
      if (item.value) this.node(item.value, inner, shape?.entry);
    }
    this.tokens(tok.end, indent);
  }

  private blockSeq(tok: CST.BlockSequence, indent: number, shape: Shape | undefined): void {
    tok.items.forEach((item, i) => {
      if (i > 0 && shape?.blankBetween && item.value) this.w.blank();
      if (this.goal && shape === GOALS && item.value) {
        // What yaml reads before the `-` (comments and blank lines left by the goal above), then the goal's own lines.
        const dash = item.start.findIndex((t) => t.type === 'seq-item-ind');
        if (dash < 0) throw new NotByGoal();
        this.tokens(item.start.slice(0, dash), indent);
        const lines = this.w.lineStart && !this.w.keepEnd ? this.goal(this.goalIndex++, this.w.lastEmpty) : undefined;
        if (!lines) throw new NotByGoal();
        this.w.append(lines);
        return;
      }
      this.seqItem(item, indent, shape?.entry);
    });
  }

  /** One entry of a block list, from its `start` tokens (its `-` and what is above it). */
  seqItem(item: CST.BlockSequence['items'][number], indent: number, entry: Shape | undefined): void {
    const value = item.value;
    const inner = indent + 2;
    if (value?.type === 'block-map') {
      // Comments and blank lines above the key that comes first once the keys are ordered go
      // above the entry's `-`.
      const items = this.ordered(value, entry);
      const first = items[0];
      const lead = first ? leadingLines(first.start) : [];
      const dash = item.start.findIndex((t) => t.type === 'seq-item-ind');
      this.tokens(item.start.slice(0, dash), indent);
      this.tokens(lead, indent);
      this.tokens(item.start.slice(dash), indent);
      this.mapItems(items, inner, entry, lead.length);
    } else {
      this.tokens(item.start, indent);
      this.node(value, inner, entry);
    }
  }

  private blockMap(tok: CST.BlockMap, indent: number, shape: Shape | undefined): void {
    this.mapItems(this.ordered(tok, shape), indent, shape, 0);
  }

  /** A mapping's entries in the format's order; comment lines at the end stay last. */
  private ordered(tok: CST.BlockMap, shape: Shape | undefined): CST.BlockMap['items'] {
    const order = shape?.order;
    if (!order) return tok.items;
    const rank: number[] = [];
    let last = -1;
    // A misspelt key (`titel:`) goes where the field it stands for goes, as the plan reads it (keyReading).
    const read = keyReading(tok.items.map((i) => keyName(i.key)).filter((k): k is string => k !== undefined), order);
    for (const item of tok.items) {
      const key = keyName(item.key);
      const r = key === undefined ? -1 : order.indexOf(read(key));
      if (r >= 0) last = r;
      // An unknown key (or a comment-only entry at the end) stays after the key before it.
      rank.push(r >= 0 ? r : item.key || item.value || item.sep ? last + 0.5 : Infinity);
    }
    return tok.items.map((item, i) => ({ item, i })).sort((a, b) => rank[a.i] - rank[b.i] || a.i - b.i).map((x) => x.item);
  }

  private mapItems(items: CST.BlockMap['items'], indent: number, shape: Shape | undefined, skipFirst: number): void {
    items.forEach((item, i) => {
      this.tokens(i === 0 ? item.start.slice(skipFirst) : item.start, indent);
      // An entry moved from last place ends without a line break: the next one starts a line.
      if (i > 0 && !this.w.lineStart) this.w.newline();
      const key = keyName(item.key);
      const child = key === undefined ? undefined : shape?.child?.(key);
      if (item.key) this.node(item.key, indent, undefined);
      const valueIndent = item.value && (item.value.type === 'block-map' || item.value.type === 'block-seq') ? indent + 2 : indent;
      this.tokens(item.sep, valueIndent);
      this.node(item.value, valueIndent, child);
    });
    if (!this.w.lineStart && items.length) this.w.newline();
  }

  document(doc: CST.Document): void {
    this.tokens(doc.start, 0);
    this.node(doc.value, 0, doc.value?.type === 'block-map' ? PLAN : undefined);
    this.tokens(doc.end, 0);
  }
}

class Unformattable extends Error {}
/** The per-goal formatting cannot stand for the whole text's here: the whole text is formatted. */
class NotByGoal extends Error {}

/** The comment lines and blank lines at the start of an entry's `start` tokens, up to its last line break. */
function leadingLines(start: readonly CST.SourceToken[]): CST.SourceToken[] {
  let end = 0;
  for (let i = 0; i < start.length; i++) if (start[i].type === 'newline') end = i + 1;
  return start.slice(0, end);
}

function keyName(key: CST.Token | null | undefined): string | undefined {
  if (!key) return undefined;
  if (key.type === 'scalar') return key.source;
  if (key.type === 'double-quoted-scalar' || key.type === 'single-quoted-scalar') return key.source.slice(1, -1);
  return undefined;
}

/**
 * The plan's text in the canonical layout from one read of the whole text: the reference that
 * formatText (goal by goal, see printByGoal) must equal for every text.
 */
export function formatWholeText(text: string): string | undefined {
  // Lines are printed with \n and joined with the plan's own line break.
  const source = text.replace(/\r\n?/g, '\n');
  const eol = eolOf(text);
  const tokens = parseCst(source);
  if (isTooDeep(tokens)) return undefined;
  let out = print(tokens, eol);
  if (out === undefined || out === text) return out;
  // yaml places a run of comment lines by the indentation of its deepest line; a comment printed
  // at its key's indentation can land in another collection when read again, so the layout is
  // printed again from its own text until it no longer changes (once, nearly always).
  let outTokens: CST.Token[] | undefined;
  for (let i = 0; i < 4; i++) {
    const read = parseCst(out.replace(/\r\n?/g, '\n'));
    if (isTooDeep(read)) return undefined;
    outTokens = read;
    const again = print(read, eol);
    if (again === undefined) return undefined;
    if (again === out) break;
    if (i === 3) return undefined;
    out = again;
  }
  // The guarantee: the same YAML value as the plan, which has no YAML error, and none added.
  const before = composeCst(tokens, source.length);
  if (before.errors.length) return undefined;
  const after = composeCst(outTokens!, out.length);
  if (after.errors.length) return undefined;
  try {
    if (!sameValue(documentValue(before), documentValue(after))) return undefined;
  } catch {
    return undefined;
  }
  return out;
}

/**
 * The plan's text in the canonical layout, or undefined when it cannot be formatted (YAML errors).
 * Goal by goal when it can be (printByGoal), from the whole text otherwise; the same text either way.
 */
export function formatText(text: string, opts: FormatOptions = {}): string | undefined {
  formatStats.goalsRead = 0;
  const known = opts.knownValid === true;
  if (lastFormatted?.text === text && lastFormatted.known === known) {
    formatStats.mode = 'again';
    return lastFormatted.out;
  }
  const byGoal = formatByGoal(text, known);
  formatStats.mode = byGoal === WHOLE ? 'whole' : 'goals';
  const out = byGoal === WHOLE ? formatWholeText(text) : byGoal;
  lastFormatted = { text, known, out };
  return out;
}

export interface FormatOptions {
  /**
   * The caller knows the text has no YAML error (its plan model has none: formatPlan): a goal the
   * formatting leaves as it is need not be composed to find out. Without it, every goal is composed
   * once (and kept), as the whole text would be.
   */
  knownValid?: boolean;
}

/** How the last formatText call went (tests, benchmarks): goal by goal, whole, or the text formatted just before; goal blocks read (not kept). */
export const formatStats: { mode: 'goals' | 'whole' | 'again' | undefined; goalsRead: number } = { mode: undefined, goalsRead: 0 };

/** The last text formatted and its layout: format-on-save right after Format Document asks again. */
let lastFormatted: { text: string; known: boolean; out: string | undefined } | undefined;

// ---- Goal by goal ----
//
// Most of the time of formatting a large plan is yaml's read of the text into its CST. A plan's goals
// sit at one indentation under `goals:`, and a keystroke changes one of them, so the goal blocks of
// split.ts are read and printed one by one, and what each gives is kept by its text: formatting a
// plan again after an edit reads the goal that changed (and, once per goal, its YAML value).
//
// Each block is read as `goals:` + the block + a stub entry after it, which makes yaml close the
// goal's collections as the next goal's `-` does in the whole text: comments and blank lines at the
// end of a block that yaml reads as the start of the next entry (`moved`: less indented than the
// goal's keys) are found so. The rest of the plan is read as a skeleton: the text with each goal's
// own lines replaced by a one-key stub at the goal's indentation (`- x: 0`) and the moved lines kept
// between them, so yaml places them, and the sections around the goals, as in the whole text. The
// skeleton is printed by the same printer, each stub replaced by its goal's lines printed on their
// own (after a blank line or not: the one thing of the text above a goal its lines depend on).
// Anything that could make goals depend on each other or on their place (anchors, aliases, merge
// keys, tags, a goal that is not a block mapping, a goal ending in `|+` text or without a line
// break, YAML errors) formats the whole text instead. The value check is per goal: a goal whose text
// is unchanged has the same value; one that changed is composed before and after, as is the skeleton.
// Property test (format.test.ts): equal to formatWholeText on random, edited and hostile plans.

const WHOLE = Symbol('whole text');

/** A goal block's reading, kept by its text. */
interface GoalRead {
  /** The end of the block that yaml reads as the start of what follows it. */
  moved: string;
  /** The column of the goal's keys. */
  mapIndent: number;
  /** The goal's lines from its `-`, printed after a line that is not blank ([0]) and after a blank line ([1]). */
  printed: [PrintedLines, PrintedLines];
  /** The goal's YAML value when it has no YAML error (null when it has), composed when first needed. */
  value?: { v: unknown } | null;
}

const STUB = 'x: 0\n';
/** Goal readings by block text, least recently used first; at most GOAL_CACHE_CHARS characters of blocks (2.5 times the 63k plan; 7–11 bytes of heap kept per character). */
const goalCache = new Map<string, GoalRead | null>();
let goalCacheChars = 0;
const GOAL_CACHE_CHARS = 8_000_000;

/** `limit`: the cache's size in characters, at least GOAL_CACHE_CHARS and enough for the plan being formatted. */
function cachedGoal(block: string, itemIndent: number, limit: number): GoalRead | null {
  const hit = goalCache.get(block);
  if (hit !== undefined) {
    // Most recently used last.
    goalCache.delete(block);
    goalCache.set(block, hit);
    return hit;
  }
  const read = readGoal(block, itemIndent);
  // A copy of the block as the key: a slice would keep the whole text of its version alive.
  goalCache.set((' ' + block).slice(1), read);
  goalCacheChars += block.length;
  for (const [k] of goalCache) {
    if (goalCacheChars <= limit) break;
    goalCache.delete(k);
    goalCacheChars -= k.length;
  }
  return read;
}

/** Forgets every goal kept (tests). */
export function clearFormatCache(): void {
  goalCache.clear();
  goalCacheChars = 0;
  lastFormatted = undefined;
}

function goalSource(block: string, itemIndent: number): string {
  return 'goals:\n' + block + ' '.repeat(itemIndent) + '- ' + STUB;
}

/** The goal's CST entry and the stub's, when the block reads as one block-mapping goal and nothing else. */
function goalEntries(src: string, itemIndent: number): { tokens: CST.Token[]; goal: CST.BlockSequence['items'][number]; next: CST.BlockSequence['items'][number] } | undefined {
  const tokens = parseCst(src);
  if (isTooDeep(tokens) || tokens.length !== 1 || tokens[0].type !== 'document') return undefined;
  const doc = tokens[0];
  if (doc.start.length || doc.end?.length) return undefined;
  const top = doc.value;
  if (top?.type !== 'block-map' || top.items.length !== 1) return undefined;
  const seq = top.items[0].value;
  if (seq?.type !== 'block-seq' || seq.indent !== itemIndent || seq.items.length !== 2) return undefined;
  const [goal, next] = seq.items;
  if (goal.value?.type !== 'block-map' || goal.start[0]?.type !== 'seq-item-ind') return undefined;
  if (next.value?.type !== 'block-map' || next.value.items.length !== 1) return undefined;
  return { tokens, goal, next };
}

function readGoal(block: string, itemIndent: number): GoalRead | null {
  formatStats.goalsRead++;
  if (!block.endsWith('\n')) return null;
  const src = goalSource(block, itemIndent);
  const read = goalEntries(src, itemIndent);
  if (!read || !independent(read.goal)) return null;
  const { goal, next } = read;
  const stubAt = src.length - (itemIndent + 2 + STUB.length);
  const dash = next.start.findIndex((t) => t.type === 'seq-item-ind');
  if (dash < 0 || next.start[dash].offset !== stubAt + itemIndent) return null;
  const from = dash > 0 ? Math.min(next.start[0].offset, stubAt) : stubAt;
  if (from < 'goals:\n'.length) return null;
  const moved = src.slice(from, stubAt);
  const p = new Printer();
  p.w.seed();
  try {
    p.seqItem(goal, 2, GOAL);
  } catch (e) {
    if (e instanceof Unformattable) return null;
    throw e;
  }
  if (!p.w.lineStart || p.w.keepEnd || p.w.openEnd) return null;
  const afterText = p.w.since(1);
  // After a blank line, the Writer drops a blank line it would write first, and nothing else
  // differs: every later line is written alike from then on (within a goal, only `newline`
  // looks at the line before; `blank` is for the goals' list).
  const afterBlank = afterText.lines[0] === '' && !afterText.content[0] ? { lines: afterText.lines.slice(1), content: afterText.content.slice(1) } : afterText;
  return { moved, mapIndent: (goal.value as CST.BlockMap).indent, printed: [afterText, afterBlank] };
}

/** The goal's value, composed from its block on its own (null with a YAML error). */
function goalValue(read: GoalRead, block: string, itemIndent: number): { v: unknown } | null {
  if (read.value !== undefined) return read.value;
  const src = goalSource(block, itemIndent);
  const entries = goalEntries(src, itemIndent);
  let value: { v: unknown } | null = null;
  if (entries) {
    const doc = composeCst(entries.tokens, src.length);
    if (!doc.errors.length) {
      try {
        value = { v: (documentValue(doc) as { goals: unknown[] }).goals[0] };
      } catch {
        value = null;
      }
    }
  }
  return (read.value = value);
}

/** No anchor, alias, tag, merge key or token yaml could not place anywhere in the node. */
function independent(node: unknown): boolean {
  const walk = (t: unknown): boolean => {
    if (Array.isArray(t)) return t.every(walk);
    if (!t || typeof t !== 'object') return true;
    const o = t as { type?: string; source?: string; key?: unknown };
    switch (o.type) {
      case 'anchor':
      case 'alias':
      case 'tag':
      case 'error':
      case 'directive':
      case 'doc-start':
      case 'doc-end':
        return false;
    }
    const key = o.key as { type?: string; source?: string } | undefined | null;
    if (key && typeof key === 'object' && key.source !== undefined && /^["']?<<["']?$/.test(key.source)) return false;
    for (const k of ['start', 'key', 'sep', 'value', 'end', 'items', 'props'] as const) {
      if (k in o && !walk((o as Record<string, unknown>)[k])) return false;
    }
    return true;
  };
  return walk(node);
}

interface ByGoal {
  out: string;
  blocks: string[];
  reads: GoalRead[];
  skeleton: string;
  skeletonTokens: CST.Token[];
  itemIndent: number;
}

/** The text (line breaks already \n) printed goal by goal, or WHOLE when that could differ from printing it whole. */
function printByGoal(source: string, eol: string): ByGoal | typeof WHOLE {
  const split = splitBlocks(source);
  if (!split?.goals || !split.goalBlocks.length) return WHOLE;
  const itemIndent = split.goals.itemIndent;
  const gb = split.goalBlocks;
  const blocks = gb.map((b) => source.slice(b.start, b.end));
  const reads: GoalRead[] = [];
  // Room for every goal of this plan and of a few edits: a plan larger than the cap would
  // otherwise push out its own goals as it is read (and be read again in full at every format).
  const limit = Math.max(GOAL_CACHE_CHARS, Math.ceil(1.25 * source.length));
  for (const b of blocks) {
    const r = cachedGoal(b, itemIndent, limit);
    if (!r) return WHOLE;
    reads.push(r);
  }
  const parts = [source.slice(0, gb[0].start)];
  reads.forEach((r, k) => {
    if (k > 0) parts.push(reads[k - 1].moved);
    parts.push(' '.repeat(itemIndent) + '-' + ' '.repeat(r.mapIndent - itemIndent - 1) + STUB);
  });
  parts.push(reads[reads.length - 1].moved, source.slice(gb[gb.length - 1].end));
  const skeleton = parts.join('');
  const skeletonTokens = parseCst(skeleton);
  if (isTooDeep(skeletonTokens) || !independent(skeletonTokens)) return WHOLE;
  const p = new Printer((i, lastEmpty) => reads[i]?.printed[lastEmpty ? 1 : 0]);
  try {
    for (const tok of skeletonTokens) {
      if (tok.type === 'document') p.document(tok);
      else if (tok.type === 'comment' || tok.type === 'newline' || tok.type === 'space') p.tokens([tok], 0);
      else return WHOLE;
    }
  } catch (e) {
    if (e instanceof Unformattable || e instanceof NotByGoal) return WHOLE;
    throw e;
  }
  if (p.goalsPrinted !== reads.length) return WHOLE;
  return { out: p.w.finish(eol), blocks, reads, skeleton, skeletonTokens, itemIndent };
}

/** formatWholeText's steps, goal by goal: its result, or WHOLE when the whole text must be read to know it. */
function formatByGoal(text: string, knownValid: boolean): string | undefined | typeof WHOLE {
  const eol = eolOf(text);
  const first = printByGoal(text.replace(/\r\n?/g, '\n'), eol);
  if (first === WHOLE) return WHOLE;
  let out = first.out;
  if (out === text) return out;
  // Printed again until it no longer changes, as formatWholeText does.
  let last = first;
  for (let i = 0; i < 4; i++) {
    const again = printByGoal(out.replace(/\r\n?/g, '\n'), eol);
    if (again === WHOLE) return WHOLE;
    last = again;
    if (again.out === out) break;
    if (i === 3) return undefined;
    out = again.out;
  }
  // The same YAML value, with no YAML error before or after: goal by goal, and the rest (the skeletons).
  if (first.blocks.length !== last.blocks.length) return WHOLE;
  for (let k = 0; k < first.blocks.length; k++) {
    if (knownValid && first.blocks[k] === last.blocks[k]) continue;
    const before = goalValue(first.reads[k], first.blocks[k], first.itemIndent);
    if (!before) return WHOLE;
    if (first.blocks[k] === last.blocks[k]) continue;
    const after = goalValue(last.reads[k], last.blocks[k], last.itemIndent);
    if (!after || !sameValue(before.v, after.v)) return WHOLE;
  }
  const skeletonBefore = composeCst(first.skeletonTokens, first.skeleton.length);
  if (skeletonBefore.errors.length) return WHOLE;
  if (last.skeleton !== first.skeleton) {
    const skeletonAfter = composeCst(last.skeletonTokens, last.skeleton.length);
    if (skeletonAfter.errors.length) return WHOLE;
    try {
      if (!sameValue(documentValue(skeletonBefore), documentValue(skeletonAfter))) return WHOLE;
    } catch {
      return WHOLE;
    }
  }
  return out;
}

function print(tokens: readonly CST.Token[], eol: string): string | undefined {
  const p = new Printer();
  try {
    for (const tok of tokens) {
      if (tok.type === 'document') p.document(tok);
      else if (tok.type === 'comment' || tok.type === 'newline' || tok.type === 'space' || tok.type === 'byte-order-mark') p.tokens([tok], 0);
      else return undefined; // directives, `---`, `...`, several documents: left as written
    }
  } catch (e) {
    if (e instanceof Unformattable) return undefined;
    throw e;
  }
  return p.w.finish(eol);
}

/** Deep equality of two YAML values, mappings in any key order; a dotted number may have become its text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return DOTTED_NUMBER.test(b) && Number(b) === a;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ob = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(ob, k) && sameValue((a as Record<string, unknown>)[k], ob[k]));
}

/** Lines `a[aStart, aEnd)` of the old text are replaced by lines `b[bStart, bEnd)` of the new one. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** How far ahead (in lines, each side) a changed stretch is looked past for lines that agree again. */
const WINDOW = 24;

/**
 * The stretches of lines that differ between `a` and `b`, in order. Formatting changes lines in
 * place, moves a few keys and adds or drops a few blank lines, so the two texts agree again a few
 * lines after each change: from a line that differs, the nearest pair of lines that agree (two in
 * a row, or the end) within WINDOW lines on each side ends the stretch. Linear in the texts'
 * length (a Myers diff, O(N·D), took a minute on a 63k-line plan whose every title changed); a
 * stretch with no agreement in sight is replaced line for line.
 */
export function lineHunks(a: readonly string[], b: readonly string[]): Hunk[] {
  const hunks: Hunk[] = [];
  const agree = (i: number, j: number) => (i >= a.length && j >= b.length) || (i < a.length && j < b.length && a[i] === b[j] && (i + 1 >= a.length || j + 1 >= b.length || a[i + 1] === b[j + 1]));
  const add = (h: Hunk) => {
    const last = hunks[hunks.length - 1];
    if (last && last.aEnd === h.aStart && last.bEnd === h.bStart) {
      last.aEnd = h.aEnd;
      last.bEnd = h.bEnd;
    } else hunks.push(h);
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    let found = false;
    for (let d = 1; d <= 2 * WINDOW && !found; d++) {
      for (let x = Math.max(0, d - WINDOW); x <= Math.min(d, WINDOW); x++) {
        const y = d - x;
        if (i + x > a.length || j + y > b.length) continue;
        if (agree(i + x, j + y)) {
          add({ aStart: i, aEnd: i + x, bStart: j, bEnd: j + y });
          i += x;
          j += y;
          found = true;
          break;
        }
      }
    }
    if (!found) {
      const x = i < a.length ? 1 : 0;
      const y = j < b.length ? 1 : 0;
      add({ aStart: i, aEnd: i + x, bStart: j, bEnd: j + y });
      i += x;
      j += y;
    }
  }
  return hunks;
}

/**
 * The edits that turn `text` into `formatted`, line by line: only the lines that change are
 * replaced, so the editor's cursor, selections and folds stay where they are.
 */
export function lineEdits(doc: PlanDocument, formatted: string): TextEdit[] {
  const text = doc.text;
  if (formatted === text) return [];
  const eol = eolOf(text);
  const a = splitLines(text);
  const b = splitLines(formatted);
  const edits: TextEdit[] = [];
  let reachedEnd = false;
  for (const h of lineHunks(a.lines, b.lines)) {
    if (h.aEnd === a.lines.length) reachedEnd = true;
    edits.push(replaceLines(h.aStart, h.aEnd - h.aStart, b.lines.slice(h.bStart, h.bEnd), a.lines, a.final, b.final, eol));
  }
  // Only the last line break differs.
  if (!reachedEnd && a.final !== b.final) {
    const last = a.lines.length - 1;
    const end = { line: last, character: a.lines[last].length };
    edits.push(b.final ? { range: { start: end, end }, newText: eol } : { range: { start: end, end: { line: last + 1, character: 0 } }, newText: '' });
  }
  return checkedEdits(edits);
}

function splitLines(text: string): { lines: string[]; final: boolean } {
  const lines = text.split(/\r\n|\r|\n/);
  const final = lines.length > 1 && lines[lines.length - 1] === '';
  if (final) lines.pop();
  return { lines, final };
}

/** An edit replacing `count` whole lines of `total` from `line` with `added`; at the end of the text, its last line break is `hasFinal`'s. */
function replaceLines(line: number, count: number, added: string[], a: string[], hadFinal: boolean, hasFinal: boolean, eol: string): TextEdit {
  const total = a.length;
  const body = added.map((l) => l + eol).join('');
  if (line + count < total) return { range: { start: { line, character: 0 }, end: { line: line + count, character: 0 } }, newText: body };
  const tail = hasFinal ? body : body.slice(0, -eol.length);
  if (hadFinal) return { range: { start: { line, character: 0 }, end: { line: total, character: 0 } }, newText: tail };
  // The text has no last line break: the range ends at the end of its last line.
  const end = { line: total - 1, character: a[total - 1].length };
  if (count === 0) return { range: { start: end, end }, newText: eol + tail };
  return { range: { start: { line, character: 0 }, end }, newText: tail };
}

export type FormatOutcome = { text: string } | { error: string };

/** Why a plan is left as it is, in the writer's words. */
export const NOT_FORMATTED = 'The plan was not formatted: it has YAML syntax errors (see the Problems list). Fix them first; formatting never changes a plan it cannot read.';

/** The plan in its canonical layout, or why it is left as it is. */
export function formatPlan(doc: PlanDocument): FormatOutcome {
  if (doc.model.diagnostics.some((d) => d.code === 'yaml-syntax')) return { error: NOT_FORMATTED };
  // The model reads as yaml does (parse.ts): with no YAML error in it, the text has none.
  const text = formatText(doc.text, { knownValid: true });
  return text === undefined ? { error: NOT_FORMATTED } : { text };
}

/** `textDocument/formatting`: the edits to the canonical layout (none for a plan with YAML errors). */
export function provideFormatting(doc: PlanDocument): TextEdit[] {
  const r = formatPlan(doc);
  return 'text' in r ? lineEdits(doc, r.text) : [];
}

/**
 * `textDocument/rangeFormatting`: the edits of the whole document's formatting that touch the
 * range's lines. When those alone would not leave a well-formed plan (a list's indentation
 * changed only in part), all edits.
 */
export function provideRangeFormatting(doc: PlanDocument, range: Range): TextEdit[] {
  const all = provideFormatting(doc);
  const some = all.filter((e) => e.range.start.line <= range.end.line && (e.range.end.line > range.start.line || (e.range.end.line === range.start.line && e.range.end.character > 0) || e.range.start.line >= range.start.line));
  if (some.length === all.length) return all;
  const partial = applyEdits(doc.text, some);
  const before = parseYaml(normalizeLineEnds(doc.text));
  const after = parseYaml(normalizeLineEnds(partial));
  if (isTooDeep(before) || isTooDeep(after) || after.errors.length) return all;
  try {
    return sameValue(documentValue(before), documentValue(after)) ? some : all;
  } catch {
    return all;
  }
}

