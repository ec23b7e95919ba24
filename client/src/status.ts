// The status bar entry for the active plan: its error and warning counts at a glance, one click
// from the Problems panel. Counts come from VS Code's diagnostics, so they match that panel, or
// from the server's note of them all when it sent only the most serious (problemCounts).
import * as vscode from 'vscode';
import { PLAN_LANGUAGE, problemCounts, problemsText } from './outline';

export class PlanStatus implements vscode.Disposable {
  // On the right, beside the language mode: it is about this file, unlike the workspace-wide
  // problem counts VS Code shows on the left.
  private readonly item = vscode.window.createStatusBarItem('planwright.status', vscode.StatusBarAlignment.Right, 101);
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.item.name = 'Planwright: Plan Problems';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      // "Change Language Mode" re-opens the document under its new language.
      vscode.workspace.onDidOpenTextDocument((doc) => doc === vscode.window.activeTextEditor?.document && this.update()),
    ];
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== PLAN_LANGUAGE) {
      this.item.hide();
      return;
    }
    const { errors, warnings } = problemCounts(
      vscode.languages.getDiagnostics(doc.uri).map((d) => ({
        level: d.severity === vscode.DiagnosticSeverity.Error ? 'error' : d.severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'other',
        source: d.source,
        code: typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
        // vscode-languageclient keeps the LSP diagnostic's `data` on the object it hands VS Code.
        data: (d as { data?: unknown }).data,
      })),
    );
    const problems = problemsText(errors, warnings);
    this.item.text = problems ? `$(error) ${errors} $(warning) ${warnings}` : '$(check) Plan OK';
    this.item.tooltip = problems ? `This plan has ${problems}. Click to open the Problems panel.` : 'No problems found in this plan. Click to open the Problems panel.';
    this.item.accessibilityInformation = { label: problems ? `Plan: ${problems}` : 'Plan OK' };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
