// A fast reader for the YAML that plans are written in: block mappings and lists, one-line plain
// and quoted scalars, `|`/`>` block scalars and one-line `[a, b]` lists, with comments and blank
// lines. yaml's CST parser alone takes ~270 ms on the first read of a 15.8k-line plan (cold code)
// and ~130 ms warm, so no use of its output can open such a plan in 200 ms; with this reader the
// whole first parse takes ~135 ms cold and ~35 ms warm (it was 548 ms cold with yaml).
//
// It reads one goal block (see split.ts) and either returns exactly what the yaml path (build.ts's
// NodeReader over yaml's document, and the document's toJS) would, or gives up: on anything it
// does not handle (anchors, tags, flow mappings, multi-line plain or quoted scalars, tabs, keep
// chomping, duplicate keys, ...) it returns undefined and the caller asks yaml. A property test
// (lineReader.test.ts) holds the two equal on random goal blocks and random edits of real plans.
//
// Spans follow yaml's nodes to the character, including where yaml ends a collection: a
// collection ends where its last value ends, and comment lines after that value belong to the
// innermost collection that is closed by the next line and is not deeper than the comment
// (yaml's Parser moves them up otherwise; see `closeRun`).
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { buildItem, type NodeSource } from './fields';
import type { Field, PlanItem, ScalarStyle } from './model';

type QScalar = { t: 's'; r0: number; r1: number; r2: number; value: string | number | boolean | null; style: ScalarStyle };
type QSeq = { t: 'q'; r0: number; r1: number; r2: number; items: QNode[] };
type QMap = { t: 'm'; r0: number; r1: number; r2: number; keys: string[]; k0: number[]; values: QNode[] };
type QNode = QScalar | QSeq | QMap;

/** Gives up on this block: the caller reads it with yaml instead. */
class GiveUp {}
const GIVE_UP = new GiveUp();

/** Plans nest six levels deep; deeper text is left to yaml (and keeps this reader's stack small). */
const MAX_DEPTH = 40;

const enum Kind { Blank, Comment, Content }

/** A run of blank and comment lines between two content lines, and where it ends. */
interface Run {
  /** Column of the deepest comment in the run, -1 without comments. */
  comment: number;
  /** Offset where the run's tokens end: the next content line's first character, or the text's end. */
  end: number;
}

class LineReader {
  private readonly starts: number[] = [];
  /** End of each line's text, before `\r\n` or `\n`. */
  private readonly ends: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: Kind[] = [];
  /** A run whose collection is being closed, on its way up to the collection that keeps it. */
  private pending: Run | undefined;

