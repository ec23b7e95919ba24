// Test fixtures: the ICE plan (the hand-written sample, made from the same PDF as the seed text)
// written as documents in other layouts than the PDF's, to import again. Test data only.
import { AlignmentType, Document, Footer, HeadingLevel, LevelFormat, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { parse as parseYaml } from 'yaml';
import { ICE } from '../test-util';
import type { ImportedItem, ImportedPlan } from '.';

export const ICE_PLAN = parseYaml(ICE) as ImportedPlan;
const paras = (t?: string) => (t ? t.split(/\n+/).filter(Boolean) : []);

/** Word, layout A: Title, Heading 1 sections, goals as Heading 2 under "Strategic Goals" (no numbers), objectives as Heading 3, sub-objectives as a Word numbered list. */
export async function iceDocxHeadings(plan = ICE_PLAN): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE })];
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => children.push(new Paragraph({ text, heading }));
  const p = (t?: string) => paras(t).forEach((text) => children.push(new Paragraph({ text })));
  h('Mission', HeadingLevel.HEADING_1);
  p(plan.mission);
  h('Vision', HeadingLevel.HEADING_1);
  p(plan.vision);
  h('Core Values', HeadingLevel.HEADING_1);
  for (const v of plan.values ?? []) {
    h(v.name, HeadingLevel.HEADING_2);
    p(v.description);
  }
  h('Organization', HeadingLevel.HEADING_1);
  for (const u of plan.units ?? []) {
    h(`${u.name} (${u.id})`, HeadingLevel.HEADING_2);
    p(u.description);
  }
  h('Strategic Goals', HeadingLevel.HEADING_1);
  for (const g of plan.goals) {
    h(g.title, HeadingLevel.HEADING_2);
    p(g.description);
    for (const o of g.objectives ?? []) {
      h(o.title, HeadingLevel.HEADING_3);
      p(o.description);
      for (const s of o.subobjectives ?? []) children.push(new Paragraph({ text: s.title, numbering: { reference: 'subs', level: 0 } }));
    }
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'subs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Word, layout B: no heading styles at all: "Strategic Goal 1 – ..." and "1.1 ..." / "1.1.1 ..." numbered paragraphs in bold, "Mission: ..." written inline, a page break before each goal. */
export async function iceDocxNumbered(plan = ICE_PLAN): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ children: [new TextRun({ text: plan.title.toUpperCase(), bold: true })] })];
  const bold = (text: string, pageBreakBefore = false) => children.push(new Paragraph({ children: [new TextRun({ text, bold: true })], pageBreakBefore }));
  const p = (t?: string) => paras(t).forEach((text) => children.push(new Paragraph({ text })));
  children.push(new Paragraph({ text: `Mission: ${plan.mission}` }));
  children.push(new Paragraph({ text: `Vision: ${plan.vision}` }));
  bold('Our Values');
  for (const v of plan.values ?? []) children.push(new Paragraph({ text: `${v.name}: ${v.description}` }));
  for (const g of plan.goals) {
    bold(`Strategic Goal ${g.id} – ${g.title}`, true);
    p(g.description);
    for (const o of g.objectives ?? []) {
      bold(`${o.id} ${o.title}`);
      p(o.description);
      for (const s of o.subobjectives ?? []) bold(`${s.id} ${s.title}`);
    }
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Markdown: `#` title, `##` sections, "## Goal 1: ..." and "### Objective 1.1: ...", sub-objectives as a numbered list. */
export function iceMarkdown(plan = ICE_PLAN): string {
  const out: string[] = [`# ${plan.title}`, '', '## Mission', '', plan.mission ?? '', '', '## Vision', '', plan.vision ?? '', '', '## Our Values', ''];
  for (const v of plan.values ?? []) out.push(`- **${v.name}**: ${v.description}`);
  out.push('', '## Organization', '');
  for (const u of plan.units ?? []) out.push(`### ${u.name} (${u.id})`, '', ...paras(u.description).flatMap((x) => [x, '']));
  const item = (level: string, label: string, i: ImportedItem) => out.push(`${level} ${label} ${i.id}: ${i.title}`, '', ...paras(i.description).flatMap((x) => [x, '']));
  for (const g of plan.goals) {
    item('##', 'Goal', g);
    for (const o of g.objectives ?? []) {
      item('###', 'Objective', o);
      (o.subobjectives ?? []).forEach((s, k) => out.push(`${k + 1}. ${s.title}`));
      out.push('');
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- plans written as Word tables (test data)

type Row = string[][]; // cells, each a list of paragraphs
const cell = (paras: string[], header = false, rowSpan?: number) =>
  new TableCell({
    children: paras.map((text) => new Paragraph({ children: [new TextRun({ text, bold: header })] })),
    ...(rowSpan ? { rowSpan } : {}),
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } } : {}),
  });
const table = (header: string[] | null, rows: Row[], widths?: number[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(widths ? { columnWidths: widths } : {}),
    rows: [...(header ? [new TableRow({ tableHeader: true, children: header.map((h) => cell([h], true)) })] : []), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
/** Every page says what the document is: test data, no city's real plan. */
const testDataFooter = (what: string) => ({ default: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: `${what}: test data for Planwright's import tests, not a real plan.`, italics: true, size: 16 })] })] }) });

