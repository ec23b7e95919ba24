// The outline of a plan (Outline view, breadcrumbs, Ctrl+Shift+O): its mission, vision, values
// and units, then its goals with their objectives and sub-objectives, in document order.
//
// Also home of `Outline`: where each goal, objective, unit, value and section *ends*. The model's
// spans come from yaml's node ranges, which run on over trailing comments and blank lines (a list
// keeps the comments that follow its last entry) and differ slightly between a block-by-block and
// a whole-document parse. The outline trims each span back to its last line of content, once per
// model, for symbols, folding, selection ranges, the Plan view and workspace symbols alike.
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { CHILDREN_KEY, kindWord, type Field, type ItemKind, type PlanItem, type PlanModel, type Section, type Unit, type Value } from '../model';
import type { Span } from '../text';

/** Content spans of a model's parts, computed on demand and kept for the life of the model. */
export class Outline {
  private static readonly cache = new WeakMap<PlanModel, Outline>();
  private readonly ends = new WeakMap<object, number>();
  private readonly text: string;

  static of(model: PlanModel): Outline {
    let o = Outline.cache.get(model);
    if (!o) Outline.cache.set(model, (o = new Outline(model)));
    return o;
  }

  private constructor(readonly model: PlanModel) {
    this.text = model.text;
  }

  /** The item's mapping, from its first key to the end of its last value (children included). */
  itemSpan(item: PlanItem): Span {
    return { start: item.span.start, end: this.itemEnd(item) };
  }

  unitSpan(unit: Unit): Span {
    return { start: unit.span.start, end: this.cached(unit, () => this.mapEnd(unit.span, unit.fields)) };
  }

  valueSpan(value: Value): Span {
    return { start: value.span.start, end: this.cached(value, () => this.mapEnd(value.span, value.fields)) };
  }

  /** A top-level section from its key to the end of its content. */
  sectionSpan(section: Section): Span {
    const end = this.cached(section, () => {
      const v = section.valueSpan;
      let inner: number | undefined;
      const within = (s: Span) => s.start >= v.start && s.start <= v.end;
      const widen = (e: number) => (inner = Math.max(inner ?? e, e));
      if (section.key === 'goals') for (const g of this.model.goals) { if (within(g.span)) widen(this.itemEnd(g)); }
      if (section.key === 'units') for (const u of this.model.units) { if (within(u.span)) widen(this.unitSpan(u).end); }
      if (section.key === 'values') for (const x of this.model.values) { if (within(x.span)) widen(this.valueSpan(x).end); }
      if (section.fields.length) widen(this.mapEnd(v, section.fields));
      return this.fieldEnd(section, inner);
    });
    return { start: section.keySpan.start, end };
  }

  /** A field from its key to the end of its value. `owner` lets a children key reach its last child. */
  fieldSpan(field: Field, owner?: PlanItem): Span {
    let inner: number | undefined;
    if (owner && field.key === CHILDREN_KEY[owner.kind]) inner = this.childrenEnd(owner, field);
    return { start: field.keySpan.start, end: this.fieldEnd(field, inner) };
  }

  /** A value without the comments and blank lines yaml counts in it; empty when there is no value. */
  valueContent(field: { valueSpan: Span }): Span {
    const v = field.valueSpan;
    let start = v.start;
    while (start < v.end && isSpace(this.text.charCodeAt(start))) start++;
    if (v.end <= start) return { start: v.start, end: v.start };
    return { start, end: trimEnd(this.text, start, v.end, isExactScalar(this.text, start)) };
  }

  private itemEnd(item: PlanItem): number {
    return this.cached(item, () => {
      const childKey = CHILDREN_KEY[item.kind];
      return this.mapEnd(item.span, item.fields, (f) => (f.key === childKey ? this.childrenEnd(item, f) : undefined));
    });
  }

  private childrenEnd(item: PlanItem, field: Field): number | undefined {
    let end: number | undefined;
    const v = field.valueSpan;
    for (const c of item.children) {
      // An aliased child (`- *anchor`) lives elsewhere in the text: it does not stretch this one.
      if (c.span.start < v.start || c.span.start > v.end) continue;
      end = Math.max(end ?? 0, this.itemEnd(c));
    }
    return end;
  }

  private cached(key: object, compute: () => number): number {
    let e = this.ends.get(key);
    if (e === undefined) this.ends.set(key, (e = compute()));
    return e;
  }

  private mapEnd(span: Span, fields: Field[], inner?: (f: Field) => number | undefined): number {
    const text = this.text;
    // A flow mapping `{ id: A, name: B }` ends at its closing brace, which yaml's range includes.
    if (text.charCodeAt(span.start) === 0x7b) return trimEnd(text, span.start, span.end, true);
    let end = -1;
    for (const f of fields) end = Math.max(end, this.fieldEnd(f, inner?.(f)));
    if (end < 0) return trimEnd(text, span.start, span.end, false);
    return Math.max(span.start, end);
  }

  private fieldEnd(f: { keySpan: Span; valueSpan: Span }, inner: number | undefined): number {
    const text = this.text;
    let end = f.keySpan.end;
    if (text.charCodeAt(end) === 0x3a /* : */) end++;
    const v = this.valueContent(f);
    if (v.end > v.start) end = Math.max(end, v.end);
    if (inner !== undefined) end = Math.max(end, inner);
    return Math.min(end, text.length);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Quoted and block scalars end exactly where yaml says: a `#` line inside them is text, not a comment. */
function isExactScalar(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c === 0x22 || c === 0x27 || c === 0x7c || c === 0x3e; // " ' | >
}

/** Moves `end` back over trailing whitespace and, unless `exact`, over whole comment lines. */
export function trimEnd(text: string, start: number, end: number, exact: boolean): number {
  let e = Math.min(end, text.length);
  for (;;) {
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (exact) return e;
    let lineStart = e;
    while (lineStart > start && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
    if (lineStart <= start) return e;
    let i = lineStart;
    while (i < e && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (text.charCodeAt(i) !== 0x23 /* # */) return e;
    e = lineStart;
  }
}

/** A title or name on one line, with YAML's line breaks and runs of spaces collapsed. */
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

function itemSymbol(doc: PlanDocument, item: PlanItem): DocumentSymbol {
  return {
    name: itemName(item),
    detail: ITEM_DETAIL[item.kind],
    kind: ITEM_SYMBOL[item.kind],
    ...itemRanges(doc, item),
    children: item.children.map((c) => itemSymbol(doc, c)),
  };
}

function sectionSymbol(doc: PlanDocument, section: Section): DocumentSymbol | undefined {
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
const goalSymbols = new WeakMap<PlanItem, { line: number; symbol: DocumentSymbol }>();

function goalSymbol(doc: PlanDocument, goal: PlanItem): DocumentSymbol {
  const line = doc.lines.positionAt(goal.span.start).line;
  const cached = goalSymbols.get(goal);
  if (cached && cached.line === line) return cached.symbol;
  const symbol = itemSymbol(doc, goal);
  goalSymbols.set(goal, { line, symbol });
  return symbol;
}

export function provideDocumentSymbols(doc: PlanDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  let goalsDone = false;
  for (const section of doc.model.sections) {
    if (section.key === 'goals') {
      if (!goalsDone) for (const g of doc.model.goals) out.push(goalSymbol(doc, g));
      goalsDone = true;
      continue;
    }
    const s = sectionSymbol(doc, section);
    if (s) out.push(s);
  }
  if (!goalsDone) for (const g of doc.model.goals) out.push(goalSymbol(doc, g));
  return out;
}
