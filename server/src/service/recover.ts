// Recovery from a YAML mistake: the first error yaml reports in a block is taken as the cause,
// the line at fault is repaired in memory (a tab in the indentation, a quote left open, a
// missing `:` after a key, a line indented off its neighbours) and the block is read again,
// only to read what can be read. Each repair is one diagnostic in the plan writer's words, with
// its fix; the follow-on errors it caused vanish with it. A repair is kept only when it leaves
// the block with no YAML error at all, or with fewer errors that all come after the repaired
// line; never more than MAX_REPAIRS per block, never a line twice.
//
// parse.ts uses this on exactly the same block texts in the full parse and in the block-wise
// parser, so both recover the same way (incremental.test.ts). Nothing here knows about plans:
// only lines, their indentation and yaml's verdict.
import { Document, YAMLError } from 'yaml';
import type { Span } from './text';
import { isTooDeep, parseYaml } from './yamlText';


export type RepairKind = 'tab' | 'quote' | 'bracket' | 'colon' | 'indent' | 'stray' | 'quote-text';

/** One line repaired; offsets are in the block's original text. */
export interface Repair {
  kind: RepairKind;
  /** The text replaced, and by what. */
  start: number;
  end: number;
  newText: string;
  /** What the diagnostic covers (the line, the open quote's text, the key). */
  span: Span;
  message: string;
  /** yaml's code of the error the repair answers. */
  yamlCode: string;
}

export interface Recovery {
  /** The block's text with every repair made (the original text when there is none). */
  source: string;
  repairs: Repair[];
  /** The parse of `source`. */
  doc: Document.Parsed;
}

/** yaml's errors that a repair of one line can answer (not a duplicate key, an alias, ...). */
const REPAIRABLE = new Set(['TAB_AS_INDENT', 'BAD_INDENT', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'BLOCK_AS_IMPLICIT_KEY', 'BAD_SCALAR_START', 'IMPLICIT_KEY', 'BAD_DQ_ESCAPE']);

const MAX_REPAIRS = 3;

/**
 * Each candidate repair costs a parse of the block: at most this many characters are parsed
 * per block (a goal of a few hundred lines gets its 24 tries; a text that does not split, read
 * as one block, only a couple), so that a keystroke stays fast whatever its mistake.
 */
const PARSE_BUDGET = 2_000_000;
const MAX_TRIES = 24;


interface Line {
  start: number;
  /** End of the line's text, before its line end. */
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let pos = 0;
  for (;;) {
    const nl = text.indexOf('\n', pos);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > pos && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
    out.push({ start: pos, end, text: text.slice(pos, end) });
    if (nl < 0) return out;
    pos = nl + 1;
  }
}

