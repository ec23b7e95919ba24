import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importDocument, type ImportedPlan } from '.';
import { parseFull } from '../parse';
import { ROOT } from '../test-util';
import { writePlan } from '../writePlan';
import { ICE_PLAN, iceDocxHeadings } from './test-documents';

const CITY = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/riverton-strategic-plan.txt'));
const text = (s: string) => new TextEncoder().encode(s);
const schemaClean = (plan: ImportedPlan) => parseFull(writePlan(plan)).diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema').map((d) => d.message);

describe('import: a city plan (test data) as PDF text: "Strategic Priority 1", "1.1" and "1.1.1" numbers, wrapped lines, running headers and page footers', () => {
  it('reads its priorities, objectives and actions with their narratives, and no header, footer or page number', async () => {
    const r = await importDocument('riverton.txt', CITY);
    assert.deepStrictEqual(r.counts, { goals: 3, objectives: 5, subobjectives: 10 });
    assert.deepStrictEqual(r.plan.goals.map((g) => `${g.id} ${g.title}`), ['1 Safe and Connected Streets', '2 A Thriving Local Economy', '3 Parks and Open Space for Everyone']);
    assert.deepStrictEqual(r.plan.goals[0].objectives![1].subobjectives!.map((s) => `${s.id} ${s.title}`), ['1.2.1 Close 40 miles of sidewalk gaps near schools', '1.2.2 Connect the river trail to every neighborhood']);
    // The paragraph cut by a page break (and its header and footer) is one paragraph again.
    assert.match(r.plan.goals[0].objectives![1].description!, /for people who cannot drive, starting in the neighborhoods with the fewest options today\.$/);
    const all = JSON.stringify(r.plan);
    assert.ok(!/Page \d of 6/.test(all), 'page footers removed');
    assert.strictEqual(all.split('City of Riverton Strategic Plan 2024–2028').length - 1, 1, 'the running header is gone; the title stays');
    assert.strictEqual(r.plan.title, 'City of Riverton Strategic Plan 2024–2028');
    assert.deepStrictEqual(r.plan.period, { start: 2024, end: 2028 });
    assert.deepStrictEqual(r.plan.values?.map((v) => v.name), ['Service', 'Stewardship', 'Openness']);
    assert.match(r.plan.mission!, /^The City of Riverton delivers safe/);
    assert.deepStrictEqual(r.plan.units?.map((u) => `${u.id} ${u.name}`), ['DPW Department of Public Works', 'RPD Riverton Police Department', 'PAR Parks and Recreation', 'OED Office of Economic Development']);
    assert.deepStrictEqual(r.report.map((l) => `${l.at}: ${l.message}`), ['114: "Appendix: How We Will Measure Progress" (one paragraph) after the goals belongs to no goal: left out.']);
    assert.deepStrictEqual(schemaClean(r.plan), []);
  });
});

describe('import: hostile and empty documents', () => {
  const cases: [string, Uint8Array][] = [
    ['empty.txt', text('')],
    ['empty.md', text('')],
    ['blank.txt', text('\n\n\f\n   \n')],
    ['binary.txt', new Uint8Array([0, 159, 146, 150, 0, 1, 2])],
    ['not-a-zip.docx', text('PK this is not a zip')],
    ['memo.md', text('# Memo\n\nThe team meets on Tuesday.\n\n- bring the budget\n')],
    ['numbers only.txt', text('1.1 1.1.1 1.2\n\nGoal\n\nGOAL\n\nObjective 9.9\n')],
    ['deep lists.md', text(Array.from({ length: 3000 }, (_, i) => '  '.repeat(i % 40) + '1. x').join('\n'))],
    ['long line.txt', text('Goal 1: ' + 'word '.repeat(200_000))],
  ];
  for (const [name, bytes] of cases) {
    it(`gives a report, never an exception, for ${name}`, async () => {
      const r = await importDocument(name, bytes);
      assert.ok(r.report.length > 0 || r.counts.goals > 0);
      if (!r.counts.goals) assert.ok(r.report.some((l) => /No goals found|not a Word document|not text in UTF-8/.test(l.message)), JSON.stringify(r.report));
      assert.deepStrictEqual(r.counts.goals ? schemaClean(r.plan) : [], []);
    });
  }
});

describe('import: speed', () => {
  it('imports a 40-page plan in under 2 s (Word and text)', async function () {
    this.timeout(20_000);
    // The ICE plan twice over: ~60 pages of Word, and its text, ~90,000 characters.
    const plan = { ...ICE_PLAN, goals: [...ICE_PLAN.goals, ...ICE_PLAN.goals.map((g) => ({ ...g, id: String(Number(g.id) + 5) }))] };
    const docx = await iceDocxHeadings(plan);
    const seed = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/ice-strategic-plan-2021-2025.txt'), 'utf8');
    const txt = text(seed + '\n\n\n' + seed.slice(seed.indexOf('\nGOAL 1')));
    for (const [name, bytes] of [['plan.docx', docx], ['plan.txt', txt]] as const) {
      const t0 = performance.now();
      const r = await importDocument(name, bytes);
      const ms = performance.now() - t0;
      assert.ok(r.counts.goals >= 10, `${name}: ${r.counts.goals} goals`);
      assert.ok(ms < 2000, `${name} took ${ms.toFixed(0)} ms`);
      console.log(`      ${name}: ${(bytes.length / 1024).toFixed(0)} KB, ${r.counts.goals} goals, ${r.counts.subobjectives} sub-objectives in ${ms.toFixed(0)} ms`);
    }
  });
});

