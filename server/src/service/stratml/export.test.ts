import * as assert from 'assert';
import { spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportStratml, PART1_NS, PART2_NS } from './export';
import { importStratml, type ItemJson, type MeasureJson, type PlanJson } from './import';
import { FIXTURES, fixture, STRATML_FILES } from './import.test';
import { writePlan } from '../writePlan';
import { ICE, load, MEASURES } from '../test-util';

const SCHEMA = { 1: path.join(FIXTURES, 'StrategicPlanISOVersion20140401.xsd'), 2: path.join(FIXTURES, 'PerformancePlanOrReport20160216.xsd') };
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-stratml-'));

/** xmllint's verdict on a StratML text against the official schema of its part ('' when valid). */
function invalidity(xml: string, part: 1 | 2): string {
  const file = path.join(TMP, `t${Math.random().toString(36).slice(2)}.xml`);
  fs.writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA[part], file], { encoding: 'utf8' });
  fs.unlinkSync(file);
  if (r.error) assert.fail(`xmllint could not be run (${r.error.message}): install Debian's libxml2-utils (.ci/run does)`);
  return r.status === 0 ? '' : r.stderr;
}

const exportText = (text: string) => exportStratml(load(text).doc.model);
/** A plan value through our writer and reader, out as StratML and back. */
const roundTrip = (plan: PlanJson) => importStratml(exportText(writePlan(plan)).xml).plan;

describe('StratML export', () => {
  it('writes the ICE sample as Part 1 StrategicPlan that validates against the Part 1 schema', () => {
    const { xml, part } = exportText(ICE);
    assert.strictEqual(part, 1);
    assert.ok(xml.includes(`<StrategicPlan xmlns="${PART1_NS}">`));
    assert.strictEqual(invalidity(xml, 1), '');
  });

  it('writes a plan with measures as Part 2 PerformancePlanOrReport Type="Strategic_Plan" that validates against the Part 2 schema', () => {
    const { xml, part } = exportText(MEASURES);
    assert.strictEqual(part, 2);
    assert.ok(xml.includes(`<PerformancePlanOrReport xmlns="${PART2_NS}" Type="Strategic_Plan">`));
    assert.match(xml, /<PerformanceIndicator ValueChainStage="Outcome" PerformanceIndicatorType="Quantitative">/);
    assert.strictEqual(invalidity(xml, 2), '');
  });

  it("writes the plan's own notes as its OtherInformation, and aligns entries as an Aligns: line, valid in both parts", () => {
    const notes = 'notes: |\n  Imported from the 2021 PDF.\n  Goal 5 was printed as GOAL 3.\n';
    for (const [text, part] of [[ICE, 1], [MEASURES, 2]] as const) {
      const { xml } = exportText(text.replace(/^goals:/m, `${notes}goals:`));
      assert.match(xml, /<\/Name>\n  <OtherInformation>Imported from the 2021 PDF.\nGoal 5 was printed as GOAL 3.<\/OtherInformation>\n  <StrategicPlanCore>/);
      assert.strictEqual(invalidity(xml, part), '');
    }
    assert.match(exportText(ICE).xml, /<OtherInformation>Aligns: DHS 6<\/OtherInformation>/);
  });

  it('gives the same file for two exports of the same plan: identifiers come from the plan (kind and number)', () => {
    assert.strictEqual(exportText(ICE).xml, exportText(ICE).xml);
    assert.match(exportText(ICE).xml, /<Identifier>objective-1\.1<\/Identifier>/);
    assert.match(exportText(ICE).xml, /<Identifier>subobjective-1\.1\.1<\/Identifier>/);
  });

  it('writes a plan with errors (duplicate numbers, missing titles) as StratML that still validates', () => {
    const text = 'planwright: 1\ntitle: Draft\ngoals:\n  - id: "1"\n    objectives:\n      - id: "1.1"\n      - id: "1.1"\n        title: "A & <b>"\n  - id: "1"\n    title: Twice\n';
    const { xml, part } = exportText(text);
    assert.strictEqual(invalidity(xml, part), '');
    assert.match(xml, /<Name>A &amp; &lt;b&gt;<\/Name>/);
  });

  for (const [name, text] of [['ICE', ICE], ['measures example', MEASURES]] as const) {
    it(`reads the ${name} sample back from its StratML with the same goals, objectives, sub-objectives, units, references and measures`, () => {
      const { doc } = load(text);
      const before = normalize(importedShape(doc.model));
      const after = normalize(importStratml(exportStratml(doc.model).xml).plan);
      assert.deepStrictEqual(after, before);
    });
  }

  for (const f of STRATML_FILES) {
    it(`exports the plan imported from ${f} as StratML that validates and keeps every goal and objective name`, () => {
      const imported = importStratml(fixture(f)).plan;
      const { xml, part } = exportText(writePlan(imported));
      assert.strictEqual(invalidity(xml, part), '');
      const again = importStratml(xml).plan;
      assert.deepStrictEqual(titlesOf(again), titlesOf(imported));
    });
  }

  it('round trip: for generated plans, import(export(plan)) gives the same goals, objectives, sub-objectives, titles, descriptions, notes (the plan\'s own too), units, references, aligns entries, measures and milestones', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        assert.deepStrictEqual(normalize(roundTrip(plan)), normalize(plan));
      }),
      { numRuns: 60 },
    );
  });
});

