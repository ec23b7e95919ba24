// A parent plan outside the workspace folders, named by a child's `parents:` (a sibling folder
// or repository): the server reads it from disk, follows it as it changes, drops it once no plan
// names it, and never publishes or changes it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
// PARENT: objective 1.3 after 1.1, a numbering problem of the parent's own, which the child's editor is not shown.
import { childPlan, codes, PARENT, withServer } from './plans';

const CHILD = childPlan('DEP: ../dep/dep.plan.yaml');

const WATCH = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** root/cmp (the workspace folder) holds the child; root/dep, beside it, the parent. */
function layout() {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-parents-')));
  const folder = path.join(root, 'cmp');
  const parent = path.join(root, 'dep', 'dep.plan.yaml');
  const child = path.join(folder, 'cmp.plan.yaml');
  fs.mkdirSync(folder);
  fs.mkdirSync(path.dirname(parent));
  fs.writeFileSync(parent, PARENT);
  fs.writeFileSync(child, CHILD);
  return { root, folder, parent, child, folderUri: URI.file(folder).toString(), parentUri: URI.file(parent).toString(), childUri: URI.file(child).toString() };
}

describe('language server over stdio: a parent plan outside the workspace', function () {
  this.timeout(40000);

  it('resolves the child\'s entries against it, watches it, follows its changes on disk, and drops it once `parents:` no longer names it', async () => {
    const w = layout();
    await withServer(w.root, async (client) => {
      await client.initialize(w.folderUri, WATCH);
      // The child, on disk and not open, is clean: both entries resolve in the sibling folder's plan.
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      assert.ok(!client.published.some((p) => p.uri === w.parentUri), 'the parent\'s own problems are not published');
      const watchers = () => client.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => r.registerOptions.watchers.map((x: { globPattern: unknown }) => x.globPattern));
      assert.deepStrictEqual(watchers().filter((g) => typeof g === 'object'), [{ baseUri: URI.file(path.dirname(w.parent)).toString(), pattern: 'dep.plan.yaml' }]);
      // The Plan view lists the workspace's plans only.
      assert.deepStrictEqual((await client.request<{ uri: string }[]>('planwright/plans', {})).map((p) => p.uri), [w.childUri]);

      // Go to Definition on DEP 1.1 opens the parent's objective.
      client.open(w.childUri, CHILD);
      const line = CHILD.split('\n').findIndex((l) => l.includes('aligns'));
      const character = CHILD.split('\n')[line].indexOf('DEP 1.1') + 5;
      const def = await client.request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: w.childUri }, position: { line, character } });
      assert.deepStrictEqual(def.map((d) => [d.uri, d.range.start.line]), [[w.parentUri, PARENT.split('\n').findIndex((l) => l.includes('"1.1"'))]]);

      // The parent's 1.1 becomes 1.2 on disk: the child is checked again.
      fs.writeFileSync(w.parent, PARENT.replace('"1.1"', '"1.2"'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: w.parentUri, type: 2 }] });
      const changed = await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 1, 20000);
      assert.deepStrictEqual(changed.map((d) => [d.code, d.message]), [['alignment-unresolved', "DEP has no objective 1.1; did you mean 1.2? DEP's plan is dep.plan.yaml (Department Plan)."]]);

      // The child no longer names the parent: its entries are unresolved again, and the parent is no longer read or watched.
      client.change(w.childUri, 2, [{ text: childPlan('') }]);
      const gone = await client.waitForDiagnostics(w.childUri, (p) => p.version === 2 && p.diagnostics.length === 2, 20000);
      assert.deepStrictEqual(codes({ diagnostics: gone }), ['alignment-unresolved', 'alignment-unresolved']);
      assert.match(gone[0].message, /^No plan in the workspace has the acronym DEP/);
      for (let i = 0; i < 100 && watchers().some((g) => typeof g === 'object'); i++) await sleep(20);
      assert.deepStrictEqual(watchers().filter((g) => typeof g === 'object'), []);
      assert.ok(!client.published.some((p) => p.uri === w.parentUri));
    });
  });

  it('refuses to rename the parent\'s objective from the child until the parent is open, then publishes it as any open plan', async () => {
    const w = layout();
    await withServer(w.root, async (client) => {
      await client.initialize(w.folderUri, WATCH);
      client.open(w.childUri, CHILD);
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      const line = CHILD.split('\n').findIndex((l) => l.includes('aligns'));
      const position = { line, character: CHILD.split('\n')[line].indexOf('DEP 1.3') + 5 };
      await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: w.childUri }, position }), /Renaming DEP 1\.3 would change dep\.plan\.yaml, which is outside the workspace/);
      client.open(w.parentUri, PARENT);
      await client.waitForDiagnostics(w.parentUri, (p) => codes(p).includes('numbering-sequence'), 20000);
      const edit = await client.request('textDocument/rename', { textDocument: { uri: w.childUri }, position, newName: '1.2' });
      assert.deepStrictEqual(Object.keys(edit.changes).sort(), [w.childUri, w.parentUri].sort());
      // Closed again, it is read from disk as the parent: its problems are cleared, the child still resolves.
      client.close(w.parentUri);
      await client.waitForDiagnostics(w.parentUri, (p) => p.diagnostics.length === 0, 20000);
      await sleep(300);
      assert.deepStrictEqual(client.diagnostics.get(w.parentUri)?.diagnostics, []);
      assert.deepStrictEqual(client.diagnostics.get(w.childUri)?.diagnostics, []);
    });
  });

  it('for a client that cannot watch outside the workspace, reads the parent again when the child is edited', async () => {
    const w = layout();
    await withServer(w.root, async (client) => {
      await client.initialize(w.folderUri, { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
      client.open(w.childUri, CHILD);
      await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 0, 20000);
      assert.ok(!client.registrations.some((r) => r.registerOptions?.watchers?.some((x: { globPattern: unknown }) => typeof x.globPattern === 'object')));
      fs.writeFileSync(w.parent, PARENT.replace('"1.1"', '"1.2"'));
      await sleep(1100); // PARENT_REFRESH_MS since the first read
      client.change(w.childUri, 2, [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } }, text: 'A ' }]);
      // Read once at the edit; the check that follows its read shows the new parent.
      const d = await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === 1, 20000);
      assert.deepStrictEqual(codes({ diagnostics: d }), ['alignment-unresolved']);
    });
  });

  it('answers, and says what is wrong on the entries, when `parents:` names a folder, a huge file, a file that is not a plan, a link loop or the plan itself', async () => {
    const w = layout();
    await withServer(w.root, async (client) => {
      fs.mkdirSync(path.join(w.root, 'folder.plan.yaml'));
      // 30 MB, sparse: larger than the server reads for the index (20 MB).
      const fd = fs.openSync(path.join(w.root, 'huge.plan.yaml'), 'w');
      fs.ftruncateSync(fd, 30 * 1024 * 1024);
      fs.closeSync(fd);
      fs.writeFileSync(path.join(w.root, 'notes.txt'), 'Not a plan at all: \u0000\u0001 {[ binary\n');
      fs.symlinkSync(path.join(w.root, 'loop-b.plan.yaml'), path.join(w.root, 'loop-a.plan.yaml'));
      fs.symlinkSync(path.join(w.root, 'loop-a.plan.yaml'), path.join(w.root, 'loop-b.plan.yaml'));
      const entries = ['A', 'B', 'C', 'D', 'E'];
      const text = [
        'planwright: 1',
        'title: Component Plan',
        'organization: { name: Component, acronym: CMP }',
        'parents: { A: ../folder.plan.yaml, B: ../huge.plan.yaml, C: ../notes.txt, D: ../loop-a.plan.yaml, E: cmp.plan.yaml }',
        'goals:',
        '  - id: "1"',
        '    title: Enforce',
        `    aligns: [${entries.map((e) => `${e} 1`).join(', ')}]`,
        '',
      ].join('\n');
      fs.writeFileSync(w.child, text);
      await client.initialize(w.folderUri, WATCH);
      const d = await client.waitForDiagnostics(w.childUri, (p) => p.diagnostics.length === entries.length, 20000);
      assert.deepStrictEqual(codes({ diagnostics: d }), entries.map(() => 'alignment-unresolved'));
      // Each says why; the text that is not a plan is read (as `planwright check` reads it): it has no goal 1.
      const how = 'Correct the path (it is relative to this plan\'s file), or the file.';
      assert.deepStrictEqual(d.map((x) => x.message), [
        `\`parents:\` says A's plan is ../folder.plan.yaml, but it cannot be read: it is a folder, not a file. ${how}`,
        `\`parents:\` says B's plan is ../huge.plan.yaml, but it cannot be read: it is larger than 20 MB, more than Planwright reads of a plan that is not open. ${how}`,
        "C has no goal 1. C's plan is notes.txt.",
        `\`parents:\` says D's plan is ../loop-a.plan.yaml, but it cannot be read: the link loops back on itself. ${how}`,
        "`parents:` says E's plan is cmp.plan.yaml, which is this plan's own file. Give the path of E's plan (relative to this plan's file).",
      ]);
      const hover = await client.request('textDocument/hover', { textDocument: { uri: w.childUri }, position: { line: 7, character: 14 } });
      assert.ok(hover, 'the server answers');
      assert.strictEqual(client.proc.exitCode, null);
      assert.ok(!client.logEntries.some((l) => l.type === 1), client.logs.join('\n'));
    });
  });
});
