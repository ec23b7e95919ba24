import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importStratml, NotStratmlError } from './import';
import { writePlan } from '../writePlan';
import { load, ROOT } from '../test-util';
import { planDiagnostics } from '../features/diagnostics';

export const FIXTURES = path.join(ROOT, 'test/fixtures/stratml');
export const STRATML_FILES = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xml'));
export const fixture = (f: string) => fs.readFileSync(path.join(FIXTURES, f), 'utf8');

/** The names of the Goal and Objective elements of a StratML text, in order (with or without a prefix). */
export function namesIn(xml: string, element: 'Goal' | 'Objective'): string[] {
  const out: string[] = [];
  const re = new RegExp(`<(?:\\w+:)?${element}>\\s*<(?:\\w+:)?Name>([^<]*)</(?:\\w+:)?Name>`, 'g');
  for (const m of xml.matchAll(re)) out.push(decode(m[1]).trim().replace(/\s+/g, ' '));
  return out.filter(Boolean);
}
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every title of the plan's goals, objectives and sub-objectives, whitespace collapsed. */
export function titles(plan: { goals: { title: string; objectives?: { title: string; subobjectives?: { title: string }[] }[] }[] }): string[] {
  const out: string[] = [];
  for (const g of plan.goals) {
    out.push(g.title);
    for (const o of g.objectives ?? []) {
      out.push(o.title);
      for (const s of o.subobjectives ?? []) out.push(s.title);
    }
  }
  return out.map((t) => t.replace(/\s+/g, ' '));
}

