import * as assert from 'assert';
import { importDocument, importedPlanText, type DocumentImport, type ImportedItem } from '.';
import { createLanguageService } from '..';
import { blocksFromTable } from './tables';
import { cityDocxTables, transitDocxGoalTable } from './test-documents';

const flat = (goals: ImportedItem[]) => goals.flatMap((g) => [g, ...(g.objectives ?? []).flatMap((o) => [o, ...(o.subobjectives ?? [])])]);
/** Each item as one line: number, title, lead, and what its narrative and notes hold. */
const summary = (r: DocumentImport) => flat(r.plan.goals).map((i) => ({ id: i.id, title: i.title, ...(i.lead ? { lead: i.lead } : {}), ...(i.description ? { description: i.description } : {}), ...(i.notes ? { notes: i.notes } : {}) }));
const notes = (r: DocumentImport) => r.report.map((l) => `${l.at}: ${l.message}`);
/** What `planwright check` says of the written plan: its errors and warnings (none means "0 errors, 0 warnings"). */
function checkProblems(r: DocumentImport, name: string): string[] {
  const service = createLanguageService();
  const uri = `file:///w/${name}.plan.yaml`;
  service.update(uri, importedPlanText(r, name), 1);
  return service.getDiagnostics(uri).filter((d) => d.severity === 1 || d.severity === 2).map((d) => `${d.code}: ${d.message}`);
}

describe('import: a city plan (test data) in Word tables: a heading per goal, then a table of its objectives', () => {
  let r: DocumentImport;
  before(async () => {
    r = await importDocument('maplewood.docx', await cityDocxTables());
  });

  it('reads each row of "No. | Objective | What we will do | Lead" as an objective, with its narrative and its lead as a unit of the plan', () => {
    assert.deepStrictEqual(summary(r).slice(0, 6), [
      { id: '1', title: 'Safe and Connected Streets', description: 'Every trip in Maplewood should be safe, whether it is made on foot, by bike, by bus or by car.\n\nDid you know? Maplewood has 212 miles of sidewalk and 38 blocks with none near a school.' },
      { id: '1.1', title: 'Close sidewalk gaps near every school', lead: 'DPW', description: 'Build the 38 missing blocks of sidewalk within a quarter mile of a school, the busiest first.' },
      { id: '1.2', title: 'Cut traffic deaths and serious injuries in half', lead: ['MPD', 'DPW'], description: 'Redesign the ten most dangerous intersections.\n\nLower the speed limit on residential streets to 20 mph.' },
      {
        id: '2',
        title: 'A Thriving Local Economy',
        // The text after the table of objectives is the goal's again; the budget table is kept whole.
        description: 'Maplewood will be a place where a small business can open quickly and grow.\n\nThe objectives of this goal are paid for as follows.\n\n| Fund | FY2025 | FY2026 | FY2027 |\n| --- | --- | --- | --- |\n| General Fund | $1.2M | $1.3M | $1.3M |\n| State grants | $0.4M | $0.4M | — |',
      },
      { id: '2.1', title: 'Open a business permit in ten days', lead: 'OED', description: 'Put every permit online and answer each application within ten working days.' },
      { id: '2.2', title: 'Fill the empty storefronts on Main Street', description: 'Offer a year of reduced rent to new shops through a fund shared with property owners.', notes: 'Lead: City Manager’s Office' },
    ]);
  });

  it('reads a two-column table with no header ("Objective 3.1" | title, narrative) and a three-column one ("4.1" | title | narrative)', () => {
    assert.deepStrictEqual(summary(r).slice(6), [
      { id: '3', title: 'Parks and Open Space for Everyone', description: 'Every resident should live within a ten-minute walk of a park.' },
      { id: '3.1', title: 'Open a park within a ten-minute walk of every home', description: 'The city will buy land for four new parks in the neighborhoods that have none.' },
      { id: '3.2', title: 'Keep every playground safe and open', description: 'Parks and Recreation will inspect every playground each month and repair what it finds within two weeks.' },
      { id: '4', title: 'Clean Water from Every Tap', description: 'Maplewood’s water mains are on average 70 years old.' },
      { id: '4.1', title: 'Replace every lead service line', description: 'Public Works will replace the 2,100 lead service lines that remain, at no cost to the owner.' },
      { id: '4.2', title: 'Fix main breaks within a day', description: 'Crews on call at night and weekends will repair a broken main within 24 hours.' },
    ]);
    assert.deepStrictEqual(r.counts, { goals: 4, objectives: 8, subobjectives: 0 });
  });

  it('reports the lead that names no unit and the table that holds no plan item, each at its paragraph', () => {
    assert.deepStrictEqual(notes(r), [
      '48: The table\'s "Lead" cell of objective 2.2 names a unit the plan does not have ("City Manager’s Office"): kept in its notes ("Lead: City Manager’s Office"). Add it under units: and set lead:, or delete the note.',
      '50: The table "Fund | FY2025 | FY2026 | FY2027" (3 rows) lists no goal or objective: kept as a table in the narrative of goal 2.',
    ]);
  });

  it('still reads the front matter: title, mission, values and the departments the leads name', () => {
    assert.strictEqual(r.plan.title, 'City of Maplewood Strategic Plan 2025–2029');
    assert.match(r.plan.mission!, /^The City of Maplewood provides safe streets/);
    assert.deepStrictEqual(r.plan.values?.map((v) => v.name), ['Service', 'Stewardship']);
    assert.deepStrictEqual(r.plan.units?.map((u) => u.id), ['DPW', 'MPD', 'PRD', 'OED']);
  });

  it('writes a plan that `planwright check` finds no error or warning in', () => {
    assert.deepStrictEqual(checkProblems(r, 'maplewood'), []);
  });
});

