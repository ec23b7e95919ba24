import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/planwright.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('planwright CLI', () => {
  it('checks the samples folder: the ICE plan is clean, the error sample fails with exit 1', () => {
    const r = run('check', 'samples/');
    assert.strictEqual(r.code, 1);
    assert.ok(!r.out.includes('ice-strategic-plan'), r.out);
    assert.match(r.out, /^2 plans checked: 9 errors, 1 warning\.$/m);
  });

  it('exits 0 on a clean plan', () => {
    const r = run('check', 'samples/ice-strategic-plan-2021-2025.plan.yaml');
    assert.deepStrictEqual([r.code, r.out.trim()], [0, '1 plan checked: 0 errors, 0 warnings.']);
  });

  it('prints 1-based path:line:col severity code message in text format', () => {
    const r = run('check', 'samples/with-errors.plan.yaml');
    assert.match(r.out, /^samples\/with-errors\.plan\.yaml:34:13  error  numbering-parent  Objective 3\.2 is under goal 2/m);
  });

  it('lists every code with 0-based ranges in json format', () => {
    const r = run('check', '--format', 'json', 'samples/with-errors.plan.yaml');
    assert.strictEqual(r.code, 1);
    const d = JSON.parse(r.out) as { file: string; range: any; severity: string; code: string; message: string }[];
    assert.deepStrictEqual([...new Set(d.map((x) => x.code))].sort(), ['numbering-duplicate', 'numbering-format', 'numbering-parent', 'numbering-sequence', 'reference-unresolved', 'schema', 'yaml-syntax']);
    const parent = d.find((x) => x.code === 'numbering-parent')!;
    assert.deepStrictEqual(parent.range, { start: { line: 33, character: 12 }, end: { line: 33, character: 17 } });
    assert.strictEqual(parent.file, 'samples/with-errors.plan.yaml');
    assert.deepStrictEqual(Object.keys(parent), ['file', 'range', 'severity', 'code', 'message']);
  });

  it('exits 2 on a usage error', () => {
    assert.strictEqual(run().code, 2);
    assert.strictEqual(run('check').code, 2);
    assert.strictEqual(run('check', '--format', 'xml', 'samples').code, 2);
    assert.strictEqual(run('lint', 'samples').code, 2);
  });

  it('names a file it cannot read, still checks the others, and exits 2', () => {
    const r = run('check', 'samples/no-such.plan.yaml', 'samples/with-errors.plan.yaml');
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /cannot read "samples\/no-such\.plan\.yaml": no such file or folder/);
    assert.match(r.out, /numbering-parent/);
  });

  it('refuses a file that is not UTF-8, naming it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cli-'));
    const f = path.join(dir, 'latin1.plan.yaml');
    fs.writeFileSync(f, Buffer.concat([Buffer.from('planwright: 1\ntitle: S'), Buffer.from([0xe9]), Buffer.from('curit\n')]));
    const r = run('check', f);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /not UTF-8 text/);
  });

  it('reads a plan with a BOM and CRLF line ends with the same positions as the editor', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cli-'));
    const f = path.join(dir, 'bom.plan.yaml');
    fs.writeFileSync(f, '\ufeffplanwright: 1\r\ntitle: T\r\ngoals:\r\n  - { id: "2", title: A }\r\n');
    const r = run('check', '--format', 'json', f);
    const d = JSON.parse(r.out);
    assert.deepStrictEqual(d.map((x: any) => [x.code, x.range.start]), [['numbering-sequence', { line: 3, character: 10 }]]);
  });
  it('checks goals written on the `goals:` line (flow list, anchor, tag): a missing title and a gap are reported, exit 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cli-'));
    const plans: Record<string, string> = {
      'flow.plan.yaml': 'planwright: 1\ntitle: F\ngoals: [{ id: "1" }, { id: "3", title: H }]\n',
      'flow-indented.plan.yaml': 'planwright: 1\ntitle: F\ngoals: [\n  { id: "1" },\n  { id: "3", title: H }\n  ]\n',
      'anchor.plan.yaml': 'planwright: 1\ntitle: F\ngoals: &g\n  - id: "1"\n  - id: "3"\n    title: H\n',
      'tag.plan.yaml': 'planwright: 1\ntitle: F\ngoals: !!seq\n  - id: "1"\n  - id: "3"\n    title: H\n',
    };
    for (const [name, text] of Object.entries(plans)) fs.writeFileSync(path.join(dir, name), text);
    for (const name of Object.keys(plans)) {
      const r = run('check', '--format', 'json', path.join(dir, name));
      const d = JSON.parse(r.out) as { code: string; message: string; range: { start: { line: number } } }[];
      assert.strictEqual(r.code, 1, `${name}: ${r.out}`);
      assert.deepStrictEqual(d.map((x) => [x.code, x.message]), [
        ['schema', 'Goal 1 has no `title`. Add `title:` with a title.'],
        ['numbering-sequence', 'Goal 3 follows goal 1: number 2 is missing (expected 2).'],
      ], name);
    }
    const text = run('check', path.join(dir, 'flow.plan.yaml'));
    assert.match(text.out, /^1 plan checked: 2 errors, 0 warnings\.$/m);
  });
});
