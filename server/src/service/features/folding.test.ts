import * as assert from 'assert';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { parseFull } from '../parse';
import { ICE, ICE_URI, lines, load } from '../test-util';
import { LineIndex } from '../text';
import { provideFoldingRanges } from './folding';

function fullDoc(text: string): PlanDocument {
  return { uri: 'file:///work/full.plan.yaml', version: 1, text, model: parseFull(text), lines: new LineIndex(text) };
}

/** The fold that starts on the line holding `needle`. */
function foldAt(doc: PlanDocument, folds: FoldingRange[], needle: string): [number, number] | undefined {
  const line = doc.lines.positionAt(doc.text.indexOf(needle)).line;
  const f = folds.find((x) => x.startLine === line);
  return f && [f.startLine, f.endLine];
}

function lineText(doc: PlanDocument, line: number): string {
  return doc.text.slice(doc.lines.lineStart(line), doc.lines.lineEnd(line));
}

describe('folding ranges', () => {
  describe('of the ICE plan', () => {
    const { doc } = load(ICE, ICE_URI);
    const folds = provideFoldingRanges(doc);

    it('folds the 25-line header comment, and no single comment line', () => {
      assert.deepStrictEqual(folds.filter((f) => f.kind === 'comment'), [{ startLine: 0, endLine: 24, kind: 'comment' }]);
    });

    it('folds each goal from its first line to the last line of its last sub-objective', () => {
      const goals = ['1', '2', '3', '4', '5'].map((n) => foldAt(doc, folds, `- id: "${n}"`));
      assert.deepStrictEqual(goals, [[125, 272], [275, 375], [378, 473], [476, 612], [615, 738]]);
      assert.strictEqual(lineText(doc, 272), '            title: Transform the Workplace to Maximize Mobility, Flexibility, and Efficiency');
    });

    it('folds objectives, sub-objectives and long descriptions', () => {
      assert.deepStrictEqual(foldAt(doc, folds, '- id: "1.1"'), [149, 180]);
      assert.deepStrictEqual(foldAt(doc, folds, '- id: "1.1.1"'), [173, 174]);
      assert.deepStrictEqual(foldAt(doc, folds, '        description: >-\n          ICE is enhancing'), [151, 168]);
      assert.deepStrictEqual(foldAt(doc, folds, '        subobjectives:\n          - id: "1.1.1"'), [172, 180]);
      assert.deepStrictEqual(foldAt(doc, folds, '    objectives:\n      - id: "1.1"'), [148, 272]);
    });

    it('folds the sections, each unit and each value', () => {
      assert.deepStrictEqual(foldAt(doc, folds, 'values:'), [34, 40]);
      assert.deepStrictEqual(foldAt(doc, folds, '- name: Courage'), [37, 38]);
      assert.deepStrictEqual(foldAt(doc, folds, 'units:'), [42, 120]);
      assert.deepStrictEqual(foldAt(doc, folds, '- id: ERO'), [53, 66]);
      assert.deepStrictEqual(foldAt(doc, folds, 'goals:'), [122, 738]);
    });

    it('gives every goal, objective and sub-objective a fold', () => {
      const starts = new Set(folds.map((f) => f.startLine));
      for (const item of doc.model.items) assert.ok(starts.has(doc.lines.positionAt(item.span.start).line), item.id?.text);
    });

    it('never ends a fold on a blank line or a comment line, and never starts two on one line', () => {
      for (const f of folds) {
        assert.ok(f.endLine > f.startLine);
        if (f.kind === 'comment') continue;
        const last = lineText(doc, f.endLine).trim();
        assert.ok(last !== '' && !last.startsWith('#'), `fold ${f.startLine}-${f.endLine} ends on ${JSON.stringify(last)}`);
      }
      assert.strictEqual(new Set(folds.map((f) => f.startLine)).size, folds.length);
      const sorted = [...folds].sort((a, b) => a.startLine - b.startLine);
      assert.deepStrictEqual(folds, sorted);
    });

    it('gives the same folds whether the plan is read block by block or as one document', () => {
      assert.deepStrictEqual(provideFoldingRanges(fullDoc(ICE)), folds);
    });
  });

  it('folds runs of two or more comment lines, indented or not, but not `#` lines of a description', () => {
    const { doc } = load(lines(
      '# one',
      '# two',
      'goals:',
      '  # alone',
      '  - id: "1"',
      '    description: |',
      '      # not a comment',
      '      # not one either',
      '    # three',
      '    # four',
      '    title: A',
    ));
    const folds = provideFoldingRanges(doc);
    assert.deepStrictEqual(folds.filter((f) => f.kind === 'comment'), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 8, endLine: 9, kind: 'comment' },
    ]);
    assert.deepStrictEqual(folds.filter((f) => f.kind !== 'comment'), [
      { startLine: 2, endLine: 10 },
      { startLine: 4, endLine: 10 },
      { startLine: 5, endLine: 7 },
    ]);
  });

  it('stops a fold at the last line of content with CRLF line ends and non-ASCII text', () => {
    const text = ['goals:', '  - id: "1"', '    title: Sécurité — 安全', '    # note', '', '  - id: "2"', '    title: 🚢', '', ''].join('\r\n');
    const { doc } = load(text);
    assert.deepStrictEqual(provideFoldingRanges(doc), [
      { startLine: 0, endLine: 6 },
      { startLine: 1, endLine: 2 },
      { startLine: 5, endLine: 6 },
    ]);
  });

  it('does not fold an item written on one line', () => {
    const { doc } = load(lines('units:', '  - { id: OPS, name: Port Operations }', '  - { id: SEC, name: Port Security }'));
    assert.deepStrictEqual(provideFoldingRanges(doc), [{ startLine: 0, endLine: 2 }]);
  });

  it('ends the `goals:` fold where yaml stops reading a broken last goal, block by block as in one document', () => {
    // `- x` among the fields of the last goal: yaml reads no further, the lines below belong to no goal.
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '  - id: "2"', '    title: B', '    - x', '    description: y', '# end');
    const { doc } = load(text);
    assert.strictEqual(doc.model.parseMode, 'blocks');
    assert.deepStrictEqual(foldAt(doc, provideFoldingRanges(doc), 'goals:'), [2, 7]);
    assert.deepStrictEqual(provideFoldingRanges(doc), provideFoldingRanges(fullDoc(text)));
  });

  describe('of half-typed or broken YAML', () => {
    const broken = [
      '',
      '#',
      'goals:\n  -',
      'goals:\n  - id: "1\n    title: A\n',
      'goals:\n  - id: "1"\n    title: A: B\n    objectives:\n      - id: "1.1"\n        title:',
      'goals: [ { id: "1", title: A },\n  ',
      'units:\n  - id: OPS\n    name: [Ops\n',
      'goals:\n  - id: "1"\n    description: >\n',
    ];
    for (const text of broken) {
      it(`does not throw and folds within the text for ${JSON.stringify(text)}`, () => {
        const { doc } = load(text);
        for (const f of provideFoldingRanges(doc)) {
          assert.ok(f.startLine >= 0 && f.endLine > f.startLine && f.endLine < doc.lines.lineCount, JSON.stringify(f));
        }
      });
    }
  });

  it('gives after each edit the ranges a fresh read of the edited text gives, reusing unchanged goals', () => {
    const { ws, doc: first } = load(ICE, ICE_URI);
    provideFoldingRanges(first);
    const edits: [string, string][] = [
      ['title: Counter Threats and Protect the Homeland', 'title: Counter Threats, Protect the Homeland'],
      ['    title: Empower the Workforce that Powers the Mission', '    title: Empower the Workforce\n    # a comment\n    # that runs on\n    description: a new line above every later goal'],
      ['id: "2.2"', 'id: "2.9"'],
    ];
    let text = ICE;
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const doc = ws.update(ICE_URI, text, 2);
      assert.deepStrictEqual(provideFoldingRanges(doc), provideFoldingRanges(load(text, ICE_URI).doc));
    }
  });
});

