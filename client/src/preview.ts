// The live preview: the plan as its published document, in a webview beside the editor. The
// language server renders the document from the model it holds (request `planwright/document`);
// this file only shows it, follows every edit (after each diagnostics publish, debounced), and
// syncs the scroll both ways through the source lines the server put in `data-line`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PLAN_LANGUAGE } from './outline';
import { DocumentRequest, type DocumentParams, type DocumentResult } from './protocol';

export const PREVIEW_VIEW_TYPE = 'planwright.preview';
const uriKey = (uri: string | vscode.Uri): string => (typeof uri === 'string' ? vscode.Uri.parse(uri) : uri).toString();

/** A fresh nonce per render of the page: only the script the extension ships may run. */
function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[+/=]/g, '');
}

class Preview implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private known: string[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;
  private again = false;
  private ready = false;
  /** Editor scrolls caused by the preview are not sent back to it. */
  private ignoreEditorScrollUntil = 0;
  /** The line the preview last scrolled the editor to. */
  private revealedLine: number | undefined;
  /** After a double-click opened the editor: the editor to give focus back to, until when (see onDidChangeViewState). */
  private focusBack: { editor: vscode.TextEditor; until: number } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly uri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly client: Promise<LanguageClient>,
    /** Where to open a new panel, or the panel VS Code restored after a reload (see PlanPreviews). */
    place: { column: vscode.ViewColumn; preserveFocus: boolean } | vscode.WebviewPanel,
    onDispose: () => void,
  ) {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    // Nothing but the extension's own media folder can be loaded.
    const options = { enableScripts: true, localResourceRoots: [media] };
    if ('webview' in place) {
      this.panel = place;
      this.panel.webview.options = options;
      this.panel.title = title(uri);
    } else {
      this.panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, title(uri), { viewColumn: place.column, preserveFocus: place.preserveFocus }, {
        ...options,
        enableFindWidget: true,
        retainContextWhenHidden: false,
      });
    }
    this.panel.webview.html = this.page();
    this.disposables.push(
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
      this.panel.webview.onDidReceiveMessage((m) => this.received(m)),
      this.panel.onDidChangeViewState((e) => {
        // A hidden webview loses its page (retainContextWhenHidden: false); it is drawn anew.
        if (e.webviewPanel.visible && !this.ready) this.panel.webview.html = this.page();
        // The double-click that opened the editor also focuses the webview, and on a busy machine
        // the workbench may hand the webview focus after the editor took it: it goes back, once.
        const back = this.focusBack;
        if (back && e.webviewPanel.active && Date.now() < back.until) {
          this.focusBack = undefined;
          void vscode.window.showTextDocument(back.editor.document, { viewColumn: back.editor.viewColumn, preserveFocus: false, selection: back.editor.selection });
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.isSource(e.textEditor) || !e.visibleRanges.length) return;
        const top = e.visibleRanges[0].start.line;
        // The editor arriving where the preview sent it is no news to the preview: by position,
        // not only by time (the workbench can be slow to report under load).
        if (this.revealedLine !== undefined && top === this.revealedLine) {
          this.revealedLine = undefined;
          return;
        }
        if (Date.now() < this.ignoreEditorScrollUntil) return;
        this.revealedLine = undefined;
        void this.panel.webview.postMessage({ type: 'scroll', line: top });
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.isSource(e.textEditor)) void this.panel.webview.postMessage({ type: 'cursor', line: e.selections[0].active.line });
      }),
    );
  }

  private isSource(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
    return !!editor && uriKey(editor.document.uri) === uriKey(this.uri);
  }

  private sourceEditor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => this.isSource(e));
  }

  private page(): string {
    this.ready = false;
    this.known = [];
    const w = this.panel.webview;
    const n = nonce();
    const media = (f: string) => w.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', f)).toString();
    const csp = `default-src 'none'; style-src ${w.cspSource}; script-src 'nonce-${n}'; img-src ${w.cspSource}; font-src ${w.cspSource}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${media('preview.css')}">
<title>${escape(title(this.uri))}</title>
</head>
<body>
<main id="pw-doc" aria-live="off"></main>
<script nonce="${n}" src="${media('preview.js')}"></script>
</body>
</html>`;
  }

  private async received(m: { type?: string; line?: unknown; keys?: unknown; href?: unknown }): Promise<void> {
    switch (m?.type) {
      case 'ready':
        this.ready = true;
        this.refresh(0);
        break;
      case 'resync':
        this.known = [];
        this.refresh(0);
        break;
      case 'shown':
        if (Array.isArray(m.keys)) this.known = m.keys.filter((k): k is string => typeof k === 'string');
        break;
      case 'scroll': {
        const editor = this.sourceEditor();
        if (!editor || typeof m.line !== 'number') return;
        const line = Math.max(0, Math.min(editor.document.lineCount - 1, Math.floor(m.line)));
        // Already there: scrolling the editor would only echo back to the preview.
        if (editor.visibleRanges[0]?.start.line === line) return;
        this.ignoreEditorScrollUntil = Date.now() + 200;
        this.revealedLine = line;
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'reveal': {
        if (typeof m.line !== 'number') return;
        const doc = await vscode.workspace.openTextDocument(this.uri);
        const shown = this.sourceEditor();
        const editor = await vscode.window.showTextDocument(doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
        const line = Math.max(0, Math.min(doc.lineCount - 1, Math.floor(m.line)));
        const at = new vscode.Position(line, doc.lineAt(line).firstNonWhitespaceCharacterIndex);
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        this.focusBack = { editor, until: Date.now() + 1000 };
        break;
      }
      case 'link': {
        if (typeof m.href !== 'string') return;
        const target = vscode.Uri.parse(m.href, true);
        // Only web and mail links leave the preview; VS Code asks before opening an untrusted domain.
        if (['http', 'https', 'mailto'].includes(target.scheme)) void vscode.env.openExternal(target);
        break;
      }
    }
  }

  /** Asks the server for the document after `delay` ms; one request at a time, the latest wins. */
  refresh(delay = 60): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), delay);
  }

  private async load(): Promise<void> {
    if (!this.ready) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    try {
      const client = await this.client;
      const params: DocumentParams = { textDocument: { uri: this.uri.toString() }, known: this.known };
      const result = await client.sendRequest<DocumentResult | null>(DocumentRequest, params);
      if (!result) return;
      const editor = this.sourceEditor();
      await this.panel.webview.postMessage({
        type: 'update',
        uri: this.uri.toString(),
        title: result.title,
        blocks: result.blocks,
        line: editor?.visibleRanges[0]?.start.line,
        cursor: editor?.selection.active.line,
      });
    } catch {
      // The server restarted or the plan closed: the next change asks again.
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.refresh(0);
      }
    }
  }

  reveal(column: vscode.ViewColumn, preserveFocus: boolean): void {
    this.panel.reveal(column, preserveFocus);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function title(uri: vscode.Uri): string {
  return `Preview ${uri.path.split('/').pop() ?? ''}`;
}

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The previews that are open, one per plan, and the commands that open them. */
export class PlanPreviews implements vscode.Disposable {
  private readonly previews = new Map<string, Preview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: Promise<LanguageClient>) {
    this.disposables.push(
      vscode.commands.registerCommand('planwright.openPreview', (uri?: vscode.Uri) => this.open(uri, false)),
      vscode.commands.registerCommand('planwright.openPreviewToSide', (uri?: vscode.Uri) => this.open(uri, true)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.revive(panel, state),
      }),
    );
    // Every edit (the server brings its model up to date before answering), and every publish of
    // the plan's diagnostics (problem marks; units defined in another plan). Not the server's
    // `planwright/planChanged`: the connection keeps one handler per notification, the Plan view's.
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.previews.get(uriKey(e.document.uri))?.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => { for (const u of e.uris) this.previews.get(uriKey(u))?.refresh(); }),
    );
  }

  /** Opens (or shows) the preview of a plan: the active editor's, or the one the command was given. */
  async open(target: vscode.Uri | undefined, toSide: boolean): Promise<vscode.WebviewPanel | undefined> {
    const editor = vscode.window.activeTextEditor;
    const uri = target instanceof vscode.Uri ? target : editor?.document.languageId === PLAN_LANGUAGE ? editor.document.uri : undefined;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a plan (*.plan.yaml) first: the preview shows the plan of the active editor.');
      return undefined;
    }
    // The server renders plans it knows: open documents and the workspace's plan files.
    if (!vscode.workspace.textDocuments.some((d) => uriKey(d.uri) === uriKey(uri))) await vscode.workspace.openTextDocument(uri);
    const column = toSide ? vscode.ViewColumn.Beside : (editor?.viewColumn ?? vscode.ViewColumn.Active);
    const key = uriKey(uri);
    const existing = this.previews.get(key);
    if (existing) {
      existing.reveal(column, toSide);
      return existing.panel;
    }
    const p = new Preview(uri, this.context.extensionUri, this.client, { column, preserveFocus: toSide }, () => this.previews.delete(key));
    this.previews.set(key, p);
    return p.panel;
  }

  /**
   * A preview VS Code brings back after a reload, as the Markdown preview does: its page saved the
   * plan's URI (`vscode.setState` in media/preview.js). Without one, or for a plan of another
   * preview already open, the panel is closed.
   */
  private revive(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = (state as { uri?: unknown } | undefined)?.uri;
    const uri = typeof saved === 'string' ? vscode.Uri.parse(saved) : undefined;
    const key = uri && uriKey(uri);
    if (!uri || !key || this.previews.has(key)) {
      panel.dispose();
      return;
    }
    this.previews.set(key, new Preview(uri, this.context.extensionUri, this.client, panel, () => this.previews.delete(key)));
  }

  dispose(): void {
    for (const p of this.previews.values()) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
