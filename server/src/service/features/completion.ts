// Completion: the fields a mapping may still take (from the schema), unit ids after `lead` and
// `support`, item numbers inside `related`, and snippets for a new goal, objective or
// sub-objective carrying the next free number. What the cursor is in comes from the model; the
// text is read only on the cursor's line and on the lines above it with less indentation, to
// learn which mapping or list a half-typed line belongs to.
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import { type PlanDocument, type PlanWorkspace, fileNameOf } from '../documents';
import { scalarEdit, sortEdits } from '../edits';
import { CHILD_KIND, ITEM_DEPTH, breadcrumb, kindWord, type Field, type ItemKind, type PlanItem, type ScalarText } from '../model';
import { itemAt, unitAt, type KeyOwner } from '../locate';
import { PLAN_SCHEMA } from '../schema';
import { CHILDREN_KEY, isRefField, REF_FIELDS, refKind } from '../fields';
import { alignmentCompletions } from './alignment';
import { contains } from '../text';
import { measureCompletion } from './measureCompletion';
import { cursorLine, KEY_ONLY, lineInfo, linesAbove, lineText, listParent, type CursorLine, type LineInfo } from './lines';
import { workspaceUnitKinds } from './unitSnippet';

/** At most this many item numbers are offered inside `related`; typing more narrows and asks again. */
export const MAX_RELATED_ITEMS = 300;

/** The editor command that opens the suggestions again (after `lead: `); VS Code's own. */
export const TRIGGER_SUGGEST = 'editor.action.triggerSuggest';

/** `canRun` says which editor commands the client runs: items carry no other. */
export function provideCompletion(ws: PlanWorkspace, doc: PlanDocument, position: Position, canRun: (command: string) => boolean = () => true): CompletionList {
  const result: CompletionList = { isIncomplete: false, items: [] };
  result.items = complete(ws, doc, position, result);
  if (!canRun(TRIGGER_SUGGEST)) for (const item of result.items) if (item.command?.command === TRIGGER_SUGGEST) delete item.command;
  return result;
}

// ---------------------------------------------------------------------------------------------
// The cursor's line and the lines above it

interface Cursor extends CursorLine {
  /** The list being answered: marked incomplete when items were left out. */
  list: CompletionList;
}


/** A line (or list item) that starts with `key:`. */
const KEY_START = /^(?:[A-Za-z_$][\w$.-]*|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]|$)/;
const REF_KEYS: ReadonlySet<string> = new Set(Object.keys(REF_FIELDS));



function spaces(n: number): string {
  return ' '.repeat(Math.max(0, n));
}

// ---------------------------------------------------------------------------------------------
// Dispatch

