// Finding and reading plan files on disk: shared by the CLI (paths given on the command line) and
// the server (workspace folders). The language service itself does no I/O.
//
// Only regular files are read: a named pipe, socket or device is never opened (reading a pipe with
// no writer waits forever). Links are followed, to files and to folders, as VS Code's search does;
// there is no depth limit, so a scan ends because no folder is entered twice (folders are known by
// device and inode, not by path) and no file is listed twice (a plan reached by two paths is one plan).
import { constants as fsConstants, promises as fs, type BigIntStats } from 'fs';
import * as path from 'path';

export const PLAN_FILE = /\.plan\.ya?ml$/i;

/** Folders never searched: dependencies, build output, and hidden folders (.git, .vscode-test...). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);
const searched = (name: string) => !SKIP_DIRS.has(name) && !name.startsWith('.');

/** Something named like a plan that a scan did not read, and why, in a plan writer's words. */
export interface Skipped {
  path: string;
  reason: string;
  /**
   * `folder`: a folder the scan could not look inside (it may hold plans). `gone`: a plan-named path
   * with no file behind it (a link to a moved plan, an editor's lock file, a file deleted during the
   * scan): nothing to check. `file`: a plan-named path that exists but is not a regular file, or
   * could not be read.
   */
  kind: 'file' | 'folder' | 'gone';
}

/** Why a path that exists is not a regular file, or undefined if it is one. */
export function notRegularFile(st: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'it is a folder, not a file';
  if (st.isFIFO()) return 'it is a named pipe (FIFO), not a file';
  if (st.isSocket()) return 'it is a socket, not a file';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'it is a device, not a file';
  return 'it is not a regular file';
}

/** A file system error in a plan writer's words (no trailing full stop). */
export function fsErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'ELOOP') return 'the link loops back on itself';
  if (code === 'ENAMETOOLONG') return 'the path is too long for the system';
  if (e instanceof NotRegularFileError) return e.message;
  return e instanceof Error ? e.message : String(e);
}

/** A path that exists but is not a regular file (a pipe, socket, device or folder), or is too large. */
export class NotRegularFileError extends Error {}

/**
 * Reads a regular file (following links). A pipe, socket, device or folder is refused from its
 * `stat`, never opened; a file larger than `maxBytes` is refused unread. The file is then opened
 * without blocking and checked again, so a path swapped for a pipe in between cannot hang the read.
 */
