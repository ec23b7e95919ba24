import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, PLAN_LANGUAGE, waitFor } from './util';

const SEED = path.resolve(__dirname, '../../../../test/fixtures/import/ice-strategic-plan-2021-2025.txt');

describe('Planwright: Import Plan from Document…', () => {
  it('writes the plan read from a PDF\'s text beside it, opens it as a plan with no YAML or schema problem, and never writes over it a second time', async () => {
    await activeExtension();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-import-'));
    const source = vscode.Uri.file(path.join(dir, 'ice.txt'));
    fs.copyFileSync(SEED, source.fsPath);
    const plan = await vscode.commands.executeCommand<vscode.Uri | undefined>('planwright.importDocument', source);
    assert.ok(plan, 'the command returns the plan it wrote');
    assert.strictEqual(path.basename(plan.fsPath), 'ice.plan.yaml');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.fsPath, plan.fsPath);
    assert.strictEqual(editor.document.languageId, PLAN_LANGUAGE);
    assert.match(editor.document.getText(), /^  - id: "5"\n    title: Strengthen and Expand Partnerships to Advance the Mission$/m);
    // The server checks the plan: no problem of the YAML or the schema (numbering and references are the plan's own).
    const symbols = await waitFor('the plan\'s outline', () => vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', plan), (s) => (s ?? []).filter((x) => /^\d /.test(x.name)).length === 5);
    assert.ok(symbols);
    const diagnostics = vscode.languages.getDiagnostics(plan);
    assert.deepStrictEqual(diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema').map((d) => d.message), []);
    const written = fs.readFileSync(plan.fsPath, 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('planwright.importDocument', source), undefined);
    assert.strictEqual(fs.readFileSync(plan.fsPath, 'utf8'), written);
  });
});
