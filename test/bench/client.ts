// A small LSP client for benchmarks, in the manner of test/protocol/lspClient.ts, but for any
// language server started by a command line: every publishDiagnostics is recorded with its
// arrival time and a sequence number, so a change can be matched to the next publish even
// when the server does not send versions (yaml-language-server).
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';

const CLOCK_TICKS = 100; // sysconf(_SC_CLK_TCK) on Linux

export interface ServerCommand {
  /** Short name used in the results, e.g. "planwright". */
  name: string;
  command: string;
  args: string[];
  cwd?: string;
}

export interface Publish {
  seq: number;
  at: number;
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** Splits a command line from an environment variable ("node --cpu-prof dist/server.js --stdio"). */
export function parseCommandLine(name: string, line: string): ServerCommand {
  const parts = line.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  const unq = parts.map((p) => (/^["'].*["']$/.test(p) ? p.slice(1, -1) : p));
  const [command, ...args] = unq;
  if (!command) throw new Error(`empty command line for ${name}`);
  return { name, command: command === 'node' ? process.execPath : command, args };
}

export class BenchClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly publishes: Publish[] = [];
  private seq = 0;
  private waiters: (() => void)[] = [];
  stderr = '';
  /** Answers to `workspace/configuration`, by section. */
  settings: Record<string, unknown> = {};
  /** `workspace/applyEdit` requests received (answered with applied: false: the document stays as it is). */
  readonly appliedEdits: { at: number; edit: any }[] = [];
  private exited = false;

  constructor(readonly server: ServerCommand) {
    this.proc = spawn(server.command, server.args, { cwd: server.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => {
      if (this.stderr.length < 100_000) this.stderr += d;
    });
    this.proc.on('exit', () => {
      this.exited = true;
      this.wake();
    });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.publishes.push({ seq: ++this.seq, at: performance.now(), uri: p.uri, version: p.version, diagnostics: p.diagnostics });
      this.wake();
    });
    this.conn.onNotification(() => undefined); // logMessage, telemetry, planwright/planChanged, ...
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section && i.section in this.settings ? this.settings[i.section] : null)));
    this.conn.onRequest('workspace/applyEdit', (p: { edit: unknown }) => {
      this.appliedEdits.push({ at: performance.now(), edit: p.edit });
      this.wake();
      return { applied: false, failureReason: 'benchmark client: edits are not applied' };
    });
    this.conn.onRequest(() => null); // anything else a server may ask
    this.conn.listen();
  }

  get pid(): number {
    return this.proc.pid!;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  async initialize(rootUri: string | null, capabilities: object, initializationOptions?: object): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      clientInfo: { name: 'planwright-bench' },
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities,
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  notify(method: string, params: object): void {
    void this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: object[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  request<R = any>(method: string, params: object | unknown[] | undefined): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** The first publish for `uri` after sequence number `afterSeq` that satisfies `pred`. */
  async nextPublish(uri: string, afterSeq: number, pred: (p: Publish) => boolean = () => true, timeoutMs = 60_000): Promise<Publish> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const p = this.publishes.find((x) => x.seq > afterSeq && x.uri === uri && pred(x));
      if (p) return p;
      if (this.exited) throw new Error(`${this.server.name} exited while waiting for diagnostics\nstderr: ${this.stderr}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${this.server.name}: no matching diagnostics for ${uri} within ${timeoutMs} ms\nstderr: ${this.stderr}`);
      await this.sleepUntilWoken(left);
    }
  }

  /** Waits until no diagnostics have arrived for `quietMs` (servers that publish more than once). */
  async settle(quietMs: number, maxMs = 10_000): Promise<void> {
    const start = performance.now();
    for (;;) {
      const last = this.publishes.length ? this.publishes[this.publishes.length - 1].at : start;
      const since = performance.now() - Math.max(last, start);
      if (since >= quietMs || performance.now() - start > maxMs) return;
      await new Promise((r) => setTimeout(r, quietMs - since));
    }
  }

  /** Waits for the next applyEdit request after index `after`, or undefined after `timeoutMs`. */
  async nextApplyEdit(after: number, timeoutMs: number): Promise<{ at: number; edit: any } | undefined> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.appliedEdits.length > after) return this.appliedEdits[after];
      const left = deadline - performance.now();
      if (left <= 0 || this.exited) return undefined;
      await this.sleepUntilWoken(left);
    }
  }

  private sleepUntilWoken(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB (Linux /proc). */
  memory(): { rssMB: number; peakMB: number } | undefined {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  /** CPU time (user + system) the server process has used so far, in ms (Linux /proc; 10 ms steps). */
  cpuMs(): number {
    try {
      const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return NaN;
    }
  }

  /** shutdown + exit, so that a server run with --cpu-prof writes its profile. */
  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    if (!this.exited) await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
    this.conn.dispose();
    if (this.proc.exitCode === null && !this.exited) this.proc.kill();
  }
}
