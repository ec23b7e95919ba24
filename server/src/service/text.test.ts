// Line indexes: one made from the previous version's index and the edit must equal a fresh one.
import * as assert from 'assert';
import fc from 'fast-check';
import { composeChanges, LineIndex, type TextChange } from './text';

/** Every line start of an index, through the positions of its offsets. */
function lineStarts(index: LineIndex): number[] {
  const out: number[] = [];
  for (let line = 0; line < index.lineCount; line++) out.push(index.lineStart(line));
  return out;
}

const piece = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r', '\r\n', 'line\n', '\r\r\n\n');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 6 }), insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')) });

describe('line index after an edit', () => {
  it('equals the index of the edited text read from scratch, for any edits with any line ends (property)', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), (start, edits) => {
        const prev = new LineIndex(start);
        prev.lineCount; // the old index must have been computed for it to be reused
        let t = start;
        let change: TextChange | undefined;
        for (const e of edits) {
          const s = Math.floor(e.at * t.length);
          const end = Math.min(t.length, s + e.del);
          t = t.slice(0, s) + e.insert + t.slice(end);
          change = composeChanges(change, { start: s, end, newEnd: s + e.insert.length });
        }
        const derived = LineIndex.afterEdit(prev, t, change!);
        assert.deepStrictEqual(lineStarts(derived), lineStarts(new LineIndex(t)), JSON.stringify({ start, t, change }));
        for (let o = 0; o <= t.length; o++) assert.deepStrictEqual(derived.positionAt(o), new LineIndex(t).positionAt(o));
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 20, seed: 20261125 },
    );
  });

  it('is read from scratch when the change does not fit the texts', () => {
    const prev = new LineIndex('a\nb\n');
    prev.lineCount;
    const next = LineIndex.afterEdit(prev, 'a\nb\nc\n', { start: 0, end: 0, newEnd: 0 });
    assert.deepStrictEqual(lineStarts(next), [0, 2, 4, 6]);
  });
});
