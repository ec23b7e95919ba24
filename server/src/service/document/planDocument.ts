// The plan as a document: what a reader of the published plan sees, in reading order, read once
// from the plan model. The preview and every export (HTML, Markdown, Word) are written from this
// one model; none of them walks the plan again. Narratives stay Markdown source here: each writer
// renders them its own way.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { kindWord, type ItemKind, type PlanItem, type Reference } from '../model';
import { oneLine as collapse } from '../features/documentSymbols';
import { refKind } from '../fields';
import { lowerBound } from '../text';
import { measureYears, type MeasureYear } from '../checks/measures';

export interface Problems {
  errors: number;
  warnings: number;
}

/** A `lead` or `support` entry: the unit's name when a plan of the workspace defines it. */
export interface UnitMention {
  id: string;
  /** The unit's name, or its id when it has no name or is defined nowhere. */
  name: string;
  known: boolean;
}

/** A `related` entry: a link inside the document when the plan has an item with that number. */
export interface ItemLink {
  id: string;
  /** The anchor of the item it names; absent when no item has that number. */
  anchor?: string;
  /** That item's title, for the link's text. */
  title?: string;
}

export interface DocItem {
  kind: ItemKind;
  /** The number as written ("1.1"), or '' when the item has none. */
  number: string;
  /** The title on one line, or '' when there is none. */
  title: string;
  /** "Goal 1: Title", "1.1 Title": what every heading of every format says. */
  heading: string;
  /** The description as written: CommonMark. */
  narrative: string;
  /** Unique in the document: a fragment for links (`#item-1.1`). */
  anchor: string;
  /** 0-based line where the item starts in the plan. */
  line: number;
  lead: UnitMention[];
  support: UnitMention[];
  related: ItemLink[];
  /** Problems in the item's own text (its children's are on them). */
  problems: Problems;
  /** Its performance measures, in the order written. */
  measures: DocMeasure[];
  /** Its milestones, in the order written. */
  milestones: DocMilestone[];
  children: DocItem[];
}

/** A performance measure as the document shows it: what it counts, its baseline, and each fiscal year's target, result and status. */
export interface DocMeasure {
  /** The id as written, or '' when it has none. */
  id: string;
  name: string;
  unit: string;
  direction: string;
  kind: string;
  lead: UnitMention[];
  source: string;
  priority: boolean;
  baseline?: { year: string; value: string };
  years: MeasureYear[];
  line: number;
}

export interface DocMilestone {
  title: string;
  /** The due date as written, or ''. */
  due: string;
  /** Unset when the plan does not say. */
  done?: boolean;
  line: number;
}

export interface DocUnit {
  id: string;
  name: string;
  kind: string;
  narrative: string;
  line: number;
}

export interface DocValue {
  name: string;
  narrative: string;
  line: number;
}

export interface PlanDocumentModel {
  /** The plan's title, or the file name when it has none. */
  title: string;
  organization?: { name: string; acronym: string };
  /** "2021–2025", or undefined. */
  period?: string;
  mission?: string;
  vision?: string;
  values: DocValue[];
  units: DocUnit[];
  goals: DocItem[];
  /** Lines of the top-level sections (title, mission, vision, values, units), where present. */
  lines: Partial<Record<'title' | 'organization' | 'period' | 'mission' | 'vision' | 'values' | 'units' | 'goals', number>>;
  /** Every problem of the plan. */
  problems: Problems;
  /** Problems outside the goals (in the title, mission, units, ...). */
  headProblems: Problems;
}

/**
 * Reads the document of one version of a plan. `diagnostics` are the plan's LSP diagnostics (the
 * ones the editor shows), counted per item.
 */
