// The outline of a plan (Outline view, breadcrumbs, Ctrl+Shift+O): its mission, vision, values
// and units, then its goals with their objectives and sub-objectives, in document order. Where
// each part ends comes from `Outline` (../outline.ts).
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { latestStatusText, measureSummary, measuresUnder } from '../checks/measures';
import { kindWord, type ItemKind, type Measure, type PlanItem, type Section, type Unit } from '../model';
import { Outline } from '../outline';
import type { Span } from '../text';

export function oneLine(s: string | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** "1.1 Recruit, Hire, and Retain ...": the item's number and title, as plan writers see it. */
export function itemName(item: PlanItem): string {
  const id = oneLine(item.id?.text);
  const title = oneLine(item.title);
  const num = id || `(unnumbered ${kindWord(item.kind)})`;
  return title ? `${num} ${title}` : num;
}

/** "ERO — Enforcement and Removal Operations". */
export function unitName(unit: Unit): string {
  const id = oneLine(unit.id?.text);
  const name = oneLine(unit.name);
  if (id && name) return `${id} — ${name}`;
  return id || name || '(unnamed unit)';
}

export const ITEM_DETAIL: Record<ItemKind, string> = { goal: 'Goal', objective: 'Objective', subobjective: 'Sub-objective' };

export const ITEM_SYMBOL: Record<ItemKind, SymbolKind> = {
  goal: SymbolKind.Module,
  objective: SymbolKind.Class,
  subobjective: SymbolKind.Method,
};
export const UNIT_SYMBOL = SymbolKind.Object;
export const MEASURE_SYMBOL = SymbolKind.Number;
export const VALUE_SYMBOL = SymbolKind.EnumMember;
const SECTION_SYMBOL: Record<string, SymbolKind> = {
  mission: SymbolKind.String,
  vision: SymbolKind.String,
  values: SymbolKind.Enum,
  units: SymbolKind.Namespace,
};

/** A range and a selection range inside it: the selection falls back to the first line when it would stick out. */
export function symbolRanges(doc: PlanDocument, whole: Span, name: Span | undefined): { range: Range; selectionRange: Range } {
  const start = whole.start;
  const end = Math.max(whole.end, start);
  let sel = name && name.start >= start && name.end <= end && name.end >= name.start ? name : undefined;
  if (!sel) {
    const line = doc.lines.positionAt(start).line;
    sel = { start, end: Math.max(start, Math.min(doc.lines.lineEnd(line), end)) };
  }
  return { range: doc.lines.range({ start, end }), selectionRange: doc.lines.range(sel) };
}

/** Where a goal, objective or sub-objective is: the whole item, and its number (or first line). */
export function itemRanges(doc: PlanDocument, item: PlanItem): { range: Range; selectionRange: Range } {
  return symbolRanges(doc, Outline.of(doc.model).itemSpan(item), item.id?.span);
}

/**
 * `depth` levels below this item are listed (0: none); the detail of an item whose children are
 * left out says how many there are, so that a truncated Outline does not look like an empty plan.
 */
function itemSymbol(doc: PlanDocument, item: PlanItem, depth: number, measures: boolean): DocumentSymbol {
  const hidden = depth === 0 && item.children.length > 0;
  const summary = measureSummary(measuresUnder(item));
  const detail = hidden ? `${ITEM_DETAIL[item.kind]} · ${count(item.children.length, kindWord(item.children[0].kind))} not listed here` : ITEM_DETAIL[item.kind];
  const children = depth === 0 ? [] : item.children.map((c) => itemSymbol(doc, c, depth - 1, measures));
  // Its measures, listed under it before its objectives or sub-objectives.
  const own = measures && item.measures ? item.measures.map((m) => measureSymbol(doc, m)) : [];
  return {
    name: itemName(item),
    detail: summary ? `${detail} · ${summary}` : detail,
    kind: ITEM_SYMBOL[item.kind],
    ...itemRanges(doc, item),
    children: own.length ? [...own, ...children] : children,
  };
}

/** "PM-1.1.1 Acres of new parkland opened", detail "Measure · ✓ met in FY2026". */
function measureSymbol(doc: PlanDocument, m: Measure): DocumentSymbol {
  const id = oneLine(m.id?.text) || '(measure without an id)';
  const name = oneLine(m.name);
  return {
    name: name ? `${id} ${name}` : id,
    detail: `Measure · ${latestStatusText(m)}`,
    kind: MEASURE_SYMBOL,
    ...symbolRanges(doc, m.span, m.id?.span),
    children: [],
  };
}

export function sectionSymbol(doc: PlanDocument, section: Section): DocumentSymbol | undefined {
  const kind = SECTION_SYMBOL[section.key];
  if (kind === undefined) return undefined;
  const model = doc.model;
  const o = Outline.of(model);
  const ranges = symbolRanges(doc, o.sectionSpan(section), section.keySpan);
  const v = section.valueSpan;
  const within = (s: Span) => s.start >= v.start && s.start <= v.end;
  let detail = '';
  let children: DocumentSymbol[] = [];
  if (section.key === 'mission' || section.key === 'vision') {
    detail = oneLine(model[section.key]);
  } else if (section.key === 'values') {
    children = model.values.filter((x) => within(x.span)).map((x) => ({
      name: oneLine(x.name) || '(unnamed value)',
      detail: 'Value',
      kind: VALUE_SYMBOL,
      ...symbolRanges(doc, o.valueSpan(x), x.fields.find((f) => f.key === 'name')?.valueSpan),
      children: [],
    }));
    detail = count(children.length, 'value');
  } else if (section.key === 'units') {
    children = model.units.filter((u) => within(u.span)).map((u) => ({
      name: unitName(u),
      detail: oneLine(u.kind) || 'Unit',
      kind: UNIT_SYMBOL,
      ...symbolRanges(doc, o.unitSpan(u), u.id?.span),
      children: [],
    }));
    detail = count(children.length, 'unit');
  }
  return { name: section.key, detail, kind, ...ranges, children };
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A goal's symbol tree, kept while the goal object lives: the block-wise parser reuses the goal
 * object as long as the goal's text is unchanged, and positions inside it only change if it now
 * starts on another line. On a 63k-line plan a keystroke then rebuilds one goal's symbols, not 18,000.
 */
const goalSymbols = new WeakMap<PlanItem, { line: number; depth: number; measures: boolean; symbol: DocumentSymbol }>();

function goalSymbol(doc: PlanDocument, goal: PlanItem, depth: number, measures: boolean): DocumentSymbol {
  const line = doc.lines.positionAt(goal.span.start).line;
  const cached = goalSymbols.get(goal);
  if (cached && cached.line === line && cached.depth === depth && cached.measures === measures) return cached.symbol;
  const symbol = itemSymbol(doc, goal, depth, measures);
  goalSymbols.set(goal, { line, depth, measures, symbol });
  return symbol;
}

/**
 * How many levels under the goals fit in `maxItems` symbols: all of them, down to the objectives,
 * or none. The Outline of a very large plan loses its deepest level first, rather than its last
 * goals, and editors stay responsive: 18,000 symbols are 5 MB of JSON per keystroke. (VS Code's
 * JSON and YAML servers cap symbols the same way, at 5,000 by default.)
 */
function depthFor(doc: PlanDocument, heads: number, maxItems: number): { depth: number; goals: number; measures: boolean } {
  const goals = doc.model.goals;
  const total = heads + doc.model.items.length;
  // Measures are listed only when every item and every measure fits.
  let measures = 0;
  for (const i of doc.model.items) if (i.measures) measures += i.measures.length;
  if (maxItems <= 0 || total + measures <= maxItems) return { depth: 2, goals: goals.length, measures: true };
  if (total <= maxItems) return { depth: 2, goals: goals.length, measures: false };
  let objectives = 0;
  for (const g of goals) objectives += g.children.length;
  if (heads + goals.length + objectives <= maxItems) return { depth: 1, goals: goals.length, measures: false };
  return { depth: 0, goals: Math.max(0, Math.min(goals.length, maxItems - heads)), measures: false };
}

function countSymbols(symbols: DocumentSymbol[]): number {
  let n = symbols.length;
  for (const s of symbols) n += countSymbols(s.children ?? []);
  return n;
}

/**
 * The plan's outline. With `maxItems` > 0, at most that many symbols (the sections before the
 * goals always, then as many levels of goals as fit: see depthFor).
 */
export function provideDocumentSymbols(doc: PlanDocument, maxItems = 0): DocumentSymbol[] {
  const heads: DocumentSymbol[] = [];
  for (const section of doc.model.sections) {
    const s = section.key === 'goals' ? undefined : sectionSymbol(doc, section);
    if (s) heads.push(s);
  }
  const { depth, goals, measures } = depthFor(doc, countSymbols(heads), maxItems);
  const goalSyms = doc.model.goals.slice(0, goals).map((g) => goalSymbol(doc, g, depth, measures));
  // In document order: the goals where `goals:` is among the sections.
  const out: DocumentSymbol[] = [];
  let h = 0;
  let goalsDone = false;
  for (const section of doc.model.sections) {
    if (section.key === 'goals') {
      if (!goalsDone) out.push(...goalSyms);
      goalsDone = true;
    } else if (SECTION_SYMBOL[section.key] !== undefined) out.push(heads[h++]);
  }
  if (!goalsDone) out.push(...goalSyms);
  return out;
}
