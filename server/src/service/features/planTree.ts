// The data behind the client's "Plan" view: goals, objectives and sub-objectives with where they
// are and how many problems each holds (its own and its children's), so that the client shows
// the tree without reading YAML itself.
import type { Range } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { alignmentLabels } from './alignment';
import { kindWord, type ItemKind, type PlanItem } from '../model';
import { Outline } from '../outline';
import { itemRanges, oneLine, symbolRanges } from './documentSymbols';
import { latestResultYear, latestStatusText, measureStatus, measureSummary, measuresUnder, type MeasureStatus } from '../checks/measures';
import { lowerBound } from '../text';

export interface PlanTreeNode {
  /** The item's number as written, or '' when it has none. */
  id: string;
  kind: ItemKind;
  /** "1.1", or "(unnumbered objective)". */
  label: string;
  /** The title on one line, or '' when there is none. */
  title: string;
  /** The whole item, children included. */
  range: Range;
  /** The item's number (its first line when it has none): where to put the cursor. */
  selectionRange: Range;
  /** Problems whose range starts inside the item, its children's included. */
  errors: number;
  warnings: number;
  /** Its objectives or sub-objectives; empty when they were not asked for (see `childCount`). */
  children: PlanTreeNode[];
  /** How many children the item has, when they were left out of the answer (see planTreeLevel). */
  childCount?: number;
  /** Its own measures with their status for the latest year that has a result; absent when it has none. */
  measures?: PlanTreeMeasure[];
  /** "3 of 4 measures met in FY2022", over its measures and those under it; absent when there are none. */
  measureSummary?: string;
  /** The items of other plans aligned to this one ("ICE 2.1 Title"); absent when none is. */
  supportedBy?: string[];
  /** The items of other plans this one aligns to ("DHS 2 Title"); absent when it aligns to none. */
  supports?: string[];
}

export interface PlanTreeMeasure {
  /** The measure's id as written, or ''. */
  id: string;
  name: string;
  /** The latest fiscal year with a result, if any. */
  year?: number;
  status: MeasureStatus;
  /** "✓ met in FY2026", "✗ not met in FY2027", "– no result". */
  statusText: string;
  range: Range;
  selectionRange: Range;
}

/**
 * One part of the tree: the children of the item at `path` (indices from the goals down; [] for
 * the goals), `depth` levels deep. The Plan view asks for one level at a time, as nodes are
 * expanded: the whole tree of a 63k-line plan is 6 MB of JSON, and it changes with every pause in
 * typing.
 */
export function planTreeLevel(tree: PlanTreeNode[], path: readonly number[], depth: number): PlanTreeNode[] {
  let nodes = tree;
  for (const i of path) {
    const n = nodes[i];
    if (!n) return [];
    nodes = n.children;
  }
  const cut = (n: PlanTreeNode, d: number): PlanTreeNode => ({
    ...n,
    children: d > 1 ? n.children.map((c) => cut(c, d - 1)) : [],
    ...(d > 1 ? {} : { childCount: n.children.length }),
  });
  return nodes.map((n) => cut(n, Math.max(1, depth)));
}

/** What the Plan view may show instead of every item: only the items with a measure not met, and the items above them. */
export type PlanTreeFilter = 'measures-not-met';

/**
 * The tree with only the items that have a measure not met in its latest year with a result,
 * and their ancestors (so each stays where it is in the plan). Paths of planTreeLevel then count
 * within the filtered tree: the client sends the filter with every request.
 */
export function filterPlanTree(tree: PlanTreeNode[], filter: PlanTreeFilter | undefined): PlanTreeNode[] {
  if (filter !== 'measures-not-met') return tree;
  return tree.map(keepNotMet).filter((n): n is PlanTreeNode => n !== null);
}

/** Filtered nodes, kept while the node lives: a goal's tree is kept while its text is unchanged (goalTrees). */
const notMet = new WeakMap<PlanTreeNode, PlanTreeNode | null>();

/** The node with only its children that have a measure not met (or hold one that has), or null when neither it nor they do. */
function keepNotMet(n: PlanTreeNode): PlanTreeNode | null {
  const known = notMet.get(n);
  if (known !== undefined) return known;
  const kept = n.children.map(keepNotMet);
  const children = kept.filter((c): c is PlanTreeNode => c !== null);
  const own = n.measures?.some((m) => m.status === 'not met') ?? false;
  const same = children.length === n.children.length && kept.every((c, i) => c === n.children[i]);
  const out = own || children.length ? (same ? n : { ...n, children }) : null;
  notMet.set(n, out);
  return out;
}

