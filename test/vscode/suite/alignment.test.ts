import * as assert from 'assert';
import * as vscode from 'vscode';
import { DHS, ICE, activeExtension, openSample, positionOf, sampleUri, waitFor } from './util';

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
