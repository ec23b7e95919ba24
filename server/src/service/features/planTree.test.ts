import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { DHS_URI, ERRORS, ICE, ICE_URI, lines, load, MEASURES, textAt } from '../test-util';
import { provideDiagnostics } from './diagnostics';
import { filterPlanTree, planTreeLevel, providePlanTree, type PlanTreeNode } from './planTree';

function flatten(nodes: PlanTreeNode[]): PlanTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** label, errors, warnings of each node, children nested. */
type Counts = [string, number, number, Counts[]];
function counts(nodes: PlanTreeNode[]): Counts[] {
  return nodes.map((n) => [n.label, n.errors, n.warnings, counts(n.children)]);
}

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('plan tree', () => {
  describe('of the ICE plan', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const tree = providePlanTree(doc, provideDiagnostics(ws, doc));

    it('holds the 5 goals, 17 objectives and 53 sub-objectives, none with a problem', () => {
      const all = flatten(tree);
      assert.deepStrictEqual(tree.map((g) => g.label), ['1', '2', '3', '4', '5']);
      assert.strictEqual(all.filter((n) => n.kind === 'goal').length, 5);
      assert.strictEqual(all.filter((n) => n.kind === 'objective').length, 17);
      assert.strictEqual(all.filter((n) => n.kind === 'subobjective').length, 53);
      assert.ok(all.every((n) => n.errors === 0 && n.warnings === 0));
    });

    it('gives each node its number, title, whole range and the range of its number', () => {
      const [g] = tree;
      assert.strictEqual(g.id, '1');
      assert.strictEqual(g.kind, 'goal');
      assert.strictEqual(g.title, 'Empower the Workforce that Powers the Mission');
      assert.deepStrictEqual(g.range, r(125, 4, 272, 92));
      assert.deepStrictEqual(g.selectionRange, r(125, 8, 125, 11));
      const o = g.children[0];
      assert.deepStrictEqual([o.id, o.kind, o.label, o.title], ['1.1', 'objective', '1.1', 'Recruit, Hire, and Retain a Diverse and Highly Capable Workforce']);
      assert.strictEqual(textAt(doc, o.selectionRange), '"1.1"');
      const s = o.children[3];
      assert.deepStrictEqual([s.id, s.kind], ['1.1.4', 'subobjective']);
      assert.strictEqual(textAt(doc, s.range), 'id: "1.1.4"\n            title: Expand Strategic Information Technology Planning and Solutions to Support a Mobile and Flexible Workforce');
      assert.deepStrictEqual(s.children, []);
    });
  });

  it('counts the errors and warnings of each item, a goal adding up those of its objectives', () => {
    const { ws, doc } = load(ERRORS);
    const tree = providePlanTree(doc, provideDiagnostics(ws, doc));
    // 1.1: unresolved 2.9, missing 1.1.2 (under 1.1.3); 1.2: `titel` for its missing title (one problem), unit OPSS, and the unquoted 1.2 (warning);
    // goal 2: 3.2 under goal 2, 2.1 twice, 2.4.a; goal 3: the colon in its title (the YAML error only).
    assert.deepStrictEqual(counts(tree), [
      ['1', 4, 1, [['1.1', 2, 0, [['1.1.1', 0, 0, []], ['1.1.3', 1, 0, []]]], ['1.2', 2, 1, []]]],
      ['2', 3, 0, [['2.1', 0, 0, []], ['3.2', 1, 0, []], ['2.1', 1, 0, []], ['2.4.a', 1, 0, []]]],
      ['3', 1, 0, []],
    ]);
    // Its title is read as it will be once put in quotes, as the YAML error says.
    assert.strictEqual(tree[2].title, 'Grow Trade: Sustainably');
  });

  it('counts a diagnostic without severity as an error and ignores information and hints', () => {
    const { doc } = load(lines('title: T', 'goals:', '  - id: "1"', '    title: A', '  - id: "2"', '    title: B'));
    const at = (line: number, severity?: number) => ({ range: r(line, 6, line, 7), severity });
    const tree = providePlanTree(doc, [at(0, 1), at(2), at(3, 2), at(3, 3), at(3, 4), at(5, 1), at(5, 2), at(5, 2)]);
    assert.deepStrictEqual(counts(tree), [['1', 1, 1, []], ['2', 1, 2, []]]);
  });

  it('labels items without a number by their kind, and keeps their selection on the first line', () => {
    const { doc } = load(lines('goals:', '  - title: First', '    objectives:', '      - description: Later'));
    const [g] = providePlanTree(doc, []);
    assert.deepStrictEqual([g.id, g.label, g.title], ['', '(unnumbered goal)', 'First']);
    assert.deepStrictEqual(g.children.map((c) => c.label), ['(unnumbered objective)']);
    assert.strictEqual(textAt(doc, g.selectionRange), 'title: First');
  });

  it('counts UTF-16 characters on CRLF lines with non-ASCII titles', () => {
    const text = ['goals:', '  - id: "1"', '    title: Sécurité — 安全 🚢', '    objectives:', '      - { id: "1.1", title: "Été 😀" }', ''].join('\r\n');
    const { doc } = load(text);
    const [g] = providePlanTree(doc, [{ range: r(4, 30, 4, 31), severity: 2 }]);
    assert.strictEqual(g.title, 'Sécurité — 安全 🚢');
    assert.deepStrictEqual(g.range, r(1, 4, 4, 38));
    assert.deepStrictEqual(g.children[0].range, r(4, 8, 4, 38));
    assert.deepStrictEqual([g.warnings, g.children[0].warnings], [1, 1]);
  });

  it('does not throw on half-typed or broken plans', () => {
    for (const text of ['', 'goals:\n  -', 'goals:\n  - id:', 'goals:\n  - id: "1\n', 'goals: [ { id: "1", title: A }, ', 'goals:\n  - &a { id: "1", objectives: [*a] }\n']) {
      const { ws, doc } = load(text);
      providePlanTree(doc, provideDiagnostics(ws, doc));
    }
    const { doc } = load('goals:\n  - id:\n    title: T\n');
    assert.deepStrictEqual(providePlanTree(doc, []).map((n) => [n.id, n.label, n.title]), [['', '(unnumbered goal)', 'T']]);
  });

  it('after edits that move goals, add problems and take them away, equals the tree of a fresh read of the text', () => {
    const uri = 'file:///work/edited.plan.yaml';
    const { ws } = load(ICE, uri);
    const fresh = (text: string) => {
      const { ws: w, doc: d } = load(text, uri);
      return providePlanTree(d, provideDiagnostics(w, d));
    };
    let text = ICE;
    const edits: [string, string][] = [
      ['- id: "2.2"', '- id: "2.9"'], // a numbering problem in goal 2
      ['mission:', '# a new line above every goal\nmission:'], // every goal one line down
      ['- id: "2.9"', '- id: "2.2"'], // the problem taken away
      ['- id: "4.1"', '- id: "4.1"\n        lead: NOBODY'], // a reference problem in goal 4, lines below move
      ['# a new line above every goal\n', ''],
    ];
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), from);
      text = text.replace(from, to);
      const doc = ws.update(uri, text, 2);
      assert.deepStrictEqual(providePlanTree(doc, provideDiagnostics(ws, doc)), fresh(text), `after replacing ${from}`);
    }
  });

  describe('one level at a time', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const tree = providePlanTree(doc, provideDiagnostics(ws, doc));

    it('gives the goals with their children counted, not sent', () => {
      const goals = planTreeLevel(tree, [], 1);
      assert.deepStrictEqual(goals.map((g) => [g.label, g.children.length, g.childCount]), [['1', 0, 4], ['2', 0, 3], ['3', 0, 2], ['4', 0, 4], ['5', 0, 4]]);
      assert.deepStrictEqual({ ...goals[1], childCount: undefined, children: tree[1].children }, { ...tree[1], childCount: undefined });
    });

    it('gives the objectives of a goal and the sub-objectives of an objective by their place', () => {
      assert.deepStrictEqual(planTreeLevel(tree, [1], 1).map((o) => o.label), ['2.1', '2.2', '2.3']);
      const subs = planTreeLevel(tree, [0, 0], 1);
      assert.deepStrictEqual(subs.map((s) => s.label), tree[0].children[0].children.map((s) => s.label));
      assert.ok(subs.every((s) => s.childCount === 0));
    });

    it('sends more levels when asked, and nothing for a place that does not exist', () => {
      const two = planTreeLevel(tree, [], 2);
      assert.deepStrictEqual(two[0].children.map((o) => [o.label, o.children.length, o.childCount]), tree[0].children.map((o) => [o.label, 0, o.children.length]));
      assert.deepStrictEqual(planTreeLevel(tree, [9], 1), []);
      assert.deepStrictEqual(planTreeLevel(tree, [0, 99, 1], 1), []);
    });
  });

  describe('with measures', () => {
    it('gives each item its measures with their latest status, and a count over the measures at and under it', () => {
      const { doc } = load(MEASURES, 'file:///m.plan.yaml');
      const tree = providePlanTree(doc, []);
      assert.deepStrictEqual(flatten(tree).map((n) => [n.id, n.measureSummary, n.measures?.map((m) => [m.id, m.status, m.year, m.statusText])]), [
        ['1', '1 of 3 measures met in FY2027', [['PM-1', 'not met', 2027, '✗ not met in FY2027']]],
        ['1.1', '1 of 1 measure met in FY2026', [['PM-1.1.1', 'met', 2026, '✓ met in FY2026']]],
        ['1.2', '1 of 1 measure met in FY2027', [['PM-1.2.1', 'met', 2027, '✓ met in FY2027']]],
        ['2', '2 of 2 measures met in FY2026', undefined],
        ['2.1', '2 of 2 measures met in FY2026', [['PM-2.1.1', 'met', 2026, '✓ met in FY2026'], ['PM-2.1.2', 'met', 2026, '✓ met in FY2026']]],
      ]);
      assert.strictEqual(textAt(doc, tree[0].measures![0].selectionRange), 'PM-1');
    });

    it('adds nothing to the items of a plan without measures', () => {
      const { doc } = load(ICE, ICE_URI);
      assert.ok(flatten(providePlanTree(doc, [])).every((n) => !('measures' in n) && !('measureSummary' in n)));
    });
  });

  describe('filtered to measures not met', () => {
    /** Labels, children nested. */
    type Shape = [string, Shape[]];
    const shape = (nodes: PlanTreeNode[]): Shape[] => nodes.map((n) => [n.label, shape(n.children)]);

    it('keeps only the items with a measure not met in its latest year with a result, and the items above them', () => {
      // PM-1 (goal 1) missed its FY2027 target; PM-2.1.2's FY2026 result now misses its target too.
      const { doc } = load(MEASURES.replace('results: { 2026: satisfied }', 'results: { 2026: unsatisfied }'), 'file:///m.plan.yaml');
      const tree = providePlanTree(doc, []);
      assert.deepStrictEqual(shape(filterPlanTree(tree, 'measures-not-met')), [['1', []], ['2', [['2.1', []]]]]);
      // Items are as the whole tree gives them: their measures, counts and ranges.
      assert.deepStrictEqual(filterPlanTree(tree, 'measures-not-met')[1].children[0], tree[1].children[0]);
      assert.strictEqual(filterPlanTree(tree, undefined), tree);
    });

    it('keeps a goal whose own measures are met for an objective under it that has one not met', () => {
      const { doc } = load(MEASURES.replace('            results:\n              2026: 5\n', '            results:\n              2026: 3\n').replace('results: { 2026: 73, 2027: 73 }', 'results: { 2026: 73, 2027: 75 }'), 'file:///m.plan.yaml');
      const filtered = filterPlanTree(providePlanTree(doc, []), 'measures-not-met');
      assert.deepStrictEqual(shape(filtered), [['1', [['1.1', []]]]]);
      // One level at a time, the places count within the filtered tree.
      assert.deepStrictEqual(planTreeLevel(filtered, [0], 1).map((n) => [n.label, n.childCount]), [['1.1', 0]]);
    });

    it('is empty for a plan whose measures are all met or have no result', () => {
      const { doc } = load(MEASURES.replace('results: { 2026: 73, 2027: 73 }', 'results: { 2026: 73 }'), 'file:///m.plan.yaml');
      assert.deepStrictEqual(filterPlanTree(providePlanTree(doc, []), 'measures-not-met'), []);
      assert.deepStrictEqual(filterPlanTree(providePlanTree(load(ICE, ICE_URI).doc, []), 'measures-not-met'), []);
    });
  });
});


