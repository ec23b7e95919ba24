// Navigation across aligned plans (alignment.ts resolves the entries): from a child's `aligns`
// entry to the parent's item (definition, hover, references), from a parent's item to the
// child items that support it (hover line, code lens, references), completion of entries, and
// the edits that keep children's entries following a parent's renames.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Location, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { alignLabel, alignmentRefs, parentPlan, resolveAlignment, supportersOf, type Supporter } from '../alignment';
import { addEdit, scalarEdit } from '../edits';
import { fileNameOf, type PlanDocument, type PlanWorkspace } from '../documents';
import { breadcrumb, kindWord, type PlanItem, type Reference } from '../model';
import type { Span } from '../text';
import { clip, md, mdBlock } from './hover';

const TITLE_LIMIT = 40;
const DESCRIPTION_LIMIT = 600;
/** Most numbers offered at once after `aligns: DHS ` (a parent of thousands of items). */
export const MAX_ALIGN_ITEMS = 300;

/** Go to definition on an `aligns` entry: the parent plan's item. */
export function alignmentDefinition(ws: PlanWorkspace, doc: PlanDocument, ref: Reference): Location[] {
  const r = resolveAlignment(ws, doc, ref);
  if (r.kind === 'item') return r.item.id ? [location(r.doc, r.item.id.span)] : [];
  // A plan with no such number: its file.
  if (r.kind === 'no-item') return [location(r.doc, { start: 0, end: 0 })];
  return [];
}

/** Hover on an `aligns` entry: the parent item's number, title, breadcrumb, plan and lead. */
export function alignmentHover(ws: PlanWorkspace, doc: PlanDocument, ref: Reference): string {
  const r = resolveAlignment(ws, doc, ref);
  switch (r.kind) {
    case 'format':
      return `\`${md(ref.target.text)}\` is not an acronym and a number, such as \`DHS 2.3\`.`;
    case 'none':
      return r.self ? `${md(r.entry.acronym)} is this plan's own acronym.` : `No plan in the workspace has the acronym ${md(r.entry.acronym)}.`;
    case 'missing-file':
      if (r.self) return `\`parents:\` says ${md(r.entry.acronym)}'s plan is ${md(r.path)}, which is this plan's own file.`;
      if (r.unreadable) return `\`parents:\` says ${md(r.entry.acronym)}'s plan is ${md(r.path)}, but it cannot be read: ${md(r.unreadable)}.`;
      return `\`parents:\` says ${md(r.entry.acronym)}'s plan is ${md(r.path)}, but no plan is there.`;
    case 'ambiguous':
      return `${r.docs.length} plans have the acronym ${md(r.entry.acronym)}: ${r.docs.map((d) => md(fileNameOf(d.uri))).join(', ')}. \`parents:\` says which one this plan aligns to.`;
    case 'no-item':
      return `${md(r.entry.acronym)} (${md(planName(r.doc))}) has no item numbered ${md(r.entry.number)}.`;
    case 'item': {
      const { item, doc: parent } = r;
      const parts = [`**${md(r.entry.acronym)} ${md(r.entry.number)}**${item.title ? ' — ' + md(item.title) : ''}`];
      parts.push(`${md(breadcrumb(item))} of ${md(planName(parent))}`);
      const leads = item.refs.filter((x) => x.field === 'lead' && !x.measure).map((x) => {
        const unit = parent.model.unitsById.get(x.target.text)?.[0] ?? ws.units().get(x.target.text)?.[0]?.unit;
        return unit?.name ? `${md(x.target.text)} (${md(unit.name)})` : md(x.target.text);
      });
      if (leads.length) parts.push(`Lead: ${leads.join(', ')}`);
      if (item.description?.trim()) parts.push(mdBlock(clip(item.description.trim(), DESCRIPTION_LIMIT)));
      return parts.join('\n\n');
    }
  }
}

/** For a parent's item hover: "Supported by ICE 2.1 Title; ICE 3.2 Title", or nothing. */
export function supportLine(ws: PlanWorkspace, doc: PlanDocument, item: PlanItem): string | undefined {
  const list = supportersOf(ws, doc).get(item);
  if (!list?.length) return undefined;
  return `Supported by ${supporterLabels(list).map((l) => md(l)).join('; ')}`;
}

/**
 * For the Plan view: by item of `doc`, the items of other plans aligned to it ("ICE 2.1 Title")
 * and the items of other plans it aligns to ("DHS 2 Title"), each once, in order. Items with
 * neither are absent.
 */
