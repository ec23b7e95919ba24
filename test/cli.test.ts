import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliIn, ROOT } from './cliRun';

// A CLI that hangs (a FIFO read with no writer) is killed after 10 s: status null fails the test.
const run = cliIn(ROOT, 10_000);

const PLAN = (title: string) => `planwright: 1\ntitle: ${title}\ngoals:\n  - id: "1"\n    title: A goal\n`;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pw-cli-'));
}

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('planwright CLI', () => {
  it('checks the samples folder: the ICE plan and the measures example are clean, the error samples fail with exit 1', () => {
    const r = run('check', 'samples/');
    assert.strictEqual(r.code, 1);
    assert.ok(!r.out.includes('ice-strategic-plan'), r.out);
    assert.ok(!r.out.includes('measures-example'), r.out);
    assert.match(r.out, /^5 plans checked: 12 errors, 5 warnings\.$/m);
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

  describe('which paths it reads', () => {
    it('refuses a named pipe on the command line with exit 2 and a plain message, without waiting for a writer', function () {
      this.timeout(15_000);
      const dir = tempDir();
      const fifo = path.join(dir, 'pipe.plan.yaml');
      execFileSync('mkfifo', [fifo]);
      const started = Date.now();
      const r = run('check', fifo, 'samples/ice-strategic-plan-2021-2025.plan.yaml');
      assert.strictEqual(r.code, 2, `exit ${r.code} after ${Date.now() - started} ms; stderr: ${r.err}`);
      assert.match(r.err, /cannot read ".*pipe\.plan\.yaml": it is a named pipe \(FIFO\), not a file/);
      assert.match(r.out, /^1 plan checked: 0 errors, 0 warnings, 1 file not readable\.$/m);
    });

    it('refuses a device on the command line with exit 2, never reading it', function () {
      this.timeout(15_000);
      const r = run('check', '/dev/zero');
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /cannot read "\/dev\/zero": it is a device, not a file/);
    });

    it('skips a named pipe found in a folder, names it, and exits 2', function () {
      this.timeout(15_000);
      const dir = tempDir();
      write(path.join(dir, 'a.plan.yaml'), PLAN('A'));
      execFileSync('mkfifo', [path.join(dir, 'b.plan.yaml')]);
      const r = run('check', dir);
      assert.strictEqual(r.code, 2, r.err);
      assert.match(r.err, /skipped ".*b\.plan\.yaml": it is a named pipe \(FIFO\), not a file/);
      assert.match(r.out, /^1 plan checked: 0 errors, 0 warnings, 1 file not readable\.$/m);
    });

    it('follows a symlinked plan and a symlinked folder in a folder scan', () => {
      const dir = tempDir();
      write(path.join(dir, 'plans/a.plan.yaml'), PLAN('A'));
      const b = write(path.join(dir, 'elsewhere/b.plan.yaml'), PLAN('B'));
      write(path.join(dir, 'shared/c.plan.yaml'), PLAN('C'));
      fs.symlinkSync(b, path.join(dir, 'plans/b.plan.yaml'));
      fs.symlinkSync(path.join(dir, 'shared'), path.join(dir, 'plans/shared'));
      const r = run('check', '--format', 'json', path.join(dir, 'plans'));
      assert.strictEqual(r.code, 0, r.err);
      const r2 = run('check', path.join(dir, 'plans'));
      assert.match(r2.out, /^3 plans checked: 0 errors, 0 warnings\.$/m);
    });

    it('checks a plan reached through two links, and named twice, once', () => {
      const dir = tempDir();
      const real = write(path.join(dir, 'real/p.plan.yaml'), `${PLAN('P')}units:\n  - id: hr\n    name: HR\n`);
      fs.mkdirSync(path.join(dir, 'scan'));
      fs.symlinkSync(real, path.join(dir, 'scan/one.plan.yaml'));
      fs.symlinkSync(real, path.join(dir, 'scan/two.plan.yaml'));
      fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'scan/real'));
      // Three spellings of one file: through the links of the folder scan, its real path, and a
      // roundabout path (not normalised: path.join would make it the real path's string).
      const r = run('check', path.join(dir, 'scan'), real, `${dir}/real/../real/./p.plan.yaml`);
      assert.strictEqual(r.code, 0, r.out + r.err);
      assert.match(r.out, /^1 plan checked: 0 errors, 0 warnings\.$/m);
    });

    it('ends on a symlink loop and checks each plan in it once', () => {
      const dir = tempDir();
      write(path.join(dir, 'a/a.plan.yaml'), PLAN('A'));
      fs.symlinkSync('..', path.join(dir, 'a/up'));
      fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'a/again'));
      fs.symlinkSync('self', path.join(dir, 'a/self'));
      fs.symlinkSync('self.plan.yaml', path.join(dir, 'a/self.plan.yaml'));
      const r = run('check', dir);
      assert.match(r.out, /^1 plan checked: 0 errors, 0 warnings, 1 file not readable\.$/m);
      assert.match(r.err, /skipped ".*self\.plan\.yaml": the link loops back on itself/);
      assert.strictEqual(r.code, 2);
    });

    it('names a link to nothing that is named like a plan, and still exits 0: there is no plan there to check', () => {
      const dir = tempDir();
      write(path.join(dir, 'a.plan.yaml'), PLAN('A'));
      fs.symlinkSync('moved-away.plan.yaml', path.join(dir, 'b.plan.yaml'));
      const r = run('check', dir);
      assert.strictEqual(r.code, 0, r.err);
      assert.match(r.err, /skipped ".*b\.plan\.yaml": the link points to nothing/);
      assert.match(r.out, /^1 plan checked: 0 errors, 0 warnings\.$/m);
    });

    it('finds a plan 30 folders deep', () => {
      const dir = tempDir();
      const deep = path.join(dir, ...Array.from({ length: 30 }, (_, i) => `level${i + 1}`));
      write(path.join(deep, 'deep.plan.yaml'), 'planwright: 1\ntitle: Deep\ngoals:\n  - { id: "2", title: A }\n');
      const r = run('check', dir);
      assert.strictEqual(r.code, 1, r.out + r.err);
      assert.match(r.out, /level30[\\/]deep\.plan\.yaml:4:.*numbering-sequence/);
      assert.match(r.out, /^1 plan checked: 1 error, 0 warnings\.$/m);
    });

    it('exits 2 on a folder that holds no plan, naming it and saying what a plan file is', () => {
      const dir = tempDir();
      write(path.join(dir, 'notes.yaml'), 'a: 1\n');
      const r = run('check', dir);
      assert.strictEqual(r.code, 2);
      assert.ok(r.err.includes(`planwright: no plan files found in "${dir}". Plans are files named *.plan.yaml or *.plan.yml`), r.err);
    });

    it('exits 2 on a folder that holds no plan even when another path holds plans', () => {
      const dir = tempDir();
      const r = run('check', 'samples', dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.out, /^5 plans checked: 12 errors, 5 warnings, 1 folder with no plans\.$/m);
    });

    it('exits 2 on a missing path and on a wildcard pattern nothing matched, naming the path', () => {
      const missing = run('check', 'plnas/');
      assert.strictEqual(missing.code, 2);
      assert.match(missing.err, /cannot read "plnas\/": no such file or folder/);
      assert.match(missing.out, /^0 plans checked: 0 errors, 0 warnings, 1 path not found\.$/m);
      const pattern = run('check', 'samples/*.plan.yml');
      assert.strictEqual(pattern.code, 2);
      assert.match(pattern.err, /cannot read "samples\/\*\.plan\.yml": no such file or folder\. planwright does not expand wildcards/);
    });

    it('documents the exit codes, including a path with no plans, in --help', () => {
      const r = run('--help');
      assert.strictEqual(r.code, 0);
      assert.match(r.out, /^Exit status \(check\):\n {2}0 {2}no errors.*\n {2}1 {2}errors found\n {2}2 {2}usage error; a path that holds no plan/m);
    });

    it('gives in --help the exit status of import, alignment, format and report, and import\'s --out FILE.plan.yaml', () => {
      const r = run('--help');
      assert.strictEqual(r.code, 0);
      // Each block: its heading, then its statuses, each "  N  words" (continuation lines indented further).
      const statuses = (command: string) => {
        const block = new RegExp(`^Exit status \\(${command}\\):\n((?: {2}.*\n?)+)`, 'm').exec(r.out);
        assert.ok(block, `no "Exit status (${command}):" block in --help`);
        return [...block[1].matchAll(/^ {2}(\d) {2}/gm)].map((m) => Number(m[1]));
      };
      assert.deepStrictEqual(statuses('import'), [0, 1, 2]);
      assert.deepStrictEqual(statuses('alignment'), [0, 2]);
      assert.deepStrictEqual(statuses('format'), [0, 1, 2]);
      assert.deepStrictEqual(statuses('report'), [0, 2]);
      assert.match(r.out, /^Exit status \(import\):\n {2}0 {2}the plan was written\n {2}1 {2}no goal found in the document: nothing written\n {2}2 {2}usage error/m);
      assert.match(r.out, /^ {2}--out FILE\.plan\.yaml\n {22}import: the plan file to write; default: beside the file imported, named after it$/m);
      const options = r.out.slice(r.out.indexOf('\nOptions:\n'), r.out.indexOf('\nExit status'));
      assert.match(options, /--out FILE\.plan\.yaml/, '--out FILE.plan.yaml is in the Options list');
    });
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
        ['numbering-sequence', 'Goal 3 follows goal 1: either number 2 is missing, or 3 should be 2.'],
      ], name);
    }
    const text = run('check', path.join(dir, 'flow.plan.yaml'));
    assert.match(text.out, /^1 plan checked: 2 errors, 0 warnings\.$/m);
  });
});

describe('planwright check into a pipe that closes early', () => {
  it('stops quietly when the program reading its output stops (| head -1), with no stack trace', () => {
    const r = spawnSync('bash', ['-c', `node "${path.join(ROOT, 'bin/planwright.js')}" check "${path.join(ROOT, 'samples')}" | head -1`], { encoding: 'utf8' });
    assert.strictEqual(r.stdout.split('\n').filter(Boolean).length, 1, r.stdout);
    assert.strictEqual(r.stderr, '');
  });
});
