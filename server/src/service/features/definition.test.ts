import * as assert from 'assert';
import type { Location } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { ERRORS, ICE, ICE_URI, lines, load, MEASURES, MEASURE_ERRORS, offsetOf, positionOf, coastPlan, DETENTION } from '../test-util';
import { provideDefinition } from './definition';

function definitionAt(ws: PlanWorkspace, doc: PlanDocument, needle: string, delta = 0, nth = 1): Location[] {
  return provideDefinition(ws, doc, positionOf(doc, needle, delta, nth));
}

/** The location of `part` within the `nth` occurrence of `context` in `doc`. */
function at(doc: PlanDocument, context: string, part: string, nth = 1): Location {
  const start = offsetOf(doc.text, context, context.indexOf(part), nth);
  return { uri: doc.uri, range: doc.lines.range({ start, end: start + part.length }) };
}

const DETENTION_URI = 'file:///work/plans/detention.plan.yaml';

/** A plan with its own ERO, which its entries mean rather than ICE's. */
const OWN_ERO = lines(
  'planwright: 1',
  'title: Field Office Plan',
  'units:',
  '  - { id: ERO, name: Field Enforcement }',
  'goals:',
  '  - id: "1"',
  '    title: Patrol',
  '    objectives:',
  '      - { id: "1.1", title: Patrol Streets, lead: ERO }',
);
const OWN_ERO_URI = 'file:///work/plans/field.plan.yaml';

describe('definition', () => {
  it('goes from a related entry to the number of the item it names', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const found = definitionAt(ws, doc, 'related: ["2.2"', 11);
    assert.deepStrictEqual(found, [at(doc, 'id: "2.2"', '"2.2"')]);
    assert.deepStrictEqual(found[0].range, { start: { line: 318, character: 12 }, end: { line: 318, character: 17 } });
  });

  it('goes from a related entry to every item that carries a duplicated number', () => {
    const { ws, doc } = load(ERRORS);
    assert.deepStrictEqual(definitionAt(ws, doc, 'related: ["2.1"', 11), [at(doc, 'id: "2.1"', '"2.1"', 1), at(doc, 'id: "2.1"', '"2.1"', 2)]);
  });

  it('goes from a lead entry to the unit of the same plan', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(definitionAt(ws, doc, 'lead: M&A', 6), [at(doc, 'id: M&A', 'M&A')]);
    assert.deepStrictEqual(definitionAt(ws, doc, 'support: [M&A, OPR]', 15), [at(doc, 'id: OPR', 'OPR')]);
  });

  it('goes from a lead entry to the unit of another plan when this plan does not define it', () => {
    const { ws } = load(ICE, ICE_URI);
    const ice = ws.get(ICE_URI)!;
    const { doc } = load(DETENTION, DETENTION_URI, ws);
    assert.deepStrictEqual(definitionAt(ws, doc, 'OPR', 0), [at(ice, 'id: OPR', 'OPR')]);
  });

  it('lists every plan that defines the unit when this plan does not', () => {
    const { ws } = load(ICE, ICE_URI);
    load(OWN_ERO, OWN_ERO_URI, ws);
    const { doc } = load(DETENTION, DETENTION_URI, ws);
    const found = definitionAt(ws, doc, 'lead: ERO', 6);
    assert.deepStrictEqual(
      found.map((l) => l.uri).sort(),
      [OWN_ERO_URI, ICE_URI].sort(),
    );
    assert.deepStrictEqual(found.find((l) => l.uri === OWN_ERO_URI)!.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 13 } });
  });

  it('prefers the plan\'s own unit over units of the same id elsewhere', () => {
    const { ws } = load(ICE, ICE_URI);
    const { doc } = load(OWN_ERO, OWN_ERO_URI, ws);
    assert.deepStrictEqual(definitionAt(ws, doc, 'lead: ERO', 6), [at(doc, 'id: ERO', 'ERO')]);
  });

  it('returns the definition itself on an item number or a unit id', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(definitionAt(ws, doc, 'id: "2.2"', 6), [at(doc, 'id: "2.2"', '"2.2"')]);
    assert.deepStrictEqual(definitionAt(ws, doc, 'id: HSI', 4), [at(doc, 'id: HSI', 'HSI')]);
  });

  it('returns nothing for an unresolved entry, a key, a title or whitespace', () => {
    const { ws } = load(ICE, ICE_URI);
    const { doc } = load(DETENTION, DETENTION_URI, ws);
    assert.deepStrictEqual(definitionAt(ws, doc, 'XYZ', 1), []);
    assert.deepStrictEqual(definitionAt(ws, doc, 'lead:', 1), []);
    assert.deepStrictEqual(definitionAt(ws, doc, 'Inspect Facilities', 3), []);
    assert.deepStrictEqual(definitionAt(ws, doc, '        lead', 2), []);
    const errors = load(ERRORS).doc;
    assert.deepStrictEqual(provideDefinition(ws, errors, positionOf(errors, '"2.9"', 2)), []);
  });

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`gives exact UTF-16 ranges after non-ASCII text (${name})`, () => {
      const { ws, doc } = load(coastPlan(eol));
      assert.deepStrictEqual(provideDefinition(ws, doc, { line: 11, character: 52 }), [
        { uri: doc.uri, range: { start: { line: 9, character: 12 }, end: { line: 9, character: 17 } } },
      ]);
      assert.deepStrictEqual(provideDefinition(ws, doc, { line: 11, character: 66 }), [
        { uri: doc.uri, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } },
      ]);
      assert.deepStrictEqual(provideDefinition(ws, doc, { line: 11, character: 48 }), []);
    });
  }

  it('never throws at any position of any prefix of a plan being typed', () => {
    const text = coastPlan('\r\n') + lines('      - id: "1.3"', '        lead: [OPS, NOPE]', '        related: ["1.1", "9"]');
    for (let n = 0; n <= text.length; n++) {
      const { ws, doc } = load(text.slice(0, n));
      for (let o = 0; o <= n; o++) provideDefinition(ws, doc, doc.lines.positionAt(o));
    }
  });

  it('stays on a measure id: the id is where the measure is defined', () => {
    const { ws, doc } = load(MEASURES);
    assert.deepStrictEqual(definitionAt(ws, doc, 'id: PM-1.2.1', 6), [at(doc, 'id: PM-1.2.1', 'PM-1.2.1')]);
    // Each of two measures sharing an id is its own definition.
    const errors = load(MEASURE_ERRORS).doc;
    assert.deepStrictEqual(definitionAt(ws, errors, 'id: PM-1.1.1', 4, 2), [at(errors, 'id: PM-1.1.1', 'PM-1.1.1', 2)]);
  });

  it('gives nothing on a measure\'s name or a year of its targets, which name nothing', () => {
    const { ws, doc } = load(MEASURES);
    assert.deepStrictEqual(definitionAt(ws, doc, 'name: Acres of new parkland', 8), []);
    assert.deepStrictEqual(definitionAt(ws, doc, '2027: 9', 1), []);
  });
});
