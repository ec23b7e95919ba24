// When the server checks and publishes, relative to what it reads (issue #17, items 10, 11, 13):
// a burst of changes is checked once, at its last version; a change in one plan republishes only
// the plans whose diagnostics it changed, after the requests already sent; a huge plan is read in
// slices, answering requests about other plans meanwhile.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { createLanguageService } from '../../server/src/service';
import { generatePlan } from '../bench/generate';
import { ROOT, TestClient } from './lspClient';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');

function fresh(uri: string, text: string) {
  const s = createLanguageService();
  s.update(uri, text, 1);
  return JSON.parse(JSON.stringify(s.getDiagnostics(uri)));
}

describe('scheduling of checks over stdio', function () {
  this.timeout(120000);

  it('checks 200 changes that arrive in one write once, publishing the last version only', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///burst/ice.plan.yaml';
      client.open(uri, ICE, 1);
      await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const before = client.published.length;
      // Typing into the plan's title (line 23, after `title: `): 200 characters, one change each.
      let text = ICE;
      const lineStart = ICE.split('\n').slice(0, 22).join('\n').length + 1;
      const messages = [];
      for (let i = 0; i < 200; i++) {
        const character = 'title: '.length + i;
        text = text.slice(0, lineStart + character) + 'y' + text.slice(lineStart + character);
        messages.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 + i }, contentChanges: [{ range: { start: { line: 22, character }, end: { line: 22, character } }, text: 'y' }] } });
      }
      client.writeAtOnce(messages);
      const last = await client.waitForDiagnostics(uri, (p) => p.version === 201, 60000);
      await new Promise((r) => setTimeout(r, 300));
      const after = client.published.slice(before).filter((p) => p.uri === uri);
      assert.ok(after.length <= 2, `${after.length} publishes for one burst`);
      assert.strictEqual(after[after.length - 1].version, 201);
      assert.deepStrictEqual(last, fresh(uri, text));
    } finally {
      await client.shutdown();
    }
  });

  /** A workspace of open plans naming units of `units.plan.yaml`: plan i names RARE when rare(i). */
  async function workspaceOf(client: TestClient, n: number, rare: (i: number) => boolean, objectives = 1) {
    const units = 'file:///ws/units.plan.yaml';
    client.open(units, 'planwright: 1\ntitle: Units\nunits:\n  - { id: SHARED, name: Shared office }\n  - { id: RARE, name: Rare office }\ngoals:\n  - { id: "1", title: G }\n');
    const uriOf = (i: number) => `file:///ws/p${i}.plan.yaml`;
    for (let i = 0; i < n; i++) {
      const lead = rare(i) ? 'RARE' : 'SHARED';
      const objs = Array.from({ length: objectives }, (_, k) => `      - id: "1.${k + 1}"\n        title: Objective\n        lead: ${lead}\n`).join('');
      client.open(uriOf(i), `planwright: 1\ntitle: Plan ${i}\ngoals:\n  - id: "1"\n    title: Goal\n    objectives:\n${objs}`);
    }
    await client.waitForDiagnostics(uriOf(n - 1), undefined, 60000);
    await client.waitForDiagnostics(units);
    // Quiet: everything opened has been checked.
    for (let seen = -1; seen !== client.published.length; ) {
      seen = client.published.length;
      await new Promise((r) => setTimeout(r, 200));
    }
    return { units, uriOf };
  }

  /** `RARE` → `RAREX` in the units plan (a keystroke in a unit id). */
  const typeInUnitId = { range: { start: { line: 4, character: 14 }, end: { line: 4, character: 14 } }, text: 'X' };

  it('after a keystroke in a unit id, republishes only the plans whose diagnostics changed', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const n = 600;
      const rare = (i: number) => i % 6 === 0;
      const { units, uriOf } = await workspaceOf(client, n, rare);
      const before = client.published.length;
      client.change(units, 2, [typeInUnitId]);
      await client.waitForDiagnostics(uriOf(0), (p) => p.diagnostics.some((d) => d.code === 'reference-unresolved'));
      await new Promise((r) => setTimeout(r, 500));
      const republished = new Set(client.published.slice(before).map((p) => p.uri));
      const expected = new Set([units, ...Array.from({ length: n }, (_, i) => i).filter(rare).map(uriOf)]);
      assert.deepStrictEqual([...republished].sort(), [...expected].sort());
      assert.strictEqual(client.published.length - before, expected.size, 'each plan once');
    } finally {
      await client.shutdown();
    }
  });

  it('answers a request sent during the re-check of the workspace before that re-check ends', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const n = 2000;
      // Each plan names the unit 20 times: re-checking them all takes long enough to ask meanwhile.
      const { units, uriOf } = await workspaceOf(client, n, () => true, 20);
      const before = client.published.length;
      client.change(units, 2, [typeInUnitId]);
      // As soon as the edited plan is published, ask about another plan.
      await client.waitForDiagnostics(units, (p) => p.version === 2);
      const hover = client.request('textDocument/hover', { textDocument: { uri: uriOf(1) }, position: { line: 8, character: 15 } }).then(() => client.published.length);
      await client.waitForDiagnostics(uriOf(n - 1), (p) => p.diagnostics.length === 20);
      const publishedWhenAnswered = await hover;
      const total = before + n + 1;
      assert.ok(publishedWhenAnswered < total, `the hover was answered after all ${n} plans were published again`);
      await new Promise((r) => setTimeout(r, 300));
      assert.strictEqual(client.published.length, total);
    } finally {
      await client.shutdown();
    }
  });

  it('answers requests about other plans while it reads a large plan', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const small = 'file:///big/small.plan.yaml';
      client.open(small, 'planwright: 1\ntitle: Small\nunits:\n  - { id: U, name: Unit }\ngoals:\n  - id: "1"\n    title: Goal\n    lead: U\n');
      await client.waitForDiagnostics(small);
      const big = 'file:///big/big.plan.yaml';
      const text = generatePlan({ goals: 200, objectives: 10, subobjectives: 8 }).text;
      client.open(big, text);
      const opened = performance.now();
      let publishedBig = false;
      const done = client.waitForDiagnostics(big, undefined, 60000).then(() => (publishedBig = true));
      let answeredBefore = 0;
      while (!publishedBig) {
        await client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 7, character: 10 } });
        if (!publishedBig) answeredBefore++;
        await new Promise((r) => setTimeout(r, 5));
      }
      await done;
      // One hover may be read before the read starts; the others are sent after it started.
      assert.ok(answeredBefore >= 3, `${answeredBefore} requests about another plan answered during the ${(performance.now() - opened).toFixed(0)} ms read`);
      assert.deepStrictEqual(client.diagnostics.get(big)!.diagnostics, fresh(big, text));
    } finally {
      await client.shutdown();
    }
  });
});
