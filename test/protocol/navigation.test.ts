import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, serverWith, TestClient } from './lspClient';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const URI_ICE = 'file:///ws/ice.plan.yaml';

/** LSP position of the nth occurrence of a needle in the ICE text. */
function pos(needle: string, delta = 0, nth = 1) {
  let i = -1;
  for (let k = 0; k < nth; k++) i = ICE.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const off = i + delta;
  const before = ICE.slice(0, off);
  const line = before.split('\n').length - 1;
  return { line, character: off - before.lastIndexOf('\n') - 1 };
}

describe('language server over stdio: navigation', function () {
  let client: TestClient;
  before(async () => {
    client = await serverWith(URI_ICE, ICE);
  });
  after(async () => client.shutdown());

  // The first `related` entry naming 2.2, wherever the sample puts it.
  const relatedTo22 = () => {
    const line = ICE.split('\n').findIndex((l) => /related:.*"2\.2"/.test(l));
    assert.ok(line >= 0, 'the sample links to 2.2');
    return { line, character: ICE.split('\n')[line].indexOf('"2.2"') + 2 };
  };

  it('hovers a related number with the title and place of the item it names', async () => {
    const h = await client.request('textDocument/hover', { textDocument: { uri: URI_ICE }, position: relatedTo22() });
    assert.match(h.contents.value, /Generate, Analyze, and Share Actionable Intelligence/);
    assert.match(h.contents.value, /Goal 2 › Objective 2\.2/);
  });

  it('goes from a related number to the objective it names', async () => {
    const locs = await client.request('textDocument/definition', { textDocument: { uri: URI_ICE }, position: relatedTo22() });
    assert.deepStrictEqual(locs, [{ uri: URI_ICE, range: { start: pos('id: "2.2"', 4), end: pos('id: "2.2"', 9) } }]);
  });

  it('finds every reference to objective 2.2 from its id', async () => {
    const expected = ICE.split('\n').filter((l) => /related:.*"2\.2"/.test(l) || /^\s+- "2\.2"/.test(l)).length;
    const locs = await client.request('textDocument/references', { textDocument: { uri: URI_ICE }, position: pos('id: "2.2"', 5), context: { includeDeclaration: true } });
    assert.strictEqual(locs.length, expected + 1);
    assert.ok(locs.some((l: { range: { start: unknown } }) => JSON.stringify(l.range.start) === JSON.stringify(pos('id: "2.2"', 4))));
  });

  it('highlights a unit where it is defined and where it is used', async () => {
    const hl = await client.request('textDocument/documentHighlight', { textDocument: { uri: URI_ICE }, position: pos('id: HSI', 5) });
    assert.ok(hl.length > 2);
    assert.strictEqual(hl.filter((h: { kind: number }) => h.kind === 3).length, 1);
  });

  it('answers null, not an error, for a document it does not know', async () => {
    assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.plan.yaml' }, position: { line: 0, character: 0 } }), null);
  });
});

describe('language server over stdio: completion', () => {
  let client: TestClient;
  after(async () => client.shutdown());

  it('offers the plan units after `lead: ` with their names', async () => {
    client = new TestClient();
    await client.initialize();
    const text = ICE.replace('lead: M&A', 'lead: ');
    client.open(URI_ICE, text);
    const line = text.split('\n').findIndex((l) => l.endsWith('lead: '));
    const list = await client.request('textDocument/completion', { textDocument: { uri: URI_ICE }, position: { line, character: text.split('\n')[line].length } });
    const items = list.items as { label: string; detail?: string }[];
    assert.deepStrictEqual(items.slice(0, 2).map((i) => i.label), ['OD', 'ERO']);
    assert.strictEqual(items.find((i) => i.label === 'ERO')!.detail, 'Enforcement and Removal Operations');
  });
});

