import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { ICE, ICE_URI, lines } from '../test-util';
import { escapeMarkdown, markdownFile, Slugger } from './markdown';
import { documentOf } from './test-docs';

const gfm = new MarkdownIt({ html: true });

describe('Markdown writer', () => {
  const md = markdownFile(documentOf(ICE, ICE_URI));

  it('writes the title as #, goals as ##, objectives as ###, sub-objectives as ####, in plan order', () => {
    const hs = md.split('\n').filter((l) => l.startsWith('#'));
    assert.strictEqual(hs[0], '# U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025');
    assert.deepStrictEqual(hs.slice(1, 6), ['## Contents', '## Mission', '## Vision', '## Values', '## Organization']);
    assert.strictEqual(hs.filter((h) => /^## Goal \d/.test(h)).length, 5);
    assert.strictEqual(hs.filter((h) => h.startsWith('### ')).length, 17);
    assert.strictEqual(hs.filter((h) => h.startsWith('#### ')).length, 53);
    assert.strictEqual(hs[6], '## Goal 1: Empower the Workforce that Powers the Mission');
    assert.strictEqual(hs[7], '### 1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce');
  });

  it('links the contents and related entries to the anchors GitHub gives the headings', () => {
    const html = gfm.render(md);
    const s = new Slugger();
    const ids = new Set([...html.matchAll(/<h[1-6]>(.*?)<\/h[1-6]>/g)].map((m) => s.slug(m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"'))));
    const hrefs = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(hrefs.includes('goal-1-empower-the-workforce-that-powers-the-mission'));
    assert.ok(hrefs.includes('11-recruit-hire-and-retain-a-diverse-and-highly-capable-workforce'));
    for (const h of hrefs) assert.ok(ids.has(h), `#${h} is a heading`);
  });

  it('keeps each paragraph of a narrative written before Markdown a paragraph', () => {
    const html = gfm.render(md);
    assert.match(html, /<p>The core of ICE's mission is the talent[^<]*<\/p>\n<p>Building and sustaining a modern workforce/);
  });

  it('escapes only what would change the text: M&A, (ICE) and 1.1 read as written', () => {
    assert.ok(md.includes('Management and Administration (M&A)'));
    assert.ok(md.includes('U.S. Immigration and Customs Enforcement (ICE)'));
    assert.strictEqual(gfm.renderInline(escapeMarkdown('a *b* [c](d) <e> &amp; x|y ~z~ \\')), 'a *b* [c](d) &lt;e&gt; &amp;amp; x|y ~z~ \\');
    assert.strictEqual(gfm.render(escapeMarkdown('1. not a list')), '<p>1. not a list</p>\n');
    assert.strictEqual(gfm.render(escapeMarkdown('# not a heading')), '<p># not a heading</p>\n');
    assert.strictEqual(gfm.render(escapeMarkdown('- not a list')), '<p>- not a list</p>\n');
  });

  it('numbers repeated headings as GitHub does', () => {
    const s = new Slugger();
    assert.deepStrictEqual(['A b', 'A b', 'A  b!'].map((t) => s.slug(t)), ['a-b', 'a-b-1', 'a--b']);
  });

  it('writes plan text as text: markup in titles, and raw HTML, headings and images in narratives, are escaped', () => {
    const out = markdownFile(documentOf(lines(
      'title: "<script>alert(1)</script> *x*"',
      'mission: "<img src=x onerror=alert(1)> **bold** ![p](http://example.com/p.png)"',
      'goals:',
      '  - id: "1"',
      '    title: "[link](http://x) # _u_"',
      '    description: |',
      '      # Not a heading',
      '',
      '      - one',
    )));
    const html = gfm.render(out);
    assert.ok(!/<script|<img|<a href="http:\/\/x/.test(html), html);
    assert.match(html, /<h1>&lt;script&gt;alert\(1\)&lt;\/script&gt; \*x\*<\/h1>/);
    assert.match(html, /<h2>Goal 1: \[link\]\(http:\/\/x\) # _u_<\/h2>/);
    assert.match(html, /<p># Not a heading<\/p>/);
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<li>one<\/li>/);
  });
});
