import * as assert from 'assert';
import { PlanWorkspace } from '../documents';
import { planDiagnostics } from '../features/diagnostics';
import { componentPlan, DEPT, DHS, DHS_URI, lines } from '../test-util';

const DEPT_URI = 'file:///work/dept/dept.plan.yaml';
const CHILD_URI = 'file:///work/cmp/cmp.plan.yaml';

/** The alignment problems of the child plan, as [code, text at the range, message]. */
function problems(child: string, plans: [string, string][] = [[DEPT_URI, DEPT]], ws = new PlanWorkspace()) {
  for (const [uri, text] of plans) ws.update(uri, text, 1);
  const doc = ws.update(CHILD_URI, child, 1);
  return planDiagnostics(ws, doc)
    .filter((d) => d.code.startsWith('alignment-'))
    .map((d) => [d.code, child.slice(d.span.start, d.span.end), d.message]);
}

describe('alignment checks', () => {
  it('accepts entries naming a goal, an objective of the one plan with that acronym, written plain or quoted', () => {
    assert.deepStrictEqual(problems(componentPlan('DHS 2', '"DHS 2.3"', "'DHS 1.1'")), []);
  });

  it('reads `aligns` of objectives, sub-objectives and measures, one entry or a list', () => {
    const child = lines(
      'planwright: 1',
      'title: C',
      'organization: { name: C, acronym: CMP }',
      'goals:',
      '  - id: "1"',
      '    title: G',
      '    objectives:',
      '      - id: "1.1"',
      '        title: O',
      '        aligns: DHS 2.9',
      '        subobjectives:',
      '          - { id: "1.1.1", title: S, aligns: [DHS 1.9] }',
      '        measures:',
      '          - { id: PM-1, name: N, aligns: DHS 2.8 }',
    );
    assert.deepStrictEqual(problems(child).map((p) => p[1]), ['DHS 2.9', 'DHS 1.9', 'DHS 2.8']);
  });

  describe('alignment-unresolved', () => {
    it('names the number the parent lacks, with the closest number of the same level and the parent plan', () => {
      assert.deepStrictEqual(problems(componentPlan('DHS 2.9')), [
        ['alignment-unresolved', 'DHS 2.9', 'DHS has no objective 2.9; did you mean 2.3? DHS\'s plan is dept.plan.yaml (Department Plan 2020-2024).'],
      ]);
    });

    it('says when no plan of the workspace has the acronym, suggesting a close one', () => {
      assert.deepStrictEqual(problems(componentPlan('DSH 1')), [
        ['alignment-unresolved', 'DSH 1', "No plan in the workspace has the acronym DSH; did you mean DHS? Open the folder that holds DSH's plan, or give its file together with this one to `planwright check`."],
      ]);
    });

    it('says that the plan\'s own acronym names no other plan', () => {
      assert.match(String(problems(componentPlan('CMP 1'))[0][2]), /^CMP is this plan's own acronym/);
    });

    it('makes the entries unresolved when the parent plan leaves the workspace, and resolved again when it comes back', () => {
      const ws = new PlanWorkspace();
      assert.deepStrictEqual(problems(componentPlan('DHS 2.1'), [[DEPT_URI, DEPT]], ws), []);
      ws.remove(DEPT_URI);
      assert.deepStrictEqual(problems(componentPlan('DHS 2.1'), [], ws).map((p) => p[0]), ['alignment-unresolved']);
      assert.deepStrictEqual(problems(componentPlan('DHS 2.1'), [[DEPT_URI, DEPT]], ws), []);
    });

    it('follows the parent\'s edits: a number renumbered away makes the entry unresolved, without the child changing', () => {
      const ws = new PlanWorkspace();
      const child = componentPlan('DHS 2.3');
      assert.deepStrictEqual(problems(child, [[DEPT_URI, DEPT]], ws), []);
      assert.deepStrictEqual(problems(child, [[DEPT_URI, DEPT.replace('"2.3"', '"2.4"')]], ws).map((p) => p[0]), ['alignment-unresolved']);
    });

    it('reports a `parents:` path where no plan is, on the entry, pointing at the path', () => {
      const child = componentPlan('DHS 1').replace('goals:', 'parents: { DHS: ../dhs/nowhere.plan.yaml }\ngoals:');
      assert.deepStrictEqual(problems(child), [
        ['alignment-unresolved', 'DHS 1', "`parents:` says DHS's plan is ../dhs/nowhere.plan.yaml, but no plan is there. Correct the path (it is relative to this plan's file), or open the folder that holds it."],
      ]);
    });

    it('says why, when the host could not read the file `parents:` names, and that a path to the plan itself is its own file', () => {
      const ws = new PlanWorkspace();
      ws.setUnreadable('file:///work/dhs/loop.plan.yaml', 'the link loops back on itself');
      const looping = componentPlan('DHS 1').replace('goals:', 'parents: { DHS: ../dhs/loop.plan.yaml }\ngoals:');
      assert.deepStrictEqual(problems(looping, [], ws).map((p) => p[2]), [
        "`parents:` says DHS's plan is ../dhs/loop.plan.yaml, but it cannot be read: the link loops back on itself. Correct the path (it is relative to this plan's file), or the file.",
      ]);
      const self = componentPlan('DHS 1').replace('goals:', 'parents: { DHS: ./cmp.plan.yaml }\ngoals:');
      assert.deepStrictEqual(problems(self, [], ws).map((p) => p[2]), ["`parents:` says DHS's plan is ./cmp.plan.yaml, which is this plan's own file. Give the path of DHS's plan (relative to this plan's file)."]);
    });
  });

  describe('a `parents:` entry the schema rejects', () => {
    /** Every diagnostic of the child plan (schema ones too), as [code, text at the range]. */
    function all(child: string, plans: [string, string][]) {
      const ws = new PlanWorkspace();
      for (const [uri, text] of plans) ws.update(uri, text, 1);
      return planDiagnostics(ws, ws.update(CHILD_URI, child, 1)).map((d) => [d.code, child.slice(d.span.start, d.span.end)]);
    }

    it('is one mistake with one diagnostic, the schema\'s: an empty or non-text path adds no alignment error', () => {
      for (const value of ['""', "''", '3', '[a]']) {
        const child = componentPlan('Z 1').replace('goals:', `parents: { Z: ${value} }\ngoals:`);
        const found = all(child, [[DEPT_URI, DEPT]]);
        assert.deepStrictEqual(found.map((d) => d[0]), ['schema'], `${value}: ${JSON.stringify(found)}`);
      }
    });

    it('leaves the acronym alone to name the plan: one DHS plan resolves the entry, two are not reported again', () => {
      const child = componentPlan('DHS 1', 'DHS 9').replace('goals:', 'parents: { DHS: "" }\ngoals:');
      assert.deepStrictEqual(all(child, [[DEPT_URI, DEPT]]).map((d) => d[0]), ['schema', 'alignment-unresolved']);
      assert.deepStrictEqual(all(child, [[DEPT_URI, DEPT]])[1][1], 'DHS 9');
      assert.deepStrictEqual(all(child, [[DEPT_URI, DEPT], [DHS_URI, DHS]]).map((d) => d[0]), ['schema']);
    });

    it('still reports a path that is text but names no plan', () => {
      const child = componentPlan('Z 1').replace('goals:', 'parents: { Z: " " }\ngoals:');
      assert.deepStrictEqual(all(child, [[DEPT_URI, DEPT]]).map((d) => d[0]), ['alignment-unresolved']);
    });
  });

  describe('alignment-ambiguous', () => {
    const both: [string, string][] = [[DEPT_URI, DEPT], [DHS_URI, DHS]];

    it('lists the plans that have the acronym when `parents:` does not say which', () => {
      assert.deepStrictEqual(problems(componentPlan('DHS 1'), both), [
        ['alignment-ambiguous', 'DHS 1', '2 plans have the acronym DHS: dept.plan.yaml (Department Plan 2020-2024); dhs-strategic-plan-2020-2024.plan.yaml (The DHS Strategic Plan, Fiscal Years 2020-2024). Say which one this plan aligns to with a top-level `parents:` map, e.g. `parents: { DHS: dept.plan.yaml }` (a path relative to this plan\'s file).'],
      ]);
    });

    it('resolves against the file `parents:` names, relative to the plan\'s file', () => {
      const child = componentPlan('DHS 2.3', 'DHS 2.1', 'DHS 6').replace('goals:', 'parents: { DHS: ../samples/dhs-strategic-plan-2020-2024.plan.yaml }\ngoals:');
      // The sample has 2.1 and goal 6, not 2.3.
      assert.deepStrictEqual(problems(child, both).map((p) => [p[0], p[1]]), [['alignment-unresolved', 'DHS 2.3']]);
    });
  });

  describe('alignment-format', () => {
    it('reports an entry that is not an acronym, a space and a number', () => {
      assert.deepStrictEqual(problems(componentPlan('DHS', '"2.3"', 'DHS-2.3', 'DHS 2.x')).map((p) => [p[0], p[1]]), [
        ['alignment-format', 'DHS'],
        ['alignment-format', '"2.3"'],
        ['alignment-format', 'DHS-2.3'],
        ['alignment-format', 'DHS 2.x'],
      ]);
      assert.match(String(problems(componentPlan('DHS'))[0][2]), /^"DHS" is not an acronym and a number\. An `aligns` entry is the acronym of another plan/);
    });
  });

  describe('the alignment generation (what makes the server check every plan again)', () => {
    it('moves when a plan\'s acronym, numbers or titles change or a plan with an acronym comes or goes, not when a child or an untouched part changes', () => {
      const ws = new PlanWorkspace();
      ws.update(DEPT_URI, DEPT, 1);
      ws.update(CHILD_URI, componentPlan('DHS 1'), 1);
      const moved = (f: () => void) => {
        const before = ws.alignmentGeneration;
        f();
        return ws.alignmentGeneration !== before;
      };
      assert.strictEqual(moved(() => ws.update(CHILD_URI, componentPlan('DHS 2'), 2)), false);
      assert.strictEqual(moved(() => ws.update(DEPT_URI, DEPT.replace('- { id: "1.1", title: Share Intelligence, lead: PLCY }', '- { id: "1.1", title: Share Intelligence, lead: [PLCY] }'), 2)), false);
      assert.strictEqual(moved(() => ws.update(DEPT_URI, DEPT.replace('title: Secure Borders', 'title: Secure the Borders'), 3)), true);
      assert.strictEqual(moved(() => ws.update(DEPT_URI, DEPT.replace('"2.3"', '"2.4"'), 4)), true);
      assert.strictEqual(moved(() => ws.update(DEPT_URI, DEPT.replace('acronym: DHS', 'acronym: DOH'), 5)), true);
      assert.strictEqual(moved(() => ws.remove(DEPT_URI)), true);
      assert.strictEqual(moved(() => ws.update(DHS_URI, DHS, 1)), true);
    });

    it('moves when two titles change even where joining them would read the same (a NUL character inside a title)', () => {
      const plan = (goalTitle: string, objectiveTitle: string) =>
        lines('planwright: 1', 'title: P', 'organization: { name: P, acronym: PRT }', 'goals:', '  - id: "1"', `    title: "${goalTitle}"`, '    objectives:', '      - id: "1.1"', `        title: "${objectiveTitle}"`);
      const ws = new PlanWorkspace();
      // Goal "1" then objective "1.1": "P\0 1.1\0 Q" + "R" and "P" + "Q\0 1.1\0 R" join alike with a NUL between the parts.
      ws.update(DEPT_URI, plan('P\\x001.1\\x00Q', 'R'), 1);
      const before = ws.alignmentGeneration;
      const doc = ws.update(DEPT_URI, plan('P', 'Q\\x001.1\\x00R'), 2);
      assert.deepStrictEqual(doc.model.items.map((i) => i.title), ['P', 'Q\u00001.1\u0000R']);
      assert.notStrictEqual(ws.alignmentGeneration, before);
    });
  });
});
