// Hostile inputs get diagnostics, never an exception, a hang or a crash: in the service,
// the CLI and the server. Mocha's timeout is the bound on time.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_DEPTH, parseFull, PlanParser } from '../../server/src/service/parse';
import { stripBom } from '../../server/src/service/text';
import { TestClient } from '../protocol/lspClient';
import * as F from './fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const TOO_DEEP = new RegExp(`nested more than ${MAX_DEPTH} levels deep`);

/** Runs `f` under `frames` extra stack frames: what the parser does must not depend on its caller. */
function underStack<T>(frames: number, f: () => T): T {
  const down = (n: number): T => (n === 0 ? f() : down(n - 1));
  return down(frames);
}

function codes(text: string): string[] {
  return parseFull(stripBom(text)).diagnostics.map((d) => d.code);
}

describe('hostile input', function () {
  this.timeout(60000);

  for (const [name, make] of Object.entries(F.HOSTILE)) {
    it(`reads ${name} without throwing, block-wise and whole`, () => {
      const text = stripBom(make());
      const full = parseFull(text);
      const blocks = new PlanParser().parse(text);
      assert.deepStrictEqual(blocks.diagnostics, full.diagnostics);
    });
  }

  it('stops an alias bomb with one plain-words error', () => {
    const d = parseFull(F.aliasBomb()).diagnostics;
    assert.deepStrictEqual(d.map((x) => x.code), ['yaml-syntax']);
    assert.match(d[0].message, /aliases expand to too much data/);
  });

  describe('nesting', () => {
    const SHAPES: F.BlockShape[] = ['dashes', 'maps', 'lists of maps'];

    for (const shape of SHAPES) {
      it(`refuses block nesting (${shape}) past ${MAX_DEPTH} levels with one plain-words error where it gets too deep, block-wise and whole`, () => {
        for (const depth of shape === 'dashes' ? [MAX_DEPTH + 10, 1000, 2500, 3000, 10000, 100000] : [MAX_DEPTH + 10, 1000, 2500]) {
          const text = F.deepBlockInPlan(depth, shape);
          const full = parseFull(text).diagnostics;
          assert.deepStrictEqual(full.map((d) => d.code), ['yaml-syntax'], `depth ${depth}`);
          assert.match(full[0].message, TOO_DEEP);
          // On the nesting itself, in the notes, not at an arbitrary place.
          const notes = text.indexOf('notes:');
          assert.ok(full[0].span.start > notes && full[0].span.start < text.indexOf('\ngoals:', notes), `depth ${depth}: at ${full[0].span.start}`);
          assert.deepStrictEqual(new PlanParser().parse(text).diagnostics, full);
        }
      });

      it(`reads block nesting (${shape}) just under the limit as yaml does, even when called deep in the stack`, () => {
        const text = F.deepBlockInPlan(MAX_DEPTH - 10, shape);
        for (const frames of [0, 3000]) {
          const d = underStack(frames, () => parseFull(text).diagnostics);
          // `notes` is not a plan field: that is all there is to say.
          assert.deepStrictEqual(d.map((x) => x.code), ['schema'], `${frames} frames: ${d.map((x) => x.message)}`);
          assert.deepStrictEqual(underStack(frames, () => new PlanParser().parse(text).diagnostics), d);
        }
      });
    }

    it('counts block and bracket nesting together', () => {
      const d = parseFull(F.blockAndFlow()).diagnostics;
      assert.deepStrictEqual(d.map((x) => x.code), ['yaml-syntax']);
      assert.match(d[0].message, TOO_DEEP);
    });

    it('refuses deep nesting the same way when called deep in the stack', () => {
      const text = F.deepBlockInPlan(10000);
      const shallow = parseFull(text).diagnostics;
      assert.deepStrictEqual(underStack(5000, () => parseFull(text).diagnostics), shallow);
      assert.deepStrictEqual(underStack(5000, () => parseFull(F.deepFlow()).diagnostics.map((d) => d.message)), [shallow[0].message]);
    });

    it('does not count brackets in comments, quoted strings, | text or mid-word as nesting', () => {
      const text = F.bracketsInText();
      assert.deepStrictEqual(codes(text), []);
      // Forced to a full parse by a document marker: still nothing to say.
      assert.deepStrictEqual(codes('---\n' + text), []);
    });
  });

  it('says that a merge conflict is one, and nothing else about those lines', () => {
    const d = parseFull(F.mergeConflict()).diagnostics;
    assert.strictEqual(d[0].code, 'yaml-syntax');
    assert.match(d[0].message, /git merge conflict/);
    assert.ok(d.every((x) => !/Map keys|Implicit/.test(x.message)));
  });

  it('says that a file holds several documents', () => {
    assert.match(parseFull(F.multiDocument()).diagnostics[0].message, /more than one YAML document/);
  });

  it('reports duplicate keys, tabs used as indentation and an empty plan in plain words', () => {
    assert.deepStrictEqual(codes(F.duplicateKeys()), ['yaml-syntax']);
    assert.ok(codes(F.bomCrlfTabs()).includes('yaml-syntax'));
    assert.match(parseFull('').diagnostics[0].message, /This plan is empty/);
  });

  it('reads anchors and merge keys as the values they stand for', () => {
    assert.deepStrictEqual(codes(F.anchorsAndMerges()), []);
  });

  it('checks a JSON file named .plan.yaml like any plan (JSON is YAML)', () => {
    assert.deepStrictEqual(codes(F.jsonPlan()), ['numbering-sequence']);
  });

  it('checks a 200,000-line plan', () => {
    const text = F.hugePlan(200000);
    assert.ok(text.split('\n').length > 195000);
    const m = new PlanParser().parse(text);
    assert.strictEqual(m.parseMode, 'blocks');
    assert.deepStrictEqual(m.diagnostics, []);
  });

  describe('in the CLI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-hostile-'));
    for (const [name, make] of Object.entries(F.HOSTILE)) {
      it(`exits 0 or 1 with diagnostics, never a stack trace, for ${name}`, () => {
        const file = path.join(dir, name.replace(/[^a-z0-9]+/gi, '-') + '.plan.yaml');
        fs.writeFileSync(file, make());
        const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/planwright.js'), 'check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
        assert.doesNotMatch(r.stderr + r.stdout, /\n\s+at .+\(.+:\d+:\d+\)/);
        assert.match(r.stdout, /plans? checked/);
      });
    }

    for (const depth of [2500, 3000, 10000]) {
      it(`exits 1 with the nesting error for block nesting ${depth} levels deep`, () => {
        const file = path.join(dir, `deep-${depth}.plan.yaml`);
        fs.writeFileSync(file, F.deepBlockInPlan(depth));
        const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/planwright.js'), 'check', file], { encoding: 'utf8' });
        assert.strictEqual(r.status, 1, r.stderr);
        assert.match(r.stdout, TOO_DEEP);
        assert.doesNotMatch(r.stdout + r.stderr, /call stack/i);
        assert.match(r.stdout, /1 plan checked: 1 error/);
      });
    }

    it('exits 2 naming a file that is not UTF-8', () => {
      const file = path.join(dir, 'invalid-utf8.plan.yaml');
      fs.writeFileSync(file, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/planwright.js'), 'check', file], { encoding: 'utf8' });
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /invalid-utf8\.plan\.yaml.*not UTF-8 text/);
    });
  });

  describe('in the server', () => {
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize();
    });
    after(async () => client.shutdown());

    for (const [name, make] of Object.entries(F.HOSTILE)) {
      it(`publishes diagnostics and stays alive for ${name}`, async () => {
        const uri = `file:///hostile/${encodeURIComponent(name)}.plan.yaml`;
        const text = stripBom(make());
        client.open(uri, text);
        const d = await client.waitForDiagnostics(uri, undefined, 30000);
        assert.deepStrictEqual(d.map((x) => x.code), codes(text));
        const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
        assert.ok(h === null || typeof h === 'object');
        assert.strictEqual(client.proc.exitCode, null);
      });
    }

    for (const depth of [2500, 3000, 10000, 100000]) {
      it(`publishes the nesting error for the new version, lists symbols and stays alive when ${depth}-deep block nesting is typed into an open plan`, async () => {
        const uri = `file:///hostile/typed-deep-${depth}.plan.yaml`;
        client.open(uri, F.ICE_TEXT, 1);
        await client.waitForDiagnostics(uri, (p) => p.version === 1);
        const edit = F.deepBlockEdit(depth);
        client.change(uri, 2, [{ range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: 0 } }, text: edit.text }]);
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(Array.isArray(symbols));
        const d = await client.waitForDiagnostics(uri, (p) => p.version === 2, 30000);
        assert.deepStrictEqual(d.map((x) => x.code), ['yaml-syntax']);
        assert.match(d[0].message, TOO_DEEP);
        assert.strictEqual(d[0].range.start.line, edit.line + 1);
        const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
        assert.ok(h === null || typeof h === 'object');
        assert.strictEqual(client.proc.exitCode, null);
        client.close(uri);
      });
    }
  });
});
