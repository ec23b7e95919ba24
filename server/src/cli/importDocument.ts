// `planwright import FILE.docx|FILE.md|FILE.txt [--out FILE.plan.yaml] [--force]`: a plan written
// as a document, read into a plan file. The service does the reading (service/import); this reads
// the file, writes the plan (beside the document unless --out says where, never over a file
// without --force) and prints one line per thing the import could not place or overrode.
import { promises as fs } from 'fs';
import * as path from 'path';
import { importDocument, importedPlanText, isDocumentFile, placeOf } from '../service/import';

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const IMPORT_USAGE = `planwright import FILE.docx|FILE.md|FILE.txt [--out FILE.plan.yaml] [--force]`;

/** The plan file written for `file` when --out is not given: NAME.plan.yaml beside it. */
export function defaultPlanPath(file: string): string {
  const base = path.basename(file).replace(/\.(docx|md|markdown|txt)$/i, '');
  return path.join(path.dirname(file), `${base}.plan.yaml`);
}

export async function importDocumentFile(file: string, out: string | undefined, force: boolean, io: Output): Promise<number> {
  if (!isDocumentFile(file)) {
    io.err(`planwright: cannot import "${file}": name a Word document (.docx), a Markdown file (.md) or a text file (.txt, e.g. the text of a PDF).`);
    return 2;
  }
  const target = out ?? defaultPlanPath(file);
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) {
      io.err(`planwright: cannot import "${file}": it is not a regular file.`);
      return 2;
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    io.err(`planwright: cannot read "${file}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
    return 2;
  }
  const result = await importDocument(file, bytes);
  if (result.unreadable) {
    io.err(`planwright: cannot import "${file}": it is ${result.unreadable}.`);
    return 2;
  }
  for (const r of result.report) io.out(`${file}:${result.place === 'line' ? r.at : placeOf(r, result.place)}  ${r.message}`);
  if (!result.counts.goals) {
    io.err(`planwright: found no goals in "${file}": nothing written.`);
    return 1;
  }
  try {
    await fs.writeFile(target, importedPlanText(result, path.basename(file)), { flag: force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      io.err(`planwright: did not write "${target}": it exists. Give another name with --out, or --force to replace it.`);
    } else io.err(`planwright: cannot write "${target}": ${(e as Error).message}.`);
    return 2;
  }
  io.out(`${target}: ${counted(result.counts)}${result.report.length ? ` (${plural(result.report.length, 'note')} above, also at the top of the plan)` : ''}.`);
  return 0;
}


/** A document in which no goal was found: nothing to write (the import command says so and exits). */
export class NoGoalsError extends Error {}

/**
 * The same reading in the shape of the import command's table of importers (cli/import.ts on
 * main: `(bytes, file) => { plan, summary, report: { line?, message }[] }`), for `.docx`, `.md`,
 * `.markdown` and `.txt`. A Word document's notes name their paragraph in the message (they have
 * no line); a document with no goals throws NoGoalsError, whose message says what was looked for.
 */
export async function readDocumentForImport(bytes: Uint8Array, file: string): Promise<{ plan: unknown; summary: string; report: { line?: number; message: string }[] }> {
  const r = await importDocument(file, bytes);
  if (!r.counts.goals) throw new NoGoalsError(r.report.map((l) => l.message).join(' '));
  return {
    plan: r.plan,
    summary: counted(r.counts),
    report: r.report.map((l) => (r.place === 'line' ? { line: l.at, message: l.message } : { message: `${placeOf(l, r.place)}: ${l.message}` })),
  };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** "1 goal, 5 objectives, 0 sub-objectives". */
function counted(c: { goals: number; objectives: number; subobjectives: number }): string {
  return `${plural(c.goals, 'goal')}, ${plural(c.objectives, 'objective')}, ${plural(c.subobjectives, 'sub-objective')}`;
}