export function buildPlanDocument(ws: PlanWorkspace, doc: PlanDocument, diagnostics: Diagnostic[], fallbackTitle = ''): PlanDocumentModel {
  const m = doc.model;
  const lineOf = (offset: number) => doc.lines.positionAt(offset).line;
  const units = ws.units();
  const unitMention = (r: Reference): UnitMention => {
    const id = r.target.text;
    const own = m.unitsById.get(id)?.[0];
    const found = own ?? units.get(id)?.[0]?.unit;
    return { id, name: oneLine(found?.name) || id, known: !!found };
  };

  // Anchors first: a `related` link may point at an item further down.
  const anchors = new Map<PlanItem, string>();
  const taken = new Set<string>();
  for (const item of m.items) {
    const base = item.id?.text ? slug(item.id.text) : `item-${item.path.join('-')}`;
    let a = base;
    for (let n = 2; taken.has(a); n++) a = `${base}-${n}`;
    taken.add(a);
    anchors.set(item, a);
  }

  // Problems by offset: an item's are those inside its text, less its children's.
  const errors: number[] = [];
  const warnings: number[] = [];
  for (const d of diagnostics) {
    const sev = d.severity ?? 1;
    if (sev === 1) errors.push(doc.lines.offsetAt(d.range.start));
    else if (sev === 2) warnings.push(doc.lines.offsetAt(d.range.start));
  }
  errors.sort((a, b) => a - b);
  warnings.sort((a, b) => a - b);
  const inside = (it: PlanItem): Problems => ({ errors: countIn(errors, it.span.start, it.span.end), warnings: countIn(warnings, it.span.start, it.span.end) });
  /**
   * What an item's document depends on outside its own text, as plain values compared one by one:
   * its anchor, and for each entry the unit's name and whether it is known, or the anchor and
   * title of the item it names.
   */
  const walkDeps = (goal: PlanItem, visit: (v: string | boolean) => boolean): boolean => {
    const walk = (it: PlanItem): boolean => {
      if (!visit(anchors.get(it)!)) return false;
      for (const r of it.refs) {
        const id = r.target.text;
        if (refKind(r) === 'item') {
          const target = m.itemsById.get(id)?.[0];
          if (!visit(target ? anchors.get(target)! : '') || !visit(target?.title ?? '')) return false;
        } else {
          const found = m.unitsById.get(id)?.[0] ?? units.get(id)?.[0]?.unit;
          if (!visit(found?.name ?? id) || !visit(!!found)) return false;
        }
      }
      for (const c of it.children) if (!walk(c)) return false;
      return true;
    };
    return walk(goal);
  };
  const depsOf = (goal: PlanItem): (string | boolean)[] => {
    const out: (string | boolean)[] = [];
    walkDeps(goal, (v) => out.push(v) > 0);
    return out;
  };
  const depsMatch = (goal: PlanItem, deps: (string | boolean)[]): boolean => {
    let i = 0;
    return walkDeps(goal, (v) => deps[i++] === v) && i === deps.length;
  };
  const item = (it: PlanItem): DocItem => {
    const children = it.children.map(item);
    const number = oneLine(it.id?.text);
    const title = oneLine(it.title);
    // The item's own entries: a measure's `lead` (r.measure) is the measure's, not the item's.
    const refs = (field: Reference['field']) => it.refs.filter((r) => r.field === field && !r.measure);
    const all = inside(it);
    // A child read through an alias may sit outside its parent's text: only children inside count against it.
    const within = it.children.filter((c) => c.span.start >= it.span.start && c.span.start <= it.span.end).map(inside);
    const sum = (k: keyof Problems) => within.reduce((n, c) => n + c[k], 0);
    return {
      kind: it.kind,
      number,
      title,
      heading: heading(it.kind, number, title),
      narrative: it.description ?? '',
      anchor: anchors.get(it)!,
      line: lineOf(it.span.start),
      lead: refs('lead').map(unitMention),
      support: refs('support').map(unitMention),
      related: refs('related').map((r) => {
        const target = m.itemsById.get(r.target.text)?.[0];
        return target ? { id: r.target.text, anchor: anchors.get(target), title: oneLine(target.title) } : { id: r.target.text };
      }),
      problems: { errors: Math.max(0, all.errors - sum('errors')), warnings: Math.max(0, all.warnings - sum('warnings')) },
      measures: (it.measures ?? []).map((x): DocMeasure => {
        const b = x.baseline;
        return {
          id: oneLine(x.id?.text),
          name: oneLine(x.name),
          unit: oneLine(x.unit),
          direction: oneLine(x.direction),
          kind: oneLine(x.kind),
          lead: it.refs.filter((r) => r.measure === x).map(unitMention),
          source: oneLine(x.source),
          priority: x.priority === true,
          ...(b && (b.year || b.value) ? { baseline: { year: oneLine(b.year?.text), value: oneLine(b.value?.text) } } : {}),
          years: measureYears(x).map((y) => ({ ...y, ...(y.target !== undefined ? { target: oneLine(y.target) } : {}), ...(y.result !== undefined ? { result: oneLine(y.result) } : {}) })),
          line: lineOf(x.span.start),
        };
      }),
      milestones: (it.milestones ?? []).map((x) => ({ title: oneLine(x.title), due: oneLine(x.due?.text), ...(x.done !== undefined ? { done: x.done } : {}), line: lineOf(x.span.start) })),
      children,
    };
  };
  // A goal whose text, first line and problems (at the same places in it) are those of the last
  // version, and whose anchors and named units and items read the same, keeps its
  // document: the writers keep what they wrote from it (html.ts), so a keystroke re-renders one goal.
  let inGoals: Problems = { errors: 0, warnings: 0 };
  const goals = m.goals.map((g) => {
    const line = lineOf(g.span.start);
    const problems = `${offsetsIn(errors, g.span)}|${offsetsIn(warnings, g.span)}`;
    const p = inside(g);
    inGoals = { errors: inGoals.errors + p.errors, warnings: inGoals.warnings + p.warnings };
    const cached = goalDocs.get(g);
    if (cached && cached.line === line && cached.problems === problems && depsMatch(g, cached.deps)) return cached.item;
    const built = item(g);
    goalDocs.set(g, { line, problems, deps: depsOf(g), item: built });
    return built;
  });

  const lines: PlanDocumentModel['lines'] = {};
  for (const s of m.sections) if (isHeadKey(s.key) && lines[s.key] === undefined) lines[s.key] = lineOf(s.keySpan.start);
  const total = count(diagnostics);
  const org = m.organization;
  const period = m.period && (m.period.start || m.period.end) ? [m.period.start, m.period.end].map((y) => oneLine(y) || '…').join('–') : undefined;
  return {
    title: oneLine(m.title) || fallbackTitle,
    organization: org && (org.name || org.acronym) ? { name: oneLine(org.name), acronym: oneLine(org.acronym) } : undefined,
    period,
    mission: m.mission,
    vision: m.vision,
    values: m.values.map((v) => ({ name: oneLine(v.name), narrative: v.description ?? '', line: lineOf(v.span.start) })),
    units: m.units.map((u) => ({ id: oneLine(u.id?.text), name: oneLine(u.name), kind: oneLine(u.kind), narrative: u.description ?? '', line: lineOf(u.span.start) })),
    goals,
    lines,
    problems: total,
    headProblems: { errors: Math.max(0, total.errors - inGoals.errors), warnings: Math.max(0, total.warnings - inGoals.warnings) },
  };
}

