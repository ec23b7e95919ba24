// Imports write their plan with writeNewFile (client/src/newFile.ts): a file that is there, or
// that appears between the command's first look and the write, is never overwritten.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeNewFile } from '../client/src/newFile';

const bytes = (s: string) => new TextEncoder().encode(s);
const onDisk = (file: string) => ({ scheme: 'file', fsPath: file });
const notElsewhere = async (): Promise<'created' | 'exists'> => {
  throw new Error('a file: URI is written on disk, not through the other file systems');
};

describe('writing an imported plan (writeNewFile)', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-newfile-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the file with the plan when nothing is there', async () => {
    const file = path.join(dir, 'plan.plan.yaml');
    assert.strictEqual(await writeNewFile(onDisk(file), bytes('planwright: 1\n'), notElsewhere), 'created');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'planwright: 1\n');
  });

  it('answers that it exists, and leaves it as it is, when a file was saved there after the command looked', async () => {
    const file = path.join(dir, 'plan.plan.yaml');
    assert.ok(!fs.existsSync(file)); // the command's first look
    fs.writeFileSync(file, 'the user\'s own plan\n'); // an editor's save while the server imports
    assert.strictEqual(await writeNewFile(onDisk(file), bytes('imported\n'), notElsewhere), 'exists');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), 'the user\'s own plan\n');
  });

  it('of two imports writing one name at once, writes one and tells the other it exists', async () => {
    const file = path.join(dir, 'plan.plan.yaml');
    const results = await Promise.all(['first\n', 'second\n'].map((t) => writeNewFile(onDisk(file), bytes(t.repeat(50_000)), notElsewhere)));
    assert.deepStrictEqual([...results].sort(), ['created', 'exists']);
    const written = results[0] === 'created' ? 'first\n' : 'second\n';
    assert.strictEqual(fs.readFileSync(file, 'utf8'), written.repeat(50_000));
  });

  it('answers that it exists when a folder has the name', async () => {
    fs.mkdirSync(path.join(dir, 'plan.plan.yaml'));
    assert.strictEqual(await writeNewFile(onDisk(path.join(dir, 'plan.plan.yaml')), bytes('x'), notElsewhere), 'exists');
  });

  it('throws for a folder that is not there, leaving nothing behind', async () => {
    const file = path.join(dir, 'missing', 'plan.plan.yaml');
    await assert.rejects(writeNewFile(onDisk(file), bytes('x'), notElsewhere), /ENOENT/);
    assert.ok(!fs.existsSync(path.join(dir, 'missing')));
  });

  it('writes a file of another file system the way the caller gives (a WorkspaceEdit there)', async () => {
    let asked = 0;
    const r = await writeNewFile({ scheme: 'vscode-vfs', fsPath: '/plan.plan.yaml' }, bytes('x'), async () => (asked++, 'exists'));
    assert.deepStrictEqual([r, asked], ['exists', 1]);
  });
});
