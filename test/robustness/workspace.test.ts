// Workspaces with hundreds of plan files, some of which vanish or change on disk while the
// server indexes them: what it publishes stays that of the files as they are.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { TestClient } from '../protocol/lspClient';

function plan(i: number, extra = ''): string {
  return `planwright: 1\ntitle: Plan ${i}\ngoals:\n  - id: "1"\n    title: Goal\n    objectives:\n      - id: "1.1"\n        title: Objective\n        lead: SHARED\n${extra}`;
}

describe('a workspace of hundreds of plans', function () {
  this.timeout(120000);

  it('checks every plan on disk, follows files that change or vanish, and resolves units across them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-many-'));
    const N = 300;
    fs.writeFileSync(path.join(dir, 'units.plan.yaml'), 'planwright: 1\ntitle: Units\nunits:\n  - { id: SHARED, name: Shared office }\ngoals:\n  - { id: "1", title: G }\n');
    for (let i = 0; i < N; i++) {
      const sub = path.join(dir, `team-${i % 10}`);
      fs.mkdirSync(sub, { recursive: true });
      fs.writeFileSync(path.join(sub, `p${i}.plan.yaml`), plan(i, i % 50 === 0 ? '      - { id: "1.3", title: Gap }\n' : ''));
    }
    const uriOf = (i: number) => URI.file(path.join(dir, `team-${i % 10}`, `p${i}.plan.yaml`)).toString();
    const client = new TestClient();
    try {
      await client.initialize(URI.file(dir).toString(), { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
      // Every plan is checked: the ones with a gap have exactly one numbering error, the others none.
      for (let i = 0; i < N; i++) {
        const d = await client.waitForDiagnostics(uriOf(i), undefined, 60000);
        assert.deepStrictEqual(d.map((x) => x.code), i % 50 === 0 ? ['numbering-sequence'] : [], `plan ${i}`);
      }
      // A plan changes on disk, another vanishes, the shared units file vanishes.
      fs.writeFileSync(path.join(dir, 'team-1', 'p1.plan.yaml'), plan(1, '      - { id: "1.5", title: Gap }\n'));
      fs.rmSync(path.join(dir, 'team-2', 'p2.plan.yaml'));
      client.conn.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [
          { uri: uriOf(1), type: 2 },
          { uri: uriOf(2), type: 3 },
        ],
      });
      await client.waitForDiagnostics(uriOf(1), (p) => p.diagnostics.some((d) => d.code === 'numbering-sequence'));
      await client.waitForDiagnostics(uriOf(2), (p) => p.diagnostics.length === 0);
      // A change reported for a file that is gone by the time the server reads it is dropped.
      fs.rmSync(path.join(dir, 'units.plan.yaml'));
      client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, 'units.plan.yaml')).toString(), type: 2 }] });
      // Without the units file, every `lead: SHARED` is now unresolved.
      const d5 = await client.waitForDiagnostics(uriOf(5), (p) => p.diagnostics.some((d) => d.code === 'reference-unresolved'));
      assert.match(d5[0].message, /SHARED/);
      const plans = await client.request('planwright/plans', {});
      assert.strictEqual(plans.length, N - 1);
      assert.strictEqual(client.proc.exitCode, null);
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
