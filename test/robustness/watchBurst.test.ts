// A `git checkout` that touches every plan: one notification of 1,500 "changed" events, read by
// a server whose open-file limit is low. No plan may be lost, none may be read as gone.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { TestClient } from '../protocol/lspClient';

const N = 1500;
const UNITS = 'planwright: 1\ntitle: Units\nunits:\n  - { id: SHARED, name: Shared office }\ngoals:\n  - { id: "1", title: G }\n';
const plan = (i: number, v: number) =>
  `planwright: 1\ntitle: Plan ${i} v${v}\ngoals:\n  - id: "1"\n    title: Goal\n    objectives:\n      - id: "1.1"\n        title: Objective\n        lead: SHARED\n`;

describe('a burst of file-watch events', function () {
  this.timeout(180000);

  it('re-reads 1,500 changed plans under a 256 open-file limit without losing one or reporting their units unresolved', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-burst-'));
    const file = (i: number) => path.join(dir, `team-${i % 20}`, `p${i}.plan.yaml`);
    const units = path.join(dir, 'units.plan.yaml');
    fs.writeFileSync(units, UNITS);
    for (let i = 0; i < N; i++) {
      fs.mkdirSync(path.dirname(file(i)), { recursive: true });
      fs.writeFileSync(file(i), plan(i, 1));
    }
    const uris = [URI.file(units).toString(), ...Array.from({ length: N }, (_, i) => URI.file(file(i)).toString())];
    const client = new TestClient([], { maxOpenFiles: 256 });
    try {
      await client.initialize(URI.file(dir).toString(), { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
      for (const uri of uris) assert.deepStrictEqual(await client.waitForDiagnostics(uri, undefined, 60000), [], uri);

      // Every file is rewritten (the units file unchanged in content), and reported at once.
      for (let i = 0; i < N; i++) fs.writeFileSync(file(i), plan(i, 2));
      fs.writeFileSync(units, UNITS);
      client.diagnostics.clear();
      const t0 = Date.now();
      client.notify('workspace/didChangeWatchedFiles', { changes: uris.map((uri) => ({ uri, type: 2 })) });
      // The units file reads as before: its diagnostics are not published again (only what
      // changed is); every rewritten plan's are.
      const changed = uris.slice(1);
      for (const uri of changed) await client.waitForDiagnostics(uri, undefined, 60000);
      const settled = Date.now() - t0;

      const plans: { uri: string; title: string }[] = await client.request('planwright/plans', {});
      assert.strictEqual(plans.length, N + 1, `plans lost: ${N + 1 - plans.length}`);
      const titles = new Set(plans.map((p) => p.title));
      for (let i = 0; i < N; i++) assert.ok(titles.has(`Plan ${i} v2`), `plan ${i} was not read again`);
      const wrong = uris.filter((uri) => (client.diagnostics.get(uri)?.diagnostics.length ?? 0) > 0);
      assert.deepStrictEqual(wrong, [], `plans with diagnostics after the burst: ${wrong.length}`);
      assert.strictEqual(client.proc.exitCode, null);
      console.log(`      ${N + 1} change events settled in ${settled} ms, ${N + 1 - plans.length} plans lost`);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
