// Alignment across plans through the real server: a parent plan and a child plan on disk.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { TestClient } from './lspClient';
import { childPlan, codes, PARENT, withServer } from './plans';

const CHILD = childPlan();

function workspace() {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-align-')));
  const parent = path.join(root, 'dep', 'dep.plan.yaml');
  const child = path.join(root, 'cmp', 'cmp.plan.yaml');
  fs.mkdirSync(path.dirname(parent));
  fs.mkdirSync(path.dirname(child));
  fs.writeFileSync(parent, PARENT);
  fs.writeFileSync(child, CHILD);
  return { root, parent, child, parentUri: URI.file(parent).toString(), childUri: URI.file(child).toString() };
}

describe('language server over stdio: plans that align', function () {
  this.timeout(30000);

  it('renames a parent objective\'s number in the entries of a child plan that is not open, in the same workspace edit', async () => {
    const w = workspace();
    await withServer(w.root, async (client) => {
      await client.initialize(URI.file(w.root).toString());
      // The child's entry DEP 1.3 resolves (the parent's gap aside).
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      client.open(w.parentUri, PARENT);
      await client.waitForDiagnostics(w.parentUri, (p) => codes(p).includes('numbering-sequence'));
      const line = PARENT.split('\n').findIndex((l) => l.includes('"1.3"'));
      const character = PARENT.split('\n')[line].indexOf('"1.3"') + 2;
      const edit = await client.request('textDocument/rename', { textDocument: { uri: w.parentUri }, position: { line, character }, newName: '1.2' });
      const childEdits = edit.changes[w.childUri];
      assert.deepStrictEqual(childEdits, [{ range: { start: { line: 6, character: 23 }, end: { line: 6, character: 30 } }, newText: 'DEP 1.2' }]);
      assert.deepStrictEqual(edit.changes[w.parentUri].map((e: { newText: string }) => e.newText), ['1.2']);
    });
  });

  it('renumbers the parent plan and rewrites the entries of a child plan that is not open, in one workspace edit', async () => {
    const w = workspace();
    await withServer(w.root, async (client) => {
      await client.initialize(URI.file(w.root).toString());
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      client.open(w.parentUri, PARENT, 3);
      await client.waitForDiagnostics(w.parentUri, (p) => codes(p).includes('numbering-sequence'));
      const r = await client.request('workspace/executeCommand', { command: 'planwright.server.renumberPlan', arguments: [w.parentUri] });
      assert.deepStrictEqual(r, { edits: 1, items: 1, links: 0, plans: 2 });
      for (let i = 0; i < 100 && !client.applied.length; i++) await new Promise((res) => setTimeout(res, 20));
      const changes = client.applied[0].edit.documentChanges as { textDocument: { uri: string; version: number | null }; edits: { newText: string }[] }[];
      // The open parent at its version first, then the child (not open: no version), its DEP 1.3 following objective 1.3 to 1.2.
      assert.deepStrictEqual(changes.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.map((e) => e.newText)]), [
        [w.parentUri, 3, ['1.2']],
        [w.childUri, null, ['DEP 1.2']],
      ]);
      assert.deepStrictEqual((changes[1].edits[0] as unknown as { range: unknown }).range, { start: { line: 6, character: 23 }, end: { line: 6, character: 30 } });
    });
  });

  it('makes the child\'s entries unresolved when the parent file is deleted, and resolves them when it is back', async () => {
    const w = workspace();
    await withServer(w.root, async (client) => {
      await client.initialize(URI.file(w.root).toString());
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      fs.rmSync(w.parent);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: w.parentUri, type: 3 }] });
      const gone = await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 2, 20000);
      assert.deepStrictEqual(gone.map((d) => [d.code, d.range.start.line]), [['alignment-unresolved', 6], ['alignment-unresolved', 6]]);
      assert.match(gone[0].message, /^No plan in the workspace has the acronym DEP/);
      fs.writeFileSync(w.parent, PARENT);
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: w.parentUri, type: 1 }] });
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
    });
  });

  it('checks an open child again as the parent is edited, without the child changing', async () => {
    const w = workspace();
    await withServer(w.root, async (client) => {
      await client.initialize(URI.file(w.root).toString());
      client.open(w.childUri, CHILD);
      client.open(w.parentUri, PARENT);
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      // The parent's 1.1 becomes 1.2: the child's DEP 1.1 names nothing now.
      const line = PARENT.split('\n').findIndex((l) => l.includes('"1.1"'));
      const character = PARENT.split('\n')[line].indexOf('"1.1"') + 3;
      client.change(w.parentUri, 2, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '2' }]);
      const d = await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 1, 20000);
      assert.deepStrictEqual(d.map((x) => [x.code, x.message]), [['alignment-unresolved', 'DEP has no objective 1.1; did you mean 1.2? DEP\'s plan is dep.plan.yaml (Department Plan).']]);
    });
  });

  it("asks the editor to show the parent's lenses and the child's hints again when another plan's aligns entries or titles change", async () => {
    const w = workspace();
    const client = new TestClient();
    const refreshed = { lenses: 0, hints: 0 };
    client.conn.onRequest('workspace/codeLens/refresh', () => (refreshed.lenses++, null));
    client.conn.onRequest('workspace/inlayHint/refresh', () => (refreshed.hints++, null));
    await withServer(w.root, async () => {
      await client.initialize(URI.file(w.root).toString(), { workspace: { codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } });
      client.open(w.parentUri, PARENT);
      client.open(w.childUri, CHILD);
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      const lens = async () => {
        const listed: object[] = await client.request('textDocument/codeLens', { textDocument: { uri: w.parentUri } });
        return (await Promise.all(listed.map((l) => client.request('codeLens/resolve', l)))).map((l: { command: { title: string } }) => l.command.title);
      };
      assert.deepStrictEqual(await lens(), ['supported by CMP 1', 'supported by CMP 1']);
      const before = { ...refreshed };
      // The child stops naming 1.3: the parent's lens for 1.3, on screen beside it, is out of date.
      const edited = CHILD.replace('[DEP 1.1, "DEP 1.3"]', '[DEP 1.1]');
      client.change(w.childUri, 2, [{ text: edited }]);
      await client.waitForDiagnostics(w.childUri, (p) => p.version === 2, 20000);
      const deadline = Date.now() + 5000;
      while (refreshed.lenses === before.lenses && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.ok(refreshed.lenses > before.lenses, 'no workspace/codeLens/refresh after the child changed');
      assert.deepStrictEqual(await lens(), ['supported by CMP 1']);
      // The parent retitles 1.1: the child's hint after DEP 1.1 shows the old title until asked again.
      const hintsBefore = refreshed.hints;
      client.change(w.parentUri, 2, [{ text: PARENT.replace('Manage Borders', 'Guard Borders') }]);
      await client.waitForDiagnostics(w.parentUri, (p) => p.version === 2, 20000);
      const until = Date.now() + 5000;
      while (refreshed.hints === hintsBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      assert.ok(refreshed.hints > hintsBefore, 'no workspace/inlayHint/refresh after the parent changed');
    }, client);
  });
});
