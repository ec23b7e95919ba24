import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RuleConfigs } from './ruleConfig';

function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-config-')));
}
function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('config files on disk (ruleConfig.ts)', () => {
  it('the nearest config file above a plan applies to it, whole (no merging with ones further up)', async () => {
    const root = tempDir();
    write(path.join(root, '.planwright.yaml'), 'rules:\n  numbering-sequence: warning\n  title-too-long: error\n');
    write(path.join(root, 'team/.planwright.json'), '{ "rules": { "numbering-sequence": "off" } }');
    const configs = new RuleConfigs();
    const top = path.join(root, 'a.plan.yaml');
    const deep = path.join(root, 'team/sub/b.plan.yaml');
    await configs.prepare(top);
    await configs.prepare(deep);
    assert.deepStrictEqual([...configs.settingsFor(top)], [['numbering-sequence', { level: 'warning' }], ['title-too-long', { level: 'error' }]]);
    assert.deepStrictEqual([...configs.settingsFor(deep)], [['numbering-sequence', { level: 'off' }]]);
    assert.strictEqual(configs.configOf(deep)?.file, path.join(root, 'team/.planwright.json'));
  });

  it('a plan with no config file above it gets the defaults (no settings)', async () => {
    const root = tempDir();
    const configs = new RuleConfigs(undefined, async (f) => (f.startsWith(root) ? undefined : undefined));
    await configs.prepare(path.join(root, 'x.plan.yaml'));
    assert.strictEqual(configs.settingsFor(path.join(root, 'x.plan.yaml')).size, 0);
  });

  it('a folder not looked at yet is read on demand, and the host is told to check again when a config is found there', async () => {
    const root = tempDir();
    write(path.join(root, '.planwright.yaml'), 'rules:\n  schema: warning\n');
    const told: [string, boolean][] = [];
    const configs = new RuleConfigs((file, _c, recheck) => told.push([file, recheck]));
    const plan = path.join(root, 'p.plan.yaml');
    assert.strictEqual(configs.settingsFor(plan).size, 0); // not known yet: defaults for now
    await configs.prepare(plan);
    assert.deepStrictEqual(told, [[path.join(root, '.planwright.yaml'), true]]);
    assert.strictEqual(configs.settingsFor(plan).get('schema')?.level, 'warning');
  });

  it('a change the watcher reports is read again: new settings, and a deleted file leaves the defaults', async () => {
    const root = tempDir();
    const file = write(path.join(root, '.planwright.yaml'), 'rules:\n  schema: warning\n');
    const told: [string, boolean, boolean][] = [];
    const configs = new RuleConfigs((f, c, recheck) => told.push([f, !!c, recheck]));
    const plan = path.join(root, 'p.plan.yaml');
    await configs.prepare(plan);
    const first = configs.settingsFor(plan);
    write(file, 'rules:\n  schema: hint\n');
    await configs.reported(file);
    assert.strictEqual(configs.settingsFor(plan).get('schema')?.level, 'hint');
    assert.notStrictEqual(configs.settingsFor(plan), first);
    fs.unlinkSync(file);
    await configs.reported(file);
    assert.strictEqual(configs.settingsFor(plan).size, 0);
    assert.deepStrictEqual(told.slice(1), [[file, true, true], [file, false, true]]);
  });

  it('a config file that cannot be read is reported on it, not thrown', async () => {
    const root = tempDir();
    const configs = new RuleConfigs(undefined, async (f) => {
      if (f === path.join(root, '.planwright.yaml')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return undefined;
    });
    await configs.prepare(path.join(root, 'p.plan.yaml'));
    const c = configs.configOf(path.join(root, 'p.plan.yaml'))!;
    assert.deepStrictEqual(c.config.problems.map((p) => p.message), ['.planwright.yaml cannot be read (EACCES: permission denied); it is ignored.']);
  });
});
