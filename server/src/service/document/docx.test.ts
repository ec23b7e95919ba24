import * as assert from 'assert';
import mammoth from 'mammoth';
import { ICE, ICE_URI, lines } from '../test-util';
import { docxFile } from './docx';
import { allItems } from './planDocument';
import { documentOf } from './test-docs';

/** The .docx read back: mammoth maps Word's Title and Heading 1/2/3 styles to HTML elements. */
async function readBack(bytes: Uint8Array): Promise<{ html: string; messages: unknown[] }> {
  const r = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"] });
  return { html: r.value, messages: r.messages };
}
const headings = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}(?: [^>]*)?>(.*?)</${tag}>`, 'g'))].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'));

describe('Word writer', () => {
  it('writes every goal in Heading 1, objective in Heading 2 and sub-objective in Heading 3, in plan order, with number and title', async function () {
    this.timeout(20_000);
    const d = documentOf(ICE, ICE_URI);
    const { html, messages } = await readBack(await docxFile(d));
    assert.deepStrictEqual(messages, [], 'mammoth reads every style and element');
    const items = allItems(d.goals);
    assert.deepStrictEqual(headings(html, 'h1').filter((h) => h.startsWith('Goal ')), items.filter((i) => i.kind === 'goal').map((i) => i.heading));
    assert.deepStrictEqual(headings(html, 'h2'), items.filter((i) => i.kind === 'objective').map((i) => i.heading));
    assert.deepStrictEqual(headings(html, 'h3'), items.filter((i) => i.kind === 'subobjective').map((i) => i.heading));
    assert.strictEqual(headings(html, 'h2').length, 17);
    assert.strictEqual(headings(html, 'h3').length, 53);
    // In reading order, one heading sequence: goal 1, its objectives and their sub-objectives, goal 2, ...
    const order = [...html.matchAll(/<h([123])>(.*?)<\/h\1>/g)].map((m) => m[2].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&')).filter((h) => !['Contents', 'Mission', 'Vision', 'Values', 'Organization'].includes(h));
    assert.deepStrictEqual(order, items.map((i) => i.heading));
    assert.match(html, /<h1 class="title">U\.S\. Immigration and Customs Enforcement Strategic Plan 2021-2025<\/h1>/);
  });

  it('links related entries and the contents to bookmarks on the items, and names units', async () => {
    const { html } = await readBack(await docxFile(documentOf(ICE, ICE_URI)));
    const targets = new Set([...html.matchAll(/<a id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(links.length > 22, `${links.length} internal links`);
    for (const l of links) assert.ok(targets.has(l), `#${l} has a bookmark`);
    assert.match(html, /<strong>Lead: <\/strong>Management and Administration \(M&amp;A\)/);
  });

  it('keeps plan text as text and renders narratives from Markdown: emphasis, lists, links', async () => {
    const d = documentOf(lines(
      'title: "<script>alert(1)</script>"',
      'goals:',
      '  - id: "1"',
      '    title: "A & <b>B</b>"',
      '    description: |',
      '      Some *emphasis* and **bold** and [a link](https://example.org).',
      '      - one',
      '      - two',
      '',
      '      1. first',
      '      2. second',
      '',
      '      <i>raw</i> stays text; [bad](javascript:alert(1)) is no link',
    ));
    const { html } = await readBack(await docxFile(d));
    assert.match(html, /<h1 class="title">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
    assert.match(html, /<h1>(<a id="[^"]+"><\/a>)?Goal 1: A &amp; &lt;b&gt;B&lt;\/b&gt;<\/h1>/);
    assert.match(html, /Some <em>emphasis<\/em> and <strong>bold<\/strong> and <a href="https:\/\/example\.org">a link<\/a>\./);
    assert.match(html, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
    assert.match(html, /<ol><li>first<\/li><li>second<\/li><\/ol>/);
    assert.match(html, /&lt;i&gt;raw&lt;\/i&gt; stays text/);
    assert.ok(!html.includes('href="javascript'));
    assert.match(html, /\[bad\]\(javascript:alert\(1\)\) is no link/);
  });
});
