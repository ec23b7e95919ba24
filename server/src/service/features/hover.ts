// Hover: what an item number, a unit id or a key means, in the words of the plan and its schema.
import type { Hover, Position } from 'vscode-languageserver-types';
import { type PlanDocument, type PlanWorkspace, fileNameOf } from '../documents';
import { targetAt, type KeyOwner, type Target } from '../locate';
import { breadcrumb, kindWord, type ItemKind, type Measure, type PlanItem, type ScalarText, type Unit } from '../model';
import { measureStatus, yearOf, type MeasureStatus } from '../checks/measures';
import { refFieldsTo } from '../fields';
import { PLAN_SCHEMA } from '../schema';
import { itemDefinitions, measureDefinitions, unitDefinitions } from './definition';
import { itemReferences, unitReferences } from './references';

const DESCRIPTION_LIMIT = 600;
const LINK_TITLE_LIMIT = 40;

export function provideHover(ws: PlanWorkspace, doc: PlanDocument, position: Position): Hover | null {
  const target = targetAt(doc.model, doc.lines.offsetAt(position));
  if (!target) return null;
  const value = hoverText(ws, doc, target);
  if (value === undefined) return null;
  return { contents: { kind: 'markdown', value }, range: doc.lines.range(target.span) };
}

function hoverText(ws: PlanWorkspace, doc: PlanDocument, target: Target): string | undefined {
  switch (target.kind) {
    case 'item-ref':
      return relatedHover(ws, doc, target.ref.target.text);
    case 'item-id':
      return itemHover(ws, doc, target.item);
    case 'unit-ref':
      return unitRefHover(ws, doc, target.ref.target.text);
    case 'unit-id':
      return unitHover(ws, doc, target.unit);
    case 'measure-id':
      return measureHover(ws, doc, target.measure);
    case 'measure-ref': {
      const m = measureDefinitions(doc, target.ref.target.text)[0];
      return m ? measureHover(ws, doc, m) : `No measure has the id ${md(target.ref.target.text)} in this plan.`;
    }
    case 'measure-year':
      return yearHover(target.measure, target.year.year.text);
    case 'key':
      return keyHover(target.owner, target.field.key);
  }
}

const STATUS_WORDS: Record<MeasureStatus, string> = { met: '✓ met', 'not met': '✗ not met', 'no result': '– no result yet' };

/** A measure's id: what it counts, who reports it, and its baseline, targets and results by fiscal year. */
function measureHover(ws: PlanWorkspace, doc: PlanDocument, m: Measure): string {
  const parts = [`**Measure ${md(m.id!.text)}**${m.name ? ' — ' + md(m.name) : ''}`];
  parts.push(`Measures ${md(breadcrumb(m.owner))}${m.owner.title ? ` ${md(clip(m.owner.title, LINK_TITLE_LIMIT))}` : ''}`);
  const facts: string[] = [];
  if (m.unit) facts.push(`Unit: ${md(m.unit)}`);
  if (m.direction) facts.push(`Direction: ${md(m.direction)}`);
  if (m.kind) facts.push(`Kind: ${md(m.kind)}`);
  const leads = m.owner.refs.filter((r) => r.measure === m).map((r) => {
    const unit = unitDefinitions(ws, doc, r.target.text)[0]?.unit;
    return unit ? `${md(r.target.text)}${unit.name ? ` (${md(unit.name)})` : ''}` : `${md(r.target.text)} (no such unit)`;
  });
  if (leads.length) facts.push(`Lead: ${leads.join(', ')}`);
  if (m.priority) facts.push('Agency priority goal measure');
  if (facts.length) parts.push(facts.join(' · '));
  const table = yearTable(m);
  if (table) parts.push(table);
  else parts.push('No targets or results yet.');
  if (m.source?.trim()) parts.push(`Source: ${md(clip(m.source.trim(), DESCRIPTION_LIMIT))}`);
  return parts.join('\n\n');
}

