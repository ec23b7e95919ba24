// Where each goal, objective, unit, value and section *ends*. The model's spans come from yaml's
// node ranges, which run on over trailing comments and blank lines (a list keeps the comments
// that follow its last entry) and differ slightly between a block-by-block and a whole-document
// parse. The outline trims each span back to its last line of content, once per model, for
// symbols, folding, selection ranges, the Plan view and workspace symbols alike.
import { CHILDREN_KEY } from './fields';
import { type Field, type PlanItem, type PlanModel, type Section, type Unit, type Value } from './model';
import type { Span } from './text';

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
