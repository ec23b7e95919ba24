import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import { readRuleConfig } from './config';
import { configSchema } from './configSchema';
import { PlanWorkspace } from './documents';
import { planDiagnostics } from './features/diagnostics';
import { RULE_CODES, RULES, applyLevels } from './rules';
import { ERRORS, load, ROOT } from './test-util';

const SCHEMA_FILE = path.join(ROOT, 'schemas/planwright-config.schema.json');

function problems(text: string, name?: string) {
  return readRuleConfig(text, name).problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]);
}

describe('config files (.planwright.yaml, .planwright.json)', () => {
  it('reads rule levels and options, from YAML and from JSON alike', () => {
    const yaml = readRuleConfig('rules:\n  numbering-sequence: warning\n  measure-target-missing: off\n  title-too-long: { level: hint, max: 80 }\n');
    const json = readRuleConfig('{ "rules": { "numbering-sequence": "warning", "measure-target-missing": "off", "title-too-long": { "level": "hint", "max": 80 } } }', '.planwright.json');
    for (const c of [yaml, json]) {
      assert.deepStrictEqual(c.problems, []);
      assert.deepStrictEqual([...c.settings], [
        ['numbering-sequence', { level: 'warning' }],
        ['measure-target-missing', { level: 'off' }],
        ['title-too-long', { level: 'hint', options: { max: 80 } }],
      ]);
    }
  });

  it('a key far from any setting ends its sentence before saying what the file holds', () => {
    assert.deepStrictEqual(problems('extends: base\n'), [['extends', '`extends` is not a setting of .planwright.yaml. The file holds `rules:`.']]);
  });

  it('an empty file, or one with only comments, sets nothing and is no mistake', () => {
    for (const t of ['', '# nothing yet\n', 'rules:\n']) assert.deepStrictEqual(readRuleConfig(t), { settings: new Map(), problems: [] });
  });

  it('each mistake is reported in plain words on the text at fault, and the rest of the file still applies', () => {
    const t = 'rulez: {}\nrules:\n  numbring-sequence: off\n  measure-year: warn\n  title-too-long: { level: warning, max: -3, min: 2 }\n  schema: [error]\n  goal-single-objective: 7\n  numbering-duplicate: warning\n';
    assert.deepStrictEqual(problems(t), [
      ['rulez', '`rulez` is not a setting of .planwright.yaml. Did you mean `rules`? The file holds `rules:`.'],
      ['numbring-sequence', '`numbring-sequence` is not a Planwright rule. Did you mean `numbering-sequence`? The rules are listed in the README.'],
      ['warn', '"warn" is not a level for measure-year: use off, hint, information, warning or error.'],
      ['-3', '`max` of title-too-long should be a whole number of at least 1 (the longest title allowed, in characters).'],
      ['min', '`min` is not a setting of title-too-long: it has `level` and `max`.'],
      ['[error]', 'schema needs a level: off, hint, information, warning or error.'],
      ['7', '"7" is not a level for goal-single-objective: use off, hint, information, warning or error.'],
    ]);
    const { settings } = readRuleConfig(t);
    assert.deepStrictEqual(settings.get('numbering-duplicate'), { level: 'warning' });
    assert.deepStrictEqual(settings.get('title-too-long'), { level: 'warning' });
  });

  it('a file that is not YAML (or JSON) is one problem, where reading stopped, never an exception', () => {
    const yaml = problems('rules:\n  numbering-sequence: "warning\n');
    assert.strictEqual(yaml.length, 1);
    assert.match(yaml[0][1], /^\.planwright\.yaml is not valid YAML here .*; the file is ignored until it is fixed\.$/);
    const json = problems('{ "rules": { "schema": "error", } ', '.planwright.json');
    assert.strictEqual(json.length, 1);
    assert.match(json[0][1], /^\.planwright\.json is not valid JSON here/);
    const deep = problems('rules: ' + '['.repeat(5000));
    assert.strictEqual(deep.length, 1);
    assert.match(deep[0][1], /nests lists or mappings too deeply/);
    assert.deepStrictEqual(problems('- a\n- b\n').map((p) => p[1]), ['.planwright.yaml should hold `rules:` followed by rule names and levels, e.g. `rules: { title-too-long: warning }`; it is ignored.']);
  });

  it('the schema file is the one made from the rule list (so editing the config file completes every rule)', () => {
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')), configSchema(), 'schemas/planwright-config.schema.json is out of date: see configSchema.ts for the command that writes it');
    const rules = (configSchema().properties as { rules: { properties: Record<string, unknown> } }).rules.properties;
    assert.deepStrictEqual(Object.keys(rules), RULE_CODES);
  });

  it('the schema accepts exactly the files the reader accepts', () => {
    const validate = new Ajv2020({ strict: false }).compile(configSchema());
    const files = [
      'rules:\n  numbering-sequence: warning\n  title-too-long: { level: hint, max: 80 }\n',
      'rules:\n  numbering-sequence: warn\n',
      'rules:\n  nope: off\n',
      'rulez: {}\n',
      'rules:\n  title-too-long: { max: 0 }\n',
      'rules:\n  schema: { level: error, max: 3 }\n',
    ];
    for (const f of files) {
      const { parse } = require('yaml') as typeof import('yaml');
      assert.strictEqual(validate(parse(f)), readRuleConfig(f).problems.length === 0, f);
    }
  });

  it('the package contributes the schema for .planwright.json (JSON) and .planwright.yaml (Red Hat YAML)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const url = './schemas/planwright-config.schema.json';
    assert.ok(pkg.contributes.jsonValidation.some((v: { fileMatch: string; url: string }) => v.fileMatch === '.planwright.json' && v.url === url));
    assert.ok(pkg.contributes.yamlValidation.some((v: { fileMatch: string[]; url: string }) => v.fileMatch.includes('.planwright.yaml') && v.url === url));
  });
});

