// Text → plan model. Two ways, one result:
//  - parseFull reads the whole text as one yaml document (the reference, and the fallback);
//  - PlanParser reads it block by block (see split.ts) and reuses the blocks of the previous
//    version that did not change, so a keystroke re-reads one goal, not the whole plan; a goal
//    is read by lineReader.ts when its YAML is plain, by yaml otherwise.
// A property test holds the two to identical diagnostics after every edit.
import { Document, isMap, isSeq, Node, Pair, YAMLError, YAMLMap } from 'yaml';
import { collectSpans, documentValue, emptyHead, ExpansionError, HeadParts, NodeReader } from './build';
import { checkNumberingSteps } from './checks/numbering';
import { checkRelatedSteps } from './checks/references';
import { checkMeasuresSteps } from './checks/measures';
import { refKind } from './fields';
import { drain, STEP_ITEMS } from './steps';
import type { PlanDiagnostic, PlanItem, PlanModel, Reference, Section, Unit } from './model';
import { readGoalLines } from './lineReader';
import { getValidators, schemaDiagnostics } from './schema';
import { OffsetMap, recoverBlock, type Recovery, type Repair } from './recover';
import { splitBlocks } from './split';
import { firstLine, lastAtOrBefore, type Span } from './text';
import { isTooDeep, MAX_DEPTH, normalizeLineEnds, parseYaml } from './yamlText';

export { MAX_DEPTH } from './yamlText';



/** Reads a parsed document's JSON value, or why it cannot be read (aliases that expand too far, or forever). */
function toJS(doc: Document.Parsed): { value: unknown; error?: ExpansionError } {
  try {
    return { value: documentValue(doc) };
  } catch (e) {
    // documentValue throws only ExpansionError; anything else still becomes a diagnostic, not a crash.
    return { value: undefined, error: e instanceof ExpansionError ? e : new ExpansionError('too-large', e instanceof Error ? e.message.replace(/\.$/, '') : String(e), undefined) };
  }
}

/**
 * yaml's errors in the plan writer's words: what is wrong and what to do, never yaml's own
 * wording (which names its grammar: "implicit keys", "compact mappings"). Most mistakes are
 * repaired and worded in recover.ts; these are the ones no one-line repair answered.
 */
function plainYamlMessage(e: YAMLError): string {
  const m = e.message;
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return 'This field appears twice in the same place; keep one of them.';
    case 'TAB_AS_INDENT':
      return 'This line is indented with a tab; YAML indents with spaces only: replace the tab with spaces.';
    case 'BAD_INDENT':
      return /flow/i.test(m)
        ? 'This `{ }` or `[ ]` list is not closed or is indented less than its field: close it on this line, or indent its lines more than the field.'
        : 'This line does not line up with the lines around it: the fields of one item, and the entries of one list, start in the same column.';
    case 'MISSING_CHAR':
      if (/quote/i.test(m)) return 'A quote opened here is not closed: add the closing quote at the end of the text.';
      if (/map values|: /.test(m)) return 'This line is neither `field: value` nor a `- ` list entry: add `: ` after the field name, or put the line in quotes.';
      if (/\]|\}|flow/i.test(m)) return 'A `[` or `{` opened here is not closed: close it with `]` or `}`, or put a `,` between its entries.';
      return 'Something is missing on this line: check its quotes, brackets and `: `.';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'This line is read as a field name that goes on over several lines: is a `: ` missing on it, or is a quote left open above it?';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return /sequence/i.test(m)
        ? 'A `- ` list entry cannot be a field name here: check the indentation of this line and of the line above it.'
        : 'This text contains `: `, which starts a new field: if it is part of the text, put the whole text in quotes.';
    case 'BAD_SCALAR_START':
      return 'A value cannot start with this character: put the whole value in quotes.';
    case 'UNEXPECTED_TOKEN':
      return 'This does not fit the lines around it: check its indentation, and the quotes and brackets before it.';
    case 'BAD_DQ_ESCAPE':
      return 'A `\\` in double quotes must start an escape such as `\\n` or `\\"`: write `\\\\` for a backslash, or use single quotes.';
    default:
      return 'This line is not valid YAML: check its indentation, its quotes and brackets, and the `: ` after each field name.';
  }
}

function syntaxDiagnostics(doc: Document.Parsed, base: number, textLength: number): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  const add = (e: YAMLError, severity: 'error' | 'warning') => {
    const start = Math.min(base + e.pos[0], textLength);
    const end = Math.min(Math.max(base + e.pos[1], start), textLength);
    const message = e.code === 'MULTIPLE_DOCS'
      ? 'This file holds more than one YAML document (separated by `---`). A plan is one document: remove the `---` line and what follows it, or move that part to a file of its own.'
      : severity === 'warning'
        ? `YAML: ${e.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim().replace(/\.?$/, '.')}`
        : plainYamlMessage(e);
    out.push({ span: { start, end }, severity, code: 'yaml-syntax', message, data: { yamlCode: e.code } });
  };
  for (const e of doc.errors) add(e, 'error');
  for (const w of doc.warnings) add(w, 'warning');
  return out;
}

/**
 * One YAML mistake, one diagnostic: in each block (a top-level section or a goal, split.ts),
 * the first YAML error is taken as the cause and the errors after it in the block, its
 * consequences, are folded into its related information. A duplicate key is a mistake of its
 * own and stays one. `starts`: where each block starts, in order.
 */
/** The most follow-on errors listed under their cause; the others are dropped. */
const MAX_FOLDED = 10;

