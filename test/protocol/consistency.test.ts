// What a second read of the merged scheduling and protocol code found: answers computed on texts
// the editor has already changed, other plans not checked again after a request finished a read,
// and two ways the connection could be lost.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { generatePlan } from '../bench/generate';
import { TestClient } from './lspClient';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const A = 'planwright: 1\ntitle: A\nunits:\n  - { id: OPS, name: Ops }\ngoals:\n  - id: "1"\n    title: G\n    objectives:\n      - id: "1.1"\n        title: O\n        lead: OPS\n';
const B = 'planwright: 1\ntitle: B\ngoals:\n  - id: "1"\n    title: G\n    objectives:\n      - id: "1.1"\n        title: O\n        lead: OPS\n';

describe('language server over stdio: consistency across plans', function () {
  this.timeout(120000);

  it('computes rename edits in another plan on its latest text, even when that change has not been checked yet', async () => {
    const c = new TestClient();
    try {
      await c.initialize(null);
      const a = 'file:///tmp/pw-consistency/a.plan.yaml';
      const b = 'file:///tmp/pw-consistency/b.plan.yaml';
      c.open(a, A);
      c.open(b, B);
      await c.waitForDiagnostics(b);
      // A line is added at the top of B, and the rename is sent in the same write (the server
      // reads both before it has a turn to check B).
      c.proc.stdin!.cork();
      c.change(b, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }]);
      const renamed = c.request('textDocument/rename', { textDocument: { uri: a }, position: { line: 3, character: 11 }, newName: 'OPERATIONS' });
      await sleep(50);
      c.proc.stdin!.uncork();
      const r = await renamed;
      // `lead: OPS` is line 9 of B now (it was line 8).
      assert.deepStrictEqual(r.changes[b], [{ range: { start: { line: 9, character: 14 }, end: { line: 9, character: 17 } }, newText: 'OPERATIONS' }]);
    } finally {
      await c.shutdown();
    }
  });

  it('checks the other plans again when a request finishes reading a large plan whose units changed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-consistency-'));
    // A large plan defining unit OPS (its read of a change takes several 10 ms slices), and a
    // plan that names OPX, which the change creates.
    const big = generatePlan({ goals: 400, objectives: 10, subobjectives: 8 }).text.replace(/\nunits:\n/, '\nunits:\n  - id: OPS\n    name: Operations\n');
    assert.ok(big.includes('  - id: OPS\n'));
    fs.writeFileSync(path.join(dir, 'a.plan.yaml'), big);
    fs.writeFileSync(path.join(dir, 'b.plan.yaml'), B.replace('lead: OPS', 'lead: OPX'));
    const a = URI.file(path.join(dir, 'a.plan.yaml')).toString();
    const b = URI.file(path.join(dir, 'b.plan.yaml')).toString();
    const c = new TestClient();
    try {
      await c.initialize(URI.file(dir).toString());
      const before = await c.waitForDiagnostics(b, (p) => p.diagnostics.length > 0, 60000);
      assert.deepStrictEqual(before.map((d) => d.code), ['reference-unresolved']);
      c.open(a, big, 1);
      await c.waitForDiagnostics(a, (p) => p.version === 1, 60000);
      const line = big.split('\n').indexOf('  - id: OPS');
      c.change(a, 2, [{ range: { start: { line, character: 10 }, end: { line, character: 11 } }, text: 'X' }]);
      // Hovers on A while its change is read: one of them finishes the read.
      for (let t = 0; t < 12; t++) {
        await c.request('textDocument/hover', { textDocument: { uri: a }, position: { line, character: 8 } });
        await sleep(15);
      }
      await c.waitForDiagnostics(a, (p) => p.version === 2, 60000);
      const after = await c.waitForDiagnostics(b, (p) => p.diagnostics.length === 0, 10000);
      assert.deepStrictEqual(after, []);
    } finally {
      await c.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('language server over stdio: the connection survives', function () {
  this.timeout(30000);

  it('drops a $/cancelRequest without an id and answers the next request', async () => {
    const c = new TestClient();
    try {
      await c.initialize(null);
      c.notify('$/cancelRequest', {});
      c.writeAtOnce([{ method: '$/cancelRequest' }, { method: '$/cancelRequest', params: { id: null } }]);
      const r = await c.request('workspace/symbol', { query: 'x' });
      assert.deepStrictEqual(r, []);
      assert.strictEqual(c.proc.exitCode, null, c.stderr);
    } finally {
      await c.shutdown();
    }
  });

  it('writes nothing but LSP frames on stdout, even when yaml is asked to log its tokens (LOG_STREAM)', async () => {
    // The client's reader fails on bytes outside a frame; a plan is opened so that yaml reads it.
    const c = new TestClient([], { env: { LOG_STREAM: '1' } });
    try {
      await c.initialize(null);
      const uri = 'file:///tmp/pw-consistency/log.plan.yaml';
      c.open(uri, 'planwright: 1\ntitle: "T\ngoals: []\n');
      await c.waitForDiagnostics(uri);
      assert.deepStrictEqual(await c.request('workspace/symbol', { query: 'x' }), []);
      assert.strictEqual(c.proc.exitCode, null);
    } finally {
      await c.shutdown();
    }
  });
});
