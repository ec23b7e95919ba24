// The server and config files (.planwright.yaml) and disable comments, over stdio.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { STYLE_CODES } from '../../server/src/service/checks/style';
import { TestClient, ROOT } from './lspClient';

const ERRORS = fs.readFileSync(path.join(ROOT, 'samples/with-errors.plan.yaml'), 'utf8');
const WATCHING = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };

describe('the server applies config files and disable comments', function () {
  this.timeout(30000);
  let ws: string;
  let client: TestClient;
  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-lint-lsp-')));
    client = new TestClient();
  });
  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('reads the .planwright.yaml above a plan before its first diagnostics, and picks up a change to it live', async () => {
    const config = path.join(ws, '.planwright.yaml');
    fs.writeFileSync(config, 'rules:\n  numbering-sequence: off\n  numbering-parent: hint\n');
    const file = path.join(ws, 'plans/with-errors.plan.yaml');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, ERRORS);
    const uri = URI.file(file).toString();
    await client.initialize(URI.file(ws).toString(), WATCHING);
    const first = await client.waitForDiagnostics(uri, undefined, 20000);
    assert.ok(!first.some((d) => d.code === 'numbering-sequence'), JSON.stringify(first.map((d) => d.code)));
    assert.deepStrictEqual(first.filter((d) => d.code === 'numbering-parent').map((d) => d.severity), [4]);

    // Changed on disk, as the editor's watcher reports it: every plan under it is checked again.
    fs.writeFileSync(config, 'rules:\n  numbering-parent: warning\n  title-too-long: { level: error, max: 20 }\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(config).toString(), type: 2 }] });
    const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'title-too-long'), 20000);
    assert.ok(after.some((d) => d.code === 'numbering-sequence'));
    assert.deepStrictEqual(after.filter((d) => d.code === 'numbering-parent').map((d) => d.severity), [2]);
    assert.ok(after.filter((d) => d.code === 'title-too-long').every((d) => d.severity === 1));
  });

  it("shows a config file's mistakes on the config file, in plain words, and never stops", async () => {
    const config = path.join(ws, '.planwright.json');
    fs.writeFileSync(config, '{\n  "rules": { "numbering-sequence": "warn" }\n}\n');
    fs.writeFileSync(path.join(ws, 'p.plan.yaml'), ERRORS);
    await client.initialize(URI.file(ws).toString(), WATCHING);
    const d = await client.waitForDiagnostics(URI.file(config).toString(), undefined, 20000);
    assert.deepStrictEqual(d.map((x) => [x.range.start, x.code, x.message]), [[{ line: 1, character: 35 }, 'config-invalid', '"warn" is not a level for numbering-sequence: use off, hint, information, warning or error.']]);
    fs.writeFileSync(config, '{ "rules": ');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(config).toString(), type: 2 }] });
    const broken = await client.waitForDiagnostics(URI.file(config).toString(), (p) => p.diagnostics.some((x) => /not valid JSON/.test(x.message)), 20000);
    assert.strictEqual(broken.length, 1);
    fs.unlinkSync(config);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(config).toString(), type: 3 }] });
    assert.deepStrictEqual(await client.waitForDiagnostics(URI.file(config).toString(), (p) => p.diagnostics.length === 0, 20000), []);
    assert.strictEqual(client.proc.exitCode, null);
  });

  it('a disable comment typed in the editor silences the diagnostic on the next line', async () => {
    await client.initialize(URI.file(ws).toString(), WATCHING);
    const uri = URI.file(path.join(ws, 'open.plan.yaml')).toString();
    client.open(uri, ERRORS);
    const before = await client.waitForDiagnostics(uri, undefined, 20000);
    const seq = before.find((d) => d.code === 'numbering-sequence')!;
    assert.strictEqual(seq.range.start.line, 22);
    client.change(uri, 2, [{ range: { start: { line: 22, character: 0 }, end: { line: 22, character: 0 } }, text: '          # planwright-disable-next-line numbering-sequence\n' }]);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2, 20000);
    assert.ok(!after.some((d) => d.code === 'numbering-sequence'), JSON.stringify(after.map((d) => d.code)));
    assert.strictEqual(after.length, before.length - 1);
  });

  it('sends at most planwright.maxNumberOfProblems diagnostics, the most serious first with a notice of the rest, and every one when the setting becomes 0', async () => {
    fs.writeFileSync(path.join(ws, '.planwright.yaml'), `rules:\n${STYLE_CODES.map((c) => `  ${c}: hint`).join('\n')}\n`);
    const file = path.join(ws, 'errors.plan.yaml');
    fs.writeFileSync(file, ERRORS);
    const uri = URI.file(file).toString();
    await client.initialize(URI.file(ws).toString(), WATCHING, { maxNumberOfProblems: 6 });
    client.open(uri, ERRORS);
    const capped = await client.waitForDiagnostics(uri, undefined, 20000);
    assert.strictEqual(capped.length, 6);
    const notice = capped[5];
    assert.strictEqual(notice.code, 'problems-limit');
    assert.match(notice.message, /^\d+ more problems are not shown: this plan has (\d+), and the editor shows the 5 most serious\./);
    assert.ok(capped.slice(0, 5).every((d) => d.severity === 1 || d.severity === 2), JSON.stringify(capped.map((d) => [d.code, d.severity])));

    // Changed in the settings: the same findings are published again, all of them.
    client.notify('workspace/didChangeConfiguration', { settings: { planwright: { maxNumberOfProblems: 0 } } });
    const all = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 6, 20000);
    assert.strictEqual(all.length, Number(/has (\d+)/.exec(notice.message)![1]));
    assert.ok(!all.some((d) => d.code === 'problems-limit'));
    assert.ok(all.some((d) => d.severity === 4), 'the style hints left out before are sent');
  });
});
