import * as assert from 'assert';
import { parseFull } from '../parse';
import { lines } from '../test-util';

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

  it('reports a step back', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "3", title: B }', '  - { id: "2", title: C }');
    assert.deepStrictEqual(found(t, 'numbering-sequence').map((x) => x[2]), ['"3"', '"2"']);
  });

  it('reports a child whose id does not extend its parent, once, on the child id', () => {
    const t = plan('  - id: "3"', '    title: A', '    objectives:', '      - { id: "3.1", title: B }', '      - { id: "9.2", title: C }');
    assert.deepStrictEqual(found(t).filter((d) => d[0] !== 'numbering-sequence'), [['numbering-parent', 'error', '"9.2"']]);
    assert.match(parseFull(t).diagnostics.find((d) => d.code === 'numbering-parent')!.message, /should start with 3 \(for example 3.2\)/);
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
});