function foldFollowOns(diagnostics: PlanDiagnostic[], blocks: () => number[]): PlanDiagnostic[] {
  const errors = diagnostics.filter((d) => d.severity === 'error' && d.code === 'yaml-syntax' && d.data?.yamlCode && !d.data.repair && d.data.yamlCode !== 'DUPLICATE_KEY' && d.data.yamlCode !== 'MULTIPLE_DOCS');
  if (errors.length < 2) return diagnostics;
  errors.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const starts = blocks();
  const blockOf = (offset: number) => lastAtOrBefore(starts, offset);
  const dropped = new Set<PlanDiagnostic>();
  let cause: PlanDiagnostic | undefined;
  for (const d of errors) {
    if (cause && blockOf(cause.span.start) === blockOf(d.span.start)) {
      dropped.add(d);
      if ((cause.related?.length ?? 0) >= MAX_FOLDED) continue;
      (cause.related ??= []).push({ span: d.span, message: `Follows from the mistake above: ${d.message[0].toLowerCase()}${d.message.slice(1)}` });
    } else cause = d;
  }
  return diagnostics.filter((d) => !dropped.has(d));
}

/** The diagnostic of a line repaired in memory (recover.ts): what is wrong, and its fix. */
function repairDiagnostic(r: Repair, base: number): PlanDiagnostic {
  return {
    span: { start: base + r.span.start, end: base + r.span.end },
    severity: 'error',
    code: 'yaml-syntax',
    message: r.message,
    // The fix is kept relative to the diagnostic: reused blocks move their spans in place.
    data: { yamlCode: r.yamlCode, repair: r.kind, fix: { from: r.start - r.span.start, to: r.end - r.span.start, text: r.newText } },
  };
}

function aliasDiagnostic(doc: Document.Parsed, base: number, error: ExpansionError): PlanDiagnostic {
  const r = error.at?.range ?? (doc.contents as Node | null)?.range;
  const fix = {
    'too-large': 'Write the repeated parts out instead of using nested aliases.',
    recursive: 'Write that part out instead of naming it inside itself.',
    unresolved: 'Put the part marked with `&` first, or write the part out.',
    merge: 'Point `<<:` at a group of fields marked with `&`.',
  }[error.reason];
  const what = { 'too-large': "the plan's aliases expand to too much data to read", recursive: 'this alias cannot be read', unresolved: 'this alias cannot be read', merge: 'this merge key cannot be read' }[error.reason];
  const start = base + (r?.[0] ?? 0);
  return {
    span: { start, end: error.at?.range ? base + r![1] : start },
    severity: 'error',
    code: 'yaml-syntax',
    message: `YAML syntax: ${what}: ${error.message}. ${fix}`,
  };
}

export function sortDiagnostics(d: PlanDiagnostic[]): PlanDiagnostic[] {
  return d.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Goals, objectives and sub-objectives of some goals in document order, and their references. */
interface Flat {
  items: PlanItem[];
  refs: Reference[];
}

function flatten(goals: PlanItem[]): Flat {
  const items: PlanItem[] = [];
  const refs: Reference[] = [];
  const walk = (item: PlanItem) => {
    items.push(item);
    // An entry read again through an alias or merge key is listed once, where it is written.
    for (const r of item.refs) if (!r.repeats) refs.push(r);
    for (const c of item.children) walk(c);
  };
  for (const g of goals) walk(g);
  return { items, refs };
}

function assemble(...args: Parameters<typeof assembleSteps>): PlanModel {
  return drain(assembleSteps(...args));
}

/** assemble, yielding (true) every STEP_ITEMS items: the server reads a huge plan in slices. */
function* assembleSteps(
  text: string,
  head: HeadParts,
  goals: PlanItem[],
  rootSpan: Span,
  diagnostics: PlanDiagnostic[],
  parseMode: PlanModel['parseMode'],
  checkStructure = true,
  flat: Flat = flatten(goals),
): Generator<boolean, PlanModel, void> {
  const { items, refs } = flat;
  const itemsById = new Map<string, PlanItem[]>();
  let n = 0;
  for (const item of items) {
    if (++n % STEP_ITEMS === 0) yield true;
    if (!item.id) continue;
    const list = itemsById.get(item.id.text);
    if (list) list.push(item);
    else itemsById.set(item.id.text, [item]);
  }
  const unitsById = new Map<string, Unit[]>();
  for (const u of head.units) {
    if (!u.id) continue;
    const list = unitsById.get(u.id.text);
    if (list) list.push(u);
    else unitsById.set(u.id.text, [u]);
  }
  head.sections.sort((a, b) => a.keySpan.start - b.keySpan.start);
  const model: PlanModel = {
    text,
    sections: head.sections,
    title: head.title,
    mission: head.mission,
    vision: head.vision,
    notes: head.notes,
    organization: head.organization,
    parents: head.parents,
    period: head.period,
    values: head.values,
    units: head.units,
    goals,
    items,
    refs,
    itemsById,
    unitsById,
    rootSpan,
    diagnostics,
    parseMode,
  };
  dropConsequencesOfSyntaxErrors(diagnostics);
  if (checkStructure) {
    yield* checkNumberingSteps(model, diagnostics);
    yield* checkRelatedSteps(model, diagnostics);
    yield* checkMeasuresSteps(model, diagnostics);
    dropUnresolvedInUnread(model, diagnostics);
    dropFieldMovedToNextGoal(model, diagnostics, text);
  }
  sortDiagnostics(diagnostics);
  return model;
}

/**
 * A field cut from one goal and pasted into the next makes two problems: the first goal has no
 * `title` (say), and the next one has it twice (a YAML error). The second is the mistake, where it
 * was made; the first only follows from it, and a goal read on its own block cannot see the next
 * goal's error (schema.ts drops such a missing field within a block). Plan-wide, for both ways of
 * reading, the missing field is not reported when the next goal writes that field twice.
 */
function dropFieldMovedToNextGoal(model: PlanModel, diagnostics: PlanDiagnostic[], text: string): void {
  const twice = diagnostics.filter((d) => d.code === 'yaml-syntax' && d.data?.yamlCode === 'DUPLICATE_KEY');
  if (!twice.length) return;
  const goals = model.goals;
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i];
    const missing = d.code === 'schema' ? d.data?.missing : undefined;
    if (typeof missing !== 'string') continue;
    const k = goals.findIndex((g) => d.span.start >= g.span.start && d.span.start < (g.children[0]?.span.start ?? g.span.end));
    const next = k >= 0 ? goals[k + 1] : undefined;
    if (!next) continue;
    const moved = twice.some((e) => e.span.start >= next.span.start && e.span.start < next.span.end && text.startsWith(missing, e.span.start) && /^[ \t]*:/.test(text.slice(e.span.start + missing.length, e.span.start + missing.length + 4)));
    if (moved) diagnostics.splice(i, 1);
  }
}

