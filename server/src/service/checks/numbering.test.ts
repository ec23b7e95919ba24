import * as assert from 'assert';
import { parseFull } from '../parse';
import { ICE, lines } from '../test-util';
import { readSequence } from './numbering';

/** [code, severity, the text the diagnostic covers] of every diagnostic. */
function found(text: string, code?: string) {
  return parseFull(text)
    .diagnostics.filter((d) => !code || d.code === code)
    .map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end)]);
}

const plan = (...goalLines: string[]) => lines('planwright: 1', 'title: T', 'goals:', ...goalLines);

describe('numbering checks', () => {
  it('accepts goals, objectives and sub-objectives numbered 1, 1.1, 1.1.1 in order', () => {
    const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', '        subobjectives:', '          - { id: "1.1.1", title: C }', '          - { id: "1.1.2", title: D }', '  - id: 2', '    title: E');
    assert.deepStrictEqual(found(t), []);
  });

  it('reports a gap in the sequence on the id after the gap', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "4", title: C }', '  - { id: "5", title: D }');
    assert.deepStrictEqual(found(t), [['numbering-sequence', 'error', '"4"']]);
    assert.match(parseFull(t).diagnostics[0].message, /Goal 4 follows goal 2: number 3 is missing/);
  });

  it('reports a sequence that does not start at 1', () => {
    const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.2", title: B }', '      - { id: "1.3", title: C }');
    assert.deepStrictEqual(found(t), [['numbering-sequence', 'error', '"1.2"']]);
    assert.match(parseFull(t).diagnostics[0].message, /first objective of goal 1 is numbered 1.2; numbering starts at 1.1/);
  });

  it('reports a step back that two readings explain equally well once, saying so, with the other item as related information', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "3", title: B }', '  - { id: "2", title: C }');
    const d = parseFull(t).diagnostics;
    assert.deepStrictEqual(found(t), [['numbering-sequence', 'error', '"3"']]);
    assert.strictEqual(d[0].message, 'Goals 3 and 2 after goal 1 are out of sequence, and their numbers can be corrected in more than one way. Number the goals in the order they are written, or use "Renumber the goals".');
    assert.deepStrictEqual(d[0].related!.map((r) => t.slice(r.span.start, r.span.end)), ['"2"']);
  });

  it('reports a child whose id does not extend its parent, once, on the child id', () => {
    const t = plan('  - id: "3"', '    title: A', '    objectives:', '      - { id: "3.1", title: B }', '      - { id: "9.2", title: C }');
    assert.deepStrictEqual(found(t).filter((d) => d[0] !== 'numbering-sequence'), [['numbering-parent', 'error', '"9.2"']]);
    assert.strictEqual(parseFull(t).diagnostics.find((d) => d.code === 'numbering-parent')!.message, 'Objective 9.2 is under goal 3, so its number should start with 3: it should be 3.2.');
  });

  it('reports a duplicate at its second use, with the first use as related information', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "2", title: C }', '  - { id: "3", title: D }');
    const d = parseFull(t).diagnostics;
    assert.deepStrictEqual(found(t), [['numbering-duplicate', 'error', '"2"']]);
    assert.strictEqual(d[0].span.start, t.indexOf('"2"', t.indexOf('title: B')));
    assert.strictEqual(d[0].related![0].span.start, t.indexOf('"2"'));
  });

  it('reports ids that are not dotted numbers of their level', () => {
    const t = plan('  - id: "1.1"', '    title: A', '  - id: "2"', '    title: B', '    objectives:', '      - { id: "2.1.a", title: C }', '      - { id: "2", title: D }');
    assert.deepStrictEqual(found(t, 'numbering-format'), [
      ['numbering-format', 'error', '"1.1"'],
      ['numbering-format', 'error', '"2.1.a"'],
      ['numbering-format', 'error', '"2"'],
    ]);
  });

  it('warns about an unquoted dotted id, quoting what the author typed, and checks it as typed', () => {
    const t = plan('  - id: 1', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: 1.2', '        title: C', '      - id: 1.3', '        title: D');
    assert.deepStrictEqual(found(t), [['numbering-format', 'warning', '1.2'], ['numbering-format', 'warning', '1.3']]);
    const ten = plan('  - id: "1"', '    title: A', '    objectives:', ...Array.from({ length: 10 }, (_, i) => `      - { id: ${i === 9 ? '1.10' : `"1.${i + 1}"`}, title: O${i} }`));
    const d = parseFull(ten).diagnostics;
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['numbering-format', 'warning']]);
    assert.match(d[0].message, /1\.10 as the number 1\.1, not "1\.10"/);
  });

  it('does not judge the children of an item whose own number is malformed', () => {
    const t = plan('  - id: "x"', '    title: A', '    objectives:', '      - { id: "7.4", title: B }');
    assert.deepStrictEqual(found(t).map((x) => x[0]), ['numbering-format']);
  });

  describe('read by the fewest corrections', () => {
    /** [code, text covered, 0-based line, message, data] of every diagnostic. */
    const all = (text: string) =>
      parseFull(text).diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), text.slice(0, d.span.start).split('\n').length - 1, d.message, d.data]);

    it('reports an objective number mistyped in the ICE plan once, with the number it should have, and not its sub-objectives or the objective after it', () => {
      const t = ICE.replace('id: "1.2"', 'id: "1.7"');
      assert.deepStrictEqual(all(t), [
        ['numbering-sequence', '"1.7"', 181, 'Objective 1.7 should be 1.2 (it follows 1.1 and precedes 1.3).', { expected: '1.2', change: '1.2', certain: true }],
      ]);
    });

    it('reports an objective given the wrong goal once, as numbering-parent, and no sequence error', () => {
      const t = ICE.replace('id: "1.2"', 'id: "2.2"');
      assert.deepStrictEqual(all(t), [
        ['numbering-parent', '"2.2"', 181, 'Objective 2.2 is under goal 1, so its number should start with 1: it should be 1.2.', { expected: '1.2', change: '1.2', certain: true }],
      ]);
    });

    it('reports a mistyped goal number once, checking its objectives against the number it should have', () => {
      const t = plan('  - id: "8"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '  - { id: "2", title: C }', '  - { id: "3", title: D }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"8"', 3, 'Goal 8 should be 1 (it is the first goal, before 2).', { expected: '1', change: '1', certain: true }]]);
    });

    it('does not report the children of a mistyped item when they follow the number it was given', () => {
      const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: "1.7"', '        title: C', '        subobjectives:', '          - { id: "1.7.1", title: X }', '          - { id: "1.7.2", title: Y }', '      - { id: "1.3", title: E }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"1.7"', 7, 'Objective 1.7 should be 1.2 (it follows 1.1 and precedes 1.3).', { expected: '1.2', change: '1.2', certain: true }]]);
    });

    it('takes the children\'s numbers as evidence: a last objective numbered one too high whose sub-objectives say what it was is a mistyped number, not a gap', () => {
      const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: "1.3"', '        title: C', '        subobjectives:', '          - { id: "1.2.1", title: X }', '          - { id: "1.2.2", title: Y }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"1.3"', 7, 'Objective 1.3 should be 1.2 (it follows 1.1).', { expected: '1.2', change: '1.2', certain: true }]]);
    });

    it('reports two swapped items as two, each with the number it should have', () => {
      const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - { id: "1.3", title: C }', '      - { id: "1.2", title: D }', '      - { id: "1.4", title: E }');
      assert.deepStrictEqual(all(t).map((d) => [d[0], d[1], d[3]]), [
        ['numbering-sequence', '"1.3"', 'Objective 1.3 should be 1.2 (it follows 1.1 and precedes 1.2, which should be 1.3).'],
        ['numbering-sequence', '"1.2"', 'Objective 1.2 should be 1.3 (it follows 1.3, which should be 1.2, and precedes 1.4).'],
      ]);
    });

    it('says plainly, in one message, when a gap and a mistyped number explain the last item equally well', () => {
      const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "4", title: C }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"4"', 5, 'Goal 4 follows goal 2: either number 3 is missing, or 4 should be 3.', { expected: '3', change: '3', certain: false }]]);
    });

    it('reports a copied item that kept its number as a duplicate that should take the free number', () => {
      const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "2", title: C }', '  - { id: "4", title: D }');
      const d = parseFull(t).diagnostics;
      assert.deepStrictEqual(all(t), [['numbering-duplicate', '"2"', 5, 'Number 2 is used twice: goal 2 ("B") also has it. This goal should be 3 (it follows 2 and precedes 4).', { expected: '3', change: '3', certain: true }]]);
      assert.strictEqual(d[0].span.start, t.indexOf('"2"', t.indexOf('title: B')));
      assert.strictEqual(d[0].related![0].span.start, t.indexOf('"2"'));
    });

    it('gives an item without an id its place in the sequence: the item after it is not reported', () => {
      const t = plan('  - { id: "1", title: A }', '  - { title: B }', '  - { id: "3", title: C }');
      assert.deepStrictEqual(all(t).map((d) => d[0]), ['schema']);
    });

    it('reads a sequence with all readings equally short as ambiguous, and a clean one as all kept', () => {
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 2 }, { own: 3 }]), { cost: 0, labels: [[{ t: 'keep' }], [{ t: 'keep' }], [{ t: 'keep' }]] });
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 7 }, { own: 3 }]), { cost: 1, labels: [[{ t: 'keep' }], [{ t: 'change', to: 2 }], [{ t: 'keep' }]] });
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 3 }, { own: 4 }]), { cost: 1, labels: [[{ t: 'keep' }], [{ t: 'gap' }], [{ t: 'keep' }]] });
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 2 }, { own: 2, dup: true }, { own: 3 }]), { cost: 1, labels: [[{ t: 'keep' }], [{ t: 'keep' }], [{ t: 'skip' }], [{ t: 'keep' }]] });
    });

    it('reads 20,000 badly numbered siblings in well under a second (linear: a window of predecessors)', () => {
      let seed = 7;
      const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const slots = Array.from({ length: 20000 }, (_, i) => ({ own: rnd() < 0.2 ? 1 + Math.floor(rnd() * 20000) : i + 1 }));
      const t0 = Date.now();
      const r = readSequence(slots);
      assert.ok(Date.now() - t0 < 1000, `${Date.now() - t0} ms`);
      assert.strictEqual(r.labels.length, 20000);
      assert.ok(r.cost > 0 && r.cost < 20000);
    });
  });
});
