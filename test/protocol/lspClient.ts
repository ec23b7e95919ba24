// A minimal LSP client for protocol tests: starts the real bundled server (`dist/server.js
// --stdio`) and speaks JSON-RPC to it, as Neovim or Helix would.
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { parentSamples } from '../../server/src/service/test-util';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';
  /** Edits the server asked the client to apply (workspace/applyEdit). */
  applied: { label?: string; edit: any }[] = [];
  logs: string[] = [];
  /** window/logMessage with its type (1 Error, 2 Warning, 3 Info, 4 Log). */
  logEntries: { type: number; message: string }[] = [];
  /** window/showMessage notifications and window/showDocument requests received. */
  shownMessages: { type: number; message: string }[] = [];
  shownDocuments: object[] = [];
  /** Capabilities the server registered (client/registerCapability) and has not unregistered. */
  registrations: { id: string; method: string; registerOptions?: any }[] = [];

  /**
   * `maxOpenFiles` starts the server under that open-file limit (`ulimit -n`), as on a machine
   * with a low limit or one where other programs hold many files.
   */
  constructor(extraArgs: string[] = [], opts: { maxOpenFiles?: number; env?: NodeJS.ProcessEnv } = {}) {
    const args = [SERVER, '--stdio', ...extraArgs];
    const env = opts.env ? { ...process.env, ...opts.env } : process.env;
    this.proc = opts.maxOpenFiles
      ? spawn('bash', ['-c', `ulimit -n ${opts.maxOpenFiles} && exec "$0" "$@"`, process.execPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env })
      : spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.logEntries.push(p);
    });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => this.shownMessages.push(p));
    this.conn.onRequest('window/showDocument', (p: object) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    this.conn.onRequest('client/registerCapability', (p: { registrations: { id: string; method: string; registerOptions?: any }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onRequest('client/unregisterCapability', (p: { unregisterations: { id: string }[] }) => {
      const gone = new Set(p.unregisterations.map((u) => u.id));
      this.registrations = this.registrations.filter((r) => !gone.has(r.id));
      return null;
    });
    this.conn.onRequest('workspace/configuration', () => []);
    this.conn.onRequest('workspace/applyEdit', (p: { label?: string; edit: any }) => {
      this.applied.push(p);
      return { applied: true };
    });
    this.conn.listen();
  }

  async initialize(rootUri: string | null = null, capabilities: object = {}, initializationOptions?: object): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities,
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'strategic-plan', version, text } });
  }

  /** Opens a plan after the samples its `parents:` names, at the URIs its paths resolve to (ICE beside DHS). */
  openWithParents(uri: string, text: string, version = 1): void {
    for (const p of parentSamples(uri, text)) this.open(p.uri, p.text);
    this.open(uri, text, version);
  }

  change(uri: string, version: number, changes: object[]): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  notify(method: string, params: object): void {
    void this.conn.sendNotification(method, params);
  }

  /** Sends messages in one write, as a client that sends a burst does (`method`, `params`, optional `id`). */
  writeAtOnce(messages: object[]): void {
    const framed = messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.proc.stdin!.write(Buffer.concat(framed));
  }

  /**
   * Writes messages to the server in one write, framed as given: `frame(m)` for a well-formed
   * one, or any bytes. Only call it while the connection is not itself writing (after awaiting).
   */
  writeRaw(...chunks: (string | Buffer)[]): void {
    this.proc.stdin!.write(Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))));
  }

  /** Resolves with the exit code once the server process has ended (or null after the timeout). */
  exited(timeoutMs = 5000): Promise<number | null> {
    if (this.proc.exitCode !== null) return Promise.resolve(this.proc.exitCode);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(null), timeoutMs);
      this.proc.once('exit', (code) => {
        clearTimeout(t);
        resolve(code);
      });
    });
  }

  request<R = any>(method: string, params?: object): Promise<R> {
    return (params === undefined ? this.conn.sendRequest(method) : this.conn.sendRequest(method, params)) as Promise<R>;
  }

  /** Waits until published diagnostics for `uri` satisfy `pred` (or the timeout passes). */
  async waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.diagnostics.get(uri);
      if (p && pred(p)) return p.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(p?.diagnostics.map((d) => d.code))}\nserver stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

/** One JSON-RPC message framed as the base protocol says (`Content-Length`, then the body). */
export function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Starts the server, opens `text` as `uri` and waits for its first diagnostics. */
export async function serverWith(uri: string, text: string): Promise<TestClient> {
  const client = new TestClient();
  await client.initialize();
  client.openWithParents(uri, text);
  await client.waitForDiagnostics(uri);
  return client;
}
