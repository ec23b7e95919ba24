// planwright check with config files, disable comments, style rules and SARIF output.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/planwright.js');
const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const ERRORS = fs.readFileSync(path.join(ROOT, 'samples/with-errors.plan.yaml'), 'utf8');

function run(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-lint-')));
}
function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('planwright check: config files', () => {
  it('the nearest .planwright.yaml sets the levels of each plan: a rule turned off is not printed, a level changed is', () => {
    const dir = tempDir();
    write(path.join(dir, 'plans/with-errors.plan.yaml'), ERRORS);
    write(path.join(dir, 'other/with-errors.plan.yaml'), ERRORS);
    const before = run(dir, 'check', 'plans');
    assert.match(before.out, /numbering-sequence/);
    write(path.join(dir, 'plans/.planwright.yaml'), 'rules:\n  numbering-sequence: off\n  numbering-parent: warning\n');
    const after = run(dir, 'check', 'plans', 'other');
    const lines = after.out.split('\n');
    assert.ok(!lines.some((l) => l.startsWith('plans/') && l.includes('numbering-sequence')), after.out);
    assert.ok(lines.some((l) => l.startsWith('other/') && l.includes('numbering-sequence')), after.out);
    assert.ok(lines.some((l) => /^plans\/with-errors\.plan\.yaml:\d+:\d+  warning  numbering-parent  /.test(l)), after.out);
    assert.ok(lines.some((l) => /^other\/with-errors\.plan\.yaml:\d+:\d+  error  numbering-parent  /.test(l)), after.out);
  });

  it("a mistake in the config file is printed on the config file's line, counts as an error, and the rest of the file applies", () => {
    const dir = tempDir();
    write(path.join(dir, 'ice.plan.yaml'), ICE);
    write(path.join(dir, '.planwright.json'), '{\n  "rules": {\n    "title-too-long": { "level": "warning", "max": 60 },\n    "numbering-sequense": "off"\n  }\n}\n');
    const r = run(dir, 'check', '.');
    assert.strictEqual(r.code, 1, r.out + r.err);
    assert.match(r.out, /^\.planwright\.json:4:5  error  config-invalid  `numbering-sequense` is not a Planwright rule\. Did you mean `numbering-sequence`\?/m);
    assert.match(r.out, /^ice\.plan\.yaml:\d+:\d+  warning  title-too-long  The title of objective 1\.1 is 64 characters long, more than 60\./m);
    assert.ok(!r.err.includes('    at '), r.err);
  });
});