  constructor(private readonly s: string) {
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      let nl = s.indexOf('\n', pos);
      if (nl < 0) nl = n;
      let end = nl;
      if (end > pos && s.charCodeAt(end - 1) === 13) end--;
      let i = pos;
      while (i < end && s.charCodeAt(i) === 32) i++;
      const c = i < end ? s.charCodeAt(i) : -1;
      // Document markers, directives and lone carriage returns are yaml's to read.
      if (c === 45 && i === pos && s.startsWith('---', pos) && (end === pos + 3 || s.charCodeAt(pos + 3) === 32)) throw GIVE_UP;
      if (c === 46 && i === pos && s.startsWith('...', pos) && (end === pos + 3 || s.charCodeAt(pos + 3) === 32)) throw GIVE_UP;
      if (c === 37 && i === pos) throw GIVE_UP;
      this.starts.push(pos);
      this.ends.push(end);
      this.indents.push(i - pos);
      this.kinds.push(c === -1 ? Kind.Blank : c === 35 ? Kind.Comment : Kind.Content);
      pos = nl + 1;
    }
  }

  /** Offset where line `li` begins, or the text's end past the last line. */
  private lineStart(li: number): number {
    return li < this.starts.length ? this.starts[li] : this.s.length;
  }

  /** The next content line after `li`, and the run of blank/comment lines before it. */
  private nextContent(li: number): { line: number; run: Run } {
    let comment = -1;
    let j = li + 1;
    for (; j < this.kinds.length; j++) {
      const k = this.kinds[j];
      if (k === Kind.Content) break;
      if (k === Kind.Comment && this.indents[j] > comment) comment = this.indents[j];
    }
    const end = j < this.kinds.length ? this.starts[j] + this.indents[j] : this.s.length;
    return { line: j, run: { comment, end } };
  }

  /**
   * The whole block: one list entry (the goal), nothing after it. Returns the entry's node.
   */
  readSingleEntry(): QNode {
    let li = 0;
    while (li < this.kinds.length && this.kinds[li] !== Kind.Content) li++;
    if (li >= this.kinds.length || !this.isEntry(li, this.indents[li])) throw GIVE_UP;
    const seq = this.seq(li, this.indents[li], 0);
    if (seq.node.items.length !== 1 || seq.next < this.kinds.length) throw GIVE_UP;
    return seq.node.items[0];
  }

  private isEntry(li: number, indent: number): boolean {
    const at = this.starts[li] + indent;
    if (this.s.charCodeAt(at) !== 45 /* - */) return false;
    const after = at + 1;
    return after >= this.ends[li] || this.s.charCodeAt(after) === 32;
  }

  /**
   * Settles the collection being closed by the line after `run`: yaml leaves comment lines with
   * the innermost closed collection that is not deeper than one of the comments (and not at
   * column 0), and moves them up otherwise.
   */
  private closeRun(node: QSeq | QMap, indent: number): void {
    const run = this.pending;
    if (run && indent > 0 && run.comment >= indent) {
      node.r2 = run.end;
      this.pending = undefined;
    }
  }

  /** A block list whose `-` sit at column `indent`, its first entry on line `li`. */
  private seq(li: number, indent: number, depth: number): { node: QSeq; next: number } {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const s = this.s;
    const node: QSeq = { t: 'q', r0: this.starts[li] + indent, r1: 0, r2: 0, items: [] };
    let line = li;
    let next: number;
    for (;;) {
      const dash = this.starts[line] + indent;
      let at = dash + 1;
      while (at < this.ends[line] && s.charCodeAt(at) === 32) at++;
      // `-` alone on its line, or a list in a list: yaml's to read.
      if (at >= this.ends[line] || s.charCodeAt(at) === 45 && (at + 1 >= this.ends[line] || s.charCodeAt(at + 1) === 32)) throw GIVE_UP;
      let value: QNode;
      if (this.keyAt(line, at) > 0) {
        ({ node: value, next } = this.map(line, at - this.starts[line], depth + 1));
      } else {
        value = this.inline(line, at, indent);
        next = this.after(value, indent);
      }
      node.items.push(value);
      node.r1 = node.r2 = value.r2;
      if (next >= this.kinds.length || this.indents[next] < indent) break;
      if (this.indents[next] > indent) throw GIVE_UP;
      if (!this.isEntry(next, indent)) break; // a key of the mapping that holds an indentless list
      this.pending = undefined; // comments before the next entry are that entry's
      line = next;
    }
    this.closeRun(node, indent);
    return { node, next };
  }

  /**
   * After a scalar value inside the collection at `indent`: finds the next content line and
   * records the run before it. Returns that line.
   */
  private after(value: QNode, indent: number): number {
    const last = this.lineOf(value.r2);
    const { line, run } = this.nextContent(last);
    // A comment deeper than the collection right after a value is attached to that value by yaml.
    if (run.comment > indent) throw GIVE_UP;
    this.pending = run;
    return line;
  }

  /** The line a value's end falls on: the line before the one starting at r2. */
  private lineOf(r2: number): number {
    // r2 is a line start (or the text's end) for every value this reader makes, except an empty
    // value, which ends on its own line.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] < r2) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Length of a `key:` at `at` on line `li` (up to the colon), or 0. */
  private keyAt(li: number, at: number): number {
    const s = this.s;
    const end = this.ends[li];
    let i = at;
    const c0 = s.charCodeAt(i);
    if (c0 >= 48 && c0 <= 57) return this.numberKeyAt(li, at);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || c0 === 95)) return 0;
    i++;
    for (; i < end; i++) {
      const c = s.charCodeAt(i);
      if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
    }
    if (i >= end || s.charCodeAt(i) !== 58 /* : */) return 0;
    if (i + 1 < end && s.charCodeAt(i + 1) !== 32) return 0;
    return i - at;
  }

  /**
   * Length of a key of digits only (a year of `targets:`) at `at`, or 0. yaml reads it as a
   * number, whose text is the key: so only the way a number is written back (`2021`, not `02021`).
   */
  private numberKeyAt(li: number, at: number): number {
    const s = this.s;
    const end = this.ends[li];
    let i = at;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    const len = i - at;
    if (len > 15 || (len > 1 && s.charCodeAt(at) === 48)) return 0;
    if (i >= end || s.charCodeAt(i) !== 58 /* : */) return 0;
    if (i + 1 < end && s.charCodeAt(i + 1) !== 32) return 0;
    return len;
  }

  /** A block mapping whose keys sit at column `indent`, its first key on line `li`. */
  private map(li: number, indent: number, depth: number): { node: QMap; next: number } {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const s = this.s;
    const node: QMap = { t: 'm', r0: this.starts[li] + indent, r1: 0, r2: 0, keys: [], k0: [], values: [] };
    const seen = new Set<string>();
    let line = li;
    let next: number;
    for (;;) {
      const k0 = this.starts[line] + indent;
      const klen = this.keyAt(line, k0);
      if (klen === 0) throw GIVE_UP;
      const key = s.slice(k0, k0 + klen);
      if (seen.has(key) || NOT_A_STRING_KEY.test(key) || key === '__proto__') throw GIVE_UP;
      seen.add(key);
      let at = k0 + klen + 1;
      const end = this.ends[line];
      while (at < end && s.charCodeAt(at) === 32) at++;
      let value: QNode;
      if (at < end && s.charCodeAt(at) !== 35 /* # */) {
        value = this.inline(line, at, indent);
        next = this.after(value, indent);
      } else {
        // Nothing after the colon: a nested block, or an empty value.
        const hasComment = at < end;
        const { line: nl, run } = this.nextContent(line);
        if (nl < this.kinds.length && this.indents[nl] > indent) {
          const ni = this.indents[nl];
          if (this.isEntry(nl, ni)) ({ node: value, next } = this.seq(nl, ni, depth + 1));
          else if (this.keyAt(nl, this.starts[nl] + ni) > 0) ({ node: value, next } = this.map(nl, ni, depth + 1));
          else throw GIVE_UP;
        } else if (nl < this.kinds.length && this.indents[nl] === indent && this.isEntry(nl, indent)) {
          ({ node: value, next } = this.seq(nl, indent, depth + 1));
        } else {
          // yaml places an empty value after a comment when there is one: not worth following.
          if (hasComment || run.comment >= 0) throw GIVE_UP;
          value = { t: 's', r0: at, r1: at, r2: at, value: null, style: 'plain' };
          this.pending = run;
          next = nl;
        }
      }
      node.keys.push(key);
      node.k0.push(k0);
      node.values.push(value);
      node.r1 = node.r2 = value.r2;
      if (next >= this.kinds.length || this.indents[next] < indent) break;
      if (this.indents[next] > indent || this.isEntry(next, indent)) throw GIVE_UP;
      this.pending = undefined;
      line = next;
    }
    this.closeRun(node, indent);
    return { node, next };
  }

  /** A value written on the line of its key or `-`, starting at `at`; `indent` is its collection's. */
  private inline(li: number, at: number, indent: number): QNode {
    const s = this.s;
    const end = this.ends[li];
    const lineEnd = this.lineStart(li + 1);
    const c = s.charCodeAt(at);
    switch (c) {
      case 34: /* " */
      case 39: /* ' */ {
        const q = this.quoted(at, end);
        this.endOfLine(li, q.stop);
        return { t: 's', r0: at, r1: q.stop, r2: lineEnd, value: q.value, style: c === 34 ? 'double' : 'single' };
      }
      case 91: /* [ */
        return this.flowList(li, at);
      case 123: /* { */
        return this.flowMap(li, at);
      case 124: /* | */
      case 62: /* > */
        return this.blockScalar(li, at, indent);
      case 45: /* - */
      case 63: /* ? */
      case 58: /* : */ {
        const d = s.charCodeAt(at + 1);
        if (at + 1 >= end || d === 32) throw GIVE_UP;
        break;
      }
      default:
        if (INDICATOR.has(c)) throw GIVE_UP;
    }
    // A plain scalar: to the end of the line or a ` #` comment.
    let stop = end;
    for (let i = at + 1; i < end; i++) {
      if (s.charCodeAt(i) === 35 && s.charCodeAt(i - 1) === 32) {
        stop = i - 1;
        break;
      }
    }
    while (stop > at && s.charCodeAt(stop - 1) === 32) stop--;
    const text = s.slice(at, stop);
    // `: ` would make a mapping (an error on a key's line); yaml explains that, not this reader.
    if (text.includes(': ') || text.charCodeAt(text.length - 1) === 58) throw GIVE_UP;
    return { t: 's', r0: at, r1: stop, r2: lineEnd, value: resolvePlain(text), style: 'plain' };
  }

  /** A quoted scalar starting at `at` and closed before `end` (the line's end); `stop` is after the quote. */
  private quoted(at: number, end: number): { value: string; stop: number } {
    const s = this.s;
    const q = s.charCodeAt(at);
    let out = '';
    let i = at + 1;
    let from = i;
    for (;;) {
      if (i >= end) throw GIVE_UP; // continues on the next line
      const d = s.charCodeAt(i);
      if (d === q) {
        if (q === 39 && i + 1 < end && s.charCodeAt(i + 1) === 39) {
          out += s.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (d === 92 /* \ */ && q === 34) {
        out += s.slice(from, i);
        const e = s[i + 1];
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          i += 2;
        } else if (e === 'x' || e === 'u' || e === 'U') {
          const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = s.slice(i + 2, i + 2 + len);
          if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) throw GIVE_UP;
          out += String.fromCodePoint(cp);
          i += 2 + len;
        } else throw GIVE_UP;
        from = i;
        continue;
      }
      i++;
    }
    return { value: out + s.slice(from, i), stop: i + 1 };
  }

  /** After a closing quote or bracket: only spaces and a comment may follow on the line. */
  private endOfLine(li: number, from: number): void {
    const s = this.s;
    const end = this.ends[li];
    let i = from;
    while (i < end && s.charCodeAt(i) === 32) i++;
    if (i < end && (s.charCodeAt(i) !== 35 || i === from)) throw GIVE_UP;
  }

  /** `[a, "b", 'c']` on one line: plain or quoted words separated by commas. */
  private flowList(li: number, at: number): QSeq {
    const s = this.s;
    const end = this.ends[li];
    const node: QSeq = { t: 'q', r0: at, r1: 0, r2: this.lineStart(li + 1), items: [] };
    let i = at + 1;
    for (;;) {
      while (i < end && s.charCodeAt(i) === 32) i++;
      if (i >= end) throw GIVE_UP;
      const c = s.charCodeAt(i);
      if (c === 93 /* ] */ && node.items.length === 0) break;
      const item = this.flowScalar(i, end, 93 /* ] */);
      node.items.push(item);
      i = item.r1;
      while (i < end && s.charCodeAt(i) === 32) i++;
      const d = s.charCodeAt(i);
      if (i >= end) throw GIVE_UP;
      if (d === 93) break;
      if (d !== 44) throw GIVE_UP;
      i++;
      // `[a, ]`: yaml allows a trailing comma; not worth following.
      while (i < end && s.charCodeAt(i) === 32) i++;
      if (s.charCodeAt(i) === 93) throw GIVE_UP;
    }
    node.r1 = i + 1;
    this.endOfLine(li, i + 1);
    return node;
  }

  /**
   * One entry of a one-line `[...]` or `{...}`: a quoted word, or a plain one up to the next `,`
   * or `close`, its trailing spaces left out; gives up on anything yaml would read otherwise.
   */
  private flowScalar(i: number, end: number, close: number): QScalar {
    const s = this.s;
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) {
      const q = this.quoted(i, end);
      return { t: 's', r0: i, r1: q.stop, r2: q.stop, value: q.value, style: c === 34 ? 'double' : 'single' };
    }
    if (INDICATOR.has(c) || c === 45 || c === 63 || c === 58) throw GIVE_UP;
    const a = i;
    while (i < end) {
      const d = s.charCodeAt(i);
      if (d === 44 || d === close) break;
      if (FLOW_UNSAFE.has(d)) throw GIVE_UP;
      i++;
    }
    let b = i;
    while (b > a && s.charCodeAt(b - 1) === 32) b--;
    return { t: 's', r0: a, r1: b, r2: b, value: resolvePlain(s.slice(a, b)), style: 'plain' };
  }

  /**
   * `{ year: 2020, value: 61 }` or `{ 2021: 63, 2022: 65 }` on one line: keys as in a block
   * mapping, each followed by `: ` and a plain or quoted word; nothing nested, no empty values.
   */
  private flowMap(li: number, at: number): QMap {
    const s = this.s;
    const end = this.ends[li];
    const node: QMap = { t: 'm', r0: at, r1: 0, r2: this.lineStart(li + 1), keys: [], k0: [], values: [] };
    const seen = new Set<string>();
    let i = at + 1;
    for (;;) {
      while (i < end && s.charCodeAt(i) === 32) i++;
      if (i >= end) throw GIVE_UP;
      // `{}` and `{ }`: not worth following.
      const klen = this.keyAt(li, i);
      if (klen === 0) throw GIVE_UP;
      const key = s.slice(i, i + klen);
      if (seen.has(key) || NOT_A_STRING_KEY.test(key) || key === '__proto__') throw GIVE_UP;
      seen.add(key);
      node.keys.push(key);
      node.k0.push(i);
      i += klen + 1;
      if (s.charCodeAt(i) !== 32) throw GIVE_UP;
      while (i < end && s.charCodeAt(i) === 32) i++;
      if (i >= end) throw GIVE_UP;
      const value = this.flowScalar(i, end, 125 /* } */);
      node.values.push(value);
      i = value.r1;
      while (i < end && s.charCodeAt(i) === 32) i++;
      if (i >= end) throw GIVE_UP;
      const d = s.charCodeAt(i);
      if (d === 125 /* } */) break;
      if (d !== 44) throw GIVE_UP;
      i++;
      // `{ a: 1, }`: yaml allows a trailing comma; not worth following.
      while (i < end && s.charCodeAt(i) === 32) i++;
      if (s.charCodeAt(i) === 125) throw GIVE_UP;
    }
    node.r1 = i + 1;
    this.endOfLine(li, i + 1);
    return node;
  }

  /** `|` or `>` (with `-` or nothing after it) and the lines more indented than `indent` below it. */
  private blockScalar(li: number, at: number, indent: number): QScalar {
    const s = this.s;
    const end = this.ends[li];
    const folded = s.charCodeAt(at) === 62;
    let i = at + 1;
    const strip = s.charCodeAt(i) === 45;
    if (strip) i++;
    if (i < end && s.charCodeAt(i) !== 32) throw GIVE_UP; // keep chomping, explicit indentation
    this.endOfLine(li, i);
    // Content: from the first line with text, at that line's indentation.
    const first = li + 1;
    if (first >= this.kinds.length || this.kinds[first] === Kind.Blank) throw GIVE_UP;
    const ci = this.indents[first];
    if (ci <= indent) throw GIVE_UP;
    let last = first;
    let j = first;
    for (; j < this.kinds.length; j++) {
      if (this.kinds[j] === Kind.Blank) {
        if (this.ends[j] !== this.starts[j]) throw GIVE_UP; // spaces on an empty line
        continue;
      }
      if (this.indents[j] < ci) break;
      if (folded && this.indents[j] > ci) throw GIVE_UP; // more-indented lines keep their breaks
      last = j;
    }
    let value = '';
    let empties = 0;
    for (let k = first; k <= last; k++) {
      if (this.kinds[k] === Kind.Blank) {
        empties++;
        continue;
      }
      const text = s.slice(this.starts[k] + ci, this.ends[k]);
      if (k === first) value = text;
      else if (folded) value += (empties ? '\n'.repeat(empties) : ' ') + text;
      else value += '\n'.repeat(empties + 1) + text;
      empties = 0;
    }
    if (!strip) value += '\n';
    const stop = this.lineStart(last + 1);
    return { t: 's', r0: at, r1: stop, r2: stop, value, style: 'block' };
  }
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** Characters that cannot start a plain scalar, or start what this reader leaves to yaml. */
const INDICATOR = new Set([...'#&*!|>\'"%@`,[]{}'].map((c) => c.charCodeAt(0)));
/** Inside a plain word of `[a, b]`: what would make it more than a word. */
const FLOW_UNSAFE = new Set([...'[]{}#\'"\t:'].map((c) => c.charCodeAt(0)));
/** Keys that yaml reads as null or true/false, not as text. */
const NOT_A_STRING_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A plain scalar's value under YAML 1.2's core schema, as yaml resolves it. */
function resolvePlain(t: string): string | number | boolean | null {
  const c = t.charCodeAt(0);
  // Only text starting with a digit, sign, dot, ~ or one of n/N/t/T/f/F can be anything but text.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70)) return t;
  if (/^(?:~|[Nn]ull|NULL)$/.test(t)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(t)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(t)) return false;
  if (/^0o[0-7]+$/.test(t)) return parseInt(t.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(t)) return parseInt(t, 10);
  if (/^0x[0-9a-fA-F]+$/.test(t)) return parseInt(t.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(t)) throw GIVE_UP;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(t)) return parseFloat(t);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(t)) return parseFloat(t);
  return t;
}

