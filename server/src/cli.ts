// `planwright check`: the editor's checks on the command line, for CI. Reads files, hands their
// text to the same language service the server uses, prints what it finds.
import { readFormatAndPaths } from './cli/options';
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fsErrorReason, notRegularFile, PLAN_FILE, PlanFileSet, readRegularFile } from './planFiles';
import { createLanguageService } from './service';
import { EXPORT_EXTENSION as EXTENSION, exportDocument, type ExportFormat } from './service/document/exportDocument';
import { stripBom } from './service/text';
import { report, REPORT_EXIT, REPORT_HELP, REPORT_OPTIONS, REPORT_USAGE } from './cli/report';
import { IMPORT_EXIT, IMPORT_OPTIONS, IMPORT_USAGE, importCommand } from './cli/import';
import { exportStratml } from './service/stratml/export';
import { ALIGNMENT_EXIT, ALIGNMENT_HELP, ALIGNMENT_OPTIONS, ALIGNMENT_USAGE, alignmentCommand, loadParents } from './cli/alignment';
import { applyRuleConfigs, configReports, type FileReport } from './cli/configReport';
import { toSarif } from './cli/sarif';
import { FORMAT_EXIT, FORMAT_HELP, FORMAT_USAGE, formatCommand } from './cli/format';

const USAGE = `Usage: planwright check [--format text|json|sarif] <files or folders...>
       planwright export --to html|markdown|docx [--out DIR] <files or folders...>
       planwright export --to stratml [--out DIR] <files or folders...>
${REPORT_USAGE}
${IMPORT_USAGE}
${ALIGNMENT_USAGE}
${FORMAT_USAGE}

check: checks strategic plans written as YAML (*.plan.yaml, *.plan.yml): YAML syntax, the plan
schema, numbering and cross-references.

export: writes each plan NAME.plan.yaml as a document to read and circulate: NAME.html (one
self-contained page, ready to print), NAME.md (GitHub-flavoured Markdown) or NAME.docx (Word);
or as data: NAME.xml in StratML (ISO 17469-1; Part 2 when the plan has measures).
A plan with problems is still exported as it reads (a draft), and stderr says how many it has.

${REPORT_HELP}

import: reads a plan written in another format (StratML: FILE.xml; a Word document: FILE.docx;
Markdown: FILE.md; the text of a PDF: FILE.txt) and writes it as a plan, FILE.plan.yaml beside it
or the file named by --out; an existing file is never replaced unless --force is given. Prints
what was read, then one line per thing not carried over as it was (FILE:LINE, or the paragraph of
a Word document). A document in which no goal is found writes nothing (exit 1); a file that is
not what its name says (a .docx that is not a Word document) writes nothing (exit 2).

${ALIGNMENT_HELP}

${FORMAT_HELP}

Folders are searched for plan files at any depth, following links (each plan is read once);
folders named node_modules, dist or out, and folders whose name starts with ".", are not searched.

Options:
  --format text|json  check: text (default): path:line:col  severity  code  message
                      json: an array of {file, range, severity, code, message}, 0-based positions
                      sarif: SARIF 2.1.0, for code scanning (GitHub, Azure DevOps)
  --to FORMAT         export: html, markdown (or md), docx or stratml
  --out DIR           export: the folder to write into (made if missing); default: beside each plan
${REPORT_OPTIONS}
${IMPORT_OPTIONS}
  --force             import: replace the plan file if it exists
${ALIGNMENT_OPTIONS}
  --check             format: change nothing; list the plans that would change
  -h, --help          show this help
  -v, --version       show the version

Exit status (check):
  0  no errors (warnings allowed)
  1  errors found
  2  usage error; a path that holds no plan (missing, or a folder with no plan files); or a
     file or folder that cannot be read (not UTF-8, permission denied, or not a regular file:
     a pipe or a device is never opened)

Exit status (export):
  0  every plan was written
  2  usage error; a path that holds no plan or cannot be read (named; the other plans are still
     written); or a file that could not be written

${REPORT_EXIT}

${IMPORT_EXIT}

${ALIGNMENT_EXIT}

${FORMAT_EXIT}`;

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'] as const;

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The process's own output (tests pass their own). */
const PROCESS_OUTPUT: Output = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };

export async function main(argv: string[], io: Output = PROCESS_OUTPUT): Promise<number> {
  if (io === PROCESS_OUTPUT) stopQuietlyOnClosedPipe();
  const args = [...argv];
  if (args.includes('-h') || args.includes('--help')) {
    io.out(USAGE);
    return 0;
  }
  if (args.includes('-v') || args.includes('--version')) {
    io.out(require('../../package.json').version);
    return 0;
  }
  const command = args.shift();
  if (command === 'check') return check(args, io);
  if (command === 'export') return exportPlans(args, io);
  if (command === 'report') return report(args, io, loadPlans, USAGE);
  if (command === 'import') return importCommand(args, io, USAGE);
  if (command === 'alignment') return alignmentCommand(args, io, loadPlans, USAGE);
  if (command === 'format') return formatCommand(args, io, loadPlans, USAGE);
  io.err(command ? `planwright: unknown command "${command}".\n\n${USAGE}` : USAGE);
  return 2;
}

