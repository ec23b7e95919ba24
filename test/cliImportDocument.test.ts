import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseFull } from '../server/src/service/parse';
import { cliIn, ROOT } from './cliRun';

const SEED = path.join(ROOT, 'test/fixtures/import/ice-strategic-plan-2021-2025.txt');

const run = cliIn(ROOT);
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pw-import-'));

describe('planwright import (documents)', () => {
  it('writes NAME.plan.yaml beside the text of a PDF, prints each note with its line, and the plan checks with no YAML or schema error', () => {
    const dir = tempDir();
    const doc = path.join(dir, 'ice.txt');
    fs.copyFileSync(SEED, doc);
    const r = run('import', doc);
    assert.strictEqual(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.ok(lines.includes(`${doc}:284  The heading "GOAL" has no number: read as goal 3, as the table of contents, the heading at line 294, its objectives and its place in the plan say.`), r.out);
    assert.strictEqual(lines[lines.length - 1], `${path.join(dir, 'ice.plan.yaml')}: 5 goals, 17 objectives, 53 sub-objectives (7 notes above, also at the top of the plan).`);
    const text = fs.readFileSync(path.join(dir, 'ice.plan.yaml'), 'utf8');
    const model = parseFull(text);
    assert.deepStrictEqual(model.diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema'), []);
    assert.match(text, /^  - id: "1"\n    title: Empower the Workforce that Powers the Mission\n    description: >-\n/m);
    assert.strictEqual(run('check', path.join(dir, 'ice.plan.yaml')).code, 0);
  });

  it('never writes over a file without --force, and writes to --out', () => {
    const dir = tempDir();
    const doc = path.join(dir, 'ice.txt');
    fs.copyFileSync(SEED, doc);
    fs.writeFileSync(path.join(dir, 'ice.plan.yaml'), 'mine');
    const r = run('import', doc);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /did not write ".*ice\.plan\.yaml": it exists\. Give another name with --out, or --force to replace it\./);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'ice.plan.yaml'), 'utf8'), 'mine');
    assert.strictEqual(run('import', doc, '--force').code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'ice.plan.yaml'), 'utf8'), /^planwright: 1$/m);
    const out = path.join(dir, 'other.plan.yaml');
    assert.strictEqual(run('import', '--out', out, doc).code, 0);
    assert.ok(fs.existsSync(out));
  });

  it('writes nothing and exits 1 for a document with no goals, saying what it looks for', () => {
    const dir = tempDir();
    for (const [name, content] of [['memo.txt', 'Memo\n\nThe team meets on Tuesday. Bring the budget.\n'], ['empty.md', '']] as const) {
      const doc = path.join(dir, name);
      fs.writeFileSync(doc, content);
      const r = run('import', doc);
      assert.strictEqual(r.code, 1, `${name}: ${r.out}${r.err}`);
      assert.match(r.err, /found no goals in .*: nothing written\./);
      assert.ok(!/at .*\.js:\d+/.test(r.err), 'no stack trace');
      assert.ok(!fs.existsSync(path.join(dir, name.replace(/\.\w+$/, '.plan.yaml'))));
    }
  });

  it('refuses a .docx that is not a Word document, and a .txt or .md that is binary, with one error and status 2, writing nothing', () => {
    const dir = tempDir();
    const cases = [
      ['broken.docx', 'not a zip', /it is not a Word document \(a \.docx is a zip of XML parts; if it is an old \.doc, save it as \.docx in Word first\)\.$/],
      ['noise.txt', Buffer.from([0, 1, 2, 3, 255, 254, 0, 9]), /it is not text in UTF-8 or UTF-16 \(save it as UTF-8 text and import it again\)\.$/],
      ['noise.md', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), /it is not text in UTF-8 or UTF-16/],
    ] as const;
    for (const [name, content, words] of cases) {
      const doc = path.join(dir, name);
      fs.writeFileSync(doc, content);
      const r = run('import', doc);
      assert.strictEqual(r.code, 2, `${name}: ${r.out}${r.err}`);
      assert.strictEqual(r.out, '', `${name}: nothing on stdout`);
      const lines = r.err.trim().split('\n');
      assert.strictEqual(lines.length, 1, r.err);
      assert.ok(lines[0].startsWith(`planwright: cannot import "${doc}": `), lines[0]);
      assert.match(lines[0], words);
      assert.ok(!fs.existsSync(path.join(dir, name.replace(/\.\w+$/, '.plan.yaml'))));
    }
  });

  it('refuses other kinds of files and a missing file with status 2', () => {
    assert.strictEqual(run('import', 'samples/ice-strategic-plan-2021-2025.plan.yaml').code, 2);
    assert.match(run('import', path.join(tempDir(), 'none.docx')).err, /cannot read .*no such file/);
    assert.strictEqual(run('import').code, 2);
  });

  it('counts in words that agree: "1 goal, 1 objective, 0 sub-objectives (1 note above ...)"', () => {
    const dir = tempDir();
    const md = path.join(dir, 'harbor.md');
    fs.writeFileSync(md, '# Harbor Plan\n\n## Goal 1: Keep Cargo Moving\n\n### Objective 1.3: Shorten Waits\n');
    const r = run('import', md);
    assert.strictEqual(r.code, 0, r.err);
    const lines = r.out.trim().split('\n');
    assert.strictEqual(lines[lines.length - 1], `${path.join(dir, 'harbor.plan.yaml')}: 1 goal, 1 objective, 0 sub-objectives (1 note above, also at the top of the plan).`);
  });
});

describe('import: the adapter for the import command\'s table of importers', () => {
  it('gives the plan, a summary and notes with their lines (Word: the paragraph in the message), and throws NoGoalsError for a document without goals', async () => {
    const { readDocumentForImport, NoGoalsError } = await import('../server/src/cli/importDocument');
    const r = await readDocumentForImport(fs.readFileSync(path.join(ROOT, 'test/fixtures/import/riverton-strategic-plan.txt')), 'riverton.txt');
    assert.strictEqual(r.summary, '3 goals, 5 objectives, 10 sub-objectives');
    assert.deepStrictEqual(r.report, [{ line: 114, message: '"Appendix: How We Will Measure Progress" (one paragraph) after the goals belongs to no goal: left out.' }]);
    await assert.rejects(readDocumentForImport(Buffer.from('# Memo\n\nNothing.\n'), 'memo.md'), (e) => e instanceof NoGoalsError && /No goals found/.test((e as Error).message));
  });
});
