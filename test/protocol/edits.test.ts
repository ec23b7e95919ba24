import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TextEdit } from 'vscode-languageserver-types';
import { ROOT, serverWith, type TestClient } from './lspClient';

const ERRORS = fs.readFileSync(path.join(ROOT, 'samples/with-errors.plan.yaml'), 'utf8');
const URI = 'file:///ws/errors.plan.yaml';

/** Applies LSP text edits to a text, last first, as an editor does. */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => off(b.range.start) - off(a.range.start))
    .reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

describe('language server over stdio: edits', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await serverWith(URI, ERRORS);
  });
  afterEach(async () => client.shutdown());

  it('offers renumber code actions with their edits on a numbering diagnostic, and applying one removes numbering errors', async () => {
    const diags = client.diagnostics.get(URI)!.diagnostics;
    const parent = diags.find((d) => d.code === 'numbering-parent')!;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri: URI }, range: parent.range, context: { diagnostics: [parent] } });
    const titles = actions.map((a: { title: string }) => a.title);
    assert.ok(titles.includes('Renumber the objectives of goal 2'), titles.join(' | '));
    assert.ok(titles.includes('Renumber the whole plan'), titles.join(' | '));
    const whole = actions.find((a: { title: string }) => a.title === 'Renumber the whole plan');
    const after = apply(ERRORS, whole.edit.changes[URI]);
    client.change(URI, 2, [{ text: after }]);
    const d = await client.waitForDiagnostics(URI, (p) => p.version === 2);
    assert.deepStrictEqual(d.filter((x) => /^numbering-(sequence|parent|duplicate)$/.test(String(x.code))), []);
  });

  it('renumbers the whole plan through workspace/executeCommand and workspace/applyEdit', async () => {
    const r = await client.request('workspace/executeCommand', { command: 'planwright.server.renumberPlan', arguments: [URI] });
    assert.ok(r.edits > 0);
    // With what it changed, for the editor's message: the with-errors sample's five numbers, no link.
    assert.deepStrictEqual([r.items, r.links], [5, 0]);
    for (let i = 0; i < 50 && !client.applied.length; i++) await new Promise((res) => setTimeout(res, 20));
    const change = client.applied[0].edit.documentChanges[0];
    assert.deepStrictEqual(change.textDocument, { uri: URI, version: 1 });
    const after = apply(ERRORS, change.edits);
    assert.match(after, /id: "2\.2"\s+# numbering-parent/);
  });

  it('refuses to rename a title, with a message that says what can be renamed', async () => {
    const line = ERRORS.split('\n').findIndex((l) => l.includes('title: Keep Cargo Moving'));
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: URI }, position: { line, character: 14 } }),
      /You can rename the number of a goal, objective or sub-objective, a unit id or a measure id/,
    );
  });

  it('renames a unit and every entry naming it', async () => {
    const line = ERRORS.split('\n').findIndex((l) => l.includes('id: SEC'));
    const character = ERRORS.split('\n')[line].indexOf('SEC') + 1;
    const prep = await client.request('textDocument/prepareRename', { textDocument: { uri: URI }, position: { line, character } });
    assert.strictEqual(prep.placeholder, 'SEC');
    const edit = await client.request('textDocument/rename', { textDocument: { uri: URI }, position: { line, character }, newName: 'SECURITY' });
    const after = apply(ERRORS, edit.changes[URI]);
    assert.match(after, /id: SECURITY, name: Port Security/);
    assert.match(after, /support: SECURITY/);
  });

  it('refuses to renumber a plan where an objective takes its number through a merge key, and the client gets the reason', async () => {
    const merged = 'file:///ws/merged.plan.yaml';
    const text = ['planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - &base', '        id: "1.1"', '        title: O', '      - <<: *base', '        title: P', ''].join('\n');
    client.open(merged, text);
    await client.waitForDiagnostics(merged, (p) => p.version === 1);
    await assert.rejects(
      client.request('workspace/executeCommand', { command: 'planwright.server.renumberPlan', arguments: [merged] }),
      /The number 1\.1 on line 8 is the number of 2 items/,
    );
    assert.deepStrictEqual(client.applied, []);
  });
});
