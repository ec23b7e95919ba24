import * as assert from 'assert';
import { PlanWorkspace } from './documents';
import { externalEditProblem, wantedParents } from './externalPlans';
import { lines } from './test-util';

const plan = (acronym: string, parents?: string) =>
  lines('planwright: 1', `title: ${acronym} Plan`, `organization: { name: ${acronym}, acronym: ${acronym} }`, ...(parents ? [`parents: { ${parents} }`] : []), 'goals:', '  - { id: "1", title: G }');

describe('parent plans outside the workspace', () => {
  describe('wantedParents', () => {
    it('names the files the plans of the workspace name in `parents:`, and those the files read name in turn', () => {
      const ws = new PlanWorkspace();
      ws.update('file:///ws/cmp.plan.yaml', plan('CMP', 'DEP: ../dep/dep.plan.yaml'));
      assert.deepStrictEqual(wantedParents(ws), { uris: ['file:///dep/dep.plan.yaml'], over: 0 });
      ws.update('file:///dep/dep.plan.yaml', plan('DEP', 'GOV: /gov/gov.yaml'));
      ws.setExternal('file:///dep/dep.plan.yaml', true);
      assert.deepStrictEqual(wantedParents(ws).uris, ['file:///dep/dep.plan.yaml', 'file:///gov/gov.yaml']);
    });

    it('leaves out a path back to the plan itself and the plans of the workspace', () => {
      const ws = new PlanWorkspace();
      ws.update('file:///ws/cmp.plan.yaml', plan('CMP', 'CMP: cmp.plan.yaml, DEP: ./dep.plan.yaml, X: ""'));
      ws.update('file:///ws/dep.plan.yaml', plan('DEP', 'CMP: ./cmp.plan.yaml'));
      assert.deepStrictEqual(wantedParents(ws), { uris: [], over: 0 });
    });

    it('names no file only external plans name (a parent no plan of the workspace names any more is not wanted)', () => {
      const ws = new PlanWorkspace();
      ws.update('file:///ws/cmp.plan.yaml', plan('CMP'));
      ws.update('file:///dep/dep.plan.yaml', plan('DEP', 'GOV: /gov/gov.yaml'));
      ws.setExternal('file:///dep/dep.plan.yaml', true);
      assert.deepStrictEqual(wantedParents(ws).uris, []);
    });

    it('names at most `limit` files, and counts the rest', () => {
      const ws = new PlanWorkspace();
      ws.update('file:///ws/cmp.plan.yaml', plan('CMP', 'A: /a.yaml, B: /b.yaml, C: /c.yaml'));
      assert.deepStrictEqual(wantedParents(ws, 2), { uris: ['file:///a.yaml', 'file:///b.yaml'], over: 1 });
    });
  });

  describe('externalEditProblem', () => {
    it('refuses an edit that changes an external plan, naming its file and what to do', () => {
      const ws = new PlanWorkspace();
      ws.update('file:///dep/dep.plan.yaml', plan('DEP'));
      ws.setExternal('file:///dep/dep.plan.yaml', true);
      const edit = { changes: { 'file:///ws/cmp.plan.yaml': [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }], 'file:///dep/dep.plan.yaml': [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' }] } };
      assert.strictEqual(
        externalEditProblem(ws, edit, 'This rename'),
        'This rename would change dep.plan.yaml, which is outside the workspace: Planwright reads it only because `parents:` names it, and does not change it. Open the file in the editor (Go to Definition on the entry opens it) or add its folder to the workspace, then try again.',
      );
      ws.setExternal('file:///dep/dep.plan.yaml', false);
      assert.strictEqual(externalEditProblem(ws, edit, 'This rename'), undefined);
    });
  });
});
