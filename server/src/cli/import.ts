// `planwright import FILE [--out FILE.plan.yaml] [--force]`: reads a plan written in another
// format and writes it as a plan. Each importer takes the file's text and gives the plan's value
// (the schema's shape) and a report; writePlan.ts writes the YAML. The file's extension picks
// the importer (`importers`); an existing file is never replaced unless --force is given.
import { promises as fs } from 'fs';
import * as path from 'path';
import { importStratml, NotStratmlError, type ReportLine } from '../service/stratml/import';
import { writePlan } from '../service/writePlan';
import { importDocumentFile } from './importDocument';
import { fsErrorReason, readRegularFile } from '../planFiles';

export interface ImportOutput {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface Imported {
  plan: unknown;
  /** One line: what was read. */
  summary: string;
  /** One line per thing not carried over as it was. */
  report: ReportLine[];
}

/** An importer: the file's bytes (and its name, for a title when it has none) → the plan. */
export type Importer = (bytes: Buffer, file: string) => Imported | Promise<Imported>;

/** Importers by file extension (lower case). */
export const importers: Record<string, { what: string; read: Importer }> = {
  '.xml': {
    what: 'StratML (ISO 17469-1 Part 1 strategic plan, or Part 2 performance plan or report)',
    read: (bytes, file) => importStratml(bytes.toString('utf8').replace(/^\uFEFF/, ''), titleFromFile(file)),
  },
};

/**
 * Documents (issue 15): Word, Markdown and the text of a PDF are read into blocks and their plan
 * found by service/import; their notes also head the plan written (cli/importDocument.ts).
 */
const DOCUMENTS: Record<string, string> = { '.docx': 'Word document', '.md': 'Markdown', '.markdown': 'Markdown', '.txt': 'text (of a PDF)' };

export const IMPORT_USAGE = `       planwright import FILE [--out FILE.plan.yaml] [--force]`;

export const IMPORT_OPTIONS = `  --out FILE.plan.yaml
                      import: the plan file to write; default: beside the file imported, named after it`;

export const IMPORT_EXIT = `Exit status (import):
  0  the plan was written
  1  no goal found in the document: nothing written
  2  usage error (one file to import); a file that cannot be read, of a kind that cannot be
     imported, or that is not what its name says (a .xml that is not StratML, a .docx that is not
     a Word document, a .txt or .md that is not text); a plan file that exists (without --force);
     or a file that could not be written. Nothing is written`;

function titleFromFile(file: string): string {
  return path.basename(file).replace(/\.[^.]*$/, '').replace(/[-_]+/g, ' ').trim() || 'Imported plan';
}

export async function importCommand(args: string[], io: ImportOutput, usage: string): Promise<number> {
  let out: string | undefined;
  let force = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out' || a.startsWith('--out=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) {
        io.err('planwright: --out needs the name of the plan file to write.');
        return 2;
      }
      out = v;
    } else if (a === '--force') force = true;
    else if (a.startsWith('-') && a !== '-') {
      io.err(`planwright: unknown option "${a}".\n\n${usage}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.err(`planwright: name one file to import${files.length ? ` (${files.length} were given)` : ''}.\n\n${usage}`);
    return 2;
  }
  const file = files[0];
  const ext = path.extname(file).toLowerCase();
  if (Object.prototype.hasOwnProperty.call(DOCUMENTS, ext)) return importDocumentFile(file, out, force, io);
  const importer = Object.prototype.hasOwnProperty.call(importers, ext) ? importers[ext] : undefined;
  if (!importer) {
    io.err(`planwright: cannot import "${file}": files ending in ${[...Object.keys(importers), ...Object.keys(DOCUMENTS)].join(', ')} can be imported, not ${ext || 'files without an extension'}.`);
    return 2;
  }
  const target = out ?? path.join(path.dirname(file), path.basename(file, path.extname(file)) + '.plan.yaml');
  let bytes: Buffer;
  try {
    // A pipe, socket, device or folder is refused from its stat, never opened (a pipe with no writer waits forever).
    bytes = await readRegularFile(file);
  } catch (e) {
    io.err(`planwright: cannot read "${file}": ${fsErrorReason(e)}.`);
    return 2;
  }
  let result: Imported;
  try {
    result = await importer.read(bytes, file);
  } catch (e) {
    if (e instanceof NotStratmlError) {
      io.err(`planwright: cannot import "${file}": ${e.message}`);
      return 2;
    }
    throw e;
  }
  const text = writePlan(result.plan, { header: [`Imported from ${path.basename(file)} by planwright import.`] });
  try {
    // 'wx': never over a file that exists, unless --force.
    await fs.writeFile(target, text, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') io.err(`planwright: did not write "${target}": it exists. Give another name with --out, or --force to replace it.`);
    else io.err(`planwright: cannot write "${target}": ${(e as Error).message}`);
    return 2;
  }
  io.out(`${file}: ${result.summary}`);
  for (const r of result.report) io.out(`${file}${r.line ? `:${r.line}${r.column ? `:${r.column}` : ''}` : ''}: ${r.message}`);
  io.out(target);
  return 0;
}