describe('import: a transit agency plan (test data) in one Word table "Goal | Objective | Lead Office | Performance Measure", goal cells merged down', () => {
  let r: DocumentImport;
  before(async () => {
    r = await importDocument('lakeshore.docx', await transitDocxGoalTable());
  });

  it('reads one goal per merged cell, one objective per row with the narrative of its cell, its lead by name, acronym or part of a name, and the measure as a labelled line', () => {
    assert.deepStrictEqual(summary(r), [
      { id: '1', title: 'Safe Travel for Riders and Workers' },
      { id: '1.1', title: 'Reduce bus collisions', lead: 'OSS', description: 'Train every operator in defensive driving each year and fit collision warning systems on the whole fleet.\n\nPerformance Measure: Collisions per 100,000 miles' },
      { id: '1.2', title: 'Make stations feel safe at night', lead: 'OSS', description: 'Light every station platform and staff the ten busiest stations until the last train.\n\nPerformance Measure: Share of riders who feel safe at night (survey)' },
      { id: '2', title: 'Reliable Service' },
      { id: '2.1', title: 'Run buses on time', lead: 'OSP', description: 'Give buses signal priority on the five busiest corridors.\n\nPerformance Measure: On-time performance' },
    ]);
  });

  it('takes no header cell for an item, and reports the introduction under the goals heading as before the first goal', () => {
    assert.deepStrictEqual(notes(r), ['12: "The table below lists the Authority’s goals, the objectives under e..." (one paragraph) before the first goal belongs to no goal: left out.']);
    assert.deepStrictEqual(checkProblems(r, 'lakeshore'), []);
  });
});

