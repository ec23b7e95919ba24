// Planwright: Import Plan from Document…: pick a Word, Markdown or text document (or get its URI
// from the Explorer or a test); the server reads the plan from it (request
// `planwright/importDocument`); the plan is written beside the document, unless a file is
// already there (or is made while the server reads: the write creates it only if new), and opened.
import * as vscode from 'vscode';
import { createNewFile, exists } from './commands';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportDocumentRequest, type ImportDocumentParams, type ImportDocumentResult } from './protocol';

export function registerImportDocument(client: Promise<LanguageClient>): vscode.Disposable {
  return vscode.commands.registerCommand('planwright.importDocument', (target?: vscode.Uri) => importDocument(client, target instanceof vscode.Uri ? target : undefined));
}

/** The plan's URI when it was written (and opened), else undefined. */
async function importDocument(client: Promise<LanguageClient>, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const source =
    target ??
    (await vscode.window.showOpenDialog({
      title: 'Import Plan from Document',
      openLabel: 'Import',
      canSelectMany: false,
      filters: { 'Plan documents': ['docx', 'md', 'markdown', 'txt'], 'Word document': ['docx'], Markdown: ['md', 'markdown'], 'Text (e.g. of a PDF)': ['txt'] },
    }))?.[0];
  if (!source) return undefined;
  const name = source.path.split('/').pop()!;
  if (!/\.(docx|md|markdown|txt)$/i.test(name)) {
    void vscode.window.showErrorMessage(`Planwright imports Word documents (.docx), Markdown (.md) and text (.txt, e.g. the text of a PDF), not ${name}.`);
    return undefined;
  }
  const planUri = vscode.Uri.joinPath(source, '..', name.replace(/\.(docx|md|markdown|txt)$/i, '') + '.plan.yaml');
  // Looked at first, to say so before the server reads the document; the write below is what
  // guarantees it (a file made meanwhile is not overwritten either).
  const already = () => {
    void vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(planUri)} already exists: it was not overwritten. Move or rename it to import ${name} again.`, 'Open It').then((c) => {
      if (c === 'Open It') void vscode.window.showTextDocument(planUri);
    });
    return undefined;
  };
  if (await exists(planUri)) return already();
  const bytes = await vscode.workspace.fs.readFile(source);
  const params: ImportDocumentParams = { name, base64: Buffer.from(bytes).toString('base64') };
  const result = await (await client).sendRequest<ImportDocumentResult | null>(ImportDocumentRequest, params);
  if (!result) {
    void vscode.window.showErrorMessage(`Planwright could not import ${name}: the language server failed to read it (see the Planwright output).`);
    return undefined;
  }
  if (result.unreadable) {
    void vscode.window.showErrorMessage(`Planwright cannot import ${name}: it is ${result.unreadable}.`);
    return undefined;
  }
  if (result.text === null) {
    void vscode.window.showWarningMessage(`No goals found in ${name}: nothing was written. ${result.notes[result.notes.length - 1] ?? ''}`);
    return undefined;
  }
  if ((await createNewFile(planUri, Buffer.from(result.text, 'utf8'))) === 'exists') return already();
  await vscode.window.showTextDocument(planUri);
  const { goals, objectives, subobjectives } = result.counts;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const notes = result.notes.length ? ` ${n(result.notes.length, 'note')} about what it could not place or overrode ${result.notes.length === 1 ? 'is' : 'are'} at the top of the plan.` : '';
  void vscode.window.showInformationMessage(`Imported ${n(goals, 'goal')}, ${n(objectives, 'objective')} and ${n(subobjectives, 'sub-objective')} from ${name}.${notes}`);
  return planUri;
}