describe('language server over stdio: structure', () => {
  let client: TestClient;
  before(async () => {
    client = await serverWith(URI_ICE, ICE);
  });
  after(async () => client.shutdown());

  it('lists the plan goals, objectives and sub-objectives as document symbols', async () => {
    const symbols = (await client.request('textDocument/documentSymbol', { textDocument: { uri: URI_ICE } })) as { name: string; detail?: string; children?: any[] }[];
    const goals = symbols.filter((s) => s.detail === 'Goal');
    assert.deepStrictEqual(goals.map((g) => g.name.split(' ')[0]), ['1', '2', '3', '4', '5']);
    assert.strictEqual(goals[0].name, '1 Empower the Workforce that Powers the Mission');
    assert.strictEqual(goals.flatMap((g) => g.children!).length, 17);
  });

  it('caps the outline at the maxItemsComputed setting, from the start and when it changes', async () => {
    const capped = new TestClient();
    try {
      // ICE: 4 section symbols + 3 values + 6 units, then 5 goals, 17 objectives, 53 sub-objectives.
      await capped.initialize(null, {}, { maxItemsComputed: 40 });
      capped.open(URI_ICE, ICE);
      await capped.waitForDiagnostics(URI_ICE);
      const count = (ss: { children?: any[] }[]): number => ss.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
      const first = await capped.request('textDocument/documentSymbol', { textDocument: { uri: URI_ICE } });
      assert.strictEqual(count(first), 13 + 5 + 17);
      assert.match(first.find((s: any) => s.name.startsWith('1 ')).children[0].detail, /^Objective · \d+ sub-objectives? not listed here$/);
      capped.notify('workspace/didChangeConfiguration', { settings: { planwright: { maxItemsComputed: 0 } } });
      let all = 0;
      for (let i = 0; i < 50 && all !== 13 + 75; i++) {
        all = count(await capped.request('textDocument/documentSymbol', { textDocument: { uri: URI_ICE } }));
        if (all !== 13 + 75) await new Promise((r) => setTimeout(r, 20));
      }
      assert.strictEqual(all, 13 + 75);
    } finally {
      await capped.shutdown();
    }
  });

  it('gives the Plan view one level of the tree at a time when asked with a depth', async () => {
    const goals = await client.request('planwright/planTree', { uri: URI_ICE, path: [], depth: 1 });
    assert.deepStrictEqual(goals.map((g: any) => [g.label, g.children.length, g.childCount]), [['1', 0, 4], ['2', 0, 3], ['3', 0, 2], ['4', 0, 4], ['5', 0, 4]]);
    const objectives = await client.request('planwright/planTree', { uri: URI_ICE, path: [1], depth: 1 });
    assert.deepStrictEqual(objectives.map((o: any) => o.label), ['2.1', '2.2', '2.3']);
    assert.deepStrictEqual(await client.request('planwright/planTree', { uri: URI_ICE, path: ['x'], depth: 1 }), goals, 'a path that is not indices reads as the goals');
  });

  it('gives the Plan view only the items with a measure not met, and their ancestors, when asked with that filter', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'samples/measures-example.plan.yaml'), 'utf8');
    const uri = 'file:///ws/measures.plan.yaml';
    // A server of its own: the other tests see the ICE plan alone.
    const own = await serverWith(uri, text);
    try {
      const all = await own.request('planwright/planTree', { uri, path: [], depth: 1 });
      assert.deepStrictEqual(all.map((g: any) => [g.label, g.childCount]), [['1', 2], ['2', 1]]);
      // Only PM-1, goal 1's own measure, missed its latest target (FY2027).
      const notMet = await own.request('planwright/planTree', { uri, path: [], depth: 1, filter: 'measures-not-met' });
      assert.deepStrictEqual(notMet.map((g: any) => [g.label, g.childCount, g.measures.map((m: any) => m.statusText)]), [['1', 0, ['✗ not met in FY2027']]]);
      assert.deepStrictEqual(await own.request('planwright/planTree', { uri, path: [], depth: 1, filter: 'something else' }), all, 'an unknown filter shows everything');
    } finally {
      await own.shutdown();
    }
  });

  it('gives the Plan view its tree and the list of plans with problem counts', async () => {
    const tree = await client.request('planwright/planTree', { uri: URI_ICE });
    assert.strictEqual(tree.length, 5);
    assert.strictEqual(tree[0].children[0].label, '1.1');
    const plans = await client.request('planwright/plans', {});
    // The DHS plan ICE aligns to (opened beside it), then ICE.
    assert.deepStrictEqual(plans, [
      { uri: 'file:///ws/dhs-strategic-plan-2020-2024.plan.yaml', title: 'The DHS Strategic Plan, Fiscal Years 2020-2024', errors: 0, warnings: 0 },
      { uri: URI_ICE, title: 'U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025', errors: 0, warnings: 0 },
    ]);
  });

  it('finds workspace symbols by number and by words of a title', async () => {
    const byNumber = await client.request('workspace/symbol', { query: '2.3' });
    assert.strictEqual(byNumber[0].name.split(' ')[0], '2.3');
    const byWords = await client.request('workspace/symbol', { query: 'recr hire' });
    assert.match(byWords[0].name, /^1\.1 Recruit, Hire/);
  });

  it('returns folding ranges and code lenses', async () => {
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri: URI_ICE } });
    assert.ok(folds.length > 70);
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: URI_ICE } });
    const resolved = await Promise.all(lenses.map((l: object) => client.request('codeLens/resolve', l)));
    assert.ok(resolved.length > 0 && resolved.every((l: { command: { title: string } }) => /^\d+ references?$/.test(l.command.title)), JSON.stringify(resolved.map((l) => l.command.title)));
  });
});

describe('language server over stdio: selection ranges', () => {
  let client: TestClient;
  after(async () => client.shutdown());

  it('grows the selection from a related number to its list, its field, its objective and beyond', async () => {
    client = await serverWith(URI_ICE, ICE);
    const line = ICE.split('\n').findIndex((l) => /related: \[.*"2\.2"/.test(l));
    const character = ICE.split('\n')[line].indexOf('"2.2"') + 2;
    const [sel] = await client.request('textDocument/selectionRange', { textDocument: { uri: URI_ICE }, positions: [{ line, character }] });
    const chain: { start: { line: number; character: number }; end: { line: number; character: number } }[] = [];
    for (let s = sel; s; s = s.parent) chain.push(s.range);
    assert.ok(chain.length >= 5, JSON.stringify(chain));
    assert.deepStrictEqual(chain[0], { start: { line, character: character - 2 }, end: { line, character: character + 3 } });
    // Each range strictly contains the one before it.
    const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
    for (let i = 1; i < chain.length; i++) {
      assert.ok(key(chain[i].start) <= key(chain[i - 1].start) && key(chain[i].end) >= key(chain[i - 1].end));
      assert.notDeepStrictEqual(chain[i], chain[i - 1]);
    }
  });
});
