// Helpers for the extension-host tests: open the sample plans, wait for the language server, find
// positions by the text around them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'planwright.planwright';
export const PLAN_LANGUAGE = 'strategic-plan';
export const ICE = 'ice-strategic-plan-2021-2025.plan.yaml';
export const ERRORS = 'with-errors.plan.yaml';
export const DHS = 'dhs-strategic-plan-2020-2024.plan.yaml';
export const NUMBERING_CODES = ['numbering-sequence', 'numbering-parent', 'numbering-duplicate', 'numbering-format'];

const ROOT = path.resolve(__dirname, '../../../..');

/** A sample plan: the workspace's copy when the editor opened a folder of samples, else the project's. */
export function sampleUri(name: string): vscode.Uri {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if (folder.uri.scheme !== 'file' || fs.existsSync(uri.fsPath)) return uri;
  }
  return vscode.Uri.file(path.join(ROOT, 'samples', name));
}

/** Opens a sample in an editor (the language server only checks what the editor has opened or indexed). */
export async function openSample(name: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(sampleUri(name));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Polls `probe` until `done` holds of its result; fails with `what` and the last result after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | Thenable<T>, done: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (done(last)) return last;
    if (Date.now() > end) assert.fail(`timed out after ${timeoutMs}ms waiting for ${what}; last seen: ${show(last)}`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function show(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s.length > 1500 ? s.slice(0, 1500) + '…' : s;
  } catch {
    return String(v);
  }
}

/** A diagnostic's code as a string, whether VS Code holds it plain or as `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return String(typeof c === 'object' && c !== null ? c.value : c ?? '');
}

export function planwrightDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'planwright');
}

export function numberingDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return planwrightDiagnostics(uri).filter((d) => NUMBERING_CODES.includes(codeOf(d)));
}

/** Position of the `nth` occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, nth = 1): vscode.Position {
  const text = doc.getText();
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${path.basename(doc.uri.path)} has no ${nth}th occurrence of ${JSON.stringify(needle)}`);
  }
  return doc.positionAt(i + delta);
}

/** Range of the `nth` occurrence of `needle`. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 1): vscode.Range {
  const start = positionOf(doc, needle, 0, nth);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** "line:start-end" (0-based), for comparing locations in one line of assertion. */
export function brief(r: vscode.Range): string {
  return r.isSingleLine ? `${r.start.line}:${r.start.character}-${r.end.character}` : `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Throws away unsaved changes to a document so the next test starts from the sample as shipped. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`${path.basename(doc.uri.path)} to be reverted`, () => doc.isDirty, (dirty) => !dirty, 10_000);
}

/** The extension, activated. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed; installed: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
  await ext.activate();
  return ext;
}

/** Text of a hover's contents, markdown and plain strings alike. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}
