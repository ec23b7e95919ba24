// Plans of the workspace that are not open in the editor: read from disk when the server starts,
// when the editor closes them, and when the file watcher reports them. What decides:
//
// - The editor owns an open document. Every event about a URI (opened, closed, reported by the
//   watcher) takes a new ticket; a disk read applies its result only if its ticket is still the
//   URI's latest and the document is not open. So a read started before a close and a reopen
//   never drops or overwrites the reopened document, and of two reads of one file the later wins.
// - At most MAX_READS files are read at once (a `git checkout` reports thousands: reading them
//   all at once runs out of file handles); a read that fails for want of resources (EMFILE,
//   ENFILE, EAGAIN, EBUSY) is tried again after a pause that doubles.
// - A plan leaves the index only when the file is gone (stat says ENOENT or ENOTDIR) or is no
//   longer a regular file no larger than MAX_INDEXED_FILE_BYTES. Any other failure is logged and
//   the plan is kept as it was last read.
// - What was read is published once every read under way is done (`settled`), so a plan is
//   never checked while the plan defining its units is still being read.
// - Parent plans outside the workspace: the files the plans' `parents:` name (and theirs in
//   turn, service/externalPlans.ts) that are not plans of the workspace folders are read too,
//   marked external: they resolve `aligns` entries, are not published, and are never written.
//   They are read again when the watcher reports them (the server watches each one) or, for a
//   client that cannot watch them, when a plan naming them is edited (`refreshParents`). They
//   leave once no plan names them, decided when no read is under way (a plan closed and read
//   again does not drop its parent meanwhile). One the editor opens is the editor's, as any plan.
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { findPlanFiles, fsErrorReason, PLAN_FILE, readRegularFile } from './planFiles';
import type { PlanLanguageService } from './service';
import { parentUri } from './service/alignment';
import { wantedParents } from './service/externalPlans';
import { stripBom } from './service/text';

/** Plans larger than this are not read from disk for the index (they are still checked when opened). */
export const MAX_INDEXED_FILE_BYTES = 20 * 1024 * 1024;
/** Files read at once. */
export const MAX_READS = 32;
/** Errors that say "not now" rather than "not there": the read is tried again. */
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY']);
/** Pauses before each new try: 10 ms doubling to 1 s, 2.3 s in all before giving up. */
const RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320, 640, 1000];

