// Completion inside measures and milestones (called from completion.ts): the plan's fiscal years
// as keys of `targets`/`results` (the next missing year first) and as a baseline's `year`,
// `direction`/`kind` values with the schema's words for each, the `unit` values the workspace's
// measures use, and snippets for a new measure (with a fresh id: PM-2.1.3 from the item's number
// and the measures already there) and a new milestone.
//
// As completion.ts does, it reads the cursor's line and the lines above it with less indentation
// to learn which list or mapping a half-typed line belongs to; what is already there comes from
// the model.
import { KEY_ONLY, lineInfo, linesAbove, listParent, type CursorLine, type LineInfo } from './lines';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { itemAt } from '../locate';
import { kindWord, type Measure, type PlanItem } from '../model';
import { PLAN_SCHEMA } from '../schema';
import { yearOf } from '../checks/measures';
import { contains } from '../text';
import { measuresById } from './definition';


type Here = CursorLine;

/** `direction: dec`, `- kind: `, `unit: per` on the key's own line. */
const VALUE_ON_LINE = /^( *)(?:- +)?(direction|kind|unit)[ \t]*:[ \t]*([\w-]*)$/;
/** A year key being typed in a block mapping. */
const YEAR_KEY = /^( *)([0-9]{0,4})$/;
/** A year key being typed in a one-line `targets: { 2026: 4, 20` (`{` or `,` before it). */
const YEAR_IN_FLOW = /^( *)(?:- +)?(targets|results)[ \t]*:[ \t]*\{[^}#]*?(?:\{|,)[ \t]*([0-9]{0,4})$/;
/** A baseline year: `baseline: { year: 20` or `year: ` under `baseline:`. */
const BASELINE_FLOW = /^( *)(?:- +)?baseline[ \t]*:[ \t]*\{(?:[^}#]*,)?[ \t]*year[ \t]*:[ \t]*([0-9]{0,4})$/;
const BASELINE_BLOCK = /^( *)year[ \t]*:[ \t]*([0-9]{0,4})$/;
/** A new list entry: a blank line, `- `, or `- i` typed. */
const NEW_ENTRY = /^( *)(- +)?([A-Za-z]*)$/;

/** Completions for a place inside a measure or a milestone, or undefined when the cursor is elsewhere. */
/** `h`: the cursor's line, as completion.ts read it. */
export function measureCompletion(h: CursorLine): CompletionItem[] | undefined {
  const { doc, offset, lineStart, text, col } = h;
  if (/^[ -]*#/.test(h.prefix)) return undefined;

  const v = VALUE_ON_LINE.exec(h.prefix);
  if (v) {
    const keyCol = h.prefix.indexOf(v[2], v[1].length);
    if (parentKey(h, keyCol) !== 'measures') return undefined;
    return valueItems(h, v[2], v[3]);
  }

  const flow = YEAR_IN_FLOW.exec(h.prefix);
  if (flow) {
    const keyCol = h.prefix.indexOf(flow[2], flow[1].length);
    if (parentKey(h, keyCol) !== 'measures') return undefined;
    // The years of the line itself (the model may not have read a half-typed line).
    const onLine = [...h.text.matchAll(/[{,][ \t]*([0-9]{4})[ \t]*:/g)].map((x) => Number(x[1]));
    return yearItems(h, flow[2] as 'targets' | 'results', measureAt(h, lineStart + keyCol), flow[3], onLine);
  }
  const bflow = BASELINE_FLOW.exec(h.prefix);
  if (bflow) {
    const keyCol = h.prefix.indexOf('baseline', bflow[1].length);
    if (parentKey(h, keyCol) !== 'measures') return undefined;
    return baselineItems(h, measureAt(h, lineStart + keyCol), bflow[2]);
  }
  const bblock = BASELINE_BLOCK.exec(h.prefix);
  if (bblock) {
    const head = headAbove(h, bblock[1].length);
    if (head?.key !== 'baseline' || parentKey(h, head.info.content, head.info.line) !== 'measures') return undefined;
    return baselineItems(h, measureAt(h, head.info.start + head.info.content), bblock[2]);
  }
  const year = YEAR_KEY.exec(h.prefix);
  if (year && !text.slice(col).trim()) {
    const head = headAbove(h, year[1].length);
    if ((head?.key === 'targets' || head?.key === 'results') && parentKey(h, head.info.content, head.info.line) === 'measures') {
      return yearItems(h, head.key, measureAt(h, head.info.start + head.info.content), year[2], blockYears(h, head.info.line, year[1].length));
    }
  }

  const entry = NEW_ENTRY.exec(h.prefix);
  if (entry && !text.slice(col).trim()) {
    const dashCol = entry[1].length;
    const list = listParent(h.doc, h.line, dashCol, !!entry[2]);
    if (list && (list.key === 'measures' || list.key === 'milestones')) {
      const owner = itemAt(doc.model, list.info.start + list.info.content);
      if (!owner || !owner.fields.some((f) => f.key === list.key && f.keySpan.start === list.info.start + list.info.content)) return undefined;
      const keyCol = entry[2] ? dashCol + entry[2].length : dashCol + 2;
      const range = { start: lineStart + col - entry[3].length, end: offset };
      return [list.key === 'measures' ? measureSnippet(h, owner, keyCol, !entry[2], range) : milestoneSnippet(h, keyCol, !entry[2], range)];
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Lines



/** The `key:` line a block mapping whose keys sit at column `col` hangs from (`targets:` above `2026: 4`). */
function headAbove(h: Here, col: number): { key: string; info: LineInfo } | undefined {
  for (const l of linesAbove(h.doc, h.line)) {
    if (l.indent > col) continue;
    if (l.indent === col && !l.dash) continue; // another key of the same mapping
    if (l.content >= col) return undefined; // the mapping is a list entry, not a key's value
    const key = KEY_ONLY.exec(l.body)?.[1];
    return key === undefined ? undefined : { key, info: l };
  }
  return undefined;
}

/**
 * The key of the list that holds the mapping whose keys sit at column `col`, for a key on line
 * `from` (the cursor's by default): `measures` for a key of a measure. Undefined when that
 * mapping is not an entry of a block list.
 */
function parentKey(h: Here, col: number, from = h.line): string | undefined {
  // The entry's `- ` is on the key's own line, or on a line above whose content is at `col`.
  let dashCol: number | undefined;
  const own = from === h.line ? /^( *)- +/.exec(h.prefix) : undefined;
  const first = from === h.line ? undefined : lineInfo(h.doc, from);
  if (own && own[0].length === col) dashCol = own[1].length;
  else if (first?.dash && first.content === col) dashCol = first.indent;
  else {
    for (const l of linesAbove(h.doc, from)) {
      if (l.indent > col || (l.indent === col && !l.dash)) continue;
      if (l.content === col && l.dash) {
        dashCol = l.indent;
        from = l.line;
      }
      break;
    }
  }
  if (dashCol === undefined) return undefined;
  for (const l of linesAbove(h.doc, from)) {
    if (l.indent > dashCol || (l.indent === dashCol && l.dash)) continue; // deeper lines, earlier entries
    if (l.content > dashCol) return undefined;
    return KEY_ONLY.exec(l.body)?.[1];
  }
  return undefined;
}


/** The measure of the model whose mapping holds the offset. */
function measureAt(h: Here, offset: number): Measure | undefined {
  const item = itemAt(h.doc.model, offset);
  return item?.measures?.find((m) => contains(m.span, offset));
}

// ---------------------------------------------------------------------------------------------
// Years

/** The plan's period as fiscal years, when both ends are four-digit years in order. */
function period(doc: PlanDocument): { start: number; end: number } | undefined {
  const p = doc.model.period;
  const start = Number(p?.start);
  const end = Number(p?.end);
  if (!/^[0-9]{4}$/.test(p?.start ?? '') || !/^[0-9]{4}$/.test(p?.end ?? '') || start > end) return undefined;
  return { start, end };
}

function valueOf(list: Measure['targets'], year: number): string | undefined {
  return list.find((y) => yearOf(y.year) === year)?.value?.text;
}

/**
 * The years to offer as keys of `targets` or `results`: the plan's period (or, without one, the
 * years the measure already has and the one after), less the years written; the first year after
 * the last one written comes first, then the others in order.
 */
function yearItems(h: Here, key: 'targets' | 'results', m: Measure | undefined, typed: string, onLines: number[]): CompletionItem[] {
  const own = m ? (key === 'targets' ? m.targets : m.results) : [];
  const written = new Set(own.map((y) => yearOf(y.year)).filter((y): y is number => y !== undefined));
  for (const y of onLines) written.add(y);
  const p = period(h.doc);
  let years: number[] = [];
  if (p) for (let y = p.start; y <= p.end; y++) years.push(y);
  else {
    const known = [...(m?.targets ?? []), ...(m?.results ?? [])].map((y) => yearOf(y.year)).filter((y): y is number => y !== undefined);
    if (!known.length) return [];
    const lo = Math.min(...known);
    const hi = Math.max(...known) + 1;
    for (let y = lo; y <= hi; y++) years.push(y);
  }
  years = years.filter((y) => !written.has(y));
  const last = written.size ? Math.max(...written) : undefined;
  const next = years.find((y) => last === undefined || y > last);
  const ordered = next === undefined ? years : [next, ...years.filter((y) => y !== next)];
  const range = h.doc.lines.range({ start: h.offset - typed.length, end: h.offset });
  return ordered.map((y, i) => {
    const target = m && valueOf(m.targets, y);
    const result = m && valueOf(m.results, y);
    const facts = key === 'results' ? (target !== undefined ? `target ${target}` : 'no target for this year') : result !== undefined ? `result ${result}` : undefined;
    const newText = `${y}: `;
    const item: CompletionItem = {
      label: String(y),
      kind: CompletionItemKind.Value,
      detail: `Fiscal year ${y}${y === next ? ' (next year without a ' + (key === 'targets' ? 'target' : 'result') + ')' : ''}${facts ? ` · ${facts}` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: `Fiscal year ${y}: October 1, ${y - 1} to September 30, ${y}.` },
      sortText: String(i).padStart(3, '0'),
      filterText: String(y),
      insertText: newText,
      textEdit: { range, newText },
    };
    if (i === 0) item.preselect = true;
    return item;
  });
}

/**
 * The years written as keys of the block mapping under the `targets:`/`results:` line `head`, at
 * column `col` (the cursor's line left out): a line being typed can leave the model without them.
 */
function blockYears(h: Here, head: number, col: number): number[] {
  const out: number[] = [];
  for (let n = head + 1; n < h.doc.lines.lineCount; n++) {
    if (n === h.line) continue;
    const l = lineInfo(h.doc, n);
    if (!l) continue;
    if (l.indent < col) break;
    const y = l.indent === col ? /^([0-9]{4})[ \t]*:/.exec(l.body)?.[1] : undefined;
    if (y) out.push(Number(y));
  }
  return out;
}

/** A baseline year comes before the first target: the year before it (or before the period) first, then the years before that. */
function baselineItems(h: Here, m: Measure | undefined, typed: string): CompletionItem[] {
  const firstTarget = m ? Math.min(...m.targets.map((t) => yearOf(t.year) ?? Infinity)) : Infinity;
  const p = period(h.doc);
  const before = Number.isFinite(firstTarget) ? firstTarget - 1 : p ? p.start - 1 : undefined;
  if (before === undefined) return [];
  const range = h.doc.lines.range({ start: h.offset - typed.length, end: h.offset });
  return [0, 1, 2].map((k) => {
    const y = before - k;
    return {
      label: String(y),
      kind: CompletionItemKind.Value,
      detail: k === 0 ? `Fiscal year ${y}, the year before the first target` : `Fiscal year ${y}`,
      sortText: String(k),
      insertText: String(y),
      textEdit: { range, newText: String(y) },
      ...(k === 0 ? { preselect: true } : {}),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// direction, kind, unit

type Schema = Record<string, any>;

function valueItems(h: Here, key: string, typed: string): CompletionItem[] {
  const range = h.doc.lines.range({ start: h.offset - typed.length, end: h.offset });
  const space = h.prefix.endsWith(':') ? ' ' : '';
  const prop: Schema | undefined = PLAN_SCHEMA.$defs?.measure?.properties?.[key];
  if (!prop) return [];
  if (Array.isArray(prop.enum)) {
    const words: string[] = Array.isArray(prop.markdownEnumDescriptions) ? prop.markdownEnumDescriptions : [];
    return (prop.enum as string[]).map((v, i) => ({
      label: v,
      kind: CompletionItemKind.EnumMember,
      sortText: String(i),
      filterText: v,
      ...(words[i] ? { documentation: { kind: MarkupKind.Markdown, value: words[i] } } : {}),
      insertText: space + v,
      textEdit: { range, newText: space + v },
    }));
  }
  // `unit`: the units the workspace's measures count in, most used first, and `qualitative`.
  const counts = new Map<string, number>();
  for (const d of [h.doc, ...h.ws.all().filter((d) => d.uri !== h.doc.uri)]) {
    for (const list of measuresById(d.model).values()) {
      for (const m of list) {
        const u = m.unit?.trim();
        if (u && !(d === h.doc && contains(m.span, h.offset))) counts.set(u, (counts.get(u) ?? 0) + 1);
      }
    }
  }
  if (!counts.has('qualitative')) counts.set('qualitative', 0);
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ordered.map(([u, n], i) => ({
    label: u,
    kind: CompletionItemKind.Value,
    detail: n ? `used by ${n} measure${n === 1 ? '' : 's'}` : 'for a measure whose values are words',
    sortText: String(i).padStart(4, '0'),
    filterText: u,
    insertText: space + u,
    textEdit: { range, newText: space + u },
  }));
}

// ---------------------------------------------------------------------------------------------
// Snippets

/**
 * A fresh id for a new measure of `owner`: the prefix the plan's measure ids use (PM- when it has
 * none), the item's number, and one more than the measures the item has (skipping ids taken).
 */
export function freshMeasureId(doc: PlanDocument, owner: PlanItem): string {
  const ids = measuresById(doc.model);
  const prefixes = new Map<string, number>();
  for (const id of ids.keys()) {
    const p = /^([A-Za-z]+[-_.]?)[0-9]/.exec(id)?.[1];
    if (p) prefixes.set(p, (prefixes.get(p) ?? 0) + 1);
  }
  const prefix = [...prefixes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'PM-';
  const number = owner.id?.text && /^[0-9]+(\.[0-9]+)*$/.test(owner.id.text) ? owner.id.text : undefined;
  const base = number ? `${prefix}${number}.` : prefix;
  let n = (owner.measures?.length ?? 0) + 1;
  while (ids.has(base + n)) n++;
  return base + n;
}

function measureSnippet(h: Here, owner: PlanItem, keyCol: number, withDash: boolean, range: { start: number; end: number }): CompletionItem {
  const id = freshMeasureId(h.doc, owner);
  const nl = h.eol;
  const pad = ' '.repeat(keyCol);
  const p = period(h.doc);
  const first = p?.start ?? new Date().getUTCFullYear();
  const body =
    `id: \${1:${id}}${nl}${pad}name: \${2:What is counted}${nl}${pad}unit: \${3:percent}${nl}` +
    `${pad}direction: \${4|increase,decrease,maintain|}${nl}${pad}baseline: { year: ${first - 1}, value: \${5:0} }${nl}` +
    `${pad}targets: { ${first}: \${6:0} }`;
  const text = (withDash ? '- ' : '') + body;
  const plain = body.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');
  return {
    label: `New measure ${id}`,
    kind: CompletionItemKind.Snippet,
    detail: `Adds measure ${id} to ${kindWord(owner.kind)} ${owner.id?.text ?? ''}`.trimEnd(),
    documentation: { kind: MarkupKind.Markdown, value: ['```yaml', '- ' + plain, '```'].join('\n') },
    sortText: '0',
    insertText: text,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: h.doc.lines.range(range), newText: text },
  };
}

function milestoneSnippet(h: Here, keyCol: number, withDash: boolean, range: { start: number; end: number }): CompletionItem {
  const nl = h.eol;
  const pad = ' '.repeat(keyCol);
  const p = period(h.doc);
  // The last day of the period's first fiscal year, as an example date.
  const due = `${p?.start ?? new Date().getUTCFullYear()}-09-30`;
  const body = `title: \${1:What is done}${nl}${pad}due: \${2:${due}}${nl}${pad}done: \${3|false,true|}`;
  const text = (withDash ? '- ' : '') + body;
  return {
    label: 'New milestone',
    kind: CompletionItemKind.Snippet,
    detail: 'Adds a milestone with a due date',
    documentation: { kind: MarkupKind.Markdown, value: ['```yaml', `- title: What is done${nl}  due: ${due}${nl}  done: false`, '```'].join('\n') },
    sortText: '0',
    insertText: text,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range: h.doc.lines.range(range), newText: text },
  };
}