/** The document of each goal, kept while the goal object lives (see buildPlanDocument). */
const goalDocs = new WeakMap<PlanItem, { line: number; problems: string; deps: (string | boolean)[]; item: DocItem }>();

/** "Goal 1: Title" for goals, "1.1 Title" below; the word alone when the item has no number. */
export function heading(kind: ItemKind, number: string, title: string): string {
  if (kind === 'goal') {
    const label = number ? `Goal ${number}` : 'Goal';
    return title ? `${label}: ${title}` : label;
  }
  if (number) return title ? `${number} ${title}` : number;
  const word = kindWord(kind);
  return title || `(untitled ${word})`;
}

/** The fiscal years of a table of measures: every year any of them has a target or a result for, in order. */
export function measureColumns(measures: DocMeasure[]): number[] {
  const years = new Set<number>();
  for (const m of measures) for (const y of m.years) years.add(y.year);
  return [...years].sort((a, z) => a - z);
}

/** How each status reads in the document. */
export const STATUS_TEXT: Readonly<Record<MeasureYear['status'], string>> = { met: '✓ met', 'not met': '✗ not met', 'no result': 'no result yet' };

/** "PM-1.1.1 Acres of new parkland opened": a measure's row heading. */
export function measureLabel(m: DocMeasure): string {
  return [m.id, m.name].filter(Boolean).join(' ') || '(unnamed measure)';
}

/** "acres · increase · output · lead Parks Division (PARKS)": what a measure is, in one line. */
export function measureFacts(m: DocMeasure): string {
  const lead = m.lead.map((u) => (u.known && u.name !== u.id ? `${u.name} (${u.id})` : u.known ? u.name : `${u.name} (unit not defined)`)).join(', ');
  return [m.unit && `unit: ${m.unit}`, m.direction && `direction: ${m.direction}`, m.kind && `kind: ${m.kind}`, lead && `lead: ${lead}`, m.priority && 'agency priority goal', m.source && `source: ${m.source}`].filter(Boolean).join(' · ');
}

/** "due 2026-06-30, done": a milestone's date and state. */
export function milestoneFacts(ms: DocMilestone): string {
  return [ms.due && `due ${ms.due}`, ms.done === true ? 'done' : ms.done === false ? 'not done' : ''].filter(Boolean).join(', ');
}

/** Every item of the document in reading order. */
export function allItems(goals: DocItem[]): DocItem[] {
  const out: DocItem[] = [];
  const walk = (items: DocItem[]) => { for (const i of items) { out.push(i); walk(i.children); } };
  walk(goals);
  return out;
}

function isHeadKey(k: string): k is keyof PlanDocumentModel['lines'] {
  return ['title', 'organization', 'period', 'mission', 'vision', 'values', 'units', 'goals'].includes(k);
}

/** `item-` and the number: letters, digits, `.`, `-` and `_` as they are, anything else as its code. */
function slug(id: string): string {
  let s = slugs.get(id);
  if (s === undefined) {
    s = `item-${id.replace(/[^A-Za-z0-9._-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
    if (slugs.size > 100_000) slugs.clear();
    slugs.set(id, s);
  }
  return s;
}
const slugs = new Map<string, string>();

function count(diagnostics: Diagnostic[]): Problems {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    const s = d.severity ?? 1;
    if (s === 1) errors++;
    else if (s === 2) warnings++;
  }
  return { errors, warnings };
}

/** One line, spaces collapsed; most titles have nothing to collapse and are returned as they are. */
function oneLine(s: string | undefined): string {
  if (s === undefined) return '';
  return /[\t\n\r\f\v]| {2}|^\s|\s$/.test(s) || /[^\x00-\x7f]/.test(s) ? collapse(s) : s;
}

/** How many of the sorted offsets lie in [start, end]. */
function countIn(sorted: number[], start: number, end: number): number {
  return lowerBound(sorted, end + 1) - lowerBound(sorted, start);
}

/** The sorted offsets in a span, relative to its start. */
function offsetsIn(sorted: number[], span: { start: number; end: number }): string {
  const from = lowerBound(sorted, span.start);
  const to = lowerBound(sorted, span.end + 1);
  return from === to ? '' : sorted.slice(from, to).map((x) => x - span.start).join(',');
}