/** What the server needs of the file system (tests give their own). */
export interface PlanFileSystem {
  stat(path: string): Promise<{ isFile(): boolean; size: number }>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

export interface WorkspaceFilesHost {
  readonly service: PlanLanguageService;
  /** Defaults to node's. */
  readonly fs?: PlanFileSystem;
  isOpen(uri: string): boolean;
  /**
   * Reads are done: `uris` were read again or dropped and need checking and publishing (a
   * dropped one, its diagnostics cleared); `unitsChanged`: units of the workspace changed, so
   * every plan does.
   */
  settled(uris: string[], unitsChanged: boolean): void;
  log(message: string): void;
  /** The parent files read from outside the workspace changed (to watch them); the same list is not told twice. */
  parentsChanged?(uris: readonly string[]): void;
  /** Defaults to Date.now (the pause between two `refreshParents` reads of a file). */
  now?(): number;
}

/** A parent file is read again for an edit of a plan naming it at most this often (clients that cannot watch it). */
export const PARENT_REFRESH_MS = 1000;

type Outcome =
  | { kind: 'text'; text: string }
  | { kind: 'gone' }
  /** `reason`: the same without what the index does about it. */
  | { kind: 'not indexed'; why: string; reason: string }
  /** `reason`: the failure in a plan writer's words ("the link loops back on itself"). */
  | { kind: 'failed'; why: string; reason: string };

interface Read {
  readonly uri: string;
  ticket: number;
  /** Read only as a parent file (not found by the scan, the watcher or a close): skipped if no plan names it any more. */
  parentOnly: boolean;
}

/**
 * Node's file system, reading through readRegularFile: a file swapped for a pipe between the
 * stat and the read is refused (a failure, the plan kept as last read), never left blocking.
 */
const nodeFiles: PlanFileSystem = {
  stat: (path) => fs.stat(path),
  readFile: async (path) => (await readRegularFile(path, MAX_INDEXED_FILE_BYTES)).toString('utf8'),
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describe(e: unknown): { code?: string; message: string } {
  const err = e as NodeJS.ErrnoException;
  return { code: typeof err?.code === 'string' ? err.code : undefined, message: err instanceof Error ? err.message : String(e) };
}

/** Reads a plan file, trying again while the system is short of resources. */
export async function readPlanFile(file: string, files: PlanFileSystem = nodeFiles): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    let stage: 'stat' | 'read' = 'stat';
    try {
      const st = await files.stat(file);
      if (!st.isFile()) {
        const why = (st as { isDirectory?(): boolean }).isDirectory?.() ? 'it is a folder, not a file' : 'it is not a regular file';
        return { kind: 'not indexed', why, reason: why };
      }
      if (st.size > MAX_INDEXED_FILE_BYTES) {
        const reason = `it is larger than ${MAX_INDEXED_FILE_BYTES / 1024 / 1024} MB, more than Planwright reads of a plan that is not open`;
        return { kind: 'not indexed', why: `it is larger than ${MAX_INDEXED_FILE_BYTES / 1024 / 1024} MB (it is checked when opened)`, reason };
      }
      stage = 'read';
      return { kind: 'text', text: stripBom(await files.readFile(file, 'utf8')) };
    } catch (e) {
      const { code, message } = describe(e);
      const missing = code === 'ENOENT' || code === 'ENOTDIR';
      if (missing && stage === 'stat') return { kind: 'gone' };
      // Gone between stat and read: stat again, which says whether it is really gone.
      const again = (code !== undefined && TRANSIENT.has(code)) || missing;
      if (!again || attempt >= RETRY_DELAYS_MS.length) return { kind: 'failed', why: again ? `${message}, still after ${attempt + 1} tries` : message, reason: fsErrorReason(e) };
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
  }
}

export class WorkspaceFiles {
  /** The ticket of the latest event about each URI with an event not yet settled. */
  private readonly latest = new Map<string, number>();
  private lastTicket = 0;
  private readonly queue: Read[] = [];
  private readonly queued = new Map<string, Read>();
  private running = 0;
  /** Folder scans under way: nothing is published before they are done. */
  private scanning = 0;
  private touched = new Set<string>();
  private unitsChanged = false;
  /** The workspace folders (paths): a plan file below one is the workspace's, never a parent read from outside. */
  private folders: readonly string[] = [];
  /** The parent files the plans name that are not plans of the workspace (service/externalPlans.ts). */
  private wanted = new Set<string>();
  /** What `parentsChanged` was last told. */
  private toldParents = '';
  private toldOver = false;
  /** When each parent file was last read for `refreshParents`. */
  private readonly refreshed = new Map<string, number>();

  constructor(private readonly host: WorkspaceFilesHost) {}

  /** Reads every plan below `folders`, publishing once all are read. */
  async index(folders: readonly string[]): Promise<void> {
    this.folders = folders.map((f) => path.resolve(f));
    this.scanning++;
    try {
      for (const folder of folders) for (const file of await findPlanFiles(folder)) this.read(URI.file(file).toString());
    } finally {
      this.scanning--;
      this.settleIfIdle();
    }
  }

  /** The editor opened `uri`: it owns the document now, and no disk read under way may touch it. */
  opened(uri: string): void {
    this.take(uri);
    // A parent opened (Go to Definition) is the editor's document: published, and edits may change it.
    this.host.service.workspace.setExternal(uri, false);
  }

