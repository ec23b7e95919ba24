import * as assert from 'assert';
import { ERRORS, ICE, ICE_URI, lines } from '../test-util';
import { htmlBlocks, htmlFile } from './html';
import { documentOf } from './test-docs';

const HOSTILE = lines(
  'planwright: 1',
  'title: "<script>alert(1)</script>"',
  'organization: { name: "A & B <i>", acronym: "\\"Q\\"" }',
  'mission: "<img src=x onerror=alert(1)> **bold** [x](javascript:alert(1)) ![p](http://example.com/p.png)"',
  'goals:',
  '  - id: "1"',
  '    title: "<b onmouseover=alert(1)>G</b>"',
  '    description: |',
  '      # Not a heading',
  '',
  '      - one',
  '      - *two*',
  '    objectives:',
  '      - { id: "1.1", title: "\'quoted\' & <u>", related: ["1.1"] }',
);

/** Tag names in order, without attributes. */
const tags = (html: string) => [...html.matchAll(/<(h[1-6])\b[^>]*>(.*?)<\/\1>/g)].map((m) => `${m[1]} ${m[2].replace(/<[^>]+>/g, '')}`);

describe('HTML writer', () => {
  it('writes plan text as text: a <script> title, markup in names and narratives never become elements', () => {
    const html = htmlFile(documentOf(HOSTILE));
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(!/<img|<b |<u>|<i>/i.test(html), 'no element from plan text');
    assert.ok(!/href="javascript/i.test(html));
    assert.ok(!/<[^>]*\ssrc=/i.test(html), 'nothing loaded');
    assert.match(html, /<title>&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/title>/);
    assert.match(html, /<h1>&#60;script&#62;alert\(1\)&#60;\/script&#62;<\/h1>/);
    assert.match(html, /A &#38; B &#60;i&#62; \(&#34;Q&#34;\)/);
    assert.match(html, /<strong>bold<\/strong>/);
  });

  it('renders narratives as CommonMark without raw HTML, headings or images: lists and emphasis', () => {
    const html = htmlFile(documentOf(HOSTILE));
    assert.match(html, /<p># Not a heading<\/p>/);
    assert.match(html, /<ul>\n<li>one<\/li>\n<li><em>two<\/em><\/li>\n<\/ul>/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('writes one h1, then goals as h2 and objectives as h3 and sub-objectives as h4, in plan order, each with number and title', () => {
    const html = htmlFile(documentOf(ICE, ICE_URI));
    const hs = tags(html);
    assert.strictEqual(hs.filter((h) => h.startsWith('h1')).length, 1);
    assert.deepStrictEqual(hs.slice(0, 6), ['h1 U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025', 'h2 Contents', 'h2 Mission', 'h2 Vision', 'h2 Values', 'h2 Organization']);
    const items = hs.slice(6);
    assert.strictEqual(items.filter((h) => h.startsWith('h2 Goal ')).length, 5);
    assert.strictEqual(items.filter((h) => h.startsWith('h3 ')).length, 17);
    assert.strictEqual(items.filter((h) => h.startsWith('h4 ')).length, 53);
    assert.strictEqual(items[0], 'h2 Goal 1: Empower the Workforce that Powers the Mission');
    assert.strictEqual(items[1], 'h3 1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce');
    // No heading level is skipped going down.
    let prev = 1;
    for (const h of hs) {
      const n = Number(h[1]);
      assert.ok(n <= prev + 1, `${h} after h${prev}`);
      prev = n;
    }
  });

  it('is one self-contained accessible file: lang, landmarks, inline styles, print page breaks, nothing to load', () => {
    const html = htmlFile(documentOf(ICE, ICE_URI));
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    for (const l of ['<header', '<nav class="pw-contents" aria-labelledby=', '<main>']) assert.ok(html.includes(l), l);
    assert.ok(!/<link|<script|src=|url\(/i.test(html));
    assert.match(html, /@media print\{[^]*\.pw-goal\{break-before:page\}/);
    assert.match(html, /h1,h2,h3,h4,dt\{break-after:avoid/);
  });

  it('links related entries to the item inside the document, and names lead and support units', () => {
    const html = htmlFile(documentOf(ICE, ICE_URI));
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(hrefs.length > 22, 'contents (22 entries) and related links');
    assert.match(html, /<dt>Related<\/dt><dd><a href="#item-\d\.\d">\d\.\d [A-Z]/);
    for (const h of hrefs) assert.ok(ids.has(h), `#${h} is in the document`);
    assert.match(html, /<dt>Lead<\/dt><dd>[A-Z][a-z]+ [^<]*\([A-Z&#0-9;]+\)<\/dd>/);
  });

  it('in the preview, carries each element\'s source line and marks items with problems and their count', () => {
    const blocks = htmlBlocks(documentOf(ERRORS), { lines: true, problems: true });
    const goal1 = blocks.find((b) => b.name === 'goal:item-1')!;
    assert.match(goal1.html, /<section class="pw-goal" id="item-1" aria-labelledby="item-1-h" data-line="12">/);
    assert.match(goal1.html, /1\.2 Modernize Cranes <span class="pw-problems pw-errors" role="note">2 errors, 1 warning<\/span><\/h3>/);
    assert.ok(!htmlFile(documentOf(ERRORS)).includes('pw-problems"'), 'an export shows no marks');
    assert.ok(!htmlFile(documentOf(ERRORS)).includes('data-line'));
  });
});
