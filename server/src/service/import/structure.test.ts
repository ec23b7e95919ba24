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