/**
 * LSP severities: 1 error, 2 warning; a diagnostic without one counts as an error, as VS Code shows it.
 * With `ws`, each item also says which items of the workspace's other plans align to it, and which it aligns to.
 */
export function providePlanTree(doc: PlanDocument, diagnostics: { range: Range; severity?: number }[], ws?: PlanWorkspace): PlanTreeNode[] {
  const errors: number[] = [];
  const warnings: number[] = [];
  for (const d of diagnostics) {
    const sev = d.severity ?? 1;
    const at = doc.lines.offsetAt(d.range.start);
    if (sev === 1) errors.push(at);
    else if (sev === 2) warnings.push(at);
  }
  errors.sort((a, b) => a - b);
  warnings.sort((a, b) => a - b);
  const o = Outline.of(doc.model);
  const aligned = ws ? alignmentLabels(ws, doc) : new Map<PlanItem, { supportedBy?: string[]; supports?: string[] }>();
  // What other plans say changes without this plan changing: it is part of each goal's cache key.
  const alignedIn = new Map<PlanItem, string>();
  for (const [item, a] of aligned) {
    let goal = item;
    while (goal.parent) goal = goal.parent;
    alignedIn.set(goal, (alignedIn.get(goal) ?? '') + `${o.itemSpan(item).start - o.itemSpan(goal).start}:${a.supportedBy?.join('|') ?? ''}>${a.supports?.join('|') ?? ''};`);
  }

  const node = (item: PlanItem): PlanTreeNode => {
    const span = o.itemSpan(item);
    const id = oneLine(item.id?.text);
    const children = item.children.map(node);
    // An aliased child may sit outside its parent's text: count it in explicitly.
    const outside = children.filter((_, i) => !inside(o.itemSpan(item.children[i]).start, span.start, span.end));
    return {
      id,
      kind: item.kind,
      label: id || `(unnumbered ${kindWord(item.kind)})`,
      title: oneLine(item.title),
      ...itemRanges(doc, item),
      errors: countIn(errors, span.start, span.end) + outside.reduce((n, c) => n + c.errors, 0),
      warnings: countIn(warnings, span.start, span.end) + outside.reduce((n, c) => n + c.warnings, 0),
      children,
      ...measureParts(doc, item),
      ...aligned.get(item),
    };
  };
  return doc.model.goals.map((goal) => {
    // A goal object is reused while its text is unchanged (see goalTrees): its tree is too, if it
    // starts on the same line and holds the same problems at the same places.
    const span = o.itemSpan(goal);
    const line = doc.lines.positionAt(span.start).line;
    const problems = `${offsetsIn(errors, span)}|${offsetsIn(warnings, span)}|${alignedIn.get(goal) ?? ''}`;
    const cached = goalTrees.get(goal);
    if (cached && cached.line === line && cached.problems === problems) return cached.tree;
    const tree = node(goal);
    goalTrees.set(goal, { line, problems, tree });
    return tree;
  });
}

function measureParts(doc: PlanDocument, item: PlanItem): Pick<PlanTreeNode, 'measures' | 'measureSummary'> {
  const under = measuresUnder(item);
  if (!under.length) return {};
  const out: Pick<PlanTreeNode, 'measures' | 'measureSummary'> = { measureSummary: measureSummary(under) };
  if (item.measures?.length) {
    out.measures = item.measures.map((m) => {
      const year = latestResultYear(m);
      return {
        id: oneLine(m.id?.text),
        name: oneLine(m.name),
        ...(year !== undefined ? { year } : {}),
        status: year === undefined ? 'no result' : measureStatus(m, year),
        statusText: latestStatusText(m),
        ...symbolRanges(doc, m.span, m.id?.span),
      };
    });
  }
  return out;
}

/**
 * Trees of goals, kept while the goal object lives. On a 63k-line plan the whole tree took
 * ~80 ms per version; most versions change one goal.
 */
const goalTrees = new WeakMap<PlanItem, { line: number; problems: string; tree: PlanTreeNode }>();

/** The sorted offsets that lie in a span, relative to its start. */
function offsetsIn(sorted: number[], span: { start: number; end: number }): string {
  const from = lowerBound(sorted, span.start);
  const to = lowerBound(sorted, span.end + 1);
  if (from === to) return '';
  return sorted.slice(from, to).map((x) => x - span.start).join(',');
}

function inside(x: number, start: number, end: number): boolean {
  return x >= start && x <= end;
}

/** How many of the sorted offsets lie in [start, end]. */
function countIn(sorted: number[], start: number, end: number): number {
  return lowerBound(sorted, end + 1) - lowerBound(sorted, start);
}

