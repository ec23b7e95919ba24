import * as assert from 'assert';
import { createLanguageService } from '.';
import { readRuleConfig } from './config';
import { lines } from './test-util';

// Answers the service remembers are remembered under everything they depend on.
describe('language service caches', () => {
  const PLAN = lines(
    'planwright: 1',
    'title: Harbor Plan',
    'goals:',
    '  - id: "1"',
    '    title: Keep Cargo Moving',
    '    objectives:',
    '      - id: "1.1"',
    '        title: Shorten Berth Waiting Times',
  );

  it('the preview and the exports count the problems of the rules the plan has now, after its config file changed', () => {
    const service = createLanguageService();
    const uri = 'file:///w/harbor.plan.yaml';
    service.update(uri, PLAN, 1);
    assert.deepStrictEqual(service.getPlanDocument(uri)!.problems, { errors: 0, warnings: 0 });
    // .planwright.yaml turns a style rule on: the plan's text is the same, its problems are not.
    const on = readRuleConfig('rules: { objective-lead-missing: warning }').settings;
    service.workspace.rulesFor = () => on;
    assert.strictEqual(service.getDiagnostics(uri).length, 1);
    assert.deepStrictEqual(service.getPlanDocument(uri)!.problems, { errors: 0, warnings: 1 });
    assert.deepStrictEqual(service.getPreview(uri)!.problems, { errors: 0, warnings: 1 });
  });
});

describe('the planwright.maxNumberOfProblems setting', () => {
  it('starts at 1,000 (as many as VS Code shows of one file), takes a whole number ≥ 0 from any editor, and ignores anything else', () => {
    const service = createLanguageService();
    assert.strictEqual(service.maxNumberOfProblems(), 1000);
    service.configure({ maxNumberOfProblems: 25.7 });
    assert.strictEqual(service.maxNumberOfProblems(), 25);
    for (const bad of [-1, '3', null, Number.NaN, Number.POSITIVE_INFINITY]) {
      service.configure({ maxNumberOfProblems: bad as unknown as number });
      assert.strictEqual(service.maxNumberOfProblems(), 25, String(bad));
    }
    service.configure({ maxNumberOfProblems: 0 });
    assert.strictEqual(service.maxNumberOfProblems(), 0);
  });
});