/**
 * Where a YAML error was not repaired, part of its goal may not have been read: a `related`
 * entry naming an item of that goal (its number starts with the goal's) is not reported as
 * unresolved, the YAML error says what to fix. An error outside any numbered goal may have
 * kept anything from being read: then no `related` entry is reported unresolved.
 */
function dropUnresolvedInUnread(model: PlanModel, diagnostics: PlanDiagnostic[]): void {
  const errors = diagnostics.filter((d) => d.code === 'yaml-syntax' && d.severity === 'error' && !d.data?.repair);
  if (!errors.length || !diagnostics.some((d) => d.code === 'reference-unresolved')) return;
  const broken = new Set<string>();
  let all = false;
  for (const e of errors) {
    const goal = model.goals.find((g) => g.span.start <= e.span.start && e.span.start <= g.span.end);
    if (goal?.id) broken.add(goal.id.text);
    else all = true;
  }
  const targets = new Map<number, string>();
  for (const r of model.refs) if (refKind(r) === 'item') targets.set(r.target.span.start, r.target.text);
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i];
    if (d.code !== 'reference-unresolved') continue;
    const target = targets.get(d.span.start);
    if (all || (target !== undefined && broken.has(target.split('.')[0]))) diagnostics.splice(i, 1);
  }
}

/**
 * A schema problem on a value that contains a YAML error is that error's consequence ("title
 * should be text, not a group of fields" where an unquoted `: ` made a mapping): only the YAML
 * error, which says what to fix, is kept.
 */
function dropConsequencesOfSyntaxErrors(diagnostics: PlanDiagnostic[]): void {
  const syntax = diagnostics.filter((d) => d.code === 'yaml-syntax');
  if (!syntax.length) return;
  for (let i = diagnostics.length - 1; i >= 0; i--) {
    const d = diagnostics[i];
    if (d.code !== 'schema') continue;
    const end = Math.max(d.span.end, d.span.start + 1);
    if (syntax.some((x) => x.span.start >= d.span.start && x.span.start < end)) diagnostics.splice(i, 1);
  }
}

/**
 * Longest text (UTF-16 code units) read as one yaml document. yaml holds ~40 bytes per character
 * of the text it reads, and more while it reads: a 51 MB plan that could not be read block by
 * block ran the server out of memory. Longer plans are read block by block only (see below).
 */
export const MAX_FULL_PARSE_LENGTH = 8 * 1024 * 1024;

/** A plan too long to read whole that cannot be read block by block: one error, where it gave up. */
function tooLargeToReadWhole(text: string, at: number | undefined): PlanModel {
  const mb = (text.length / (1024 * 1024)).toFixed(0);
  const where = at === undefined ? 'Something in it' : 'Something in this part';
  const diagnostics: PlanDiagnostic[] = [{
    span: at === undefined ? { start: 0, end: 0 } : firstLine(text, { start: at, end: text.length }),
    severity: 'error',
    code: 'yaml-syntax',
    message: `This plan is too large (${mb} MB) to be read as a whole, and ${where.toLowerCase()} keeps it from being read goal by goal: a YAML error in a top-level section, a \`---\` or \`...\` line, a tab or a line indented less than the goals, a top-level key written twice, or \`goals\` written as [ ]. Fix or undo the last change, or split the plan into several files. Nothing else is checked until then.`,
  }];
  return assemble(text, emptyHead(), [], { start: 0, end: 0 }, diagnostics, 'full', false);
}

/** Reads the whole text as one yaml document. */
export function parseFull(text: string): PlanModel {
  const doc = parseYaml(text);
  if (isTooDeep(doc)) {
    const at = doc.tooDeep;
    const diagnostics: PlanDiagnostic[] = [{
      span: { start: at, end: Math.min(at + 1, text.length) },
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML syntax: the text is nested more than ${MAX_DEPTH} levels deep here (lists, groups of fields or brackets inside each other), too deep to read. A plan needs only a few levels; check for a long run of \`- \`, \`[\` or \`{\`, or of ever deeper indentation, and remove it.`,
    }];
    return assemble(text, emptyHead(), [], { start: 0, end: 0 }, diagnostics, 'full', false);
  }
  if (doc.errors.length && !hasConflictMarker(text)) {
    const recovered = recoverText(text, doc);
    const repaired = recovered && (recovered.doc ?? parseYaml(recovered.source));
    // (A repair never makes a text too deep for yaml, but if one did, the text is read as written.)
    if (recovered && repaired && !isTooDeep(repaired)) return readDocument(text, recovered.source, repaired, recovered.repairs);
  }
  return readDocument(text, text, doc, []);
}

function hasConflictMarker(text: string): boolean {
  return (text.includes('<<<<<<<') || text.includes('>>>>>>>')) && conflictDiagnostics(text).length > 0;
}

/**
 * The text with each block's YAML mistakes repaired in memory (recover.ts), the blocks being
 * those the block-wise parser reads, each repaired exactly as it repairs it; undefined when
 * nothing was repaired. A text that does not split into blocks is repaired as one block.
 */