describe('StratML import', () => {
  it('reads a Part 1 StrategicPlan: title, organization, mission, vision, values, goals and objectives with their names and descriptions', () => {
    const { plan } = importStratml(fixture('white-house-office-of-american-innovation.xml'));
    assert.strictEqual(plan.title, 'Presidential Memorandum on The White House Office of American Innovation');
    assert.deepStrictEqual(plan.organization, { name: 'Donald J. Trump', acronym: 'DJT' });
    assert.strictEqual(plan.mission, 'To implement policies and scale proven private-sector models to spur job creation and innovation.');
    assert.match(plan.vision!, /America is ready to solve/);
    assert.deepStrictEqual(plan.values!.map((v) => v.name), ['Innovation', 'Technological Advancement', 'Ingenuity', 'Jobs', 'Quality of Life', 'Leadership']);
    assert.strictEqual(plan.goals[0].title, 'Establishment');
    // Its OtherInformation is narrative too: a paragraph after the description.
    assert.strictEqual(plan.goals[0].description, 'Establish the Office of American Innovation.\n\nThe White House Office of American Innovation (OAI) is hereby established within the White House Office.');
    // The plan's Description has no field of ours: it is kept in the notes.
    assert.match(plan.notes!, /^Description: America has long led the world/);
  });

  it('counts what was not carried over in words that agree: "1 thing ... as it was", "2 things ... as they were"', () => {
    const one = importStratml('<StrategicPlan><Name>P</Name><StrategicPlanCore><Goal><SequenceIndicator>1</SequenceIndicator><Name>G</Name><Objective><Name>O</Name></Objective></Goal></StrategicPlanCore></StrategicPlan>');
    assert.strictEqual(one.report.length, 1);
    assert.match(one.summary, /; 1 thing not carried over as it was \(below\)\.$/);
    const two = importStratml('<StrategicPlan><Name>P</Name><StrategicPlanCore><Goal></Goal></StrategicPlanCore></StrategicPlan>');
    assert.ok(two.report.length >= 2, two.summary);
    assert.match(two.summary, /; \d+ things not carried over as they were \(below\)\.$/);
  });

  it('numbers a goal and an objective without a sequence indicator in document order, keeping the numbers the source gives, and says so with the XML line', () => {
    const r = importStratml(fixture('white-house-office-of-american-innovation.xml'));
    const g = r.plan.goals[0];
    assert.strictEqual(g.id, '1');
    // Objectives 1 to 4 are numbered in the source; the one without a number takes the next free one.
    assert.deepStrictEqual(g.objectives!.map((o) => o.id), ['1.5', '1.1', '1.2', '1.3', '1.4']);
    const said = r.report.map((l) => l.message);
    assert.ok(said.includes('1 goal had no sequence indicator and was numbered in document order (line 2:2327)'), said.join('\n'));
    assert.ok(said.some((m) => /^1 objective had no sequence indicator and was numbered in document order \(line 2:\d+\)$/.test(m)), said.join('\n'));
  });

  it('reads Part 2 with every element under a stratml: prefix: goals, objectives, performers as lead units, indicators as measures', () => {
    const xml = fixture('smlc-2011-annual-report.xml');
    assert.match(xml, /<stratml:Goal>/);
    const { plan, summary } = importStratml(xml);
    assert.strictEqual(summary.split('\n').length, 1);
    assert.match(summary, /^Read a StratML Part 2 Performance_Report: 3 goals, 10 objectives, 0 sub-objectives, \d+ units, 11 measures/);
    assert.deepStrictEqual(titles(plan), [...interleave(xml)]);
    assert.deepStrictEqual(plan.goals.map((g) => g.id), ['1', '2', '3']); // "Part 1" → 1
    const withLead = plan.goals.flatMap((g) => g.objectives ?? []).filter((o) => o.lead);
    assert.ok(withLead.length > 0);
    for (const o of withLead) for (const id of [o.lead].flat()) assert.ok(plan.units!.some((u) => u.id === id), `${id} is a unit`);
  });

  it('reads Part 2 indicators with target and actual results as measures: fiscal years, numbers, words of a qualitative indicator', () => {
    const { plan } = importStratml(fixture('smlc-2022-2023-performance-report.xml'));
    const measures = plan.goals.flatMap((g) => g.objectives ?? []).flatMap((o) => o.measures ?? []);
    assert.strictEqual(measures.length, 21);
    const first = measures[0];
    assert.strictEqual(first.id, 'PM-1.1.1');
    assert.strictEqual(first.name, 'Publication');
    assert.strictEqual(first.unit, 'qualitative');
    assert.strictEqual(first.kind, 'outcome');
    // The result dated 2009-12-17 falls in fiscal year 2010; the target has no date: kept in the notes.
    assert.deepStrictEqual(first.results, { 2010: 'Published' });
    const o11 = plan.goals[0].objectives![0];
    assert.match(o11.notes!, /Indicator PM-1\.1\.1 target \(no date\): Publication; Stage: Publication; Publication of Part 1\./);
    assert.ok(measures.some((m) => m.unit === 'Number' && Object.values(m.results ?? {}).some((v) => typeof v === 'number')));
  });

  it('reads goals whose indicators repeat across topics (EX1, EN1) by numbering them in order, objectives deeper than three levels as sub-objectives, and keeps every name', () => {
    const xml = fixture('hilton-head-island-our-plan-2020.xml');
    const r = importStratml(xml);
    assert.strictEqual(r.plan.goals.length, 41);
    assert.deepStrictEqual(r.plan.goals.map((g) => g.id), Array.from({ length: 41 }, (_, i) => String(i + 1)));
    assert.ok(r.plan.goals.some((g) => g.id === '5' && /Sequence indicator in the source: EN1$/.test(g.notes!)));
    // EN1.1.4.1 is deeper than sub-objectives go: a sub-objective of the objective it extends.
    const en1 = r.plan.goals.find((g) => /source: EN1$/.test(g.notes ?? ''))!;
    assert.ok(en1.objectives!.some((o) => o.subobjectives?.length), JSON.stringify(en1.objectives!.map((o) => o.id)));
    assert.ok(r.report.some((l) => l.line === 122 && /goals numbered 1 to 41 in document order/.test(l.message)));
  });

  for (const f of STRATML_FILES) {
    it(`imports ${f} into a plan that checks with no YAML or schema error, every goal and objective name kept, with a one-line summary and an XML line on every report line`, () => {
      const xml = fixture(f);
      const r = importStratml(xml);
      assert.strictEqual(r.summary.split('\n').length, 1);
      for (const l of r.report) assert.ok(l.line! > 0 && !l.message.includes('\n'), JSON.stringify(l));
      const yaml = writePlan(r.plan);
      const { ws, doc } = load(yaml);
      const bad = planDiagnostics(ws, doc).filter((d) => d.code === 'yaml-syntax' || d.code === 'schema');
      assert.deepStrictEqual(bad.map((d) => d.message), []);
      const names = [...namesIn(xml, 'Goal'), ...namesIn(xml, 'Objective')].sort();
      const got = new Set(titles(r.plan));
      for (const n of names) assert.ok(got.has(n), `"${n}" is a title of the plan`);
    });
  }

  it('expands no entity of a DTD and reads no file: an external entity and an internal one stay unread, and the DOCTYPE is reported', () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE StrategicPlan [\n<!ENTITY secret SYSTEM "file:///etc/passwd">\n<!ENTITY lol "lol">\n]>\n<StrategicPlan xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core"><Name>&secret;&lol;Plan</Name><StrategicPlanCore><Goal><Name>G</Name><Description/></Goal></StrategicPlanCore></StrategicPlan>`;
    const r = importStratml(xml);
    assert.doesNotMatch(JSON.stringify(r.plan), /root:|lollol/);
    assert.ok(r.report.some((l) => /document type declaration .* ignored/.test(l.message)), JSON.stringify(r.report));
    assert.strictEqual(r.plan.goals[0].title, 'G');
  });

  it('reads children out of the schema order, elements the schema lacks (their text in the notes) and a broken tag, reporting the break with its line', () => {
    const xml = [
      '<PerformancePlanOrReport xmlns="urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport" Type="Performance_Plan">',
      '<StrategicPlanCore>',
      '<Goal><SequenceIndicator>1</SequenceIndicator><Description>First goal.</Description><Name>Grow</Name>',
      '<Objective><Descriptor>Extra text</Descriptor><Name>Plant</Name><SequenceIndicator>1.1</SequenceIndicator>',
      '<Stakeholder><Name>Citizens</Name><Role><Name>Users</Name><RoleType>Beneficiary</RoleType></Role></Stakeholder>',
      '</Objective>',
      '<Objective><Name>Water & feed</Name><SequenceIndicator>1.2</SequenceIndicator></Objective>',
      '</Goal></StrategicPlanCore><Name>Garden plan</Name></PerformancePlanOrReport>',
    ].join('\n');
    const r = importStratml(xml);
    assert.strictEqual(r.plan.title, 'Garden plan');
    const g = r.plan.goals[0];
    assert.deepStrictEqual([g.id, g.title, g.description], ['1', 'Grow', 'First goal.']);
    assert.deepStrictEqual(g.objectives!.map((o) => [o.id, o.title]), [['1.1', 'Plant'], ['1.2', 'Water & feed']]);
    assert.match(g.objectives![0].notes!, /Stakeholder: Citizens; role Users \(Beneficiary\)/);
    assert.match(g.objectives![0].notes!, /Descriptor: Extra text/);
    assert.ok(r.report.some((l) => l.line === 7 && /not well formed/.test(l.message)), JSON.stringify(r.report));
  });

  it('reads an element nested 100,000 deep inside an objective without running out of stack: its text goes to the notes', () => {
    const deep = '<x>'.repeat(100_000) + 'deep text' + '</x>'.repeat(100_000);
    const xml = `<StrategicPlan><Name>P</Name><StrategicPlanCore><Goal><Name>G</Name><Description/><Objective><Name>O</Name>${deep}</Objective></Goal></StrategicPlanCore></StrategicPlan>`;
    const r = importStratml(xml);
    assert.strictEqual(r.plan.goals[0].objectives![0].notes, 'x: deep text');
  });

  it('refuses a file that is not StratML, saying what its top element is', () => {
    assert.throws(() => importStratml('<html><body/></html>'), (e: Error) => e instanceof NotStratmlError && /top element is <html>/.test(e.message));
    assert.throws(() => importStratml('not xml at all'), NotStratmlError);
  });

  it('imports a 1.5 MB StratML file in under 2 seconds', () => {
    const base = fixture('hilton-head-island-our-plan-2020.xml');
    const goals = base.slice(base.indexOf('<Goal>'), base.lastIndexOf('</Goal>') + '</Goal>'.length);
    let body = '';
    while (body.length < 1_500_000) body += goals;
    const xml = base.slice(0, base.indexOf('<Goal>')) + body + base.slice(base.lastIndexOf('</Goal>') + '</Goal>'.length);
    assert.ok(xml.length >= 1_500_000);
    const t0 = performance.now();
    const r = importStratml(xml);
    const ms = performance.now() - t0;
    assert.ok(r.plan.goals.length > 41 * 6);
    assert.ok(ms < 2000, `${Math.round(ms)} ms`);
  });
});

/** Goal and objective names in document order, whitespace collapsed. */
function* interleave(xml: string): Generator<string> {
  const re = /<(?:\w+:)?(Goal|Objective)>\s*<(?:\w+:)?Name>([^<]*)</g;
  for (const m of xml.matchAll(re)) {
    const n = decode(m[2]).trim().replace(/\s+/g, ' ');
    if (n) yield n;
  }
}
