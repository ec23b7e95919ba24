import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeExtension, hoverText, openSample, positionOf, waitFor } from './util';

const MEASURES = 'measures-example.plan.yaml';

describe('Performance measures in the editor', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activeExtension();
    ({ doc } = await openSample(MEASURES));
  });

  after(async () => {
    // Leave the editor as the other suites expect it: only their samples open.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('hovers a measure id and shows its name, unit, direction, lead and a year table of targets, results and met or not', async () => {
    const at = positionOf(doc, 'id: PM-1.2.1', 6);
    const text = await waitFor(
      'the hover of measure PM-1.2.1',
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)),
      (t) => t.includes('PM\\-1.2.1') || t.includes('PM-1.2.1'),
    );
    assert.match(text, /\*\*Measure PM\\?-1\.2\.1\*\* — Days to fix a reported hazard \(median\)/);
    assert.match(text, /Unit: days · Direction: decrease · Kind: efficiency · Lead: PARKS \(Parks Division\)/);
    const table = text.split('\n').filter((l) => l.startsWith('|'));
    assert.deepStrictEqual(table, [
      '| Fiscal year | Target | Result | Status |',
      '|---|---:|---:|---|',
      '| 2025 (baseline) | | 12 | |',
      '| FY2026 | 10 | 11 | ✗ not met |',
      '| FY2027 | 8 | 8 | ✓ met |',
      '| FY2028 | 7 |  | – no result yet |',
    ]);
  });
});
