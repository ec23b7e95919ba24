// `planwright format [--check] <files or folders...>`: the plans in their canonical layout
// (service/features/format.ts), written in place; with --check, only the names of the plans that
// would change (exit 1), as `prettier --check` does. A plan with YAML syntax errors is left as it is.
import { promises as fs } from 'fs';
import type { PlanLanguageService } from '../service';
import { lineHunks } from '../service/features/format';

export const FORMAT_USAGE = `       planwright format [--check] <files or folders...>`;

export const FORMAT_HELP = `format: writes each plan in the canonical layout (2-space indentation, keys in the format's
order, dotted numbers in quotes, one blank line between goals), keeping every comment and every
text as written; prints each plan it changed. With --check, changes nothing and lists the plans
that would change. A plan with YAML syntax errors is left as it is and named.`;

export const FORMAT_EXIT = `Exit status (format):
  0  every plan is formatted (with --check: none would change)
  1  with --check: some plans would change (listed)
  2  usage error; a path that holds no plan or cannot be read; a plan with YAML syntax errors
     (left as it is); or a file that could not be written`;

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

type Loader = (targets: string[], io: Output) => Promise<{ service: PlanLanguageService; loaded: { file: string; uri: string }[]; failures: { count: number; words: string[] } }>;

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export async function formatCommand(args: string[], io: Output, loadPlans: Loader, usage: string): Promise<number> {
  let check = false;
  const targets: string[] = [];
  for (const a of args) {
    if (a === '--check') check = true;
    else if (a.startsWith('-') && a !== '-') {
      io.err(`planwright: unknown option "${a}".\n\n${usage}`);
      return 2;
    } else targets.push(a);
  }
  if (!targets.length) {
    io.err(`planwright: name the plan files or folders to format.\n\n${usage}`);
    return 2;
  }
  const { service, loaded, failures } = await loadPlans(targets, io);
  let failed = failures.count;
  let changed = 0;
  let broken = 0;
  for (const { file, uri } of loaded) {
    const r = service.formatPlan(uri);
    if (!r) continue;
    if ('error' in r) {
      io.err(`planwright: "${file}" was not formatted: it has YAML syntax errors. Run planwright check "${file}" to see them, fix them, and format again.`);
      broken++;
      continue;
    }
    const before = service.workspace.get(uri)!.text;
    if (r.text === before) continue;
    changed++;
    if (check) {
      io.out(file);
      continue;
    }
    try {
      // The text was read without its byte order mark, if it had one: it is written back with it.
      const bom = (await fs.readFile(file)).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? '\ufeff' : '';
      await fs.writeFile(file, bom + r.text);
      io.out(`${file}: formatted (${plural(changedLines(before, r.text), 'line')} changed)`);
    } catch (e) {
      io.err(`planwright: cannot write "${file}": ${(e as Error).message}`);
      changed--;
      failed++;
    }
  }
  const words = [...failures.words];
  if (broken) words.push(`${plural(broken, 'plan')} with YAML syntax errors left as ${broken === 1 ? 'it is' : 'they are'}`);
  // "all formatted" only when every plan read could be: a plan with YAML errors was not looked at.
  const summary = check
    ? `${plural(loaded.length, 'plan')} checked: ${changed ? `${changed} would be reformatted (run planwright format to write them)` : broken ? `${loaded.length - broken} already formatted` : 'all formatted'}`
    : `${plural(loaded.length, 'plan')}: ${changed} formatted, ${loaded.length - changed - broken} already formatted`;
  (check && changed ? io.err : io.out)(`${summary}${words.length ? `; ${words.join(', ')}` : ''}.`);
  if (failed || broken) return 2;
  return check && changed ? 1 : 0;
}

/** How many lines of the new text are new or changed (a line diff). */
function changedLines(before: string, after: string): number {
  return lineHunks(before.split(/\r?\n/), after.split(/\r?\n/)).reduce((n, h) => n + h.bEnd - h.bStart, 0);
}
