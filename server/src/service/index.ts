// The Planwright language service: plain functions over a workspace of plan models. It knows
// nothing of the LSP connection or of VS Code, and does no I/O: texts are handed in.
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { PlanWorkspace, type PlanDocument } from './documents';
import { provideDiagnostics } from './features/diagnostics';

export { PlanWorkspace, type PlanDocument } from './documents';
export type { PlanModel, PlanItem, PlanDiagnostic, Unit, Reference } from './model';

export interface PlanLanguageService {
  readonly workspace: PlanWorkspace;
  /** Reads a new version of a plan (open editor or file on disk). */
  update(uri: string, text: string, version?: number): PlanDocument;
  remove(uri: string): void;
  getDiagnostics(uri: string): Diagnostic[];
}

export function createLanguageService(workspace = new PlanWorkspace()): PlanLanguageService {
  const doc = (uri: string) => workspace.get(uri);
  return Object.freeze({
    workspace,
    update: (uri: string, text: string, version?: number) => workspace.update(uri, text, version),
    remove: (uri: string) => workspace.remove(uri),
    getDiagnostics: (uri: string) => {
      const d = doc(uri);
      return d ? provideDiagnostics(workspace, d) : [];
    },
  });
}

export type { Position };
