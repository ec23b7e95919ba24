import * as assert from 'assert';
import { createLanguageService, type PlanLanguageService } from '..';
import { DHS, DHS_URI, ICE, ICE_URI, load } from '../test-util';
import { lensCache } from './codeLensCache';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

/** The lenses of `uri` as an editor shows them: listed, then each resolved. */
const shown = (s: PlanLanguageService, uri: string) => s.getCodeLenses(uri).map((l) => s.resolveCodeLens(l));
const supported = (lenses: { command?: { title: string } }[]) => lenses.map((l) => l.command?.title ?? '').filter((t) => t.startsWith('supported by'));

describe('code lenses once per version', () => {
  it('computes a plan\'s lenses once while neither it nor any other plan changes', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const lensesPerVersion = lensCache<object>();
    let calls = 0;
    const compute = () => (calls++, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
    const first = lensesPerVersion(ws, doc, compute);
    assert.strictEqual(lensesPerVersion(ws, ws.get(ICE_URI)!, compute), first);
    assert.strictEqual(calls, 1);
    // A new version of the same text reads as the same model: still no new computation.
    ws.update(ICE_URI, ICE, 2);
    lensesPerVersion(ws, ws.get(ICE_URI)!, compute);
    assert.strictEqual(calls, 1);
  });

  it('computes them again when the plan changes, when another plan changes, and when a plan comes or goes', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const lensesPerVersion = lensCache<object>();
    let calls = 0;
    const compute = () => (calls++, []);
    lensesPerVersion(ws, doc, compute);
    ws.update(ICE_URI, ICE.replace('Empower the Workforce', 'Empower the Staff'), 2);
    lensesPerVersion(ws, ws.get(ICE_URI)!, compute);
    assert.strictEqual(calls, 2, 'the plan changed');
    ws.update(DHS_URI, DHS.replace('Champion', 'Champion!'), 2);
    lensesPerVersion(ws, ws.get(ICE_URI)!, compute);
    assert.strictEqual(calls, 3, 'another plan changed');
    ws.update('file:///work/samples/other.plan.yaml', 'planwright: 1\ntitle: Other\n', 1);
    lensesPerVersion(ws, ws.get(ICE_URI)!, compute);
    assert.strictEqual(calls, 4, 'a plan came');
    ws.remove('file:///work/samples/other.plan.yaml');
    lensesPerVersion(ws, ws.get(ICE_URI)!, compute);
    assert.strictEqual(calls, 5, 'a plan went');
  });

  it('keeps nothing of another plan\'s older version once any plan\'s lenses are asked for after it changed', async () => {
    // (gc, as --expose-gc gives it, for this test: whether an old version can be collected.)
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const s = createLanguageService();
    const own = 'file:///work/samples/own.plan.yaml';
    const big = 'file:///work/samples/big.plan.yaml';
    s.update(own, 'planwright: 1\ntitle: Own\nunits:\n  - { id: OWN, name: Own }\ngoals:\n  - { id: "1", title: G }\n', 1);
    const text = (title: string) => `planwright: 1\ntitle: Big\ngoals:\n  - id: "1"\n    title: ${title}\n    objectives:\n      - { id: "1.1", title: O, lead: OWN }\n`;
    s.update(big, text('First'), 1);
    // The first plan's lenses count the other plan's entry naming its unit.
    assert.deepStrictEqual(shown(s, own).map((l) => l.command?.title), ['1 reference']);
    const old = new WeakRef(s.workspace.get(big)!);
    // The other plan is edited on; only its own lenses are asked for (the first plan is not on screen).
    s.update(big, text('Second'), 2);
    s.getCodeLenses(big);
    await new Promise((r) => setImmediate(r));
    gc();
    assert.ok(old.deref() === undefined, 'the first plan\'s lenses keep the other plan\'s old version alive');
    assert.deepStrictEqual(shown(s, own).map((l) => l.command?.title), ['1 reference']);
  });

  it('shows in the parent\'s lenses a child\'s new aligns entry, though the parent did not change', () => {
    const s = createLanguageService();
    s.update(DHS_URI, DHS, 1);
    s.update(ICE_URI, ICE, 1);
    const before = supported(shown(s, DHS_URI));
    assert.ok(before.includes('supported by ICE 1'), before.join(' | '));
    s.update(ICE_URI, ICE.replace('    aligns: DHS 6\n', '    aligns: DHS 5\n'), 2);
    // Goal 5 now, goal 6 no more.
    assert.deepStrictEqual(shown(s, DHS_URI).filter((l) => l.command?.title === 'supported by ICE 1').map((l) => l.range.start.line), [DHS.split('\n').findIndex((l) => l.includes('id: "5"'))]);
  });

  it('keeps each service\'s lenses apart: two services over one workspace resolve their own lenses', () => {
    const { ws } = load(ICE, ICE_URI);
    const other = 'file:///work/samples/other.plan.yaml';
    ws.update(other, 'planwright: 1\ntitle: Other\nunits:\n  - { id: OWN, name: Own }\ngoals:\n  - id: "1"\n    objectives:\n      - { id: "1.1", lead: OWN }\n', 1);
    const a = createLanguageService(ws);
    const b = createLanguageService(ws);
    // Each numbers the plans in the order it first lists them.
    a.getCodeLenses(ICE_URI);
    const listedByA = a.getCodeLenses(other);
    const listedByB = b.getCodeLenses(other);
    assert.deepStrictEqual([listedByA, listedByB].map((l) => (l[0].data as unknown[])[0]), [1, 0]);
    assert.strictEqual(b.resolveCodeLens(listedByB[0]).command?.title, '1 reference');
    assert.strictEqual(a.resolveCodeLens(listedByA[0]).command?.title, '1 reference');
  });

  it('gives the same list while no plan changes, and resolves a lens of it from the same index', () => {
    const s = createLanguageService();
    s.update(DHS_URI, DHS, 1);
    s.update(ICE_URI, ICE, 1);
    const list = s.getCodeLenses(ICE_URI);
    assert.strictEqual(s.getCodeLenses(ICE_URI), list);
    const hsi = list.find((l) => (l.data as unknown[])[2] === 'HSI')!;
    assert.strictEqual(s.resolveCodeLens(hsi).command?.title, '10 references');
    assert.strictEqual(s.getCodeLenses(ICE_URI), list, 'resolving keeps the list');
    // Another plan names HSI, which it does not define: a new list, and the lens counts the entry.
    s.update('file:///work/samples/other.plan.yaml', 'planwright: 1\ntitle: Other\ngoals:\n  - id: "1"\n    objectives:\n      - { id: "1.1", lead: HSI }\n', 1);
    assert.notStrictEqual(s.getCodeLenses(ICE_URI), list);
    assert.strictEqual(s.resolveCodeLens(hsi).command?.title, '11 references');
  });
});
