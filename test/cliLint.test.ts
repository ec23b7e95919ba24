// planwright check with config files, disable comments, style rules and SARIF output.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parentSamples } from '../server/src/service/test-util';
import { cliIn, ROOT } from './cliRun';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const ERRORS = fs.readFileSync(path.join(ROOT, 'samples/with-errors.plan.yaml'), 'utf8');

const run = (cwd: string, ...args: string[]) => cliIn(cwd)(...args);
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

describe('planwright check --format sarif', () => {
  // The SARIF 2.1.0 schema (OASIS; the copy @microsoft/jest-sarif ships, MIT), vendored so the test runs offline.
  // It is draft-04: its root `id` is ajv's `$id` (no other draft-04 keyword it uses reads differently), and one
  // of its patterns is not valid with JavaScript's u flag (`]?`), so patterns are read without it.
  const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'));
  const { id, $schema: _draft, ...rest } = raw;
  const Ajv = require('ajv').default;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile({ ...rest, $id: id });

  function sarif(cwd: string, ...targets: string[]) {
    const r = run(cwd, 'check', '--format', 'sarif', ...targets);
    return { code: r.code, log: JSON.parse(r.out), err: r.err };
  }

  it('is valid SARIF 2.1.0: one run, every rule with its descriptions, help and default level', () => {
    const { code, log } = sarif(ROOT, 'samples/');
    assert.strictEqual(code, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(log.runs.length, 1);
    const rules = log.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string; enabled?: boolean } }[];
    const byId = new Map(rules.map((r) => [r.id, r]));
    assert.deepStrictEqual(byId.get('measure-direction')!.defaultConfiguration, { level: 'warning' });
    assert.deepStrictEqual(byId.get('numbering-parent')!.defaultConfiguration, { level: 'error' });
    assert.deepStrictEqual(byId.get('measure-target-missing')!.defaultConfiguration, { level: 'note' });
    assert.deepStrictEqual(byId.get('title-too-long')!.defaultConfiguration, { enabled: false, level: 'warning' });
    for (const r of rules) assert.ok(r.shortDescription.text && r.fullDescription.text && r.help.text, r.id);
  });

  it('each result has its rule, level, message and exact region (1-based, UTF-16 columns) in a file named relative to the working folder', () => {
    const text = run(ROOT, 'check', 'samples/with-errors.plan.yaml').out.trim().split('\n').slice(0, -1);
    const { log } = sarif(ROOT, 'samples/with-errors.plan.yaml');
    const run0 = log.runs[0];
    assert.strictEqual(run0.columnKind, 'utf16CodeUnits');
    assert.strictEqual(run0.originalUriBaseIds['%SRCROOT%'].uri, `file://${ROOT}/`);
    const results = run0.results as any[];
    assert.strictEqual(results.length, text.length);
    // The text format's path:line:col severity code message, made from the SARIF result.
    const level: Record<string, string> = { error: 'error', warning: 'warning', note: 'information' };
    const again = results.map((r) => {
      const loc = r.locations[0].physicalLocation;
      assert.strictEqual(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.strictEqual(run0.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      return `${loc.artifactLocation.uri}:${loc.region.startLine}:${loc.region.startColumn}  ${level[r.level]}  ${r.ruleId}  ${r.message.text}`;
    });
    assert.deepStrictEqual(again, text);
    // 2.1 is taken: the duplicate points at the first.
    const dup = results.find((r) => r.ruleId === 'numbering-duplicate');
    assert.strictEqual(dup.relatedLocations[0].physicalLocation.region.startLine, 31);
  });

  it('columns count UTF-16 code units past non-ASCII text and emoji, and end where the range ends', () => {
    const dir = tempDir();
    const line = '      - { id: "1.1", title: "Quai 🚢 é", related: ["9"] }';
    write(path.join(dir, 'p.plan.yaml'), `planwright: 1\ntitle: Café 🚢\ngoals:\n  - id: "1"\n    title: G\n    objectives:\n${line}\n`);
    const { log } = sarif(dir, '.');
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
    const r = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'reference-unresolved');
    // JavaScript strings are UTF-16: indexOf counts as SARIF's utf16CodeUnits do (🚢 is two).
    const at = line.indexOf('"9"') + 1;
    assert.deepStrictEqual(r.locations[0].physicalLocation.region, { startLine: 7, startColumn: at, endLine: 7, endColumn: at + 3 });
    assert.strictEqual(at, 52);
    assert.strictEqual(r.locations[0].physicalLocation.artifactLocation.uri, 'p.plan.yaml');
  });

  it("a config file's mistakes are results on the config file; the config's levels and turned-on style rules are the results' levels", () => {
    const dir = tempDir();
    write(path.join(dir, 'plans/ice.plan.yaml'), ICE);
    write(path.join(dir, 'plans/.planwright.yaml'), 'rules:\n  title-too-long: { level: information, max: 100 }\n  nope: off\n');
    const { log } = sarif(dir, 'plans');
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5)));
    const results = log.runs[0].results as any[];
    const uris = results.map((r) => log.runs[0].artifacts[r.locations[0].physicalLocation.artifactLocation.index].location.uri);
    assert.deepStrictEqual([...new Set(uris)], ['plans/.planwright.yaml', 'plans/ice.plan.yaml']);
    assert.ok(results.filter((r) => r.ruleId === 'title-too-long').length > 0 && results.filter((r) => r.ruleId === 'title-too-long').every((r) => r.level === 'note'));
  });

  it('the text and json formats are unchanged', () => {
    const r = run(ROOT, 'check', '--format', 'json', 'samples/with-errors.plan.yaml');
    const d = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(d[0]), ['file', 'range', 'severity', 'code', 'message']);
    assert.strictEqual(run(ROOT, 'check', '--format', 'xml', 'samples/').err.trim(), 'planwright: --format must be text, json or sarif, not "xml".');
  });
});

describe('planwright check: disable comments and style rules', () => {
  it('a disable comment silences a finding on the command line as in the editor, and an unused one is reported', () => {
    const dir = tempDir();
    const t = ERRORS.replace('      - id: 1.2 ', '      # planwright-disable-next-line numbering-format\n      - id: 1.2 ').replace('title: Harbor City', '# planwright-disable-next-line schema\ntitle: Harbor City');
    write(path.join(dir, 'p.plan.yaml'), t);
    const r = run(dir, 'check', '.');
    assert.ok(!r.out.includes('numbering-format  Objective number 1.2'), r.out);
    assert.match(r.out, /^p\.plan\.yaml:5:32  information  unused-disable  This comment turns off schema on the next line/m);
  });

  it('style rules are reported only once a config file turns them on', () => {
    const dir = tempDir();
    write(path.join(dir, 'ice.plan.yaml'), ICE);
    // The DHS plan ICE aligns to (`parents:`), beside it as in samples/.
    for (const p of parentSamples('file:///x/ice.plan.yaml', ICE)) write(path.join(dir, path.basename(p.uri)), p.text);
    assert.strictEqual(run(dir, 'check', '.').code, 0);
    write(path.join(dir, '.planwright.yaml'), 'rules:\n  title-capitalization: error\n');
    const r = run(dir, 'check', '.');
    assert.strictEqual(r.code, 1);
    assert.match(r.out, /^ice\.plan\.yaml:380:12  error  title-capitalization  Most titles of this plan are in Title Case \(70 of 75\); this one is in Sentence case\. Write it as "Safeguard the Integrity of Our Immigration System"\.$/m);
  });
});
