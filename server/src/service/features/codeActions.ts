// Quick fixes for the diagnostics of a plan, each carrying its edit: change one number to the
// one the numbering check says it should have, renumber a group of siblings or the whole plan, quote a dotted number, create a missing unit, take the suggested
// id or number, rename a misspelled field, repair a YAML mistake (a tab, an open quote, a missing
// colon, a line indented off its neighbours: see recover.ts). "Renumber the whole plan" is offered whenever the
// plan has a numbering problem, wherever the cursor is.
import type { CodeAction, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { checkUnitRefs } from '../checks/references';
import { applyEdits, checkedEdits, EditConflict, eolOf, quote, scalarEdit, writeScalar } from '../edits';
import { PlanParser } from '../parse';
import { finishDiagnostics, planDiagnostics } from './diagnostics';
import { itemLabel, type Field, type PlanItem, type PlanModel, type ScalarText } from '../model';
import { itemAt, targetAt } from '../locate';
import { contains } from '../text';
import { renumberWorkspaceEdit, type RenumberScope } from './renumber';
import { ignoreFixes } from './ignoreFixes';
import { createUnitCommand, INSERT_SNIPPET } from './unitSnippet';

const RENUMBER_CODES = new Set(['numbering-sequence', 'numbering-parent', 'numbering-duplicate', 'numbering-format']);

export const RENUMBER_PLAN_TITLE = 'Renumber the whole plan';

/** `canRun` says which editor commands the client runs (the VS Code extension: INSERT_SNIPPET). */
export function provideCodeActions(ws: PlanWorkspace, doc: PlanDocument, range: Range, diagnostics: Diagnostic[], canRun: (command: string) => boolean = () => false): CodeAction[] {
  void range;
  const fixes: CodeAction[] = [];
  const groups = new Map<PlanItem | undefined, Diagnostic[]>();
  const createUnits = new Map<string, Diagnostic[]>();
  const numbering: Diagnostic[] = [];
  const single = (title: string, d: Diagnostic, e: TextEdit | undefined, isPreferred = true) => {
    if (e) fixes.push({ title, kind: 'quickfix', diagnostics: [d], isPreferred, edit: { changes: { [doc.uri]: [e] } } });
  };

  for (const d of diagnostics) {
    const code = String(d.code ?? '');
    const data = (d.data ?? {}) as Record<string, unknown>;
    const offset = doc.lines.offsetAt(d.range.start);
    if (RENUMBER_CODES.has(code)) {
      numbering.push(d);
      if (code === 'numbering-format' && typeof data.quote === 'string') {
        single(`Put ${data.quote} in quotes`, d, quoteEdit(doc, d.range, data.quote));
        continue;
      }
      const item = itemWithIdAt(doc.model, offset);
      if (item && typeof data.change === 'string') {
        const fix = changeNumberFix(doc, d, item, data.change, data.certain === true);
        if (fix) fixes.push(fix);
      }
      if (item) {
        const list = groups.get(item.parent);
        if (list) list.push(d);
        else groups.set(item.parent, [d]);
      }
    } else if (code === 'reference-unresolved') {
      const scalar = refAt(doc.model, offset);
      if (!scalar) continue;
      if (typeof data.suggestion === 'string') single(`Change to ${data.suggestion}`, d, scalarEdit(doc, scalar, data.suggestion));
      if (typeof data.unit === 'string' && data.unit === scalar.text) {
        const list = createUnits.get(data.unit);
        if (list) list.push(d);
        else createUnits.set(data.unit, [d]);
      }
    } else if (code === 'yaml-syntax' && data.fix) {
      fixes.push(...yamlFixes(doc, d, offset, data));
    } else if (code === 'schema' && typeof data.replaceKey === 'string' && typeof data.with === 'string') {
      single(`Rename \`${data.replaceKey}\` to \`${data.with}\``, d, renameKeyEdit(doc, offset, data.replaceKey, data.with));
    } else if (code === 'schema' && typeof data.colonAfter === 'string') {
      single(`Add the colon after \`${data.colonAfter}\``, d, colonEdit(doc, offset, data.colonAfter));
    }
  }

  const actions = [...fixes];
  for (const [id, diags] of createUnits) {
    const e = createUnitEdit(doc, id);
    // Then, in an editor that can, the cursor on the new unit's name and its `kind` offered.
    const command = e && canRun(INSERT_SNIPPET) ? createUnitCommand(ws, doc, e, id) : undefined;
    if (e) actions.push({ title: `Create unit ${id} under \`units:\``, kind: 'quickfix', diagnostics: diags, edit: { changes: { [doc.uri]: [e] } }, ...(command ? { command } : {}) });
  }
  // Renumbering, as the Renumber Plan command does it (renumberWorkspaceEdit, checked by
  // checkedWorkspaceEdit): the `aligns` entries of the plans aligned to a renumbered item follow it.
  const renumbering = (scope?: RenumberScope): WorkspaceEdit | undefined => {
    const r = renumberWorkspaceEdit(ws, doc, scope);
    return 'edit' in r && r.edit.changes?.[doc.uri]?.length ? r.edit : undefined;
  };
  for (const [parent, diags] of groups) {
    const edit = renumbering(parent ? { parent } : { goalsOnly: true });
    if (!edit) continue;
    actions.push({ title: groupTitle(parent), kind: 'quickfix', diagnostics: diags, edit });
  }
  if (numbering.length || doc.model.diagnostics.some((d) => d.code.startsWith('numbering-'))) {
    const edit = renumbering();
    if (edit) {
      // On a numbering problem it is one of its fixes; elsewhere, a source action of the plan.
      actions.push(
        numbering.length
          ? { title: RENUMBER_PLAN_TITLE, kind: 'quickfix', diagnostics: numbering, edit }
          : { title: RENUMBER_PLAN_TITLE, kind: 'source', edit },
      );
    }
  }
  // Last, as ESLint's "Disable … for this line": a disable comment, the unused one's removal, a style rewrite (ignoreFixes.ts).
  actions.push(...ignoreFixes(doc, diagnostics));
  // Only what helps: an action is offered when its edit is sound and leaves fewer problems.
  return actions.filter((a) => improves(ws, doc, a));
}

/**
 * Whether applying an action's edit leaves the plan with fewer problems than it has now: the
 * edit is applied to the text in memory and the result checked as the editor would check it
 * (its own diagnostics, and its units resolved against the other plans of the workspace). An
 * edit whose parts overlap (checkedEdits) is never offered. Remembered per version of the
 * text, so that asking again (every cursor move) costs nothing.
 */
export function improves(ws: PlanWorkspace, doc: PlanDocument, action: CodeAction): boolean {
  const changes = action.edit?.changes;
  const uris = Object.keys(changes ?? {});
  if (!changes || !uris.length) return true;
  try {
    for (const u of uris) changes[u] = checkedEdits(changes[u]);
  } catch (e) {
    if (e instanceof EditConflict) return false;
    throw e;
  }
  // The problems counted are this plan's: an edit of other plans alone (none is made here) passes;
  // one that edits this plan too (a renumbering whose children follow) is judged by this plan's edits.
  const edits = changes[doc.uri];
  if (!edits?.length) return true;
  const key = `${ws.unitGeneration}\u0000${action.title}\u0000${edits.length}\u0000${JSON.stringify(edits[0])}\u0000${JSON.stringify(edits[edits.length - 1])}`;
  let known = verdicts.get(doc.model);
  if (!known) verdicts.set(doc.model, (known = new Map()));
  let verdict = known.get(key);
  if (verdict === undefined) {
    verdict = problemsAfter(ws, doc, applyEdits(doc.text, edits)) < planDiagnostics(ws, doc).length;
    known.set(key, verdict);
  }
  return verdict;
}

/** Code action verdicts of each version of a plan; the key names the edit (see improves). */
const verdicts = new WeakMap<PlanModel, Map<string, boolean>>();

/**
 * Plans at least this long (UTF-16 code units) keep a parser for their fixes (see whatIfParser);
 * shorter ones are read afresh (the ICE plan: ~10 ms).
 */
const WHAT_IF_CACHED_LENGTH = 100_000;
/** What-if parsers of the last plans whose fixes were checked, most recent last. */
const whatIfParsers = new Map<string, PlanParser>();

/**
 * A parser for the texts a plan's fixes would make. Not the document's own parser: that one moves
 * the spans of the current model in place. One per large plan, for its last two plans: a fix
 * changes a goal or two, so its text re-reads those goals only, as a keystroke does (the first
 * check of a 63k-line plan costs a first read, the next ones a keystroke's). A parser's result
 * depends only on the text it is given (incremental.test.ts), so keeping one is safe.
 */
function whatIfParser(uri: string, length: number): PlanParser {
  if (length < WHAT_IF_CACHED_LENGTH) return new PlanParser();
  let parser = whatIfParsers.get(uri);
  if (parser) whatIfParsers.delete(uri);
  else parser = new PlanParser();
  whatIfParsers.set(uri, parser);
  for (const old of whatIfParsers.keys()) {
    if (whatIfParsers.size <= 2) break;
    whatIfParsers.delete(old);
  }
  return parser;
}

/** The problems a new text of `doc` would have: the same count planDiagnostics gives for a plan. */
function problemsAfter(ws: PlanWorkspace, doc: PlanDocument, text: string): number {
  const model = whatIfParser(doc.uri, text.length).parse(text);
  const units = ws.units();
  const elsewhere = (id: string) => (units.get(id) ?? []).some((u) => u.uri !== doc.uri);
  // Known units only feed the "did you mean" of a message, not the count.
  return finishDiagnostics(model, checkUnitRefs(model, elsewhere, () => []), ws.rulesFor(doc.uri)).length;
}

/**
 * "Change to 1.2": gives one item the number the numbering check says it should have, and its
 * descendants numbered after the number it had (1.7.1 → 1.2.1) the new prefix. Preferred when
 * that reading is the only shortest one. `related` entries are left as they are: a mistyped
 * number was not the one links meant.
 */
function changeNumberFix(doc: PlanDocument, d: Diagnostic, item: PlanItem, to: string, certain: boolean): CodeAction | undefined {
  const from = item.id!.text;
  const edits: TextEdit[] = [];
  const add = (s: ScalarText, value: string) => {
    const e = scalarEdit(doc, s, value, { quoteDotted: true });
    if (e) edits.push(e);
  };
  add(item.id!, to);
  const walk = (items: PlanItem[]) => {
    for (const c of items) {
      if (c.id?.text.startsWith(from + '.')) add(c.id, to + c.id.text.slice(from.length));
      walk(c.children);
    }
  };
  walk(item.children);
  if (!edits.length) return undefined;
  return { title: `Change to ${to}`, kind: 'quickfix', diagnostics: [d], isPreferred: certain, edit: { changes: { [doc.uri]: edits } } };
}

/** "Renumber the goals", "Renumber the objectives of goal 3", "Renumber the sub-objectives of objective 2.1". */
export function groupTitle(parent: PlanItem | undefined): string {
  if (!parent) return 'Renumber the goals';
  return `Renumber the ${parent.kind === 'goal' ? 'objectives' : 'sub-objectives'} of ${itemLabel(parent)}`;
}

function itemWithIdAt(model: PlanModel, offset: number): PlanItem | undefined {
  const item = itemAt(model, offset);
  return item?.id && item.id.span.start === offset ? item : undefined;
}

/** The `lead`, `support` or `related` entry starting at an offset. */
function refAt(model: PlanModel, offset: number): ScalarText | undefined {
  const t = targetAt(model, offset);
  return (t?.kind === 'item-ref' || t?.kind === 'unit-ref') && t.span.start === offset ? t.ref.target : undefined;
}

function quoteEdit(doc: PlanDocument, range: Range, value: string): TextEdit | undefined {
  const span = doc.lines.spanOf(range);
  if (doc.text.slice(span.start, span.end) !== value) return undefined;
  return { range, newText: quote(value, 'double') };
}

/** Renames a misspelled key, unless the mapping already has the right one. */
function renameKeyEdit(doc: PlanDocument, offset: number, from: string, to: string): TextEdit | undefined {
  const fields = fieldsAround(doc.model, offset);
  const field = fields?.find((f) => f.keySpan.start === offset);
  if (!fields || !field || fields.some((f) => f.key === to)) return undefined;
  const raw = doc.text.slice(field.keySpan.start, field.keySpan.end);
  let start = field.keySpan.start;
  let end = field.keySpan.end;
  if (raw !== from) {
    if (raw.length < 2 || !/^["']/.test(raw) || raw[raw.length - 1] !== raw[0] || raw.slice(1, -1) !== from) return undefined;
    start++;
    end--;
  }
  return { range: doc.lines.range({ start, end }), newText: to };
}

/** The keys of the mapping whose key starts at `offset`. */
function fieldsAround(model: PlanModel, offset: number): Field[] | undefined {
  const lists: Field[][] = [];
  for (let item = itemAt(model, offset); item; item = item.parent) lists.push(item.fields);
  for (const u of model.units) if (contains(u.span, offset)) lists.push(u.fields);
  for (const v of model.values) if (contains(v.span, offset)) lists.push(v.fields);
  for (const s of model.sections) lists.push(s.fields);
  lists.push(model.sections.map((s) => ({ key: s.key, keySpan: s.keySpan, valueSpan: s.valueSpan })));
  return lists.find((l) => l.some((f) => f.keySpan.start === offset));
}

/** Adds `{ id: X, name: X }` to the plan's units, in the style of the units already there. */
export function createUnitEdit(doc: PlanDocument, id: string): TextEdit | undefined {
  const { text, lines, model } = doc;
  const eol = eolOf(text);
  const v = writeScalar(id, 'plain');
  const flowEntry = `{ id: ${v}, name: ${v} }`;
  const insert = (at: number, newText: string): TextEdit => ({ range: lines.range({ start: at, end: at }), newText });
  const section = model.sections.find((s) => s.key === 'units');
  const last = model.units[model.units.length - 1];

  if (section && last) {
    let end = last.span.end;
    while (end > last.span.start && /\s/.test(text[end - 1])) end--;
    const lineStart = lines.lineStart(lines.positionAt(last.span.start).line);
    const prefix = text.slice(lineStart, last.span.start);
    if (/^ *- +$/.test(prefix)) {
      const entry = text[last.span.start] === '{' ? [prefix + flowEntry] : [`${prefix}id: ${v}`, `${' '.repeat(prefix.length)}name: ${v}`];
      return insert(lines.lineEnd(lines.positionAt(end).line), eol + entry.join(eol));
    }
    // A flow list of units: `units: [{ id: A, name: B }]`.
    return text[section.valueSpan.start] === '[' ? insert(end, `, ${flowEntry}`) : undefined;
  }
  if (section) {
    const value = text.slice(section.valueSpan.start, section.valueSpan.end);
    if (/^\[\s*\]$/.test(value)) return { range: lines.range(section.valueSpan), newText: `[${flowEntry}]` };
    if (value.trim() !== '' && value.trim() !== 'null' && value.trim() !== '~') return undefined;
    const keyLine = lines.positionAt(section.keySpan.start).line;
    const indent = text.slice(lines.lineStart(keyLine), section.keySpan.start);
    if (value.trim() === '') return insert(lines.lineEnd(keyLine), `${eol}${indent}  - ${flowEntry}`);
    return { range: lines.range(section.valueSpan), newText: `${eol}${indent}  - ${flowEntry}` };
  }
  const goals = model.sections.find((s) => s.key === 'goals');
  const firstGoal = model.goals[0];
  let indent = '  ';
  if (firstGoal) {
    const prefix = text.slice(lines.lineStart(lines.positionAt(firstGoal.span.start).line), firstGoal.span.start);
    indent = /^( *)- +$/.exec(prefix)?.[1] ?? indent;
  }
  const block = `units:${eol}${indent}- ${flowEntry}${eol}`;
  if (goals) return insert(lines.lineStart(lines.positionAt(goals.keySpan.start).line), block);
  return insert(text.length, (text === '' || /[\r\n]$/.test(text) ? '' : eol) + block);
}

const YAML_FIX_TITLES: Record<string, string> = {
  tab: 'Replace the tab with spaces',
  quote: 'Close the quote',
  bracket: 'Close the bracket',
  colon: 'Add the missing colon',
  indent: 'Line this line up with its neighbours',
  stray: 'Delete the stray character',
  'quote-text': 'Put the text in quotes',
};

/**
 * The repair the parser made in memory to read past a YAML mistake (recover.ts), as an edit:
 * `data.fix` is relative to the diagnostic's start, so it moves with it. A tab in the
 * indentation can also be replaced throughout the file, when more than one line has one.
 */
function yamlFixes(doc: PlanDocument, d: Diagnostic, offset: number, data: Record<string, unknown>): CodeAction[] {
  const fix = data.fix as { from: number; to: number; text: string };
  const kind = String(data.repair ?? '');
  if (typeof fix?.from !== 'number' || typeof fix.to !== 'number' || typeof fix.text !== 'string') return [];
  const start = offset + fix.from;
  const end = offset + fix.to;
  if (start < 0 || end < start || end > doc.text.length) return [];
  const title = kind === 'colon' ? `Add \`:\` after \`${doc.text.slice(offset, start)}\`` : YAML_FIX_TITLES[kind] ?? 'Repair the YAML';
  const out: CodeAction[] = [{ title, kind: 'quickfix', diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [{ range: doc.lines.range({ start, end }), newText: fix.text }] } } }];
  if (kind === 'tab') {
    const edits = tabIndentEdits(doc);
    if (edits.length > 1) out.push({ title: 'Replace every tab that indents a line of this file with 2 spaces', kind: 'quickfix', diagnostics: [d], edit: { changes: { [doc.uri]: edits } } });
  }
  return out;
}

/** Each line indented with tabs, its indentation with every tab made 2 spaces. */
function tabIndentEdits(doc: PlanDocument): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const m of doc.text.matchAll(/^[ \t]*\t[ \t]*(?=[^ \t\r\n])/gm)) {
    edits.push({ range: doc.lines.range({ start: m.index!, end: m.index! + m[0].length }), newText: m[0].replace(/\t/g, '  ') });
  }
  return edits;
}

/**
 * Schema fix: the colon left out after a field's name (`title Recruit` read as one key), put back
 * after the name, where the diagnostic (on the key) starts. Nothing when the text there is not
 * the name followed by a space or tab.
 */
function colonEdit(doc: PlanDocument, offset: number, field: string): TextEdit | undefined {
  const at = offset + field.length;
  if (doc.text.slice(offset, at) !== field || !/[ \t]/.test(doc.text[at] ?? '')) return undefined;
  const pos = doc.lines.positionAt(at);
  return { range: { start: pos, end: pos }, newText: ':' };
}