function recoverText(text: string, doc: Document.Parsed): { source: string; repairs: Repair[]; doc?: Document.Parsed } | undefined {
  const split = splitBlocks(text);
  const repairs: Repair[] = [];
  const shift = (r: Repair, by: number): Repair => ({ ...r, start: r.start + by, end: r.end + by, span: { start: r.span.start + by, end: r.span.end + by } });
  if (!split) {
    // One block: its repaired text's parse is the document's.
    const rec = recoverBlock(normalizeLineEnds(text), doc, { first: 0, minIndent: -1, lineNumber: lineNumberIn(text, 0) });
    if (!rec.repairs.length) return undefined;
    return { source: applyRepairs(text, rec.repairs), repairs: rec.repairs, doc: rec.doc };
  } else {
    for (const h of split.heads) {
      const source = text.slice(h.start, h.end);
      const rec = recoverHead(source, text, h.start);
      if (rec) repairs.push(...rec.repairs.map((r) => shift(r, h.start)));
    }
    if (split.goals) {
      const g = split.goals;
      for (let i = 0; i < split.goalBlocks.length; i++) {
        const b = split.goalBlocks[i];
        const source = goalSource(text, split, i);
        if (readGoalLines(source, i, b.start)) continue;
        const parsed = parseYaml(source);
        if (isTooDeep(parsed)) continue;
        const rec = recoverGoal(source, parsed, g.itemIndent, text, b.start);
        if (rec) repairs.push(...rec.repairs.map((r) => shift(r, b.start)));
      }
    }
  }
  if (!repairs.length) return undefined;
  repairs.sort((a, b) => a.start - b.start);
  return { source: applyRepairs(text, repairs), repairs };
}

/** The text with its repairs (in order, apart) made. */
function applyRepairs(text: string, repairs: Repair[]): string {
  let source = '';
  let at = 0;
  for (const r of repairs) {
    source += text.slice(at, r.start) + r.newText;
    at = r.end;
  }
  return source + text.slice(at);
}

/** 1-based line numbers of a block's lines in the plan, for messages. */
function lineNumberIn(text: string, base: number): (i: number) => number {
  let before = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < base; k = text.indexOf('\n', k + 1)) before++;
  return (i: number) => before + i + 1;
}

/** A goal block's repairs, when yaml reports an error in it (see recover.ts). */
function recoverGoal(source: string, doc: Document.Parsed, itemIndent: number, text: string, base: number): Recovery | undefined {
  if (!doc.errors.length) return undefined;
  const rec = recoverBlock(source, doc, { first: 1, minIndent: itemIndent, lineNumber: lineNumberIn(text, base) });
  return rec.repairs.length ? rec : undefined;
}

/** A top-level section's repairs, when yaml reports an error in it. */
function recoverHead(source: string, text: string, base: number): Recovery | undefined {
  const doc = parseYaml(source);
  if (isTooDeep(doc) || !doc.errors.length) return undefined;
  const rec = recoverBlock(source, doc, { first: 1, minIndent: 0, lineNumber: lineNumberIn(text, base) });
  return rec.repairs.length ? rec : undefined;
}

/** The text a goal block is read from: with the next entry's indentation after it (see PlanParser). */
function goalSource(text: string, split: NonNullable<ReturnType<typeof splitBlocks>>, i: number): string {
  const b = split.goalBlocks[i];
  return text.slice(b.start, i + 1 < split.goalBlocks.length ? b.end + split.goals!.itemIndent : b.end);
}

/**
 * Reads a parsed document into a model of `text`. `source` is what yaml read: the text itself,
 * or the text with lines repaired (`repairs`), whose offsets are mapped back to the text's.
 */
function readDocument(text: string, source: string, doc: Document.Parsed, repairs: Repair[]): PlanModel {
  const reader = new NodeReader(doc, source, 0);
  const conflicts = conflictDiagnostics(text);
  const diagnostics = syntaxDiagnostics(doc, 0, source.length);
  if (conflicts.length) {
    // yaml's complaints about the marker lines themselves only repeat what the conflict says.
    const markerLines = conflicts.flatMap((c) => c.data!.markers as Span[]);
    const onMarker = (d: PlanDiagnostic) => markerLines.some((m) => d.span.start >= m.start && d.span.start <= m.end);
    for (let i = diagnostics.length - 1; i >= 0; i--) if (onMarker(diagnostics[i])) diagnostics.splice(i, 1);
    diagnostics.push(...conflicts.map((c) => ({ ...c, data: undefined })));
  }
  const head = emptyHead();
  const goals: PlanItem[] = [];
  const root = doc.contents as Node | null;
  if (root && isMap(root)) {
    for (const { key, pair } of reader.pairs(root)) {
      reader.headPair(key, pair, head);
      if (key === 'goals') reader.goals(pair, goals);
    }
  }
  const js = toJS(doc);
  if (conflicts.length) {
    // Until the conflict is resolved the plan's structure means nothing: say only that.
  } else if (js.error) diagnostics.push(aliasDiagnostic(doc, 0, js.error));
  else if (root === null && !diagnostics.length && !repairs.length) {
    diagnostics.push({
      span: { start: 0, end: 0 },
      severity: 'error',
      code: 'schema',
      message: 'This plan is empty. Start it with `planwright: 1`, a `title:` and `goals:` (the command "Planwright: New Plan" writes a template).',
    });
  } else {
    const validate = getValidators().full;
    validate(js.value);
    diagnostics.push(...schemaDiagnostics(validate.errors, reader, root, [], source));
  }
  const rootSpan = root?.range ? { start: root.range[0], end: root.range[1] } : { start: 0, end: 0 };
  if (repairs.length) {
    const map = new OffsetMap(repairs);
    map.mapSpans(headSpans(head, goals, diagnostics, rootSpan));
    diagnostics.push(...repairs.map((r) => repairDiagnostic(r, 0)));
  }
  return assemble(text, head, goals, rootSpan, foldFollowOns(diagnostics, () => blockStarts(text)), 'full', conflicts.length === 0);
}

