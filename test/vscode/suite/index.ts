// Entry point of the extension-host test suite: VS Code (desktop under @vscode/test-electron, or
// code-server driven by scripts/e2e.mjs) loads this file from `extensionTestsPath` and calls run()
// inside the real extension host, where `require('vscode')` is the editor's API.
//
// run() runs every `*.test.js` beside this file with mocha and writes what happened, test by test,
// as JSON to $PLANWRIGHT_VSCODE_RESULTS (or test-results/vscode-suite.json). The harness reads that
// file: in code-server there is no process exit code to read. run() also rejects when a test fails,
// which is how @vscode/test-electron learns the outcome.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  status: 'running' | 'done' | 'crashed';
  started: string;
  finished?: string;
  passed: number;
  failed: number;
  pending: number;
  tests: TestRecord[];
  error?: string;
}

const ROOT = path.resolve(__dirname, '../../../..');

export function resultsPath(): string {
  return process.env.PLANWRIGHT_VSCODE_RESULTS || path.join(ROOT, 'test-results', 'vscode-suite.json');
}

function write(results: SuiteResults): void {
  const file = resultsPath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file + '.tmp', JSON.stringify(results, null, 2));
  fs.renameSync(file + '.tmp', file);
}

export function run(): Promise<void> {
  const results: SuiteResults = { status: 'running', started: new Date().toISOString(), passed: 0, failed: 0, pending: 0, tests: [] };
  write(results);
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  if (process.env.PLANWRIGHT_VSCODE_GREP) mocha.grep(process.env.PLANWRIGHT_VSCODE_GREP);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      results.status = error ? 'crashed' : 'done';
      results.finished = new Date().toISOString();
      if (error) results.error = error instanceof Error ? error.stack ?? error.message : String(error);
      write(results);
      if (error) reject(error);
      else if (results.failed > 0) reject(new Error(`${results.failed} extension-host test(s) failed`));
      else resolve();
    };
    try {
      const runner = mocha.run(() => finish());
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
        write(results);
      });
      runner.on('fail', (t, err: Error) => {
        results.failed++;
        results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: err?.stack ?? String(err) });
        write(results);
      });
      runner.on('pending', (t) => {
        results.pending++;
        results.tests.push({ title: t.fullTitle(), state: 'pending' });
      });
    } catch (e) {
      finish(e);
    }
  });
}
