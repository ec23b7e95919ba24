import * as assert from 'assert';
import { URI } from 'vscode-uri';
import { createLanguageService } from './service';
import { MAX_READS, WorkspaceFiles, type PlanFileSystem } from './workspaceFiles';

const plan = (title: string, extra = '') => `planwright: 1\ntitle: ${title}\n${extra}goals:\n  - { id: "1", title: G }\n`;
const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

/** A file system of texts in memory; `hooks` can make a call fail or wait. */
class FakeFs implements PlanFileSystem {
  files = new Map<string, string>();
  inFlight = 0;
  maxInFlight = 0;
  onStat?: (path: string) => Promise<void> | void;
  onRead?: (path: string) => Promise<void> | void;
  async stat(path: string) {
    await this.onStat?.(path);
    if (!this.files.has(path)) throw errno('ENOENT');
    return { isFile: () => true, size: this.files.get(path)!.length };
  }
  async readFile(path: string) {
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      await new Promise((r) => setImmediate(r));
      await this.onRead?.(path);
      const text = this.files.get(path);
      if (text === undefined) throw errno('ENOENT');
      return text;
    } finally {
      this.inFlight--;
    }
  }
}

function setup() {
  const fs = new FakeFs();
  const service = createLanguageService();
  const open = new Set<string>();
  const logs: string[] = [];
  let settledOnce: (v: { uris: string[]; unitsChanged: boolean }) => void = () => undefined;
  const files = new WorkspaceFiles({
    service,
    fs,
    isOpen: (uri) => open.has(uri),
    settled: (uris, unitsChanged) => settledOnce({ uris, unitsChanged }),
    log: (m) => logs.push(m),
  });
  const settled = () => new Promise<{ uris: string[]; unitsChanged: boolean }>((r) => (settledOnce = r));
  return { fs, service, open, logs, files, settled };
}

const uriOf = (name: string) => URI.file(`/ws/${name}`).toString();
const pathOf = (name: string) => URI.file(`/ws/${name}`).fsPath;

describe('plan files on disk', () => {
  it('reads at most MAX_READS files at once, and publishes once, after the last', async () => {
    const t = setup();
    for (let i = 0; i < 1500; i++) t.fs.files.set(pathOf(`p${i}.plan.yaml`), plan(`P${i}`));
    const done = t.settled();
    for (let i = 0; i < 1500; i++) t.files.reported(uriOf(`p${i}.plan.yaml`));
    const { uris } = await done;
    assert.strictEqual(uris.length, 1500);
    assert.strictEqual(t.service.workspace.all().length, 1500);
    assert.ok(t.fs.maxInFlight <= MAX_READS, `${t.fs.maxInFlight} reads at once`);
  });

  it('tries a read again after EMFILE or EAGAIN, and reads the plan', async () => {
    const t = setup();
    t.fs.files.set(pathOf('a.plan.yaml'), plan('A'));
    const failures = ['EMFILE', 'EAGAIN', 'ENFILE'];
    t.fs.onRead = () => {
      const code = failures.shift();
      if (code) throw errno(code);
    };
    const done = t.settled();
    t.files.reported(uriOf('a.plan.yaml'));
    await done;
    assert.strictEqual(t.service.workspace.get(uriOf('a.plan.yaml'))?.model.title, 'A');
    assert.deepStrictEqual(t.logs, []);
  });

  it('keeps a plan as last read, and says so in the log, when its file cannot be read for another reason', async () => {
    const t = setup();
    t.fs.files.set(pathOf('a.plan.yaml'), plan('A', 'units:\n  - { id: OPS, name: Ops }\n'));
    const done = t.settled();
    t.files.reported(uriOf('a.plan.yaml'));
    await done;
    t.fs.onRead = () => {
      throw errno('EACCES');
    };
    t.files.reported(uriOf('a.plan.yaml'));
    await new Promise((r) => setTimeout(r, 20));
    assert.strictEqual(t.service.workspace.get(uriOf('a.plan.yaml'))?.model.title, 'A');
    assert.ok(t.service.workspace.units().has('OPS'));
    assert.strictEqual(t.logs.length, 1);
    assert.match(t.logs[0], /a\.plan\.yaml: EACCES.*kept as it was last read/);
    // A resource shortage that outlasts every try is logged the same way, and the plan kept.
    t.fs.onRead = () => {
      throw errno('EMFILE');
    };
    t.files.reported(uriOf('a.plan.yaml'));
    await new Promise((r) => setTimeout(r, 3000));
    assert.strictEqual(t.service.workspace.get(uriOf('a.plan.yaml'))?.model.title, 'A');
    assert.match(t.logs[1], /EMFILE.*still after 9 tries.*kept/);
  }).timeout(10000);

  it('drops a plan only when stat says its file is gone', async () => {
    const t = setup();
    t.fs.files.set(pathOf('a.plan.yaml'), plan('A'));
    let done = t.settled();
    t.files.reported(uriOf('a.plan.yaml'));
    await done;
    // Gone between stat and read: stat is asked again, and says so.
    t.fs.onRead = () => {
      t.fs.files.delete(pathOf('a.plan.yaml'));
    };
    done = t.settled();
    t.files.reported(uriOf('a.plan.yaml'));
    assert.deepStrictEqual((await done).uris, [uriOf('a.plan.yaml')]);
    assert.strictEqual(t.service.workspace.get(uriOf('a.plan.yaml')), undefined);
  });

  it('never lets a read started before a close and a reopen drop or overwrite the reopened document', async () => {
    const t = setup();
    const uri = uriOf('unsaved.plan.yaml');
    let release!: () => void;
    t.fs.onStat = () => new Promise<void>((r) => (release = r));
    // Open, closed (the read of the disk starts), reopened before the read ends.
    t.open.add(uri);
    t.files.opened(uri);
    t.service.update(uri, plan('Open'), 1);
    t.open.delete(uri);
    t.files.closed(uri);
    t.open.add(uri);
    t.files.opened(uri);
    t.service.update(uri, plan('Reopened'), 2);
    const done = t.settled();
    release(); // the file is not on disk
    await done;
    assert.strictEqual(t.service.workspace.get(uri)?.model.title, 'Reopened');
  });

  it('of two reads of one file under way, applies the later', async () => {
    const t = setup();
    const uri = uriOf('a.plan.yaml');
    t.fs.files.set(pathOf('a.plan.yaml'), plan('Old'));
    let releaseFirst!: () => void;
    let reads = 0;
    t.fs.onRead = () => (reads++ === 0 ? new Promise<void>((r) => (releaseFirst = () => r())) : undefined);
    const done = t.settled();
    t.files.reported(uri);
    await new Promise((r) => setTimeout(r, 5)); // the first read is under way
    t.fs.files.set(pathOf('a.plan.yaml'), plan('New'));
    t.files.reported(uri);
    await new Promise((r) => setTimeout(r, 5));
    assert.strictEqual(t.service.workspace.get(uri)?.model.title, 'New');
    t.fs.files.set(pathOf('a.plan.yaml'), plan('Stale'));
    releaseFirst(); // it reads the file as it is now, but it is no longer the latest read
    await done;
    assert.strictEqual(t.service.workspace.get(uri)?.model.title, 'New');
  });

  it('ignores reports of files that are not plans or not on disk', async () => {
    const t = setup();
    t.fs.files.set(pathOf('notes.yaml'), plan('Not a plan'));
    t.files.reported(uriOf('notes.yaml'));
    t.files.reported('untitled:Untitled-1.plan.yaml');
    await new Promise((r) => setTimeout(r, 10));
    assert.deepStrictEqual(t.service.workspace.all(), []);
  });
});