/** Baseline, then each fiscal year with a target or a result, in order: target, result, met or not. */
function yearTable(m: Measure): string | undefined {
  const years = new Set<number>();
  for (const y of [...m.targets, ...m.results]) {
    const n = yearOf(y.year);
    if (n !== undefined) years.add(n);
  }
  const rows: string[] = [];
  const b = m.baseline;
  if (b && (b.year || b.value)) rows.push(`| ${b.year ? `${cell(b.year.text)} ` : ''}(baseline) | | ${cell(b.value?.text)} | |`);
  for (const year of [...years].sort((a, z) => a - z)) {
    const target = m.targets.find((t) => yearOf(t.year) === year)?.value?.text;
    const result = m.results.find((r) => yearOf(r.year) === year)?.value?.text;
    rows.push(`| FY${year} | ${cell(target)} | ${cell(result)} | ${STATUS_WORDS[measureStatus(m, year)]} |`);
  }
  if (!rows.length) return undefined;
  return ['| Fiscal year | Target | Result | Status |', '|---|---:|---:|---|', ...rows].join('\n');
}

/** A year of `targets` or `results`: that year's target and result, and whether it was met. */
function yearHover(m: Measure, text: string): string {
  const year = yearOf({ text } as ScalarText);
  const label = m.id ? `measure ${md(m.id.text)}` : 'this measure';
  if (year === undefined) return `\`${md(text)}\` is not a fiscal year: write the year as four digits.`;
  const target = m.targets.find((t) => yearOf(t.year) === year)?.value?.text;
  const result = m.results.find((r) => yearOf(r.year) === year)?.value?.text;
  return [
    `**FY${year}** of ${label}${m.name ? ' — ' + md(m.name) : ''}`,
    `Target: ${target !== undefined ? md(target) : 'none'} · Result: ${result !== undefined ? md(result) : 'none yet'} · ${STATUS_WORDS[measureStatus(m, year)]}`,
  ].join('\n\n');
}

/** Plan text inside a markdown table cell. */
function cell(text: string | undefined): string {
  return text === undefined ? '' : md(text).replace(/\r?\n/g, ' ');
}

/** A `related` entry: the item it names, where it sits, who leads it and what it is about. */
function relatedHover(ws: PlanWorkspace, doc: PlanDocument, id: string): string {
  const items = itemDefinitions(doc, id);
  if (!items.length) return `No item is numbered ${md(id)} in this plan.`;
  const item = items[0];
  const parts = [`**${md(id)}${item.title ? ' ' + md(item.title) : ''}**`, md(breadcrumb(item))];
  if (items.length > 1) parts.push(`${items.length} items are numbered ${md(id)}; this is the first of them.`);
  const units = unitsLine(ws, doc, item);
  if (units) parts.push(units);
  if (item.description?.trim()) parts.push(mdBlock(clip(item.description.trim(), DESCRIPTION_LIMIT)));
  return parts.join('\n\n');
}

/** An item's own number: its place, its children, the items that link to it and its units. */
function itemHover(ws: PlanWorkspace, doc: PlanDocument, item: PlanItem): string {
  const id = item.id!.text;
  const parts = [`**${cap(kindWord(item.kind))} ${md(id)}**${item.title ? ' — ' + md(item.title) : ''}`];
  // A goal's breadcrumb is the heading again.
  if (item.parent) parts.push(md(breadcrumb(item)));
  if (item.kind !== 'subobjective') parts.push(childrenLine(item));
  const others = itemDefinitions(doc, id).length;
  if (others > 1) parts.push(`${others} items are numbered ${md(id)}.`);
  const linkers: PlanItem[] = [];
  // An entry read by several items (`related: *rel`) links each of them.
  for (const ref of itemReferences(doc, id)) for (const o of [ref.owner, ...(ref.sharedBy ?? [])]) if (!linkers.includes(o)) linkers.push(o);
  if (linkers.length) parts.push(`Linked from: ${linkers.map(linkLabel).join('; ')}`);
  const units = unitsLine(ws, doc, item);
  if (units) parts.push(units);
  return parts.join('\n\n');
}

function childrenLine(item: PlanItem): string {
  const word = item.kind === 'goal' ? 'objective' : 'sub-objective';
  const n = item.children.length;
  return n === 0 ? `No ${word}s yet.` : `${n} ${word}${n === 1 ? '' : 's'}`;
}

function linkLabel(item: PlanItem): string {
  const name = item.id ? md(item.id.text) : md(itemLabelShort(item));
  return item.title ? `${name} ${md(clip(item.title, LINK_TITLE_LIMIT))}` : name;
}

function itemLabelShort(item: PlanItem): string {
  return `${kindWord(item.kind)} without a number`;
}

