import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliIn, ROOT } from './cliRun';

const run = cliIn(ROOT);

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pw-export-'));
const PLAN = (title: string) => `planwright: 1\ntitle: ${title}\ngoals:\n  - id: "1"\n    title: A goal\n`;

describe('planwright export', () => {
  it('writes NAME.html for each plan of a folder into --out, one line per file, exit 0, and says how many problems a draft has', () => {
    const out = path.join(tempDir(), 'made/by/export');
    const r = run('export', '--to', 'html', '--out', out, 'samples');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n'), [
      path.join(out, 'dhs-strategic-plan-2020-2024.html'),
      path.join(out, 'ice-strategic-plan-2021-2025.html'),
      path.join(out, 'measures-example.html'),
      path.join(out, 'measures-with-errors.html'),
      path.join(out, 'with-errors.html'),
    ]);
    assert.deepStrictEqual(r.err.trim().split('\n'), [
      'planwright: "samples/measures-with-errors.plan.yaml" has 4 errors and 4 warnings; exported as it reads (run planwright check to list them).',
      'planwright: "samples/with-errors.plan.yaml" has 8 errors and 1 warning; exported as it reads (run planwright check to list them).',
    ]);
    const html = fs.readFileSync(path.join(out, 'ice-strategic-plan-2021-2025.html'), 'utf8');
    assert.match(html, /<h1>U\.S\. Immigration and Customs Enforcement Strategic Plan 2021-2025<\/h1>/);
    assert.match(fs.readFileSync(path.join(out, 'with-errors.html'), 'utf8'), /<h2 id="item-1-h">Goal 1: Keep Cargo Moving<\/h2>/);
  });

  it('writes NAME.md beside the plan without --out (and with --to md), for .plan.yml too', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'alpha.plan.yaml'), PLAN('Alpha'));
    fs.writeFileSync(path.join(dir, 'beta.plan.yml'), PLAN('Beta'));
    const r = run('export', '--to=md', dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n'), [path.join(dir, 'alpha.md'), path.join(dir, 'beta.md')]);
    assert.strictEqual(r.err, '');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'alpha.md'), 'utf8'), '# Alpha\n\n## Contents\n\n- [Goal 1: A goal](#goal-1-a-goal)\n\n## Goal 1: A goal\n');
  });

  it('writes NAME.docx, a Word file whose headings are the goals and objectives in order', async () => {
    const out = tempDir();
    const r = run('export', '--to', 'docx', '--out', out, 'samples/ice-strategic-plan-2021-2025.plan.yaml');
    assert.deepStrictEqual([r.code, r.out.trim(), r.err], [0, path.join(out, 'ice-strategic-plan-2021-2025.docx'), '']);
    const bytes = fs.readFileSync(path.join(out, 'ice-strategic-plan-2021-2025.docx'));
    assert.strictEqual(bytes.subarray(0, 2).toString(), 'PK', 'a zip package');
    const mammoth = (await import('mammoth')).default;
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    const h1 = [...html.matchAll(/<h1>(?:<a id="[^"]+"><\/a>)?(Goal [^<]*)<\/h1>/g)].map((m) => m[1]);
    assert.strictEqual(h1.length, 5);
    assert.strictEqual(h1[0], 'Goal 1: Empower the Workforce that Powers the Mission');
    assert.strictEqual([...html.matchAll(/<h2>/g)].length, 17);
  });

  it('exits 2 on a usage error, saying what is missing', () => {
    assert.match(run('export', 'samples').err, /say which format to export with --to html/);
    assert.strictEqual(run('export', 'samples').code, 2);
    const bad = run('export', '--to', 'pdf', 'samples');
    assert.deepStrictEqual([bad.code, bad.err.trim()], [2, 'planwright: --to must be html, markdown, docx or stratml, not "pdf".']);
    assert.strictEqual(run('export', '--to', 'html').code, 2);
    assert.strictEqual(run('export', '--to', 'html', '--out').code, 2);
    assert.strictEqual(run('export', '--to', 'html', '--frobnicate', 'samples').code, 2);
  });

  it('names a plan it cannot read, still writes the others, and exits 2', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'latin1.plan.yaml');
    fs.writeFileSync(bad, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    fs.writeFileSync(path.join(dir, 'good.plan.yaml'), PLAN('Good'));
    const r = run('export', '--to', 'html', dir, path.join(dir, 'missing.plan.yaml'));
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /cannot read ".*latin1\.plan\.yaml": it is not UTF-8 text/);
    assert.match(r.err, /cannot read ".*missing\.plan\.yaml": no such file or folder/);
    assert.deepStrictEqual(r.out.trim().split('\n'), [path.join(dir, 'good.html')]);
    assert.ok(fs.existsSync(path.join(dir, 'good.html')));
    assert.ok(!fs.existsSync(path.join(dir, 'latin1.html')));
  });

  it('refuses to write a second plan of the same name over the first in one --out folder, and exits 2', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'a'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.writeFileSync(path.join(dir, 'a/plan.plan.yaml'), PLAN('From A'));
    fs.writeFileSync(path.join(dir, 'b/plan.plan.yaml'), PLAN('From B'));
    const out = path.join(dir, 'out');
    const r = run('export', '--to', 'html', '--out', out, path.join(dir, 'a'), path.join(dir, 'b'));
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /did not write ".*out\/plan\.html" for ".*b\/plan\.plan\.yaml": ".*a\/plan\.plan\.yaml" was just written there/);
    assert.match(fs.readFileSync(path.join(out, 'plan.html'), 'utf8'), /From A/);
  });

  it('documents export, its formats and exit codes in --help', () => {
    const r = run('--help');
    assert.match(r.out, /planwright export --to html\|markdown\|docx \[--out DIR\]/);
    assert.match(r.out, /^Exit status \(export\):\n {2}0 {2}every plan was written\n {2}2 {2}usage error/m);
  });

  it('writes NAME.xml in StratML with --to stratml: Part 1 for a plan without measures, Part 2 for one with', () => {
    const out = tempDir();
    const r = run('export', '--to', 'stratml', '--out', out, 'samples/ice-strategic-plan-2021-2025.plan.yaml', 'samples/measures-example.plan.yaml');
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n'), [path.join(out, 'ice-strategic-plan-2021-2025.xml'), path.join(out, 'measures-example.xml')]);
    assert.match(fs.readFileSync(path.join(out, 'ice-strategic-plan-2021-2025.xml'), 'utf8'), /<StrategicPlan xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core">/);
    assert.match(fs.readFileSync(path.join(out, 'measures-example.xml'), 'utf8'), /<PerformancePlanOrReport xmlns="urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport" Type="Strategic_Plan">/);
  });
});
