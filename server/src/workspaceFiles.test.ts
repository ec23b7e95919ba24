import * as assert from 'assert';
import { URI } from 'vscode-uri';
import { createLanguageService } from './service';
import { MAX_READS, PARENT_REFRESH_MS, WorkspaceFiles, type PlanFileSystem } from './workspaceFiles';

const plan = (title: string, extra = '') => `planwright: 1\ntitle: ${title}\n${extra}goals:\n  - { id: "1", title: G }\n`;
const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

/** A file system of texts in memory; `hooks` can make a call fail or wait. */
class FakeFs implements PlanFileSystem {
  files = new Map<string, string>();
  /** Paths whose stat says something else than a small regular file (a folder, a huge file). */
  stats = new Map<string, { isFile(): boolean; size: number }>();
  inFlight = 0;
  maxInFlight = 0;
  onStat?: (path: string) => Promise<void> | void;
  onRead?: (path: string) => Promise<void> | void;
  async stat(path: string) {
    await this.onStat?.(path);
    const special = this.stats.get(path);
    if (special) return special;
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
  const watched: (readonly string[])[] = [];
  const clock = { now: 0 };
  let settledOnce: (v: { uris: string[]; unitsChanged: boolean }) => void = () => undefined;
  const files = new WorkspaceFiles({
    service,
    fs,
    isOpen: (uri) => open.has(uri),
    settled: (uris, unitsChanged) => settledOnce({ uris, unitsChanged }),
    log: (m) => logs.push(m),
    parentsChanged: (uris) => watched.push(uris),
    now: () => clock.now,
  });
  const settled = () => new Promise<{ uris: string[]; unitsChanged: boolean }>((r) => (settledOnce = r));
  return { fs, service, open, logs, files, settled, watched, clock };
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

describe('parent plans outside the workspace (`parents:`)', () => {
  const child = (parents: string) => plan('Child', `organization: { name: Child, acronym: CHD }\n${parents ? `parents: { ${parents} }\n` : ''}`);
  const parentPlan = (title: string, parents = '') => plan(title, `organization: { name: ${title}, acronym: ${title.toUpperCase()} }\n${parents ? `parents: { ${parents} }\n` : ''}`);
  const outside = (p: string) => URI.file(`/${p}`).toString();
  const outsidePath = (p: string) => URI.file(`/${p}`).fsPath;

  /** A workspace folder /ws (its scan finds nothing on the real disk) whose child plan is then reported. */
  async function withChild(t: ReturnType<typeof setup>, text: string) {
    await t.files.index(['/ws']);
    t.fs.files.set(pathOf('child.plan.yaml'), text);
    const done = t.settled();
    t.files.reported(uriOf('child.plan.yaml'));
    return done;
  }

  it('reads the file a plan names outside the workspace folders, and the files that one names, marked external, before publishing', async () => {
    const t = setup();
    t.fs.files.set(outsidePath('dep/dep.plan.yaml'), parentPlan('Dep', 'TOP: ../top/top.yaml'));
    t.fs.files.set(outsidePath('top/top.yaml'), parentPlan('Top'));
    const { uris } = await withChild(t, child('DEP: ../dep/dep.plan.yaml'));
    const ws = t.service.workspace;
    assert.deepStrictEqual(uris.sort(), [uriOf('child.plan.yaml'), outside('dep/dep.plan.yaml'), outside('top/top.yaml')].sort());
    assert.strictEqual(ws.get(outside('dep/dep.plan.yaml'))?.model.title, 'Dep');
    assert.strictEqual(ws.get(outside('top/top.yaml'))?.model.title, 'Top');
    assert.deepStrictEqual([ws.isExternal(uriOf('child.plan.yaml')), ws.isExternal(outside('dep/dep.plan.yaml')), ws.isExternal(outside('top/top.yaml'))], [false, true, true]);
    assert.deepStrictEqual(t.watched[t.watched.length - 1], [outside('dep/dep.plan.yaml'), outside('top/top.yaml')]);
    // The Plan view lists the workspace's plans only.
    assert.deepStrictEqual(t.service.getPlans().map((p) => p.title), ['Child']);
  });

  it('drops the parents no plan names any more, but not one the editor has open', async () => {
    const t = setup();
    t.fs.files.set(outsidePath('dep/dep.plan.yaml'), parentPlan('Dep'));
    t.fs.files.set(outsidePath('other/other.plan.yaml'), parentPlan('Other'));
    await withChild(t, child('DEP: ../dep/dep.plan.yaml, OTH: ../other/other.plan.yaml'));
    const ws = t.service.workspace;
    assert.ok(ws.get(outside('dep/dep.plan.yaml')) && ws.get(outside('other/other.plan.yaml')));
    t.open.add(outside('other/other.plan.yaml'));
    t.files.opened(outside('other/other.plan.yaml'));
    assert.strictEqual(ws.isExternal(outside('other/other.plan.yaml')), false, 'an open parent is the editor\'s');
    t.service.update(uriOf('child.plan.yaml'), child(''), 1);
    t.files.updateParents();
    assert.strictEqual(ws.get(outside('dep/dep.plan.yaml')), undefined);
    assert.strictEqual(ws.get(outside('other/other.plan.yaml'))?.model.title, 'Other');
    assert.deepStrictEqual(t.watched[t.watched.length - 1], []);
  });

  it('reads a parent again when the watcher reports it, though it is not named like a plan', async () => {
    const t = setup();
    t.fs.files.set(outsidePath('dep/dep.yaml'), parentPlan('Dep'));
    await withChild(t, child('DEP: ../dep/dep.yaml'));
    t.fs.files.set(outsidePath('dep/dep.yaml'), parentPlan('Depx'));
    const done = t.settled();
    t.files.reported(outside('dep/dep.yaml'));
    await done;
    assert.strictEqual(t.service.workspace.get(outside('dep/dep.yaml'))?.model.title, 'Depx');
    // A file outside the workspace that no plan names is not read, named like a plan or not.
    for (const name of ['dep/stray.yaml', 'dep/stray.plan.yaml']) {
      t.fs.files.set(outsidePath(name), parentPlan('Stray'));
      t.files.reported(outside(name));
    }
    await new Promise((r) => setTimeout(r, 10));
    assert.deepStrictEqual([t.service.workspace.get(outside('dep/stray.yaml')), t.service.workspace.get(outside('dep/stray.plan.yaml'))], [undefined, undefined]);
  });

  it('reads nothing for a folder, a file too large, an unreadable file (logged) or a path back to the plan itself', async () => {
    const t = setup();
    t.fs.stats.set(outsidePath('dir'), { isFile: () => false, size: 4096 });
    t.fs.stats.set(outsidePath('huge.plan.yaml'), { isFile: () => true, size: 10 ** 9 });
    t.fs.files.set(outsidePath('loop.plan.yaml'), '');
    t.fs.onRead = (p) => {
      if (p === outsidePath('loop.plan.yaml')) throw errno('ELOOP');
    };
    await withChild(t, child('A: /dir, B: /huge.plan.yaml, C: /loop.plan.yaml, D: child.plan.yaml, E: ./'));
    const ws = t.service.workspace;
    assert.deepStrictEqual(ws.uris(), [uriOf('child.plan.yaml')]);
    assert.strictEqual(ws.isExternal(uriOf('child.plan.yaml')), false);
    assert.strictEqual(t.logs.length, 1);
    assert.match(t.logs[0], /loop\.plan\.yaml: ELOOP/);
  });

  it('takes a plan of the workspace folders that `parents:` names as the workspace\'s own, not external', async () => {
    const t = setup();
    t.fs.files.set(pathOf('dep.plan.yaml'), parentPlan('Dep'));
    await withChild(t, child('DEP: dep.plan.yaml'));
    assert.strictEqual(t.service.workspace.get(uriOf('dep.plan.yaml'))?.model.title, 'Dep');
    assert.strictEqual(t.service.workspace.isExternal(uriOf('dep.plan.yaml')), false);
  });

  it('takes a parent the editor opened and closed as a parent again, though the parents were worked out while it was open', async () => {
    const t = setup();
    t.fs.files.set(outsidePath('dep/dep.plan.yaml'), parentPlan('Dep'));
    await withChild(t, child('DEP: ../dep/dep.plan.yaml'));
    const ws = t.service.workspace;
    const dep = outside('dep/dep.plan.yaml');
    // Go to Definition opens it: the editor's document, published, listed.
    t.open.add(dep);
    t.files.opened(dep);
    t.service.update(dep, parentPlan('Dep'), 1);
    assert.strictEqual(ws.isExternal(dep), false);
    // Meanwhile the parents are worked out again (another plan saved, a `parents:` edited anywhere).
    t.files.updateParents();
    // Closed: what the disk says, and a parent again: not published, not in the Plan view, not edited.
    t.open.delete(dep);
    const done = t.settled();
    t.files.closed(dep);
    await done;
    assert.strictEqual(ws.get(dep)?.model.title, 'Dep');
    assert.strictEqual(ws.isExternal(dep), true, 'the closed parent is external again');
    assert.deepStrictEqual(t.service.getPlans().map((p) => p.title), ['Child']);
    assert.deepStrictEqual(t.watched[t.watched.length - 1], [dep], 'and watched again');
    // And it leaves once no plan names it.
    t.service.update(uriOf('child.plan.yaml'), child(''), 2);
    t.files.updateParents();
    assert.strictEqual(ws.get(dep), undefined);
  });

  it('for a client that cannot watch it, reads a parent again when its child is edited, at most once per PARENT_REFRESH_MS', async () => {
    const t = setup();
    t.fs.files.set(outsidePath('dep/dep.plan.yaml'), parentPlan('Dep'));
    await withChild(t, child('DEP: ../dep/dep.plan.yaml'));
    t.fs.files.set(outsidePath('dep/dep.plan.yaml'), parentPlan('Depx'));
    t.clock.now = 10_000;
    let done = t.settled();
    t.files.refreshParents(uriOf('child.plan.yaml'));
    await done;
    assert.strictEqual(t.service.workspace.get(outside('dep/dep.plan.yaml'))?.model.title, 'Depx');
    t.fs.files.set(outsidePath('dep/dep.plan.yaml'), parentPlan('Depy'));
    t.clock.now += PARENT_REFRESH_MS - 1;
    t.files.refreshParents(uriOf('child.plan.yaml'));
    await new Promise((r) => setTimeout(r, 10));
    assert.strictEqual(t.service.workspace.get(outside('dep/dep.plan.yaml'))?.model.title, 'Depx', 'read again too soon');
    t.clock.now += 1;
    done = t.settled();
    t.files.refreshParents(uriOf('child.plan.yaml'));
    await done;
    assert.strictEqual(t.service.workspace.get(outside('dep/dep.plan.yaml'))?.model.title, 'Depy');
  });
});