describe('plan tree across aligned plans', () => {
  const aligned = (nodes: PlanTreeNode[]) => flatten(nodes).filter((n) => n.supportedBy || n.supports).map((n) => [n.label, n.supportedBy, n.supports]);

  it('says under each DHS item which ICE items align to it, and under each ICE item which DHS item it supports (titles clipped as in hovers)', () => {
    const { ws, doc: ice } = load(ICE, ICE_URI);
    const dhs = ws.get(DHS_URI)!;
    assert.deepStrictEqual(aligned(providePlanTree(dhs, provideDiagnostics(ws, dhs), ws)), [
      ['1', ['ICE 2 Counter Threats and Protect the Homeland'], undefined],
      ['2', ['ICE 3 Safeguard the Integrity of our…'], undefined],
      ['3', ['ICE 4.3 Counter Cybercrime, and Protect Against…'], undefined],
      ['4', ['ICE 4.2 Combat Illicit Financial Enterprises and…', 'ICE 4.4 Enforce U.S. Trade Laws and Protect…'], undefined],
      ['6', ['ICE 1 Empower the Workforce that Powers the…'], undefined],
    ]);
    assert.deepStrictEqual(aligned(providePlanTree(ice, provideDiagnostics(ws, ice), ws)), [
      ['1', undefined, ['DHS 6 Champion the DHS Workforce and…']],
      ['2', undefined, ['DHS 1 Counter Terrorism and Homeland Security…']],
      ['3', undefined, ['DHS 2 Secure U.S. Borders and Approaches']],
      ['4.2', undefined, ["DHS 4 Preserve and Uphold the Nation's…"]],
      ['4.3', undefined, ['DHS 3 Secure Cyberspace and Critical…']],
      ['4.4', undefined, ["DHS 4 Preserve and Uphold the Nation's…"]],
    ]);
  });

  it('follows a child plan\'s edit in the parent\'s tree, though the parent did not change', () => {
    const { ws } = load(ICE, ICE_URI);
    const dhs = ws.get(DHS_URI)!;
    assert.strictEqual(flatten(providePlanTree(dhs, provideDiagnostics(ws, dhs), ws)).find((n) => n.label === '6')?.supportedBy?.length, 1);
    load(ICE.replace('    aligns: DHS 6\n', ''), ICE_URI, ws);
    assert.strictEqual(flatten(providePlanTree(dhs, provideDiagnostics(ws, dhs), ws)).find((n) => n.label === '6')?.supportedBy, undefined);
  });
});
