import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { ROOT, TestClient } from './lspClient';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const ERRORS = fs.readFileSync(path.join(ROOT, 'samples/with-errors.plan.yaml'), 'utf8');

describe('language server over stdio: diagnostics', () => {
  let client: TestClient;
  afterEach(async () => client && (await client.shutdown()));

  it('answers initialize with incremental sync', async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.strictEqual(init.capabilities.textDocumentSync.change, 2);
    assert.strictEqual(init.serverInfo.name, 'planwright');
  });

  it('publishes no diagnostics for the ICE sample and every code for the error sample', async () => {
    client = new TestClient();
    await client.initialize();
    client.openWithParents('file:///ws/ice.plan.yaml', ICE);
    client.open('file:///ws/errors.plan.yaml', ERRORS);
    assert.deepStrictEqual(await client.waitForDiagnostics('file:///ws/ice.plan.yaml'), []);
    const d = await client.waitForDiagnostics('file:///ws/errors.plan.yaml');
    const codes = new Set(d.map((x) => x.code));
    for (const code of ['yaml-syntax', 'schema', 'numbering-sequence', 'numbering-parent', 'numbering-duplicate', 'numbering-format', 'reference-unresolved']) {
      assert.ok(codes.has(code), `missing ${code}`);
    }
    assert.ok(d.every((x) => x.source === 'planwright'));
  });

  it('publishes diagnostics for the latest version after an incremental change, and clears them after undo', async () => {
    client = new TestClient();
    await client.initialize();
    const uri = 'file:///ws/ice.plan.yaml';
    client.openWithParents(uri, ICE);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const off = ICE.indexOf('id: "1.2"') + 5;
    const line = ICE.slice(0, off).split('\n').length - 1;
    const character = off - ICE.lastIndexOf('\n', off - 1) - 1;
    const at = { start: { line, character }, end: { line, character: character + 3 } };
    client.change(uri, 2, [{ range: at, text: '1.7' }]);
    const d = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const seq = d.find((x) => x.code === 'numbering-sequence');
    assert.ok(seq, JSON.stringify(d));
    assert.deepStrictEqual(seq.range, { start: { line, character: character - 1 }, end: { line, character: character + 4 } });
    client.change(uri, 3, [{ range: at, text: '1.2' }]);
    assert.deepStrictEqual(await client.waitForDiagnostics(uri, (p) => p.version === 3), []);
  });

  it('reads plans of the workspace that are not open, and resolves units across them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-ws-'));
    fs.writeFileSync(path.join(dir, 'org.plan.yaml'), 'planwright: 1\ntitle: Org\nunits:\n  - { id: OPS, name: Operations }\ngoals:\n  - id: "1"\n    title: G\n');
    fs.writeFileSync(path.join(dir, 'team.plan.yaml'), 'planwright: 1\ntitle: Team\ngoals:\n  - id: "1"\n    title: G\n    objectives:\n      - id: "1.1"\n        title: O\n        lead: OPS\n        support: NOPE\n');
    client = new TestClient();
    await client.initialize(URI.file(dir).toString());
    const team = URI.file(path.join(dir, 'team.plan.yaml')).toString();
    const d = await client.waitForDiagnostics(team);
    assert.deepStrictEqual(d.map((x) => [x.code, x.range.start.line]), [['reference-unresolved', 9]]);
    assert.match(d[0].message, /NOPE/);
  });
});
