// The measures and milestones of the plan document: read once into the document model, written by
// the HTML (preview and export), Markdown and Word writers with every piece of plan text escaped.
import * as assert from 'assert';
import mammoth from 'mammoth';
import { lines, MEASURES } from '../test-util';
import { docxFile } from './docx';
import { htmlBlocks, htmlFile } from './html';
import { markdownFile } from './markdown';
import { allItems } from './planDocument';
import { providePreview } from './preview';
import { documentOf } from './test-docs';

/** A measure whose text would be markup if it were not escaped. */
const HOSTILE = lines(
  'planwright: 1',
  'title: Hostile',
  'period: { start: 2026, end: 2027 }',
  'goals:',
  '  - id: "1"',
  '    title: G',
  '    measures:',
  '      - id: PM-1',
  '        name: "<script>alert(1)</script> | *x* [a](javascript:b)"',
  '        unit: "<b>u</b>"',
  '        targets: { 2026: "<i>t</i>", 2027: 5 }',
  '        results: { 2026: 4 }',
  '    milestones:',
  '      - { title: "<img src=x onerror=alert(1)> | m", due: 2026-05-01, done: true }',
);

describe('measures in the plan document', () => {
  const d = documentOf(MEASURES);
  const items = allItems(d.goals);
  const o11 = items.find((i) => i.number === '1.1')!;

  it('holds each item\'s measures with baseline and each year\'s target, result and status, and its milestones', () => {
    assert.deepStrictEqual(o11.measures.map((m) => [m.id, m.name, m.unit, m.direction, m.kind, m.lead.map((u) => u.name), m.baseline, m.years]), [
      ['PM-1.1.1', 'Acres of new parkland opened', 'acres', 'increase', 'output', ['Parks Division'], { year: '2025', value: '0' }, [
        { year: 2026, target: '4', result: '5', status: 'met' },
        { year: 2027, target: '9', status: 'no result' },
        { year: 2028, target: '15', status: 'no result' },
      ]],
    ]);
    assert.deepStrictEqual(o11.milestones.map((m) => [m.title, m.due, m.done]), [['Buy the rail-yard site', '2026-06-30', true], ['Open Rail-Yard Park', '2027-09-15', false]]);
    const g1 = d.goals[0];
    assert.deepStrictEqual(g1.measures[0].years.map((y) => y.status), ['met', 'not met', 'no result']);
    assert.strictEqual(g1.measures[0].priority, true);
    // Goal 1's measure is the goal's own, not its objectives'.
    assert.deepStrictEqual(g1.measures.map((m) => m.id), ['PM-1']);
    assert.deepStrictEqual(items.find((i) => i.number === '2.1')!.milestones, [{ title: 'Pilot Sunday opening at two branches', due: '2026-03-01', line: 91 }]);
  });

  it('writes a table of measures under its item in HTML: baseline, target → result and status per fiscal year', () => {
    const html = htmlFile(d);
    const table = /<section class="pw-objective" id="item-1\.2"[\s\S]*?(<table class="pw-measures">[\s\S]*?<\/table>)/.exec(html)![1];
    const text = (s: string) => s.replace(/<br>/g, ' / ').replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, c) => String.fromCharCode(Number(c)));
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])));
    assert.deepStrictEqual(rows, [
      ['Measure', 'Baseline', 'FY2026', 'FY2027', 'FY2028'],
      ['PM-1.2.1 Days to fix a reported hazard (median) / unit: days · direction: decrease · kind: efficiency · lead: Parks Division (PARKS)', '12 (FY2025)', '10 → 11 / ✗ not met', '8 → 8 / ✓ met', '7 → – / no result yet'],
    ]);
    assert.match(html, /<li data-line="\d+"|<li><span class="pw-status pw-met">✓<\/span> Buy the rail-yard site <span class="pw-milestone-facts">— due 2026-06-30, done<\/span><\/li>/);
  });

  it('puts each measure\'s source line on its row in the preview, for scroll sync', () => {
    const blocks = htmlBlocks(d, { lines: true });
    const goal1 = blocks.find((b) => b.name === 'goal:item-1')!.html;
    // PM-1 starts on line 18 of the sample (0-based 17).
    assert.match(goal1, /<tr data-line="17"><th scope="row">PM-1 Percent of residents/);
    assert.ok(providePreview(d).blocks.some((b) => b.html?.includes('class="pw-measures"')));
  });

  it('writes a GitHub table of measures and a list of milestones in Markdown', () => {
    const md = markdownFile(d);
    assert.ok(md.includes([
      '| Measure | Baseline | FY2026 | FY2027 | FY2028 |',
      '|---|---|---|---|---|',
      '| **PM-1.1.1 Acres of new parkland opened**<br>unit: acres · direction: increase · kind: output · lead: Parks Division (PARKS) | 0 (FY2025) | 4 → 5<br>✓ met | 9 → –<br>no result yet | 15 → –<br>no result yet |',
    ].join('\n')), md);
    assert.ok(md.includes('- ✓ Buy the rail-yard site — due 2026-06-30, done\n- Open Rail-Yard Park — due 2027-09-15, not done'));
  });

  it('writes a Word table of measures under its item, and the milestones as a list', async function () {
    this.timeout(20_000);
    const r = await mammoth.convertToHtml({ buffer: Buffer.from(await docxFile(d)) });
    const html = r.value;
    const after = html.slice(html.lastIndexOf('1.2 Keep Parks Safe and Clean'));
    const table = /<table>([\s\S]*?)<\/table>/.exec(after)![1];
    const cells = [...table.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<\/p><p>/g, ' / ').replace(/<[^>]+>/g, ''));
    assert.deepStrictEqual(cells.slice(0, 5), ['Measure', 'Baseline', 'FY2026', 'FY2027', 'FY2028']);
    assert.deepStrictEqual(cells.slice(6), ['12 (FY2025)', '10 → 11 / ✗ not met', '8 → 8 / ✓ met', '7 → – / no result yet']);
    assert.match(html, /<li>✓ Buy the rail-yard site — due 2026-06-30, done<\/li><li>Open Rail-Yard Park — due 2027-09-15, not done<\/li>/);
  });

  it('escapes the plan\'s text in the measure table and the milestones of every format', () => {
    const h = documentOf(HOSTILE);
    const html = htmlFile(h);
    assert.ok(!/<script|<img|<b>u|<i>t/.test(html), html);
    assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62; \| \*x\* \[a\]\(javascript:b\)/);
    const md = markdownFile(h);
    const row = md.split('\n').find((l) => l.startsWith('| **PM-1'))!;
    // The name's `|` is escaped, so the row keeps its four cells.
    assert.strictEqual(row.split(/(?<!\\)\|/).length - 2, 4, row);
    // Every `<` of the plan's text is escaped (`\<`): none starts a tag.
    assert.ok(!/(?<!\\)<(?!br>)/.test(md), md);
    assert.match(md, /- ✓ \\<img src=x onerror=alert\(1\)\\> \\\| m — due 2026-05-01, done/);
  });
});