function titlesOf(p: PlanJson): string[] {
  return p.goals.flatMap((g) => [g.title, ...(g.objectives ?? []).flatMap((o) => [o.title, ...(o.subobjectives ?? []).map((s) => s.title)])]);
}

/** The plan's value as import gives it, from a model (for the samples, which are YAML). */
function importedShape(m: import('../model').PlanModel): PlanJson {
  const refs = (it: import('../model').PlanItem, f: string) => it.refs.filter((r) => r.field === f && !r.measure).map((r) => r.target.text);
  const scalar = (s: import('../model').ScalarText | undefined) => (s ? (s.isNumber ? Number(s.text) : s.text) : undefined);
  const years = (ys: import('../model').YearValue[]) => (ys.length ? Object.fromEntries(ys.map((y) => [y.year.text, scalar(y.value)!])) : undefined);
  const measure = (ms: import('../model').Measure): MeasureJson => ({
    id: ms.id!.text,
    name: ms.name!,
    unit: ms.unit,
    direction: ms.direction,
    kind: ms.kind,
    lead: ms.owner.refs.filter((r) => r.measure === ms && r.field === 'lead').map((r) => r.target.text),
    aligns: ms.owner.refs.filter((r) => r.measure === ms && r.field === 'aligns').map((r) => r.target.text),
    baseline: ms.baseline ? { year: Number(ms.baseline.year!.text), value: scalar(ms.baseline.value)! } : undefined,
    targets: years(ms.targets),
    results: years(ms.results),
    source: ms.source,
    priority: ms.priority,
  });
  const item = (it: import('../model').PlanItem): ItemJson => ({
    id: it.id!.text,
    title: it.title!,
    description: it.description,
    lead: refs(it, 'lead'),
    support: refs(it, 'support'),
    related: refs(it, 'related'),
    aligns: refs(it, 'aligns'),
    measures: it.measures?.map(measure),
    milestones: it.milestones?.map((x) => ({ title: x.title!, due: x.due?.text, done: x.done })),
    [it.kind === 'goal' ? 'objectives' : 'subobjectives']: it.children.map(item),
  });
  return {
    planwright: 1,
    title: m.title!,
    // The model also keeps where the acronym is written (for renaming it): not part of the plan's value.
    organization: m.organization && (strip({ name: m.organization.name, acronym: m.organization.acronym }) as PlanJson['organization']),
    period: m.period ? { start: Number(m.period.start), end: Number(m.period.end) } : undefined,
    mission: m.mission,
    vision: m.vision,
    notes: m.notes,
    values: m.values.map((v) => ({ name: v.name!, description: v.description })),
    units: m.units.map((u) => ({ id: u.id!.text, name: u.name!, kind: u.kind, description: u.description })),
    goals: m.goals.map(item),
  };
}

