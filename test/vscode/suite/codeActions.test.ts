import * as assert from 'assert';
import * as vscode from 'vscode';
import { ICE, activeExtension, numberingDiagnostics, openSample, positionOf, revert, waitFor } from './util';

describe('Fixing numbering from the light bulb', () => {
  before(activeExtension);

  it('offers to renumber on a numbering error, and applying it leaves no numbering error', async () => {
    const { doc } = await openSample(ICE);
    const original = doc.getText();
    try {
      const at = positionOf(doc, 'id: "1.2"', 4);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(at, at.translate(0, 5)), '"1.7"');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const errors = await waitFor('a numbering error on objective 1.7', () => numberingDiagnostics(doc.uri), (ds) => ds.some((d) => d.range.start.line === at.line));
      const error = errors.find((d) => d.range.start.line === at.line)!;

      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, error.range);
      const titles = actions.map((a) => a.title);
      const renumber = actions.find((a): a is vscode.CodeAction => a.title === 'Renumber the whole plan' && 'edit' in a && !!a.edit);
      assert.ok(renumber, `a "Renumber the whole plan" action with an edit among: ${JSON.stringify(titles)}`);
      assert.strictEqual(renumber.kind?.value, vscode.CodeActionKind.QuickFix.value);

      assert.ok(await vscode.workspace.applyEdit(renumber.edit!));
      await waitFor('the numbering errors to go after renumbering', () => numberingDiagnostics(doc.uri), (ds) => ds.length === 0);
      // 1.1, 1.7, 1.3, 1.4 renumbered in order is the plan as published.
      assert.strictEqual(doc.getText(), original);
    } finally {
      await revert(doc);
    }
  });
});