  /** The editor closed `uri`: the plan is what the file on disk says (or leaves the index if there is none). */
  closed(uri: string): void {
    this.take(uri);
    this.drop(uri);
    // A parent the editor had open was one of the workspace's plans while open, so the parents
    // worked out since may have left it out: worked out again without it, a plan that names it
    // has it read as a parent again (external), not kept as one of the workspace's plans.
    if (!this.inFolders(uri)) this.updateParents();
    if (URI.parse(uri).scheme === 'file') this.read(uri);
    else this.settleIfIdle();
  }

  /** The watcher reported `uri` created, changed or deleted: whichever it was, the disk says what the plan is now. */
  reported(uri: string): void {
    const u = URI.parse(uri);
    if (u.scheme !== 'file') return;
    if (this.wanted.has(uri)) this.read(uri, true);
    // (Outside the folders, only the parents named: a parent's watcher may report a sibling.)
    else if (PLAN_FILE.test(u.path) && (!this.folders.length || this.inFolders(uri))) this.read(uri);
  }

  /**
   * The plans' `parents:` may have changed (the server calls this when
   * `workspace.parentsGeneration` moves): the files now named are read; those no longer named
   * leave once no read is under way.
   */
  updateParents(): void {
    const ws = this.host.service.workspace;
    const { uris, over } = wantedParents(ws);
    const wanted = new Set(uris.filter((u) => URI.parse(u).scheme === 'file'));
    const before = this.wanted;
    this.wanted = wanted;
    for (const uri of before) if (!wanted.has(uri)) ws.setUnreadable(uri, undefined);
    for (const uri of wanted) if (!before.has(uri) && !ws.has(uri) && !this.host.isOpen(uri)) this.read(uri, true);
    if (over && !this.toldOver) this.host.log(`[warn] The plans' \`parents:\` name more than ${uris.length} plans outside the workspace: ${over} more are not read, and the \`aligns\` entries naming them are reported unresolved.`);
    this.toldOver = over > 0;
    const told = [...wanted].join('\n');
    if (told !== this.toldParents) {
      this.toldParents = told;
      this.host.parentsChanged?.([...wanted]);
    }
    this.dropUnwantedIfIdle();
  }

  /**
   * For a client that cannot watch files outside the workspace: `uri` was edited, so the parent
   * files it names are read again (at most once per PARENT_REFRESH_MS each), in case they changed.
   */
  refreshParents(uri: string): void {
    const ws = this.host.service.workspace;
    const now = (this.host.now ?? Date.now)();
    for (const p of ws.parentsNamedBy(uri)) {
      const parent = parentUri(uri, p);
      if (!parent || !this.wanted.has(parent) || this.host.isOpen(parent)) continue;
      if (now - (this.refreshed.get(parent) ?? -Infinity) < PARENT_REFRESH_MS) continue;
      this.refreshed.set(parent, now);
      this.read(parent, true);
    }
  }

