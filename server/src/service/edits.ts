// Helpers to build the smallest text edits that change a scalar of a plan while keeping the
// author's quoting: a double-quoted number stays double-quoted, a plain unit id stays plain,
// and a value YAML would read differently without quotes (`1.10`, `true`, `a: b`) gets quotes.
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PlanDocument } from './documents';
import type { ScalarStyle, ScalarText } from './model';
import { LineIndex, type Span } from './text';

/** YAML 1.2 core-schema scalars that are not strings: null, booleans, integers, floats. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A whole number as a plan writes a goal number: `3`, not `03` or `+3`. */
const INTEGER = /^(?:0|[1-9][0-9]*)$/;

/**
 * True when `value`, written without quotes, reads back as the same string in YAML, both in a
 * block (`key: value`) and inside a flow collection (`[a, b]`, `{ id: a }`). Deliberately
 * cautious: any indicator character, `:` or `#` anywhere, or a word YAML reads as a number,
 * boolean or null means quotes.
 */
export function readsBackPlain(value: string): boolean {
  if (!value || value !== value.trim()) return false;
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/[:#,[\]{}]/.test(value)) return false;
  return !NOT_A_STRING.test(value);
}

export interface WriteOptions {
  /**
   * The scalar was a plain number (`id: 3`): a new whole number may stay plain, since the
   * plan reads numbers by their text. Dotted numbers are still quoted (`1.10` is 1.1 to YAML).
   */
  wasNumber?: boolean;
  /** Write a dotted number in double quotes even where it could stay plain (`1.2.3`): renumbering does. */
  quoteDotted?: boolean;
}

function escapeDouble(value: string): string {
  return value.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '\\': return '\\\\';
      case '"': return '\\"';
      case '\n': return '\\n';
      case '\t': return '\\t';
      case '\r': return '\\r';
      default: return '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0');
    }
  });
}

/** The style `value` is written in where a scalar of `style` was: the same one when it can be. */
export function styleFor(value: string, style: ScalarStyle, opts: WriteOptions = {}): 'plain' | 'double' | 'single' {
  if (style === 'double') return style;
  if (style === 'single') return /[\u0000-\u001f\u007f]/.test(value) ? 'double' : 'single';
  if (style === 'plain' && opts.quoteDotted && value.includes('.')) return 'double';
  if (style === 'plain' && (readsBackPlain(value) || (opts.wasNumber && INTEGER.test(value)))) return 'plain';
  return 'double';
}

/** `value` written in a scalar style, quotes included. */
export function quote(value: string, style: 'plain' | 'double' | 'single'): string {
  if (style === 'plain') return value;
  if (style === 'single' && !/[\u0000-\u001f\u007f]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return `"${escapeDouble(value)}"`;
}

/** How to write `value` in place of a scalar written in `style`. */
export function writeScalar(value: string, style: ScalarStyle, opts: WriteOptions = {}): string {
  return quote(value, styleFor(value, style, opts));
}

/** The span of a scalar's content: inside the quotes of a quoted scalar, the whole scalar otherwise. */
export function innerSpan(text: string, s: ScalarText): Span {
  const q = s.style === 'double' ? '"' : s.style === 'single' ? "'" : undefined;
  if (q && s.span.end - s.span.start >= 2 && text[s.span.start] === q && text[s.span.end - 1] === q) {
    return { start: s.span.start + 1, end: s.span.end - 1 };
  }
  return s.span;
}

/**
 * The smallest edit that makes `scalar` read `value`: only the text between the quotes when the
 * quoting stays, the whole scalar when quotes must be added. Undefined when nothing changes.
 */
export function scalarEdit(doc: PlanDocument, scalar: ScalarText, value: string, opts: Omit<WriteOptions, 'wasNumber'> = {}): TextEdit | undefined {
  const style = styleFor(value, scalar.style, { ...opts, wasNumber: scalar.isNumber });
  const inner = innerSpan(doc.text, scalar);
  const keepsQuotes = inner !== scalar.span && style === scalar.style;
  const span = keepsQuotes ? inner : scalar.span;
  const newText = keepsQuotes ? quote(value, style).slice(1, -1) : quote(value, style);
  if (doc.text.slice(span.start, span.end) === newText) return undefined;
  return { range: doc.lines.range(span), newText };
}

/** Sorts edits in document order (stable for edits at the same place). */
export function sortEdits(edits: TextEdit[]): TextEdit[] {
  const key = (e: TextEdit) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character];
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ka = key(a.e);
      const kb = key(b.e);
      for (let k = 0; k < 4; k++) if (ka[k] !== kb[k]) return ka[k] - kb[k];
      return a.i - b.i;
    })
    .map((x) => x.e);
}

/**
 * Two edits of one change touch the same text (they overlap, or repeat the same range): an
 * editor would refuse the whole change (VS Code) or write both (`OPSRATIONS`). It means a bug
 * in the feature that made them, so the change is refused with this message instead.
 */
export class EditConflict extends Error {
  constructor(readonly line: number) {
    super(`Planwright could not make this change safely: two of its edits would change the same text on line ${line + 1}, so nothing was changed. This is a bug in Planwright; please report it, with the plan if you can.`);
  }
}

/**
 * Puts one document's edits in document order and checks that no two of them overlap or repeat
 * the same range (two insertions at one place included): throws EditConflict if they do. Every
 * edit the service hands out (rename, code actions, Renumber Plan) passes through here.
 */
export function checkedEdits(edits: TextEdit[]): TextEdit[] {
  const sorted = sortEdits(edits);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1].range;
    const b = sorted[i].range;
    const overlaps = before(b.start, a.end);
    const repeats = same(a.start, b.start) && same(a.end, b.end);
    if (overlaps || repeats) throw new EditConflict(b.start.line);
  }
  return sorted;
}

function before(p: Position, q: Position): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

function same(p: Position, q: Position): boolean {
  return p.line === q.line && p.character === q.character;
}

/** Adds an edit to a workspace edit's `changes`, under its document. */
export function addEdit(edit: WorkspaceEdit, uri: string, e: TextEdit | undefined): void {
  if (!e) return;
  const changes = (edit.changes ??= {});
  (changes[uri] ??= []).push(e);
}

/** Puts each document's edits of a workspace edit in document order, checked by checkedEdits (throws EditConflict). */
export function checkedWorkspaceEdit(edit: WorkspaceEdit): WorkspaceEdit {
  for (const uri of Object.keys(edit.changes ?? {})) edit.changes![uri] = checkedEdits(edit.changes![uri]);
  return edit;
}

/** A workspace edit of one document's edits, checked by checkedEdits (throws EditConflict). */
export function documentEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: checkedEdits(edits) } };
}

/** Applies LSP edits to a text, as an editor would (all ranges refer to the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e, i) => ({ span: lines.spanOf(e.range), newText: e.newText, i }))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.span.start < at) throw new Error(`overlapping edits at offset ${s.span.start}`);
    out += text.slice(at, s.span.start) + s.newText;
    at = s.span.end;
  }
  return out + text.slice(at);
}

/** The line break a text uses (`\r\n` when its first line break is one). */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