describe('import: a university plan (test data) in Markdown: "## 1. Student Success" goals, "### 1.1" objectives, "- 1.1.1" lists, a table of contents of links', () => {
  const UNIVERSITY = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/northfield-university-plan.md'));
  it('reads its goals, objectives and sub-objectives, takes no table-of-contents entry for a goal, and reports the heading whose number does not fit its place', async () => {
    const r = await importDocument('northfield.md', UNIVERSITY);
    assert.deepStrictEqual(r.counts, { goals: 2, objectives: 4, subobjectives: 8 });
    assert.deepStrictEqual(r.plan.goals.flatMap((g) => [g, ...g.objectives!]).map((i) => `${i.id} ${i.title}`), [
      '1 Student Success', '1.1 Advising for Every Student', '1.2 Close Gaps in Graduation Rates',
      '2 Research with Purpose', '2.1 Grow Interdisciplinary Research', '2.2 Share Discoveries with the Region',
    ]);
    assert.strictEqual(r.plan.goals[1].objectives![1].subobjectives![1].title, 'Partner with ten regional employers');
    assert.strictEqual(r.plan.goals[0].description, 'Every student who comes to Northfield should leave with a degree and a plan. Over five years the university will make advising universal and close the gaps in who graduates.');
    assert.deepStrictEqual(r.plan.values?.map((v) => [v.name, v.description]), [['Curiosity', 'We ask hard questions and follow the evidence.'], ['Belonging', 'Everyone who studies and works here belongs here.'], ['Service', 'Our work is measured by what it does for others.']]);
    assert.deepStrictEqual(r.plan.units?.map((u) => `${u.id} ${u.name}`), ['OP Office of the Provost', 'DSA Division of Student Affairs']);
    assert.deepStrictEqual(r.plan.period, { start: 2025, end: 2030 });
    const notes = r.report.map((l) => `${l.at}: ${l.message}`);
    assert.ok(notes.includes('73: The heading "2.3 Share Discoveries with the Region" numbers "Share Discoveries with the Region" 2.3, but the table of contents, its sub-objectives and its place in the plan say 2.2: imported as objective 2.2.'), notes.join('\n'));
    assert.ok(notes.some((n) => /^80: "Measuring Progress" \(one paragraph\) after the goals belongs to no goal/.test(n)), notes.join('\n'));
    assert.deepStrictEqual(schemaClean(r.plan), []);
  });
});

describe('import: a county health plan (test data) as text with no blank line after headings: "GOAL ONE:", "Objective 1.1 ...", lettered lists, "Our mission is ..."', () => {
  const COUNTY = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/harbor-county-health-plan.txt'));
  it('cuts headings from the wrapped text that follows them, numbers goals written in words, and reads lettered items as sub-objectives', async () => {
    const r = await importDocument('harbor.txt', COUNTY);
    assert.deepStrictEqual(r.counts, { goals: 2, objectives: 3, subobjectives: 5 });
    const items = r.plan.goals.flatMap((g) => [g, ...g.objectives!.flatMap((o) => [o, ...o.subobjectives!])]);
    assert.deepStrictEqual(items.map((i) => `${i.id} ${i.title}`), [
      '1 Healthy Beginnings', '1.1 Reach every expectant family', '1.1.1 Offer home visits in all twelve towns', '1.1.2 Publish prenatal class schedules in four languages',
      '1.2 Raise childhood immunization rates', '1.2.1 Reach 95% of kindergarteners with required vaccines',
      '2 Safe Water and Food', '2.1 Inspect every restaurant twice a year', '2.1.1 Move all inspections to the field tablets', '2.1.2 Post inspection results online within 24 hours',
    ]);
    assert.strictEqual(r.plan.goals[0].description, 'Every child deserves a healthy start. The department will reach families before and after birth and will work with schools on the years that follow, from kindergarten to high school graduation.');
    assert.strictEqual(r.plan.goals[0].objectives![0].description, 'Home visits and prenatal classes will be offered in every town of the county, in the languages families speak.');
    assert.strictEqual(r.plan.mission, 'Our mission is to protect and improve the health of everyone who lives, works and plays in Harbor County.');
    assert.strictEqual(r.plan.vision, 'Our vision is a county where every resident can reach the healthiest life possible.');
    assert.strictEqual(r.plan.title, 'Harbor County Public Health Department Strategic Plan 2023-2026');
    assert.deepStrictEqual(schemaClean(r.plan), []);
  });
});