/** "Lead: HSI (Homeland Security Investigations) · Support: ERO (...)" for an item's units. */
function unitsLine(ws: PlanWorkspace, doc: PlanDocument, item: PlanItem): string | undefined {
  const parts: string[] = [];
  for (const field of refFieldsTo('unit')) {
    const ids: string[] = [];
    // A measure's `lead` is the measure's, not the item's.
    for (const ref of item.refs) if (ref.field === field && !ref.measure && !ids.includes(ref.target.text)) ids.push(ref.target.text);
    if (!ids.length) continue;
    const names = ids.map((id) => {
      const unit = unitDefinitions(ws, doc, id)[0]?.unit;
      return unit ? `${md(id)}${unit.name ? ` (${md(unit.name)})` : ''}` : `${md(id)} (no such unit)`;
    });
    parts.push(`${cap(field)}: ${names.join(', ')}`);
  }
  return parts.length ? parts.join(' · ') : undefined;
}

/** A `lead`/`support` entry: the unit it names, and which plan defines it when it is not this one. */
function unitRefHover(ws: PlanWorkspace, doc: PlanDocument, id: string): string {
  const defs = unitDefinitions(ws, doc, id);
  if (!defs.length) return `No unit has the id ${md(id)}, in this plan or in the other plans of the workspace.`;
  const { uri, unit } = defs[0];
  const parts = [unitHeading(id, unit)];
  if (unit.kind) parts.push(`Kind: ${md(unit.kind)}`);
  if (uri !== doc.uri) {
    const files = [...new Set(defs.map((d) => fileNameOf(d.uri)))];
    parts.push(
      files.length === 1
        ? `Defined in ${md(files[0])}.`
        : `Defined in ${md(files[0])}; also defined in ${files.slice(1).map(md).join(', ')}.`,
    );
  } else if (defs.length > 1) parts.push(`${defs.length} units of this plan have the id ${md(id)}; this is the first of them.`);
  if (unit.description?.trim()) parts.push(mdBlock(clip(unit.description.trim(), DESCRIPTION_LIMIT)));
  return parts.join('\n\n');
}

/** A unit's own id: its name, its kind and what it leads and supports across the workspace. */
function unitHover(ws: PlanWorkspace, doc: PlanDocument, unit: Unit): string {
  const id = unit.id!.text;
  const parts = [unitHeading(id, unit)];
  if (unit.kind) parts.push(`Kind: ${md(unit.kind)}`);
  const lead = new Map<PlanItem, true>();
  const support = new Map<PlanItem, true>();
  const plans = new Set<string>();
  const measures = new Set<object>();
  for (const { doc: where, ref } of unitReferences(ws, doc, id)) {
    if (ref.measure) measures.add(ref.measure);
    else for (const o of [ref.owner, ...(ref.sharedBy ?? [])]) (ref.field === 'lead' ? lead : support).set(o, true);
    plans.add(where.uri);
  }
  if (!lead.size && !support.size && !measures.size) parts.push(`No objective names ${md(id)} in \`lead\` or \`support\` yet.`);
  else {
    const where = plans.size > 1 ? ` (in ${plans.size} plans)` : '';
    const does = [
      lead.size && `leads ${countItems([...lead.keys()])}`,
      support.size && `supports ${countItems([...support.keys()])}`,
      measures.size && `reports ${measures.size} measure${measures.size === 1 ? '' : 's'}`,
    ].filter(Boolean).join('; ');
    parts.push(`${cap(does)}${where}.`);
  }
  return parts.join('\n\n');
}

function unitHeading(id: string, unit: Unit): string {
  return `**${md(id)}**${unit.name ? ' — ' + md(unit.name) : ''}`;
}

/** "3 objectives and 1 sub-objective". */
function countItems(items: PlanItem[]): string {
  const counts: string[] = [];
  for (const kind of ['goal', 'objective', 'subobjective'] as ItemKind[]) {
    const n = items.filter((i) => i.kind === kind).length;
    if (n) counts.push(`${n} ${kindWord(kind)}${n === 1 ? '' : 's'}`);
  }
  return counts.join(' and ');
}

// ---- keys: the schema's own words ----

type SchemaNode = Record<string, any>;

const OWNER_WORDS: Record<KeyOwner, string> = {
  measure: 'a measure',
  milestone: 'a milestone',
  plan: 'the plan',
  organization: '`organization`',
  period: '`period`',
  goal: 'a goal',
  objective: 'an objective',
  subobjective: 'a sub-objective',
  unit: 'a unit',
  value: 'a value',
};

