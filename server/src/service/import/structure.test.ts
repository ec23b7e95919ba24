import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { ICE, ROOT } from '../test-util';
import { importDocument, type ImportedItem } from '.';

const SEED = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/ice-strategic-plan-2021-2025.txt'));
/** The hand-written plan of the same document: the titles and narratives the import must find. */
const SAMPLE = parseYaml(ICE) as { goals: ImportedItem[]; units: { id: string; name: string; description: string }[]; values: { name: string; description: string }[]; mission: string; vision: string };

const flat = (goals: ImportedItem[]) => goals.flatMap((g) => [g, ...(g.objectives ?? []).flatMap((o) => [o, ...(o.subobjectives ?? [])])]);
/** Words only: the sample writes the PDF's en dashes as "-" and folds lines. */
const words = (t = '') => t.replace(/[–—]/g, '-').split(/\s+/).filter(Boolean);
/** Paragraph by paragraph, words only. */
const paragraphs = (t = '') => t.split(/\n+/).map((p) => words(p).join(' ')).filter(Boolean);

describe('import: the ICE plan from the text of its PDF', () => {
  let result: Awaited<ReturnType<typeof importDocument>>;
  before(async () => {
    result = await importDocument('ice.txt', SEED);
  });

  it('finds 5 goals, 17 objectives and 53 sub-objectives', () => {
    assert.deepStrictEqual(result.counts, { goals: 5, objectives: 17, subobjectives: 53 });
  });

  it('gives every goal, objective and sub-objective the number and the exact title of the table of contents and headings', () => {
    const got = flat(result.plan.goals).map((i) => `${i.id} ${i.title}`);
    const want = flat(SAMPLE.goals).map((i) => `${i.id} ${i.title}`);
    assert.deepStrictEqual(got, want);
  });

  it('gives each goal and objective its narrative, starting and ending where the PDF\'s does, with paragraphs cut by page breaks joined', () => {
    const got = new Map(flat(result.plan.goals).map((i) => [i.id, i.description]));
    for (const item of flat(SAMPLE.goals)) {
      const a = paragraphs(got.get(item.id));
      const b = paragraphs(item.description);
      assert.deepStrictEqual(a, b, `narrative of ${item.id}`);
    }
  });

  it('reads the title, organization, period, mission, vision and the three values', () => {
    const p = result.plan;
    assert.strictEqual(p.title, 'U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025');
    assert.deepStrictEqual(p.organization, { name: 'U.S. Immigration and Customs Enforcement', acronym: 'ICE' });
    assert.deepStrictEqual(p.period, { start: 2021, end: 2025 });
    assert.strictEqual(p.mission, SAMPLE.mission);
    assert.strictEqual(p.vision, SAMPLE.vision);
    assert.deepStrictEqual(p.values, SAMPLE.values);
  });

  it('reads the six offices as units, with the acronyms the document gives them and their descriptions', () => {
    const units = result.plan.units ?? [];
    assert.deepStrictEqual(units.map((u) => [u.id, u.name]), SAMPLE.units.map((u) => [u.id, u.name]));
    for (const u of SAMPLE.units) {
      assert.deepStrictEqual(words(units.find((x) => x.id === u.id)?.description), words(u.description), u.id);
    }
  });

  it('reports the PDF\'s slips (goal 3\'s banner without a number, goal 5\'s printed as GOAL 3) and the stray fragment, each on its line, instead of copying them', () => {
    const lines = result.report.map((r) => `${r.at}: ${r.message}`);
    const at = (n: number) => lines.filter((l) => l.startsWith(`${n}: `));
    assert.match(at(284).join(), /"GOAL" has no number: read as goal 3/);
    assert.match(at(415).join(), /"GOAL 3" numbers "Strengthen and Expand Partnerships to Advance the Mission" 3, but the table of contents, the heading at line 421, its objectives and its place in the plan say 5: imported as goal 5/);
    assert.match(at(342).join(), /"eland city" is a fragment/);
    assert.ok(!JSON.stringify(result.plan).includes('eland city'));
  });
});