  /** A plan file of the workspace folders (found by their scan and their watcher): never a parent read from outside. */
  private inFolders(uri: string): boolean {
    const u = URI.parse(uri);
    if (u.scheme !== 'file' || !PLAN_FILE.test(u.path)) return false;
    const file = path.resolve(u.fsPath);
    return this.folders.some((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  private busy(): boolean {
    return this.running > 0 || this.queue.length > 0 || this.scanning > 0;
  }

  /** Parent files no plan names any more leave the index (not while reads are under way: what they read may name them). */
  private dropUnwantedIfIdle(): void {
    if (this.busy()) return;
    const ws = this.host.service.workspace;
    for (const uri of ws.uris()) {
      if (!ws.isExternal(uri) || this.wanted.has(uri) || this.host.isOpen(uri)) continue;
      this.take(uri);
      this.latest.delete(uri);
      this.refreshed.delete(uri);
      this.drop(uri);
    }
  }

  private take(uri: string): number {
    const ticket = ++this.lastTicket;
    this.latest.set(uri, ticket);
    return ticket;
  }

  private owns(read: Read): boolean {
    return this.latest.get(read.uri) === read.ticket && !this.host.isOpen(read.uri);
  }

  private read(uri: string, parentOnly = false): void {
    const ticket = this.take(uri);
    const waiting = this.queued.get(uri);
    if (waiting) {
      // Not started yet: when it starts, it reads what the file is by then.
      waiting.ticket = ticket;
      waiting.parentOnly &&= parentOnly;
      return;
    }
    const read = { uri, ticket, parentOnly };
    this.queue.push(read);
    this.queued.set(uri, read);
    this.pump();
  }

  private pump(): void {
    while (this.running < MAX_READS && this.queue.length) {
      const read = this.queue.shift()!;
      this.queued.delete(read.uri);
      if (!this.owns(read)) continue;
      this.running++;
      void this.run(read).finally(() => {
        this.running--;
        this.pump();
        this.settleIfIdle();
      });
    }
  }

  private async run(read: Read): Promise<void> {
    const file = URI.parse(read.uri).fsPath;
    let outcome: Outcome;
    try {
      outcome = await readPlanFile(file, this.host.fs);
    } catch (e) {
      outcome = { kind: 'failed', why: describe(e).message, reason: fsErrorReason(e) };
    }
    if (!this.owns(read)) return; // opened, closed or reported again since: a newer event decides
    this.latest.delete(read.uri);
    const { service } = this.host;
    // A file outside the workspace folders is read as a parent while a plan names it (a plan the
    // editor closed, wherever it is, is read as the disk says, as it always was).
    const parent = this.wanted.has(read.uri) && !this.inFolders(read.uri);
    if (read.parentOnly && !this.wanted.has(read.uri)) {
      // A parent no plan names any more (its read began before): not read into the workspace.
      if (service.workspace.isExternal(read.uri)) this.drop(read.uri);
      return;
    }
    switch (outcome.kind) {
      case 'text': {
        const before = service.workspace.unitGeneration;
        service.update(read.uri, outcome.text, 0);
        service.workspace.setExternal(read.uri, parent);
        if (service.workspace.unitGeneration !== before) this.unitsChanged = true;
        this.touched.add(read.uri);
        break;
      }
      case 'not indexed':
        if (service.workspace.get(read.uri)) this.host.log(`[info] ${file} is no longer indexed: ${outcome.why}.`);
        this.drop(read.uri);
        break;
      case 'gone':
        this.drop(read.uri);
        break;
      case 'failed':
        this.host.log(
          `[warn] Could not read ${file}: ${outcome.why}. ` +
            (service.workspace.get(read.uri) ? 'The plan is kept as it was last read' : 'The plan is not checked') +
            ' until the file changes again or is opened.',
        );
        break;
    }
    // The entries naming a parent that cannot be read say why (a folder, too large, a link loop...).
    if (this.wanted.has(read.uri)) service.workspace.setUnreadable(read.uri, outcome.kind === 'not indexed' ? outcome.reason : outcome.kind === 'failed' ? outcome.reason : undefined);
  }

  /** Takes `uri` out of the index; its diagnostics are cleared when the reads settle. */
  private drop(uri: string): void {
    const { service } = this.host;
    if (service.workspace.get(uri)) {
      const before = service.workspace.unitGeneration;
      service.remove(uri);
      if (service.workspace.unitGeneration !== before) this.unitsChanged = true;
    }
    this.touched.add(uri);
  }

  private settleIfIdle(): void {
    if (this.busy()) return;
    // What was read may name parents (or no longer name them): read those first, publish after.
    this.updateParents();
    if (this.busy()) return;
    if (!this.touched.size && !this.unitsChanged) return;
    const uris = [...this.touched];
    const unitsChanged = this.unitsChanged;
    this.touched = new Set();
    this.unitsChanged = false;
    this.host.settled(uris, unitsChanged);
  }
}
