// Folding: every goal, objective, sub-objective, unit, value and section that takes more than one
// line, every field whose value does (a long description, an `objectives:` list), and runs of
// two or more comment lines. A language server's ranges replace VS Code's indentation folding,
// so the fields keep what indentation folding offered.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import type { Field, PlanItem } from '../model';
import type { Span } from '../text';
import { Outline } from '../outline';

/** Line ranges of one goal, counted from the goal's first line: the same wherever the goal moves. */
interface GoalFolds {
  ranges: [number, number][];
  /** Lines of block scalars (`description: >-`), whose `#` lines are text, not comments. */
  scalarLines: [number, number][];
}

/**
 * Kept while the goal object lives: the block-wise parser reuses it as long as the goal's text is
 * unchanged, so a keystroke recomputes one goal's ranges, not every goal's.
 */
const goalFolds = new WeakMap<PlanItem, GoalFolds>();

export function provideFoldingRanges(doc: PlanDocument): FoldingRange[] {
  const model = doc.model;
  const o = Outline.of(model);
  const lines = doc.lines;
  // One range per first line: when two start on the same line, the larger one is kept.
  const byStart = new Map<number, number>();
  const addLines = (start: number, end: number) => {
    if (end > start && (byStart.get(start) ?? -1) < end) byStart.set(start, end);
  };
  const spanLines = (s: Span): [number, number] | undefined =>
    s.end <= s.start ? undefined : [lines.positionAt(s.start).line, lines.positionAt(s.end).line];
  const add = (s: Span) => {
    const l = spanLines(s);
    if (l) addLines(l[0], l[1]);
  };
  const scalarLines: [number, number][] = [];
  const blockScalarLines = (f: { valueSpan: Span }): [number, number] | undefined => {
    const v = o.valueContent(f);
    const c = doc.text.charCodeAt(v.start);
    // The `|` / `>` line itself is not text.
    return v.end > v.start && (c === 0x7c || c === 0x3e) ? [lines.positionAt(v.start).line + 1, lines.positionAt(v.end).line] : undefined;
  };
  const addFields = (fields: Field[]) => {
    for (const f of fields) {
      add(o.fieldSpan(f));
      const b = blockScalarLines(f);
      if (b) scalarLines.push(b);
    }
  };

  for (const section of model.sections) {
    add(o.sectionSpan(section));
    addFields(section.fields);
    const b = blockScalarLines(section);
    if (b) scalarLines.push(b);
  }
  for (const v of model.values) {
    add(o.valueSpan(v));
    addFields(v.fields);
  }
  for (const u of model.units) {
    add(o.unitSpan(u));
    addFields(u.fields);
  }
  for (const goal of model.goals) {
    const base = lines.positionAt(goal.span.start).line;
    let folds = goalFolds.get(goal);
    if (!folds) {
      folds = { ranges: [], scalarLines: [] };
      const rel = (l: [number, number]): [number, number] => [l[0] - base, l[1] - base];
      const walk = (item: PlanItem) => {
        const l = spanLines(o.itemSpan(item));
        if (l) folds!.ranges.push(rel(l));
        for (const f of item.fields) {
          const fl = spanLines(o.fieldSpan(f, item));
          if (fl) folds!.ranges.push(rel(fl));
          const b = blockScalarLines(f);
          if (b) folds!.scalarLines.push(rel(b));
        }
        for (const c of item.children) walk(c);
      };
      walk(goal);
      goalFolds.set(goal, folds);
    }
    for (const [a, b] of folds.ranges) addLines(base + a, base + b);
    for (const [a, b] of folds.scalarLines) scalarLines.push([base + a, base + b]);
  }

  const out: FoldingRange[] = [...byStart].map(([startLine, endLine]) => ({ startLine, endLine }));
  out.push(...commentRuns(doc, scalarLines));
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of two or more lines holding only a comment, outside block scalars. */
function commentRuns(doc: PlanDocument, scalarLines: [number, number][]): FoldingRange[] {
  const text = doc.text;
  const lines = doc.lines;
  const out: FoldingRange[] = [];
  const inBlock = new Uint8Array(lines.lineCount);
  for (const [first, last] of scalarLines) for (let l = first; l <= last; l++) inBlock[l] = 1;
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
