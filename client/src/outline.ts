// What the Plan view and the status bar decide without VS Code: which outline item holds the
// cursor, how problem counts read. No `vscode` import, so plain mocha tests cover it.
import type { PlanTreeNode } from './protocol';

export const PLAN_LANGUAGE = 'strategic-plan';
export const PLAN_VIEW_ID = 'planwright.planView';

/** "2 errors, 1 warning"; '' when there are none. */
export function problemsText(errors: number, warnings: number): string {
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** A diagnostic as the status bar counts it. */
export interface CountedDiagnostic {
  level: 'error' | 'warning' | 'other';
  source?: string;
  code?: string;
  data?: unknown;
}

/**
 * The errors and warnings of a plan: counted, except that when the server sent only the most
 * serious of Planwright's problems (planwright.maxNumberOfProblems), its note of how many are not
 * shown (problems-limit) carries the counts of them all.
 */
export function problemCounts(diagnostics: readonly CountedDiagnostic[]): { errors: number; warnings: number } {
  const limit = diagnostics.find((d) => d.source === 'planwright' && d.code === 'problems-limit')?.data as { errors?: unknown; warnings?: unknown } | undefined;
  const whole = limit && typeof limit.errors === 'number' && typeof limit.warnings === 'number' ? { errors: limit.errors, warnings: limit.warnings } : undefined;
  let errors = whole?.errors ?? 0;
  let warnings = whole?.warnings ?? 0;
  for (const d of diagnostics) {
    if (whole && d.source === 'planwright') continue;
    if (d.level === 'error') errors++;
    else if (d.level === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** "Renumbered 7 items; 3 links followed", or that nothing needed it. */
export function renumberedText(r: { edits: number; items?: number; links?: number } | null | undefined): string {
  if (!r || !r.edits) return 'The plan is already numbered in order: nothing to change.';
  const items = r.items ?? 0;
  const links = r.links ?? 0;
  const parts = [`Renumbered ${items} ${items === 1 ? 'item' : 'items'}`];
  if (links) parts.push(`${links} ${links === 1 ? 'link' : 'links'} followed`);
  return parts.join('; ') + '.';
}

/**
 * The deepest item whose range holds `pos`. An item counts from the start of its first line, so
 * the cursor on `- id: "1.2"` before the key still selects 1.2; an end at column 0 of a line is
 * not part of the item, so that line belongs to the next one.
 */
export function innermost<T extends { node: Pick<PlanTreeNode, 'range'>; children: readonly T[] }>(items: readonly T[], pos: { line: number; character: number }): T | undefined {
  const hit = containing(items, pos);
  return hit ? (innermost(hit.children, pos) ?? hit) : undefined;
}

/** The item of one level whose range holds `pos` (see innermost): the Plan view goes down level by level. */
export function containing<T extends { node: Pick<PlanTreeNode, 'range'> }>(items: readonly T[], pos: { line: number; character: number }): T | undefined {
  return items.find(({ node: { range: { start, end } } }) => {
    const afterStart = pos.line >= start.line;
    const beforeEnd = pos.line < end.line || (pos.line === end.line && (pos.character < end.character || (end.character > 0 && pos.character === end.character)));
    return afterStart && beforeEnd;
  });
}
