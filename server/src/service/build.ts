// Reads yaml nodes into the plan model. Works on a whole document or on one block of it
// (a top-level section, or one goal), so that the incremental parser can reuse it as is.
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, visit, YAMLMap } from 'yaml';
import type { Field, ItemKind, ParentLink, PlanItem, PlanModel, Reference, ScalarStyle, ScalarText, Section, Unit, Value } from './model';
import { buildItem, keyReading, type NodePairs, type NodeSource } from './fields';
import { closest, type Span } from './text';
import planSchema from '../../../schemas/plan.schema.json';

const fieldsOf = (def: string): string[] => Object.keys((planSchema.$defs as unknown as Record<string, { properties: object }>)[def].properties);
/** The top-level fields of a plan. */
const PLAN_FIELDS = Object.keys(planSchema.properties);
/** The fields a unit may have (plan.schema.json, `$defs/unit`). */
const UNIT_FIELDS = fieldsOf('unit');

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

  private aliases: Aliases | undefined;

  /** Follows an alias to the node it names, so that anchors and merges read like what they stand for. */
  deref(node: unknown): Node | undefined {
    let n = node as Node | null | undefined;
    if (!n || !isAlias(n)) return n ?? undefined;
    if (!this.doc) return undefined;
    const aliases = (this.aliases ??= aliasesOf(this.doc));
    for (let hops = 0; n && isAlias(n) && hops < 32; hops++) n = aliases.targets.get(n);
    return n && !isAlias(n) ? n : undefined;
  }

  /** Where in the plan the YAML errors of the document the nodes come from start (none without yaml's parser: the line reader reads only text without errors). */
  syntaxErrorOffsets(): number[] {
    return this.doc ? this.doc.errors.map((e) => this.base + e.pos[0]) : [];
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

  number(node: unknown): number | undefined {
    const n = this.deref(node);
    return n && isScalar(n) && typeof n.value === 'number' ? n.value : undefined;
  }

  bool(node: unknown): boolean | undefined {
    const n = this.deref(node);
    return n && isScalar(n) && typeof n.value === 'boolean' ? n.value : undefined;
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

  /** This reader's nodes as the item builder (fields.ts) reads them. */
  private readonly nodes: NodeSource<unknown> = {
    mapSpan: (n) => {
      const m = this.deref(n);
      return m && isMap(m) && m.range ? this.span(m) : undefined;
    },
    fields: (n) => this.fields(this.deref(n) as YAMLMap),
    pairs: (n) => {
      const pairs = this.pairs(this.deref(n) as YAMLMap);
      return { keys: pairs.map((p) => p.key), values: pairs.map((p) => p.pair.value), pairs } as YamlPairs;
    },
    keySpan: (p, i) => this.span((p as YamlPairs).pairs[i].pair.key as Node),
    keyScalar: (p, i) => this.scalar((p as YamlPairs).pairs[i].pair.key),
    items: (n) => {
      const v = this.deref(n);
      return v && isSeq(v) ? v.items : undefined;
    },
    scalar: (n) => this.scalar(n),
    string: (n) => this.string(n),
    bool: (n) => this.bool(n),
    span: (n) => (this.deref(n) ? this.span(n as Node) : undefined),
    noteRead: (s, ref) => this.noteRead(s, ref),
  };

  item(node: unknown, kind: ItemKind, path: (string | number)[], index: number, parent: PlanItem | undefined): PlanItem | undefined {
    return buildItem(this.nodes, node, kind, path, index, parent);
  }

  unit(node: unknown, index: number): Unit | undefined {
    const n = this.deref(node);
    if (!n || !isMap(n) || !n.range) return undefined;
    const unit: Unit = { span: this.span(n)!, index, fields: this.fields(n) };
    const pairs = this.pairs(n);
    const read = keyReading(pairs.map((p) => p.key), UNIT_FIELDS);
    for (const p of pairs) {
      const { pair } = p;
      const key = read(p.key);
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
    // A misspelt `units:` (`unit:`) still holds the units, so that the entries naming them are
    // not reported as well (the schema reports the key). Only `units`: a list, which reads the
    // same whole or section by section; the other sections are not named by anything.
    const as = key === 'units' || PLAN_FIELDS.includes(key) || closest(key, PLAN_FIELDS) !== 'units' ? key : 'units';
    switch (as) {
      case 'title':
      case 'mission':
      case 'vision':
      case 'notes':
        head[as] = this.string(v);
        break;
      case 'organization':
        if (v && isMap(v)) {
          const acronym = v.get('acronym', true);
          head.organization = { name: this.string(v.get('name', true)), acronym: this.string(acronym), acronymText: this.string(acronym) !== undefined ? this.scalar(acronym) : undefined };
        }
        break;
      case 'parents':
        // `parents: { DHS: ../dhs/dhs-strategic-plan-2020-2024.plan.yaml }` (alignment.ts).
        if (v && isMap(v)) {
          head.parents = [];
          for (const { key, pair } of this.pairs(v)) {
            const keySpan = this.span(pair.key as Node);
            if (!keySpan) continue;
            const path = this.string(pair.value) !== undefined ? this.scalar(pair.value) : undefined;
            head.parents.push(path ? { acronym: key, acronymSpan: keySpan, path } : { acronym: key, acronymSpan: keySpan });
          }
        }
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

/** A yaml mapping's pairs for the item builder, with the pairs they come from. */
interface YamlPairs extends NodePairs<unknown> {
  pairs: { key: string; pair: Pair }[];
}

export interface HeadParts {
  sections: Section[];
  title?: string;
  mission?: string;
  vision?: string;
  notes?: string;
  organization?: PlanModel['organization'];
  parents?: ParentLink[];
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
  for (const m of item.measures ?? []) {
    out.add(m.span);
    if (m.id) out.add(m.id.span);
    for (const f of m.fields) {
      out.add(f.keySpan);
      out.add(f.valueSpan);
    }
    if (m.baseline?.year) out.add(m.baseline.year.span);
    if (m.baseline?.value) out.add(m.baseline.value.span);
    for (const y of [...m.targets, ...m.results]) {
      out.add(y.year.span);
      if (y.value) out.add(y.value.span);
    }
  }
  for (const ms of item.milestones ?? []) {
    out.add(ms.span);
    if (ms.due) out.add(ms.due.span);
    for (const f of ms.fields) {
      out.add(f.keySpan);
      out.add(f.valueSpan);
    }
  }
  for (const c of item.children) collectSpans(c, out);
}


/** What each alias of a document stands for, found in one pass over it. */
interface Aliases {
  /** The node each alias names: the last node before it with that anchor, as yaml resolves it. */
  targets: Map<Alias, Node | undefined>;
  /** Nodes written in the document (aliases count one each). */
  written: number;
}

const ALIASES = new WeakMap<Document, Aliases>();

/**
 * yaml resolves an alias by scanning the document up to it, once per use (and our reader once
 * per field read): quadratic when many objectives share `<<: *d`. One pre-order pass, in yaml's
 * order, gives every alias its target. Only documents with an alias pay for it.
 */
function aliasesOf(doc: Document): Aliases {
  let a = ALIASES.get(doc);
  if (!a) {
    const targets = new Map<Alias, Node | undefined>();
    const current = new Map<string, Node>();
    let written = 0;
    // Depth is bounded: parseYaml refuses text nested deeper than MAX_DEPTH.
    visit(doc, {
      Node: (_key, node) => {
        written++;
        if (isAlias(node)) targets.set(node, current.get(node.source));
        else if (node.anchor) current.set(node.anchor, node);
      },
    });
    ALIASES.set(doc, (a = { targets, written }));
  }
  return a;
}

/**
 * How much aliases may add to a plan's value, counted in values (a scalar, or a list or
 * mapping) as read out: each use of an alias or merge key counts the size of what it stands
 * for. A legitimate plan sharing a mapping among thousands of objectives adds a few values per
 * use; "billion laughs" adds 9^9. The bound keeps everything that walks the value (schema
 * checks, comparisons) linear in the size of the text.
 */
export const EXPANSION_PER_VALUE = 10;
export const EXPANSION_FLOOR = 100_000;

/** Why a document's value cannot be read: said in plain words by the caller. */
export class ExpansionError extends Error {
  constructor(
    readonly reason: 'too-large' | 'recursive' | 'unresolved' | 'merge',
    message: string,
    /** The alias or merge key at fault, in the document's text. */
    readonly at: Node | null | undefined,
  ) {
    super(message);
  }
}

interface Read {
  value: unknown;
  /** Values in it as read out, aliases expanded. */
  size: number;
}

/**
 * A document's JSON value, as yaml's `doc.toJS()` gives it (same objects, key order, merge
 * rules, `__proto__` as an own key), but linear: each alias is resolved through one lookup and
 * shares the value of the node it names (as yaml does), a mapping merged by `<<` is read once
 * however many mappings merge it, and expansion is counted by the size of what each alias
 * stands for, not by the number of uses. Throws ExpansionError when aliases expand past
 * EXPANSION_PER_VALUE times the values written (plus EXPANSION_FLOOR), or refer to a value that
 * holds them. Keys that are lists or mappings become their JSON text (yaml writes them as YAML).
 */
export function documentValue(doc: Document.Parsed): unknown {
  return new Expander(doc).read(doc.contents).value;
}

class Expander {
  /** Nodes with an anchor, read: every alias to one shares its value. */
  private readonly anchored = new Map<Node, Read>();
  /** Anchored nodes being read: an alias to one of them is inside it. */
  private readonly open = new Set<Node>();
  /** Mappings merged by `<<`, read as yaml reads a merge source (a Map of key values). */
  private readonly sources = new Map<YAMLMap, Map<unknown, Read>>();
  private aliases: Aliases | undefined;
  private limit = Infinity;
  private total = 0;

  constructor(private readonly doc: Document.Parsed) {}

  private count(n: number, at?: Node): void {
    this.total += n;
    if (this.total > this.limit) {
      throw new ExpansionError('too-large', `read out, they would hold more than ${this.limit.toLocaleString('en-US')} values where the plan writes ${this.aliases!.written.toLocaleString('en-US')}`, at);
    }
  }

  read(node: unknown): Read {
    if (isAlias(node)) return this.alias(node);
    if (!node || typeof node !== 'object') return { value: node ?? null, size: 1 };
    const n = node as Node;
    if (!n.anchor) return this.readNode(n);
    const known = this.anchored.get(n);
    if (known) return known;
    this.open.add(n);
    const r = this.readNode(n);
    this.open.delete(n);
    this.anchored.set(n, r);
    return r;
  }

  private alias(a: Alias): Read {
    const r = this.read(this.target(a));
    this.count(r.size, a);
    return r;
  }

  /** The node an alias names; throws when there is none, or when the alias is inside it. */
  private target(a: Alias): Node {
    if (!this.aliases) {
      this.aliases = aliasesOf(this.doc);
      this.limit = EXPANSION_PER_VALUE * this.aliases.written + EXPANSION_FLOOR;
    }
    const target = this.aliases.targets.get(a);
    if (!target) throw new ExpansionError('unresolved', `the alias *${a.source} comes before any &${a.source}; an anchor must be set before its aliases`, a);
    if (this.open.has(target)) throw new ExpansionError('recursive', `the alias *${a.source} is inside the value it names (&${a.source}), so reading it would never end`, a);
    return target;
  }

  private readNode(n: Node | Pair): Read {
    if (isScalar(n)) {
      this.count(1);
      const v = n.value;
      return { value: typeof v === 'bigint' ? Number(v) : v, size: 1 };
    }
    if (isSeq(n)) {
      this.count(1);
      const out: unknown[] = [];
      let size = 1;
      for (const item of n.items) {
        const r = isPair(item) ? this.readNode(item) : this.read(item);
        out.push(r.value);
        size += r.size;
      }
      return { value: out, size };
    }
    if (isMap(n) || isPair(n)) {
      // A pair in a list (`[a: 1]`) reads as a mapping of one key, as in yaml.
      this.count(1);
      const out: Record<string, unknown> = {};
      let size = 1;
      for (const pair of isPair(n) ? [n] : (n.items as Pair[])) {
        if (isMergeKey(pair.key)) {
          size += this.merge(pair.value, (key, { value }) => {
            if (Object.prototype.hasOwnProperty.call(out, key as PropertyKey)) return false;
            Object.defineProperty(out, key as PropertyKey, { value, writable: true, enumerable: true, configurable: true });
            return true;
          });
          continue;
        }
        const k = this.read(pair.key);
        const key = k.value === null ? '' : typeof k.value === 'object' ? JSON.stringify(k.value) : String(k.value);
        const v = this.read(pair.value);
        if (key in out) Object.defineProperty(out, key, { value: v.value, writable: true, enumerable: true, configurable: true });
        else out[key] = v.value;
        size += k.size + v.size;
      }
      return { value: out, size };
    }
    // Not a node yaml's composer makes.
    this.count(1);
    return { value: null, size: 1 };
  }

  /**
   * `<<: x`: each mapping of x (one, or a list of them) adds the keys not already there. Counted:
   * what it adds, and one per key it does not (a mapping that merges the one before it, which
   * merges the one before that, ... adds one key each time, not all of them).
   */
  private merge(value: unknown, add: (key: unknown, entry: Read) => boolean): number {
    const src = isAlias(value) ? this.target(value) : value;
    let size = 0;
    for (const item of isSeq(src) ? src.items : [src]) {
      const m = isAlias(item) ? this.target(item) : item;
      if (!isMap(m)) throw new ExpansionError('merge', 'a merge key `<<` must name a group of fields (a mapping), or a list of them', (isAlias(item) ? item : (value as Node)) ?? undefined);
      for (const [k, v] of this.source(m)) {
        const n = add(k, v) ? v.size : 1;
        this.count(n, value as Node);
        size += n;
      }
    }
    return size;
  }

  /** A merge source, read once: key values (not text) with what each holds; later keys replace earlier ones. */
  private source(m: YAMLMap): Map<unknown, Read> {
    let entries = this.sources.get(m);
    if (entries) return entries;
    if (this.open.has(m)) throw new ExpansionError('recursive', `a mapping merges itself (\`<<\` inside &${m.anchor})`, m);
    this.open.add(m);
    const out = (entries = new Map<unknown, Read>());
    for (const pair of m.items as Pair[]) {
      if (isMergeKey(pair.key)) {
        this.merge(pair.value, (key, entry) => {
          if (out.has(key)) return false;
          out.set(key, entry);
          return true;
        });
        continue;
      }
      const k = this.read(pair.key);
      const v = this.read(pair.value);
      out.set(k.value, { value: v.value, size: k.size + v.size });
    }
    this.open.delete(m);
    this.sources.set(m, entries);
    return entries;
  }
}

/** `<<` as yaml's merge option reads it: a plain `<<` key (a symbol once composed). */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  const v = key.value;
  if (typeof v === 'symbol') return v.description === '<<';
  return v === '<<' && (!key.type || key.type === Scalar.PLAIN);
}
