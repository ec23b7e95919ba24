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
import { promises as fs } from 'fs';
import { URI } from 'vscode-uri';
import { findPlanFiles, PLAN_FILE, readRegularFile } from './planFiles';
import type { PlanLanguageService } from './service';
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
}

type Outcome =
  | { kind: 'text'; text: string }
  | { kind: 'gone' }
  | { kind: 'not indexed'; why: string }
  | { kind: 'failed'; why: string };

interface Read {
  readonly uri: string;
  ticket: number;
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
      if (!st.isFile()) return { kind: 'not indexed', why: 'it is not a regular file' };
      if (st.size > MAX_INDEXED_FILE_BYTES) return { kind: 'not indexed', why: `it is larger than ${MAX_INDEXED_FILE_BYTES / 1024 / 1024} MB (it is checked when opened)` };
      stage = 'read';
      return { kind: 'text', text: stripBom(await files.readFile(file, 'utf8')) };
    } catch (e) {
      const { code, message } = describe(e);
      const missing = code === 'ENOENT' || code === 'ENOTDIR';
      if (missing && stage === 'stat') return { kind: 'gone' };
      // Gone between stat and read: stat again, which says whether it is really gone.
      const again = (code !== undefined && TRANSIENT.has(code)) || missing;
      if (!again || attempt >= RETRY_DELAYS_MS.length) return { kind: 'failed', why: again ? `${message}, still after ${attempt + 1} tries` : message };
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

  constructor(private readonly host: WorkspaceFilesHost) {}

  /** Reads every plan below `folders`, publishing once all are read. */
  async index(folders: readonly string[]): Promise<void> {
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
  }

  /** The editor closed `uri`: the plan is what the file on disk says (or leaves the index if there is none). */
  closed(uri: string): void {
    this.take(uri);
    this.drop(uri);
    if (URI.parse(uri).scheme === 'file') this.read(uri);
    else this.settleIfIdle();
  }

  /** The watcher reported `uri` created, changed or deleted: whichever it was, the disk says what the plan is now. */
  reported(uri: string): void {
    const u = URI.parse(uri);
    if (u.scheme === 'file' && PLAN_FILE.test(u.path)) this.read(uri);
  }

  private take(uri: string): number {
    const ticket = ++this.lastTicket;
    this.latest.set(uri, ticket);
    return ticket;
  }

  private owns(read: Read): boolean {
    return this.latest.get(read.uri) === read.ticket && !this.host.isOpen(read.uri);
  }

  private read(uri: string): void {
    const ticket = this.take(uri);
    const waiting = this.queued.get(uri);
    if (waiting) {
      // Not started yet: when it starts, it reads what the file is by then.
      waiting.ticket = ticket;
      return;
    }
    const read = { uri, ticket };
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
      outcome = { kind: 'failed', why: describe(e).message };
    }
    if (!this.owns(read)) return; // opened, closed or reported again since: a newer event decides
    this.latest.delete(read.uri);
    const { service } = this.host;
    switch (outcome.kind) {
      case 'text': {
        const before = service.workspace.unitGeneration;
        service.update(read.uri, outcome.text, 0);
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
    if (this.running || this.queue.length || this.scanning) return;
    if (!this.touched.size && !this.unitsChanged) return;
    const uris = [...this.touched];
    const unitsChanged = this.unitsChanged;
    this.touched = new Set();
    this.unitsChanged = false;
    this.host.settled(uris, unitsChanged);
  }
}