function toJS(n: QNode): unknown {
  if (n.t === 's') return n.value;
  if (n.t === 'q') return n.items.map(toJS);
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n.keys.length; i++) out[n.keys[i]] = toJS(n.values[i]);
  return out;
}

/**
 * The line reader's nodes as the item builder (fields.ts) reads them: the same builder reads
 * yaml's nodes in build.ts. (Making yaml nodes of these first, toYamlNode, would cost a fifth
 * more on a first read: every scalar would become a yaml node.)
 */
function lineNodes(source: string, base: number): NodeSource<QNode> {
  return {
    mapSpan: (n) => (n.t === 'm' ? { start: base + n.r0, end: base + n.r1 } : undefined),
    fields: (n) => {
      const m = n as QMap;
      const fields: Field[] = [];
      for (let i = 0; i < m.keys.length; i++) {
        const v = m.values[i];
        fields.push({ key: m.keys[i], keySpan: { start: base + m.k0[i], end: base + m.k0[i] + m.keys[i].length }, valueSpan: { start: base + v.r0, end: base + v.r1 } });
      }
      return fields;
    },
    // No merge keys: the mapping's own keys and values are its pairs.
    pairs: (n) => n as QMap,
    keySpan: (p, i) => {
      const m = p as QMap;
      return { start: base + m.k0[i], end: base + m.k0[i] + m.keys[i].length };
    },
    // Keys are plain: a key written with digits only is a number (a year), as yaml reads it.
    keyScalar: (p, i) => {
      const m = p as QMap;
      const key = m.keys[i];
      return { text: key, span: { start: base + m.k0[i], end: base + m.k0[i] + key.length }, style: 'plain', isNumber: isDigit(key.charCodeAt(0)) };
    },
    items: (n) => (n.t === 'q' ? n.items : undefined),
    scalar: (n) => {
      if (n.t !== 's' || n.value === null) return undefined;
      const text = typeof n.value === 'string' ? n.value : source.slice(n.r0, n.r1).trim();
      return { text, span: { start: base + n.r0, end: base + n.r1 }, style: n.style, isNumber: typeof n.value === 'number' };
    },
    string: (n) => (n.t === 's' && typeof n.value === 'string' ? n.value : undefined),
    bool: (n) => (n.t === 's' && typeof n.value === 'boolean' ? n.value : undefined),
    span: (n) => ({ start: base + n.r0, end: base + n.r1 }),
  };
}

