// Markdown, read with markdown-it's tokens: `#` headings (and underlined ones) with their level,
// list items with their nesting and whether the list is numbered, paragraphs; a thematic break
// (`---`) is read as a page break; pipe tables are read as Word's are (tables.ts). Inline text is kept as written (descriptions are Markdown).
import MarkdownIt from 'markdown-it';
import { rejoinAcrossBreaks, type Block } from './blocks';
import { blocksFromTable, type TableInput } from './tables';

const md = new MarkdownIt('commonmark', { html: false }).enable('table');

export function blocksFromMarkdown(input: string): Block[] {
  const text = input.replace(/^\uFEFF/, '');
  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  const lists: boolean[] = []; // ordered?, outermost first
  let inItem = 0; // paragraphs already read in the innermost list item
  let heading: number | undefined;
  let table: TableInput | undefined; // the pipe table being read (tables.ts reads it whole)
  let rowAt = 0;
  for (const t of tokens) {
    const at = (t.map?.[0] ?? 0) + 1;
    switch (t.type) {
      case 'table_open':
        table = { rows: [] };
        break;
      case 'table_close':
        if (table) blocks.push(...blocksFromTable(table));
        table = undefined;
        break;
      case 'tr_open':
        rowAt = at;
        table?.rows.push({ cells: [], header: false });
        break;
      case 'th_open':
      case 'td_open': {
        const row = table?.rows[table.rows.length - 1];
        if (row) {
          row.header = t.type === 'th_open';
          row.cells.push({ paras: [] });
        }
        break;
      }
      case 'heading_open':
        heading = Number(t.tag.slice(1));
        break;
      case 'heading_close':
        heading = undefined;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(t.type === 'ordered_list_open');
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        inItem = 0;
        break;
      case 'hr':
        blocks.push({ kind: 'break', at });
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'paragraph', text: t.content.trimEnd(), at });
        break;
      case 'inline': {
        const content = t.content.replace(/\s*\n\s*/g, ' ').trim();
        if (!content) break;
        if (table) {
          const row = table.rows[table.rows.length - 1];
          // "<br>" in a cell parts its paragraphs, as Markdown tables write them.
          for (const part of content.split(/\s*<br\s*\/?>\s*/i)) if (part) row?.cells[row.cells.length - 1]?.paras.push({ text: part, at: rowAt });
          break;
        }
        const line = (t.map?.[0] ?? 0) + 1;
        if (heading !== undefined) blocks.push({ kind: 'heading', text: content, at: line, level: heading });
        else if (lists.length && inItem++ === 0) blocks.push({ kind: 'item', text: content, at: line, level: lists.length - 1, ordered: lists[lists.length - 1] });
        else blocks.push({ kind: 'paragraph', text: content, at: line });
        break;
      }
    }
  }
  return rejoinAcrossBreaks(blocks);
}
