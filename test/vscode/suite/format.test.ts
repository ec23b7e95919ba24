import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { ICE, activeExtension, openSample, positionOf, waitFor } from './util';

// A messy copy of a plan: keys out of order, lists at the key's column, 4-space and 6-space
// indentation, a dotted number unquoted, trailing spaces, no blank line between the goals.
const MESSY = [
  '# A messy plan, as a writer might leave it',
  'title: Harbor Pln   # the title',
  'planwright: 1',
  'units:',
  '- { id: OPS, name: Port Operations }',
  'goals:',
  '- title: Keep Cargo Moving',
  '  id: "1"',
  '  objectives:',
  '      - title: Shorten Berth Waiting Times   ',
  '        id: 1.1',
  '        lead: OPS',
  '        description: |',
  '            Ships wait less.',
  '              (measured at the berth)',
  '- id: "2"',
  '  title: Safe Waters',
  '  objectives:',
  '      - id: "2.1"',
  '        title: Patrol the Channel',
  '        related: ["1.1"]',
  '',
].join('\n');

const CANONICAL = [
  '# A messy plan, as a writer might leave it',
  'planwright: 1',
  'title: Harbor Plan   # the title',
  'units:',
  '  - { id: OPS, name: Port Operations }',
  'goals:',
  '  - id: "1"',
  '    title: Keep Cargo Moving',
  '    objectives:',
  '      - id: "1.1"',
  '        title: Shorten Berth Waiting Times',
  '        description: |',
  '          Ships wait less.',
  '            (measured at the berth)',
  '        lead: OPS',
  '',
  '  - id: "2"',
  '    title: Safe Waters',
  '    objectives:',
  '      - id: "2.1"',
  '        title: Patrol the Channel',
  '        related: ["1.1"]',
  '',
].join('\n');

const labelOf = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

describe('Formatting and inlay hints', () => {
  before(async () => {
    await activeExtension();
  });

  it('formats a messy plan on save when the workspace turns format-on-save on, and the file on disk is in the canonical layout', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const file = path.join(folder, 'messy-harbor.plan.yaml');
    fs.writeFileSync(file, MESSY);
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'strategic-plan' });
    // Workspace settings (.vscode/settings.json of the test folder), for plans only.
    await config.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      assert.strictEqual(doc.languageId, 'strategic-plan');
      // The server has read the plan (its diagnostics are in), then a change to save.
      await waitFor('the plan read by the server', () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0)), (h) => Array.isArray(h) && h.length > 0);
      // The writer fixes a typo in the title, then saves.
      await editor.edit((e) => e.replace(new vscode.Range(1, 7, 1, 17), 'Harbor Plan'));
      assert.ok(doc.isDirty);
      await doc.save();
      await waitFor('the formatted plan on disk', () => fs.readFileSync(file, 'utf8'), (t) => t === CANONICAL, 20_000);
      assert.strictEqual(doc.getText(), CANONICAL);
    } finally {
      await config.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });

  it("shows the title of the item each related entry names, and the unit's name after lead and support", async () => {
    const { doc } = await openSample(ICE);
    const at = positionOf(doc, 'related: ["2.2", "4.3.1"]');
    const hints = await waitFor(
      'inlay hints on the related line',
      () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(at.line - 12, 0, at.line + 1, 0)),
      (h) => Array.isArray(h) && h.some((x) => x.position.line === at.line),
    );
    const onLine = hints.filter((h) => h.position.line === at.line).map(labelOf);
    assert.deepStrictEqual(onLine, ['▸ Generate, Analyze, and Share Actionable…', '▸ Keep Pace with Emerging Technology to…']);
    const lead = positionOf(doc, 'lead: M&A');
    const leadHints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(lead.line, 0, lead.line + 1, 0));
    assert.deepStrictEqual(leadHints.map(labelOf), ['▸ Management and Administration']);
  });
});
