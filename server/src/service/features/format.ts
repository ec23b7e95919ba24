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
const PLAN: Shape = (() => {
  const goal = itemShape('goal');
  const organization = map(Object.keys(topProps.organization.properties ?? {}));
  const period = map(Object.keys(topProps.period.properties ?? {}));
  const value = map(Object.keys(topProps.values.items?.properties ?? {}));
  const unit = map(Object.keys(DEFS.unit.properties));
  return map(
    Object.keys(planSchema.properties).filter((k) => k !== '$schema'),
    (k) => ({ organization, period, values: listOf(value), units: listOf(unit), goals: listOf(goal, true) })[k],
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

/** Reprints the CST of a plan's text in the canonical layout. */
class Printer {
  readonly w = new Writer();

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
      const value = item.value;
      const entry = shape?.entry;
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
    });
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

/** The plan's text in the canonical layout, or undefined when it cannot be formatted (YAML errors). */
export function formatText(text: string): string | undefined {
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
  const text = formatText(doc.text);
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

