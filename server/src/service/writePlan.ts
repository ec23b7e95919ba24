// A plan's value → the YAML a person would write. Importers (StratML, Word, Markdown, PDF text)
// build the plan as a plain value in the schema's shape and hand it here, so every imported plan
// reads the same way as the samples: keys in the order of the format (the schema's `properties`
// order, which docs/plan-format.md follows), numbers quoted ("1.1.1"), 2-space indentation, long
// narratives as folded block text, short maps (organization, period, a measure's years) on one
// line, a blank line before each top-level list and between goals.
//
// The order comes from schemas/plan.schema.json rather than a list of its own, so a field added
// to the format is written in its place without touching this file. Keys the schema does not know
// (an importer's mistake, or a future field) are kept, after the known ones, in their given order.
import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import planSchema from '../../../schemas/plan.schema.json';

export interface WritePlanOptions {
  /** Comment lines written at the top of the file (without `#`). */
  header?: readonly string[];
  /** Where narratives are folded; the samples use 96. */
  lineWidth?: number;
}

type SchemaNode = Record<string, unknown>;
const DEFS = (planSchema as unknown as { $defs: Record<string, SchemaNode> }).$defs;

/** Maps written on one line when all their values are scalars. */
const ONE_LINE_MAPS = new Set(['organization', 'period', 'baseline', 'targets', 'results']);
/** Top-level keys that open a section of their own (a blank line before them). */
const SECTION_LISTS = new Set(['values', 'units', 'goals']);
/** Text that reads as a number, a date or a boolean unless quoted ("1.1.1" is text to yaml, but writers quote it too). */
const NUMBERLIKE = /^[0-9]+(\.[0-9]+)*$/;

/** The YAML text of `plan` (the schema's shape). Undefined and null entries are left out. */
export function writePlan(plan: unknown, options: WritePlanOptions = {}): string {
  const doc = new Document();
  doc.contents = toNode(doc, plan, planSchema as unknown as SchemaNode, undefined, 0) as Node;
  const header = options.header?.length ? options.header.map((l) => (l ? '# ' + l : '#')).join('\n') + '\n\n' : '';
  return header + doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: options.lineWidth ?? 96,
    minContentWidth: 40,
    blockQuote: 'folded',
    defaultKeyType: 'PLAIN',
    flowCollectionPadding: true,
  });
}

function toNode(doc: Document, value: unknown, schema: SchemaNode | undefined, key: string | undefined, depth: number): unknown {
  const s = resolve(schema);
  if (Array.isArray(value)) {
    const seq = new YAMLSeq(doc.schema);
    const itemSchema = resolve(arrayItems(s));
    for (const v of value) {
      if (v === undefined || v === null) continue;
      const n = toNode(doc, v, itemSchema, key, depth + 1);
      // Goals are separated by a blank line, as in the samples.
      if (key === 'goals' && depth === 1 && seq.items.length > 0) (n as Node).spaceBefore = true;
      seq.items.push(n);
    }
    // A list of ids or numbers (`lead: [HSI, ERO]`, `related: ["2.2"]`) reads best on one line.
    if (seq.items.length > 0 && seq.items.every((n) => isScalar(n))) seq.flow = true;
    return seq;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const map = new YAMLMap(doc.schema);
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    const order = propertyOrder(s);
    entries.sort(([a], [b]) => rank(order, a) - rank(order, b));
    for (const [k, v] of entries) {
      const vn = toNode(doc, v, propertySchema(s, k), k, depth + 1) as Node;
      const pair = new Pair(new Scalar(k), vn);
      if (depth === 0 && SECTION_LISTS.has(k) && map.items.length > 0) (pair.key as Scalar).spaceBefore = true;
      map.items.push(pair);
    }
    if (key !== undefined && ONE_LINE_MAPS.has(key) && map.items.every((p) => isScalar(p.value))) map.flow = true;
    return map;
  }
  return scalar(value, key);
}

function scalar(value: unknown, key: string | undefined): Scalar {
  const n = new Scalar(value instanceof Date ? value.toISOString().slice(0, 10) : value);
  if (typeof value === 'string') {
    if (NUMBERLIKE.test(value)) n.type = Scalar.QUOTE_DOUBLE;
    // Narratives (descriptions, mission, vision, notes) as block text once they run long or hold
    // line breaks; yaml folds them at lineWidth and keeps paragraph breaks.
    else if (value.includes('\n') || value.length > 80) n.type = key === 'title' || key === 'name' ? undefined : Scalar.BLOCK_FOLDED;
  }
  return n;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

// --- the schema's shape, read as far as ordering needs it

function resolve(s: SchemaNode | undefined): SchemaNode | undefined {
  let cur = s;
  for (let guard = 0; cur && guard < 8; guard++) {
    const ref = cur.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) cur = { ...DEFS[ref.slice('#/$defs/'.length)], ...withoutRef(cur) };
    else break;
  }
  return cur;
}

function withoutRef(s: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = s;
  return rest;
}

function variants(s: SchemaNode | undefined): SchemaNode[] {
  if (!s) return [];
  const alts = (s.oneOf ?? s.anyOf) as SchemaNode[] | undefined;
  return alts ? [s, ...alts.map((a) => resolve(a)!).filter(Boolean)] : [s];
}

function arrayItems(s: SchemaNode | undefined): SchemaNode | undefined {
  for (const v of variants(s)) if (v.items && typeof v.items === 'object') return v.items as SchemaNode;
  return undefined;
}

function propertyOrder(s: SchemaNode | undefined): string[] {
  for (const v of variants(s)) if (v.properties) return Object.keys(v.properties as object);
  return [];
}

function propertySchema(s: SchemaNode | undefined, key: string): SchemaNode | undefined {
  for (const v of variants(s)) {
    const props = v.properties as Record<string, SchemaNode> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, key)) return props[key];
    if (v.additionalProperties && typeof v.additionalProperties === 'object') return v.additionalProperties as SchemaNode;
  }
  return undefined;
}