export async function readRegularFile(file: string, maxBytes = Infinity): Promise<Buffer> {
  const check = (st: { size: number } & Parameters<typeof notRegularFile>[0]) => {
    const why = notRegularFile(st);
    if (why) throw new NotRegularFileError(why);
    if (st.size > maxBytes) throw new NotRegularFileError(`it is larger than ${maxBytes} bytes`);
  };
  check(await fs.stat(file));
  const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    check(await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Folders and files are known by device and inode (bigint: Windows file ids pass 2^53); where a
 * file system gives no inode, by real path, or by absolute path if even that fails. Never throws.
 */
async function identity(p: string, st: BigIntStats): Promise<string> {
  if (st.ino) return `${st.dev}:${st.ino}`;
  try {
    return `path:${await fs.realpath(p)}`;
  } catch {
    return `path:${path.resolve(p)}`;
  }
}

/** The identities of some paths (following links), or the error that stat gave for each. */
function identities(paths: readonly string[]): Promise<(string | { error: unknown })[]> {
  return Promise.all(
    paths.map(async (p) => {
      try {
        return await identity(p, await fs.stat(p, { bigint: true }));
      } catch (error) {
        return { error };
      }
    }),
  );
}

/** Orders paths folder by folder, names by code unit: a folder's plans come where its name sorts. */
function comparePaths(a: string, b: string): number {
  const x = a.split(path.sep);
  const y = b.split(path.sep);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return x.length - y.length;
}

/**
 * The plan files of some folders and files, each file listed once however many paths lead to it
 * (the first path found wins, and within a folder a path without links wins over one through a link).
 */
export class PlanFileSet {
  /** The plan files, in the order their folders and files were added; each folder's in a stable order. */
  readonly files: string[] = [];
  private readonly listed = new Set<string>();

  /** `onSkip` hears of every plan-named path a folder scan could not read, and of unreadable folders. */
  constructor(private readonly onSkip: (s: Skipped) => void = () => {}) {}

  /**
   * Adds a file named directly: true if it is a regular file (now listed, or listed before by another
   * path). Anything else is reported to `onSkip` and not listed.
   */
  async addFile(file: string): Promise<boolean> {
    let st: BigIntStats;
    try {
      st = await fs.stat(file, { bigint: true });
    } catch (e) {
      this.onSkip({ path: file, reason: fsErrorReason(e), kind: 'file' });
      return false;
    }
    const why = notRegularFile(st);
    if (why) {
      this.onSkip({ path: file, reason: why, kind: 'file' });
      return false;
    }
    if (this.list(await identity(file, st))) this.files.push(file);
    return true;
  }

  /**
   * Adds every `*.plan.yaml` / `*.plan.yml` below `root`, following links, at any depth. Returns how
   * many plan files the folder holds (those listed before by another path included), so a caller can
   * tell a folder with no plan from one whose plans it already had.
   */
  async addFolder(root: string): Promise<number> {
    let rootStat: BigIntStats;
    try {
      rootStat = await fs.stat(root, { bigint: true });
    } catch (e) {
      this.onSkip({ path: root, reason: fsErrorReason(e), kind: 'folder' });
      return 0;
    }
    const entered = new Set<string>([await identity(root, rootStat)]); // loop protection
    const inFolder = new Set<string>();
    const batch: string[] = [];
    const add = (p: string, id: string) => {
      inFolder.add(id);
      if (this.list(id)) batch.push(p);
    };
    // Links are followed after the folder's own tree has been walked, so that a plan or folder
    // reachable both ways is listed by its path without links.
    const links: string[] = [];
    const walk = async (start: string) => {
      const stack = [start];
      while (stack.length) {
        const dir = stack.pop()!;
        let entries;
        try {
          entries = await fs.readdir(dir, { withFileTypes: true });
        } catch (e) {
          this.onSkip({ path: dir, reason: `could not look inside the folder: ${fsErrorReason(e)}`, kind: 'folder' });
          continue;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const plansHere: string[] = [];
        const subdirs: string[] = [];
        for (const e of entries) {
          const p = path.join(dir, e.name);
          if (e.isSymbolicLink()) links.push(p);
          else if (e.isDirectory()) {
            if (searched(e.name)) subdirs.push(p);
          } else if (PLAN_FILE.test(e.name)) {
            if (e.isFile()) plansHere.push(p);
            else this.onSkip({ path: p, reason: notRegularFile(e)!, kind: 'file' });
          }
        }
        // One folder's entries are stat'ed together (a scan waits on the disk, not on each file),
        // then taken in name order, so that which path wins stays the same from run to run.
        const [planIds, dirIds] = await Promise.all([identities(plansHere), identities(subdirs)]);
        plansHere.forEach((p, i) => {
          const r = planIds[i];
          // An error: deleted or made unreadable since readdir listed it.
          if (typeof r === 'string') add(p, r);
          else this.onSkip({ path: p, reason: fsErrorReason(r.error), kind: (r.error as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'gone' : 'file' });
        });
        for (let i = subdirs.length - 1; i >= 0; i--) {
          // A real folder can still be entered twice (a bind mount of an ancestor): checked too.
          const r = dirIds[i];
          if (typeof r !== 'string') this.onSkip({ path: subdirs[i], reason: `could not look inside the folder: ${fsErrorReason(r.error)}`, kind: 'folder' });
          else if (!entered.has(r)) {
            entered.add(r);
            stack.push(subdirs[i]);
          }
        }
      }
    };
    await walk(root);
    // Following a link to a folder may meet more links: they join the end of the list.
    for (let i = 0; i < links.length; i++) {
      const p = links[i];
      const name = path.basename(p);
      let st: BigIntStats;
      try {
        st = await fs.stat(p, { bigint: true });
      } catch (e) {
        // A dangling or looping link is only worth a word if it is named like a plan.
        const code = (e as NodeJS.ErrnoException)?.code;
        if (!PLAN_FILE.test(name)) continue;
        if (code === 'ENOENT') this.onSkip({ path: p, reason: 'the link points to nothing (no such file or folder)', kind: 'gone' });
        else this.onSkip({ path: p, reason: fsErrorReason(e), kind: 'file' });
        continue;
      }
      if (st.isDirectory()) {
        if (!searched(name)) continue;
        const id = await identity(p, st);
        if (entered.has(id)) continue;
        entered.add(id);
        await walk(p);
      } else if (PLAN_FILE.test(name)) {
        const why = notRegularFile(st);
        if (why) this.onSkip({ path: p, reason: why, kind: 'file' });
        else add(p, await identity(p, st));
      }
    }
    this.files.push(...batch.sort(comparePaths));
    return inFolder.size;
  }

  /** Marks the file known by `id` listed; false if it was listed already (by this path or another). */
  private list(id: string): boolean {
    if (this.listed.has(id)) return false;
    this.listed.add(id);
    return true;
  }
}

/** Every `*.plan.yaml` / `*.plan.yml` below `dir` (links followed, each file once), in a stable order. */
export async function findPlanFiles(dir: string): Promise<string[]> {
  const set = new PlanFileSet();
  await set.addFolder(dir);
  return set.files;
}
