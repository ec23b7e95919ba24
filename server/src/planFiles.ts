// Finding plan files on disk: shared by the CLI (folders given on the command line) and the
// server (workspace folders). The language service itself does no I/O.
import { promises as fs } from 'fs';
import * as path from 'path';

export const PLAN_FILE = /\.plan\.ya?ml$/i;

/** Folders never searched: dependencies, build output, and hidden folders (.git, .vscode-test...). */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out']);
const MAX_DEPTH = 20;

/** Every `*.plan.yaml` / `*.plan.yml` below `dir`, in a stable order; unreadable folders are skipped. */
export async function findPlanFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = await fs.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) await walk(p, depth + 1);
      } else if (e.isFile() && PLAN_FILE.test(e.name)) found.push(p);
    }
  };
  await walk(dir, 0);
  return found;
}
