// The plan document as a Word file (.docx), with the `docx` package: the title in Word's Title
// style, goals in Heading 1, objectives in Heading 2, sub-objectives in Heading 3 (built-in
// styles, so Word's navigation pane and a table of contents field find them); `related` entries
// are links to bookmarks on the items they name. Narratives are read from markdown-it's tokens
// (raw HTML off), so emphasis, lists and links come through. In memory: the CLI writes the file.
import { AlignmentType, Bookmark, Document, ExternalHyperlink, HeadingLevel, InternalHyperlink, LevelFormat, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { narrativeTokens } from './narrative';
import { measureColumns, measureFacts, measureLabel, milestoneFacts, STATUS_TEXT, type DocItem, type DocMeasure, type DocMilestone, type ItemLink, type PlanDocumentModel, type UnitMention } from './planDocument';

type Token = ReturnType<typeof narrativeTokens>[number];

const NUMBERED = 'pw-numbered';
const HEADING = { goal: HeadingLevel.HEADING_1, objective: HeadingLevel.HEADING_2, subobjective: HeadingLevel.HEADING_3 } as const;

/** Word bookmark names: a letter first, then letters, digits and `_`, at most 40 characters. */
class Bookmarks {
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  name(anchor: string): string {
    let n = this.names.get(anchor);
    if (n) return n;
    const base = `pw_${anchor.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 34);
    n = base;
    for (let i = 2; this.taken.has(n); i++) n = `${base}_${i}`;
    this.taken.add(n);
    this.names.set(anchor, n);
    return n;
  }
}

/** Runs of an inline token's children: text with bold and italic, code, links that leave the document. */
function inlineRuns(token: Token | undefined): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let bold = 0;
  let italics = 0;
  let link: { href: string; runs: TextRun[] } | undefined;
  const push = (r: TextRun) => (link ? link.runs.push(r) : out.push(r));
  for (const t of token?.children ?? []) {
    switch (t.type) {
      case 'text':
        push(new TextRun({ text: t.content, bold: bold > 0, italics: italics > 0, style: link ? 'Hyperlink' : undefined }));
        break;
      case 'code_inline':
        push(new TextRun({ text: t.content, font: 'Consolas' }));
        break;
      case 'softbreak':
        push(new TextRun({ text: ' ' }));
        break;
      case 'hardbreak':
        push(new TextRun({ break: 1 }));
        break;
      case 'strong_open': bold++; break;
      case 'strong_close': bold--; break;
      case 'em_open': italics++; break;
      case 'em_close': italics--; break;
      case 's_open': case 's_close': break;
      case 'link_open':
        link = { href: String(t.attrGet('href') ?? ''), runs: [] };
        break;
      case 'link_close':
        // Only web and mail links stay links; any other target is kept as its text.
        if (link && /^(https?|mailto):/i.test(link.href)) out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
        else if (link) out.push(...link.runs);
        link = undefined;
        break;
      default:
        if (t.content) push(new TextRun({ text: t.content }));
    }
  }
  return out;
}

/** A narrative's paragraphs: paragraphs, bulleted and numbered lists (nested), quotes, code. */
function narrative(source: string): Paragraph[] {
  if (!source.trim()) return [];
  const tokens = narrativeTokens(source);
  const out: Paragraph[] = [];
  const lists: ('bullet' | 'ordered')[] = [];
  let quote = 0;
  let firstInItem = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'bullet_list_open': lists.push('bullet'); break;
      case 'ordered_list_open': lists.push('ordered'); break;
      case 'bullet_list_close': case 'ordered_list_close': lists.pop(); break;
      case 'list_item_open': firstInItem = true; break;
      case 'blockquote_open': quote++; break;
      case 'blockquote_close': quote--; break;
      case 'inline': {
        const level = Math.max(0, lists.length - 1);
        const kind = lists[lists.length - 1];
        const inList = lists.length > 0;
        out.push(new Paragraph({
          children: inlineRuns(t),
          ...(inList && firstInItem ? (kind === 'bullet' ? { bullet: { level } } : { numbering: { reference: NUMBERED, level, instance: 0 } }) : {}),
          ...(inList && !firstInItem ? { indent: { left: 720 * (level + 1) } } : {}),
          ...(quote ? { indent: { left: 720 * quote }, style: 'Quote' } : {}),
        }));
        firstInItem = false;
        break;
      }
      case 'fence':
      case 'code_block':
        out.push(...t.content.replace(/\n$/, '').split('\n').map((l) => new Paragraph({ children: [new TextRun({ text: l, font: 'Consolas' })] })));
        break;
      case 'hr':
        out.push(new Paragraph({ text: '', border: { bottom: { style: 'single', size: 6, color: 'auto', space: 1 } } }));
        break;
    }
  }
  return out;
}

const STATUS_COLOR: Record<keyof typeof STATUS_TEXT, string> = { met: '1A7F37', 'not met': 'CF222E', 'no result': '595959' };

/** An item's measures as a Word table: a row per measure, its baseline, then target → result and status per fiscal year. */
function measureTable(list: DocMeasure[]): Table {
  const years = measureColumns(list);
  const small = 18;
  const text = (t: string, opts: { bold?: boolean; color?: string } = {}) => new TextRun({ text: t, size: small, ...opts });
  const th = (t: string) => new TableCell({ shading: { fill: 'E8ECF0' }, children: [new Paragraph({ children: [text(t, { bold: true })] })] });
  const header = new TableRow({ tableHeader: true, children: [th('Measure'), th('Baseline'), ...years.map((y) => th(`FY${y}`))] });
  const rows = list.map((m) => {
    const facts = measureFacts(m);
    const name = new TableCell({ children: [new Paragraph({ children: [text(measureLabel(m), { bold: true })] }), ...(facts ? [new Paragraph({ children: [text(facts, { color: '595959' })] })] : [])] });
    const base = new TableCell({ children: [new Paragraph({ children: m.baseline ? [text(m.baseline.value), ...(m.baseline.year ? [text(` (FY${m.baseline.year})`, { color: '595959' })] : [])] : [] })] });
    const cells = years.map((y) => {
      const r = m.years.find((x) => x.year === y);
      if (!r) return new TableCell({ children: [new Paragraph({})] });
      return new TableCell({
        children: [
          new Paragraph({ children: [text(`${r.target ?? '–'} → ${r.result ?? '–'}`)] }),
          new Paragraph({ children: [text(STATUS_TEXT[r.status], { color: STATUS_COLOR[r.status], bold: r.status === 'not met' })] }),
        ],
      });
    });
    return new TableRow({ cantSplit: true, children: [name, base, ...cells] });
  });
  // Fixed widths (twips; 9,000 fit a page's text width): the measure's name and facts get the room they need.
  const yearWidth = years.length ? Math.max(900, Math.floor(5000 / years.length)) : 0;
  const widths = [Math.max(2600, 9000 - 1100 - yearWidth * years.length), 1100, ...years.map(() => yearWidth)];
  return new Table({ layout: TableLayoutType.FIXED, columnWidths: widths, width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, rows: [header, ...rows] });
}

function milestoneParagraphs(list: DocMilestone[]): Paragraph[] {
  return [
    new Paragraph({ keepNext: true, children: [new TextRun({ text: 'Milestones', bold: true, color: '595959' })] }),
    ...list.map((ms) => {
      const facts = milestoneFacts(ms);
      return new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${ms.done === true ? '✓ ' : ''}${ms.title || '(untitled milestone)'}`), ...(facts ? [new TextRun({ text: ` — ${facts}`, color: '595959' })] : [])] });
    }),
  ];
}

