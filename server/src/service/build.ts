// Reads yaml nodes into the plan model. Works on a whole document or on one block of it
// (a top-level section, or one goal), so that the incremental parser can reuse it as is.
import { Document, isAlias, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Field, ItemKind, PlanItem, Reference, RefField, ScalarStyle, ScalarText, Section, Unit, Value } from './model';
import { ownNumber } from './checks/numbering';
import { CHILD_KIND, CHILDREN_KEY } from './model';
import type { Span } from './text';

/** Builds model pieces from the nodes of one yaml document whose text starts at `base` in the plan. */
export class NodeReader {
  constructor(
    /** The document the nodes come from, to follow aliases; none for nodes made without yaml's parser (lineReader.ts), which have no aliases. */
    private readonly doc: Document.Parsed | undefined,
    /** The text the document was parsed from. */
    private readonly source: string,
    /** Offset of `source` within the plan's text. */
    private readonly base: number,
  ) {}

  /**
   * Ids and entries already read, by the offset of their text. Reading the same text again
   * (a merge key or an alias reaches the same scalar from another item) marks it shared, and
   * an entry read again repeats the first reading instead of being a second entry.
   */
  private readonly readAt = new Map<number, { scalar: ScalarText; ref?: Reference }>();

  /** Notes that `s` was read (as an id, or for `ref`); returns the first reading of the same text, if any. */
  private noteRead(s: ScalarText, ref?: Reference): { scalar: ScalarText; ref?: Reference } | undefined {
    const first = this.readAt.get(s.span.start);
    if (!first) {
      this.readAt.set(s.span.start, { scalar: s, ref });
      return undefined;
    }
    first.scalar.shared = true;
    s.shared = true;
    return first;
  }

  /** Follows an alias to the node it names, so that anchors and merges read like what they stand for. */
  deref(node: unknown): Node | undefined {
    let n = node as Node | null | undefined;
    for (let hops = 0; n && isAlias(n) && this.doc && hops < 32; hops++) n = n.resolve(this.doc) as Node | undefined;
    return n && !isAlias(n) ? n : undefined;
  }

  span(node: Node | null | undefined): Span | undefined {
    const r = node?.range;
    return r ? { start: this.base + r[0], end: this.base + r[1] } : undefined;
  }

  scalar(node: unknown): ScalarText | undefined {
    const raw = node as Node | null | undefined;
    const n = this.deref(raw);
    if (!n || !isScalar(n) || n.value === null || n.value === undefined) return undefined;
    const where = (raw && raw.range ? raw : n).range!;
    const isNumber = typeof n.value === 'number';
    const text = typeof n.value === 'string' ? n.value : this.source.slice(n.range![0], n.range![1]).trim();
    return { text, span: { start: this.base + where[0], end: this.base + where[1] }, style: styleOf(n), isNumber };
  }

  string(node: unknown): string | undefined {
    const n = this.deref(node);
    return n && isScalar(n) && typeof n.value === 'string' ? n.value : undefined;
  }

  fields(map: YAMLMap): Field[] {
    const out: Field[] = [];
    for (const pair of map.items) {
      const f = this.field(pair as Pair);
      if (f) out.push(f);
    }
    return out;
  }

  field(pair: Pair): Field | undefined {
    const key = pair.key as Node | null;
    if (!key || !isScalar(key) || !key.range) return undefined;
    const keySpan = { start: this.base + key.range[0], end: this.base + key.range[1] };
    const v = pair.value as Node | null;
    const valueSpan = v && v.range ? { start: this.base + v.range[0], end: this.base + v.range[1] } : { start: keySpan.end + 1, end: keySpan.end + 1 };
    return { key: keyText(key) ?? '', keySpan, valueSpan };
  }

  /** Pairs of a mapping with merge keys (`<<: *base`) expanded; the mapping's own keys win, as in YAML. */
  pairs(map: YAMLMap, depth = 0): { key: string; pair: Pair }[] {
    const own: { key: string; pair: Pair }[] = [];
    const merges: unknown[] = [];
    for (const p of map.items as Pair[]) {
      const key = keyText(p.key);
      if (key === undefined) continue;
      if (key === '<<') merges.push(p.value);
      else own.push({ key, pair: p });
    }
    if (!merges.length || depth > 8) return own;
    const out = [...own];
    const seen = new Set(own.map((o) => o.key));
    for (const src of merges) {
      const v = this.deref(src);
      const targets = v && isSeq(v) ? v.items.map((i) => this.deref(i)) : [v];
      for (const t of targets) {
        if (!t || !isMap(t)) continue;
        for (const inner of this.pairs(t, depth + 1)) if (!seen.has(inner.key)) { seen.add(inner.key); out.push(inner); }
      }
    }
    return out;
  }