const REF_ON_LINE = new RegExp(`^( *)(?:- +)?(${Object.keys(REF_FIELDS).join('|')})[ \\t]*:(.*)$`);
const KEY_PREFIX = /^( *)(- +)?([A-Za-z_$][\w$-]*)?$/;
const LIST_VALUE_PREFIX = /^( *)- +(.*)$/;
/** `kind: ` of a unit, and what is typed of its value. */
const KIND_ON_LINE = /^( *)(?:- +)?kind[ \t]*:((?:[ \t][^#]*)?)$/;
/**
 * The value being typed after a `key:` inside a flow mapping on the cursor's line: a scalar up to
 * the cursor, or a `[...]` list still open.
 */
const FLOW_VALUE = new RegExp(`[{,][ \\t]*(${[...Object.keys(REF_FIELDS), 'kind'].join('|')})[ \\t]*:((?:[^,{}\\[\\]"'#]|"[^"]*"|'[^']*')*|[ \\t]*\\[[^\\]]*)$`);

function complete(ws: PlanWorkspace, doc: PlanDocument, position: Position, list: CompletionList): CompletionItem[] {
  const c: Cursor = { ...cursorLine(ws, doc, doc.lines.offsetAt(position)), list };
  const { lineStart, text, col } = c;
  if (inBlockScalar(c)) return [];
  // Years, values and new entries inside measures and milestones (measureCompletion.ts).
  const inMeasure = measureCompletion(c);
  if (inMeasure) return inMeasure;

  // A value inside a flow mapping: `- { id: "1.4", lead: |, related: [|] }` (see flowValue).
  const flow = flowValue(c);
  if (flow) return flow;
  // A key inside a flow mapping: `- { id: "1.4", ti| }`, `organization: { name: X, | }`.
  const flowKeyItems = flowKey(c);
  if (flowKeyItems) return flowKeyItems;
  // The kind of a unit: the kinds the workspace's units use.
  const kind = KIND_ON_LINE.exec(c.prefix);
  if (kind) {
    const unit = unitAt(c.doc.model, lineStart + kind[1].length);
    return unit ? unitKinds(c, lineStart + c.prefix.length - kind[2].length, text.length) : [];
  }

  // A value of `lead`, `support` or `related` on the key's own line.
  const onLine = REF_ON_LINE.exec(c.prefix);
  if (onLine) {
    const keyOffset = lineStart + c.prefix.indexOf(onLine[2], onLine[1].length);
    return refValues(c, onLine[2], keyOffset, lineStart + c.prefix.length - onLine[3].length);
  }

  // An entry of a block list: of `lead`/`support`/`related`, or a new goal, objective, unit...
  const dashed = LIST_VALUE_PREFIX.exec(c.prefix);
  if (dashed) {
    const parent = listParent(c.doc, c.line, dashed[1].length, true);
    if (parent && REF_KEYS.has(parent.key)) {
      return refValues(c, parent.key, parent.info.start + parent.info.content, lineStart + c.prefix.length - dashed[2].length);
    }
  }

  const key = KEY_PREFIX.exec(c.prefix);
  if (!key) return [];
  const [, indent, dash, typed = ''] = key;
  const wordEnd = col + /^[\w$-]*/.exec(c.suffix)![0].length;
  const word = { start: lineStart + col - typed.length, end: lineStart + wordEnd };
  const after = text.slice(wordEnd);
  const hasColon = /^[ \t]*:/.test(after);

  if (dash) {
    // `- ` then perhaps the start of a key: the first field of a new list entry.
    const list = listAt(c, indent.length, true);
    const keyCol = indent.length + dash.length;
    const out: CompletionItem[] = [];
    // No list has its entries at this column: a new entry of a list the line is inside, at the list's column.
    if (!list) return after.trim() ? out : reindentedItemSnippets(c, indent.length, word);
    if (isItemKind(list.kind) && !after.trim()) out.push(newItemSnippet(c, list, keyCol, word, false));
    const owner: Owner = { kind: list.kind, fields: [], newNumber: isItemKind(list.kind) ? nextNumber(list.parent, list.siblings) : undefined };
    out.push(...keyItems(c, owner, keyCol, word, hasColon));
    return out;
  }

  const blank = !typed && !c.suffix.trim();
  const out: CompletionItem[] = [];
  if (blank) {
    // A blank line at the column of a list's entries: a new entry.
    const list = listAt(c, col, false);
    if (list && isItemKind(list.kind)) out.push(newItemSnippet(c, list, col + 2, word, true));
  }
  const owner = mappingAt(c, indent.length);
  if (owner) out.push(...keyItems(c, owner, indent.length, word, hasColon));
  // At no mapping's key column: a new entry of a list the line is inside, at the list's column.
  else if (!after.trim()) out.push(...reindentedItemSnippets(c, indent.length, word));
  return out;
}

/** Inside the text of a `|` or `>` block (a description), where nothing is to be completed. */
function inBlockScalar(c: Cursor): boolean {
  const m = c.doc.model;
  const fields: Field[] = [];
  const item = itemAt(m, c.offset);
  if (item) fields.push(...item.fields);
  const unit = unitAt(m, c.offset);
  if (unit) fields.push(...unit.fields);
  for (const v of m.values) if (contains(v.span, c.offset)) fields.push(...v.fields);
  for (const s of m.sections) fields.push({ key: s.key, keySpan: s.keySpan, valueSpan: s.valueSpan }, ...s.fields);
  const blank = !c.text.trim();
  const column = blank ? c.col : /^ */.exec(c.text)![0].length;
  let next: number | undefined;
  for (const f of fields) {
    if (f.valueSpan.start >= c.lineStart || c.offset > f.valueSpan.end) continue;
    const ch = c.doc.text[f.valueSpan.start];
    if (ch !== '|' && ch !== '>') continue;
    const keyLine = c.doc.lines.positionAt(f.keySpan.start).line;
    const keyIndent = lineInfo(c.doc, keyLine)?.indent ?? 0;
    if (column > keyIndent) return true;
    // A blank line between two lines of the text belongs to the text, whatever the cursor's column.
    if (blank && (next ??= nextLineStart(c)) < f.valueSpan.end) return true;
  }
  return false;
}

/** Start of the content of the next line that is not blank (the text's end when there is none). */
function nextLineStart(c: Cursor): number {
  for (let n = c.line + 1; n < c.doc.lines.lineCount; n++) {
    const text = lineText(c.doc, n);
    if (text.trim()) return c.doc.lines.lineStart(n) + (text.length - text.trimStart().length);
  }
  return c.doc.text.length;
}

// ---------------------------------------------------------------------------------------------
// Which mapping or list a line belongs to

interface Owner {
  kind: KeyOwner;
  /** Keys the mapping already has. */
  fields: Field[];
  item?: PlanItem;
  /** For a new entry of a list of items: the number it will take. */
  newNumber?: string;
}

interface ListOwner {
  kind: KeyOwner;
  parent?: PlanItem;
  siblings: PlanItem[];
}

/** The mapping whose keys sit at column `col`, found from the nearest line above at that column or less. */
function mappingAt(c: Cursor, col: number): Owner | undefined {
  for (const info of linesAbove(c.doc, c.line)) {
    if (info.indent > col) continue;
    if (info.content === col) return KEY_START.test(info.body) ? ownerOfKey(c, info) : undefined;
    if (info.indent === col && info.dash) continue; // entries of a list written at its key's column
    if (info.indent < col) {
      const key = KEY_ONLY.exec(info.body)?.[1];
      if (info.content === 0 && (key === 'organization' || key === 'period')) {
        const section = c.doc.model.sections.find((s) => s.key === key && s.keySpan.start === info.start);
        return { kind: key, fields: section?.fields ?? [] };
      }
      return undefined;
    }
    return undefined;
  }
  return col === 0 ? planOwner(c) : undefined;
}

function planOwner(c: Cursor): Owner {
  return { kind: 'plan', fields: c.doc.model.sections.map((s) => ({ key: s.key, keySpan: s.keySpan, valueSpan: s.valueSpan })) };
}

/** The model's owner of the key that starts the line `info`. */
function ownerOfKey(c: Cursor, info: LineInfo): Owner | undefined {
  if (info.content === 0) return planOwner(c);
  return ownerAt(c, info.start + info.content);
}

/** The item, measure, milestone, unit, value, `organization` or `period` whose mapping holds `offset`. */
function ownerAt(c: Cursor, offset: number): Owner | undefined {
  const m = c.doc.model;
  const item = itemAt(m, offset);
  // A key of a measure or a milestone of the item.
  const measure = item?.measures?.find((x) => contains(x.span, offset));
  if (measure) return { kind: 'measure', fields: measure.fields };
  const milestone = item?.milestones?.find((x) => contains(x.span, offset));
  if (milestone) return { kind: 'milestone', fields: milestone.fields };
  if (item) return { kind: item.kind, fields: item.fields, item };
  const unit = unitAt(m, offset);
  if (unit) return { kind: 'unit', fields: unit.fields };
  const value = m.values.find((v) => contains(v.span, offset));
  if (value) return { kind: 'value', fields: value.fields };
  const section = m.sections.find((s) => (s.key === 'organization' || s.key === 'period') && contains(s.valueSpan, offset));
  if (section) return { kind: section.key as KeyOwner, fields: section.fields };
  return undefined;
}


/** What kind of entries the block list with `- ` markers at column `col` holds. */
function listAt(c: Cursor, col: number, marked: boolean): ListOwner | undefined {
  const parent = listParent(c.doc, c.line, col, marked);
  if (!parent) return undefined;
  const m = c.doc.model;
  const { key, info } = parent;
  if (info.content === 0 && !info.dash) {
    if (key === 'goals') return { kind: 'goal', siblings: m.goals };
    if (key === 'units') return { kind: 'unit', siblings: [] };
    if (key === 'values') return { kind: 'value', siblings: [] };
    return undefined;
  }
  const owner = itemAt(m, info.start + info.content);
  if (!owner || CHILDREN_KEY[owner.kind] !== key) return undefined;
  return { kind: CHILD_KIND[owner.kind]!, parent: owner, siblings: owner.children };
}

function isItemKind(k: KeyOwner): k is ItemKind {
  return k === 'goal' || k === 'objective' || k === 'subobjective';
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** The item's number as written when it is well formed, else the number its place gives it. */
function numberOf(item: PlanItem): string {
  const t = item.id?.text;
  const depth = ITEM_DEPTH[item.kind];
  if (t !== undefined && new RegExp(`^\\d+(?:\\.\\d+){${depth - 1}}$`).test(t)) return t;
  return item.parent ? `${numberOf(item.parent)}.${item.index + 1}` : String(item.index + 1);
}

/** "1.3" for an item numbered 1.2: its number once an entry is added before it. */
function numberAfter(item: PlanItem): string {
  const t = item.id!.text;
  const dot = t.lastIndexOf('.');
  return t.slice(0, dot + 1) + (Number(t.slice(dot + 1)) + 1);
}

/** One more than the highest well-formed number among the siblings under `parent`. */
function nextNumber(parent: PlanItem | undefined, siblings: PlanItem[]): string {
  const prefix = parent ? numberOf(parent) + '.' : '';
  let max = 0;
  for (const s of siblings) {
    const t = s.id?.text;
    if (t === undefined || !t.startsWith(prefix)) continue;
    const rest = t.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return prefix + (max + 1);
}

/**
 * The number a new entry typed at the cursor should have: one more than the sibling before it
 * (1 for the first). When siblings after it already have that number and the ones after, they
 * move up by one in the same edit, with their descendants' numbers and the `related` entries
 * naming any of them (links follow items, as in Renumber).
 */
function fittingNumber(c: Cursor, list: ListOwner): { n: string; shifted: PlanItem[]; edits: TextEdit[] } {
  const prefix = list.parent ? numberOf(list.parent) + '.' : '';
  const own = (s: PlanItem) => {
    const t = s.id?.text;
    if (t === undefined || !t.startsWith(prefix) || !/^\d+$/.test(t.slice(prefix.length))) return undefined;
    return Number(t.slice(prefix.length));
  };
  let prev = 0;
  const after: PlanItem[] = [];
  for (const s of list.siblings) {
    // yaml's span of the entry before runs on over blank lines: where an entry starts decides.
    if (s.span.start < c.offset) prev = own(s) ?? prev;
    else if (s.span.start > c.offset) after.push(s);
  }
  const n = prev + 1;
  const shifted: PlanItem[] = [];
  let next = n;
  for (const s of after) {
    if (own(s) !== next) break;
    shifted.push(s);
    next++;
  }
  const edits: TextEdit[] = [];
  if (shifted.length) {
    const doc = c.doc;
    const renamed = new Map<PlanItem, string>();
    const walk = (item: PlanItem, from: string, to: string) => {
      for (const ch of item.children) {
        const t = ch.id?.text;
        if (t?.startsWith(from + '.')) {
          const id = to + t.slice(from.length);
          renamed.set(ch, id);
          walk(ch, t, id);
        }
      }
    };
    for (const s of shifted) {
      const id = prefix + (own(s)! + 1);
      renamed.set(s, id);
      walk(s, s.id!.text, id);
    }
    const add = (s: ScalarText, id: string) => {
      const e = scalarEdit(doc, s, id, { quoteDotted: true });
      if (e) edits.push(e);
    };
    for (const [item, id] of renamed) add(item.id!, id);
    for (const ref of doc.model.refs) {
      if (refKind(ref) !== 'item') continue;
      const target = doc.model.itemsById.get(ref.target.text)?.[0];
      const id = target && renamed.get(target);
      if (id !== undefined) add(ref.target, id);
    }
  }
  return { n: prefix + n, shifted, edits: sortEdits(edits) };
}

function newItemSnippet(c: Cursor, list: ListOwner, keyCol: number, word: { start: number; end: number }, withDash: boolean): CompletionItem {
  const kind = list.kind as ItemKind;
  const fit = fittingNumber(c, list);
  const n = fit.n;
  const nl = c.eol;
  const pad = spaces(keyCol);
  let body = `id: "${n}"${nl}${pad}title: \${1:Title}`;
  if (kind === 'goal') body += `${nl}${pad}objectives:${nl}${spaces(keyCol + 2)}- id: "${n}.1"${nl}${spaces(keyCol + 4)}title: $2`;
  const text = (withDash ? '- ' : '') + body;
  const noun = kindWord(kind);
  const label = `New ${noun} ${n}`;
  const where = list.parent ? ` of ${kindWord(list.parent.kind)} ${numberOf(list.parent)}` : '';
  const moved = fit.shifted.length
    ? `; ${fit.shifted.length === 1 ? `${fit.shifted[0].id!.text} becomes` : `${fit.shifted[0].id!.text}–${fit.shifted[fit.shifted.length - 1].id!.text} become`} ${numberAfter(fit.shifted[0])}${fit.shifted.length > 1 ? `–${numberAfter(fit.shifted[fit.shifted.length - 1])}` : ''}, links following`
    : '';
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail: `Adds ${noun} ${n}${where}${moved}`,
    ...(fit.edits.length ? { additionalTextEdits: fit.edits } : {}),
    documentation: { kind: MarkupKind.Markdown, value: ['```yaml', (withDash ? '' : '- ') + body.replace(/\$\{1:Title\}/, 'Title').replace(/\$\d/g, ''), '```'].join('\n') },
    sortText: '0',
    insertText: text,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: rangeOf(c, word), newText: text },
  };
}

// ---------------------------------------------------------------------------------------------
// Keys from the schema

type Schema = Record<string, any>;

function resolve(s: Schema | undefined): Schema | undefined {
  for (let hops = 0; s && typeof s.$ref === 'string' && hops < 8; hops++) {
    const m = /^#\/\$defs\/(.+)$/.exec(s.$ref);
    s = m ? PLAN_SCHEMA.$defs?.[m[1]] : undefined;
  }
  return s;
}

function schemaOf(kind: KeyOwner): Schema | undefined {
  const p = PLAN_SCHEMA.properties ?? {};
  switch (kind) {
    case 'plan': return PLAN_SCHEMA;
    case 'organization': return resolve(p.organization);
    case 'period': return resolve(p.period);
    case 'value': return resolve(resolve(p.values)?.items);
    case 'unit': return resolve(resolve(p.units)?.items);
    case 'goal': return resolve(resolve(p.goals)?.items);
    case 'objective': return resolve(resolve(schemaOf('goal')?.properties?.objectives)?.items);
    case 'subobjective': return resolve(resolve(schemaOf('objective')?.properties?.subobjectives)?.items);
    case 'measure':
    case 'milestone': return PLAN_SCHEMA.$defs?.[kind];
  }
}

/** The description of a property: its own, else that of what its `$ref` points at. */
function describe(prop: Schema): string | undefined {
  if (typeof prop.description === 'string') return prop.description;
  return resolve(prop)?.description;
}

/** Field names for `owner`'s mapping; `flow`: inside `{ ... }`, where a key is followed by `key: ` only (no snippet of lines). */
function keyItems(c: Cursor, owner: Owner, keyCol: number, word: { start: number; end: number }, hasColon: boolean, flow = false): CompletionItem[] {
  const schema = schemaOf(owner.kind);
  const props: Record<string, Schema> = schema?.properties ?? {};
  const lineEnd = c.lineStart + c.text.length;
  const present = new Set((flow ? owner.fields : owner.fields.filter((f) => f.keySpan.start < c.lineStart || f.keySpan.start > lineEnd)).map((f) => f.key));
  const out: CompletionItem[] = [];
  Object.keys(props).forEach((key, i) => {
    if (key === '$schema' || present.has(key)) return;
    const prop = props[key];
    const doc = describe(prop);
    const snippet = hasColon || flow ? undefined : keySnippet(c, owner, key, keyCol);
    const text = hasColon ? key : snippet ?? `${key}: `;
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Property,
      sortText: `1${String(i).padStart(3, '0')}`,
      insertText: text,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: rangeOf(c, word), newText: text },
    };
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
    if (snippet && snippet.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
    if (!hasColon && REF_KEYS.has(key)) item.command = { title: 'Suggest', command: TRIGGER_SUGGEST };
    out.push(item);
  });
  return out;
}

/** A snippet for a key whose value is a list or a group of fields, or an item's number. */
function keySnippet(c: Cursor, owner: Owner, key: string, col: number): string | undefined {
  const nl = c.eol;
  const p1 = spaces(col + 2);
  const p2 = spaces(col + 4);
  const own = owner.item ? numberOf(owner.item) : owner.newNumber;
  switch (key) {
    case 'planwright':
      return owner.kind === 'plan' ? 'planwright: 1' : undefined;
    case 'organization':
      return owner.kind === 'plan' ? `organization:${nl}${p1}name: $1` : undefined;
    case 'period':
      return owner.kind === 'plan' ? `period:${nl}${p1}start: $1${nl}${p1}end: $2` : undefined;
    case 'values':
      return owner.kind === 'plan' ? `values:${nl}${p1}- name: $1` : undefined;
    case 'units':
      return owner.kind === 'plan' ? `units:${nl}${p1}- id: $1${nl}${p2}name: $2` : undefined;
    case 'goals':
      return owner.kind === 'plan' ? `goals:${nl}${p1}- id: "\${1:${nextNumber(undefined, c.doc.model.goals)}}"${nl}${p2}title: $2` : undefined;
    case 'objectives':
    case 'subobjectives':
      if (!isItemKind(owner.kind) || CHILDREN_KEY[owner.kind] !== key || own === undefined) return undefined;
      return `${key}:${nl}${p1}- id: "\${1:${own}.1}"${nl}${p2}title: $2`;
    case 'id':
      return isItemKind(owner.kind) && own !== undefined ? `id: "\${1:${own}}"` : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Unit ids and item numbers

/**
 * Completes the entry being typed in a `lead`, `support` or `related` value. `keyOffset` is where
 * the key is written; `valueStart` where the value (or the list entry) starts on the cursor's line.
 */
function refValues(c: Cursor, key: string, keyOffset: number, valueStart: number, valueEnd?: number): CompletionItem[] {
  // `aligns: DHS 2.3`: an acronym, a space, a number of that plan (features/alignment.ts).
  if (isRefField(key) && REF_FIELDS[key] === 'alignment') return alignmentCompletions(c.ws, c.doc, c, valueStart, c.list);
  const from = valueStart - c.lineStart;
  const before = c.prefix.slice(from);
  if (before.includes('#')) return [];
  // The entry under the cursor starts after the last `[` or `,` of a flow list.
  const cut = before.trimStart().startsWith('[') ? Math.max(before.lastIndexOf('['), before.lastIndexOf(',')) + 1 : 0;
  let token = before.slice(cut);
  const lead = token.length - token.trimStart().length;
  token = token.slice(lead);
  const quote = token[0] === '"' || token[0] === "'" ? token[0] : undefined;
  const typed = quote ? token.slice(1) : token;
  if (/[\s"',[\]{}#]/.test(typed)) return [];
  const wordEnd = c.col + /^[^\s"',[\]{}#]*/.exec(c.suffix)![0].length;
  const word = { start: c.lineStart + c.col - typed.length, end: c.lineStart + wordEnd };
  const closed = quote !== undefined && c.text[wordEnd] === quote;
  const space = !quote && c.text[word.start - c.lineStart - 1] === ':' ? ' ' : '';
  const close = quote && !closed ? quote : '';

  // Entries already written: on this line (but the one being typed) and, for a block list, on its other lines.
  const rest = (c.text.slice(from, word.start - c.lineStart) + ' ' + c.text.slice(wordEnd, valueEnd)).replace(/\s#.*$/, '');
  const listed = new Set(rest.split(/[[\],\s"']+/).filter(Boolean));
  const owner = itemAt(c.doc.model, keyOffset);
  const lineEnd = c.lineStart + c.text.length;
  // A measure's `lead` lists the measure's units; an item's, the item's.
  const measure = owner?.measures?.find((m) => contains(m.span, keyOffset));
  for (const r of owner?.refs ?? []) {
    if (r.field === key && r.measure === measure && (r.target.span.end < c.lineStart || r.target.span.start > lineEnd)) listed.add(r.target.text);
  }

  const range = rangeOf(c, word);
  const out: CompletionItem[] = [];
  if (isRefField(key) && REF_FIELDS[key] === 'item') {
    const seen = new Set<string>();
    // A plan of thousands of items: offer the numbers that start with what is typed, a few
    // hundred at a time (a 63k-line plan's full list was 7.7 MB per request).
    const large = c.doc.model.items.length > MAX_RELATED_ITEMS;
    c.doc.model.items.forEach((item, i) => {
      const id = item.id?.text;
      if (id === undefined || item === owner || seen.has(id) || listed.has(id)) return;
      if (large && !id.startsWith(typed)) return;
      if (out.length >= MAX_RELATED_ITEMS) {
        c.list.isIncomplete = true;
        return;
      }
      seen.add(id);
      const newText = quote ? id + close : `${space}"${id}"`;
      const parts = [breadcrumb(item)];
      if (item.description) parts.push(item.description);
      out.push({
        label: id,
        kind: CompletionItemKind.Reference,
        detail: item.title,
        documentation: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
        sortText: String(i).padStart(5, '0'),
        filterText: id,
        insertText: newText,
        textEdit: { range, newText },
      });
    });
    return out;
  }

  // Units: this plan's in their order, then those of the other plans of the workspace.
  const units: { id: string; name?: string; kind?: string; description?: string; uri?: string }[] = [];
  const seen = new Set<string>();
  for (const u of c.doc.model.units) {
    if (!u.id || seen.has(u.id.text)) continue;
    seen.add(u.id.text);
    units.push({ id: u.id.text, name: u.name, kind: u.kind, description: u.description });
  }
  const others = [...c.ws.units().entries()].filter(([id]) => !seen.has(id)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, defs] of others) {
    const d = defs.find((x) => x.uri !== c.doc.uri) ?? defs[0];
    units.push({ id, name: d.unit.name, kind: d.unit.kind, description: d.unit.description, uri: d.uri });
  }
  units.forEach((u, i) => {
    if (listed.has(u.id)) return;
    const newText = space + u.id + close;
    const parts: string[] = [];
    if (u.name) parts.push(`**${u.name}**${u.kind ? ` (${u.kind})` : ''}`);
    if (u.description) parts.push(u.description);
    if (u.uri) parts.push(`Defined in ${fileNameOf(u.uri)}.`);
    const item: CompletionItem = {
      label: u.id,
      kind: CompletionItemKind.Value,
      sortText: String(i).padStart(5, '0'),
      filterText: u.id,
      insertText: newText,
      textEdit: { range, newText },
    };
    if (u.name) item.detail = u.name;
    if (parts.length) item.documentation = { kind: MarkupKind.Markdown, value: parts.join('\n\n') };
    out.push(item);
  });
  return out;
}


// ---------------------------------------------------------------------------------------------
// Flow mappings, unit kinds, new entries at any indentation

/** A key, or the start of one, typed right after the `{` or a `,` of a flow mapping on the cursor's line. */
const FLOW_KEY = /[{,][ \t]*([A-Za-z_$][\w$-]*)?$/;

/**
 * The fields a flow mapping may have (`- { id: "1.4", title: x, le| }`), less those it has:
 * the owner is the item, unit, measure... the model reads at the mapping's `{`.
 */
function flowKey(c: Cursor): CompletionItem[] | undefined {
  const m = FLOW_KEY.exec(c.prefix);
  if (!m) return undefined;
  const brace = openFlowMapping(c.prefix.slice(0, m.index + 1));
  if (brace === undefined) return undefined;
  const owner = ownerAt(c, c.lineStart + brace + 1);
  if (!owner) return undefined;
  // The mapping is the value of one of the owner's fields (`baseline: { year: 2020, | }`), not the owner's own.
  const at = c.lineStart + brace;
  if (owner.fields.some((f) => f.valueSpan.start <= at && at < f.valueSpan.end)) return [];
  const typed = m[1] ?? '';
  const wordEnd = c.col + /^[\w$-]*/.exec(c.suffix)![0].length;
  const word = { start: c.lineStart + c.col - typed.length, end: c.lineStart + wordEnd };
  const hasColon = /^[ \t]*:/.test(c.text.slice(wordEnd));
  // Every key of the mapping is on this line: the one being typed is not "present".
  const others: Owner = { ...owner, fields: owner.fields.filter((f) => f.keySpan.start !== word.start) };
  return keyItems(c, others, 0, word, hasColon, true);
}

/**
 * The column of the `{` of the flow mapping open at the end of `prefix` (the innermost open
 * bracket is a `{`), read as YAML reads a line; undefined when there is none or a comment starts.
 * A bracket or a quote begins a collection or a quoted text only where a node begins (the line's
 * start, after `- `, `? `, `: ` or a flow indicator): `title: Reduce costs {phase 1, ` is one
 * plain text, and so is `Don't` inside `{ title: Don't stop }`. A quoted text ends at its
 * closing quote, not at an escaped one (`\"` in double quotes, `''` in single quotes).
 */
function openFlowMapping(prefix: string): number | undefined {
  const open: number[] = [];
  const blankOrEnd = (j: number) => j >= prefix.length || prefix[j] === ' ' || prefix[j] === '\t';
  let nodeStart = true;
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i];
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === 0 || prefix[i - 1] === ' ' || prefix[i - 1] === '\t')) return undefined;
    if (nodeStart && (ch === '"' || ch === "'")) {
      let close = -1;
      for (let j = i + 1; j < prefix.length; j++) {
        if (ch === '"' && prefix[j] === '\\') j++;
        else if (prefix[j] === ch) {
          if (ch === "'" && prefix[j + 1] === "'") j++;
          else {
            close = j;
            break;
          }
        }
      }
      if (close < 0) return undefined;
      i = close;
      nodeStart = false;
    } else if (nodeStart && (ch === '&' || ch === '!')) {
      // An anchor or a tag: the node follows it.
      while (i + 1 < prefix.length && !blankOrEnd(i + 1) && !(open.length && /[,[\]{}]/.test(prefix[i + 1]))) i++;
    } else if ((ch === '{' || ch === '[') && (nodeStart || open.length)) {
      open.push(i);
      nodeStart = true;
    } else if ((ch === '}' || ch === ']') && open.length) {
      open.pop();
      nodeStart = false;
    } else if (ch === ',' && open.length) nodeStart = true;
    else if (ch === ':' && (blankOrEnd(i + 1) || (open.length && /[,[\]{}]/.test(prefix[i + 1])))) nodeStart = true;
    else if ((ch === '-' || ch === '?') && nodeStart && !open.length && blankOrEnd(i + 1)) nodeStart = true;
    else nodeStart = false;
  }
  const last = open[open.length - 1];
  return last !== undefined && prefix[last] === '{' ? last : undefined;
}

/** A value of `lead`, `support`, `related` or `kind` typed inside `{ ... }` on the cursor's line. */
function flowValue(c: Cursor): CompletionItem[] | undefined {
  const m = FLOW_VALUE.exec(c.prefix);
  if (!m) return undefined;
  const [whole, key, value] = m;
  // Inside a text that holds a `{` (`title: Reduce costs {phase 1, lead: `), not a mapping.
  if (openFlowMapping(c.prefix.slice(0, m.index + 1)) === undefined) return undefined;
  const keyOffset = c.lineStart + m.index + whole.indexOf(key, 1);
  const valueStart = c.lineStart + c.prefix.length - value.length;
  // The value ends at the `,` or `}` after it (`]` for a list): what follows belongs to other keys.
  const list = value.trimStart().startsWith('[');
  const end = c.col + (list ? /^[^\]]*/ : /^[^,}]*/).exec(c.suffix)![0].length;
  if (key === 'kind') return unitAt(c.doc.model, keyOffset) ? unitKinds(c, valueStart, end) : [];
  return refValues(c, key, keyOffset, valueStart, end);
}

/**
 * The kinds the workspace's units use, the most used first, for the value of a unit's `kind`
 * that starts at `valueStart` (ends at column `end` of the line, before any comment).
 */
function unitKinds(c: Cursor, valueStart: number, end: number): CompletionItem[] {
  let from = valueStart - c.lineStart;
  while (c.text[from] === ' ' || c.text[from] === '\t') from++;
  let to = Math.max(c.col, end);
  const hash = c.text.slice(0, to).search(/\s#/);
  if (hash >= c.col) to = hash;
  while (to > c.col && /\s/.test(c.text[to - 1])) to--;
  const space = c.text[from - 1] === ':' ? ' ' : '';
  const range = rangeOf(c, { start: c.lineStart + Math.min(from, c.col), end: c.lineStart + to });
  return workspaceUnitKinds(c.ws).map(({ kind, count: n }, i) => ({
    label: kind,
    kind: CompletionItemKind.EnumMember,
    detail: `used by ${n} unit${n === 1 ? '' : 's'}`,
    sortText: String(i).padStart(5, '0'),
    filterText: kind,
    textEdit: { range, newText: space + kind },
  }));
}

/**
 * New entries of the lists of goals, objectives and sub-objectives that the cursor's line is
 * inside, whatever its indentation: the edit replaces the line from its start, so the entry is
 * written at its list's column. A list is offered only where its entry would end the entry
 * above (the next line is at its column or less): a new goal must not cut goal 1 in two. The
 * list at the line's own column is left to the caller (its usual snippet).
 */
function reindentedItemSnippets(c: Cursor, ownCol: number, word: { start: number; end: number }): CompletionItem[] {
  const next = nextContentIndent(c);
  const out: CompletionItem[] = [];
  let min = c.text.trim() ? ownCol : Infinity;
  for (const info of linesAbove(c.doc, c.line)) {
    if (info.indent >= min) continue;
    min = info.indent;
    if (info.dash && info.indent !== ownCol && next <= info.indent) {
      const list = listAt(c, info.indent, true);
      if (list && isItemKind(list.kind)) {
        const item = newItemSnippet(c, list, info.content, word, true);
        const newText = spaces(info.indent) + (item.textEdit as TextEdit).newText;
        const typed = c.prefix.trimStart();
        out.push({ ...item, insertText: newText, filterText: typed.startsWith('-') ? `- ${item.label}` : String(item.label), textEdit: { range: rangeOf(c, { start: c.lineStart, end: word.end }), newText } });
      }
    }
    if (info.indent === 0) break;
  }
  return out;
}

/** Indentation of the next line below the cursor's that is neither blank nor a comment (-1 at the end). */
function nextContentIndent(c: Cursor): number {
  for (let n = c.line + 1; n < c.doc.lines.lineCount; n++) {
    const info = lineInfo(c.doc, n);
    if (info) return info.indent;
  }
  return -1;
}

function rangeOf(c: Cursor, s: { start: number; end: number }): Range {
  return c.doc.lines.range(s);
}
