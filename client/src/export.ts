// Planwright: Export Plan…: pick a format, then where to save. The server writes the document
// from its model (request `planwright/export`); this only asks the user and saves the bytes.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PLAN_LANGUAGE, problemsText } from './outline';
import { ExportRequest, ExportStratmlRequest, type ExportParams, type ExportResult } from './protocol';

const FORMATS: { format: ExportParams['format'] | 'stratml'; label: string; detail: string; ext: string; filter: string }[] = [
  { format: 'html', label: 'Web page (HTML)', detail: 'One self-contained file that prints as a finished document from any browser.', ext: 'html', filter: 'Web page' },
  { format: 'docx', label: 'Word document (.docx)', detail: 'Goals and objectives in Word\'s Heading styles: the navigation pane and a table of contents find them.', ext: 'docx', filter: 'Word document' },
  { format: 'markdown', label: 'Markdown (.md)', detail: 'GitHub-flavoured Markdown, readable on GitHub.', ext: 'md', filter: 'Markdown' },
  { format: 'stratml', label: 'StratML (.xml)', detail: 'The ISO 17469-1 standard for strategic plans (Part 2, with performance indicators, when the plan has measures).', ext: 'xml', filter: 'StratML' },
];

export function registerExport(client: Promise<LanguageClient>): vscode.Disposable {
  // From the editor, the Explorer (a Uri) or the Plan view (a plan node: the server's uri string).
  // A second argument (`{ format, to }`, from tests and other extensions) skips the questions.
  return vscode.commands.registerCommand('planwright.exportPlan', (target?: vscode.Uri | { uri: string }, given?: { format?: string; to?: vscode.Uri }) =>
    exportPlan(client, target instanceof vscode.Uri ? target : typeof target?.uri === 'string' ? vscode.Uri.parse(target.uri) : undefined, given));
}

async function exportPlan(client: Promise<LanguageClient>, target?: vscode.Uri, given?: { format?: string; to?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = target instanceof vscode.Uri ? target : editor?.document.languageId === PLAN_LANGUAGE ? editor.document.uri : undefined;
  if (!uri) {
    void vscode.window.showInformationMessage('Open a plan (*.plan.yaml) first: Export Plan writes the plan of the active editor.');
    return undefined;
  }
  const pick = FORMATS.find((f) => f.format === given?.format) ?? (await vscode.window.showQuickPick(FORMATS, { title: 'Export Plan', placeHolder: 'Export the plan as' }));
  if (!pick) return undefined;
  const base = uri.path.split('/').pop()!.replace(/\.plan\.ya?ml$/i, '');
  const folder = uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(uri, '..');
  const to = given?.to ?? await vscode.window.showSaveDialog({
    title: `Export ${base} as ${pick.filter}`,
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${base}.${pick.ext}`) : undefined,
    filters: { [pick.filter]: [pick.ext] },
    saveLabel: 'Export',
  });
  if (!to) return undefined;
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await vscode.workspace.openTextDocument(uri);
  const textDocument = { uri: uri.toString() };
  const result =
    pick.format === 'stratml'
      ? await (await client).sendRequest<ExportResult | null>(ExportStratmlRequest, { textDocument })
      : await (await client).sendRequest<ExportResult | null>(ExportRequest, { textDocument, format: pick.format } satisfies ExportParams);
  if (!result) {
    void vscode.window.showErrorMessage(`Planwright could not export ${base}: the language server does not know this plan yet. Try again in a moment.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(to, Buffer.from(result.base64, 'base64'));
  const problems = problemsText(result.errors, result.warnings);
  const note = problems ? ` The plan has ${problems}: it is exported as it reads.` : '';
  void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(to)}.${note}`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.env.openExternal(to);
  });
  return to;
}
