// Narratives (descriptions, mission, vision) are CommonMark: paragraphs, lists, emphasis, links.
// Rendered with markdown-it with raw HTML off, so nothing a plan says can become markup; images
// are off (a document loads nothing from elsewhere), and so are headings (the document's
// headings are the plan's goals and objectives, in order).
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable(['image', 'heading', 'lheading']);
// Links leave the document: never let it be told who sent the reader.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * Rendered narratives by source: most narratives are the same from one version of a plan to the
 * next, and markdown-it is most of the cost of writing a document. Bounded; cleared when full.
 */
const cache = new Map<string, string>();
const CACHE_MAX = 50_000;

/**
 * A narrative as Markdown source. Plans written before narratives were Markdown separate their
 * paragraphs with one line break (a blank line in a folded `>` block is one line break in its
 * value), and read as paragraphs: so a line break starts a paragraph, except before a list item,
 * a quote, a code fence or an indented line, and inside a list or a fence, where Markdown decides.
 */
export function paragraphs(source: string): string {
  const ls = source.replace(/\r\n?/g, '\n').split('\n');
  const block = /^\s*([-*+]|\d{1,9}[.)])(\s|$)|^\s*(>|```|~~~)|^\s/;
  let fence = false;
  let out = ls[0] ?? '';
  if (/^\s*(```|~~~)/.test(out)) fence = true;
  for (let i = 1; i < ls.length; i++) {
    const prev = ls[i - 1];
    const l = ls[i];
    const keep = fence || !prev.trim() || !l.trim() || block.test(l) || block.test(prev);
    out += (keep ? '\n' : '\n\n') + l;
    if (/^\s*(```|~~~)/.test(l)) fence = !fence;
  }
  return out;
}

/** A narrative as HTML (block elements), '' for an empty one. */
export function narrativeHtml(source: string): string {
  if (!source.trim()) return '';
  let html = cache.get(source);
  if (html === undefined) {
    html = md.render(paragraphs(source));
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(source, html);
  }
  return html;
}

/** The token stream of a narrative, for writers that are not HTML (Word). */
export function narrativeTokens(source: string) {
  return md.parse(paragraphs(source), {});
}
