// The lines of a plan as completion reads them (completion.ts, measureCompletion.ts): a line's
// indentation, its `- ` list markers and what follows, read from the text around the cursor,
// which is often not valid YAML while it is being typed.
import type { PlanDocument } from '../documents';

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
