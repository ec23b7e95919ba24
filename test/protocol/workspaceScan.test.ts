// The server's workspace index uses the same folder scan as the CLI (server/src/planFiles.ts):
// links are followed, there is no depth limit, loops end, pipes are never opened.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { TestClient } from './lspClient';

describe('the server indexes the plans of a workspace folder', function () {
  this.timeout(30000);

  it('through symlinked plans and folders, at any depth, past a loop and a named pipe, each plan once', async () => {
    const ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-scan-')));
    const shared = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-shared-')));
    fs.writeFileSync(path.join(shared, 'units.plan.yaml'), 'planwright: 1\ntitle: Units\nunits:\n  - { id: HR, name: People }\ngoals:\n  - { id: "1", title: G }\n');
    fs.writeFileSync(path.join(shared, 'linked.plan.yaml'), 'planwright: 1\ntitle: Linked\ngoals:\n  - { id: "2", title: G }\n');
    fs.symlinkSync(shared, path.join(ws, 'shared')); // a folder outside the workspace, through a link
    fs.symlinkSync(path.join(shared, 'linked.plan.yaml'), path.join(ws, 'linked.plan.yaml')); // also reachable as shared/linked.plan.yaml
    const deep = path.join(ws, ...Array.from({ length: 30 }, (_, i) => `d${i}`));
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(deep, 'deep.plan.yaml'), 'planwright: 1\ntitle: Deep\ngoals:\n  - id: "1"\n    title: G\n    objectives:\n      - { id: "1.1", title: O, lead: HR }\n  - { id: "3", title: G }\n');
    fs.symlinkSync(ws, path.join(deep, 'top')); // a loop back to the workspace root
    execFileSync('mkfifo', [path.join(ws, 'pipe.plan.yaml')]);
    const client = new TestClient();
    try {
      await client.initialize(URI.file(ws).toString());
      const deepUri = URI.file(path.join(deep, 'deep.plan.yaml')).toString();
      // HR comes from the linked folder's plan: no unresolved reference, only the numbering gap.
      const d = await client.waitForDiagnostics(deepUri, undefined, 20000);
      assert.deepStrictEqual(d.map((x) => x.code), ['numbering-sequence']);
      const linked = await client.waitForDiagnostics(URI.file(path.join(ws, 'linked.plan.yaml')).toString(), undefined, 20000);
      assert.deepStrictEqual(linked.map((x) => x.code), ['numbering-sequence']);
      const plans = (await client.request<{ uri: string }[]>('planwright/plans', {})).map((p) => path.relative(ws, URI.parse(p.uri).fsPath).split(path.sep).join('/'));
      assert.deepStrictEqual(plans.sort(), [`${Array.from({ length: 30 }, (_, i) => `d${i}`).join('/')}/deep.plan.yaml`, 'linked.plan.yaml', 'shared/units.plan.yaml']);
      assert.strictEqual(client.proc.exitCode, null);
    } finally {
      await client.shutdown();
      fs.rmSync(ws, { recursive: true, force: true });
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });
});