async function check(args: string[], io: Output): Promise<number> {
  const read = readFormatAndPaths(args, ['text', 'json', 'sarif'] as const, io, USAGE, 'name the plan files or folders to check.');
  if (typeof read === 'number') return read;
  const { format, targets } = read;

  const { service, loaded, failures, configs } = await loadPlans(targets, io);

  let errors = 0;
  let warnings = 0;
  const json: unknown[] = [];
  // Config files' own problems first (they change what the plans report), then each plan's.
  const reports: FileReport[] = [...configReports(configs, loaded.map((l) => l.file)), ...loaded.map(({ file, uri }) => ({ file, uri, diagnostics: service.getDiagnostics(uri) as Diagnostic[] }))];
  for (const { file, diagnostics } of reports) {
    for (const d of diagnostics) {
      const severity = SEVERITY[d.severity ?? 1];
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      if (format === 'json') json.push({ file, range: d.range, severity, code: d.code, message: d.message });
      else if (format === 'text') io.out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${severity}  ${d.code}  ${d.message}`);
    }
  }
  if (format === 'json') io.out(JSON.stringify(json, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(reports, process.cwd(), require('../../package.json').version), null, 2));
  else io.out(`${plural(loaded.length, 'plan')} checked: ${[plural(errors, 'error'), plural(warnings, 'warning'), ...failures.words].join(', ')}.`);
  return failures.count ? 2 : errors ? 1 : 0;
}

async function exportPlans(args: string[], io: Output): Promise<number> {
  let to: ExportFormat | 'stratml' | undefined;
  let outDir: string | undefined;
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i]);
    if (a === '--to' || a.startsWith('--to=')) {
      const v = value();
      const f = v === 'md' ? 'markdown' : v;
      if (f !== 'html' && f !== 'markdown' && f !== 'docx' && f !== 'stratml') {
        io.err(`planwright: --to must be html, markdown, docx or stratml, not ${v === undefined ? 'nothing' : `"${v}"`}.`);
        return 2;
      }
      to = f;
    } else if (a === '--out' || a.startsWith('--out=')) {
      const v = value();
      if (!v) {
        io.err('planwright: --out needs the folder to write into.');
        return 2;
      }
      outDir = v;
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`planwright: unknown option "${a}".\n\n${USAGE}`);
      return 2;
    } else targets.push(a);
  }
  if (!to) {
    io.err(`planwright: say which format to export with --to html, --to markdown, --to docx or --to stratml.\n\n${USAGE}`);
    return 2;
  }
  if (!targets.length) {
    io.err(`planwright: name the plan files or folders to export.\n\n${USAGE}`);
    return 2;
  }

  const { service, loaded, failures } = await loadPlans(targets, io);
  let failed = failures.count;
  if (outDir !== undefined) {
    try {
      await fs.mkdir(outDir, { recursive: true });
    } catch (e) {
      io.err(`planwright: cannot make the folder "${outDir}": ${describeFsError(e)}`);
      return 2;
    }
  }
  const written = new Map<string, string>(); // output path → the plan written there
  for (const { file, uri } of loaded) {
    const doc = service.getPlanDocument(uri)!;
    const name = path.basename(file).replace(PLAN_FILE, '') || 'plan';
    const target = path.join(outDir ?? path.dirname(file), name + (to === 'stratml' ? '.xml' : EXTENSION[to]));
    const key = path.resolve(target);
    const before = written.get(key);
    if (before) {
      // Two plans of the same name exported into one folder: the second would replace the first.
      io.err(`planwright: did not write "${target}" for "${file}": "${before}" was just written there. Export them into different folders.`);
      failed++;
      continue;
    }
    const { errors, warnings } = doc.problems;
    if (errors || warnings) {
      io.err(`planwright: "${file}" has ${[errors && plural(errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean).join(' and ')}; exported as it reads (run planwright check to list them).`);
    }
    try {
      await fs.writeFile(target, to === 'stratml' ? exportStratml(service.workspace.get(uri)!.model, doc.title).xml : await exportDocument(doc, to));
      written.set(key, file);
      io.out(target);
    } catch (e) {
      io.err(`planwright: cannot write "${target}": ${describeFsError(e)}`);
      failed++;
    }
  }
  return failed ? 2 : 0;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** Plans found on the paths given, read into one service (units may be defined in another plan), and what could not be read. */
async function loadPlans(targets: string[], io: Output) {
  // Every path must lead to a plan: a CI script whose path holds none (a typo, a folder emptied by
  // a move) fails instead of passing with "0 plans checked".
  let unreadable = 0;
  let unreadableFolders = 0;
  let empty = 0;
  let missing = 0;
  let current = ''; // the path being added, and whether it was a folder that could not be listed
  let rootUnreadable = false;
  // A link to nothing is named but does not fail the check: there is no plan there to check.
  const plans = new PlanFileSet((s) => {
    io.err(`planwright: skipped "${s.path}": ${s.reason}.`);
    if (s.kind === 'folder' && s.path === current) rootUnreadable = true;
    if (s.kind === 'folder') unreadableFolders++;
    else if (s.kind === 'file') unreadable++;
  });
  for (const t of targets) {
    current = t;
    rootUnreadable = false;
    let st;
    try {
      st = await fs.stat(t);
    } catch (e) {
      io.err(`planwright: cannot read "${t}": ${describeFsError(e)}${wildcardHint(t, e)}`);
      if ((e as NodeJS.ErrnoException)?.code === 'ENOENT') missing++;
      else unreadable++;
      continue;
    }
    if (st.isDirectory()) {
      if (!(await plans.addFolder(t)) && !rootUnreadable) {
        io.err(`planwright: no plan files found in "${t}". Plans are files named *.plan.yaml or *.plan.yml; folders named node_modules, dist or out, and folders whose name starts with ".", are not searched.`);
        empty++;
      }
    } else if (notRegularFile(st)) {
      // Never opened: reading a pipe with no writer would wait forever.
      io.err(`planwright: cannot read "${t}": ${notRegularFile(st)}. Name plan files, or folders that hold them.`);
      unreadable++;
    } else await plans.addFile(t);
  }

  // All files are loaded first: `lead`/`support` may name units defined in another plan.
  const service = createLanguageService();
  const loaded: { file: string; uri: string }[] = [];
  for (const file of plans.files) {
    try {
      const text = stripBom(decodeUtf8(await readRegularFile(file)));
      const uri = URI.file(path.resolve(file)).toString();
      service.update(uri, text);
      loaded.push({ file, uri });
    } catch (e) {
      io.err(`planwright: cannot read "${file}": ${describeFsError(e)}`);
      unreadable++;
    }
  }

  // The parent plans named by `parents:` and not given, for their `aligns` entries (not reported).
  await loadParents(service, async (file) => stripBom(decodeUtf8(await readRegularFile(file))));

  const words = [
    unreadable && `${plural(unreadable, 'file')} not readable`,
    unreadableFolders && `${plural(unreadableFolders, 'folder')} not readable`,
    empty && `${plural(empty, 'folder')} with no plans`,
    missing && `${plural(missing, 'path')} not found`,
  ].filter(Boolean) as string[];
  // Each plan's rules are its nearest config file's (.planwright.yaml; see ruleConfig.ts).
  const configs = await applyRuleConfigs(service, loaded.map((l) => l.file));
  return { service, loaded, configs, failures: { count: unreadable + unreadableFolders + empty + missing, words } };
}

class NotUtf8Error extends Error {}

/** Decodes UTF-8 strictly: a plan saved in another encoding is named, not silently garbled. */
function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let at = 0;
    const ok = new TextDecoder('utf-8', { fatal: true });
    // Find the first byte that does not decode, to point the author at it.
    for (let lo = 0, hi = bytes.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      try {
        ok.decode(bytes.subarray(0, mid));
        lo = mid + 1;
        at = mid;
      } catch {
        hi = mid;
      }
    }
    throw new NotUtf8Error(`it is not UTF-8 text (the bytes near offset ${at} do not decode). Save it as UTF-8.`);
  }
}

function describeFsError(e: unknown): string {
  if (e instanceof NotUtf8Error) return e.message;
  return `${fsErrorReason(e)}.`;
}

/** A missing path that looks like a wildcard pattern: the shell left it as typed (it matched nothing, or was quoted). */
function wildcardHint(target: string, e: unknown): string {
  if ((e as NodeJS.ErrnoException)?.code !== 'ENOENT' || !/[*?[\]{}]/.test(target)) return '';
  return ' planwright does not expand wildcards: leave the pattern unquoted so the shell expands it, or name the folder that holds the plans.';
}

let pipeGuarded = false;
/**
 * Output piped into a program that stops reading (`planwright check . | head`): what was wanted
 * has been read, so the CLI stops quietly, as grep and eslint do, instead of dying with a stack trace.
 */
function stopQuietlyOnClosedPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
