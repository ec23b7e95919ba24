// The Planwright language service: plain functions over a workspace of plan models. It knows
// nothing of the LSP connection or of VS Code, and does no I/O: texts are handed in.
import type { CompletionList, Diagnostic, DocumentHighlight, Hover, Location, Position } from 'vscode-languageserver-types';
import { PlanWorkspace, type PlanDocument } from './documents';
import { provideCompletion } from './features/completion';
import { provideDefinition } from './features/definition';
import { provideDiagnostics } from './features/diagnostics';
import { provideDocumentHighlights } from './features/highlights';
import { provideHover } from './features/hover';
import { provideReferences } from './features/references';

export { PlanWorkspace, type PlanDocument } from './documents';
export type { PlanModel, PlanItem, PlanDiagnostic, Unit, Reference } from './model';

export interface PlanLanguageService {
  readonly workspace: PlanWorkspace;
  /** Reads a new version of a plan (open editor or file on disk). */
  update(uri: string, text: string, version?: number): PlanDocument;
  remove(uri: string): void;
  getDiagnostics(uri: string): Diagnostic[];
  getHover(uri: string, position: Position): Hover | null;
  getDefinition(uri: string, position: Position): Location[];
  getReferences(uri: string, position: Position, includeDeclaration: boolean): Location[];
  getDocumentHighlights(uri: string, position: Position): DocumentHighlight[];
  getCompletion(uri: string, position: Position): CompletionList;
}

export function createLanguageService(workspace = new PlanWorkspace()): PlanLanguageService {
  /** Runs a feature on a known document, or answers `none` for an unknown one. */
  const on = <R>(uri: string, none: R, f: (doc: PlanDocument) => R): R => {
    const doc = workspace.get(uri);
    return doc ? f(doc) : none;
  };
  return Object.freeze({
    workspace,
    update: (uri: string, text: string, version?: number) => workspace.update(uri, text, version),
    remove: (uri: string) => workspace.remove(uri),
    getDiagnostics: (uri: string) => on(uri, [], (d) => provideDiagnostics(workspace, d)),
    getHover: (uri: string, p: Position) => on(uri, null, (d) => provideHover(workspace, d, p)),
    getDefinition: (uri: string, p: Position) => on(uri, [], (d) => provideDefinition(workspace, d, p)),
    getReferences: (uri: string, p: Position, decl: boolean) => on(uri, [], (d) => provideReferences(workspace, d, p, decl)),
    getDocumentHighlights: (uri: string, p: Position) => on(uri, [], (d) => provideDocumentHighlights(workspace, d, p)),
    getCompletion: (uri: string, p: Position) => on(uri, { isIncomplete: false, items: [] }, (d) => provideCompletion(workspace, d, p)),
  });
}
