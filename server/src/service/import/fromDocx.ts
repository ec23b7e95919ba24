// Word (.docx), read with mammoth's document model (the tree it turns into HTML): each paragraph
// with its style name (Title, Heading 1–6) and its list numbering (level, numbered or bulleted),
// page breaks, and tables (tables.ts: rows of plan items, or a table kept whole). Paragraphs are numbered from 1 in
// reading order: the report points at them by that number.
import mammoth from 'mammoth';
import { rejoinAcrossBreaks, type Block } from './blocks';
import { blocksFromTable } from './tables';

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  breakType?: string;
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

export async function blocksFromDocx(bytes: Uint8Array): Promise<Block[]> {
  let root: MammothElement | undefined;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      transformDocument: (doc: MammothElement) => {
        root = doc;
        return { ...doc, children: [] }; // nothing to render: only the tree is wanted
      },
    },
  );
  const blocks: Block[] = [];
  let n = 0;
  /** A paragraph's text, and whether it holds a page break. */
  const read = (e: MammothElement) => {
    const parts: string[] = [];
    let pageBreak = false;
    const text = (x: MammothElement) => {
      if (x.type === 'text') parts.push(x.value ?? '');
      else if (x.type === 'tab') parts.push(' ');
      else if (x.type === 'break') {
        if (x.breakType === 'page') pageBreak = true;
        else parts.push(' ');
      } else x.children?.forEach(text);
    };
    e.children?.forEach(text);
    return { text: parts.join('').replace(/\s+/g, ' ').trim(), pageBreak };
  };
  /** A table cell's paragraphs (those of a table inside it too), numbered in reading order, each with the block it makes. */
  const cellParagraphs = (e: MammothElement, out: { text: string; at: number; block: Block }[] = []) => {
    if (e.type === 'paragraph') {
      n++;
      const { text } = read(e);
      if (text) out.push({ text, at: n, block: blockOf(e, text, n) });
    } else e.children?.forEach((c) => cellParagraphs(c, out));
    return out;
  };
  const walk = (e: MammothElement) => {
    if (e.type === 'table') {
      const rows = (e.children ?? []).filter((r) => r.type === 'tableRow').map((r) => ({
        header: !!r.isHeader,
        cells: (r.children ?? []).filter((c) => c.type === 'tableCell').map((c) => ({ paras: cellParagraphs(c), colSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1 })),
      }));
      blocks.push(...blocksFromTable({ rows }));
      return;
    }
    if (e.type === 'paragraph') {
      n++;
      const { text: t, pageBreak } = read(e);
      const at = n;
      if (t) blocks.push(blockOf(e, t, at));
      if (pageBreak) blocks.push({ kind: 'break', at });
      return;
    }
    if (e.type === 'break' && e.breakType === 'page') blocks.push({ kind: 'break', at: n });
    e.children?.forEach(walk);
  };
  if (root) walk(root);
  return rejoinAcrossBreaks(blocks);
}

/** A paragraph's block: a heading by its style (Title, Heading 1–6), a list item by its numbering or list style, else a paragraph. */
function blockOf(e: MammothElement, t: string, at: number): Block {
  const style = e.styleName ?? '';
  const heading = /^heading\s*(\d)$/i.exec(style);
  if (/^title$/i.test(style)) return { kind: 'heading', text: t, at, level: 0 };
  if (heading) return { kind: 'heading', text: t, at, level: Number(heading[1]) };
  if (e.numbering) return { kind: 'item', text: t, at, level: Number(e.numbering.level) || 0, ordered: e.numbering.isOrdered };
  if (/^list/i.test(style)) return { kind: 'item', text: t, at, level: 0, ordered: /number/i.test(style) };
  return { kind: 'paragraph', text: t, at };
}
