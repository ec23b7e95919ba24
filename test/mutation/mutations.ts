// The mutation harness: one mistake at a time, made to every applicable item of real plans, each
// checked by the language service as the editor and the CLI check it. A case succeeds when the
// plan then has exactly one error or warning, within one line of the mistake; a case is "far"
// when any diagnostic sits more than 3 lines from it. See issue #10 and docs/reliability.md.
//
//   npm run mutations        (prints the table for the ICE sample and the harness's own plans)

import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { parseFull } from '../../server/src/service/parse';
import type { PlanItem, PlanModel } from '../../server/src/service/model';
import { parentSamples } from '../../server/src/service/test-util';
import { lastAtOrBefore } from '../../server/src/service/text';
import { generatePlan } from '../bench/generate';

export type MutationKind =
  | 'own-number'
  | 'wrong-goal'
  | 'deleted'
  | 'id-key'
  | 'tab'
  | 'open-quote'
  | 'colon'
  | 'indent'
  | 'duplicated-line'
  | 'title-moved'
  | 'title-into-next'
  | 'field-deleted'
  | 'unit-key'
  | 'wrong-type'
  | 'children-key'
  | 'section-key';

export const KIND_LABELS: Record<MutationKind, string> = {
  'own-number': 'an item\'s own number mistyped ("1.2" → "1.7")',
  'wrong-goal': 'an item\'s number given the wrong goal ("1.2" → "2.2" under goal 1)',
  deleted: 'an objective or sub-objective deleted (a gap)',
  'id-key': '`id:` mistyped as `ib:`',
  tab: 'a tab instead of two spaces at the start of a line',
  'open-quote': 'a quote left open (`id: "1.2`)',
  colon: 'the colon after a key dropped (`title Recruit ...`)',
  indent: 'a line indented one space more',
  'duplicated-line': 'a line duplicated',
  'title-moved': 'a title moved out of its item (dedented to the level of its `-`)',
  'title-into-next': 'a title moved into the next item (cut, and pasted under the next `- id:`)',
  'field-deleted': 'a required field deleted (an item\'s `title:` line)',
  'unit-key': 'a key misspelt in a unit (`id:` as `ib:`, `name:` as `nmae:`)',
  'children-key': 'a key misspelt in an item (`objectives:` as `objectivs:`, `subobjectives:` as `subobjectves:`)',
  'section-key': 'a top-level key misspelt (`units:` as `unit:`, `mission:` as `misson:`, ...)',
  'wrong-type': 'a value of the wrong type (an empty `title:` or `id:`, a title written as a list)',
};

/** The kinds about numbering, which the test holds to the target. */
export const NUMBERING_KINDS: MutationKind[] = ['own-number', 'wrong-goal', 'deleted'];

/** The kinds that are YAML mistakes, which the test holds to the target too (recover.ts repairs them; a colon left out inside braces is schema.ts's). */
export const YAML_KINDS: MutationKind[] = ['tab', 'open-quote', 'colon', 'indent', 'duplicated-line', 'title-moved', 'title-into-next'];
/** The kinds about the plan's fields (the schema), which the test holds to the target. */
export const SCHEMA_KINDS: MutationKind[] = ['id-key', 'field-deleted', 'unit-key', 'wrong-type', 'children-key', 'section-key'];

/** At most this many cases per kind and plan for the kinds that are about a line, not an item. */
const SAMPLE = 20;

export interface Mutation {
  kind: MutationKind;
  /** Which plan and item, for messages: "ice: objective 1.2". */
  where: string;
  text: string;
  /** 0-based line of the mistake in the mutated text. */
  line: number;
}

export interface CaseResult extends Mutation {
  /** Errors and warnings. */
  problems: { line: number; code: string; message: string }[];
  ok: boolean;
  far: boolean;
}

const ROOT = path.resolve(__dirname, '../../..');

/** The plans the harness runs on: the ICE sample, a hand-written plan, a generated plan. */
export function harnessPlans(): { name: string; text: string }[] {
  return [
    { name: 'ice', text: fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8') },
    { name: 'river-valley', text: fs.readFileSync(path.join(ROOT, 'test/fixtures/river-valley.plan.yaml'), 'utf8') },
    { name: 'generated-3x4x3', text: generatePlan({ goals: 3, objectives: 4, subobjectives: 3, seed: 7, goalDescriptionLines: 2, objectiveDescriptionLines: 2, subDescriptionEvery: 3, subDescriptionLines: 2 }).text },
  ];
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  return lastAtOrBefore(starts, offset);
}

/** Every `related` target and every ancestor of one: changing them makes a second, true problem. */
function namedByRelated(model: PlanModel): { named: Set<PlanItem>; withNamedDescendant: Set<PlanItem> } {
  const named = new Set<PlanItem>();
  const withNamedDescendant = new Set<PlanItem>();
  for (const ref of model.refs) {
    if (ref.field !== 'related') continue;
    for (const item of model.itemsById.get(ref.target.text) ?? []) {
      named.add(item);
      for (let p = item.parent; p; p = p.parent) withNamedDescendant.add(p);
    }
  }
  return { named, withNamedDescendant };
}

/** `n` of `list`, spread evenly (deterministic). */
function spread<T>(list: T[], n: number): T[] {
  if (list.length <= n) return list;
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]);
}

