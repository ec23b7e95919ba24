// Quick fixes of the rule machinery: "Ignore CODE on this line" (a disable comment above the
// line, at its indentation, or the code added to the comment already there), "Remove the unused
// comment" (unused-disable), and a style rule's rewrite where one is obvious
// (title-capitalization). Each is a plain edit, handed out through documentEdit (checkedEdits, as
// every edit list is); codeActions.ts offers it if it leaves fewer problems.
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { documentEdit, eolOf, scalarEdit } from '../edits';
import { itemAt } from '../locate';
import type { ScalarText } from '../model';
import { isRuleCode } from '../rules';
import { findDirectives } from '../suppress';
import { span } from '../text';

/** Codes a disable comment is not offered for: fix the YAML instead; the comments' own. */
const NOT_IGNORED = new Set(['yaml-syntax', 'unused-disable', 'config-invalid']);

export function ignoreFixes(doc: PlanDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const code = String(d.code ?? '');
    if (d.source !== undefined && d.source !== 'planwright') continue;
    const data = (d.data ?? {}) as Record<string, unknown>;
    if (code === 'unused-disable') {
      const e = removeDirectiveEdit(doc, d);
      if (e) out.push({ title: 'Remove the unused planwright-disable comment', kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: documentEdit(doc.uri, [e]) });
      continue;
    }
    if (code === 'title-capitalization' && typeof data.title === 'string') {
      const e = titleEdit(doc, d, data.title);
      if (e) out.push({ title: `Write the title as "${data.title}"`, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: documentEdit(doc.uri, [e]) });
    }
    if (!isRuleCode(code) || NOT_IGNORED.has(code)) continue;
    const line = typeof data.anchor === 'number' ? doc.lines.positionAt(data.anchor).line : d.range.start.line;
    const e = ignoreEdit(doc, line, code);
    out.push({ title: `Ignore ${code} on this line`, kind: 'quickfix', diagnostics: [d], isPreferred: false, edit: documentEdit(doc.uri, [e]) });
  }
  return out;
}

/** `# planwright-disable-next-line CODE` above `line`, at its indentation; or CODE added to such a comment there. */
function ignoreEdit(doc: PlanDocument, line: number, code: string): TextEdit {
  const text = doc.text;
  const start = doc.lines.lineStart(line);
  if (line > 0) {
    const prevStart = doc.lines.lineStart(line - 1);
    const prevEnd = doc.lines.lineEnd(line - 1);
    const before = findDirectives(text.slice(prevStart, prevEnd)).find((x) => x.kind === 'disable-next-line' && x.span.start === text.slice(prevStart, prevEnd).search(/\S/));
    if (before && before.codes.length) {
      const last = before.codes[before.codes.length - 1].span.end + prevStart;
      const at = doc.lines.positionAt(last);
      return { range: { start: at, end: at }, newText: `, ${code}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(start, doc.lines.lineEnd(line)))![0].replace(/\t/g, ' ');
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# planwright-disable-next-line ${code}${eolOf(text)}` };
}

/** Deletes a comment that suppresses nothing: the whole line when it is alone there, else from the blank before `#`; one code of several, with its comma. */
function removeDirectiveEdit(doc: PlanDocument, d: Diagnostic): TextEdit | undefined {
  const data = (d.data ?? {}) as { directive?: { start: number; end: number }; code?: string };
  if (!data.directive) return undefined;
  const text = doc.text;
  const directive = findDirectives(text.slice(0, data.directive.end)).find((x) => x.span.start === data.directive!.start);
  if (!directive) return undefined;
  if (data.code && directive.codes.length > 1) {
    const i = directive.codes.findIndex((c) => c.code === data.code && c.span.start === doc.lines.offsetAt(d.range.start));
    if (i < 0) return undefined;
    const c = directive.codes[i];
    // ", CODE" (or "CODE, " for the first): the separator goes with it.
    const s = i > 0 ? span(directive.codes[i - 1].span.end, c.span.end) : span(c.span.start, directive.codes[1].span.start);
    return { range: doc.lines.range(s), newText: '' };
  }
  const lineText = text.slice(directive.lineStart, directive.span.start);
  if (!lineText.trim()) {
    // The comment is the whole line: the line goes, its line break too.
    const line = doc.lines.positionAt(directive.lineStart).line;
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  let from = directive.span.start;
  while (from > directive.lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  return { range: doc.lines.range(span(from, directive.span.end)), newText: '' };
}

function titleEdit(doc: PlanDocument, d: Diagnostic, title: string): TextEdit | undefined {
  const offset = doc.lines.offsetAt(d.range.start);
  const item = itemAt(doc.model, offset);
  if (!item?.titleSpan || item.titleSpan.start !== offset || item.title === undefined) return undefined;
  const c = doc.text[offset];
  const scalar: ScalarText = { text: item.title, span: item.titleSpan, style: c === '"' ? 'double' : c === "'" ? 'single' : c === '|' || c === '>' ? 'block' : 'plain', isNumber: false };
  return scalarEdit(doc, scalar, title);
}
