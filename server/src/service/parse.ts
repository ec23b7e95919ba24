// Text → plan model. Two ways, one result:
//  - parseFull reads the whole text as one yaml document (the reference, and the fallback);
//  - PlanParser reads it block by block (see split.ts) and reuses the blocks of the previous
//    version that did not change, so a keystroke re-reads one goal, not the whole plan; a goal
//    is read by lineReader.ts when its YAML is plain, by yaml otherwise.
// A property test holds the two to identical diagnostics after every edit.
import { Document, isMap, isSeq, Node, Pair, parseDocument, YAMLError, YAMLMap } from 'yaml';
import { collectSpans, emptyHead, HeadParts, NodeReader } from './build';
import { checkNumbering } from './checks/numbering';
import { checkRelated } from './checks/references';
import type { PlanDiagnostic, PlanItem, PlanModel, Reference, Section, Unit } from './model';
import { readGoalLines } from './lineReader';
import { getValidators, schemaDiagnostics } from './schema';
import { splitBlocks } from './split';
import { firstLine, type Span } from './text';

// logLevel 'error': yaml would otherwise print its warnings on the server's stderr; we report them.
const PARSE_OPTIONS = { prettyErrors: false, merge: true, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' } as const;
const TO_JS = { maxAliasCount: 1000 } as const;

function parseYaml(source: string): Document.Parsed {
  return parseDocument(normalizeLineEnds(source), PARSE_OPTIONS) as Document.Parsed;
}

/**
 * yaml does not end lines at a lone carriage return, LSP does. Replacing each by a line feed
 * keeps every offset where it was, so positions agree with the editor's.
 */
function normalizeLineEnds(text: string): string {
  return /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Reads a parsed document's JSON value, or undefined when it cannot be expanded safely (alias bombs). */
function toJS(doc: Document.Parsed): { value: unknown; error?: string } {
  try {
    return { value: doc.toJS(TO_JS) };
  } catch (e) {
    return { value: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}

const YAML_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'This field appears twice in the same place; keep one of them.',
  TAB_AS_INDENT: 'Tabs cannot indent YAML; indent with spaces.',
  BAD_INDENT: 'Check the indentation: items of a list or fields of a group must line up.',
  MISSING_CHAR: 'A quote or bracket is not closed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a `:` or a quote missing on the line before?',
  UNEXPECTED_TOKEN: 'Something here does not fit the YAML around it.',
  MULTIPLE_DOCS: '',
  BLOCK_AS_IMPLICIT_KEY: 'A colon followed by a space starts a new field; if it is part of the text, put the whole text in quotes.',
};

function syntaxDiagnostics(doc: Document.Parsed, base: number, textLength: number): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  const add = (e: YAMLError, severity: 'error' | 'warning') => {
    const start = Math.min(base + e.pos[0], textLength);
    const end = Math.min(Math.max(base + e.pos[1], start), textLength);
    const raw = e.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim();
    const hint = YAML_HINTS[e.code];
    const message = e.code === 'MULTIPLE_DOCS'
      ? 'This file holds more than one YAML document (separated by `---`). A plan is one document: remove the `---` line and what follows it, or move that part to a file of its own.'
      : `YAML syntax: ${raw.replace(/\.?$/, '.')}${hint ? ' ' + hint : ''}`;
    out.push({ span: { start, end }, severity, code: 'yaml-syntax', message, data: { yamlCode: e.code } });
  };
  for (const e of doc.errors) add(e, 'error');
  for (const w of doc.warnings) add(w, 'warning');
  return out;
}

function aliasDiagnostic(doc: Document.Parsed, base: number, error: string): PlanDiagnostic {
  const r = (doc.contents as Node | null)?.range;
  return {
    span: { start: base + (r?.[0] ?? 0), end: base + (r?.[0] ?? 0) },
    severity: 'error',
    code: 'yaml-syntax',
    message: `YAML syntax: the plan's aliases expand to too much data to read (${error.replace(/\.$/, '')}). Write the repeated parts out instead of using nested aliases.`,
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

function assemble(
  text: string,
  head: HeadParts,
  goals: PlanItem[],
  rootSpan: Span,
  diagnostics: PlanDiagnostic[],
  parseMode: PlanModel['parseMode'],
  checkStructure = true,
  flat: Flat = flatten(goals),
): PlanModel {
  const { items, refs } = flat;
  const itemsById = new Map<string, PlanItem[]>();
  for (const item of items) {
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
    organization: head.organization,
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
    checkNumbering(model, diagnostics);
    checkRelated(model, diagnostics);
  }
  sortDiagnostics(diagnostics);
  return model;
}

/**
 * Flow collections nested deeper than this are refused before yaml reads them: its reader is
 * recursive, and how deep it gets before the stack runs out depends on the caller.
 */
export const MAX_FLOW_DEPTH = 1000;

/** Offset where `[`/`{` nesting first exceeds MAX_FLOW_DEPTH (quotes ignored: a safe overestimate). */
function tooDeep(text: string): number {
  // Fewer brackets than the limit cannot nest past it: count them with native search first.
  let count = 0;
  for (const open of ['[', '{']) {
    for (let i = text.indexOf(open); i >= 0 && count <= MAX_FLOW_DEPTH; i = text.indexOf(open, i + 1)) count++;
  }
  if (count <= MAX_FLOW_DEPTH) return -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return -1;
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

/** Reads the whole text as one yaml document. */
export function parseFull(text: string): PlanModel {
  const deep = tooDeep(text);
  if (deep >= 0) {
    const diagnostics: PlanDiagnostic[] = [{
      span: { start: deep, end: deep + 1 },
      severity: 'error',
      code: 'yaml-syntax',
      message: `YAML syntax: brackets are nested more than ${MAX_FLOW_DEPTH} levels deep here, too deep to read. A plan needs only a few levels; check for a run of [ or { characters.`,
    }];
    return assemble(text, emptyHead(), [], { start: 0, end: 0 }, diagnostics, 'full', false);
  }
  const doc = parseYaml(text);
  const reader = new NodeReader(doc, text, 0);
  const conflicts = conflictDiagnostics(text);
  const diagnostics = syntaxDiagnostics(doc, 0, text.length);
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
  else if (root === null && !diagnostics.length) {
    diagnostics.push({
      span: { start: 0, end: 0 },
      severity: 'error',
      code: 'schema',
      message: 'This plan is empty. Start it with `planwright: 1`, a `title:` and `goals:` (the command "Planwright: New Plan" writes a template).',
    });
  } else {
    const validate = getValidators().full;
    validate(js.value);
    diagnostics.push(...schemaDiagnostics(validate.errors, reader, root, [], text));
  }
  const rootSpan = root?.range ? { start: root.range[0], end: root.range[1] } : { start: 0, end: 0 };
  return assemble(text, head, goals, rootSpan, diagnostics, 'full', conflicts.length === 0);
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
  if (tooDeep(source) >= 0) return undefined;
  const doc = parseYaml(source);
  if (doc.errors.length || doc.warnings.length) return undefined;
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
  if (from.organization !== undefined) into.organization = from.organization;
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
    const model = this.parseBlocks(text);
    if (model) return model;
    // Keep what was read: once a half-typed line is finished, only its goal is read again.
    for (const [source, list] of this.next) {
      const kept = this.blocks.get(source);
      if (kept) kept.push(...list);
      else this.blocks.set(source, list);
    }
    this.next = new Map();
    this.stats = { parsed: 1, reused: 0, mode: 'full' };
    return parseFull(text);
  }

  private parseBlocks(text: string): PlanModel | undefined {
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
        if (!block) return undefined;
      }
      heads.set(h.start, block);
      mergeHead(head, block.parts);
      Object.assign(rootJs, block.js);
      headReaders.push({ key: h.key, reader: block.reader, root: block.root });
    }
    this.heads = heads;

    const goals: PlanItem[] = [];
    const flats: Flat[] = [];
    const next = (this.next = new Map<string, GoalBlock[]>());
    if (split.goals) {
      const g = split.goals;
      const goalJs: unknown[] = [];
      const order: GoalBlock[] = [];
      for (let i = 0; i < split.goalBlocks.length; i++) {
        const b = split.goalBlocks[i];
        // A goal is read with the next entry's indentation after it: in the whole text yaml's
        // ranges that reach a goal's end (after a comment closing a nested list) run on over it.
        const source = text.slice(b.start, i + 1 < split.goalBlocks.length ? b.end + g.itemIndent : b.end);
        let block = this.take(source, i);
        if (block) {
          stats.reused++;
          if (block.base !== b.start) block = rebase(block, b.start);
        } else {
          block = readGoal(detach(source), i, b.start, text);
          stats.parsed++;
          if (!block) return undefined;
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
      // The list ends where yaml stops reading its last goal (see GoalBlock.listEnd).
      const last = order[order.length - 1];
      const end = last.listEnd !== undefined ? Math.min(g.end, last.base + last.listEnd) : g.end;
      const section: Section = { key: 'goals', keySpan: { start: g.keyStart, end: g.keyEnd }, valueSpan: { start: split.goalBlocks[0].start, end }, fields: [] };
      head.sections.push(section);
      // Goals with a YAML error: keep them only if the error cannot have changed what follows.
      for (let i = 0; i < order.length; i++) {
        if (!order[i].problems) continue;
        const after = order[i + 1];
        if (!errorStaysInside(order[i], after, after ? g.itemIndent : 0) || (!after && split.heads.some((h) => h.start >= g.end))) return undefined;
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
    this.blocks = next;
    this.next = new Map();
    this.stats = stats;
    const items: PlanItem[] = [];
    const refs: Reference[] = [];
    for (const f of flats) {
      for (const i of f.items) items.push(i);
      for (const r of f.refs) refs.push(r);
    }
    return assemble(text, head, goals, { start: first, end: rootEnd }, diagnostics, 'blocks', true, { items, refs });
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
    if (b.index !== index) reindex(b, index);
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

function readGoal(source: string, index: number, base: number, text: string): GoalBlock | undefined {
  // Most goals are plain YAML: read them line by line, and ask yaml only when the line reader
  // gives up. Schema messages are placed on nodes made from what the line reader read.
  const quick = readGoalLines(source, index, base);
  if (quick) {
    const validate = getValidators().goal;
    const diagnostics = validate(quick.js) ? [] : schemaDiagnostics(validate.errors, new NodeReader(undefined, source, base), quick.yamlNode(), ['goals', index], text);
    return { source, index, base, goal: quick.goal, js: quick.js, diagnostics, flat: flatten([quick.goal]), movable: diagnostics.length === 0 && !!quick.goal.id };
  }
  if (tooDeep(source) >= 0) return undefined;
  const read = readGoalWithYaml(source, index, base);
  if (!read) return undefined;
  const { doc, reader, node, goal, js, listEnd } = read;
  const validate = getValidators().goal;
  validate(js);
  const syntax = syntaxDiagnostics(doc, base, text.length);
  const diagnostics = [...syntax, ...schemaDiagnostics(validate.errors, reader, node, ['goals', index], text)];
  const movable = diagnostics.length === 0 && !!goal?.id;
  const problems = syntax.length ? problemSignature(doc, 0) : undefined;
  return { source, index, base, goal, js, diagnostics, flat: flatten(goal ? [goal] : []), movable, problems, listEnd };
}

/** A goal block read by yaml: the reference the line reader is held to. */
export function readGoalWithYaml(source: string, index: number, base: number) {
  const doc = parseYaml(source);
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
  const own = block.source.slice(0, block.source.length - tail);
  const doc = parseYaml(prefix + own + (after?.source ?? ''));
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
  if (!block.spans) {
    const spans = new Set<Span>();
    if (block.goal) collectSpans(block.goal, spans);
    for (const d of block.diagnostics) {
      spans.add(d.span);
      for (const r of d.related ?? []) spans.add(r.span);
    }
    block.spans = [...spans];
  }
  for (const s of block.spans as { start: number; end: number }[]) {
    s.start += delta;
    s.end += delta;
  }
  block.base = base;
  return block;
}

