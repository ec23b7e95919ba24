// "Planwright: Show Alignment": the coverage of parent plans by the plans aligned to them, as the
// server computes it (the same report as `planwright alignment --format markdown`), opened as an
// untitled Markdown document (VS Code's own preview shows it rendered).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AlignmentRequest } from './protocol';

export function registerAlignment(client: Promise<LanguageClient>): vscode.Disposable {
  return vscode.commands.registerCommand('planwright.showAlignment', async () => {
    const markdown = await (await client).sendRequest<string | null>(AlignmentRequest, {});
    if (markdown === null) {
      void vscode.window.showErrorMessage('Planwright could not compute the alignment of the plans: see the Planwright output for details.');
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(doc, { preview: false });
  });
}
