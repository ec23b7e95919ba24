import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { ICE, activeExtension, openSample, sampleUri, waitFor } from './util';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/stratml');

describe('StratML in the editor', () => {
  it('Import StratML… writes the plan beside the StratML file and opens it, with goals and objectives in its outline', async () => {
    await activeExtension();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-stratml-e2e-'));
    const xml = path.join(dir, 'smlc-2011.xml');
    fs.copyFileSync(path.join(FIXTURES, 'smlc-2011-annual-report.xml'), xml);
    const target = (await vscode.commands.executeCommand('planwright.importStratml', vscode.Uri.file(xml))) as vscode.Uri;
    assert.strictEqual(target.fsPath, path.join(dir, 'smlc-2011.plan.yaml'));
    assert.ok(fs.existsSync(target.fsPath));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath);
    // Goals are symbols whose detail starts with "Goal" (at the top or under the goals section), their objectives under them.
    const goalsOf = (ss: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] => ss.flatMap((x) => (x.detail?.startsWith('Goal') ? [x] : goalsOf(x.children ?? [])));
    const goals = await waitFor(
      'the outline of the imported plan',
      async () => goalsOf(((await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', target)) as vscode.DocumentSymbol[] | undefined) ?? []),
      (g) => g.length === 3,
    );
    assert.deepStrictEqual(goals.map((g) => g.name.split(' ')[0]), ['1', '2', '3']);
    assert.ok(goals[0].children.some((c) => c.name.startsWith('1.1 ')), JSON.stringify(goals[0].children.map((c) => c.name)));
    // Importing again never replaces the plan: the second one is NAME-2.plan.yaml.
    const again = (await vscode.commands.executeCommand('planwright.importStratml', vscode.Uri.file(xml))) as vscode.Uri;
    assert.strictEqual(again.fsPath, path.join(dir, 'smlc-2011-2.plan.yaml'));
  });

  it('Export Plan… as StratML writes the ICE sample as a Part 1 file that validates against the official schema', async () => {
    await openSample(ICE);
    const to = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-stratml-e2e-')), 'ice.xml'));
    const written = (await vscode.commands.executeCommand('planwright.exportPlan', sampleUri(ICE), { format: 'stratml', to })) as vscode.Uri;
    assert.strictEqual(written.fsPath, to.fsPath);
    const xml = fs.readFileSync(to.fsPath, 'utf8');
    assert.match(xml, /<StrategicPlan xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core">/);
    const r = spawnSync('xmllint', ['--noout', '--schema', path.join(FIXTURES, 'StrategicPlanISOVersion20140401.xsd'), to.fsPath], { encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr || String(r.error));
  });
});
