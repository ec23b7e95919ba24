import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliIn, ROOT } from './cliRun';

const FIXTURES = path.join(ROOT, 'test/fixtures/stratml');

const run = cliIn(ROOT);

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pw-import-'));

describe('planwright import', () => {
  it('writes FILE.plan.yaml beside a StratML file, prints the summary, one line per thing not carried over (file:line:column) and the plan written; the plan checks', () => {
    const dir = tempDir();
    const xml = path.join(dir, 'oai.xml');
    fs.copyFileSync(path.join(FIXTURES, 'white-house-office-of-american-innovation.xml'), xml);
    const r = run('import', xml);
    assert.strictEqual(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.match(lines[0], new RegExp(`^${xml.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Read a StratML Part 1 StrategicPlan: 1 goal, 5 objectives`));
    assert.ok(lines.includes(`${xml}:2:2327: 1 goal had no sequence indicator and was numbered in document order (line 2:2327)`), r.out);
    assert.strictEqual(lines[lines.length - 1], path.join(dir, 'oai.plan.yaml'));
    const text = fs.readFileSync(path.join(dir, 'oai.plan.yaml'), 'utf8');
    assert.match(text, /^# Imported from oai\.xml by planwright import\.\n\nplanwright: 1\ntitle: Presidential Memorandum/);
    const check = run('check', path.join(dir, 'oai.plan.yaml'));
    assert.doesNotMatch(check.out, /yaml-syntax|schema/);
  });

  it('never replaces an existing plan file without --force, and writes where --out says', () => {
    const dir = tempDir();
    const xml = path.join(dir, 'smlc.xml');
    fs.copyFileSync(path.join(FIXTURES, 'smlc-2011-annual-report.xml'), xml);
    const target = path.join(dir, 'smlc.plan.yaml');
    fs.writeFileSync(target, 'mine\n');
    const r = run('import', xml);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.err.trim(), `planwright: did not write "${target}": it exists. Give another name with --out, or --force to replace it.`);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), 'mine\n');
    assert.strictEqual(run('import', xml, '--force').code, 0);
    assert.match(fs.readFileSync(target, 'utf8'), /title: 2011 Annual Report/);
    const other = path.join(dir, 'other.plan.yaml');
    assert.strictEqual(run('import', '--out', other, xml).code, 0);
    assert.ok(fs.existsSync(other));
  });

  it('names what it can import when the extension has no importer, and says why a file is not StratML', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plan.csv'), 'a,b\n');
    const r = run('import', path.join(dir, 'plan.csv'));
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /files ending in \.xml.* can be imported, not \.csv/);
    fs.writeFileSync(path.join(dir, 'page.xml'), '<html/>');
    const n = run('import', path.join(dir, 'page.xml'));
    assert.strictEqual(n.code, 2);
    assert.match(n.err, /this is not a StratML plan: its top element is <html>/);
    assert.ok(!fs.existsSync(path.join(dir, 'page.plan.yaml')));
  });
  it('refuses a StratML path that is a named pipe or a folder, in words, instead of waiting on the pipe forever', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir();
    const pipe = path.join(dir, 'plan.xml');
    spawnSync('mkfifo', [pipe]);
    const r = run('import', pipe);
    assert.strictEqual(r.code, 2, `exit ${r.code}: ${r.err}`);
    assert.strictEqual(r.err.trim(), `planwright: cannot read "${pipe}": it is a named pipe (FIFO), not a file.`);
    const folder = path.join(dir, 'folder.xml');
    fs.mkdirSync(folder);
    const f = run('import', folder);
    assert.strictEqual(f.code, 2);
    assert.strictEqual(f.err.trim(), `planwright: cannot read "${folder}": it is a folder, not a file.`);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['folder.xml', 'plan.xml']);
  });
});