export async function docxFile(d: PlanDocumentModel): Promise<Uint8Array> {
  const marks = new Bookmarks();
  const body: (Paragraph | Table)[] = [];
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel], anchor?: string, pageBreakBefore = false) =>
    body.push(new Paragraph({
      heading,
      pageBreakBefore,
      keepNext: true,
      children: anchor ? [new Bookmark({ id: marks.name(anchor), children: [new TextRun(text)] })] : [new TextRun(text)],
    }));

  h(d.title, HeadingLevel.TITLE);
  const sub = [d.organization && [d.organization.name, d.organization.acronym && `(${d.organization.acronym})`].filter(Boolean).join(' '), d.period && `Plan period ${d.period}`].filter(Boolean) as string[];
  for (const s of sub) body.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(s)] }));

  if (d.goals.length) {
    h('Contents', HeadingLevel.HEADING_1);
    for (const g of d.goals) {
      body.push(new Paragraph({ children: [new InternalHyperlink({ anchor: marks.name(g.anchor), children: [new TextRun({ text: g.heading, style: 'Hyperlink' })] })] }));
      for (const o of g.children) body.push(new Paragraph({ indent: { left: 360 }, children: [new InternalHyperlink({ anchor: marks.name(o.anchor), children: [new TextRun({ text: o.heading, style: 'Hyperlink' })] })] }));
    }
  }
  for (const [key, title] of [['mission', 'Mission'], ['vision', 'Vision']] as const) {
    const text = d[key];
    if (!text?.trim()) continue;
    h(title, HeadingLevel.HEADING_1);
    body.push(...narrative(text));
  }
  if (d.values.length) {
    h('Values', HeadingLevel.HEADING_1);
    for (const v of d.values) {
      body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: v.name, bold: true })] }));
      body.push(...narrative(v.narrative));
    }
  }
  if (d.units.length) {
    h('Organization', HeadingLevel.HEADING_1);
    for (const u of d.units) {
      const name = u.name && u.id ? `${u.name} (${u.id})` : u.name || u.id;
      body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: name, bold: true }), ...(u.kind ? [new TextRun({ text: ` ${u.kind}`, italics: true })] : [])] }));
      body.push(...narrative(u.narrative));
    }
  }
  const units = (l: UnitMention[]) => l.map((u) => (u.known && u.name !== u.id ? `${u.name} (${u.id})` : u.known ? u.name : `${u.name} (unit not defined)`)).join(', ');
  const links = (l: ItemLink[]): ParagraphChild[] =>
    l.flatMap((x, i) => {
      const sep = i ? [new TextRun(', ')] : [];
      if (!x.anchor) return [...sep, new TextRun(`${x.id} (no such item)`)];
      return [...sep, new InternalHyperlink({ anchor: marks.name(x.anchor), children: [new TextRun({ text: x.title ? `${x.id} ${x.title}` : x.id, style: 'Hyperlink' })] })];
    });
  const item = (it: DocItem) => {
    h(it.heading, HEADING[it.kind], it.anchor, it.kind === 'goal');
    const fact = (label: string, value: ParagraphChild[]) => body.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...value] }));
    if (it.lead.length) fact('Lead', [new TextRun(units(it.lead))]);
    if (it.support.length) fact('Support', [new TextRun(units(it.support))]);
    if (it.related.length) fact('Related', links(it.related));
    body.push(...narrative(it.narrative));
    if (it.measures.length) body.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: 'Measures (target → result per fiscal year)', bold: true, color: '595959' })] }), measureTable(it.measures), new Paragraph({ text: '' }));
    if (it.milestones.length) body.push(...milestoneParagraphs(it.milestones));
    it.children.forEach(item);
  };
  d.goals.forEach(item);

  const doc = new Document({
    title: d.title,
    creator: 'Planwright',
    description: 'A strategic plan exported by Planwright',
    styles: {
      // Room between paragraphs, and above headings, as Word's own Normal and Heading styles have.
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 120, line: 264 } } },
        heading1: { run: { size: 32, color: '1F3A5F' }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { size: 26, color: '1F3A5F' }, paragraph: { spacing: { before: 280, after: 80 } } },
        heading3: { run: { size: 22, bold: true, color: '1F3A5F' }, paragraph: { spacing: { before: 200, after: 60 } } },
      },
      // Word's built-in Subtitle and Quote, which docx's default styles leave out.
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: 28, color: '595959' }, paragraph: { spacing: { after: 160 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '404040' } },
      ],
    },
    numbering: {
      config: [{
        reference: NUMBERED,
        levels: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } } })),
      }],
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
