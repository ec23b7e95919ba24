import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliIn, ROOT } from './cliRun';

const run = cliIn(ROOT, 10_000);

const MESSY = 'title: Messy\nplanwright: 1\ngoals:\n- id: "1"\n  title: One   # kept\n  objectives:\n      - title: O\n        id: 1.1\n- id: "2"\n  title: Two\n';
const CANONICAL = 'planwright: 1\ntitle: Messy\ngoals:\n  - id: "1"\n    title: One   # kept\n    objectives:\n      - id: "1.1"\n        title: O\n\n  - id: "2"\n    title: Two\n';

function folder(): { dir: string; messy: string; clean: string; broken: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-format-'));
  const messy = path.join(dir, 'messy.plan.yaml');
  const clean = path.join(dir, 'clean.plan.yaml');
  const broken = path.join(dir, 'broken.plan.yaml');
  fs.writeFileSync(messy, MESSY);
  fs.writeFileSync(clean, CANONICAL);
  fs.writeFileSync(broken, 'planwright: 1\ntitle: "unclosed\ngoals:\n    - id: 1\n');
  return { dir, messy, clean, broken };
}

describe('planwright format', () => {
  it('--check lists the plans that would change, changes nothing and exits 1', () => {
    const { dir, messy, clean } = folder();
    fs.rmSync(path.join(dir, 'broken.plan.yaml'));
    const r = run('format', '--check', dir);
    assert.strictEqual(r.code, 1, r.err);
    assert.deepStrictEqual(r.out.trim().split('\n'), [messy]);
    assert.match(r.err, /2 plans checked: 1 would be reformatted \(run planwright format to write them\)\./);
    assert.strictEqual(fs.readFileSync(messy, 'utf8'), MESSY);
    assert.strictEqual(run('format', '--check', clean).code, 0);
  });

  it('writes the plans in place in the canonical layout and says what it changed; a second run changes nothing', () => {
    const { dir, messy, clean } = folder();
    fs.rmSync(path.join(dir, 'broken.plan.yaml'));
    const r = run('format', dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`^${messy.replace(/[.]/g, '\\.')}: formatted \\(\\d+ lines changed\\)$`, 'm'));
    assert.match(r.out, /2 plans: 1 formatted, 1 already formatted\./);
    assert.strictEqual(fs.readFileSync(messy, 'utf8'), CANONICAL);
    assert.strictEqual(fs.readFileSync(clean, 'utf8'), CANONICAL);
    const again = run('format', '--check', dir);
    assert.strictEqual(again.code, 0, again.out + again.err);
  });

  it('leaves a plan with YAML syntax errors untouched, names it and exits 2, and still formats the others', () => {
    const { dir, messy, broken } = folder();
    const before = fs.readFileSync(broken, 'utf8');
    const r = run('format', dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /broken\.plan\.yaml" was not formatted: it has YAML syntax errors\. Run planwright check/);
    assert.strictEqual(fs.readFileSync(broken, 'utf8'), before);
    assert.strictEqual(fs.readFileSync(messy, 'utf8'), CANONICAL);
  });

  it('--check on a folder whose only plan has YAML errors does not say "all formatted": it names the plan and exits 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-format-'));
    const broken = path.join(dir, 'broken.plan.yaml');
    fs.writeFileSync(broken, 'planwright: 1\ntitle: "unclosed\ngoals:\n    - id: 1\n');
    const r = run('format', '--check', dir);
    assert.strictEqual(r.code, 2, r.err);
    assert.doesNotMatch(r.out + r.err, /all formatted/);
    assert.match(r.err, /broken\.plan\.yaml" was not formatted: it has YAML syntax errors/);
    assert.strictEqual(r.out.trim(), '1 plan checked: 0 already formatted; 1 plan with YAML syntax errors left as it is.');
  });

  it('keeps a byte order mark and CRLF line breaks', () => {
    const { messy } = folder();
    fs.writeFileSync(messy, '\ufeff' + MESSY.replace(/\n/g, '\r\n'));
    assert.strictEqual(run('format', messy).code, 0);
    assert.strictEqual(fs.readFileSync(messy, 'utf8'), '\ufeff' + CANONICAL.replace(/\n/g, '\r\n'));
  });

  it('exits 2 on an unknown option or no path', () => {
    assert.strictEqual(run('format', '--write', 'samples').code, 2);
    assert.strictEqual(run('format').code, 2);
  });
});
