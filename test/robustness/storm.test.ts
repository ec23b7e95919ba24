// Edit storms: hundreds of changes in quick succession. The server must stay responsive and
// the last diagnostics it publishes must be exactly those of a fresh check of the final text.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { LineIndex } from '../../server/src/service/text';
import { ROOT, TestClient } from '../protocol/lspClient';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const PIECES = ['x', ' ', '\n', '"', ':', '- ', '1', '.', '#', '[', ']', '  - id: "9"\n', 'é', '😀', '\t'];

/** A deterministic random edit of `text`: its LSP range (in the text before it) and the new text. */
function randomEdit(text: string, rnd: () => number) {
  const lines = new LineIndex(text);
  const start = Math.floor(rnd() * text.length);
  const end = Math.min(text.length, start + Math.floor(rnd() * 6));
  const insert = PIECES[Math.floor(rnd() * PIECES.length)];
  return { range: lines.range({ start, end }), text: insert, next: text.slice(0, start) + insert + text.slice(end) };
}

function prng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Diagnostics of a fresh check, as they travel over the wire (JSON: no undefined fields). */
function fresh(uri: string, text: string) {
  const s = createLanguageService();
  s.update(uri, text, 1);
  return JSON.parse(JSON.stringify(s.getDiagnostics(uri)));
}

describe('edit storms', function () {
  this.timeout(120000);

  it('after 300 rapid changes, the server publishes exactly the diagnostics of a fresh check of the final text', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///storm/ice.plan.yaml';
      client.open(uri, ICE, 1);
      await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const rnd = prng(7);
      let text = ICE;
      let version = 1;
      let hovers = 0;
      for (let i = 0; i < 300; i++) {
        const e = randomEdit(text, rnd);
        text = e.next;
        // Some notifications carry two changes, the second in the text the first made.
        if (i % 7 === 3) {
          const f = randomEdit(text, rnd);
          text = f.next;
          client.change(uri, ++version, [{ range: e.range, text: e.text }, { range: f.range, text: f.text }]);
        } else client.change(uri, ++version, [{ range: e.range, text: e.text }]);
        // Requests during the storm are answered (against whatever version is current).
        if (i % 50 === 0) void client.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } }).then(() => hovers++);
      }
      const published = await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
      assert.deepStrictEqual(published, fresh(uri, text));
      // Positions come from a line index carried from version to version: they match a fresh one's.
      const f = createLanguageService();
      f.update(uri, text, 1);
      assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), JSON.parse(JSON.stringify(f.getDocumentSymbols(uri))));
      assert.deepStrictEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), JSON.parse(JSON.stringify(f.getFoldingRanges(uri))));
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.ok(hover === null || typeof hover === 'object');
      assert.strictEqual(hovers, 6);
      assert.strictEqual(client.proc.exitCode, null);
    } finally {
      await client.shutdown();
    }
  });

  it('a workspace updated by any edit sequence reports what a fresh workspace reports (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom(...PIECES)), { minLength: 1, maxLength: 40 }), (edits) => {
        const s = createLanguageService();
        const uri = 'file:///p.plan.yaml';
        let text = ICE;
        s.update(uri, text, 0);
        edits.forEach(([at, del, ins], v) => {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + ins + text.slice(start + del);
          s.update(uri, text, v + 1);
        });
        assert.deepStrictEqual(JSON.parse(JSON.stringify(s.getDiagnostics(uri))), fresh(uri, text));
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 42 },
    );
  });

  it('answers requests about a document version that no longer exists, or a document never opened', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///storm/gone.plan.yaml';
      client.open(uri, ICE, 1);
      client.close(uri);
      const r = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(r) || r === null);
      const r2 = await client.request('textDocument/definition', { textDocument: { uri: 'file:///never.plan.yaml' }, position: { line: 99, character: 99 } });
      assert.deepStrictEqual(r2, []);
      // A change for a document that is not open, and a malformed position, are ignored.
      client.change('file:///never.plan.yaml', 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
      const r3 = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -5 } });
      assert.ok(r3 === null || typeof r3 === 'object');
      assert.strictEqual(client.proc.exitCode, null);
    } finally {
      await client.shutdown();
    }
  });

  it('exits when its client disappears without a shutdown', async () => {
    const client = new TestClient();
    await client.initialize();
    const exited = new Promise<number | null>((resolve) => client.proc.on('exit', (code) => resolve(code)));
    client.proc.stdin!.end();
    client.conn.dispose();
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 10000))]);
    assert.notStrictEqual(code, 'still running');
  });
});
