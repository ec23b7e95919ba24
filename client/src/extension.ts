// Activation: start the Planwright language server and wire the Plan view, the status bar entry
// and the commands to it. Everything about plans is the server's job; this stays thin. The
// language client library is most of this bundle and takes ~45 ms to load, so it is loaded
// just after activate() returns: activating costs only the editor-side wiring.
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerAlignment } from './alignment';
import { PLAN_LANGUAGE } from './outline';
import { PlanView } from './planView';
import { registerExport } from './export';
import { registerImportStratml } from './importStratml';
import { registerImportDocument } from './importDocument';
import { PlanPreviews } from './preview';
import { PlanStatus } from './status';
import { CLIENT_COMMANDS } from './protocol';

let client: LanguageClient | undefined;

/** What activate() hands to other extensions (and to the editor tests). */
export interface PlanwrightApi {
  /** Milliseconds from the start of loading this bundle to the end of activate(). */
  readonly activationMs: number;
  /** The language client, once it is loaded and started. */
  readonly client: Promise<LanguageClient>;
}

export function activate(context: vscode.ExtensionContext): PlanwrightApi {
  const outputChannel = vscode.window.createOutputChannel('Planwright');
  // Filled only when `planwright.trace.server` is on: the client reads `<client id>.trace.server`.
  const traceOutputChannel = vscode.window.createOutputChannel('Planwright Trace');
  // The Plan view is contributed with `when: planwright.active`, so workspaces without plans never see it.
  void vscode.commands.executeCommand('setContext', 'planwright.active', true);

  const ready = startClient(context, { outputChannel, traceOutputChannel });
  context.subscriptions.push(outputChannel, traceOutputChannel, new PlanStatus(), ...registerCommands(context, ready), new PlanPreviews(context, ready), registerExport(ready), registerImportStratml(ready), registerAlignment(ready), registerImportDocument(ready));
  void ready.then((c) => context.subscriptions.push(new PlanView(c)));

  const loadStart = (globalThis as { __planwrightLoadStart?: number }).__planwrightLoadStart;
  return { activationMs: loadStart === undefined ? NaN : performance.now() - loadStart, client: ready };
}

async function startClient(context: vscode.ExtensionContext, channels: Pick<LanguageClientOptions, 'outputChannel' | 'traceOutputChannel'>): Promise<LanguageClient> {
  await new Promise((resolve) => setImmediate(resolve));
  const { LanguageClient: Client, TransportKind } = await import('vscode-languageclient/node');
  const module = context.asAbsolutePath('dist/server.js');
  // Files, unsaved plans, and the workspace's own scheme (a virtual workspace's `vscode-vfs`),
  // but not the `git:` copies of a plan that diff editors open.
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  client = new Client(
    'planwright',
    'Planwright',
    {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    },
    {
      documentSelector: [...schemes].map((scheme) => ({ scheme, language: PLAN_LANGUAGE })),
      // The server's settings, at start and on every change (workspace/didChangeConfiguration).
      initializationOptions: {
        maxItemsComputed: vscode.workspace.getConfiguration('planwright').get<number>('maxItemsComputed'),
        maxNumberOfProblems: vscode.workspace.getConfiguration('planwright').get<number>('maxNumberOfProblems'),
        inlayHints: { enabled: vscode.workspace.getConfiguration('planwright').get<boolean>('inlayHints.enabled') },
        codeLens: { enabled: vscode.workspace.getConfiguration('planwright').get<boolean>('codeLens.enabled', true) },
      },
      synchronize: { configurationSection: 'planwright' },
      // No `synchronize.fileEvents`: the server registers its own watcher for plan files
      // (workspace/didChangeWatchedFiles), as it does with any LSP client.
      ...channels,
    },
  );
  // The commands this extension runs (protocol.ts): the server sends them to it, and no other editor.
  client.registerFeature({
    fillClientCapabilities: (caps) => {
      caps.experimental = { ...(caps.experimental as object | undefined), planwright: { commands: CLIENT_COMMANDS } };
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  // Not awaited: requests wait for the server; a failed start is reported by the client in the
  // output channel.
  client.start().catch(() => undefined);
  return client;
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
