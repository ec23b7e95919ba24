// The Planwright commands. Each is thin: the language server does the work (renumbering) or VS
// Code does (opening documents, focusing views).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PLAN_LANGUAGE, PLAN_VIEW_ID } from './outline';
import { RenumberPlanCommand } from './protocol';
import { templateSnippet } from './snippet';

/** `client` resolves once the language client is loaded and started (just after activation). */
export function registerCommands(context: vscode.ExtensionContext, client: Promise<LanguageClient>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('planwright.newPlan', () => newPlan(context)),
    vscode.commands.registerCommand('planwright.renumberPlan', (target?: vscode.Uri | { uri: string }) => renumberPlan(client, target)),
    vscode.commands.registerCommand('planwright.showPlanView', async () => {
      // This command may be what activates the extension: the view's `when` must hold before focusing it.
      await vscode.commands.executeCommand('setContext', 'planwright.active', true);
      await vscode.commands.executeCommand(`${PLAN_VIEW_ID}.focus`);
    }),
    vscode.commands.registerCommand('planwright.restartServer', async () => (await client).restart()),
    // Code lenses carry LSP JSON (uri string, Position, Location[]); VS Code's peek needs its own types.
    vscode.commands.registerCommand('planwright.showReferences', async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: any }[]) => {
      const c = (await client).protocol2CodeConverter;
      return vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), c.asPosition(position), locations.map((l) => c.asLocation(l)));
    }),
  ];
}

/**
 * Opens an unsaved `new.plan.yaml` filled from the template, its blanks as tab stops. The name
 * makes it a plan from the start (language, Plan view) and is what Save proposes.
 */
async function newPlan(context: vscode.ExtensionContext): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'templates', 'new.plan.yaml'));
  let doc = await vscode.workspace.openTextDocument(await untitledPlanUri());
  if (doc.languageId !== PLAN_LANGUAGE) doc = await vscode.languages.setTextDocumentLanguage(doc, PLAN_LANGUAGE);
  const editor = await vscode.window.showTextDocument(doc);
  const snippet = new vscode.SnippetString(templateSnippet(new TextDecoder().decode(bytes)));
  await editor.insertSnippet(snippet, new vscode.Position(0, 0), { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

/** `new.plan.yaml` in the first folder, or `new-2.plan.yaml`, ... : a name no file or open editor has. */
async function untitledPlanUri(): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'new.plan.yaml' : `new-${i}.plan.yaml`;
    const file = folder && vscode.Uri.joinPath(folder.uri, name);
    const untitled = file ? file.with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (open.has(untitled.toString()) || (file && (open.has(file.toString()) || (await exists(file))))) continue;
    return untitled;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks the server to renumber a plan; it sends the edit back through workspace/applyEdit, so
 * the change lands in the editor as one undoable step.
 * `target` is the file when run from a menu, a Plan view root when run from the view.
 */
async function renumberPlan(client: Promise<LanguageClient>, target?: vscode.Uri | { uri: string }): Promise<void> {
  let uri: string | undefined;
  if (target instanceof vscode.Uri) uri = target.toString();
  else if (target && typeof target.uri === 'string') uri = target.uri;
  else {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc?.languageId === PLAN_LANGUAGE) uri = doc.uri.toString();
  }
  if (!uri) {
    void vscode.window.showInformationMessage('Open a strategic plan (a .plan.yaml file) to renumber it.');
    return;
  }
  try {
    await (await client).sendRequest('workspace/executeCommand', { command: RenumberPlanCommand, arguments: [uri] });
  } catch (e) {
    void vscode.window.showErrorMessage(`Planwright could not renumber the plan: ${e instanceof Error ? e.message : String(e)}`);
  }
}
