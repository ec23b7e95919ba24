import * as assert from 'assert';
import * as vscode from 'vscode';
import { ICE, activeExtension, codeOf, numberingDiagnostics, openSample, planwrightDiagnostics, positionOf, revert, sleep, waitFor } from './util';

describe('Fixing numbering from the light bulb', () => {
  before(activeExtension);

  it('typing 1.7 over 1.2 in the ICE plan gives exactly one problem, the numbering one, and its preferred fix leaves none', async () => {
    const { doc, editor } = await openSample(ICE);
    const original = doc.getText();
    try {
      await waitFor(`no problem in ${ICE}`, () => planwrightDiagnostics(doc.uri), (ds) => ds.length === 0, 15_000);
      // Select the number 1.2 of objective 1.2 (inside its quotes) and type 1.7 over it, key by key.
      const two = positionOf(doc, '- id: "1.2"', 9);
      assert.strictEqual(doc.getText(new vscode.Range(two.translate(0, -2), two.translate(0, 2))), '1.2"');
      editor.selection = new vscode.Selection(two.translate(0, -2), two.translate(0, 1));
      for (const ch of '1.7') await vscode.commands.executeCommand('type', { text: ch });
      assert.strictEqual(doc.lineAt(two.line).text, '      - id: "1.7"');

      const problems = () => planwrightDiagnostics(doc.uri).map((d) => ({ code: codeOf(d), line: d.range.start.line, message: d.message }));
      await waitFor('a problem on the line typed over', problems, (ds) => ds.some((d) => d.line === two.line));
      await sleep(1500); // any later diagnostics (a second pass, a stale version) would have come by now
      const after = planwrightDiagnostics(doc.uri);
      assert.deepStrictEqual(after.map((d) => ({ code: codeOf(d), line: d.range.start.line, message: d.message })), [
        { code: 'numbering-sequence', line: two.line, message: 'Objective 1.7 should be 1.2 (it follows 1.1 and precedes 1.3).' },
      ]);

      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, after[0].range);
      const preferred = actions.filter((a): a is vscode.CodeAction => 'isPreferred' in a && a.isPreferred === true);
      assert.deepStrictEqual(preferred.map((a) => a.title), ['Change to 1.2'], JSON.stringify(actions.map((a) => a.title)));
      assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
      assert.strictEqual(doc.getText(), original);
      await waitFor('no problem after the preferred fix', () => planwrightDiagnostics(doc.uri), (ds) => ds.length === 0);
      await sleep(1000);
      assert.deepStrictEqual(problems(), []);
    } finally {
      await revert(doc);
    }
  });

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