describe('rule levels (applied after every check, in one place)', () => {
  it('every code has a level, a short and full description and help', () => {
    for (const code of RULE_CODES) {
      const r = RULES[code];
      assert.ok(r.short && r.full && r.help, code);
    }
  });

  it("a plan's settings change the level of any code, or turn it off", () => {
    const ws = new PlanWorkspace();
    const { doc } = load(ERRORS, 'file:///w/with-errors.plan.yaml', ws);
    const before = planDiagnostics(ws, doc);
    const codes = new Set(before.map((d) => d.code));
    assert.ok(codes.has('numbering-sequence') && codes.has('reference-unresolved'));
    const settings = readRuleConfig('rules:\n  numbering-sequence: off\n  reference-unresolved: hint\n').settings;
    ws.rulesFor = () => settings;
    const after = planDiagnostics(ws, doc);
    assert.ok(!after.some((d) => d.code === 'numbering-sequence'));
    assert.ok(after.filter((d) => d.code === 'reference-unresolved').every((d) => d.severity === 'hint'));
    assert.strictEqual(after.length, before.filter((d) => d.code !== 'numbering-sequence').length);
    assert.deepStrictEqual(after.filter((d) => d.code !== 'reference-unresolved'), before.filter((d) => d.code !== 'numbering-sequence' && d.code !== 'reference-unresolved'));
  });

  it('a code the settings do not name keeps the level its check gave', () => {
    const d = { span: { start: 0, end: 1 }, severity: 'warning' as const, code: 'yaml-syntax' as const, message: 'm' };
    assert.deepStrictEqual(applyLevels([d], new Map([['schema', { level: 'off' }]])), [d]);
  });

  it('settings that change no finding give back the same list, not a copy; one that changes some copies, the input untouched', () => {
    const mk = (code: 'yaml-syntax' | 'numbering-sequence', severity: 'warning' | 'error', start: number) => ({ span: { start, end: start + 1 }, severity, code, message: 'm' });
    const list = [mk('numbering-sequence', 'warning', 0), mk('yaml-syntax', 'error', 2), mk('numbering-sequence', 'warning', 4)];
    const same = applyLevels(list, new Map([['numbering-sequence', { level: 'warning' }]]));
    assert.strictEqual(same, list);
    const input = list.slice();
    const changed = applyLevels(list, new Map([['yaml-syntax', { level: 'hint' }]]));
    assert.notStrictEqual(changed, list);
    assert.deepStrictEqual(list, input);
    assert.deepStrictEqual(changed.map((d) => d.severity), ['warning', 'hint', 'warning']);
    assert.strictEqual(changed[0], list[0]);
    const dropped = applyLevels(list, new Map([['numbering-sequence', { level: 'off' }]]));
    assert.deepStrictEqual(dropped, [list[1]]);
    assert.deepStrictEqual(list, input);
  });
});