/**
 * The City of Maplewood's plan (test data): mission, vision, values and departments as headings;
 * under "Goals and Objectives" each goal a Heading 2 with its narrative, then a table of its
 * objectives ("No. | Objective | What we will do | Lead"); goal 1 also has a one-cell box of text,
 * goal 2 a budget table, goal 3 a two-column table ("Objective 3.1" | title and narrative) with no
 * header row, goal 4 a three-column one ("4.1" | title | narrative) with none.
 */
export async function cityDocxTables(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: 'City of Maplewood Strategic Plan 2025–2029', heading: HeadingLevel.TITLE })];
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => children.push(new Paragraph({ text, heading }));
  const p = (text: string) => children.push(new Paragraph({ text }));
  h('Mission', HeadingLevel.HEADING_1);
  p('The City of Maplewood provides safe streets, clean water and welcoming parks, and spends every dollar as if it were a resident’s own.');
  h('Vision', HeadingLevel.HEADING_1);
  p('A city where every neighborhood is a short walk from a park, a bus stop and a good job.');
  h('Values', HeadingLevel.HEADING_1);
  p('Service: We answer to the residents we work for.');
  p('Stewardship: We take care of what the city owns and spend with care.');
  h('Our Departments', HeadingLevel.HEADING_1);
  h('Department of Public Works (DPW)', HeadingLevel.HEADING_2);
  p('Builds and maintains streets, sidewalks, water mains and city buildings.');
  h('Maplewood Police Department (MPD)', HeadingLevel.HEADING_2);
  p('Keeps residents safe and works with neighborhoods on traffic safety.');
  h('Parks and Recreation Department (PRD)', HeadingLevel.HEADING_2);
  p('Runs the city’s 41 parks, three pools and its recreation programs.');
  h('Office of Economic Development (OED)', HeadingLevel.HEADING_2);
  p('Helps businesses start, stay and grow in Maplewood.');
  h('Goals and Objectives', HeadingLevel.HEADING_1);
  const header = ['No.', 'Objective', 'What we will do', 'Lead'];
  h('Goal 1: Safe and Connected Streets', HeadingLevel.HEADING_2);
  p('Every trip in Maplewood should be safe, whether it is made on foot, by bike, by bus or by car.');
  children.push(table(null, [[['Did you know? Maplewood has 212 miles of sidewalk and 38 blocks with none near a school.']]]));
  children.push(
    table(header, [
      [['1.1'], ['Close sidewalk gaps near every school'], ['Build the 38 missing blocks of sidewalk within a quarter mile of a school, the busiest first.'], ['Department of Public Works']],
      [['1.2'], ['Cut traffic deaths and serious injuries in half'], ['Redesign the ten most dangerous intersections.', 'Lower the speed limit on residential streets to 20 mph.'], ['Police Department; DPW']],
    ], [900, 3000, 4200, 1900]),
  );
  h('Goal 2: A Thriving Local Economy', HeadingLevel.HEADING_2);
  p('Maplewood will be a place where a small business can open quickly and grow.');
  children.push(
    table(header, [
      [['2.1'], ['Open a business permit in ten days'], ['Put every permit online and answer each application within ten working days.'], ['OED']],
      [['2.2'], ['Fill the empty storefronts on Main Street'], ['Offer a year of reduced rent to new shops through a fund shared with property owners.'], ['City Manager’s Office']],
    ], [900, 3000, 4200, 1900]),
  );
  p('The objectives of this goal are paid for as follows.');
  children.push(
    table(['Fund', 'FY2025', 'FY2026', 'FY2027'], [
      [['General Fund'], ['$1.2M'], ['$1.3M'], ['$1.3M']],
      [['State grants'], ['$0.4M'], ['$0.4M'], ['—']],
    ]),
  );
  h('Goal 3: Parks and Open Space for Everyone', HeadingLevel.HEADING_2);
  p('Every resident should live within a ten-minute walk of a park.');
  children.push(
    table(null, [
      [['Objective 3.1'], ['Open a park within a ten-minute walk of every home', 'The city will buy land for four new parks in the neighborhoods that have none.']],
      [['Objective 3.2'], ['Keep every playground safe and open', 'Parks and Recreation will inspect every playground each month and repair what it finds within two weeks.']],
    ], [2000, 8000]),
  );
  h('Goal 4: Clean Water from Every Tap', HeadingLevel.HEADING_2);
  p('Maplewood’s water mains are on average 70 years old.');
  children.push(
    table(null, [
      [['4.1'], ['Replace every lead service line'], ['Public Works will replace the 2,100 lead service lines that remain, at no cost to the owner.']],
      [['4.2'], ['Fix main breaks within a day'], ['Crews on call at night and weekends will repair a broken main within 24 hours.']],
    ], [900, 3500, 5600]),
  );
  const doc = new Document({ sections: [{ footers: testDataFooter('City of Maplewood Strategic Plan'), children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The Lakeshore Regional Transit Authority's plan (test data): its offices as headings, then one
 * table "Goal | Objective | Lead Office | Performance Measure" for the whole plan, each goal's
 * cell merged down over its objectives' rows, each objective's cell its label and title, then its
 * narrative.
 */
export async function transitDocxGoalTable(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: 'Lakeshore Regional Transit Authority Strategic Plan 2026–2030', heading: HeadingLevel.TITLE })];
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => children.push(new Paragraph({ text, heading }));
  const p = (text: string) => children.push(new Paragraph({ text }));
  h('Mission', HeadingLevel.HEADING_1);
  p('We connect the people of the Lakeshore region to jobs, schools and each other with safe, reliable and affordable transit.');
  h('Organization', HeadingLevel.HEADING_1);
  h('Office of Safety and Security (OSS)', HeadingLevel.HEADING_2);
  p('Sets safety rules for buses and trains and investigates every collision.');
  h('Office of Service Planning (OSP)', HeadingLevel.HEADING_2);
  p('Designs routes and schedules.');
  h('Office of Customer Experience (OCE)', HeadingLevel.HEADING_2);
  p('Runs fares, the call center and rider information.');
  h('Strategic Goals and Objectives', HeadingLevel.HEADING_1);
  p('The table below lists the Authority’s goals, the objectives under each, the office that leads each objective and how progress will be measured.');
  const g = (text: string, rows: number) => cell([text], false, rows);
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['Goal', 'Objective', 'Lead Office', 'Performance Measure'].map((x) => cell([x], true)) }),
        new TableRow({ children: [g('Goal 1: Safe Travel for Riders and Workers', 2), cell(['Objective 1.1: Reduce bus collisions', 'Train every operator in defensive driving each year and fit collision warning systems on the whole fleet.']), cell(['Office of Safety and Security']), cell(['Collisions per 100,000 miles'])] }),
        new TableRow({ children: [cell(['Objective 1.2: Make stations feel safe at night', 'Light every station platform and staff the ten busiest stations until the last train.']), cell(['OSS']), cell(['Share of riders who feel safe at night (survey)'])] }),
        new TableRow({ children: [g('Goal 2: Reliable Service', 1), cell(['Objective 2.1: Run buses on time', 'Give buses signal priority on the five busiest corridors.']), cell(['Service Planning']), cell(['On-time performance'])] }),
      ],
    }),
  );
  const doc = new Document({ sections: [{ footers: testDataFooter('Lakeshore Regional Transit Authority Strategic Plan'), children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