/** Where each block the block-wise parser reads starts (the whole text is one block when it does not split). */
function blockStarts(text: string): number[] {
  const split = splitBlocks(text);
  if (!split) return [0];
  // A goal block is read up to the next goal's `-` (its indentation included, see PlanParser).
  const starts = [0, ...split.heads.map((h) => h.start), ...split.goalBlocks.map((b, i) => b.start + (i ? split.goals!.itemIndent : 0))];
  if (split.goals) starts.push(split.goals.keyStart);
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** Every span object of a model's parts (each once: text read through aliases shares them). */
function headSpans(head: HeadParts, goals: PlanItem[], diagnostics: PlanDiagnostic[], rootSpan: Span): Set<Span> {
  const spans = new Set<Span>([rootSpan]);
  for (const s of head.sections) {
    spans.add(s.keySpan);
    spans.add(s.valueSpan);
    for (const f of s.fields) {
      spans.add(f.keySpan);
      spans.add(f.valueSpan);
    }
  }
  for (const u of head.units) {
    spans.add(u.span);
    if (u.id) spans.add(u.id.span);
    for (const f of u.fields) {
      spans.add(f.keySpan);
      spans.add(f.valueSpan);
    }
  }
  for (const v of head.values) {
    spans.add(v.span);
    for (const f of v.fields) {
      spans.add(f.keySpan);
      spans.add(f.valueSpan);
    }
  }
  for (const g of goals) collectSpans(g, spans);
  for (const d of diagnostics) {
    spans.add(d.span);
    for (const r of d.related ?? []) spans.add(r.span);
  }
  return spans;
}

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?=[ \t\r\n]|$)[^\r\n]*/gm;

/** One diagnostic per git merge conflict left in the text, on its `<<<<<<<` line. */
function conflictDiagnostics(text: string): PlanDiagnostic[] {
  if (!text.includes('<<<<<<<') && !text.includes('>>>>>>>')) return [];
  const out: PlanDiagnostic[] = [];
  let open: { start: Span; markers: Span[] } | undefined;
  for (const m of text.matchAll(CONFLICT_MARKER)) {
    const s = { start: m.index!, end: m.index! + m[0].length };
    if (m[1][0] === '<') open = { start: s, markers: [s] };
    else if (open) {
      open.markers.push(s);
      if (m[1][0] === '>') {
        out.push(conflictAt(open.start, open.markers));
        open = undefined;
      }
    } else out.push(conflictAt(s, [s]));
  }
  if (open) out.push(conflictAt(open.start, open.markers));
  return out;
}

function conflictAt(s: Span, markers: Span[]): PlanDiagnostic {
  return {
    span: s,
    severity: 'error',
    code: 'yaml-syntax',
    message: 'This is a git merge conflict: two versions of the same lines are still in the file, between `<<<<<<<`, `=======` and `>>>>>>>`. Keep the version you want (or combine them) and delete the three marker lines.',
    data: { markers },
  };
}

/**
 * A copy of a slice of the text that does not keep the whole text alive. V8 slices point into
 * the string they were cut from, so a block read at each keystroke would keep that keystroke's
 * whole text (3 MB for a 63k-line plan) for as long as the block is cached.
 */
function detach(s: string): string {
  return s.length < 64 ? s : (' ' + s).slice(1);
}

/** A top-level section read on its own, kept for the next version while it stays where it is. */
interface HeadBlock {
  key: string;
  source: string;
  parts: HeadParts;
  js: object;
  reader: NodeReader;
  root: Node;
}

function readHead(key: string, source: string, start: number): HeadBlock | undefined {
  const doc = parseYaml(source);
  if (isTooDeep(doc) || doc.errors.length || doc.warnings.length) return undefined;
  const root = doc.contents as Node | null;
  if (!root || !isMap(root) || root.items.length !== 1) return undefined;
  const reader = new NodeReader(doc, source, start);
  const parts = emptyHead();
  reader.headPair(key, root.items[0] as Pair, parts);
  const js = toJS(doc);
  if (js.error) return undefined;
  // A section is checked by the shallow schema, which leaves goal entries to their blocks, and
  // headPair does not read goals: a `goals` section holding any entry (`goals: [...]`,
  // `goals: &g` or `goals: !!seq` over a block list) would go unchecked and unseen. The splitter
  // returns one when `goals:` has a value on its line (split.ts); the whole text is read instead.
  if (key === 'goals' && hasEntries((js.value as { goals?: unknown }).goals, root.items[0] as Pair, reader)) return undefined;
  return { key, source, parts, js: js.value as object, reader, root };
}

function hasEntries(value: unknown, pair: Pair, reader: NodeReader): boolean {
  const node = reader.deref(pair.value);
  return (Array.isArray(value) && value.length > 0) || (!!node && isSeq(node) && node.items.length > 0);
}

function mergeHead(into: HeadParts, from: HeadParts): void {
  into.sections.push(...from.sections);
  into.values.push(...from.values);
  into.units.push(...from.units);
  if (from.title !== undefined) into.title = from.title;
  if (from.mission !== undefined) into.mission = from.mission;
  if (from.vision !== undefined) into.vision = from.vision;
  if (from.notes !== undefined) into.notes = from.notes;
  if (from.organization !== undefined) into.organization = from.organization;
  if (from.parents !== undefined) into.parents = from.parents;
  if (from.period !== undefined) into.period = from.period;
}

