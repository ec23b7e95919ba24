import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliIn, ROOT } from './cliRun';

const SAMPLE = 'samples/measures-example.plan.yaml';

const run = cliIn(ROOT);

describe('planwright report', () => {
  it('prints every measure with its baseline and each year\'s target, result and status, and a summary per goal, exit 0', () => {
    const r = run('report', SAMPLE);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err, '');
    const out = r.out.split('\n');
    assert.deepStrictEqual(out.slice(0, 5), [
      'Example City Parks and Libraries Strategic Plan 2026-2030 (illustrative example)',
      `${SAMPLE} · plan period 2026–2030 · 5 measures`,
      '',
      'Goal 1: Parks Within Reach — 1 of 3 measures met in FY2027',
      '  FY2026: 2 of 3 met, 1 not met; FY2027: 1 of 3 met, 1 not met, 1 no result yet; FY2028: 0 of 3 met, 3 no result yet',
    ]);
    const at = out.indexOf('  PM-1.2.1 Days to fix a reported hazard (median) (1.2 Keep Parks Safe and Clean)');
    assert.ok(at > 0, r.out);
    assert.deepStrictEqual(out.slice(at + 1, at + 6), [
      '    unit: days · direction: decrease · kind: efficiency · lead: Parks Division (PARKS)',
      '    baseline  12 (FY2025)',
      '    FY2026    target 10      result 11      ✗ not met',
      '    FY2027    target 8       result 8       ✓ met',
      '    FY2028    target 7       result –       no result yet',
    ]);
    assert.ok(out.includes('Goal 2: Libraries for Every Age — 2 of 2 measures met in FY2026'));
  });

  it('prints one JSON array, an entry per plan, with each measure\'s years and each goal\'s summary per year', () => {
    const r = run('report', '--format', 'json', SAMPLE, 'samples/ice-strategic-plan-2021-2025.plan.yaml');
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(json.map((p: { file: string; measures: number }) => [p.file, p.measures]), [
      [SAMPLE, 5],
      ['samples/ice-strategic-plan-2021-2025.plan.yaml', 0],
    ]);
    const parks = json[0];
    assert.deepStrictEqual(parks.goals.map((g: { goal: string; summary: string }) => [g.goal, g.summary]), [['1', '1 of 3 measures met in FY2027'], ['2', '2 of 2 measures met in FY2026']]);
    assert.deepStrictEqual(parks.goals[0].years[0], { year: 2026, measures: 3, met: 2, notMet: 1, noResult: 0 });
    const pm = parks.goals[0].measures.find((m: { id: string }) => m.id === 'PM-1.1.1');
    assert.deepStrictEqual(pm, {
      id: 'PM-1.1.1',
      name: 'Acres of new parkland opened',
      item: '1.1',
      unit: 'acres',
      direction: 'increase',
      kind: 'output',
      lead: ['PARKS'],
      priority: false,
      source: null,
      baseline: { year: '2025', value: '0' },
      years: [
        { year: 2026, target: '4', result: '5', status: 'met' },
        { year: 2027, target: '9', result: null, status: 'no result' },
        { year: 2028, target: '15', result: null, status: 'no result' },
      ],
    });
  });

  it('prints Markdown: a heading per goal with its summary, and a table of measures per item', () => {
    const r = run('report', '--format=markdown', SAMPLE);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, /^# Performance report: Example City Parks and Libraries Strategic Plan 2026-2030 \(illustrative example\)\n/);
    assert.ok(r.out.includes('## Goal 2: Libraries for Every Age\n\n**2 of 2 measures met in FY2026**\n\n- FY2026: 2 of 2 met\n- FY2027: 0 of 2 met, 2 no result yet\n\n### 2.1 Widen Library Hours\n'), r.out);
    assert.ok(r.out.includes('| 10 → 11<br>✗ not met | 8 → 8<br>✓ met | 7 → –<br>no result yet |'), r.out);
    // A goal's own measures sit under its heading: the goal is not named a second time.
    assert.ok(!/^### Goal /m.test(r.out), r.out);
    assert.match(r.out, /- FY2028: 0 of 3 met, 3 no result yet\n\n\*Measures \(target → result per fiscal year\)\*\n\n\| Measure \| Baseline \|/);
  });

  it('reports a plan with problems as it reads, saying so on stderr, and a plan without measures in one line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-report-'));
    const plain = path.join(dir, 'plain.plan.yaml');
    fs.writeFileSync(plain, 'planwright: 1\ntitle: Plain\ngoals:\n  - id: "1"\n    title: A goal\n');
    const r = run('report', 'samples/measures-with-errors.plan.yaml', plain);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.err.trim(), 'planwright: "samples/measures-with-errors.plan.yaml" has 4 errors and 4 warnings; reported as it reads (run planwright check to list them).');
    assert.match(r.out, /\nPlain\n.*plain\.plan\.yaml · 0 measures\n\nThis plan has no measures yet\.\n$/);
  });

  it('exits 2 for an unknown format, no paths, or a path with no plan, naming the problem', () => {
    const bad = run('report', '--format', 'pdf', SAMPLE);
    assert.strictEqual(bad.code, 2);
    assert.strictEqual(bad.err.trim(), 'planwright: --format must be text, json or markdown, not "pdf".');
    const none = run('report');
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /^planwright: name the plan files or folders to report on\./);
    const missing = run('report', SAMPLE, 'no/such/folder');
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /cannot read "no\/such\/folder"/);
    // The plans that could be read are still reported.
    assert.match(missing.out, /^Example City Parks/);
  });

  it('is listed in the help, and leaves check --format json the array of diagnostics it was', () => {
    const help = run('--help');
    assert.match(help.out, /planwright report \[--format text\|json\|markdown\] <files or folders\.\.\.>/);
    const check = run('check', '--format', 'json', SAMPLE);
    assert.strictEqual(check.code, 0);
    assert.deepStrictEqual(JSON.parse(check.out), []);
  });
});
