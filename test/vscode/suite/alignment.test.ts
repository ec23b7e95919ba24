import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DHS, ICE, activeExtension, codeOf, openSample, planwrightDiagnostics, positionOf, sampleUri, waitFor } from './util';

describe('Plans that align: from the ICE plan to the DHS plan and back', () => {
  let ice: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    ({ doc: ice } = await openSample(ICE));
  });

  it('goes from the aligns entry of ICE goal 1 to goal 6 of the DHS plan, which it opens there, and lists the ICE entry among the references of that DHS goal', async () => {
    const entry = positionOf(ice, 'aligns: DHS 6', 'aligns: DHS '.length);
    // The DHS plan is not open: the server found it in the workspace folder.
    const found = await waitFor(
      'the definition of the entry DHS 6',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', ice.uri, entry),
      (f) => Array.isArray(f) && f.length > 0,
    );
    assert.strictEqual(found.length, 1, JSON.stringify(found));
    const [d] = found;
    const uri = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetUri' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
    assert.strictEqual(uri.toString(), sampleUri(DHS).toString());
    // Go to Definition, as a person runs it with the cursor on the entry: the DHS plan opens at goal 6.
    const iceEditor = await vscode.window.showTextDocument(ice, { preview: false });
    iceEditor.selection = new vscode.Selection(entry, entry);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const editor = await waitFor('the DHS plan in the editor', () => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === sampleUri(DHS).toString(), 15_000);
    const dhs = editor!.document;
    assert.strictEqual(editor!.selection.start.line, positionOf(dhs, 'id: "6"').line);
    assert.strictEqual(dhs.getText(range), '"6"');

    const refs = await waitFor(
      'the references of DHS goal 6',
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', dhs.uri, positionOf(dhs, 'id: "6"', 5)),
      (r) => Array.isArray(r) && r.some((l) => l.uri.toString() === ice.uri.toString()),
    );
    const fromIce = refs.filter((l) => l.uri.toString() === ice.uri.toString());
    assert.deepStrictEqual(fromIce.map((l) => ice.getText(l.range)), ['DHS 6']);
    assert.strictEqual(fromIce[0].range.start.line, entry.line);
  });
});

describe('A parent plan outside the workspace folder (`parents: { DEP: ../outside/... }`)', () => {
  const PARENT = ['planwright: 1', 'title: Department Plan', 'organization: { name: Department, acronym: DEP }', 'goals:', '  - id: "1"', '    title: Secure', '    objectives:', '      - { id: "1.1", title: Manage Borders }', ''].join('\n');
  const CHILD = ['planwright: 1', 'title: Component Plan', 'organization: { name: Component, acronym: CMP }', 'parents: { DEP: ../outside/dep.plan.yaml }', 'goals:', '  - id: "1"', '    title: Enforce', '    aligns: [DEP 1.1]', ''].join('\n');
  let folder: string;
  let outside: string;
  let childFile: string;

  before(async () => {
    await activeExtension();
    folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    outside = path.join(path.dirname(folder), 'outside');
    childFile = path.join(folder, 'cmp-outside.plan.yaml');
    fs.mkdirSync(outside, { recursive: true });
    fs.writeFileSync(path.join(outside, 'dep.plan.yaml'), PARENT);
    fs.writeFileSync(childFile, CHILD);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(childFile, { force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('resolves the child\'s entry in it, opens it on Go to Definition, and checks the child again when it changes on disk', async () => {
    const child = await vscode.workspace.openTextDocument(vscode.Uri.file(childFile));
    await vscode.window.showTextDocument(child, { preview: false });
    const parentUri = vscode.Uri.file(path.join(outside, 'dep.plan.yaml'));
    const entry = positionOf(child, 'DEP 1.1', 5);
    const found = await waitFor(
      'the definition of DEP 1.1 in the plan outside the workspace',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', child.uri, entry),
      (f) => Array.isArray(f) && f.length === 1,
    );
    const d = found[0];
    assert.strictEqual(('targetUri' in d ? d.targetUri : d.uri).toString(), parentUri.toString());
    assert.deepStrictEqual(planwrightDiagnostics(child.uri).map(codeOf), []);
    // The parent changes on disk (not open): the editor's watcher outside the folder reports it.
    fs.writeFileSync(parentUri.fsPath, PARENT.replace('"1.1"', '"1.2"'));
    const after = await waitFor('the child checked again against the changed parent', () => planwrightDiagnostics(child.uri), (ds) => ds.length === 1, 30_000);
    assert.deepStrictEqual(after.map(codeOf), ['alignment-unresolved']);
    assert.match(after[0].message, /^DEP has no objective 1\.1; did you mean 1\.2\?/);
    assert.deepStrictEqual(planwrightDiagnostics(parentUri), [], 'the parent\'s own problems are not shown');
  });
});