export function alignmentLabels(ws: PlanWorkspace, doc: PlanDocument): Map<PlanItem, { supportedBy?: string[]; supports?: string[] }> {
  const out = new Map<PlanItem, { supportedBy?: string[]; supports?: string[] }>();
  for (const [item, list] of supportersOf(ws, doc)) out.set(item, { supportedBy: supporterLabels(list) });
  for (const { ref, entry } of alignmentRefs(doc.model)) {
    // A measure's entries belong to the measure, not to its item.
    if (!entry || ref.measure) continue;
    const r = resolveAlignment(ws, doc, ref);
    if (r.kind !== 'item') continue;
    const label = r.item.title ? `${alignLabel(r.doc, r.item)} ${clip(r.item.title, TITLE_LIMIT)}` : alignLabel(r.doc, r.item);
    const at = out.get(ref.owner) ?? {};
    const supports = (at.supports ??= []);
    if (!supports.includes(label)) supports.push(label);
    out.set(ref.owner, at);
  }
  return out;
}

function supporterLabels(list: Supporter[]): string[] {
  const out: string[] = [];
  for (const s of list) {
    const owner = s.ref.owner;
    const label = s.ref.measure?.id ? `${acronymOf(s.doc)} measure ${s.ref.measure.id.text}` : alignLabel(s.doc, owner);
    const title = s.ref.measure ? s.ref.measure.name : owner.title;
    const text = title ? `${label} ${clip(title, TITLE_LIMIT)}` : label;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** The `aligns` entries of other plans that name `item` of `doc`. */
export function alignmentReferences(ws: PlanWorkspace, doc: PlanDocument, item: PlanItem): { doc: PlanDocument; span: Span }[] {
  return (supportersOf(ws, doc).get(item) ?? []).map((s) => ({ doc: s.doc, span: s.ref.target.span }));
}

/** References from an `aligns` entry: the parent's item and every entry naming it, across files. */
export function referencesFromEntry(ws: PlanWorkspace, doc: PlanDocument, ref: Reference, includeDeclaration: boolean): { doc: PlanDocument; span: Span }[] {
  const r = resolveAlignment(ws, doc, ref);
  if (r.kind !== 'item') return [{ doc, span: ref.target.span }];
  const out = includeDeclaration && r.item.id ? [{ doc: r.doc, span: r.item.id.span }] : [];
  out.push(...alignmentReferences(ws, r.doc, r.item));
  return out;
}

/** The title of the lens over an item other plans' entries support: "supported by ICE 2.1, ICE 3.2" (codeLens.ts). */
export function supportedByTitle(list: Supporter[]): string {
  const names: string[] = [];
  for (const s of list) {
    const name = s.ref.measure?.id ? `${acronymOf(s.doc)} ${s.ref.measure.id.text}` : alignLabel(s.doc, s.ref.owner);
    if (!names.includes(name)) names.push(name);
  }
  const shown = names.length > 6 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  return `supported by ${shown}`;
}

/**
 * Rename and renumber in a parent: the edits to every child's `aligns` entries naming the
 * renamed items (`renamed`: item → its new number), added to `edit`.
 */
export function alignmentRenameEdits(ws: PlanWorkspace, parent: PlanDocument, renamed: ReadonlyMap<PlanItem, string>, edit: WorkspaceEdit): void {
  for (const [item, list] of supportersOf(ws, parent)) {
    const id = renamed.get(item);
    if (id === undefined) continue;
    for (const s of list) addEdit(edit, s.doc.uri, scalarEdit(s.doc, s.ref.target, s.ref.target.text.slice(0, s.entry.numberAt) + id));
  }
}

/** Renaming a plan's acronym: every child's entry that names this plan by it. */
export function acronymRenameEdits(ws: PlanWorkspace, parent: PlanDocument, name: string, edit: WorkspaceEdit): void {
  for (const list of supportersOf(ws, parent).values()) {
    for (const s of list) {
      const t = s.ref.target.text;
      const lead = t.length - t.trimStart().length;
      addEdit(edit, s.doc.uri, scalarEdit(s.doc, s.ref.target, t.slice(0, lead) + name + t.slice(lead + s.entry.acronym.length)));
    }
  }
  // `parents:` keys naming this plan by its acronym follow too.
  for (const child of ws.all()) {
    if (child.uri === parent.uri) continue;
    const acronym = parent.model.organization?.acronym?.trim();
    for (const link of child.model.parents ?? []) {
      if (link.acronym !== acronym) continue;
      const p = parentPlan(ws, child, link.acronym);
      if (p.kind === 'plan' && p.doc.uri === parent.uri) {
        const raw = child.text.slice(link.acronymSpan.start, link.acronymSpan.end);
        const quoted = /^["']/.test(raw);
        addEdit(edit, child.uri, { range: child.lines.range(quoted ? { start: link.acronymSpan.start + 1, end: link.acronymSpan.end - 1 } : link.acronymSpan), newText: name });
      }
    }
  }
}

/**
 * Completion of an `aligns` entry being typed: the acronyms of the other plans of the workspace,
 * then, once an acronym and a space are typed, that plan's numbers with their titles.
 * `valueStart`: where the value (or the block list's entry) starts on the cursor's line.
 */
export function alignmentCompletions(ws: PlanWorkspace, doc: PlanDocument, at: { lineStart: number; text: string; col: number }, valueStart: number, list: CompletionList): CompletionItem[] {
  const from = valueStart - at.lineStart;
  const before = at.text.slice(from, at.col);
  if (before.includes('#')) return [];
  const cut = before.trimStart().startsWith('[') ? Math.max(before.lastIndexOf('['), before.lastIndexOf(',')) + 1 : 0;
  let token = before.slice(cut);
  token = token.slice(token.length - token.trimStart().length);
  const quote = token[0] === '"' || token[0] === "'" ? token[0] : undefined;
  const typed = quote ? token.slice(1) : token;
  const start = at.lineStart + at.col - typed.length;
  const suffix = at.text.slice(at.col);
  const own = doc.model.organization?.acronym?.trim();
  const range = (s: number, e: number): Range => doc.lines.range({ start: s, end: e });

  const m = /^([A-Za-z][A-Za-z0-9&._-]*)([ \t]+)([0-9.]*)$/.exec(typed);
  if (m) {
    const parent = parentPlan(ws, doc, m[1]);
    if (parent.kind !== 'plan') return [];
    const numStart = start + m[1].length + m[2].length;
    const numEnd = at.lineStart + at.col + /^[0-9.]*/.exec(suffix)![0].length;
    const out: CompletionItem[] = [];
    const large = parent.doc.model.items.length > MAX_ALIGN_ITEMS;
    const seen = new Set<string>();
    parent.doc.model.items.forEach((item, i) => {
      const id = item.id?.text;
      if (id === undefined || seen.has(id) || (large && !id.startsWith(m[3]))) return;
      if (out.length >= MAX_ALIGN_ITEMS) {
        list.isIncomplete = true;
        return;
      }
      seen.add(id);
      const parts = [`${breadcrumb(item)} of ${planName(parent.doc)}`];
      if (item.description) parts.push(clip(item.description, DESCRIPTION_LIMIT));
      out.push({
        label: id,
        kind: CompletionItemKind.Reference,
        detail: item.title ? `${kindWord(item.kind)}: ${item.title}` : kindWord(item.kind),
        documentation: { kind: MarkupKind.Markdown, value: parts.map(md).join('\n\n') },
        sortText: String(i).padStart(6, '0'),
        filterText: id,
        textEdit: { range: range(numStart, numEnd), newText: id },
      });
    });
    return out;
  }
  if (!/^[A-Za-z0-9&._-]*$/.test(typed)) return [];
  const wordEnd = at.lineStart + at.col + /^[A-Za-z0-9&._-]*/.exec(suffix)![0].length;
  const space = !quote && at.text[start - at.lineStart - 1] === ':' ? ' ' : '';
  const out: CompletionItem[] = [];
  [...ws.plansByAcronym().entries()]
    .filter(([a, docs]) => a !== own || docs.some((d) => d.uri !== doc.uri))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .forEach(([acronym, docs], i) => {
      const others = docs.filter((d) => d.uri !== doc.uri);
      out.push({
        label: acronym,
        kind: CompletionItemKind.Module,
        detail: others.length === 1 ? planName(others[0]) : `${others.length} plans`,
        documentation: { kind: MarkupKind.Markdown, value: others.map((d) => `${md(planName(d))} (${md(fileNameOf(d.uri))})`).join('\n\n') },
        sortText: String(i).padStart(6, '0'),
        filterText: acronym,
        textEdit: { range: range(start, wordEnd), newText: `${space}${acronym} ` },
        // Then the plan's numbers.
        command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
      });
    });
  return out;
}

function planName(doc: PlanDocument): string {
  return doc.model.title ?? fileNameOf(doc.uri);
}

function acronymOf(doc: PlanDocument): string {
  return doc.model.organization?.acronym?.trim() || fileNameOf(doc.uri);
}

function location(doc: PlanDocument, span: Span): Location {
  return { uri: doc.uri, range: doc.lines.range(span) };
}