const SCALAR_TYPE: Record<ScalarStyle, Scalar.Type | undefined> = { plain: 'PLAIN', double: 'QUOTE_DOUBLE', single: 'QUOTE_SINGLE', block: 'BLOCK_LITERAL', other: undefined };

/**
 * The nodes yaml would have made, from what the line reader read: enough for schema.ts to place
 * and word its messages (kinds, ranges, keys, values, scalar styles) without parsing again.
 */
function toYamlNode(n: QNode): Node {
  let node: Node;
  if (n.t === 's') {
    const s = new Scalar(n.value);
    s.type = SCALAR_TYPE[n.style];
    node = s;
  } else if (n.t === 'q') {
    const seq = new YAMLSeq();
    seq.items = n.items.map(toYamlNode);
    node = seq;
  } else {
    const map = new YAMLMap();
    for (let i = 0; i < n.keys.length; i++) {
      // A key of digits is a number to yaml (a year).
      const key = new Scalar(isDigit(n.keys[i].charCodeAt(0)) ? Number(n.keys[i]) : n.keys[i]);
      const end = n.k0[i] + n.keys[i].length;
      key.range = [n.k0[i], end, end];
      key.type = 'PLAIN';
      map.items.push(new Pair(key, toYamlNode(n.values[i])));
    }
    node = map;
  }
  node.range = [n.r0, n.r1, n.r2];
  return node;
}

export interface GoalRead {
  goal: PlanItem;
  js: unknown;
  /** The goal as yaml nodes (made on demand: only a goal with something to report needs them). */
  yamlNode(): Node;
}

/**
 * Reads a goal block (the text of one `- ` entry of `goals:`, starting at `base` in the plan) into
 * the goal and its JSON value, or returns undefined when the block is not in the subset this
 * reader knows to read exactly as yaml does.
 */
export function readGoalLines(source: string, index: number, base: number): GoalRead | undefined {
  if (source.includes('\t') || /\r(?!\n)/.test(source)) return undefined;
  try {
    const node = new LineReader(source).readSingleEntry();
    if (node.t !== 'm') return undefined;
    const goal = buildItem(lineNodes(source, base), node, 'goal', ['goals', index], index, undefined)!;
    return { goal, js: toJS(node), yamlNode: () => toYamlNode(node) };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