function lineAt(lines: Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isContent = (l: Line) => /^[ \t]*[^ \t#]/.test(l.text);
const indentOf = (s: string) => /^[ \t]*/.exec(s)![0];

/** A candidate repair of one line: the edit in that line's columns, and how to word it. */
interface Candidate {
  kind: RepairKind;
  line: number;
  from: number;
  to: number;
  text: string;
  /** Diagnostic columns in the line. */
  spanFrom: number;
  spanTo: number;
  message: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a neighbour line is, for messages: "`title:` on the line above", "the entry on line 12". */
function describeLine(lines: Line[], i: number, from: number, base: LineBase, col: number): string {
  const t = lines[i].text;
  const m = /^([ \t]*)(- +)?([A-Za-z_$][\w$-]*)\s*:(?:\s|$)/.exec(t);
  const where = i === from - 1 ? 'on the line above' : i === from + 1 ? 'on the line below' : `on line ${base.lineNumber(i)}`;
  // The column matched is where the line starts, or where its text starts after `- `.
  if (m && (!m[2] || col > m[1].length)) return `\`${m[3]}:\` ${where}`;
  return `the \`- \` entry ${where}`;
}

/** Turns block line numbers into 1-based plan line numbers, for messages. */
interface LineBase {
  lineNumber(i: number): number;
}

/** Columns a line could be meant to start at: where its neighbours start, or their content after `- `. */
function neighbourColumns(lines: Line[], i: number): { col: number; ref: number }[] {
  const out: { col: number; ref: number }[] = [];
  const add = (col: number, ref: number) => {
    if (!out.some((c) => c.col === col)) out.push({ col, ref });
  };
  const look = (j: number) => {
    const t = lines[j].text;
    const ws = indentOf(t);
    if (ws.includes('\t')) return;
    add(ws.length, j);
    const dash = /^( *)(- +)(?=[^ \t#])/.exec(t);
    if (dash) add(dash[1].length + dash[2].length, j);
  };
  let seen = 0;
  for (let j = i - 1; j >= 0 && seen < 3; j--) {
    if (!isContent(lines[j])) continue;
    look(j);
    seen++;
  }
  for (let j = i + 1; j < lines.length; j++) {
    if (!isContent(lines[j])) continue;
    look(j);
    break;
  }
  return out;
}

function candidatesFor(lines: Line[], i: number, first: number, minIndent: number, base: LineBase): Candidate[] {
  const line = lines[i];
  if (!line || !isContent(line)) return [];
  // Lines before `first` keep their indentation (a block's first line: see recoverBlock).
  const keepIndent = i < first;
  const t = line.text;
  const ws = indentOf(t);
  const out: Candidate[] = [];
  const whole = { spanFrom: 0, spanTo: t.length };
  const columns = neighbourColumns(lines, i).filter((c) => c.col > minIndent);

  if (ws.includes('\t') && !keepIndent) {
    const tabs = ws.split('\t').length - 1;
    const spaces = ws.replace(/\t/g, '  ');
    if (spaces.length > minIndent) {
      const n = 2;
      out.push({
        kind: 'tab', line: i, from: 0, to: ws.length, text: spaces, ...whole,
        message: tabs === 1
          ? `This line is indented with a tab; YAML indents with spaces only: replace the tab with ${plural(n, 'space')}.`
          : `This line is indented with tabs; YAML indents with spaces only: replace each tab with ${plural(n, 'space')}.`,
      });
    }
    for (const c of columns) {
      if (c.col === spaces.length) continue;
      out.push({
        kind: 'tab', line: i, from: 0, to: ws.length, text: ' '.repeat(c.col), ...whole,
        message: `This line is indented with ${tabs === 1 ? 'a tab' : 'tabs'}; YAML indents with spaces only: indent it with ${plural(c.col, 'space')}, like ${describeLine(lines, c.ref, i, base, c.col)}.`,
      });
    }
    return out;
  }

  // A stray `-` (or `?`, `:`) on a line of its own: an empty entry where none belongs.
  const stray = keepIndent ? null : /^[ ]*([-?:])[ ]*$/.exec(t);
  if (stray) {
    out.push({
      kind: 'stray', line: i, from: 0, to: t.length, text: '', ...whole,
      message: `This \`${stray[1]}\` on a line of its own ${stray[1] === '-' ? 'starts an empty list entry' : 'starts an empty field'}, which does not fit here: delete it.`,
    });
    return out;
  }

  // A quote left open: the value after `key: ` or `- ` (or inside `{ }`/`[ ]`) starts with a quote
  // that does not close on its line.
  for (const { col: open, q } of openQuotes(t)) {
    const trimmed = t.replace(/\s+$/, '');
    const spots = [trimmed.length];
    for (const ch of [',', '}', ']']) {
      const k = t.indexOf(ch, open + 1);
      if (k > open + 1) spots.push(t.slice(0, k).replace(/\s+$/, '').length);
    }
    const quoteWord = q === '"' ? 'double quote (`"`)' : "quote (`'`)";
    for (const at of [...new Set(spots)]) {
      const inner = t.slice(open + 1, at);
      out.push({
        kind: 'quote', line: i, from: at, to: at, text: q, spanFrom: open, spanTo: trimmed.length,
        message: at === trimmed.length
          ? `The ${quoteWord} that opens this text is not closed: add ${q} at the end of the line.`
          : `The ${quoteWord} that opens \`${inner}\` is not closed: add ${q} after \`${inner}\`.`,
      });
    }
  }

  // A `[` or `{` left open on a line that closes its quotes: closed at the end of the line.
  const brackets = openBrackets(t);
  if (brackets && !out.some((c) => c.kind === 'quote')) {
    const trimmed = t.replace(/\s+$/, '');
    const closers = brackets.map((b) => (b.ch === '[' ? ']' : '}')).reverse().join('');
    out.push({
      kind: 'bracket', line: i, from: trimmed.length, to: trimmed.length, text: closers, spanFrom: brackets[0].col, spanTo: trimmed.length,
      message: `This \`${brackets[0].ch}\` is not closed: add \`${closers}\` at the end of the line.`,
    });
  }

  // Text holding `: ` after a field (`title: Grow Trade: Sustainably`): the text in quotes.
  // A plain text ends at ` #`, where a comment starts.
  const textWithColon = /^([ ]*(?:- +)?[A-Za-z_$][\w$-]*: +)([^"'[{|>&*!%@`#\s](?:(?! #)[^\r\n])*?)\s*(?: #.*)?$/.exec(t);
  if (textWithColon && /: /.test(textWithColon[2])) {
    const from = textWithColon[1].length;
    const value = textWithColon[2];
    out.push({
      kind: 'quote-text', line: i, from, to: from + value.length, text: `"${value.replace(/[\\"]/g, (c) => '\\' + c)}"`, spanFrom: from, spanTo: from + value.length,
      message: 'This text contains `: `, which would start a new field: put the whole text in double quotes.',
    });
  }

  // A key whose colon was dropped: `title Recruit ...`.
  const colon = /^([ ]*(?:- +)?)([A-Za-z_$][\w$-]*)( +)([^ :#][^\r\n]*)?$/.exec(t);
  if (colon && colon[4] !== undefined) {
    const at = colon[1].length + colon[2].length;
    out.push({
      kind: 'colon', line: i, from: at, to: at, text: ':', spanFrom: colon[1].length, spanTo: at,
      message: `A colon is missing after \`${colon[2]}\`: write \`${colon[2]}: \` before its value.`,
    });
  }

  // A line indented off its neighbours.
  for (const c of columns.filter((c) => c.col !== ws.length && !keepIndent).sort((a, b) => Math.abs(a.col - ws.length) - Math.abs(b.col - ws.length))) {
    const d = c.col - ws.length;
    out.push({
      kind: 'indent', line: i, from: 0, to: ws.length, text: ' '.repeat(c.col), ...whole,
      message: `This line is indented ${plural(Math.abs(d), 'space')} ${d < 0 ? 'more' : 'less'} than ${describeLine(lines, c.ref, i, base, c.col)}: ${d < 0 ? 'remove' : 'add'} ${plural(Math.abs(d), 'space')} so that they line up.`,
    });
  }
  return out;
}

const OPENING_QUOTE = /(?:^[ ]*(?:- +)*|: +|[{[,] *)(["'])/g;

/** The quotes that open a value on a line and do not close on it: their columns. */
function openQuotes(t: string): { col: number; q: string }[] {
  const out: { col: number; q: string }[] = [];
  for (const m of t.matchAll(OPENING_QUOTE)) {
    const col = m.index! + m[0].length - 1;
    if (closesAt(t, col, m[1]) < 0) {
      out.push({ col, q: m[1] });
      break;
    }
    // A closed quote: the next opening is looked for after it (matchAll moves on by itself).
  }
  return out;
}

function openQuoteLineAbove(lines: Line[], from: number): number {
  for (let l = Math.min(from, lines.length - 1), n = 0; l >= 0 && n < 500; l--, n++) {
    if (isContent(lines[l]) && (openQuotes(lines[l].text).length || openBrackets(lines[l].text))) return l;
  }
  return -1;
}

/**
 * The `[` and `{` a line opens and does not close, outside quotes and comments, when the line
 * starts a flow collection after a field or a `- ` and closes every quote it opens.
 */
function openBrackets(t: string): { ch: string; col: number }[] | undefined {
  if (!/(?:^[ ]*(?:- +)*|: +)[[{]/.test(t)) return undefined;
  const stack: { ch: string; col: number }[] = [];
  for (let k = 0; k < t.length; k++) {
    const c = t[k];
    if (c === '"' || c === "'") {
      const end = closesAt(t, k, c);
      if (end < 0) return undefined;
      k = end;
    } else if (c === '#' && (k === 0 || t[k - 1] === ' ')) break;
    else if (c === '[' || c === '{') stack.push({ ch: c, col: k });
    else if (c === ']' || c === '}') {
      if (!stack.length) return undefined;
      stack.pop();
    }
  }
  return stack.length ? stack : undefined;
}

/** Where the quote opened at `open` closes on the line, or -1. */
function closesAt(t: string, open: number, q: string): number {
  for (let k = open + 1; k < t.length; k++) {
    const c = t[k];
    if (q === '"' && c === '\\') {
      k++;
      continue;
    }
    if (c === q) {
      if (q === "'" && t[k + 1] === "'") {
        k++;
        continue;
      }
      return k;
    }
  }
  return -1;
}

function apply(lines: Line[], text: string, c: Candidate): string {
  const l = lines[c.line];
  return text.slice(0, l.start + c.from) + c.text + text.slice(l.start + c.to);
}

function firstError(doc: Document.Parsed): YAMLError | undefined {
  let first: YAMLError | undefined;
  for (const e of doc.errors) if (!first || e.pos[0] < first.pos[0]) first = e;
  return first;
}

/**
 * Repairs a block's text, one line at a time, starting with the line of yaml's first error.
 * `first`: lines before it are never repaired (a block's own first line: changing it could
 * change how the plan splits into blocks); `minIndent`: a repaired line is indented more than
 * this (the block's first line's indentation), so that it stays inside the block.
 */
export function recoverBlock(text: string, doc: Document.Parsed, options: { first: number; minIndent: number; lineNumber: (i: number) => number }): Recovery {
  const repairs: Repair[] = [];
  const repairedLines = new Set<number>();
  let current = text;
  let currentDoc = doc;
  const origLines = splitLines(text);
  let tries = Math.max(2, Math.min(MAX_TRIES, Math.floor(PARSE_BUDGET / Math.max(1, text.length))));
  for (let round = 0; round < MAX_REPAIRS && tries > 0; round++) {
    const e = firstError(currentDoc);
    if (!e || !REPAIRABLE.has(e.code)) break;
    const lines = splitLines(current);
    const at = lineAt(lines, Math.min(e.pos[0], current.length));
    let best: { c: Candidate; text: string; doc: Document.Parsed } | undefined;
    let fallback: { c: Candidate; text: string; doc: Document.Parsed; errors: number } | undefined;
    // A quote left open runs on to the next quote, or to the end of the block, where yaml
    // says it is missing: the line that opened it is the nearest above with a quote open.
    const open = openQuoteLineAbove(lines, at);
    const near = [at, at + 1, at - 1, at + 2, at - 2];
    // Past comments and blank lines, the line before is the one yaml read last.
    for (let l = at - 1; l >= 0; l--) {
      if (!isContent(lines[l])) continue;
      if (!near.includes(l)) near.push(l);
      break;
    }
    const order = open < 0 || near.includes(open) ? near : e.code === 'MISSING_CHAR' ? [open, ...near] : [...near, open];
    for (const l of order) {
      if (repairedLines.has(l) || l < 0 || l >= lines.length) continue;
      for (const c of candidatesFor(lines, l, options.first, options.minIndent, options)) {
        if (tries-- <= 0) break;
        const next = apply(lines, current, c);
        const d = parseYaml(next);
        // A repair that would nest the block too deep for yaml is no repair.
        if (isTooDeep(d)) continue;
        if (d.errors.length === 0) {
          best = { c, text: next, doc: d };
          break;
        }
        const f = firstError(d)!;
        if (d.errors.length < currentDoc.errors.length && f.pos[0] >= lines[l].end + c.text.length - (c.to - c.from) && (!fallback || d.errors.length < fallback.errors)) {
          fallback = { c, text: next, doc: d, errors: d.errors.length };
        }
      }
      if (best) break;
    }
    const chosen = best ?? fallback;
    if (!chosen) break;
    const c = chosen.c;
    repairedLines.add(c.line);
    // The repaired line's columns are the original's: no line is repaired twice.
    const o = origLines[c.line];
    repairs.push({
      kind: c.kind,
      start: o.start + c.from,
      end: o.start + c.to,
      newText: c.text,
      span: { start: o.start + c.spanFrom, end: o.start + c.spanTo },
      message: c.message,
      yamlCode: e.code,
    });
    current = chosen.text;
    currentDoc = chosen.doc;
  }
  repairs.sort((a, b) => a.start - b.start);
  return { source: current, repairs, doc: currentDoc };
}

/** Maps offsets of a repaired text back to the original text. */
export class OffsetMap {
  private readonly edits: { start: number; end: number; len: number }[];
  constructor(repairs: readonly Repair[], base = 0) {
    this.edits = repairs.map((r) => ({ start: r.start + base, end: r.end + base, len: r.newText.length }));
  }

  get empty(): boolean {
    return this.edits.length === 0;
  }

  /** `bias`: an offset inside inserted text goes to the start or the end of what it replaced. */
  map(r: number, bias: 'start' | 'end'): number {
    let delta = 0;
    for (const e of this.edits) {
      const rs = e.start + delta;
      const re = rs + e.len;
      if (r <= rs) return r - delta;
      if (r < re) return bias === 'start' ? e.start : e.end;
      delta += e.len - (e.end - e.start);
    }
    return r - delta;
  }

  /** Moves spans (each object once) from repaired offsets to the original's. */
  mapSpans(spans: Iterable<Span>): void {
    if (this.empty) return;
    for (const s of spans as Iterable<{ start: number; end: number }>) {
      const start = this.map(s.start, 'start');
      const end = this.map(s.end, 'end');
      s.start = start;
      s.end = Math.max(start, end);
    }
  }
}