/** A goal read on its own, kept for the next version of the text. */
interface GoalBlock {
  source: string;
  index: number;
  base: number;
  goal: PlanItem | undefined;
  js: unknown;
  diagnostics: PlanDiagnostic[];
  /** The goal's items in document order, and their references. */
  flat: Flat;
  /**
   * Every span object of the block, moved in place when the block is reused elsewhere. Gathered
   * the first time the block moves: most blocks of a first read never do.
   */
  spans?: Span[];
  /** yaml's problems in this goal's text, when it has any (see errorStaysInside). */
  problems?: string[];
  /** The text yaml read, when lines of `source` were repaired in memory (recover.ts). */
  effective?: string;
  /**
   * Where yaml's reading of the list ends in this block's text, when yaml read it. A YAML error
   * can make yaml stop short of the block's end (`- x` inside a goal's fields swallows the lines
   * after it): the last goal's list then ends there, as it does in a full parse. Without an
   * error everything in the block is read, and the block's end stands.
   */
  listEnd?: number;
  /**
   * Nothing but paths depends on the goal's place in the list: no diagnostics (their messages
   * may say "the 3rd goal") and a numbered goal. Such a block can be reused at another index.
   */
  movable: boolean;
}

/**
 * Parses successive versions of one document, re-reading only the blocks that changed.
 * Falls back to parseFull whenever the text is not plainly split into blocks, or a block
 * does not read cleanly on its own, so the result is always that of a full parse.
 */
export class PlanParser {
  private blocks = new Map<string, GoalBlock[]>();
  /** Top-level sections of the last version, by offset. */
  private heads = new Map<number, HeadBlock>();

  /** Counts, for benchmarks and tests: blocks parsed and reused by the last call. */
  stats = { parsed: 0, reused: 0, mode: 'full' as PlanModel['parseMode'] };

  /** Blocks taken or read by the parse in progress; they become the cache when it succeeds. */
  private next = new Map<string, GoalBlock[]>();

