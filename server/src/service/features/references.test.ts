import * as assert from 'assert';
import type { Location } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { ERRORS, ICE, ICE_URI, lines, load, MEASURES, MEASURE_ERRORS, MERGED, positionOf, textAt, coastPlan, DETENTION } from '../test-util';
import { provideReferences } from './references';

/** "ice@312:18-23": file name, then 0-based line and UTF-16 characters of a one-line range. */
function brief(l: Location): string {
  const name = l.uri.slice(l.uri.lastIndexOf('/') + 1).replace(/(-strategic-plan-2021-2025)?\.plan\.yaml$/, '');
  assert.strictEqual(l.range.start.line, l.range.end.line);
  return `${name}@${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;
}

function refsAt(ws: PlanWorkspace, doc: PlanDocument, needle: string, delta: number, includeDeclaration: boolean): string[] {
  return provideReferences(ws, doc, positionOf(doc, needle, delta), includeDeclaration).map(brief);
}

const DETENTION_URI = 'file:///work/plans/detention.plan.yaml';

/** Defines an ERO of its own. */
const FIELD = lines(
  'planwright: 1',
  'title: Field Office Plan',
  'units:',
  '  - { id: ERO, name: Field Enforcement }',
  'goals:',
  '  - id: "1"',
  '    title: Patrol',
  '    objectives:',
  '      - { id: "1.1", title: Patrol Streets, lead: ERO, support: XYZ }',
);
const FIELD_URI = 'file:///work/plans/field.plan.yaml';

function workspace(): { ws: PlanWorkspace; ice: PlanDocument; detention: PlanDocument; field: PlanDocument } {
  const { ws, doc: ice } = load(ICE, ICE_URI);
  const detention = load(DETENTION, DETENTION_URI, ws).doc;
  const field = load(FIELD, FIELD_URI, ws).doc;
  return { ws, ice, detention, field };
}

const ICE_ERO_ENTRIES = ['ice@311:18-21', 'ice@427:15-18', 'ice@463:18-21', 'ice@520:18-21', 'ice@665:15-18', 'ice@730:18-21'];

describe('references', () => {
  describe('of an item', () => {
    it('lists every related entry naming objective 2.2', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      const found = provideReferences(ws, doc, positionOf(doc, 'id: "2.2"', 5), false);
      assert.deepStrictEqual(found.map(brief), ['ice@312:18-23', 'ice@428:18-23']);
      assert.deepStrictEqual(found.map((l) => textAt(doc, l.range)), ['"2.2"', '"2.2"']);
    });

    it('adds the item\'s number when the declaration is asked for', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.deepStrictEqual(refsAt(ws, doc, 'id: "2.2"', 5, true), ['ice@312:18-23', 'ice@318:12-17', 'ice@428:18-23']);
    });

    it('gives the same answer from a related entry as from the number itself', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.deepStrictEqual(refsAt(ws, doc, '["2.2", "5.2.1"]', 2, true), ['ice@312:18-23', 'ice@318:12-17', 'ice@428:18-23']);
    });

    it('lists both numbers of a duplicated item and the entries naming it', () => {
      const { ws, doc } = load(ERRORS);
      const found = provideReferences(ws, doc, positionOf(doc, 'related: ["2.1"', 11), true);
      assert.deepStrictEqual(found.map((l) => [l.range.start.line, textAt(doc, l.range)]), [[18, '"2.1"'], [30, '"2.1"'], [35, '"2.1"']]);
    });

    it('lists the entries of an unresolved number, and nothing else', () => {
      const { ws, doc } = load(ERRORS);
      const found = provideReferences(ws, doc, positionOf(doc, '"2.9"', 1), true);
      assert.deepStrictEqual(found.map((l) => [l.range.start.line, textAt(doc, l.range)]), [[18, '"2.9"']]);
    });

    it('stays within the plan: another plan\'s entries naming the same number are not listed', () => {
      const { ws, ice } = workspace();
      load(lines('planwright: 1', 'title: X', 'goals:', '  - id: "2"', '    title: G', '    objectives:', '      - { id: "2.1", title: O, related: "2.2" }'), 'file:///work/x.plan.yaml', ws);
      assert.deepStrictEqual(refsAt(ws, ice, 'id: "2.2"', 5, false), ['ice@312:18-23', 'ice@428:18-23']);
    });
  });

  describe('of a unit', () => {
    it('lists the entries of this plan and of plans that do not define the unit, sorted by file then position', () => {
      const { ws, ice } = workspace();
      assert.deepStrictEqual(refsAt(ws, ice, 'id: ERO', 4, false), ['detention@8:14-17', ...ICE_ERO_ENTRIES]);
      assert.deepStrictEqual(refsAt(ws, ice, 'id: ERO', 4, true), ['detention@8:14-17', 'ice@53:8-11', ...ICE_ERO_ENTRIES]);
    });

    it('gives the same answer from a lead entry of the plan as from the unit id', () => {
      const { ws, ice } = workspace();
      assert.deepStrictEqual(refsAt(ws, ice, 'lead: [ERO, OPLA]', 8, true), ['detention@8:14-17', 'ice@53:8-11', ...ICE_ERO_ENTRIES]);
    });

    it('does not mix the unit of a plan with a unit of the same id defined in another plan', () => {
      const { ws, field } = workspace();
      // detention.plan.yaml defines no ERO, so its entry may mean this one; ICE's entries mean ICE's ERO.
      assert.deepStrictEqual(refsAt(ws, field, 'id: ERO', 4, true), ['detention@8:14-17', 'field@3:10-13', 'field@8:50-53']);
      assert.deepStrictEqual(refsAt(ws, field, 'lead: ERO', 6, false), ['detention@8:14-17', 'field@8:50-53']);
    });

    it('from a plan without the unit, lists every plan\'s entries and every definition', () => {
      const { ws, detention } = workspace();
      assert.deepStrictEqual(refsAt(ws, detention, 'lead: ERO', 6, true), [
        'detention@8:14-17',
        'field@3:10-13',
        'field@8:50-53',
        'ice@53:8-11',
        ...ICE_ERO_ENTRIES,
      ]);
    });

    it('lists the entries of a unit no plan defines, across the workspace', () => {
      const { ws, detention } = workspace();
      assert.deepStrictEqual(refsAt(ws, detention, 'XYZ', 0, true), ['detention@9:23-26', 'field@8:64-67']);
    });

    it('lists a unit used by another plan from the plan that defines it', () => {
      const { ws, ice } = workspace();
      assert.deepStrictEqual(refsAt(ws, ice, 'id: OPR', 4, false), ['detention@9:18-21', 'ice@170:18-21', 'ice@238:23-26']);
    });
  });

  it('returns nothing on whitespace, on a key and on a title', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(provideReferences(ws, doc, positionOf(doc, '      - id: "2.2"', 1), true), []);
    assert.deepStrictEqual(provideReferences(ws, doc, positionOf(doc, 'related: ["2.2"', 2), true), []);
    assert.deepStrictEqual(provideReferences(ws, doc, positionOf(doc, '["2.2", "4.3.1"]', 7), true), []);
    assert.deepStrictEqual(provideReferences(ws, doc, positionOf(doc, 'Generate, Analyze', 4), true), []);
  });

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`gives exact UTF-16 ranges after non-ASCII text (${name})`, () => {
      const { ws, doc } = load(coastPlan(eol, true));
      const ranges = (line: number, character: number) =>
        provideReferences(ws, doc, { line, character }, true).map((l) => [l.range.start.line, l.range.start.character, l.range.end.character]);
      assert.deepStrictEqual(ranges(12, 50), [[9, 12, 17], [12, 49, 54]]);
      assert.deepStrictEqual(ranges(3, 9), [[3, 8, 11], [11, 14, 17], [12, 63, 66]]);
      assert.deepStrictEqual(ranges(12, 56), []);
    });
  }

  it('never throws at any position of any prefix of a plan being typed', () => {
    const text = coastPlan('\r\n', true) + lines('      - id: "1.3"', '        lead: [OPS, NOPE]', '        related: ["1.1", "9"]');
    for (let n = 0; n <= text.length; n++) {
      const { ws, doc } = load(text.slice(0, n));
      for (let o = 0; o <= n; o++) provideReferences(ws, doc, doc.lines.positionAt(o), true);
    }
  });

  describe('through merge keys and aliases', () => {
    it('lists an entry that several objectives read through `<<: *base` once, where it is written', () => {
      const { ws, doc } = load(MERGED);
      assert.deepStrictEqual(refsAt(ws, doc, 'id: OPERATIONS', 4, true), ['test@3:8-18', 'test@12:14-24']);
      assert.deepStrictEqual(refsAt(ws, doc, 'lead: OPERATIONS', 6, false), ['test@12:14-24']);
    });

    it('lists a `related` entry that objectives read through `*rel` and `<<: *base` once', () => {
      const { ws, doc } = load(MERGED);
      assert.deepStrictEqual(refsAt(ws, doc, 'id: "2.3"', 5, false), ['test@13:23-28']);
    });
  });

  it('lists the id of a measure as its declaration, and both places of a measure id used twice', () => {
    const { ws, doc } = load(MEASURES, 'file:///work/measures.plan.yaml');
    assert.deepStrictEqual(refsAt(ws, doc, 'id: PM-2.1.2', 6, true), ['measures@82:16-24']);
    assert.deepStrictEqual(refsAt(ws, doc, 'id: PM-2.1.2', 6, false), []);
    const errors = load(MEASURE_ERRORS, 'file:///work/errors.plan.yaml', ws).doc;
    const both = provideReferences(ws, errors, positionOf(errors, 'id: PM-1.1.1', 6, 2), true);
    assert.deepStrictEqual(both.map((l) => [l.uri, l.range.start.line, textAt(errors, l.range)]), [
      ['file:///work/errors.plan.yaml', 19, 'PM-1.1.1'],
      ['file:///work/errors.plan.yaml', 40, 'PM-1.1.1'],
    ]);
  });
});
