import * as assert from 'assert';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { ERRORS, ICE, ICE_URI, lines, load, MEASURES, MERGED, positionOf, textAt, coastPlan, DETENTION } from '../test-util';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { clip, provideHover } from './hover';

function hoverAt(ws: PlanWorkspace, doc: PlanDocument, needle: string, delta = 0, nth = 1): Hover {
  const h = provideHover(ws, doc, positionOf(doc, needle, delta, nth));
  assert.ok(h, `expected a hover at ${JSON.stringify(needle)}+${delta}`);
  return h;
}

function valueOf(h: Hover): string {
  const c = h.contents as MarkupContent;
  assert.strictEqual(c.kind, 'markdown');
  return c.value;
}

const DETENTION_URI = 'file:///work/plans/detention%20standards.plan.yaml';

/** Non-ASCII text before the scalars of a line, written with `eol` line ends. */
describe('hover', () => {
  describe('on a related entry', () => {
    it('shows the item it names in bold, where it sits in the plan and who leads it', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const h = hoverAt(ws, doc, 'related: ["2.2"', 11);
      assert.strictEqual(textAt(doc, h.range!), '"2.2"');
      assert.deepStrictEqual(h.range, { start: { line: 312, character: 18 }, end: { line: 312, character: 23 } });
      const parts = valueOf(h).split('\n\n');
      assert.strictEqual(parts[0], '**2.2 Generate, Analyze, and Share Actionable Intelligence**');
      assert.strictEqual(parts[1], 'Goal 2 › Objective 2.2');
      assert.strictEqual(parts[2], 'Lead: HSI (Homeland Security Investigations)');
      assert.ok(parts[3].startsWith('To confront adversaries before they can harm the United States'), parts[3]);
    });

    it('trims a long description to about 600 characters and ends it with an ellipsis', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const description = valueOf(hoverAt(ws, doc, 'related: ["2.2"', 11)).split('\n\n')[3];
      assert.ok(description.length <= 601 && description.length > 500, `${description.length}`);
      assert.ok(description.endsWith('architectures…'), description.slice(-40));
    });

    it('names a sub-objective by its full path when the entry is a single number', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const h = hoverAt(ws, doc, 'related: "1.4.4"', 10);
      assert.strictEqual(
        valueOf(h),
        '**1.4.4 Transform the Workplace to Maximize Mobility, Flexibility, and Efficiency**\n\nGoal 1 › Objective 1.4 › Sub-objective 1.4.4',
      );
    });

    it('says that no item has the number when the entry does not resolve', () => {
      const { ws, doc } = load(ERRORS);
      const h = hoverAt(ws, doc, '"2.9"', 1);
      assert.strictEqual(valueOf(h), 'No item is numbered 2.9 in this plan.');
      assert.strictEqual(textAt(doc, h.range!), '"2.9"');
    });

    it('says when several items share the number it names', () => {
      const { ws, doc } = load(ERRORS);
      const h = hoverAt(ws, doc, 'related: ["2.1"', 11);
      assert.ok(valueOf(h).includes('2 items are numbered 2.1; this is the first of them.'), valueOf(h));
      assert.ok(valueOf(h).startsWith('**2.1 Screen Every Container**'), valueOf(h));
    });
  });

  describe('on an item number', () => {
    it('shows the item with its place, its children, the items linking to it and its lead', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const h = hoverAt(ws, doc, 'id: "2.2"', 5);
      assert.strictEqual(textAt(doc, h.range!), '"2.2"');
      assert.deepStrictEqual(valueOf(h).split('\n\n'), [
        '**Objective 2.2** — Generate, Analyze, and Share Actionable Intelligence',
        'Goal 2 › Objective 2.2',
        '2 sub-objectives',
        'Linked from: 2.1 Prioritize and Investigate National…; 3.1 Enhance Efficient and Effective…',
        'Lead: HSI (Homeland Security Investigations)',
      ]);
    });

    it('counts four sub-objectives of objective 1.1 and lists its lead and support units', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.deepStrictEqual(valueOf(hoverAt(ws, doc, 'id: "1.1"', 5)).split('\n\n'), [
        '**Objective 1.1** — Recruit, Hire, and Retain a Diverse and Highly Capable Workforce',
        'Goal 1 › Objective 1.1',
        '4 sub-objectives',
        'Lead: M&A (Management and Administration) · Support: OPR (Office of Professional Responsibility)',
      ]);
    });

    it('gives a goal its objective count without repeating the goal as a breadcrumb', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.strictEqual(valueOf(hoverAt(ws, doc, 'id: "2"', 5)), '**Goal 2** — Counter Threats and Protect the Homeland\n\n3 objectives');
    });

    it('lists a sub-objective linked from two objectives, each once', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const parts = valueOf(hoverAt(ws, doc, 'id: "2.2.1"', 5)).split('\n\n');
      assert.deepStrictEqual(parts, [
        '**Sub-objective 2.2.1** — Enhance Domestic and International Intelligence and Other Law Enforcement Information Sharing',
        'Goal 2 › Objective 2.2 › Sub-objective 2.2.1',
        'Linked from: 5.2 Advance Federal, State, Local, and…; 5.4 Foster Meaningful International…',
      ]);
    });

    it('says when an objective has no sub-objectives yet', () => {
      const { ws, doc } = load(lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: G', '    objectives:', '      - id: "1.1"', '        title: O'));
      assert.strictEqual(valueOf(hoverAt(ws, doc, '"1.1"', 1)), '**Objective 1.1** — O\n\nGoal 1 › Objective 1.1\n\nNo sub-objectives yet.');
    });
  });

  describe('on a lead or support entry', () => {
    it('shows the unit of this plan with its name, kind and description', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const h = hoverAt(ws, doc, 'lead: HSI', 7);
      assert.strictEqual(textAt(doc, h.range!), 'HSI');
      const parts = valueOf(h).split('\n\n');
      assert.strictEqual(parts[0], '**HSI** — Homeland Security Investigations');
      assert.strictEqual(parts[1], 'Kind: directorate');
      assert.ok(parts[2].startsWith('HSI is responsible for investigating'), parts[2]);
      assert.ok(!valueOf(h).includes('Defined in'));
    });

    it('says which file defines a unit that comes from another plan of the workspace', () => {
      const { ws } = load(ICE, ICE_URI);
      const { doc } = load(DETENTION, DETENTION_URI, ws);
      const parts = valueOf(hoverAt(ws, doc, '[OPR', 1)).split('\n\n');
      assert.strictEqual(parts[0], '**OPR** — Office of Professional Responsibility');
      assert.strictEqual(parts[1], 'Kind: program office');
      assert.strictEqual(parts[2], 'Defined in ice-strategic-plan-2021-2025.plan.yaml.');
    });

    it('says so when no plan of the workspace defines the unit', () => {
      const { ws } = load(ICE, ICE_URI);
      const { doc } = load(DETENTION, DETENTION_URI, ws);
      const h = hoverAt(ws, doc, 'XYZ', 1);
      assert.strictEqual(valueOf(h), 'No unit has the id XYZ, in this plan or in the other plans of the workspace.');
      assert.strictEqual(textAt(doc, h.range!), 'XYZ');
    });
  });

  describe('on a unit id', () => {
    it('shows the unit and how many objectives it leads and supports', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const h = hoverAt(ws, doc, 'id: ERO', 4);
      assert.strictEqual(textAt(doc, h.range!), 'ERO');
      assert.strictEqual(valueOf(h), '**ERO** — Enforcement and Removal Operations\n\nKind: directorate\n\nLeads 2 objectives; supports 4 objectives.');
    });

    it('counts the entries of other plans that use the unit', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      load(DETENTION, DETENTION_URI, ws);
      assert.ok(valueOf(hoverAt(ws, doc, 'id: ERO', 4)).endsWith('Leads 3 objectives; supports 4 objectives (in 2 plans).'));
      assert.ok(valueOf(hoverAt(ws, doc, 'id: OPR', 4)).endsWith('Supports 3 objectives (in 2 plans).'));
    });

    it('says when no objective names the unit yet', () => {
      const { ws, doc } = load(lines('planwright: 1', 'title: T', 'units:', '  - { id: OPS, name: Operations }', 'goals: []'));
      assert.strictEqual(valueOf(hoverAt(ws, doc, 'OPS', 1)), '**OPS** — Operations\n\nNo objective names OPS in `lead` or `support` yet.');
    });
  });

  describe('on a key', () => {
    it('describes `title` in the words of the schema for its owner', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.strictEqual(valueOf(hoverAt(ws, doc, 'title: Generate', 1)), '**title** — a field of an objective\n\nThe objective\'s title.\n\nExpected value: text (not empty). Required.');
      assert.ok(valueOf(hoverAt(ws, doc, 'title: Counter Threats', 1)).includes("The goal's title."));
      assert.ok(valueOf(hoverAt(ws, doc, 'title: Efficiently Conduct', 1)).includes("The sub-objective's title."));
      assert.ok(valueOf(hoverAt(ws, doc, '\ntitle: U.S.', 2)).includes("The plan's title"));
    });

    it('says what `lead` expects, from the definition the schema refers to', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const h = hoverAt(ws, doc, 'lead: HSI', 2);
      assert.strictEqual(textAt(doc, h.range!), 'lead');
      assert.strictEqual(valueOf(h), '**lead** — a field of an objective\n\nThe unit (or units) that lead this objective.\n\nExpected value: a unit id, or a list of unit ids.');
    });

    it('describes keys of nested groups, units and values', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.strictEqual(valueOf(hoverAt(ws, doc, 'start:', 1)), '**start** — a field of `period`\n\nFirst fiscal year of the plan, e.g. 2021.\n\nExpected value: a whole number. Required.');
      assert.ok(valueOf(hoverAt(ws, doc, 'acronym:', 1)).startsWith('**acronym** — a field of `organization`\n\nThe organization\'s short name, e.g. ICE.'));
      assert.ok(valueOf(hoverAt(ws, doc, 'kind: directorate', 1)).includes('What kind of unit it is'));
      assert.ok(valueOf(hoverAt(ws, doc, '- name: Courage', 3)).startsWith('**name** — a field of a value\n\nThe value\'s name'));
    });

    it('describes a list section with what each entry is, and escapes placeholders', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.ok(valueOf(hoverAt(ws, doc, '\nunits:', 1)).endsWith('Expected value: a list; each entry is an organizational unit.'));
      const sub = valueOf(hoverAt(ws, doc, 'subobjectives:', 1));
      assert.ok(sub.includes('numbered "\\<objective\\>.1"'), sub);
      assert.ok(sub.endsWith('Expected value: a list; each entry is a sub-objective of an objective.'), sub);
    });

    it('returns nothing on a key the schema does not know', () => {
      const { ws, doc } = load(ERRORS);
      assert.strictEqual(provideHover(ws, doc, positionOf(doc, 'titel', 1)), null);
    });
  });

  describe('elsewhere', () => {
    it('returns nothing on indentation, on a title\'s text and past the end', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.strictEqual(provideHover(ws, doc, positionOf(doc, '      - id: "2.2"', 2)), null);
      assert.strictEqual(provideHover(ws, doc, positionOf(doc, 'Generate, Analyze', 3)), null);
      assert.strictEqual(provideHover(ws, doc, positionOf(doc, '["2.2", "4.3.1"]', 7)), null);
      assert.strictEqual(provideHover(ws, doc, { line: 100000, character: 0 }), null);
    });
  });

  describe('plan text in markdown', () => {
    it('escapes markdown characters of titles, ids and unit names', () => {
      const { ws, doc } = load(
        lines(
          'planwright: 1',
          'title: T',
          'units:',
          '  - { id: R_D, name: "Research_and [Development] <lab>" }',
          'goals:',
          '  - id: "1"',
          '    title: "Grow *fast* and_well [now]"',
          '    objectives:',
          '      - id: "1.1"',
          '        title: "`code` & M&amp; ~x~"',
          '        lead: R_D',
          '        related: "1"',
        ),
      );
      assert.strictEqual(valueOf(hoverAt(ws, doc, 'related: "1"', 10)), '**1 Grow \\*fast\\* and\\_well \\[now\\]**\n\nGoal 1');
      assert.strictEqual(
        valueOf(hoverAt(ws, doc, 'id: "1.1"', 5)),
        '**Objective 1.1** — \\`code\\` & M&amp;amp; \\~x\\~\n\nGoal 1 › Objective 1.1\n\nNo sub-objectives yet.\n\nLead: R\\_D (Research\\_and \\[Development\\] \\<lab\\>)',
      );
    });

    it('escapes markers that would start a list or a heading in a description', () => {
      const { ws, doc } = load(
        lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: G', '    description: |-', '      # Not a heading', '      - not a list', '      1. nor this', '    objectives:', '      - id: "1.1"', '        title: O', '        related: "1"'),
      );
      assert.strictEqual(valueOf(hoverAt(ws, doc, 'related: "1"', 10)), '**1 G**\n\nGoal 1\n\n\\# Not a heading\n\\- not a list\n1\\. nor this');
    });
  });

  describe('positions in UTF-16 and any line ends', () => {
    for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
      it(`covers exactly the entry after non-ASCII text on a line (${name})`, () => {
        const { ws, doc } = load(coastPlan(eol));
        const related = provideHover(ws, doc, { line: 11, character: 50 });
        assert.ok(related);
        assert.deepStrictEqual(related.range, { start: { line: 11, character: 49 }, end: { line: 11, character: 54 } });
        assert.strictEqual(valueOf(related), '**1.1 Réduire l’attente à quai**\n\nGoal 1 › Objective 1.1');
        const lead = provideHover(ws, doc, { line: 11, character: 63 });
        assert.ok(lead);
        assert.deepStrictEqual(lead.range, { start: { line: 11, character: 63 }, end: { line: 11, character: 66 } });
        assert.strictEqual(valueOf(lead), '**OPS** — Opérations portuaires 🚢');
        assert.strictEqual(provideHover(ws, doc, { line: 11, character: 56 }), null);
      });
    }
  });

  describe('half-typed plans', () => {
    it('never throws at any position of any prefix of a plan being typed', () => {
      const text = coastPlan('\r\n') + lines('      - id: "1.3"', '        title: Boats', '        lead: [OPS, NOPE]', '        related: ["1.1", "9"]');
      for (let n = 0; n <= text.length; n++) {
        const { ws, doc } = load(text.slice(0, n));
        for (let o = 0; o <= n; o++) provideHover(ws, doc, doc.lines.positionAt(o));
      }
    });

    it('never throws on the sample with errors', () => {
      const { ws, doc } = load(ERRORS);
      for (let o = 0; o <= doc.text.length; o++) provideHover(ws, doc, doc.lines.positionAt(o));
    });
  });

  describe('clip', () => {
    it('cuts at a word boundary and adds an ellipsis', () => {
      assert.strictEqual(clip('one two three four', 10), 'one two…');
      assert.strictEqual(clip('short', 10), 'short');
    });

    it('never splits a pair of UTF-16 surrogates', () => {
      assert.strictEqual(clip('abcdefghi🌊jklmnopqrst', 10), 'abcdefghi…');
    });
  });

  describe('through merge keys and aliases', () => {
    it('links an item from every objective that reads a `related` entry through `*rel` or `<<: *base`, and counts each objective a shared `lead` names', () => {
      const { ws, doc } = load(MERGED);
      assert.ok(valueOf(hoverAt(ws, doc, 'id: "2.3"', 5)).includes('Linked from: 1.1 Shorten Waits; 1.2 Modernize Cranes; 1.3 Train Crews'));
      assert.ok(valueOf(hoverAt(ws, doc, 'id: OPERATIONS', 4)).includes('Leads 3 objectives.'));
    });
  });

  describe('on a measure', () => {
    it('shows its name, the item it measures, unit, direction, kind and lead, and a table of baseline, targets and results per year with met or not', () => {
      const { ws, doc } = load(MEASURES, 'file:///m.plan.yaml');
      const h = hoverAt(ws, doc, 'PM-1.1.1', 1);
      assert.strictEqual(textAt(doc, h.range!), 'PM-1.1.1');
      assert.strictEqual(valueOf(h), [
        '**Measure PM-1.1.1** — Acres of new parkland opened',
        'Measures Goal 1 › Objective 1.1 Open New Neighborhood Parks',
        'Unit: acres · Direction: increase · Kind: output · Lead: PARKS (Parks Division)',
        ['| Fiscal year | Target | Result | Status |', '|---|---:|---:|---|', '| 2025 (baseline) | | 0 | |', '| FY2026 | 4 | 5 | ✓ met |', '| FY2027 | 9 |  | – no result yet |', '| FY2028 | 15 |  | – no result yet |'].join('\n'),
      ].join('\n\n'));
    });

    it('judges a decrease measure by results at most the target, and a qualitative one by the same words', () => {
      const { ws, doc } = load(MEASURES, 'file:///m.plan.yaml');
      assert.ok(valueOf(hoverAt(ws, doc, 'PM-1.2.1', 1)).includes('| FY2026 | 10 | 11 | ✗ not met |\n| FY2027 | 8 | 8 | ✓ met |'));
      const q = valueOf(hoverAt(ws, doc, 'PM-2.1.2', 1));
      assert.ok(q.includes('| FY2026 | satisfied | satisfied | ✓ met |'), q);
      assert.ok(q.includes('Lead: LIB (Library Division), PLAN (Planning and Performance Office)'), q);
      assert.ok(q.endsWith('Source: Annual patron survey'), q);
    });

    it('shows a year key\'s target and result and whether it was met', () => {
      const { ws, doc } = load(MEASURES, 'file:///m.plan.yaml');
      const h = hoverAt(ws, doc, '2026: 4', 1);
      assert.strictEqual(textAt(doc, h.range!), '2026');
      assert.strictEqual(valueOf(h), '**FY2026** of measure PM-1.1.1 — Acres of new parkland opened\n\nTarget: 4 · Result: 5 · ✓ met');
      assert.strictEqual(valueOf(hoverAt(ws, doc, '2027: 9', 0)), '**FY2027** of measure PM-1.1.1 — Acres of new parkland opened\n\nTarget: 9 · Result: none yet · – no result yet');
    });

    it('describes the keys of a measure and a milestone from the schema, and counts the measures a unit reports', () => {
      const { ws, doc } = load(MEASURES, 'file:///m.plan.yaml');
      assert.ok(valueOf(hoverAt(ws, doc, 'direction: decrease', 1)).startsWith('**direction** — a field of a measure\n\nWhich way the values should move'));
      assert.ok(valueOf(hoverAt(ws, doc, 'due: 2026', 1)).startsWith('**due** — a field of a milestone'));
      assert.ok(valueOf(hoverAt(ws, doc, 'id: PARKS', 5)).endsWith('Leads 2 objectives; reports 2 measures.'));
      // The measure's lead is the measure's: the objective's own units line names only its lead.
      assert.ok(valueOf(hoverAt(ws, doc, 'id: "2.1"', 5)).endsWith('Lead: LIB (Library Division)'));
    });
  });
});

