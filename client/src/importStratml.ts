// Planwright: Import StratML…: pick a StratML file (or get its URI as the command's argument),
// the server reads it into a plan (request `planwright/importStratml`), and this writes
// NAME.plan.yaml beside it (never over an existing file: NAME-2.plan.yaml then) and opens it.
// What could not be carried over is listed in the "Planwright Import" output channel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createNewFile, exists } from './commands';
import { ImportStratmlRequest, type ImportStratmlParams, type ImportStratmlResult } from './protocol';

export function registerImportStratml(client: Promise<LanguageClient>): vscode.Disposable {
  let channel: vscode.OutputChannel | undefined;
  const command = vscode.commands.registerCommand('planwright.importStratml', async (source?: vscode.Uri) => {
    const from = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({ title: 'Import StratML', canSelectMany: false, filters: { StratML: ['xml'] }, openLabel: 'Import' }))?.[0];
    if (!from) return undefined;
    const name = from.path.split('/').pop()!;
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(from));
    const params: ImportStratmlParams = { text, fileName: name };
    const result = await (await client).sendRequest<ImportStratmlResult | null>(ImportStratmlRequest, params);
    if (!result?.yaml) {
      void vscode.window.showErrorMessage(result?.summary ?? `Planwright could not import ${name}.`);
      return undefined;
    }
    const target = await writeFreeName(vscode.Uri.joinPath(from, '..'), name.replace(/\.xml$/i, ''), new TextEncoder().encode(result.yaml));
    channel ??= vscode.window.createOutputChannel('Planwright Import');
    channel.appendLine(`${name} → ${vscode.workspace.asRelativePath(target)}: ${result.summary}`);
    for (const line of result.report) channel.appendLine(`  ${line}`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
    const more = result.report.length ? 'Show Report' : undefined;
    void vscode.window.showInformationMessage(`Imported ${name} as ${vscode.workspace.asRelativePath(target)}. ${result.summary}`, ...(more ? [more] : [])).then((c) => {
      if (c === more) channel?.show();
    });
    return target;
  });
  return { dispose: () => (command.dispose(), channel?.dispose()) };
}

/**
 * Writes NAME.plan.yaml in the folder, or NAME-2.plan.yaml, ...: the first that does not exist
 * when it is written (createNewFile creates it only if new: one made since it was looked at is
 * passed over too, never overwritten).
 */
async function writeFreeName(folder: vscode.Uri, base: string, bytes: Uint8Array): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const uri = vscode.Uri.joinPath(folder, `${base}${n === 1 ? '' : `-${n}`}.plan.yaml`);
    if (await exists(uri)) continue;
    if ((await createNewFile(uri, bytes)) === 'created') return uri;
  }
}
