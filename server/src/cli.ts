// `planwright check`: the editor's checks on the command line, for CI. Reads files, hands their
// text to the same language service the server uses, prints what it finds.
import { promises as fs } from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findPlanFiles } from './planFiles';
import { createLanguageService } from './service';
import { stripBom } from './service/text';

const USAGE = `Usage: planwright check [--format text|json] <files or folders...>

Checks strategic plans written as YAML (*.plan.yaml, *.plan.yml): YAML syntax, the plan
schema, numbering and cross-references. Folders are searched for plan files.

Options:
  --format text|json  text (default): path:line:col  severity  code  message
                      json: an array of {file, range, severity, code, message}, 0-based positions
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable file.`;

const SEVERITY = ['', 'error', 'warning', 'information', 'hint'] as const;

interface Output {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function main(argv: string[], io: Output = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }): Promise<number> {
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
  if (command !== 'check') {
    io.err(command ? `planwright: unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  let format: 'text' | 'json' = 'text';
  const targets: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'text' && v !== 'json') {
        io.err(`planwright: --format must be text or json, not ${v === undefined ? 'nothing' : `"${v}"`}.`);
        return 2;
      }
      format = v;
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`planwright: unknown option "${a}".\n\n${USAGE}`);
      return 2;
    } else targets.push(a);
  }
  if (!targets.length) {
    io.err(`planwright: name the plan files or folders to check.\n\n${USAGE}`);
    return 2;
  }

  let unreadable = 0;
  const files: string[] = [];
  for (const t of targets) {
    try {
      const st = await fs.stat(t);
      if (st.isDirectory()) {
        const found = await findPlanFiles(t);
        if (!found.length) io.err(`planwright: no *.plan.yaml or *.plan.yml files in folder "${t}".`);
        files.push(...found);
      } else files.push(t);
    } catch (e) {
      io.err(`planwright: cannot read "${t}": ${describeFsError(e)}`);
      unreadable++;
    }
  }

  // All files are loaded first: `lead`/`support` may name units defined in another plan.
  const service = createLanguageService();
  const loaded: { file: string; uri: string }[] = [];
  for (const file of [...new Set(files)]) {
    try {
      const text = stripBom(decodeUtf8(await fs.readFile(file)));
      const uri = URI.file(path.resolve(file)).toString();
      service.update(uri, text);
      loaded.push({ file, uri });
    } catch (e) {
      io.err(`planwright: cannot read "${file}": ${describeFsError(e)}`);
      unreadable++;
    }
  }

  let errors = 0;
  let warnings = 0;
  const json: unknown[] = [];
  for (const { file, uri } of loaded) {
    for (const d of service.getDiagnostics(uri) as Diagnostic[]) {
      const severity = SEVERITY[d.severity ?? 1];
      if (severity === 'error') errors++;
      else if (severity === 'warning') warnings++;
      if (format === 'json') json.push({ file, range: d.range, severity, code: d.code, message: d.message });
      else io.out(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}  ${severity}  ${d.code}  ${d.message}`);
    }
  }
  if (format === 'json') io.out(JSON.stringify(json, null, 2));
  else {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    io.out(`${plural(loaded.length, 'plan')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${unreadable ? `, ${plural(unreadable, 'file')} not readable` : ''}.`);
  }
  return unreadable ? 2 : errors ? 1 : 0;
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
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  if (code === 'EISDIR') return 'it is a folder.';
  return e instanceof Error ? e.message : String(e);
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