/** What the round trip must keep, with empty lists and absent fields alike and one spelling of a unit list. */
function normalize(p: PlanJson): unknown {
  const text = (s: string | undefined) => (s ? s.replace(/\s+/g, ' ').trim() : undefined);
  const list = (v: string | string[] | undefined) => [v ?? []].flat().map(String);
  const measure = (m: MeasureJson) => ({ ...strip(m), lead: list(m.lead), aligns: list(m.aligns), source: text(m.source) });
  const item = (it: ItemJson): unknown => ({
    id: String(it.id),
    title: text(it.title),
    description: text(it.description),
    notes: text(it.notes),
    lead: list(it.lead),
    support: list(it.support),
    related: list(it.related),
    aligns: list(it.aligns),
    measures: (it.measures ?? []).map(measure),
    milestones: (it.milestones ?? []).map((m) => strip({ ...m, title: text(m.title) })),
    children: (it.objectives ?? it.subobjectives ?? []).map(item),
  });
  return strip({
    title: text(p.title),
    organization: p.organization && strip(p.organization),
    period: p.period,
    mission: text(p.mission),
    vision: text(p.vision),
    notes: text(p.notes),
    values: (p.values ?? []).map((v) => strip({ name: v.name, description: text(v.description) })),
    units: (p.units ?? []).map((u) => strip({ ...u, description: text(u.description) })),
    goals: p.goals.map(item),
  });
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;
}

