// Tables, as the structure finder sees them. Many plans put their goals and objectives in tables:
// "Goal | Objective | Lead office | Performance measure", one table per goal with rows
// "1.1 | title | narrative", two columns "Objective 2.3" | title and narrative. A table whose rows
// start with labels or numbers (or whose header names goals or objectives) gives, per row, a `row`
// block (the item's label and title) and `cell` blocks (its narrative, its lead, labelled columns);
// any other table (a budget) gives one `table` block, its text as a Markdown table. Every reader
// with tables (Word, Markdown) hands them in the same shape.
import type { Block } from './blocks';
import { bareLetter, plain, readLabel } from './structure';

export interface TableCellInput {
  /** The cell's paragraphs, each with its place (paragraph or line), and the block it is outside a table (a Word heading, a list item). */
  paras: { text: string; at: number; block?: Block }[];
  colSpan?: number;
  /** Rows this cell spans (a cell merged down, Word's vMerge): the rows below have no cell in its columns. */
  rowSpan?: number;
}
export interface TableInput {
  rows: { cells: TableCellInput[]; header?: boolean }[];
}

type Role = { kind: 'label'; depth?: 1 | 2 | 3 } | { kind: 'number' } | { kind: 'title' } | { kind: 'narrative' } | { kind: 'lead' } | { kind: 'column' };

const GOAL_HEAD = /^(?:(?:strategic|organizational)\s+)?(?:goals?|priorit(?:y|ies)|pillars?|themes?|focus|directions?)(?:\s+areas?)?$/i;
const OBJ_HEAD = /^(?:(?:strategic\s+)?(?:objectives?|strateg(?:y|ies))|outcomes?)(?:\s+and\s+description)?$/i;
const SUB_HEAD = /^(?:sub-?objectives?|actions?|tactics?|activit(?:y|ies)|initiatives?)$/i;
const NUMBER_HEAD = /^(?:no\.?|#|number|ref\.?|id|item)$/i;
const TITLE_HEAD = /^(?:title|name)$/i;
const LEAD_HEAD = /\b(?:lead|leads|office|offices|responsib\w*|owner|owners|accountable|champion|department|division|unit)\b/i;
/** Columns kept as labelled lines of the narrative ("Performance measure: ..."): what a plan states beside an item. */
const COLUMN_HEAD = /\b(?:measures?|indicators?|metrics?|targets?|kpis?|timeline|timeframe|time\s+frame|deadline|due|dates?|years?|partners?|support|budget|cost|funding|status|milestones?|baseline|outputs?)\b/i;
/** A label with nothing after it: "1.1", "3", "Objective 2.3", "Goal A", "B.", "1.C". */
const BARE_NUMBER = /^\d{1,2}(?:\.\d{1,2}){0,2}\.?$/;
const BARE_LETTERS = /^(?:[A-Z](?:\.\d{1,2})?|\d{1,2}\.[A-Z])[.)]?$/;
const NUMERIC = /^[\s$€£¥%+\-–—.,()\d]*\d[\s$€£¥%+\-–—.,()\dkmbKMB]*$|^[—–-]$/;

const cellText = (c: TableCellInput | undefined) => (c ? c.paras.map((p) => p.text).join(' ').trim() : '');
const firstText = (c: TableCellInput | undefined) => plain(c?.paras[0]?.text ?? '');
function labelOnly(t: string): boolean {
  const p = plain(t);
  return BARE_NUMBER.test(p) || BARE_LETTERS.test(p) || readLabel(p)?.title === '';
}
function isLabel(t: string): boolean {
  const p = plain(t);
  return labelOnly(p) || !!readLabel(p) || !!bareLetter(p);
}
function roleOf(head: string): Role {
  const h = plain(head).replace(/[:.]$/, '');
  if (GOAL_HEAD.test(h)) return { kind: 'label', depth: 1 };
  if (OBJ_HEAD.test(h)) return { kind: 'label', depth: 2 };
  if (SUB_HEAD.test(h)) return { kind: 'label', depth: 3 };
  if (NUMBER_HEAD.test(h)) return { kind: 'number' };
  if (TITLE_HEAD.test(h)) return { kind: 'title' };
  if (LEAD_HEAD.test(h) && !COLUMN_HEAD.test(h)) return { kind: 'lead' };
  if (COLUMN_HEAD.test(h)) return { kind: 'column' };
  return { kind: 'narrative' };
}