function ownerSchema(owner: KeyOwner): SchemaNode | undefined {
  switch (owner) {
    case 'plan':
      return PLAN_SCHEMA;
    case 'organization':
    case 'period':
      return resolve(PLAN_SCHEMA.properties?.[owner]);
    case 'value':
      return resolve(resolve(PLAN_SCHEMA.properties?.values)?.items);
    default:
      return resolve(PLAN_SCHEMA.$defs?.[owner]);
  }
}

/** Follows `$ref`s ("#/$defs/unit") within the plan schema. */
function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 16; hops++) {
    const ref: string = node.$ref;
    if (!ref.startsWith('#/')) return node;
    let at: any = PLAN_SCHEMA;
    for (const seg of ref.slice(2).split('/')) at = at?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!at || typeof at !== 'object') return node;
    // The referring node's own words (its description) win over the definition's.
    node = { ...at, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
  }
  return node;
}

function keyHover(owner: KeyOwner, key: string): string | undefined {
  const holder = ownerSchema(owner);
  const prop = holder?.properties?.[key] as SchemaNode | undefined;
  if (!prop) return undefined;
  const full = resolve(prop)!;
  const parts = [`**${md(key)}** — a field of ${OWNER_WORDS[owner]}`];
  if (full.description) parts.push(schemaText(full.description));
  const expected = expectedValue(prop);
  const required = Array.isArray(holder?.required) && holder!.required.includes(key);
  if (expected || required) parts.push([expected && `Expected value: ${expected}`, required && 'Required.'].filter(Boolean).join(' '));
  return parts.join('\n\n');
}

/** What a value should look like, in plain words: "a unit id, or a list of unit ids." */
function expectedValue(prop: SchemaNode, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof prop.$ref === 'string') {
    const def = resolve({ $ref: prop.$ref });
    if (def?.description) return sentence(schemaText(def.description));
    return def ? expectedValue(def, depth + 1) : undefined;
  }
  if ('const' in prop) return `\`${JSON.stringify(prop.const)}\`.`;
  if (Array.isArray(prop.enum)) return `one of ${prop.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(', ')}.`;
  const types: string[] = [].concat(prop.type ?? []);
  if (types.includes('array')) {
    const items = prop.items as SchemaNode | undefined;
    const entry = items && (resolve(items)?.description ?? undefined);
    const min = typeof prop.minItems === 'number' && prop.minItems > 0 ? ` of at least ${prop.minItems}` : '';
    return entry ? `a list${min}; each entry is ${sentence(schemaText(entry))}` : `a list${min}.`;
  }
  if (types.includes('object')) {
    const keys = Object.keys(prop.properties ?? {});
    return keys.length ? `a group of fields: ${keys.map((k) => `\`${k}\``).join(', ')}.` : 'a group of fields.';
  }
  if (types.length) {
    const words: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', boolean: 'true or false', null: 'nothing' };
    const text = types.map((t) => words[t] ?? t).join(' or ');
    return `${text}${types.includes('string') && prop.minLength > 0 ? ' (not empty)' : ''}.`;
  }
  return undefined;
}

// ---- text helpers ----

/** Escapes plan text for use within a line of markdown: emphasis, links, code, html. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '&amp;');
}

/** Escapes plan text that forms paragraphs of its own: also markers at the start of a line (# - + = 1.). */
export function mdBlock(text: string): string {
  return md(text)
    .replace(/^([ \t]*)([#+\-=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Schema descriptions are already markdown; only `<placeholders>` need escaping. */
function schemaText(text: string): string {
  return text.replace(/[<>]/g, '\\$&');
}

/** "A unit id, or a list of unit ids." → "a unit id, or a list of unit ids.", to follow a colon. */
function sentence(text: string): string {
  const t = text.trim();
  // Keep acronyms ("ICE ...") as they are.
  const lowered = /^[A-Z](?![A-Z0-9&.])/.test(t) ? t[0].toLowerCase() + t.slice(1) : t;
  return /[.!?]$/.test(lowered) ? lowered : lowered + '.';
}

function cap(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

/** Cuts text to about `limit` characters at a word boundary, with an ellipsis. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let cut = text.lastIndexOf(' ', limit);
  if (cut < limit / 2) cut = limit;
  // Never split a surrogate pair.
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut).replace(/[\s,;:.]+$/, '') + '…';
}