// Generated plans: valid ones, with text that needs escaping in XML and quoting in YAML.
const word = fc.stringMatching(/^[A-Za-z][a-z]{0,7}$/);
const oddWord = fc.constantFrom('&', '<b>', '"quoted"', "it's", 'Ünïcødé', '50%', 'a:b', '#1', 'R&D', '2024');
const phrase = fc.array(fc.oneof(word, word, word, oddWord), { minLength: 1, maxLength: 6 }).map((ws) => (/^[A-Za-z]/.test(ws[0]) ? ws : ['The', ...ws]).join(' '));
const narrative = fc.array(phrase, { minLength: 1, maxLength: 3 }).map((ps) => ps.join('\n'));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const unitArb = fc.record({ name: phrase, kind: opt(fc.constantFrom('office', 'directorate', 'program office')), description: opt(narrative) });
/** A value from the plan's seed: words for a qualitative measure, else whole numbers and quarters (negative too). */
const valueOf = (qual: boolean, k: number): number | string => (qual ? ['Started', 'Done', 'On track'][k % 3] : ((k * 37) % 1001) / (k % 2 ? 4 : 1) - (k % 5 === 0 ? 3 : 0));
const measureArb = fc.record({
  name: phrase,
  unit: opt(fc.constantFrom('percent', 'qualitative', 'cases')),
  direction: opt(fc.constantFrom('increase', 'decrease', 'maintain')),
  kind: opt(fc.constantFrom('outcome', 'output', 'efficiency', 'customer-service')),
  baseline: fc.boolean(),
  targets: fc.subarray([2021, 2022, 2023, 2024]),
  results: fc.subarray([2021, 2022, 2023]),
  source: opt(phrase),
  priority: opt(fc.boolean()),
  lead: fc.boolean(),
  aligns: fc.nat(2),
});
const itemArb = fc.record({ title: phrase, description: opt(narrative), notes: opt(narrative), lead: fc.nat(3), support: fc.nat(3), related: fc.nat(2), aligns: fc.nat(3), measures: fc.array(measureArb, { maxLength: 2 }), milestone: fc.boolean() });
type ItemGen = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;
const planArb: fc.Arbitrary<PlanJson> = fc
  .record({
    title: phrase,
    organization: opt(fc.record({ name: phrase, acronym: opt(fc.stringMatching(/^[A-Z]{2,5}$/)) })),
    period: fc.boolean(),
    mission: opt(narrative),
    vision: opt(narrative),
    notes: opt(narrative),
    values: fc.array(fc.record({ name: phrase, description: opt(narrative) }), { maxLength: 2 }),
    units: fc.array(unitArb, { maxLength: 3 }),
    goals: fc.array(fc.record({ goal: itemArb, objectives: fc.array(fc.record({ o: itemArb, subs: fc.array(itemArb, { maxLength: 2 }) }), { maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
    seed: fc.nat(),
  })
  .map((g) => {
    const units = g.units.map((u, i) => ({ id: `U${i + 1}${'ABC'[i % 3]}`, name: u.name, ...(u.kind && { kind: u.kind }), ...(u.description && { description: u.description }) }));
    const ids: string[] = [];
    let n = 0;
    const pick = (k: number, from: string[]) => from.slice(0, Math.min(k, from.length));
    const item = (x: ItemGen, id: string, kind: 'goal' | 'objective' | 'subobjective'): ItemJson => {
      const it: ItemJson = { id, title: x.title };
      if (x.description) it.description = x.description;
      if (x.notes) it.notes = x.notes;
      if (kind !== 'goal') {
        const lead = pick(x.lead, units.map((u) => u.id));
        const support = pick(x.support, units.map((u) => u.id).reverse()).filter((s) => !lead.includes(s));
        if (lead.length) it.lead = lead.length === 1 ? lead[0] : lead;
        if (support.length) it.support = support;
        const related = pick(x.related, ids);
        if (related.length) it.related = related;
      }
      // Entries naming a parent plan's items (not checked here: the parent is not exported).
      const aligns = ['DHS 1', 'DHS 2.3', 'DHS 6.1.2'].slice(0, x.aligns);
      if (aligns.length) it.aligns = aligns;
      if (x.measures.length)
        it.measures = x.measures.map((m) => {
          const q = m.unit === 'qualitative';
          const v = (i: number) => valueOf(q, g.seed + i * 11 + n);
          const out: MeasureJson = { id: `PM-${id}.${++n}`, name: m.name };
          if (m.unit) out.unit = m.unit;
          if (m.direction) out.direction = m.direction;
          if (m.kind) out.kind = m.kind;
          if (m.lead && units.length) out.lead = units[0].id;
          if (m.aligns) out.aligns = ['DHS 2', 'DHS 4.1'].slice(0, m.aligns);
          if (m.baseline) out.baseline = { year: 2020, value: v(0) };
          if (m.targets.length) out.targets = Object.fromEntries(m.targets.map((y, i) => [String(y), v(i + 1)]));
          if (m.results.length) out.results = Object.fromEntries(m.results.map((y, i) => [String(y), v(i + 7)]));
          if (m.source) out.source = m.source;
          if (m.priority !== undefined) out.priority = m.priority;
          return out;
        });
      if (x.milestone) it.milestones = [{ title: x.title, due: '2022-06-30', done: true }];
      ids.push(id);
      return it;
    };
    const plan: PlanJson = { planwright: 1, title: g.title, goals: [] };
    if (g.organization) plan.organization = { name: g.organization.name, ...(g.organization.acronym && { acronym: g.organization.acronym }) };
    if (g.period) plan.period = { start: 2021, end: 2024 };
    if (g.mission) plan.mission = g.mission;
    if (g.vision) plan.vision = g.vision;
    if (g.notes) plan.notes = g.notes;
    if (g.values.length) plan.values = g.values.map((v) => ({ name: v.name, ...(v.description && { description: v.description }) }));
    if (units.length) plan.units = units;
    g.goals.forEach((gg, gi) => {
      const goal = item(gg.goal, String(gi + 1), 'goal');
      const objectives = gg.objectives.map((o, oi) => {
        const obj = item(o.o, `${gi + 1}.${oi + 1}`, 'objective');
        const subs = o.subs.map((s, si) => item(s, `${gi + 1}.${oi + 1}.${si + 1}`, 'subobjective'));
        if (subs.length) obj.subobjectives = subs;
        return obj;
      });
      if (objectives.length) goal.objectives = objectives;
      plan.goals.push(goal);
    });
    return plan;
  });
