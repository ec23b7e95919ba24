import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as vscode from 'vscode';
import { EXTENSION_ID, ICE, numberingDiagnostics, openSample, positionOf, revert, waitFor } from './util';

/** PIDs of the Planwright language servers this editor started (node …/dist/server.js). */
function serverPids(): number[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  const script = `${ext.extensionPath}/dist/server.js`;
  try {
    return execFileSync('pgrep', ['-f', script], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number).filter((p) => p !== process.pid);
  } catch {
    return [];
  }
}

describe('Crash recovery', () => {
  it('restarts a killed language server and checks the open plans again', async function () {
    this.timeout(90_000);
    const { doc, editor } = await openSample(ICE);
    const before = await waitFor('a running language server', serverPids, (p) => p.length > 0);
    try {
      for (const pid of before) process.kill(pid, 'SIGKILL');
      // vscode-languageclient restarts a server that dies (up to 4 times in 3 minutes).
      await waitFor('a new language server', serverPids, (p) => p.length > 0 && p.every((x) => !before.includes(x)), 30_000);
      // The open document was handed to the new server: an edit is checked again.
      const at = positionOf(doc, 'id: "1.2"', 4);
      await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 3)), '1.7'));
      const d = await waitFor('a numbering error from the restarted server', () => numberingDiagnostics(doc.uri), (ds) => ds.length > 0, 30_000);
      assert.ok(d.some((x) => x.message.includes('1.7')));
    } finally {
      await revert(doc);
    }
  });
});
