// Folding: every goal, objective, sub-objective, unit, value and section that takes more than one
// line, every field whose value does (a long description, an `objectives:` list), and runs of
// two or more comment lines. A language server's ranges replace VS Code's indentation folding,
// so the fields keep what indentation folding offered.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import type { Field, PlanItem } from '../model';
import type { Span } from '../text';
import { Outline } from './documentSymbols';

export function provideFoldingRanges(doc: PlanDocument): FoldingRange[] {
  const model = doc.model;
  const o = Outline.of(model);
  const lines = doc.lines;
  // One range per first line: when two start on the same line, the larger one is kept.
  const byStart = new Map<number, number>();
  const add = (s: Span) => {
    if (s.end <= s.start) return;
    const start = lines.positionAt(s.start).line;
    const end = lines.positionAt(s.end).line;
    if (end > start && (byStart.get(start) ?? -1) < end) byStart.set(start, end);
  };
  // Block scalars (`description: >-`) may hold lines that start with `#`: text, not comments.
  const blockScalars: Span[] = [];
  const addFields = (fields: Field[], owner?: PlanItem) => {
    for (const f of fields) {
      add(o.fieldSpan(f, owner));
      noteBlockScalar(f);
    }
  };
  const noteBlockScalar = (f: { valueSpan: Span }) => {
    const v = o.valueContent(f);
    const c = doc.text.charCodeAt(v.start);
    if (v.end > v.start && (c === 0x7c || c === 0x3e)) blockScalars.push(v);
  };

  for (const section of model.sections) {
    add(o.sectionSpan(section));
    addFields(section.fields);
    noteBlockScalar(section);
  }
  for (const v of model.values) {
    add(o.valueSpan(v));
    addFields(v.fields);
  }
  for (const u of model.units) {
    add(o.unitSpan(u));
    addFields(u.fields);
  }
  for (const item of model.items) {
    add(o.itemSpan(item));
    addFields(item.fields, item);
  }

  const out: FoldingRange[] = [...byStart].map(([startLine, endLine]) => ({ startLine, endLine }));
  out.push(...commentRuns(doc, blockScalars));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of two or more lines holding only a comment, outside block scalars. */
function commentRuns(doc: PlanDocument, blockScalars: Span[]): FoldingRange[] {
  const text = doc.text;
  const lines = doc.lines;
  const out: FoldingRange[] = [];
  const inBlock = new Uint8Array(lines.lineCount);
  for (const b of blockScalars) {
    const first = lines.positionAt(b.start).line + 1; // the `|` / `>` line itself is not text
    const last = lines.positionAt(b.end).line;
    for (let l = first; l <= last; l++) inBlock[l] = 1;
  }
  let runStart = -1;
  const close = (endLine: number) => {
    if (runStart >= 0 && endLine > runStart) out.push({ startLine: runStart, endLine, kind: FoldingRangeKind.Comment });
    runStart = -1;
  };
  for (let l = 0; l < lines.lineCount; l++) {
    let i = lines.lineStart(l);
    const end = lines.lineEnd(l);
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    const isComment = !inBlock[l] && i < end && text.charCodeAt(i) === 0x23;
    if (isComment) {
      if (runStart < 0) runStart = l;
    } else close(l - 1);
  }
  close(lines.lineCount - 1);
  return out;
}
