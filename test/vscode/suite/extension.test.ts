import * as assert from 'assert';
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
});
