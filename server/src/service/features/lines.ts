// The lines of a plan as completion reads them (completion.ts, measureCompletion.ts): a line's
// indentation, its `- ` list markers and what follows, read from the text around the cursor,
// which is often not valid YAML while it is being typed.
import type { PlanDocument, PlanWorkspace } from '../documents';

/** A non-blank, non-comment line: where its content starts after any `- ` list markers. */
export interface LineInfo {
  line: number;
  start: number;
  indent: number;
  dash: boolean;
  /** Column of the content after the list markers. */
  content: number;
  body: string;
}

export function lineText(doc: PlanDocument, line: number): string {
  return doc.text.slice(doc.lines.lineStart(line), doc.lines.lineEnd(line));
}

export function lineInfo(doc: PlanDocument, line: number): LineInfo | undefined {
  const text = lineText(doc, line);
  let indent = 0;
  while (indent < text.length && text.charCodeAt(indent) === 32) indent++;
  if (indent === text.length || text[indent] === '#') return undefined;
  let content = indent;
  let dash = false;
  while (text[content] === '-' && (content + 1 === text.length || text[content + 1] === ' ')) {
    dash = true;
    content++;
    while (text[content] === ' ') content++;
  }
  return { line, start: doc.lines.lineStart(line), indent, dash, content, body: text.slice(content) };
}

/** `key:` alone on its line (a comment may follow): the head of a nested mapping or list. */
export const KEY_ONLY = /^([A-Za-z_$][\w$.-]*)[ \t]*:[ \t]*(?:#.*)?$/;

/** The non-blank, non-comment lines above `line`, nearest first. */
export function* linesAbove(doc: PlanDocument, line: number): Generator<LineInfo> {
  for (let n = line - 1; n >= 0; n--) {
    const info = lineInfo(doc, n);
    if (info) yield info;
  }
}

/**
 * The `key:` line that holds the block list whose `- ` markers sit (or would sit) at column
 * `col`. On a line without a marker of its own, the column must be that of the list's entries:
 * that of an entry above, or deeper than the key when the list has no entry yet.
 */
export function listParent(doc: PlanDocument, line: number, col: number, marked: boolean): { key: string; info: LineInfo } | undefined {
  let entries = false;
  for (const info of linesAbove(doc, line)) {
    if (info.indent > col) continue;
    if (info.indent === col && info.dash) {
      entries = true; // an earlier entry of the same list
      continue;
    }
    const key = KEY_ONLY.exec(info.body)?.[1];
    if (key === undefined || info.content > col) return undefined;
    if (!marked && !entries && info.content === col) return undefined;
    return { key, info };
  }
  return undefined;
}

/** Where completion was asked: the cursor's line, read once for completion.ts and measureCompletion.ts. */
export interface CursorLine {
  ws: PlanWorkspace;
  doc: PlanDocument;
  offset: number;
  line: number;
  lineStart: number;
  /** The cursor's line, without its line break. */
  text: string;
  /** Column of the cursor (UTF-16). */
  col: number;
  prefix: string;
  suffix: string;
  /** Line break to use in multi-line insertions. */
  eol: string;
}

export function cursorLine(ws: PlanWorkspace, doc: PlanDocument, offset: number): CursorLine {
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.lineStart(line);
  const text = lineText(doc, line);
  const col = offset - lineStart;
  return { ws, doc, offset, line, lineStart, text, col, prefix: text.slice(0, col), suffix: text.slice(col), eol: doc.text.includes('\r\n') ? '\r\n' : '\n' };
}
