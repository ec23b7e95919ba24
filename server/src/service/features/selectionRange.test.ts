import * as assert from 'assert';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { ICE, ICE_URI, lines, load, positionOf, textAt } from '../test-util';
import { provideSelectionRanges } from './selectionRange';

function chainOf(s: SelectionRange): Range[] {
  const out: Range[] = [];
  for (let x: SelectionRange | undefined = s; x; x = x.parent) out.push(x.range);
  return out;
}

/** What each step of the expansion selects, starting at `needle` + `delta`. */
function steps(doc: PlanDocument, needle: string, delta = 0): string[] {
  const [s] = provideSelectionRanges(doc, [positionOf(doc, needle, delta)]);
  return chainOf(s).map((r) => textAt(doc, r));
}

/** First line of a step, enough to tell the steps apart. */
function heads(texts: string[]): string[] {
  return texts.map((t) => t.split('\n')[0]);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function strictlyInside(inner: Range, outer: Range): boolean {
  const within = before(outer.start, inner.start) && before(inner.end, outer.end);
  return within && JSON.stringify(inner) !== JSON.stringify(outer);
}

function checkChain(doc: PlanDocument, p: Position, s: SelectionRange): void {
  const chain = chainOf(s);
  assert.ok(before(chain[0].start, p) && before(p, chain[0].end), `${JSON.stringify(p)} not in ${JSON.stringify(chain[0])}`);
  for (let i = 1; i < chain.length; i++) assert.ok(strictlyInside(chain[i - 1], chain[i]), `step ${i} at ${JSON.stringify(p)}: ${JSON.stringify(chain)}`);
  assert.deepStrictEqual(chain[chain.length - 1], doc.lines.range({ start: 0, end: doc.text.length }));
}

describe('selection ranges', () => {
  describe('in the ICE plan', () => {
    const { doc } = load(ICE, ICE_URI);

    it('grows from a related number to its field, its objective, the objectives, the goal, the goals and the plan', () => {
      const [s] = provideSelectionRanges(doc, [positionOf(doc, '"4.4.1"', 2)]);
      const chain = chainOf(s);
      assert.deepStrictEqual(chain[0], { start: { line: 368, character: 17 }, end: { line: 368, character: 24 } });
      assert.deepStrictEqual(chain[1], { start: { line: 368, character: 8 }, end: { line: 368, character: 24 } });
      assert.deepStrictEqual(heads(chain.map((r) => textAt(doc, r))), [
        '"4.4.1"',
        'related: "4.4.1"',
        'id: "2.3"',
        '- id: "2.1"',
        'objectives:',
        'id: "2"',
        '- id: "1"',
        'goals:',
        '# Planwright sample plan: U.S. Immigration and Customs Enforcement (ICE) Strategic Plan,',
      ]);
      // Objective 2.3 is the last of goal 2: the item, the list, the field and the goal end together.
      for (const i of [2, 3, 4, 5]) assert.ok(textAt(doc, chain[i]).endsWith('\n            title: Build a Culture of Relentless Resilience'), `step ${i}`);
      assert.deepStrictEqual(chain[2].end, { line: 375, character: 59 });
      assert.strictEqual(chain.length, 9);
    });

    it('grows from a title to its field, its objective and upwards', () => {
      const t = steps(doc, 'Recruit, Hire', 3);
      assert.deepStrictEqual(t.slice(0, 2), ['Recruit, Hire, and Retain a Diverse and Highly Capable Workforce', 'title: Recruit, Hire, and Retain a Diverse and Highly Capable Workforce']);
      assert.deepStrictEqual(heads(t.slice(2)), ['id: "1.1"', '- id: "1.1"', 'objectives:', 'id: "1"', '- id: "1"', 'goals:', '# Planwright sample plan: U.S. Immigration and Customs Enforcement (ICE) Strategic Plan,']);
      assert.ok(t[2].endsWith('to Support a Mobile and Flexible Workforce'));
    });

    it('grows from one unit of a flow list to the list, then the field', () => {
      const t = steps(doc, 'support: [M&A, OPR]', 16);
      assert.deepStrictEqual(heads(t).slice(0, 4), ['OPR', '[M&A, OPR]', 'support: [M&A, OPR]', 'id: "1.3"']);
    });

    it('grows from a key to its field', () => {
      assert.deepStrictEqual(heads(steps(doc, 'lead: M&A', 1)).slice(0, 3), ['lead', 'lead: M&A', 'id: "1.1"']);
    });

    it('grows from a sub-objective number to the sub-objective, the sub-objectives and the objective', () => {
      const t = steps(doc, '"1.1.2"', 1);
      assert.deepStrictEqual(t.slice(0, 3), [
        '"1.1.2"',
        'id: "1.1.2"',
        'id: "1.1.2"\n            title: Employ Innovative and Effective Management Practices to Efficiently Manage the Hiring Process',
      ]);
      assert.deepStrictEqual(heads(t.slice(3, 6)), ['- id: "1.1.1"', 'subobjectives:', 'id: "1.1"']);
    });

    it('grows from a unit id to the unit, the list of units, the section and the plan', () => {
      const t = steps(doc, 'id: ERO', 5);
      assert.deepStrictEqual(heads(t), ['ERO', 'id: ERO', 'id: ERO', '- id: OD', 'units:', '# Planwright sample plan: U.S. Immigration and Customs Enforcement (ICE) Strategic Plan,']);
      assert.ok(t[2].endsWith('United States.'));
      assert.ok(t[4].endsWith('organizational integrity.'));
    });

    it('grows from a value name to the value and the values', () => {
      assert.deepStrictEqual(heads(steps(doc, 'name: Courage', 7)).slice(0, 5), ['Courage', 'name: Courage', 'name: Courage', '- name: Integrity', 'values:']);
    });

    it('grows inside the organization mapping, then to the section', () => {
      assert.deepStrictEqual(steps(doc, 'acronym: ICE', 10).slice(0, 4), [
        'ICE',
        'acronym: ICE',
        '{ name: U.S. Immigration and Customs Enforcement, acronym: ICE }',
        'organization: { name: U.S. Immigration and Customs Enforcement, acronym: ICE }',
      ]);
    });

    it('selects the list of goals from a comment between two goals', () => {
      assert.deepStrictEqual(heads(steps(doc, '# ---------------------------------------------------------------- Goal 2', 3)), ['- id: "1"', 'goals:', '# Planwright sample plan: U.S. Immigration and Customs Enforcement (ICE) Strategic Plan,']);
    });

    it('answers each position in order, every step strictly inside the next, ending at the whole plan', () => {
      const positions: Position[] = [];
      for (let o = 0; o < ICE.length; o += 53) positions.push(doc.lines.positionAt(o));
      positions.push(doc.lines.positionAt(ICE.length));
      const result = provideSelectionRanges(doc, positions);
      assert.strictEqual(result.length, positions.length);
      result.forEach((s, i) => checkChain(doc, positions[i], s));
    });
  });

  it('counts UTF-16 characters on CRLF lines with non-ASCII titles', () => {
    const text = ['goals:', '  - id: "1"', '    title: Sécurité — 安全 🚢', '    lead: OPS', ''].join('\r\n');
    const { doc } = load(text);
    const [s] = provideSelectionRanges(doc, [{ line: 2, character: 20 }]);
    const chain = chainOf(s);
    assert.deepStrictEqual(chain.slice(0, 3), [
      { start: { line: 2, character: 11 }, end: { line: 2, character: 27 } },
      { start: { line: 2, character: 4 }, end: { line: 2, character: 27 } },
      { start: { line: 1, character: 4 }, end: { line: 3, character: 13 } },
    ]);
    assert.strictEqual(textAt(doc, chain[0]), 'Sécurité — 安全 🚢');
    assert.strictEqual(textAt(doc, chain[2]), 'id: "1"\r\n    title: Sécurité — 安全 🚢\r\n    lead: OPS');
  });

  it('returns the whole plan for a position past the end of an empty plan', () => {
    const { doc } = load('');
    assert.deepStrictEqual(provideSelectionRanges(doc, [{ line: 3, character: 9 }]), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });

  describe('in half-typed or broken YAML', () => {
    const broken = [
      'goals:\n  -',
      'goals:\n  - id:',
      'goals:\n  - id: "1\n    title: A\n',
      'goals:\n  - id: "1"\n    title: A: B\n    objectives:\n      - id: "1.1"\n        title:',
      'goals: [ { id: "1", title: A }, ',
      'units:\n  - id: OPS\n    name: [Ops\n',
      'base: &b\n  id: "1"\ngoals:\n  - <<: *b\n    title: M\n    objectives:\n      - *b\n',
      lines('goals:', '  - id: "1"', '    objectives:', '      - id: "1.1"', '        related: ["1", 2', '        # c'),
    ];
    for (const text of broken) {
      it(`does not throw and keeps each step inside the next for ${JSON.stringify(text)}`, () => {
        const { doc } = load(text);
        for (let o = 0; o <= text.length; o++) {
          const p = doc.lines.positionAt(o);
          checkChain(doc, p, provideSelectionRanges(doc, [p])[0]);
        }
      });
    }
  });
});