  item(node: unknown, kind: ItemKind, path: (string | number)[], index: number, parent: PlanItem | undefined): PlanItem | undefined {
    const n = this.deref(node);
    if (!n || !isMap(n) || !n.range) return undefined;
    const item: PlanItem = {
      kind,
      span: { start: this.base + n.range[0], end: this.base + n.range[1] },
      path,
      index,
      parent,
      children: [],
      refs: [],
      fields: this.fields(n),
    };
    const childKey = CHILDREN_KEY[kind];
    for (const { key, pair } of this.pairs(n)) {
      switch (key) {
        case 'id':
          item.id = this.scalar(pair.value);
          if (item.id) this.noteRead(item.id);
          break;
        case 'title': {
          const s = this.deref(pair.value);
          item.title = this.string(s);
          if (s) item.titleSpan = this.span(pair.value as Node);
          break;
        }
        case 'description':
          item.description = this.string(pair.value);
          break;
        case 'lead':
        case 'support':
        case 'related':
          if (kind !== 'goal') this.refs(pair.value, key, item);
          break;
        default:
          if (key === childKey) {
            const seq = this.deref(pair.value);
            item.childrenKeySpan = this.span(pair.key as Node);
            if (seq && isSeq(seq)) {
              const ck = CHILD_KIND[kind]!;
              seq.items.forEach((c, i) => {
                const child = this.item(c, ck, [...path, key, i], i, item);
                if (child) item.children.push(child);
              });
            }
          }
      }
    }
    if (item.id) {
      const own = ownNumber(kind, item.id.text);
      if (own !== undefined) item.own = own;
    }
    return item;
  }

  private refs(value: unknown, field: RefField, owner: PlanItem): void {
    const v = this.deref(value);
    if (!v) return;
    const nodes = isSeq(v) ? v.items : [value];
    for (const n of nodes) {
      const target = this.scalar(n);
      if (!target) continue;
      const ref: Reference = { field, target, owner };
      const first = this.noteRead(target, ref)?.ref;
      // The same entry read by another item (`<<: *base`, `related: *rel`): one entry, several readers.
      if (first && (first.field === 'related') === (field === 'related')) {
        ref.repeats = first;
        if (first.owner !== owner && !first.sharedBy?.includes(owner)) (first.sharedBy ??= []).push(owner);
      }
      owner.refs.push(ref);
    }
  }

  unit(node: unknown, index: number): Unit | undefined {
    const n = this.deref(node);
    if (!n || !isMap(n) || !n.range) return undefined;
    const unit: Unit = { span: this.span(n)!, index, fields: this.fields(n) };
    for (const { key, pair } of this.pairs(n)) {
      if (key === 'id') {
        unit.id = this.scalar(pair.value);
        if (unit.id) this.noteRead(unit.id);
      }
      else if (key === 'name') unit.name = this.string(pair.value);
      else if (key === 'kind') unit.kind = this.string(pair.value);
      else if (key === 'description') unit.description = this.string(pair.value);
    }
    return unit;
  }

  value(node: unknown): Value | undefined {
    const n = this.deref(node);
    if (!n || !isMap(n) || !n.range) return undefined;
    const v: Value = { span: this.span(n)!, fields: this.fields(n) };
    for (const { key, pair } of this.pairs(n)) {
      if (key === 'name') v.name = this.string(pair.value);
      else if (key === 'description') v.description = this.string(pair.value);
    }
    return v;
  }

  /** Reads one top-level pair into `head`; `goals` is read by the caller (it may be split into blocks). */
  headPair(key: string, pair: Pair, head: HeadParts): void {
    const field = this.field(pair);
    if (!field) return;
    const v = this.deref(pair.value);
    const section: Section = { key, keySpan: field.keySpan, valueSpan: field.valueSpan, fields: v && isMap(v) ? this.fields(v) : [] };
    head.sections.push(section);
    switch (key) {
      case 'title':
      case 'mission':
      case 'vision':
        head[key] = this.string(v);
        break;
      case 'organization':
        if (v && isMap(v)) head.organization = { name: this.string(v.get('name', true)), acronym: this.string(v.get('acronym', true)) };
        break;
      case 'period':
        if (v && isMap(v)) head.period = { start: this.scalar(v.get('start', true))?.text, end: this.scalar(v.get('end', true))?.text };
        break;
      case 'values':
        if (v && isSeq(v)) for (const i of v.items) { const val = this.value(i); if (val) head.values.push(val); }
        break;
      case 'units':
        if (v && isSeq(v)) v.items.forEach((i, idx) => { const u = this.unit(i, idx); if (u) head.units.push(u); });
        break;
    }
  }

  goals(pair: Pair, out: PlanItem[]): void {
    const v = this.deref(pair.value);
    if (v && isSeq(v)) v.items.forEach((g, i) => { const goal = this.item(g, 'goal', ['goals', i], i, undefined); if (goal) out.push(goal); });
  }
}

export interface HeadParts {
  sections: Section[];
  title?: string;
  mission?: string;
  vision?: string;
  organization?: { name?: string; acronym?: string };
  period?: { start?: string; end?: string };
  values: Value[];
  units: Unit[];
}

export function emptyHead(): HeadParts {
  return { sections: [], values: [], units: [] };
}

/** A mapping key as text; the merge key `<<` is a symbol in yaml's nodes. */
function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return typeof v === 'symbol' ? '<<' : v === null || v === undefined ? undefined : String(v);
}

function styleOf(n: Scalar): ScalarStyle {
  switch (n.type) {
    case 'PLAIN': return 'plain';
    case 'QUOTE_DOUBLE': return 'double';
    case 'QUOTE_SINGLE': return 'single';
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': return 'block';
    default: return 'other';
  }
}

/** Every span object of a goal tree, so that a reused block can be moved in place. */
export function collectSpans(item: PlanItem, out: Set<Span>): void {
  out.add(item.span);
  if (item.id) out.add(item.id.span);
  if (item.titleSpan) out.add(item.titleSpan);
  if (item.childrenKeySpan) out.add(item.childrenKeySpan);
  for (const f of item.fields) {
    out.add(f.keySpan);
    out.add(f.valueSpan);
  }
  for (const r of item.refs) out.add(r.target.span);
  for (const c of item.children) collectSpans(c, out);
}
