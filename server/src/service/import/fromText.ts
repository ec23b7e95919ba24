// Plain text, as a PDF's text comes out of it (pdftotext, a copy from a viewer): pages are cut by
// form feeds or runs of blank lines, paragraphs by a blank line or a short line; running headers,
// footers and page numbers sit at the edges of pages and are removed; a paragraph cut by a page
// break is joined again (blocks.ts).
import { joinWords, rejoinAcrossBreaks, type Block } from './blocks';

interface Line {
  text: string;
  at: number; // 1-based line number
}

/** A line that starts a list item: a bullet, or a number ("1.", "2)", "1.1.1:"). */
const BULLET = /^([-–•*▪●◦‣○□■]|\d+[.)]|[a-z][.)])\s+/;
/** A line that starts an item of the plan ("Goal 2: ...", "Objective 1.3", "GOAL TWO"): never the rest of a paragraph. */
const STARTS_LABEL = /^(strategic\s+)?(goal|objective|priority|strategy|action|pillar)\s+(\d|[IVX]+\b|one|two|three|four|five|six|seven|eight|nine|ten)/i;
const STARTS_NUMBERED = /^(\*\*|__)?\d+(\.\d+)*[.:)]?(\*\*|__)?[:.]?\s/;
/** A page number alone at the edge of a page: "12", "Page 12", "12 of 40", "- 12 -", "xii". */
const PLAN_LABEL = /^(\W*\d+(\.\d+)*\b|(strategic\s+)?(goal|objective|priority|strategy|pillar|theme|outcome|action|initiative|direction)\b)/i;
const PAGE_NUMBER = /^(page\s+)?[-–—]?\s*(\d{1,4}|[ivxlc]{1,6})\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?$/i;

export function blocksFromText(input: string): Block[] {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const pages = splitPages(text);
  removeRunningLines(pages);
  const width = wrapWidth(pages);
  const blocks: Block[] = [];
  pages.forEach((page, p) => {
    if (p > 0) blocks.push({ kind: 'break', at: page[0]?.at ?? 1 });
    let para: { text: string; at: number; last: string } | undefined;
    const flush = () => {
      if (para) blocks.push(blockOf(para.text, para.at));
      para = undefined;
    };
    for (const line of page) {
      const t = line.text.trim();
      if (!t) {
        flush();
        continue;
      }
      if (para && continues(para.last, t, width)) {
        para.text = joinWords(para.text, t);
        para.last = line.text;
      } else {
        flush();
        para = { text: t, at: line.at, last: line.text };
      }
    }
    flush();
  });
  return rejoinAcrossBreaks(blocks);
}

/** A paragraph's text → a block: a bulleted or numbered line is a list item. */
function blockOf(text: string, at: number): Block {
  const bullet = BULLET.exec(text);
  if (bullet) {
    const ordered = /^[\da-z]/.test(bullet[1]);
    return { kind: 'item', text: text.slice(bullet[0].length).trim(), at, level: 0, ordered };
  }
  return { kind: 'paragraph', text, at };
}

/**
 * Whether line `next` goes on the paragraph whose last line is `last`. Text wrapped at a width
 * (most PDF text) goes on while lines are near that width; in text with one line per paragraph
 * (width 0), only a line that plainly continues the sentence does (a small letter first, or the
 * line before ends with a comma or a hyphen).
 */
function continues(last: string, next: string, width: number): boolean {
  if (BULLET.test(next) || STARTS_NUMBERED.test(next) || STARTS_LABEL.test(next) || STARTS_LABEL.test(last.trim())) return false;
  if (/^[a-z]/.test(next) || /[,\-–]$/.test(last.trim())) return true;
  return width > 0 && last.trimEnd().length >= width * 0.7;
}

/** The width text is wrapped at, or 0 when lines are not wrapped (most are one whole paragraph). */
function wrapWidth(pages: Line[][]): number {
  const lengths = pages.flat().map((l) => l.text.trimEnd().length).filter((n) => n > 0).sort((a, b) => a - b);
  if (!lengths.length) return 0;
  const p90 = lengths[Math.floor(lengths.length * 0.9)];
  return p90 > 160 ? 0 : p90;
}

/** Pages: cut at form feeds, and at two or more blank lines in a row (how most PDF text shows a page's end). */
function splitPages(text: string): Line[][] {
  const pages: Line[][] = [[]];
  let blank = 0;
  text.split('\n').forEach((raw, i) => {
    const parts = raw.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        pages.push([]);
        blank = 0;
      }
      const page = pages[pages.length - 1];
      if (!part.trim()) {
        blank++;
        if (blank === 2 && page.some((l) => l.text.trim())) pages.push([]);
        else page.push({ text: '', at: i + 1 });
        return;
      }
      blank = 0;
      page.push({ text: part.replace(/\t/g, ' '), at: i + 1 });
    });
  });
  return pages.filter((p) => p.some((l) => l.text.trim()));
}

/**
 * Running headers and footers: a line at the top or bottom of a page that is the same on at
 * least three pages and on a third of them (digits aside, when they count up with the pages),
 * and page numbers. Headings ("Goal 2") are never that frequent: a plan has a handful of goals
 * on dozens of pages.
 */
function removeRunningLines(pages: Line[][]): void {
  if (pages.length < 3) {
    for (const page of pages) trimEdges(page, (t) => PAGE_NUMBER.test(t));
    return;
  }
  const edges = new Map<string, number[]>(); // normalized text → pages it is at an edge of
  const seen = (key: string, p: number) => {
    const list = edges.get(key) ?? [];
    if (list[list.length - 1] !== p) list.push(p);
    edges.set(key, list);
  };
  pages.forEach((page, p) => {
    for (const l of edgeLines(page)) {
      seen(exact(l.text), p);
      // "Page 3", "Plan 2024 | 7": the same words with a number; never a heading of the plan ("Goal 3").
      if (!PLAN_LABEL.test(l.text.trim())) seen(numbered(l.text), p);
    }
  });
  const need = Math.max(3, Math.ceil(pages.length / 3));
  const running = new Set([...edges].filter(([, list]) => list.length >= need).map(([k]) => k));
  for (const page of pages) trimEdges(page, (t) => PAGE_NUMBER.test(t) || running.has(exact(t)) || running.has(numbered(t)));
}

const exact = (t: string) => 'x:' + t.trim().replace(/\s+/g, ' ').toLowerCase();
const numbered = (t: string) => 'n:' + t.trim().replace(/\s+/g, ' ').toLowerCase().replace(/\d+/g, '#');

/** The first and last two non-blank lines of a page. */
function edgeLines(page: Line[]): Line[] {
  const text = page.filter((l) => l.text.trim());
  return [...new Set([...text.slice(0, 2), ...text.slice(-2)])];
}

function trimEdges(page: Line[], drop: (t: string) => boolean): void {
  for (const fromEnd of [false, true]) {
    for (let n = 0; n < 2; n++) {
      const idx = fromEnd ? findLast(page) : page.findIndex((l) => l.text.trim());
      if (idx < 0 || !drop(page[idx].text.trim())) break;
      page[idx] = { text: '', at: page[idx].at };
    }
  }
}

function findLast(page: Line[]): number {
  for (let i = page.length - 1; i >= 0; i--) if (page[i].text.trim()) return i;
  return -1;
}