/** Columns a cell may span: Word's own limit (63 columns), so a file that claims more costs nothing. */
const MAX_SPAN = 64;
const span = (n: number | undefined) => Math.min(MAX_SPAN, Math.max(1, Math.floor(n ?? 1) || 1));

/** The table's cells on its grid: a cell merged across columns or down rows stands in each place it covers, `first` only in its own. */
function grid(t: TableInput): { cell: TableCellInput; first: boolean }[][] {
  const out: { cell: TableCellInput; first: boolean }[][] = t.rows.map(() => []);
  t.rows.forEach((r, i) => {
    let col = 0;
    for (const c of r.cells) {
      while (out[i][col]) col++;
      const down = Math.min(Math.max(1, Math.floor(c.rowSpan ?? 1) || 1), out.length - i);
      for (let dr = 0; dr < down; dr++) for (let dc = 0; dc < span(c.colSpan); dc++) out[i + dr][col + dc] = { cell: c, first: dr === 0 && dc === 0 };
      col += span(c.colSpan);
    }
  });
  return out;
}

export function blocksFromTable(t: TableInput): Block[] {
  const g = grid(t);
  const width = g.reduce((w, r) => Math.max(w, r.length), 0);
  const firstAt = t.rows.flatMap((r) => r.cells.flatMap((c) => c.paras.map((p) => p.at)))[0];
  if (!width || firstAt === undefined) return [];
  const tableAt = firstAt;
  // The header row: marked as one, or short cells of which one names a kind of item or a lead.
  const row0 = g[0].map((x) => (x?.first ? cellText(x.cell) : ''));
  const namesRole = row0.some((h) => { const r = roleOf(h); return r.kind === 'label' || r.kind === 'lead' || r.kind === 'number'; });
  const headed = g.length > 1 && (t.rows[0].header || (namesRole && row0.every((h) => h.split(/\s+/).length <= 5 && !isLabel(h))));
  const body = headed ? g.slice(1) : g;
  const head = headed ? row0 : [];
  let roles: Role[] = Array.from({ length: width }, (_, c) => (headed ? roleOf(head[c] ?? '') : { kind: 'narrative' }));
  const texts: string[][] = [];
  const colTexts = (c: number) => (texts[c] ??= body.map((r) => (r[c]?.first ? cellText(r[c].cell) : '')).filter(Boolean));
  // No column named by its header as goals or objectives: the first whose cells mostly start with labels is.
  if (!roles.some((r) => r.kind === 'label')) {
    const labels = (k: number) => colTexts(k).filter(isLabel).length;
    const c = roles.findIndex((r, k) => r.kind !== 'lead' && r.kind !== 'column' && colTexts(k).length > 0 && labels(k) > 0 && labels(k) * 2 >= colTexts(k).length);
    // A column of bare numbers ("1", "2") beside figures is a budget's, not a plan's.
    const figures = roles.filter((_, k) => k !== c && colTexts(k).length && colTexts(k).every((x) => NUMERIC.test(x))).length;
    if (c < 0 || (figures && colTexts(c).every((x) => BARE_NUMBER.test(plain(x))))) {
      // Figures in rows and columns (a budget): kept whole. A table used for layout (one column,
      // one row, or text beside text): its paragraphs, in reading order, as if it were none.
      const cells = body.flatMap((r) => r.filter((x) => x?.first).map((x) => cellText(x.cell))).filter(Boolean);
      const data = g.length >= 2 && width >= 2 && (width >= 3 || cells.some((x) => NUMERIC.test(plain(x))));
      if (data) return [dataTable(t, g, tableAt)];
      return t.rows.flatMap((r) => r.cells.flatMap((x) => x.paras.filter((p) => p.text.trim()).map((p): Block => p.block ?? { kind: 'paragraph', text: p.text, at: p.at })));
    }
    roles = roles.map((r, k) => (k === c ? { kind: 'label' } : r));
    // With no header, the cell after a label alone is its title.
    if (!headed && c + 1 < width && colTexts(c).every(labelOnly)) roles[c + 1] = { kind: 'title' };
  }
  // A number column ("No.") gives the label of the column after it that names the kind.
  const out: Block[] = [];
  const previous: string[] = [];
  for (const r of body) {
    const titleCol = roles.findIndex((x) => x.kind === 'title');
    const numberCol = roles.findIndex((x) => x.kind === 'number');
    const taken = new Set<number>();
    for (let c = 0; c < width; c++) {
      const role = roles[c];
      const x = r[c];
      if (role.kind !== 'label' || !x) continue;
      taken.add(c);
      const paras = x.cell.paras.filter((p) => p.text.trim());
      if (!x.first || !paras.length) continue;
      const text = cellText(x.cell);
      if (previous[c] === text) continue; // the same goal repeated down its rows
      previous[c] = text;
      for (let k = c + 1; k < width; k++) previous[k] = '';
      let labelText = plain(paras[0].text);
      let rest = paras.slice(1);
      let restCell: number | undefined;
      // The number in a column of its own ("No." | "Objective").
      if (numberCol >= 0 && numberCol < c && r[numberCol]?.first && !taken.has(numberCol)) {
        const n = firstText(r[numberCol].cell);
        if (n && labelOnly(n) && !isLabel(labelText)) labelText = `${n.replace(/\.$/, '')} ${labelText}`;
        taken.add(numberCol);
      }
      if (labelOnly(labelText)) {
        if (rest.length) {
          labelText = `${labelText} ${plain(rest[0].text)}`;
          rest = rest.slice(1);
        } else {
          const tc = titleCol >= 0 ? titleCol : c + 1 < width && roles[c + 1].kind !== 'label' && roles[c + 1].kind !== 'lead' ? c + 1 : -1;
          const tcell = tc >= 0 ? r[tc] : undefined;
          if (tcell?.first && tcell.cell.paras.length) {
            labelText = `${labelText} ${plain(tcell.cell.paras[0].text)}`;
            taken.add(tc);
            restCell = tc;
          }
        }
      }
      out.push({ kind: 'row', text: labelText, at: paras[0].at, ...(role.depth ? { depth: role.depth } : {}), table: tableAt });
      for (const p of rest) out.push({ kind: 'cell', text: p.text, at: p.at, table: tableAt });
      if (restCell !== undefined) for (const p of r[restCell].cell.paras.slice(1)) if (p.text.trim()) out.push({ kind: 'cell', text: p.text, at: p.at, table: tableAt });
    }
    for (let c = 0; c < width; c++) {
      const x = r[c];
      if (taken.has(c) || !x?.first) continue;
      const role = roles[c];
      const paras = x.cell.paras.filter((p) => p.text.trim());
      if (!paras.length) continue;
      if (role.kind === 'lead' || role.kind === 'column') {
        out.push({ kind: 'cell', text: paras.map((p) => p.text.trim()).join(role.kind === 'lead' ? '; ' : ' '), at: paras[0].at, column: plain(head[c] ?? '').replace(/[:.]$/, ''), ...(role.kind === 'lead' ? { lead: true } : {}), table: tableAt });
      } else for (const p of paras) out.push({ kind: 'cell', text: p.text, at: p.at, table: tableAt });
    }
  }
  out.push({ kind: 'tableEnd', text: '', at: tableAt, table: tableAt });
  return out;
}

/** A table that is no plan structure, as a Markdown table (its first row the header). */
function dataTable(t: TableInput, g: { cell: TableCellInput; first: boolean }[][], at: number): Block {
  const width = g.reduce((w, r) => Math.max(w, r.length), 0);
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = g.map((r) => Array.from({ length: width }, (_, c) => (r[c]?.first ? esc(cellText(r[c].cell)) : '')));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const text = [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
  return { kind: 'table', text, at, rows: t.rows.length, head: rows[0].filter(Boolean) };
}