/** Every single mistake the harness makes to one plan. */
export function mutations(name: string, text: string): Mutation[] {
  const model = parseFull(text);
  if (model.diagnostics.length) throw new Error(`${name}: the plan must be clean before mutating it: ${model.diagnostics[0].message}`);
  const starts = lineStarts(text);
  const lineText = (l: number) => text.slice(starts[l], l + 1 < starts.length ? starts[l + 1] : text.length);
  const { named, withNamedDescendant } = namedByRelated(model);
  const out: Mutation[] = [];
  const label = (item: PlanItem) => `${name}: ${item.kind} ${item.id!.text}`;
  const replace = (start: number, end: number, s: string) => text.slice(0, start) + s + text.slice(end);
  const items = model.items.filter((i) => i.id);
  const siblingsOf = (item: PlanItem) => (item.parent ? item.parent.children : model.goals);
  /** The id's number as written, inside its quotes. */
  const idInner = (item: PlanItem) => {
    const s = item.id!.span;
    const raw = text.slice(s.start, s.end);
    const q = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
    return { start: s.start + q, end: s.end - q, quoted: q === 1 };
  };
  const titleLine = (item: PlanItem) => (item.titleSpan ? lineOf(starts, item.titleSpan.start) : undefined);

  for (const item of items) {
    if (named.has(item)) continue;
    const { start, end } = idInner(item);
    const idLine = lineOf(starts, start);
    const parts = item.id!.text.split('.');
    // Own number mistyped: a number none of its siblings has.
    const own = String(siblingsOf(item).length + 3);
    out.push({ kind: 'own-number', where: label(item), text: replace(start, end, [...parts.slice(0, -1), own].join('.')), line: idLine });
    // The wrong goal.
    if (parts.length > 1) {
      const g = Number(parts[0]);
      const other = g < model.goals.length ? g + 1 : g - 1;
      out.push({ kind: 'wrong-goal', where: label(item), text: replace(start, end, [String(other), ...parts.slice(1)].join('.')), line: idLine });
    }
  }
  // `id:` mistyped as `ib:`, items named by `related` too: the misspelt key is read as the id
  // it stands for, so the links to the item still resolve.
  for (const item of items) {
    const idField = item.fields.find((f) => f.key === 'id');
    if (idField && text.slice(idField.keySpan.start, idField.keySpan.end) === 'id') {
      out.push({ kind: 'id-key', where: label(item), text: replace(idField.keySpan.start, idField.keySpan.end, 'ib'), line: lineOf(starts, idField.keySpan.start) });
    }
  }

  // Deleted: an objective or sub-objective that is not the last of its siblings (deleting the last
  // leaves a plan that is right), whose lines run up to the next sibling.
  for (const item of items) {
    if (item.kind === 'goal' || named.has(item) || withNamedDescendant.has(item)) continue;
    const next = siblingsOf(item)[item.index + 1];
    if (!next) continue;
    const from = starts[lineOf(starts, item.span.start)];
    const to = starts[lineOf(starts, next.span.start)];
    out.push({ kind: 'deleted', where: label(item), text: replace(from, to, ''), line: lineOf(starts, from) });
  }

  // Kinds about one line of an item: sampled evenly over the items.
  const lineCases = (kind: MutationKind, make: (item: PlanItem) => Omit<Mutation, 'kind' | 'where'> | undefined) => {
    const made: Mutation[] = [];
    for (const item of items) {
      if (named.has(item)) continue;
      const m = make(item);
      if (m) made.push({ kind, where: label(item), ...m });
    }
    out.push(...spread(made, SAMPLE));
  };
  /** The line the title is on (the item's only line for a one-line item). */
  const mainLine = (item: PlanItem) => titleLine(item) ?? lineOf(starts, item.span.start);
  lineCases('tab', (item) => {
    const l = mainLine(item);
    if (!lineText(l).startsWith('  ')) return undefined;
    return { text: replace(starts[l], starts[l] + 2, '\t'), line: l };
  });
  lineCases('open-quote', (item) => {
    const { end, quoted } = idInner(item);
    if (!quoted) return undefined;
    return { text: replace(end, end + 1, ''), line: lineOf(starts, end) };
  });
  lineCases('colon', (item) => {
    const f = item.fields.find((x) => x.key === 'title');
    if (!f || text.slice(f.keySpan.end, f.keySpan.end + 2) !== ': ') return undefined;
    return { text: replace(f.keySpan.end, f.keySpan.end + 1, ''), line: lineOf(starts, f.keySpan.start) };
  });
  lineCases('indent', (item) => {
    const l = mainLine(item);
    return { text: replace(starts[l], starts[l], ' '), line: l };
  });
  lineCases('duplicated-line', (item) => {
    const l = mainLine(item);
    const s = lineText(l);
    return { text: replace(starts[l], starts[l], s.endsWith('\n') ? s : s + '\n'), line: l + 1 };
  });
  // A required field deleted: an item's one-line title. Every item, as ids are.
  for (const item of items) {
    if (named.has(item)) continue;
    const l = titleLine(item);
    if (l === undefined || l === lineOf(starts, item.span.start) || lineOf(starts, item.titleSpan!.end) !== l) continue;
    const from = starts[l];
    const to = l + 1 < starts.length ? starts[l + 1] : text.length;
    out.push({ kind: 'field-deleted', where: label(item), text: replace(from, to, ''), line: Math.max(0, l - 1) });
  }
  // A value of the wrong type, in turn: an empty title, an empty id, a title written as a list.
  let turn = 0;
  for (const item of items) {
    if (named.has(item)) continue;
    const t = item.fields.find((f) => f.key === 'title');
    const i = item.fields.find((f) => f.key === 'id');
    const k = turn++ % 3;
    if (k === 0 && t && t.valueSpan.end > t.valueSpan.start) {
      out.push({ kind: 'wrong-type', where: `${label(item)} (empty title)`, text: replace(t.keySpan.end + 1, t.valueSpan.end, ''), line: lineOf(starts, t.keySpan.start) });
    } else if (k === 1 && i && i.valueSpan.end > i.valueSpan.start) {
      out.push({ kind: 'wrong-type', where: `${label(item)} (empty id)`, text: replace(i.keySpan.end + 1, i.valueSpan.end, ''), line: lineOf(starts, i.keySpan.start) });
    } else if (k === 2 && t && lineOf(starts, t.valueSpan.end) === lineOf(starts, t.valueSpan.start) && /^[A-Za-z][^\n#:\[\]{},"']*$/.test(text.slice(t.valueSpan.start, t.valueSpan.end))) {
      out.push({ kind: 'wrong-type', where: `${label(item)} (title as a list)`, text: replace(t.valueSpan.start, t.valueSpan.end, `[${text.slice(t.valueSpan.start, t.valueSpan.end)}]`), line: lineOf(starts, t.keySpan.start) });
    }
  }
  // The key of an item's children misspelt, items whose children `related` names too (they are
  // read under the key they stand for, so the links still resolve).
  for (const item of items) {
    const f = item.fields.find((x) => x.key === 'objectives' || x.key === 'subobjectives');
    if (!f || text.slice(f.keySpan.start, f.keySpan.end) !== f.key) continue;
    const typo = f.key === 'objectives' ? 'objectivs' : 'subobjectves';
    out.push({ kind: 'children-key', where: label(item), text: replace(f.keySpan.start, f.keySpan.end, typo), line: lineOf(starts, f.keySpan.start) });
  }
  // A top-level key misspelt: every section but `goals` (without it the plan has no goals to check).
  const typos: Record<string, string> = { planwright: 'planwrite', title: 'titel', organization: 'organisation', period: 'peroid', mission: 'misson', vision: 'vison', values: 'valeus', units: 'unit' };
  for (const sec of model.sections) {
    const typo = typos[sec.key];
    if (!typo || text.slice(sec.keySpan.start, sec.keySpan.end) !== sec.key) continue;
    out.push({ kind: 'section-key', where: `${name}: \`${sec.key}\``, text: replace(sec.keySpan.start, sec.keySpan.end, typo), line: lineOf(starts, sec.keySpan.start) });
  }
  // A key misspelt in a unit: `id` as `ib` and `name` as `nmae`, every unit.
  for (const unit of model.units) {
    for (const [key, typo] of [['id', 'ib'], ['name', 'nmae']]) {
      const f = unit.fields.find((x) => x.key === key);
      if (!f || text.slice(f.keySpan.start, f.keySpan.end) !== key) continue;
      out.push({ kind: 'unit-key', where: `${name}: unit ${unit.id?.text ?? unit.index + 1} (${typo})`, text: replace(f.keySpan.start, f.keySpan.end, typo), line: lineOf(starts, f.keySpan.start) });
    }
  }
  lineCases('title-into-next', (item) => {
    const l = titleLine(item);
    const next = siblingsOf(item)[item.index + 1];
    if (l === undefined || !next || l === lineOf(starts, item.span.start) || lineOf(starts, item.titleSpan!.end) !== l) return undefined;
    const nextFirst = lineOf(starts, next.span.start);
    if (!next.titleSpan || lineOf(starts, next.titleSpan.start) !== nextFirst + 1) return undefined;
    const moved = lineText(l);
    const without = text.slice(0, starts[l]) + text.slice(starts[l + 1]);
    const at = starts[nextFirst + 1] - moved.length;
    // The moved line lands on line nextFirst (0-based) of the text without it: right under `- id:`.
    return { text: without.slice(0, at) + moved + without.slice(at), line: nextFirst };
  });
  lineCases('title-moved', (item) => {
    const l = titleLine(item);
    if (l === undefined || l === lineOf(starts, item.span.start) || !lineText(l).startsWith('  ')) return undefined;
    return { text: replace(starts[l], starts[l] + 2, ''), line: l };
  });
  return out;
}

/** Checks one mutated plan with the language service, as the editor and the CLI do. */
export function runCase(m: Mutation): CaseResult {
  const service = createLanguageService();
  const uri = 'file:///work/mutation.plan.yaml';
  // The plans its `parents:` names sit beside it (ICE aligns to DHS).
  for (const p of parentSamples(uri, m.text)) service.update(p.uri, p.text, 1);
  service.update(uri, m.text, 1);
  const all = service.getDiagnostics(uri);
  const problems = all
    .filter((d) => d.severity === 1 || d.severity === 2)
    .map((d) => ({ line: d.range.start.line, code: String(d.code), message: d.message }));
  const ok = problems.length === 1 && Math.abs(problems[0].line - m.line) <= 1;
  const far = all.some((d) => Math.abs(d.range.start.line - m.line) > 3);
  return { ...m, problems, ok, far };
}

export interface KindFigures {
  kind: MutationKind | 'all';
  cases: number;
  ok: number;
  mean: number;
  worst: number;
  far: number;
}

export function figures(results: CaseResult[]): KindFigures[] {
  const rows: KindFigures[] = [];
  const row = (kind: KindFigures['kind'], rs: CaseResult[]): KindFigures => ({
    kind,
    cases: rs.length,
    ok: rs.filter((r) => r.ok).length,
    mean: rs.length ? rs.reduce((s, r) => s + r.problems.length, 0) / rs.length : 0,
    worst: Math.max(0, ...rs.map((r) => r.problems.length)),
    far: rs.filter((r) => r.far).length,
  });
  for (const kind of Object.keys(KIND_LABELS) as MutationKind[]) {
    const rs = results.filter((r) => r.kind === kind);
    if (rs.length) rows.push(row(kind, rs));
  }
  rows.push(row('all', results));
  return rows;
}

export function table(rows: KindFigures[]): string {
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '-');
  const out = [
    '| one mistake | cases | exactly one error or warning, within a line of it | mean | worst | any diagnostic > 3 lines away |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const name = r.kind === 'all' ? '**all**' : KIND_LABELS[r.kind];
    out.push(`| ${name} | ${r.cases} | ${r.ok} (${pct(r.ok, r.cases)}) | ${r.mean.toFixed(1)} | ${r.worst} | ${r.far} |`);
  }
  return out.join('\n');
}

/** Runs every mutation of every harness plan. */
export function runAll(plans = harnessPlans()): CaseResult[] {
  const results: CaseResult[] = [];
  for (const p of plans) for (const m of mutations(p.name, p.text)) results.push(runCase(m));
  return results;
}

if (require.main === module) {
  const verbose = process.argv.includes('--verbose');
  const t0 = Date.now();
  const plans = harnessPlans();
  const all = runAll(plans);
  for (const p of plans) {
    console.log(`\n${p.name}:\n`);
    console.log(table(figures(all.filter((r) => r.where.startsWith(p.name + ':')))));
  }
  console.log('\nall plans:\n');
  console.log(table(figures(all)));
  console.log(`\n${all.length} cases in ${Date.now() - t0} ms`);
  if (verbose) {
    for (const r of all.filter((x) => !x.ok)) {
      console.log(`\n✗ ${r.kind} at ${r.where} (mistake on line ${r.line + 1}):`);
      for (const d of r.problems) console.log(`    line ${d.line + 1} ${d.code}: ${d.message}`);
    }
  }
}