  parse(text: string): PlanModel {
    const steps = this.read(text);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * `parse`, a step at a time: yields after each goal it reads, so that the caller can stop in
   * between and go on later (the server reads a huge plan this way, answering requests about
   * other documents meanwhile). Until the last step, nothing the previous model holds is changed
   * (reused goals are moved and renumbered only after the last goal is read), so the previous
   * version stays valid; abandoning the steps (`return()`) gives back the goals they took.
   */
  *read(text: string): Generator<boolean, PlanModel, void> {
    let done = false;
    try {
      const model = yield* this.parseBlocks(text);
      if (model) {
        done = true;
        return model;
      }
      this.keepTaken();
      this.stats = { parsed: 1, reused: 0, mode: 'full' };
      done = true;
      return text.length > MAX_FULL_PARSE_LENGTH ? tooLargeToReadWhole(text, this.gaveUpAt) : parseFull(text);
    } finally {
      if (!done) this.keepTaken();
    }
  }

  /** Puts the blocks taken by a parse that did not finish back into the cache. */
  private keepTaken(): void {
    // Keep what was read: once a half-typed line is finished, only its goal is read again.
    for (const [source, list] of this.next) {
      const kept = this.blocks.get(source);
      if (kept) kept.push(...list);
      else this.blocks.set(source, list);
    }
    this.next = new Map();
  }

  /** Where the last parse gave up reading block by block: the block's offset (undefined: the split). */
  private gaveUpAt: number | undefined;

  private *parseBlocks(text: string): Generator<boolean, PlanModel | undefined, void> {
    this.gaveUpAt = undefined;
    const split = splitBlocks(text);
    if (!split || (!split.goals && split.heads.length === 0)) return undefined;
    const stats = { parsed: 0, reused: 0, mode: 'blocks' as const };
    const head = emptyHead();
    const diagnostics: PlanDiagnostic[] = [];
    const rootJs: Record<string, unknown> = {};
    const headReaders: { key: string; reader: NodeReader; root: Node }[] = [];

    const heads = new Map<number, HeadBlock>();
    for (const h of split.heads) {
      const source = text.slice(h.start, h.end);
      // A section is reused only where it was: editing a goal leaves the sections above it in place.
      let block = this.heads.get(h.start);
      if (block && (block.source !== source || block.key !== h.key)) block = undefined;
      if (!block) {
        block = readHead(h.key, detach(source), h.start);
        stats.parsed++;
        if (!block) {
          this.gaveUpAt = h.start;
          return undefined;
        }
      }
      heads.set(h.start, block);
      mergeHead(head, block.parts);
      Object.assign(rootJs, block.js);
      headReaders.push({ key: h.key, reader: block.reader, root: block.root });
    }

    const goals: PlanItem[] = [];
    const flats: Flat[] = [];
    const next = (this.next = new Map<string, GoalBlock[]>());
    if (split.goals) {
      const g = split.goals;
      const goalJs: unknown[] = [];
      const order: GoalBlock[] = [];
      /** Reused goals to move to another offset or place in the list, once every goal is read. */
      const moves: { block: GoalBlock; index: number; base: number }[] = [];
      for (let i = 0; i < split.goalBlocks.length; i++) {
        const b = split.goalBlocks[i];
        // A goal is read with the next entry's indentation after it: in the whole text yaml's
        // ranges that reach a goal's end (after a comment closing a nested list) run on over it.
        const source = goalSource(text, split, i);
        let block = this.take(source, i);
        if (block) {
          stats.reused++;
          if (block.base !== b.start || block.index !== i) {
            const first = !block.spans;
            moves.push({ block, index: i, base: b.start });
            gatherSpans(block);
            if (first) yield false;
          }
        } else {
          block = readGoal(detach(source), i, b.start, text, g.itemIndent);
          stats.parsed++;
          if (!block) {
            this.gaveUpAt = b.start;
            return undefined;
          }
          yield false;
        }
        // Keyed by the block's own copy of its text, not by a slice of this version's text.
        const list = next.get(block.source);
        if (list) list.push(block);
        else next.set(block.source, [block]);
        order.push(block);
        if (block.goal) goals.push(block.goal);
        flats.push(block.flat);
        goalJs.push(block.js);
        for (const d of block.diagnostics) diagnostics.push(d);
      }
      rootJs.goals = goalJs;
      // From here on the previous model's goals are changed: every yield says so (true), and
      // the read is finished before anything reads this document again.
      let moved = 0;
      for (const m of moves) {
        if (m.block.index !== m.index) reindex(m.block, m.index);
        if (m.block.base !== m.base) rebase(m.block, m.base);
        if (++moved % 256 === 0) yield true;
      }
      // The list ends where yaml stops reading its last goal (see GoalBlock.listEnd).
      const last = order[order.length - 1];
      const end = last.listEnd !== undefined ? Math.min(g.end, last.base + last.listEnd) : g.end;
      const section: Section = { key: 'goals', keySpan: { start: g.keyStart, end: g.keyEnd }, valueSpan: { start: split.goalBlocks[0].start, end }, fields: [] };
      head.sections.push(section);
      // Goals with a YAML error: keep them only if the error cannot have changed what follows.
      for (let i = 0; i < order.length; i++) {
        if (!order[i].problems) continue;
        const after = order[i + 1];
        if (errorStaysInside(order[i], after, after ? g.itemIndent : 0) && (after || !split.heads.some((h) => h.start >= g.end))) continue;
        // Past MAX_FULL_PARSE_LENGTH the goal is kept with its own errors: yaml cannot read
        // the whole text (on a 1M-line plan a mistyped character ran it out of memory).
        if (text.length > MAX_FULL_PARSE_LENGTH) continue;
        this.gaveUpAt = order[i].base;
        return undefined;
      }
    }

    // The root, with each goal already checked in its own block.
    const keyOrder = new Map(headReaders.map((h, i) => [h.key, i]));
    const validate = getValidators().shallow;
    validate(rootJs);
    for (const e of validate.errors ?? []) {
      const seg = e.keyword === 'additionalProperties' && e.instancePath === ''
        ? (e.params as { additionalProperty: string }).additionalProperty
        : e.instancePath.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
      const owner = seg !== undefined ? headReaders[keyOrder.get(seg) ?? -1] : undefined;
      if (owner) {
        diagnostics.push(...schemaDiagnostics([e], owner.reader, owner.root, [], text));
      } else if (e.instancePath === '') {
        // A field missing from the root: a full parse puts it on the root mapping's first line.
        // A plan of nothing but `goals:` has no section to word it with: an empty mapping does.
        const [reader, root] = headReaders[0] ? [headReaders[0].reader, headReaders[0].root] : [new NodeReader(undefined, text, 0), new YAMLMap()];
        diagnostics.push(...schemaDiagnostics([e], reader, root, [], text).map((d) => ({ ...d, span: rootFirstLine(split, text) })));
      }
    }

    const first = Math.min(split.heads[0]?.start ?? Infinity, split.goals?.keyStart ?? Infinity);
    const rootEnd = rootEndOf(text, split);
    this.heads = heads;
    this.blocks = next;
    this.next = new Map();
    this.stats = stats;
    const items: PlanItem[] = [];
    const refs: Reference[] = [];
    for (const f of flats) {
      for (const i of f.items) items.push(i);
      for (const r of f.refs) refs.push(r);
      if (items.length % STEP_ITEMS < f.items.length) yield true;
    }
    return yield* assembleSteps(text, head, goals, { start: first, end: rootEnd }, diagnostics, 'blocks', true, { items, refs });
  }

  /**
   * A cached block with this text: at the same place in the list, or (inserting or deleting a
   * goal moves every goal below it) elsewhere, when nothing in it depends on its place.
   */
  private take(source: string, index: number): GoalBlock | undefined {
    // A first read has nothing cached: do not hash every goal's text to find that out.
    if (this.blocks.size === 0) return undefined;
    const list = this.blocks.get(source);
    if (!list) return undefined;
    let i = list.findIndex((b) => b.index === index);
    if (i < 0) i = list.findIndex((b) => b.movable);
    if (i < 0) return undefined;
    const [b] = list.splice(i, 1);
    return b;
  }
}

/** End of the root mapping's content: the last non-blank, non-comment character of the plan's YAML. */
function rootEndOf(text: string, split: ReturnType<typeof splitBlocks> & object): number {
  // In a full parse the root mapping ends where its last value ends; blocks end at the next
  // block, so trailing comments and blank lines are trimmed the same way yaml does.
  const lastBlockEnd = Math.max(split.goals?.end ?? 0, ...split.heads.map((h) => h.end));
  let end = lastBlockEnd;
  for (;;) {
    let lineStart = end;
    while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    const line = text.slice(lineStart, end);
    const trimmed = line.trim();
    if ((trimmed === '' || trimmed.startsWith('#')) && lineStart > 0) {
      end = lineStart - 1;
      if (end > 0 && text.charCodeAt(end - 1) === 13) end--;
      continue;
    }
    return end;
  }
}

function rootFirstLine(split: NonNullable<ReturnType<typeof splitBlocks>>, text: string): Span {
  const first = Math.min(split.heads[0]?.start ?? Infinity, split.goals?.keyStart ?? Infinity);
  return firstLine(text, { start: first, end: text.length });
}

function readGoal(source: string, index: number, base: number, text: string, itemIndent: number): GoalBlock | undefined {
  // Most goals are plain YAML: read them line by line, and ask yaml only when the line reader
  // gives up. Schema messages are placed on nodes made from what the line reader read.
  const quick = readGoalLines(source, index, base);
  if (quick) {
    const validate = getValidators().goal;
    const diagnostics = validate(quick.js) ? [] : schemaDiagnostics(validate.errors, new NodeReader(undefined, source, base), quick.yamlNode(), ['goals', index], text);
    return { source, index, base, goal: quick.goal, js: quick.js, diagnostics, flat: flatten([quick.goal]), movable: diagnostics.length === 0 && !!quick.goal.id };
  }
  const parsed = parseYaml(source);
  if (isTooDeep(parsed)) return undefined;
  // A YAML mistake: the goal is read from its text with the faulty lines repaired in memory.
  const rec = recoverGoal(source, parsed, itemIndent, text, base);
  const effective = rec ? rec.source : source;
  const read = readGoalWithYaml(effective, index, base, rec?.doc);
  if (!read) return undefined;
  const { doc, reader, node, goal, js } = read;
  let listEnd = read.listEnd;
  const validate = getValidators().goal;
  validate(js);
  const syntax = foldFollowOns(syntaxDiagnostics(doc, base, rec ? base + effective.length : text.length), () => [base]);
  // Schema messages find line ends in the text they were read from.
  const diagnostics = [...syntax, ...schemaDiagnostics(validate.errors, reader, node, ['goals', index], rec ? text.slice(0, base) + effective : text)];
  if (rec) {
    const map = new OffsetMap(rec.repairs, base);
    const spans = new Set<Span>();
    if (goal) collectSpans(goal, spans);
    for (const d of diagnostics) {
      spans.add(d.span);
      for (const r of d.related ?? []) spans.add(r.span);
    }
    map.mapSpans(spans);
    if (listEnd !== undefined) listEnd = map.map(base + listEnd, 'end') - base;
    diagnostics.push(...rec.repairs.map((r) => repairDiagnostic(r, base)));
  }
  const movable = diagnostics.length === 0 && !!goal?.id;
  // A goal whose text had a YAML error that is still there after its repairs is checked with
  // the goal after it (errorStaysInside); a goal repaired to plain YAML is read as such.
  const problems = syntax.length ? problemSignature(doc, 0) : undefined;
  return { source, index, base, goal, js, diagnostics, flat: flatten(goal ? [goal] : []), movable, problems, listEnd, effective: rec ? effective : undefined };
}

/** A goal block read by yaml: the reference the line reader is held to. */
export function readGoalWithYaml(source: string, index: number, base: number, parsed?: Document.Parsed) {
  const doc = parsed ?? parseYaml(source);
  if (isTooDeep(doc)) return undefined;
  const root = doc.contents as Node | null;
  if (!root || !isSeq(root) || root.items.length !== 1) return undefined;
  const reader = new NodeReader(doc, source, base);
  const node = root.items[0];
  const goal = reader.item(node, 'goal', ['goals', index], index, undefined);
  const js = toJS(doc);
  if (js.error) return undefined;
  return { doc, reader, node, goal, js: (js.value as unknown[])[0], listEnd: root.range?.[1] };
}

/** yaml's errors and warnings of a document as comparable text, positions moved by `shift`. */
function problemSignature(doc: Document.Parsed, shift: number): string[] {
  return [...doc.errors, ...doc.warnings].map((e) => `${e.code}@${e.pos[0] + shift}-${e.pos[1] + shift}`);
}

/**
 * A goal whose text has a YAML error is trusted on its own only if the error stays inside it.
 * It is read again under a `goals:` key with the goal after it (if any): the result must be a
 * mapping with only `goals`, the goals must read exactly as they do alone, and yaml must report
 * exactly their own problems. An unclosed quote or bracket (which would swallow what follows)
 * or a line that yaml would attach to the plan's root fails this, and the whole text is read.
 */
function errorStaysInside(block: GoalBlock, after: GoalBlock | undefined, tail: number): boolean {
  const prefix = 'goals:\n';
  const source = block.effective ?? block.source;
  const own = source.slice(0, source.length - tail);
  const doc = parseYaml(prefix + own + (after ? after.effective ?? after.source : ''));
  if (isTooDeep(doc)) return false;
  const root = doc.contents as Node | null;
  if (!root || !isMap(root) || root.items.length !== 1) return false;
  const js = toJS(doc);
  if (js.error) return false;
  const value = js.value as { goals?: unknown[] };
  const goals = [block, ...(after ? [after] : [])];
  if (!Array.isArray(value.goals) || value.goals.length !== goals.length) return false;
  if (goals.some((g, i) => JSON.stringify(value.goals![i]) !== JSON.stringify(g.js))) return false;
  const shift = (p: string, by: number) => p.replace(/@(\d+)-(\d+)$/, (_, x, y) => `@${Number(x) + by}-${Number(y) + by}`);
  const expected = [...block.problems!, ...(after?.problems ?? []).map((p) => shift(p, own.length))];
  return problemSignature(doc, -prefix.length).sort().join() === expected.sort().join();
}

/** Every span object of a block (read only; gathered once per block: see GoalBlock.spans). */
function gatherSpans(block: GoalBlock): Span[] {
  if (!block.spans) {
    const spans = new Set<Span>();
    if (block.goal) collectSpans(block.goal, spans);
    for (const d of block.diagnostics) {
      spans.add(d.span);
      for (const r of d.related ?? []) spans.add(r.span);
    }
    block.spans = [...spans];
  }
  return block.spans;
}

/** Moves a block to another place in the goals list: every item's path starts ['goals', index]. */
function reindex(block: GoalBlock, index: number): void {
  block.index = index;
  if (block.goal) block.goal.index = index;
  for (const item of block.flat.items) item.path[1] = index;
}

/**
 * Moves a reused block to its new offset. Spans are moved in place rather than copied: a
 * keystroke above a goal moves every goal below it, and copying their trees was most of the
 * cost of a keystroke. The previous version's model is replaced by then (a model is valid
 * until its document's next update).
 */
function rebase(block: GoalBlock, base: number): GoalBlock {
  const delta = base - block.base;
  for (const s of gatherSpans(block) as { start: number; end: number }[]) {
    s.start += delta;
    s.end += delta;
  }
  block.base = base;
  return block;
}

