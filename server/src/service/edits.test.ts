import * as assert from 'assert';
import { parse } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits, checkedEdits, EditConflict, innerSpan, readsBackPlain, scalarEdit, writeScalar } from './edits';
import { lines, load, textAt } from './test-util';

describe('edits', () => {
  describe('readsBackPlain', () => {
    const candidates = [
      'ERO', 'ERO2', 'M&A', 'HSI-1', 'a.b', 'x_y', 'Port Operations', '1', '1.2', '1.10', '1.2.3', '2.4.a', '0x1F', '0o17', '1e3',
      '.5', '+1', '-1', 'true', 'True', 'FALSE', 'null', 'Null', '~', '.inf', '-.inf', '.NaN', 'yes', 'no', 'on', 'off',
      'a: b', 'a:b', 'a #b', 'a#b', '#a', '&a', '*a', '!a', '|a', '>a', "'a", '"a', '%a', '@a', '`a', '-a', '?a', ':a',
      '[a', 'a]', '{a', 'a}', 'a,b', ' a', 'a ', '', 'a\tb', 'é', 'Ünit',
    ];

    it('never says plain when YAML would read the value back as something else, in a block or in a flow list', () => {
      for (const v of candidates) {
        if (!readsBackPlain(v)) continue;
        assert.strictEqual(parse(`k: ${v}\n`).k, v, `block: ${v}`);
        assert.deepStrictEqual(parse(`k: [${v}, x]\n`).k, [v, 'x'], `flow list: ${v}`);
        assert.deepStrictEqual(parse(`k: { id: ${v}, n: x }\n`).k, { id: v, n: 'x' }, `flow map: ${v}`);
      }
    });

    it('keeps ordinary unit ids and dotted non-numbers plain, and quotes numbers, booleans, null and indicators', () => {
      assert.deepStrictEqual(candidates.filter(readsBackPlain), ['ERO', 'ERO2', 'M&A', 'HSI-1', 'a.b', 'x_y', 'Port Operations', '1.2.3', '2.4.a', 'yes', 'no', 'on', 'off', 'é', 'Ünit']);
    });
  });

  describe('writeScalar', () => {
    it('keeps double and single quotes, and escapes what each needs', () => {
      assert.strictEqual(writeScalar('2.1', 'double'), '"2.1"');
      assert.strictEqual(writeScalar('say "hi"', 'double'), '"say \\"hi\\""');
      assert.strictEqual(writeScalar("it's", 'single'), "'it''s'");
    });

    it('keeps a plain scalar plain only when it reads back as the same text', () => {
      assert.strictEqual(writeScalar('ERO2', 'plain'), 'ERO2');
      assert.strictEqual(writeScalar('1.10', 'plain'), '"1.10"');
      assert.strictEqual(writeScalar('1.2', 'plain'), '"1.2"');
      assert.strictEqual(writeScalar('true', 'plain'), '"true"');
      assert.strictEqual(writeScalar('a: b', 'plain'), '"a: b"');
    });

    it('lets a plain whole number stay plain where a plain number was written, but not a dotted one', () => {
      assert.strictEqual(writeScalar('4', 'plain', { wasNumber: true }), '4');
      assert.strictEqual(writeScalar('4', 'plain'), '"4"');
      assert.strictEqual(writeScalar('4.1', 'plain', { wasNumber: true }), '"4.1"');
    });

    it('quotes any dotted number when asked to, as renumbering does, but keeps single quotes single', () => {
      assert.strictEqual(writeScalar('1.2.3', 'plain'), '1.2.3');
      assert.strictEqual(writeScalar('1.2.3', 'plain', { quoteDotted: true }), '"1.2.3"');
      assert.strictEqual(writeScalar('1.2.3', 'single', { quoteDotted: true }), "'1.2.3'");
      assert.strictEqual(writeScalar('4', 'plain', { wasNumber: true, quoteDotted: true }), '4');
    });
  });

  describe('scalarEdit', () => {
    const text = lines(
      'goals:',
      '  - id: "1"   # first',
      "    title: 'A'",
      '    objectives:',
      '      - id: 1.2',
      '        title: B',
      '        related: [\'1\', 1.2]',
    );

    it('replaces only the text inside the quotes when the quotes stay', () => {
      const { doc } = load(text);
      const e = scalarEdit(doc, doc.model.goals[0].id!, '7')!;
      assert.strictEqual(textAt(doc, e.range), '1');
      assert.deepStrictEqual(e, { range: { start: { line: 1, character: 9 }, end: { line: 1, character: 10 } }, newText: '7' });
      const ref = doc.model.refs[0].target;
      assert.deepStrictEqual(scalarEdit(doc, ref, '3'), { range: { start: { line: 6, character: 19 }, end: { line: 6, character: 20 } }, newText: '3' });
    });

    it('quotes a plain dotted number, replacing the whole scalar', () => {
      const { doc } = load(text);
      const obj = doc.model.items[1];
      assert.deepStrictEqual(scalarEdit(doc, obj.id!, '1.3'), { range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } }, newText: '"1.3"' });
      assert.deepStrictEqual(scalarEdit(doc, obj.id!, '1.2'), { range: { start: { line: 4, character: 12 }, end: { line: 4, character: 15 } }, newText: '"1.2"' });
    });

    it('returns nothing when the text would not change', () => {
      const { doc } = load(text);
      assert.strictEqual(scalarEdit(doc, doc.model.goals[0].id!, '1'), undefined);
    });

    it('gives the span inside the quotes of a quoted scalar and the whole span of a plain one', () => {
      const { doc } = load(text);
      const g = doc.model.goals[0].id!;
      assert.deepStrictEqual(innerSpan(doc.text, g), { start: g.span.start + 1, end: g.span.end - 1 });
      const o = doc.model.items[1].id!;
      assert.deepStrictEqual(innerSpan(doc.text, o), o.span);
    });
  });

  describe('applyEdits', () => {
    it('applies edits given in any order against the original text, keeping CRLF line breaks', () => {
      const text = 'a: 1\r\nb: 22\r\nc: 3\r\n';
      const out = applyEdits(text, [
        { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } }, newText: '"x"' },
        { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: 'one' },
        { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 5 } }, newText: '' },
      ]);
      assert.strictEqual(out, 'a: one\r\nb: \r\nc: "x"\r\n');
    });

    it('refuses overlapping edits', () => {
      assert.throws(() => applyEdits('abcdef', [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'x' },
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 4 } }, newText: 'y' },
      ]), /overlapping/);
    });
  });

  describe('checkedEdits', () => {
    it('refuses repeated and overlapping ranges with EditConflict, naming the line, and sorts edits that only touch', () => {
      const at = (l: number, a: number, b: number, t = 'x'): TextEdit => ({ range: { start: { line: l, character: a }, end: { line: l, character: b } }, newText: t });
      assert.throws(() => checkedEdits([at(3, 8, 11), at(3, 8, 11)]), EditConflict);
      assert.throws(() => checkedEdits([at(3, 8, 11), at(3, 10, 12)]), EditConflict);
      assert.throws(() => checkedEdits([at(3, 5, 5, 'a'), at(3, 5, 5, 'b')]), EditConflict);
      assert.throws(() => checkedEdits([at(3, 8, 11), at(2, 0, 1), at(3, 9, 9)]), /two of its edits would change the same text on line 4/);
      assert.deepStrictEqual(checkedEdits([at(3, 11, 12), at(3, 8, 11), at(1, 0, 0)]), [at(1, 0, 0), at(3, 8, 11), at(3, 11, 12)]);
    });
  });
});
