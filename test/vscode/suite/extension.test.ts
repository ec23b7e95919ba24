import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, ICE, PLAN_LANGUAGE, activeExtension, openSample } from './util';

describe('The Planwright extension', () => {
  it('is installed in the editor under the id planwright.planwright', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  });

  it('opens a .plan.yaml file as a strategic plan and is active then', async () => {
    const { doc } = await openSample(ICE);
    assert.strictEqual(doc.languageId, PLAN_LANGUAGE);
    const ext = await activeExtension();
    assert.ok(ext.isActive);
  });

  it('activates without loading the language server code, and reports how long activation took', async () => {
    const ext = await activeExtension();
    const bundle = fs.readFileSync(path.join(ext.extensionPath, 'dist', 'extension.js'), 'utf8');
    // The service's own names: none of them may be in the client bundle.
    for (const name of ['PlanParser', 'parseFull', 'splitBlocks', 'ajv']) assert.ok(!bundle.includes(name), `${name} is in the client bundle`);
    const api = ext.exports as { activationMs: number };
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0);
    // A budget belongs in a benchmark, not a test: the figure is printed for BENCHMARKS.md.
    console.log(`activation: ${api.activationMs.toFixed(1)} ms (bundle ${(bundle.length / 1024).toFixed(0)} KB)`);
  });
});
