import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findPlanFiles, PlanFileSet, readRegularFile, type Skipped } from './planFiles';

function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-files-')));
}

function touch(file: string, text = 'planwright: 1\n'): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const rel = (dir: string, files: string[]) => files.map((f) => path.relative(dir, f).split(path.sep).join('/'));

describe('findPlanFiles (the folder scan of the CLI and the server)', () => {
  it('lists plan files in a stable order, skipping node_modules, dist, out and hidden folders', async () => {
    const dir = tempDir();
    for (const f of ['b.plan.yml', 'a/z.plan.yaml', 'a-b/y.PLAN.YAML', 'node_modules/x.plan.yaml', 'dist/x.plan.yaml', 'out/x.plan.yaml', '.git/x.plan.yaml', 'notes.yaml'])
      touch(path.join(dir, f));
    assert.deepStrictEqual(rel(dir, await findPlanFiles(dir)), ['a/z.plan.yaml', 'a-b/y.PLAN.YAML', 'b.plan.yml']);
  });

  it('finds a plan 30 folders deep: there is no depth limit', async () => {
    const dir = tempDir();
    const deep = path.join(dir, ...Array.from({ length: 30 }, (_, i) => `d${i}`), 'deep.plan.yaml');
    touch(deep);
    assert.deepStrictEqual(await findPlanFiles(dir), [deep]);
  });

  it('follows a symlinked plan and a symlinked folder, also outside the scanned folder', async () => {
    const dir = tempDir();
    const outside = tempDir();
    touch(path.join(outside, 'linked.plan.yaml'));
    touch(path.join(outside, 'folder/inner.plan.yaml'));
    touch(path.join(dir, 'own.plan.yaml'));
    fs.symlinkSync(path.join(outside, 'linked.plan.yaml'), path.join(dir, 'linked.plan.yaml'));
    fs.symlinkSync(path.join(outside, 'folder'), path.join(dir, 'folder'));
    assert.deepStrictEqual(rel(dir, await findPlanFiles(dir)), ['folder/inner.plan.yaml', 'linked.plan.yaml', 'own.plan.yaml']);
  });

  it('lists a plan reached by two paths once, by the path without a link when there is one', async () => {
    const dir = tempDir();
    touch(path.join(dir, 'real/p.plan.yaml'));
    fs.symlinkSync('real', path.join(dir, 'a-link')); // sorts before "real": the link must still lose
    fs.symlinkSync('real/p.plan.yaml', path.join(dir, 'also.plan.yaml'));
    assert.deepStrictEqual(rel(dir, await findPlanFiles(dir)), ['real/p.plan.yaml']);
  });

  it('ends on symlink loops (to an ancestor, to itself, between two folders) and reports a looping plan name', async () => {
    const dir = tempDir();
    touch(path.join(dir, 'a/p.plan.yaml'));
    fs.symlinkSync('..', path.join(dir, 'a/up'));
    fs.symlinkSync(dir, path.join(dir, 'a/root'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.symlinkSync('../c', path.join(dir, 'b/to-c'));
    fs.mkdirSync(path.join(dir, 'c'));
    fs.symlinkSync('../b', path.join(dir, 'c/to-b'));
    fs.symlinkSync('self', path.join(dir, 'self'));
    fs.symlinkSync('loop.plan.yaml', path.join(dir, 'loop.plan.yaml'));
    const skipped: Skipped[] = [];
    const set = new PlanFileSet((s) => skipped.push(s));
    assert.strictEqual(await set.addFolder(dir), 1);
    assert.deepStrictEqual(rel(dir, set.files), ['a/p.plan.yaml']);
    assert.deepStrictEqual(skipped.map((s) => [path.basename(s.path), s.reason]), [['loop.plan.yaml', 'the link loops back on itself']]);
  });

  it('skips a named pipe, a broken link and a link to a pipe named like plans, and says why', async () => {
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.plan.yaml')]);
    fs.symlinkSync('pipe.plan.yaml', path.join(dir, 'to-pipe.plan.yaml'));
    fs.symlinkSync('gone.yaml', path.join(dir, 'broken.plan.yaml'));
    fs.symlinkSync('gone', path.join(dir, 'broken-folder')); // not plan-named: nothing to say
    const skipped: Skipped[] = [];
    const set = new PlanFileSet((s) => skipped.push(s));
    assert.strictEqual(await set.addFolder(dir), 0);
    assert.deepStrictEqual(
      skipped.map((s) => [path.basename(s.path), s.reason]).sort(),
      [
        ['broken.plan.yaml', 'the link points to nothing (no such file or folder)'],
        ['pipe.plan.yaml', 'it is a named pipe (FIFO), not a file'],
        ['to-pipe.plan.yaml', 'it is a named pipe (FIFO), not a file'],
      ],
    );
  });

  it('counts the plans of a folder scanned again, but lists each plan once', async () => {
    const dir = tempDir();
    touch(path.join(dir, 'sub/p.plan.yaml'));
    const set = new PlanFileSet();
    assert.strictEqual(await set.addFolder(dir), 1);
    assert.strictEqual(await set.addFolder(path.join(dir, 'sub')), 1);
    assert.strictEqual(await set.addFile(path.join(dir, 'sub', '..', 'sub', 'p.plan.yaml')), true);
    assert.deepStrictEqual(rel(dir, set.files), ['sub/p.plan.yaml']);
  });
});

describe('readRegularFile', () => {
  it('reads a regular file through a link', async () => {
    const dir = tempDir();
    touch(path.join(dir, 'p.plan.yaml'), 'hello');
    fs.symlinkSync('p.plan.yaml', path.join(dir, 'l.plan.yaml'));
    assert.strictEqual((await readRegularFile(path.join(dir, 'l.plan.yaml'))).toString(), 'hello');
  });

  it('refuses a named pipe with no writer at once instead of waiting for one', async function () {
    this.timeout(3000);
    const dir = tempDir();
    const fifo = path.join(dir, 'p.plan.yaml');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(readRegularFile(fifo), /it is a named pipe \(FIFO\), not a file/);
  });

  it('refuses a file larger than the limit it is given, without reading it', async () => {
    const dir = tempDir();
    const f = touch(path.join(dir, 'big.plan.yaml'), 'x'.repeat(100));
    await assert.rejects(readRegularFile(f, 99), /larger than/);
    assert.strictEqual((await readRegularFile(f, 100)).length, 100);
  });
});