describe('import: Markdown pipe tables (test data), read as Word tables are', () => {
  const LIBRARY = [
    '# Riverside Library Strategic Plan 2025-2028',
    '',
    '## Organization',
    '',
    '### Central Library (CL)',
    '',
    'The main library downtown.',
    '',
    '### Branch Services Division (BSD)',
    '',
    'Runs the six neighborhood branches.',
    '',
    '## Goals',
    '',
    '| Goal | Objective | Lead | Performance measure |',
    '| --- | --- | --- | --- |',
    '| Goal 1: Reading for Everyone | 1.1 Open every branch on Sundays<br>Sunday hours at all six branches by 2026. | Branch Services | Branches open on Sunday |',
    "| | 1.2 Double the children's story hours | CL; BSD; Friends of the Library | Story hours a month |",
    '| Goal 2: A Library Online | Objective A: Put the local history archive online | Central Library | Pages digitized |',
    '',
    '| Item | 2025 | 2026 |',
    '| --- | --- | --- |',
    '| Books | $200,000 | $210,000 |',
    '',
  ].join('\n');

  it('reads goals, objectives, leads and measures from the rows, numbers a lettered objective by its place, and keeps a budget table whole', async () => {
    const r = await importDocument('library.md', new TextEncoder().encode(LIBRARY));
    assert.deepStrictEqual(summary(r), [
      { id: '1', title: 'Reading for Everyone' },
      { id: '1.1', title: 'Open every branch on Sundays', lead: 'BSD', description: 'Sunday hours at all six branches by 2026.\n\nPerformance measure: Branches open on Sunday' },
      { id: '1.2', title: "Double the children's story hours", lead: ['CL', 'BSD'], description: 'Performance measure: Story hours a month', notes: 'Lead: Friends of the Library' },
      { id: '2', title: 'A Library Online', description: '| Item | 2025 | 2026 |\n| --- | --- | --- |\n| Books | $200,000 | $210,000 |' },
      { id: '2.1', title: 'Put the local history archive online', lead: 'CL', description: 'Performance measure: Pages digitized', notes: 'Lettered "Objective A" in the document.' },
    ]);
    assert.deepStrictEqual(notes(r), [
      '18: The table\'s "Lead" cell of objective 1.2 names a unit the plan does not have ("Friends of the Library"): kept in its notes ("Lead: Friends of the Library"). Add it under units: and set lead:, or delete the note.',
      '19: One item is lettered, not numbered: numbered by its place ("Objective A: Put the local history archive online" is objective 2.1); each item\'s letter is kept in its notes.',
      '21: The table "Item | 2025 | 2026" (2 rows) lists no goal or objective: kept as a table in the narrative of goal 2.',
    ]);
    assert.deepStrictEqual(checkProblems(r, 'library'), []);
  });

  it('numbers items by their place when the header names the columns ("Priority Area | Strategy") and the cells have no numbers', async () => {
    const md = '# Plan\n\n| Priority Area | Strategy | Timeline |\n| --- | --- | --- |\n| Housing for All | Build 500 homes | 2027 |\n| | Cut permit times | 2026 |\n| Safe Streets | Light every block | 2028 |\n';
    const r = await importDocument('p.md', new TextEncoder().encode(md));
    assert.deepStrictEqual(summary(r), [
      { id: '1', title: 'Housing for All' },
      { id: '1.1', title: 'Build 500 homes', description: 'Timeline: 2027' },
      { id: '1.2', title: 'Cut permit times', description: 'Timeline: 2026' },
      { id: '2', title: 'Safe Streets' },
      { id: '2.1', title: 'Light every block', description: 'Timeline: 2028' },
    ]);
    assert.deepStrictEqual(r.report, []);
  });

  it('keeps a table of text beside text (no label, no figure) as its paragraphs', async () => {
    const md = '# Plan\n\n## Goal 1: Keep Cargo Moving\n\n| Why | How |\n| --- | --- |\n| Trucks wait. | Book slots online. |\n';
    const r = await importDocument('p.md', new TextEncoder().encode(md));
    assert.deepStrictEqual(summary(r), [{ id: '1', title: 'Keep Cargo Moving', description: 'Why\n\nHow\n\nTrucks wait.\n\nBook slots online.' }]);
    assert.deepStrictEqual(r.report, []);
  });
});

describe('import: hostile tables', () => {
  it('reads a cell that claims to span a billion columns or rows in no time, as one cell', () => {
    const t0 = performance.now();
    const blocks = blocksFromTable({
      rows: [
        { cells: [{ paras: [{ text: 'Goal 1: Wide', at: 1 }], colSpan: 1e9 }] },
        { cells: [{ paras: [{ text: '1.1 Tall', at: 2 }], rowSpan: 1e9 }, { paras: [{ text: 'Its narrative.', at: 3 }], colSpan: NaN }] },
      ],
    });
    assert.ok(performance.now() - t0 < 200);
    assert.deepStrictEqual(blocks.map((b) => `${b.kind} ${'text' in b ? b.text : ''}`), ['row Goal 1: Wide', 'row 1.1 Tall', 'cell Its narrative.', 'tableEnd ']);
  });

  it('gives nothing for a table with no text, and an empty row', () => {
    assert.deepStrictEqual(blocksFromTable({ rows: [] }), []);
    assert.deepStrictEqual(blocksFromTable({ rows: [{ cells: [] }, { cells: [{ paras: [] }] }] }), []);
  });
});
