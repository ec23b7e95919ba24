// Activation: start the Planwright language server and wire the Plan view, the status bar entry
// and the commands to it. Everything about plans is the server's job; this stays thin and only
// loads `vscode` and `vscode-languageclient` so activation is cheap.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { PLAN_LANGUAGE } from './outline';
import { PlanView } from './planView';
import { PlanStatus } from './status';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // Files, unsaved plans, and the workspace's own scheme (a virtual workspace's `vscode-vfs`),
  // but not the `git:` copies of a plan that diff editors open.
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)]);
  const outputChannel = vscode.window.createOutputChannel('Planwright');
  // Filled only when `planwright.trace.server` is on: the client reads `<client id>.trace.server`.
  const traceOutputChannel = vscode.window.createOutputChannel('Planwright Trace');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...schemes].map((scheme) => ({ scheme, language: PLAN_LANGUAGE })),
    // No `synchronize.fileEvents`: the server registers its own watcher for plan files
    // (workspace/didChangeWatchedFiles), as it does with any LSP client.
    outputChannel,
    traceOutputChannel,
  };

  client = new LanguageClient('planwright', 'Planwright', serverOptions, clientOptions);
  // The Plan view is contributed with `when: planwright.active`, so workspaces without plans never see it.
  void vscode.commands.executeCommand('setContext', 'planwright.active', true);
  context.subscriptions.push(
    outputChannel,
    traceOutputChannel,
    new PlanView(client),
    new PlanStatus(),
    ...registerCommands(context, client),
  );
  // Not awaited: the editor stays responsive while the server starts; requests wait for it, and
  // a failed start is already reported by the client in the output channel.
  client.start().catch(() => undefined);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
