import * as assert from 'assert';
import { importDocument, type DocumentImport, type ImportedItem } from '.';
import { parseFull } from '../parse';
import { writePlan } from '../writePlan';
import { ICE_PLAN, iceDocxHeadings, iceDocxNumbered, iceMarkdown } from './test-documents';

const flat = (goals: ImportedItem[]) => goals.flatMap((g) => [g, ...(g.objectives ?? []).flatMap((o) => [o, ...(o.subobjectives ?? [])])]);
/** Paragraph by paragraph, words only. */
const words = (t = '') => t.split(/\n+/).map((p) => p.split(/\s+/).filter(Boolean).join(' ')).filter(Boolean).join('\n');

/** The plan imported from a layout holds the sample's items, titles and narratives, and writes a plan with no YAML or schema error. */
function assertSamePlan(r: DocumentImport) {
  assert.deepStrictEqual(r.counts, { goals: 5, objectives: 17, subobjectives: 53 });
  assert.deepStrictEqual(flat(r.plan.goals).map((i) => `${i.id} ${i.title}`), flat(ICE_PLAN.goals).map((i) => `${i.id} ${i.title}`));
  const got = new Map(flat(r.plan.goals).map((i) => [i.id, words(i.description)]));
  for (const i of flat(ICE_PLAN.goals)) assert.strictEqual(got.get(i.id), words(i.description), `narrative of ${i.id}`);
  assert.strictEqual(r.plan.mission, ICE_PLAN.mission);
  assert.strictEqual(r.plan.vision, ICE_PLAN.vision);
  assert.deepStrictEqual(r.plan.values, ICE_PLAN.values);
  const model = parseFull(writePlan(r.plan));
  assert.deepStrictEqual(model.diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema').map((d) => d.message), []);
}

describe('import: the ICE plan in other layouts', () => {
  it('reads a Word document whose goals are Heading 2 under a "Strategic Goals" heading, objectives Heading 3 and sub-objectives a numbered list, numbers coming from their places', async () => {
    const r = await importDocument('ice.docx', await iceDocxHeadings());
    assertSamePlan(r);
    assert.strictEqual(r.place, 'paragraph');
    assert.strictEqual(r.plan.title, ICE_PLAN.title);
    assert.deepStrictEqual(r.plan.units?.map((u) => [u.id, u.name, words(u.description)]), ICE_PLAN.units?.map((u) => [u.id, u.name, words(u.description)]));
    assert.deepStrictEqual(r.report, []);
  });

  it('reads a Word document with no heading styles: "Strategic Goal 1 – ..." and "1.1 ..." numbered bold paragraphs, mission and values written inline, a page break before each goal', async () => {
    const r = await importDocument('ice.docx', await iceDocxNumbered());
    assertSamePlan(r);
    assert.strictEqual(r.plan.title, ICE_PLAN.title);
    assert.deepStrictEqual(r.report, []);
  });

  it('reads Markdown with "## Goal 1:" and "### Objective 1.1:" headings, sub-objectives as a numbered list and values as a bulleted list', async () => {
    const r = await importDocument('ice.md', new TextEncoder().encode(iceMarkdown()));
    assertSamePlan(r);
    assert.strictEqual(r.place, 'line');
    assert.deepStrictEqual(r.plan.units?.map((u) => u.id), ICE_PLAN.units?.map((u) => u.id));
    assert.deepStrictEqual(r.report, []);
  });
});
