import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceTextDocument } from './textDocument';

const PIECES = ['x', 'ab', '\n', '\r\n', '\r', '  - id: "1"\n', 'é', '😀', ''];

describe('PieceTextDocument', () => {
  it('after any sequence of changes, reads exactly as vscode-languageserver-textdocument does (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'a\nb\r\nc\rd\n', 'planwright: 1\ngoals:\n  - id: "1"\n    title: T\n'),
        fc.array(fc.record({ sl: fc.nat(12), sc: fc.nat(12), el: fc.nat(12), ec: fc.nat(12), text: fc.constantFrom(...PIECES), full: fc.nat(30), read: fc.boolean() }), { maxLength: 60 }),
        (initial, edits) => {
          let ref = TextDocument.create('u', 'p', 1, initial);
          const doc = new PieceTextDocument('u', 'p', 1, initial);
          edits.forEach((e, i) => {
            // Lines inside the text: past it, the reference's line offsets get holes.
            const lines = ref.lineCount;
            const change = e.full === 0 ? { text: e.text + initial } : { range: { start: { line: e.sl % lines, character: e.sc }, end: { line: e.el % lines, character: e.ec } }, text: e.text };
            ref = TextDocument.update(ref, [change], i + 2);
            doc.update([change], i + 2);
            if (e.read) assert.strictEqual(doc.getText(), ref.getText());
            for (let line = 0; line <= ref.lineCount; line++) {
              for (const character of [0, 1, 3, 99]) assert.strictEqual(doc.offsetAt({ line, character }), ref.offsetAt({ line, character }), `offsetAt ${line}:${character}`);
            }
            for (let o = 0; o <= ref.getText().length + 1; o++) assert.deepStrictEqual(doc.positionAt(o), ref.positionAt(o), `positionAt ${o}`);
          });
          assert.strictEqual(doc.getText(), ref.getText());
          assert.strictEqual(doc.lineCount, ref.lineCount);
          assert.strictEqual(doc.version, ref.version);
        },
      ),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 200), seed: 17 },
    );
  });
});
