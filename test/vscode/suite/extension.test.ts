import * as assert from 'assert';
import * as vscode from 'vscode';

describe('The Planwright extension', () => {
  it('is installed in the editor under the id planwright.planwright', () => {
    const ext = vscode.extensions.getExtension('planwright.planwright');
    assert.ok(ext, `installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  });
});
