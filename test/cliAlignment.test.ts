import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliIn, ROOT } from './cliRun';

const DHS = path.join(ROOT, 'samples/dhs-strategic-plan-2020-2024.plan.yaml');

const run = cliIn(ROOT, 10_000);

/** A component's plan in a temporary folder, aligned to the DHS sample's goals. */
function child(parents?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-align-cli-'));
  const file = path.join(dir, 'cmp.plan.yaml');
  fs.writeFileSync(file, [
    'planwright: 1',
    'title: Component Plan',
    'organization: { name: Component, acronym: CMP }',
    ...(parents ? [`parents: { DHS: ${parents} }`] : []),
    'goals:',
    '  - id: "1"',
    '    title: Protect',
    '    aligns: [DHS 1, DHS 3]',
    '  - id: "2"',
    '    title: Staff',
    '    aligns: DHS 6',
    '',
  ].join('\n'));
  return file;
}

describe('planwright alignment', () => {
  it('lists each parent goal with the child items aligned to it, marks the unsupported ones and ends with the summary line', () => {
    const r = run('alignment', DHS, child());
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n'), [
      'The DHS Strategic Plan, Fiscal Years 2020-2024 (dhs-strategic-plan-2020-2024.plan.yaml)',
      '  Goal 1 Counter Terrorism and Homeland Security Threats: CMP 1',
      '  Goal 2 Secure U.S. Borders and Approaches: not supported',
      '    Objective 2.1 Secure and Manage Air, Land, and Maritime Borders: not supported',
      '  Goal 3 Secure Cyberspace and Critical Infrastructure: CMP 1',
      "  Goal 4 Preserve and Uphold the Nation's Prosperity and Economic Security: not supported",
      '  Goal 5 Strengthen Preparedness and Resilience: not supported',
      '  Goal 6 Champion the DHS Workforce and Strengthen the Department: CMP 2',
      // The sample has one objective (2.1): the summary counts objectives once a plan has them.
      'DHS 2020–2024: 3 of 6 goals and 0 of 1 objective supported by 1 plan',
    ]);
  });

  it('writes the same report as Markdown and as JSON', () => {
    const md = run('alignment', '--format', 'markdown', DHS, child());
    assert.match(md.out, /^# Alignment\n\n## The DHS Strategic Plan, Fiscal Years 2020-2024\n\n\*\*DHS 2020–2024: 3 of 6 goals and 0 of 1 objective supported by 1 plan\*\*\n/);
    assert.match(md.out, /\| 2 \| \*\*Secure U\.S\. Borders and Approaches\*\* \| \*not supported\* \|/);
    const json = JSON.parse(run('alignment', '--format', 'json', DHS, child()).out);
    assert.deepStrictEqual([json.length, json[0].supported, json[0].total, json[0].summary], [1, 0, 1, 'DHS 2020–2024: 3 of 6 goals and 0 of 1 objective supported by 1 plan']);
  });

  it('checks a child given with its parent clean, alone unresolved, and alone clean again when `parents:` names the parent\'s file', () => {
    assert.strictEqual(run('check', DHS, child()).code, 0);
    const alone = run('check', child());
    assert.strictEqual(alone.code, 1);
    assert.match(alone.out, /alignment-unresolved  No plan in the workspace has the acronym DHS/);
    const named = child(path.relative(os.tmpdir(), DHS).replace(/^/, '../'));
    assert.deepStrictEqual([run('check', named).code, run('check', named).out.trim()], [0, '1 plan checked: 0 errors, 0 warnings.']);
  });

  it('says why a `parents:` file cannot be read, in the words the editor uses: a folder, a link loop, the plan itself', () => {
    const file = child('.');
    const dir = path.dirname(file);
    fs.symlinkSync(path.join(dir, 'b.yaml'), path.join(dir, 'a.yaml'));
    fs.symlinkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
    const how = "Correct the path (it is relative to this plan's file), or the file.";
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('parents: { DHS: . }', 'parents: { DHS: ../ }'));
    assert.match(run('check', file).out, new RegExp(`DHS's plan is \\.\\./, but it cannot be read: it is a folder, not a file\\. ${how.replace(/[().']/g, '\\$&')}`));
    fs.writeFileSync(file, text.replace('parents: { DHS: . }', 'parents: { DHS: a.yaml }'));
    assert.match(run('check', file).out, /DHS's plan is a\.yaml, but it cannot be read: the link loops back on itself\./);
    fs.writeFileSync(file, text.replace('parents: { DHS: . }', 'parents: { DHS: cmp.plan.yaml }'));
    assert.match(run('check', file).out, /DHS's plan is cmp\.plan\.yaml, which is this plan's own file\./);
  });

  it('prints only the error, nothing on stdout, when no plan was read (a missing path)', () => {
    const missing = path.join(os.tmpdir(), 'pw-no-such-folder', 'none.plan.yaml');
    for (const format of ['text', 'json', 'markdown']) {
      const r = run('alignment', '--format', format, missing);
      assert.strictEqual(r.code, 2, r.err);
      assert.strictEqual(r.out, '', `${format}: ${r.out}`);
      assert.match(r.err, /none\.plan\.yaml/);
    }
  });

  it('still reports the plans it read when another path is missing (exit 2)', () => {
    const r = run('alignment', DHS, child(), path.join(os.tmpdir(), 'pw-no-such-folder'));
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.out, /supported by 1 plan/);
  });

  it('refuses an unknown format', () => {
    assert.strictEqual(run('alignment', '--format', 'csv', DHS).code, 2);
  });
});
