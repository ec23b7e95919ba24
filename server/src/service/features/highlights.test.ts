import * as assert from 'assert';
import type { DocumentHighlight } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { ERRORS, ICE, ICE_URI, lines, load, MEASURE_ERRORS, positionOf, textAt, coastPlan } from '../test-util';
import { provideDocumentHighlights } from './highlights';

/** "W 310:12-17" / "R 304:18-23": write or read, 0-based line and UTF-16 characters. */
function brief(h: DocumentHighlight): string {
  assert.strictEqual(h.range.start.line, h.range.end.line);
  return `${h.kind === 3 ? 'W' : h.kind === 2 ? 'R' : String(h.kind)} ${h.range.start.line}:${h.range.start.character}-${h.range.end.character}`;
}

function highlightsAt(ws: PlanWorkspace, doc: PlanDocument, needle: string, delta: number): string[] {
  return provideDocumentHighlights(ws, doc, positionOf(doc, needle, delta)).map(brief);
}

const HSI_ENTRIES = ['R 310:14-17', 'R 337:14-17', 'R 367:14-17', 'R 462:14-17', 'R 519:14-17', 'R 544:14-17', 'R 573:14-17', 'R 603:14-17', 'R 665:20-23', 'R 729:14-17'];

describe('document highlights', () => {
  it('marks the number of objective 2.2 as written and the related entries naming it as read', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const found = provideDocumentHighlights(ws, doc, positionOf(doc, 'id: "2.2"', 5));
    assert.deepStrictEqual(found.map(brief), ['R 312:18-23', 'W 318:12-17', 'R 428:18-23']);
    assert.deepStrictEqual(found.map((h) => textAt(doc, h.range)), ['"2.2"', '"2.2"', '"2.2"']);
  });

  it('gives the same marks from a related entry as from the number', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(highlightsAt(ws, doc, '["2.2", "5.2.1"]', 3), ['R 312:18-23', 'W 318:12-17', 'R 428:18-23']);
  });

  it('marks the unit id and every lead and support entry naming it', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'id: HSI', 4), ['W 67:8-11', ...HSI_ENTRIES]);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'lead: [ERO, HSI]', 13), ['W 67:8-11', ...HSI_ENTRIES]);
  });

  it('stays within the document even when other plans use the unit', () => {
    const { ws } = load(ICE, ICE_URI);
    const { doc } = load(lines('planwright: 1', 'title: X', 'goals:', '  - id: "1"', '    title: G', '    objectives:', '      - { id: "1.1", title: O, lead: HSI, support: [HSI] }'), 'file:///work/x.plan.yaml', ws);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'lead: HSI', 7), ['R 6:37-40', 'R 6:52-55']);
  });

  it('marks every number of a duplicated item as written', () => {
    const { ws, doc } = load(ERRORS);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'related: ["2.1"', 11), ['R 18:18-23', 'W 30:12-17', 'W 35:12-17']);
  });

  it('returns nothing on whitespace, on a key and on a title', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(highlightsAt(ws, doc, '      - id: "2.2"', 3), []);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'related: ["2.2"', 3), []);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'Generate, Analyze', 2), []);
  });

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`gives exact UTF-16 ranges after non-ASCII text (${name})`, () => {
      const { ws, doc } = load(coastPlan(eol, true));
      const at = (line: number, character: number) => provideDocumentHighlights(ws, doc, { line, character }).map(brief);
      assert.deepStrictEqual(at(12, 63), ['W 3:8-11', 'R 11:14-17', 'R 12:63-66']);
      assert.deepStrictEqual(at(9, 12), ['W 9:12-17', 'R 12:49-54']);
      assert.deepStrictEqual(at(12, 62), []);
    });
  }

  it('never throws at any position of any prefix of a plan being typed', () => {
    const text = coastPlan('\r\n', true) + lines('      - id: "1.3"', '        lead: [OPS, NOPE]', '        related: ["1.1", "9"]');
    for (let n = 0; n <= text.length; n++) {
      const { ws, doc } = load(text.slice(0, n));
      for (let o = 0; o <= n; o++) provideDocumentHighlights(ws, doc, doc.lines.positionAt(o));
    }
  });

  it('marks a measure id as written, at each measure that has it', () => {
    const { ws, doc } = load(MEASURE_ERRORS);
    assert.deepStrictEqual(highlightsAt(ws, doc, 'id: PM-1.1.1', 5), ['W 19:16-24', 'W 40:16-24']);
  });
});
