// The Planwright commands. Each is thin: the language server does the work (renumbering) or VS
// Code does (opening documents, focusing views).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PLAN_LANGUAGE, PLAN_VIEW_ID, renumberedText } from './outline';
import { PlansRequest, RenumberPlanCommand, type PlanSummary, type RenumberResult } from './protocol';
import { planFileName, templateSnippet } from './snippet';
import { writeNewFile } from './newFile';

/** `client` resolves once the language client is loaded and started (just after activation). */
export function registerCommands(context: vscode.ExtensionContext, client: Promise<LanguageClient>): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('planwright.newPlan', () => newPlan(context)),
    // After New Plan's first save: name the file from the plan's title.
    vscode.workspace.onDidSaveTextDocument((doc) => nameNewPlan(client, doc)),
    // "Create unit" (a code action): the new unit's name as a tab stop, its kind offered (server: unitSnippet.ts).
    vscode.commands.registerCommand('planwright.insertSnippet', async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, snippet: string) => {
      const c = (await client).protocol2CodeConverter;
      const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
      await editor.insertSnippet(new vscode.SnippetString(snippet), c.asRange(range), { undoStopBefore: false, undoStopAfter: true, keepWhitespace: true });
    }),
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
  if (doc.uri.path.includes('/')) newPlans.add(doc.uri.with({ scheme: 'file' }).toString());
  const snippet = new vscode.SnippetString(templateSnippet(new TextDecoder().decode(bytes)));
  await editor.insertSnippet(snippet, new vscode.Position(0, 0), { undoStopBefore: true, undoStopAfter: true, keepWhitespace: true });
}

/** Files New Plan opened as untitled `new.plan.yaml` (in a folder), not yet saved and named. */
const newPlans = new Set<string>();

/**
 * Saving a New Plan writes `new.plan.yaml` (VS Code saves an untitled file with a path without
 * asking): then ask for the name, proposing the one the plan's title gives
 * (`harbor-city-strategic-plan-2026-2030.plan.yaml`), and rename the file. Escape keeps it.
 */
async function nameNewPlan(client: Promise<LanguageClient>, doc: vscode.TextDocument): Promise<void> {
  if (!newPlans.delete(doc.uri.toString())) return;
  const current = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
  // The plan's title, as the server read it: under the saved file's URI, or still under the
  // untitled one just after the save (a plan without a title is listed by its file name).
  const named = (p: PlanSummary) => [doc.uri.fsPath].includes(vscode.Uri.parse(p.uri).fsPath) && p.title && !/\.plan\.ya?ml$/i.test(p.title);
  const untitled = doc.uri.with({ scheme: 'untitled' }).toString();
  let title: string | undefined;
  for (let attempt = 0; attempt < 5 && title === undefined; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 200));
    try {
      const plans = await (await client).sendRequest<PlanSummary[]>(PlansRequest);
      title = (plans.find(named) ?? plans.find((p) => uriKeyOf(p.uri) === untitled && p.title && !/\.plan\.ya?ml$/i.test(p.title)))?.title;
    } catch {
      break; // No title from the server: propose the name as it is.
    }
  }
  const suggested = planFileName(title, current.replace(/\.plan\.ya?ml$/i, ''));
  const name = await vscode.window.showInputBox({
    title: 'Name the plan\'s file',
    prompt: `Saved as ${current}. Rename it to (Escape keeps ${current}):`,
    value: suggested,
    valueSelection: [0, suggested.length - '.plan.yaml'.length],
    validateInput: (v) => (/^[^/\\]+\.plan\.ya?ml$/i.test(v.trim()) ? undefined : 'A plan\'s file name ends in .plan.yaml (and holds no / or \\).'),
  });
  if (!name || name.trim() === current) return;
  const target = vscode.Uri.joinPath(doc.uri, '..', name.trim());
  if (await exists(target)) {
    void vscode.window.showWarningMessage(`${name.trim()} already exists: the plan stays ${current}.`);
    return;
  }
  const rename = new vscode.WorkspaceEdit();
  rename.renameFile(doc.uri, target);
  await vscode.workspace.applyEdit(rename);
}

function uriKeyOf(uri: string): string {
  return vscode.Uri.parse(uri).toString();
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

/**
 * Writes a new file, never over one (newFile.ts): 'exists' when a file is at `uri`, made before
 * the command looked or since. A file on disk is created with O_EXCL; one of another file system
 * (a virtual or remote workspace) through a WorkspaceEdit's `createFile` without `overwrite`,
 * which VS Code does not apply over an existing file.
 */
export function createNewFile(uri: vscode.Uri, bytes: Uint8Array): Promise<'created' | 'exists'> {
  return writeNewFile(uri, bytes, async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: bytes });
    if (await vscode.workspace.applyEdit(edit)) return 'created';
    if (await exists(uri)) return 'exists';
    throw new Error(`VS Code could not create ${uri.toString(true)}.`);
  });
}

/** Whether a file or folder is at `uri` (any file system VS Code knows). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
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
    const r = await (await client).sendRequest<RenumberResult | null>('workspace/executeCommand', { command: RenumberPlanCommand, arguments: [uri] });
    void vscode.window.showInformationMessage(renumberedText(r));
  } catch (e) {
    void vscode.window.showErrorMessage(`Planwright could not renumber the plan: ${e instanceof Error ? e.message : String(e)}`);
  }
}
