// Code lenses in two steps over stdio: textDocument/codeLens lists where they go, codeLens/resolve
// gives the title and the places of the lenses the editor shows, from the text as it is then.
import * as assert from 'assert';
import { TestClient } from './lspClient';

// The editor's spelling of the URI; the server's own is `r%26d.plan.yaml` (uris.ts).
const URI = 'file:///ws/r&d.plan.yaml';
const PLAN = [
  'planwright: 1',
  'title: Research Plan',
  'units:',
  '  - { id: LAB, name: Laboratory }',
  'goals:',
  '  - id: "1"',
  '    title: Grow research',
  '    objectives:',
  '      - { id: "1.1", title: Fund labs, lead: LAB }',
  '      - { id: "1.2", title: Share results, related: ["1.1"] }',
  '',
].join('\n');

interface Lens {
  range: { start: { line: number; character: number } };
  data?: unknown;
  command?: { title: string; command: string; arguments?: unknown[] };
}

describe('language server over stdio: code lenses resolved', function () {
  this.timeout(20000);
  let client: TestClient;
  let resolveProvider: unknown;
  beforeEach(async () => {
    client = new TestClient();
    resolveProvider = (await client.initialize('file:///ws', {})).capabilities.codeLensProvider?.resolveProvider;
    client.open(URI, PLAN);
    await client.waitForDiagnostics(URI);
  });
  afterEach(async () => client.shutdown());

  const list = (): Promise<Lens[]> => client.request('textDocument/codeLens', { textDocument: { uri: URI } });
  const resolve = (lens: Lens): Promise<Lens> => client.request('codeLens/resolve', lens);

  it('lists lenses with a range and a few bytes of data, and resolves one to its title and places under the editor\'s spelling of the URI', async () => {
    assert.strictEqual(resolveProvider, true);
    const lenses = await list();
    assert.deepStrictEqual(lenses.map((l) => [l.range.start.line, l.command, JSON.stringify(l.data).length <= 20]), [[3, undefined, true], [8, undefined, true]]);
    const item = await resolve(lenses[1]);
    assert.strictEqual(item.command!.title, '1 reference');
    assert.strictEqual(item.command!.command, 'planwright.showReferences');
    assert.deepStrictEqual(item.command!.arguments, [URI, { line: 8, character: 14 }, [{ uri: URI, range: { start: { line: 9, character: 53 }, end: { line: 9, character: 58 } } }]]);
    assert.deepStrictEqual(item.range, lenses[1].range);
    const unit = await resolve(lenses[0]);
    assert.strictEqual(unit.command!.title, '1 reference');
  });

  it('resolves a lens from the text as edited after the list, without waiting for the check: a new entry counts, and a lens no entry names any more gets an empty title', async () => {
    const [unit, item] = await list();
    // A third objective names 1.1, and 1.1 stops naming LAB: sent, then resolved at once.
    client.change(URI, 2, [
      { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: '      - { id: "1.3", title: Publish, related: "1.1" }\n' },
      { range: { start: { line: 8, character: 37 }, end: { line: 8, character: 48 } }, text: '' },
    ]);
    const [u, i] = await Promise.all([resolve(unit), resolve(item)]);
    assert.strictEqual(i.command!.title, '2 references');
    assert.deepStrictEqual((i.command!.arguments![2] as { range: { start: { line: number } } }[]).map((l) => l.range.start.line), [9, 10]);
    assert.deepStrictEqual(u.command, { title: '', command: '' });
    // The list of the new version has no lens on LAB.
    assert.deepStrictEqual((await list()).map((l) => l.range.start.line), [8]);
    // A lens of a plan the server no longer knows, or not one of its own: an empty title, no error.
    client.close(URI);
    assert.deepStrictEqual((await resolve(item)).command, { title: '', command: '' });
    assert.deepStrictEqual((await resolve({ range: item.range, data: { other: 'server' } })).command, { title: '', command: '' });
  });
});
