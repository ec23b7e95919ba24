import * as assert from 'assert';
import { narrativeHtml, paragraphs } from './narrative';

describe('narratives as Markdown', () => {
  it('reads a line break as a new paragraph, as plans written before Markdown meant it', () => {
    assert.strictEqual(narrativeHtml('First paragraph.\nSecond one.'), '<p>First paragraph.</p>\n<p>Second one.</p>\n');
  });

  it('keeps lists, quotes, code fences and indented lines as Markdown reads them', () => {
    assert.strictEqual(paragraphs('Intro:\n- one\n- two\n  more\nAfter'), 'Intro:\n- one\n- two\n  more\nAfter');
    assert.strictEqual(paragraphs('```\na\nb\n```\nx\ny'), '```\na\nb\n```\nx\n\ny');
    assert.strictEqual(narrativeHtml('1. a\n2. b'), '<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n');
  });

  it('renders emphasis and links, but no raw HTML, image or heading, and no javascript: link', () => {
    assert.strictEqual(narrativeHtml('*a* **b** [c](https://example.org)'), '<p><em>a</em> <strong>b</strong> <a href="https://example.org" rel="noopener noreferrer">c</a></p>\n');
    assert.strictEqual(narrativeHtml('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    // An image is a link to it: the document loads nothing.
    assert.strictEqual(narrativeHtml('![x](https://example.org/x.png)'), '<p>!<a href="https://example.org/x.png" rel="noopener noreferrer">x</a></p>\n');
    assert.strictEqual(narrativeHtml('# Title'), '<p># Title</p>\n');
    assert.ok(!narrativeHtml('[x](javascript:alert(1))').includes('href'));
  });
});