describe('import: lettered goals and objectives ("Goal A", "Objective 1.B", "A.")', () => {
  const read = async (md: string) => importDocument('harbor.md', new TextEncoder().encode(md));
  const items = (goals: ImportedItem[]) => goals.flatMap((g) => [g, ...(g.objectives ?? []).flatMap((o) => [o, ...(o.subobjectives ?? [])])]).map((i) => `${i.id} ${i.title}${i.notes ? ` [${i.notes}]` : ''}`);

  it('numbers "Goal A" and "Objective A.1" by their places, keeps each letter in the item\'s notes, and says so in one report line', async () => {
    const r = await read('# Harbor Plan\n\n## Goal A: Keep Cargo Moving\n\nCargo is the port.\n\n### Objective A.1: Shorten Waits\n\nTrucks wait.\n\n## Goal B: Clean Air\n\n### Objective B.1: Electrify Cranes\n');
    assert.deepStrictEqual(items(r.plan.goals), ['1 Keep Cargo Moving [Lettered "Goal A" in the document.]', '1.1 Shorten Waits [Lettered "Objective A.1" in the document.]', '2 Clean Air [Lettered "Goal B" in the document.]', '2.1 Electrify Cranes [Lettered "Objective B.1" in the document.]']);
    assert.strictEqual(r.plan.goals[0].objectives![0].description, 'Trucks wait.');
    assert.deepStrictEqual(r.report.map((l) => `${l.at}: ${l.message}`), ['3: 4 items are lettered, not numbered: numbered by their places ("Goal A: Keep Cargo Moving" is goal 1, "Objective A.1: Shorten Waits" is objective 1.1, "Goal B: Clean Air" is goal 2, …); each item\'s letter is kept in its notes.']);
  });

  it('reads "Objective 1.B" as objective 1.2, not as objective 1 titled "B: ..."', async () => {
    const r = await read('# Harbor Plan\n\n## Goal 1: Keep Cargo Moving\n\n### Objective 1.A: Shorten Waits\n\n### Objective 1.B: Open the Gate at Night\n\n## Goal 2: Clean Air\n\n### Objective 2.A\n\nElectrify Cranes\n');
    assert.deepStrictEqual(items(r.plan.goals), ['1 Keep Cargo Moving', '1.1 Shorten Waits [Lettered "Objective 1.A" in the document.]', '1.2 Open the Gate at Night [Lettered "Objective 1.B" in the document.]', '2 Clean Air', '2.1 Electrify Cranes [Lettered "Objective 2.A" in the document.]']);
    assert.deepStrictEqual(r.report.map((l) => l.at), [5]);
  });

  it('reads "A." under a goal as its objectives, under a numbered objective as its sub-objectives, and leaves a sentence starting "A." in the narrative', async () => {
    const r = await read('# Harbor Plan\n\n## Goal 1: Keep Cargo Moving\n\nA. Partners will help us, as they did in 2020.\n\nA. Shorten Waits\n\nTrucks wait too long at the gate.\n\nB. Open the Gate at Night\n\n## Goal 2: Clean Air\n\n### Objective 2.1: Electrify Cranes\n\nA. Replace the diesel cranes\n\nB. Plug ships in at berth\n');
    assert.deepStrictEqual(items(r.plan.goals), [
      '1 Keep Cargo Moving', '1.1 Shorten Waits [Lettered "A." in the document.]', '1.2 Open the Gate at Night [Lettered "B." in the document.]',
      '2 Clean Air', '2.1 Electrify Cranes', '2.1.1 Replace the diesel cranes [Lettered "A." in the document.]', '2.1.2 Plug ships in at berth [Lettered "B." in the document.]',
    ]);
    assert.strictEqual(r.plan.goals[0].description, 'A. Partners will help us, as they did in 2020.');
    assert.strictEqual(r.plan.goals[0].objectives![0].description, 'Trucks wait too long at the gate.');
    assert.strictEqual(r.report.length, 1);
    assert.match(r.report[0].message, /^4 items are lettered, not numbered: numbered by their places \("A\. Shorten Waits" is objective 1\.1, "B\. Open the Gate at Night" is objective 1\.2, "A\. Replace the diesel cranes" is sub-objective 2\.1\.1, …\)/);
  });

  it('still reads Roman numerals ("Goal II") as numbers, not letters', async () => {
    const r = await read('# Harbor Plan\n\n## Goal I: Keep Cargo Moving\n\n## Goal II: Clean Air\n\n## Goal V: Skip\n');
    assert.deepStrictEqual(items(r.plan.goals), ['1 Keep Cargo Moving', '2 Clean Air', '3 Skip']);
    assert.deepStrictEqual(r.report.map((l) => l.message), ['The heading "Goal V: Skip" numbers "Skip" 5, but its place in the plan says 3: imported as goal 3.']);
  });
});
