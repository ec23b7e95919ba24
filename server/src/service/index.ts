// The Planwright language service: plain functions over a workspace of plan models. It knows
// nothing of the LSP connection or of VS Code, and does no I/O: texts are handed in.
import type { CodeAction, CodeLens, CompletionList, Diagnostic, DocumentHighlight, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range, SelectionRange, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { fileNameOf, PlanWorkspace, type PlanDocument } from './documents';
import { provideCodeActions } from './features/codeActions';
import { lensData, lensIndex, provideCodeLenses, resolveCodeLens, type LensIndex } from './features/codeLens';
import { provideCompletion } from './features/completion';
import { provideDefinition } from './features/definition';
import { planDiagnostics, provideDiagnostics, publishedDiagnostics } from './features/diagnostics';
import type { PlanDiagnostic } from './model';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import { formatPlan, provideFormatting, provideRangeFormatting, type FormatOutcome } from './features/format';
import { provideInlayHints } from './features/inlayHints';
import { provideDocumentHighlights } from './features/highlights';
import { provideHover } from './features/hover';
import { filterPlanTree, planTreeLevel, providePlanTree, type PlanTreeFilter, type PlanTreeNode } from './features/planTree';
import { provideReferences } from './features/references';
import { providePlanSections, type PlanSectionNode } from './features/planSections';
import { prepareRename, provideRenameEdits } from './features/rename';
import { renumber, renumberWorkspaceEdit } from './features/renumber';
import { lensCache } from './features/codeLensCache';
import { provideSelectionRanges } from './features/selectionRange';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import type { TextChange } from './text';
import { buildPlanDocument, type PlanDocumentModel } from './document/planDocument';
import { providePreview, type PreviewResult } from './document/preview';
import { alignmentCoverage, coverageMarkdown } from './document/alignmentReport';

export { PlanWorkspace, type PlanDocument } from './documents';
export type { PlanTreeFilter, PlanTreeNode } from './features/planTree';
export type { PlanSectionNode } from './features/planSections';
export type { PlanModel, PlanItem, PlanDiagnostic, Unit, Reference } from './model';
export type { PlanDocumentModel, DocItem } from './document/planDocument';
export type { PreviewResult, PreviewBlock } from './document/preview';

export interface PlanLanguageService {
  readonly workspace: PlanWorkspace;
  /**
   * Reads a new version of a plan (open editor or file on disk); `change`, when known, says what
   * changed since the version the service has (see LineIndex.afterEdit).
   */
  update(uri: string, text: string, version?: number, change?: TextChange): PlanDocument;
  /**
   * The same, stopping at `deadline` (ms, `performance.now()`) between goals if the read is not
   * done: undefined then, and the previous version stays current until a call with the same text
   * finishes the read (see PlanWorkspace.update). The server reads huge plans this way.
   */
  update(uri: string, text: string, version: number | undefined, change: TextChange | undefined, deadline: number): PlanDocument | undefined;
  remove(uri: string): void;
  /** The diagnostics to publish: at most `maxNumberOfProblems`, the most serious first (publishedDiagnostics). */
  getDiagnostics(uri: string): Diagnostic[];
  /** The same findings before they are made LSP diagnostics: the same array while nothing changed (for the server's compare with what it published, `sameFindings`). */
  getFindings(uri: string): readonly PlanDiagnostic[];
  getHover(uri: string, position: Position): Hover | null;
  getDefinition(uri: string, position: Position): Location[];
  getReferences(uri: string, position: Position, includeDeclaration: boolean): Location[];
  getDocumentHighlights(uri: string, position: Position): DocumentHighlight[];
  getCompletion(uri: string, position: Position): CompletionList;
  /** The outline, capped at the `maxItemsComputed` option (see configure). */
  getDocumentSymbols(uri: string): DocumentSymbol[];
  getFoldingRanges(uri: string): FoldingRange[];
  getSelectionRanges(uri: string, positions: Position[]): SelectionRange[];
  getWorkspaceSymbols(query: string): SymbolInformation[];
  /** Where the plan's code lenses go: ranges and a small `data` each, no titles (resolveCodeLens gives those). */
  getCodeLenses(uri: string): CodeLens[];
  /**
   * A lens from getCodeLenses with its title and command, from its plan as it is now (the plan
   * may have changed since the list): a lens whose item is gone, or that no entry names now, or
   * that this service did not give gets an empty title.
   */
  resolveCodeLens(lens: CodeLens): CodeLens;
  /** Every plan of the workspace with its problem counts: the roots of the Plan view (not the parents read from outside it). */
  getPlans(): { uri: string; title: string; errors: number; warnings: number }[];
  /** Goals → objectives → sub-objectives of one plan, with problem counts: the Plan view. */
  /** `filter`: only the items with a measure not met and their ancestors (the Plan view's filter). */
  getPlanTree(uri: string, level?: { path: readonly number[]; depth: number }, filter?: PlanTreeFilter): PlanTreeNode[];
  /** Mission, vision, values and units of one plan: the Plan view's rows above the goals. */
  getPlanSections(uri: string): PlanSectionNode[];
  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | { error: string } | null;
  getRenameEdits(uri: string, position: Position, newName: string): { edit: WorkspaceEdit } | { error: string } | null;
  getCodeActions(uri: string, range: Range, diagnostics: Diagnostic[]): CodeAction[];
  /**
   * Edits that renumber the whole plan in document order, links following their items; or why
   * the plan cannot be renumbered (an item takes its number from another through a merge key).
   */
  getRenumberEdits(uri: string): { edits: TextEdit[]; items: number; links: number } | { error: string };
  /** The same renumbering as one workspace edit that also rewrites other plans' `aligns` entries naming the renumbered items. */
  getRenumberWorkspaceEdit(uri: string): { edit: WorkspaceEdit; items: number; links: number } | { error: string };
  /**
   * The plan as a document to read (preview and exports), with problem counts per item; once per
   * version of the text and of the workspace's units.
   */
  getPlanDocument(uri: string): PlanDocumentModel | null;
  /** The live preview: the document in HTML blocks, without the HTML of the blocks the client says it has (`known` keys). */
  getPreview(uri: string, known?: readonly string[]): PreviewResult | null;
  /** The alignment report of the workspace (parent plans' coverage by the plans aligned to them), as Markdown. */
  getAlignmentMarkdown(): string;
  /** `textDocument/formatting`: edits to the canonical layout (none when the plan has YAML errors). */
  getFormattingEdits(uri: string): TextEdit[];
  /** `textDocument/rangeFormatting`: the formatting's edits on the range's lines (all, when those alone would not read). */
  getRangeFormattingEdits(uri: string, range: Range): TextEdit[];
  /** The plan's text in the canonical layout, or why it is left as it is (`planwright format`). */
  formatPlan(uri: string): FormatOutcome | null;
  /** Inlay hints in a range: the title of each item a `related` entry names, the name of each unit `lead`/`support` names. */
  getInlayHints(uri: string, range: Range): InlayHint[];
  /** Options that come from the editor's settings. */
  configure(options: Partial<Omit<ServiceOptions, 'inlayHints'>> & { inlayHints?: boolean | { enabled?: unknown } }): void;
  /** Whether code lenses are given (the `planwright.codeLens.enabled` setting). */
  codeLensEnabled(): boolean;
  /** The most diagnostics published for one plan (the `planwright.maxNumberOfProblems` setting; 0: all). */
  maxNumberOfProblems(): number;
}

export interface ServiceOptions {
  /** Most symbols listed in a plan's outline; 0 for no limit (the `planwright.maxItemsComputed` setting). */
  maxItemsComputed: number;
  /**
   * Most diagnostics sent for one plan, the most serious first, and a last one saying how many
   * more there are; 0 for no limit (the `planwright.maxNumberOfProblems` setting).
   */
  maxNumberOfProblems: number;
  /** Inlay hints shown (the `planwright.inlayHints.enabled` setting). */
  inlayHints: boolean;
  /** Code lenses at all (the `planwright.codeLens.enabled` setting, `{ codeLens: { enabled } }` as the editor sends it). */
  codeLens: { enabled: boolean };
  /**
   * The commands the client can run itself (`capabilities.experimental.planwright.commands`):
   * completion items and code actions carry no other. Undefined: all of Planwright's editor
   * commands (the VS Code extension's set).
   */
  clientCommands?: readonly string[];
}

// 1,000: VS Code shows no more of one file (its extension host drops the rest).
export const DEFAULT_OPTIONS: ServiceOptions = { maxItemsComputed: 5000, maxNumberOfProblems: 1000, inlayHints: true, codeLens: { enabled: true } };

/**
 * Remembers a feature's answer for one version of a document (editors ask for symbols and
 * folding more than once per version: outline, breadcrumbs, sticky scroll).
 */
function perVersion<R>(f: (doc: PlanDocument) => R): (doc: PlanDocument) => R {
  const cache = new WeakMap<PlanDocument['model'], R>();
  return (doc) => {
    let r = cache.get(doc.model);
    if (r === undefined) cache.set(doc.model, (r = f(doc)));
    return r;
  };
}

export function createLanguageService(workspace = new PlanWorkspace(), initial: Partial<ServiceOptions> = {}): PlanLanguageService {
  const options: ServiceOptions = { ...DEFAULT_OPTIONS, ...initial };
  const canRun = (command: string) => !options.clientCommands || options.clientCommands.includes(command);
  let symbols = perVersion((d) => provideDocumentSymbols(d, options.maxItemsComputed));
  const folding = perVersion(provideFoldingRanges);
  const documents = new WeakMap<PlanDocument['model'], { units: unknown; alignment: number; settings: unknown; document: PlanDocumentModel }>();
  const planDocument = (d: PlanDocument): PlanDocumentModel => {
    const units = workspace.units();
    // Its problems include `aligns` entries, which other plans' changes resolve differently, and
    // are counted at the levels of the plan's config file, which may change while its text does not.
    const alignment = workspace.alignmentGeneration;
    const settings = workspace.rulesFor(d.uri);
    const known = documents.get(d.model);
    if (known && known.units === units && known.alignment === alignment && known.settings === settings) return known.document;
    const document = buildPlanDocument(workspace, d, provideDiagnostics(workspace, d), fileNameOf(d.uri).replace(/\.plan\.ya?ml$/i, ''));
    documents.set(d.model, { units, alignment, settings, document });
    return document;
  };
  /** The workspace's plans: not the parents read from outside it (externalPlans.ts), which are only read. */
  const ownPlans = () => workspace.all().filter((d) => !workspace.isExternal(d.uri));
  // A lens's data names its plan by a number (lenses are thousands, URIs long): the URIs in the order first listed.
  const lensPlans: string[] = [];
  const lensPlanNumbers = new Map<string, number>();
  const lensPlan = (uri: string): number => {
    let n = lensPlanNumbers.get(uri);
    if (n === undefined) lensPlanNumbers.set(uri, (n = lensPlans.push(uri) - 1));
    return n;
  };
  /** A plan's lens index and list, once per version of the workspace. */
  const lensesPerVersion = lensCache<{ index: LensIndex; list?: CodeLens[] }>();
  const lenses = (d: PlanDocument) => lensesPerVersion(workspace, d, () => ({ index: lensIndex(workspace, d) }));
  /** Runs a feature on a known document, or answers `none` for an unknown one. */
  const on = <R>(uri: string, none: R, f: (doc: PlanDocument) => R): R => {
    const doc = workspace.get(uri);
    return doc ? f(doc) : none;
  };
  return Object.freeze({
    workspace,
    update: ((uri: string, text: string, version?: number, change?: TextChange, deadline?: number) =>
      deadline === undefined ? workspace.update(uri, text, version, change) : workspace.update(uri, text, version, change, deadline)) as PlanLanguageService['update'],
    remove: (uri: string) => workspace.remove(uri),
    getDiagnostics: (uri: string) => on(uri, [], (d) => publishedDiagnostics(workspace, d, options.maxNumberOfProblems)),
    getFindings: (uri: string) => on(uri, [], (d) => planDiagnostics(workspace, d)),
    getHover: (uri: string, p: Position) => on(uri, null, (d) => provideHover(workspace, d, p)),
    getDefinition: (uri: string, p: Position) => on(uri, [], (d) => provideDefinition(workspace, d, p)),
    getReferences: (uri: string, p: Position, decl: boolean) => on(uri, [], (d) => provideReferences(workspace, d, p, decl)),
    getDocumentHighlights: (uri: string, p: Position) => on(uri, [], (d) => provideDocumentHighlights(workspace, d, p)),
    getDocumentSymbols: (uri: string) => on(uri, [], (d) => symbols(d)),
    getFoldingRanges: (uri: string) => on(uri, [], folding),
    getSelectionRanges: (uri: string, ps: Position[]) => on(uri, [], (d) => provideSelectionRanges(d, ps)),
    getWorkspaceSymbols: (query: string) => provideWorkspaceSymbols(ownPlans(), query),
    getCodeLenses: (uri: string) =>
      options.codeLens.enabled
        ? on(uri, [], (d) => {
            const kept = lenses(d);
            return (kept.list ??= provideCodeLenses(d, kept.index, lensPlan(d.uri)));
          })
        : [],
    resolveCodeLens: (lens: CodeLens) => {
      const data = lensData(lens);
      const uri = data && lensPlans[data[0]];
      const doc = uri === undefined ? undefined : workspace.get(uri);
      return resolveCodeLens(doc, doc && lenses(doc).index, lens);
    },
    getPlans: () =>
      ownPlans().map((d) => {
        const diags = planDiagnostics(workspace, d);
        return {
          uri: d.uri,
          title: d.model.title ?? fileNameOf(d.uri),
          errors: diags.filter((x) => x.severity === 'error').length,
          warnings: diags.filter((x) => x.severity === 'warning').length,
        };
      }),
    getPlanSections: (uri: string) => on(uri, [], providePlanSections),
    getPlanTree: (uri: string, level?: { path: readonly number[]; depth: number }, filter?: PlanTreeFilter) =>
      on(uri, [], (d) => {
        const tree = filterPlanTree(providePlanTree(d, provideDiagnostics(workspace, d), workspace), filter);
        return level ? planTreeLevel(tree, level.path, level.depth) : tree;
      }),
    prepareRename: (uri: string, p: Position) => on(uri, null, (d) => prepareRename(workspace, d, p)),
    getRenameEdits: (uri: string, p: Position, newName: string) => on(uri, null, (d) => provideRenameEdits(workspace, d, p, newName)),
    getCodeActions: (uri: string, range: Range, diagnostics: Diagnostic[]) => on(uri, [], (d) => provideCodeActions(workspace, d, range, diagnostics, canRun)),
    getRenumberEdits: (uri: string) => on(uri, { edits: [], items: 0, links: 0 }, (d) => renumber(d)),
    getRenumberWorkspaceEdit: (uri: string) => on(uri, { edit: { changes: {} }, items: 0, links: 0 }, (d) => renumberWorkspaceEdit(workspace, d)),
    getPlanDocument: (uri: string) => on(uri, null, planDocument),
    getPreview: (uri: string, known?: readonly string[]) => on(uri, null, (d) => providePreview(planDocument(d), known)),
    getCompletion: (uri: string, p: Position) => on(uri, { isIncomplete: false, items: [] }, (d) => provideCompletion(workspace, d, p, canRun)),
    codeLensEnabled: () => options.codeLens.enabled,
    maxNumberOfProblems: () => options.maxNumberOfProblems,
    getAlignmentMarkdown: () => coverageMarkdown(alignmentCoverage(workspace)),
    getFormattingEdits: (uri: string) => on(uri, [], provideFormatting),
    getRangeFormattingEdits: (uri: string, range: Range) => on(uri, [], (d) => provideRangeFormatting(d, range)),
    formatPlan: (uri: string) => on(uri, null, formatPlan),
    getInlayHints: (uri: string, range: Range) => (options.inlayHints ? on(uri, [], (d) => provideInlayHints(workspace, d, range)) : []),
    configure: (o: Partial<Omit<ServiceOptions, 'inlayHints'>> & { inlayHints?: boolean | { enabled?: unknown } }) => {
      // `inlayHints: { enabled }` as VS Code sends the setting, or a plain boolean.
      const hints = typeof o.inlayHints === 'object' && o.inlayHints !== null ? o.inlayHints.enabled : o.inlayHints;
      if (typeof hints === 'boolean') options.inlayHints = hints;
      // Settings arrive as JSON from any editor: anything but a number ≥ 0 leaves the option as it is.
      const max = o.maxItemsComputed;
      if (typeof max === 'number' && Number.isFinite(max) && max >= 0 && Math.floor(max) !== options.maxItemsComputed) {
        options.maxItemsComputed = Math.floor(max);
        symbols = perVersion((d) => provideDocumentSymbols(d, options.maxItemsComputed));
      }
      const problems = o.maxNumberOfProblems;
      if (typeof problems === 'number' && Number.isFinite(problems) && problems >= 0) options.maxNumberOfProblems = Math.floor(problems);
      const lens = (o as { codeLens?: { enabled?: unknown } }).codeLens;
      if (lens && typeof lens === 'object' && typeof lens.enabled === 'boolean') options.codeLens = { enabled: lens.enabled };
      const commands = (o as { clientCommands?: unknown }).clientCommands;
      if (Array.isArray(commands)) options.clientCommands = commands.filter((c): c is string => typeof c === 'string');
    },
  });
}
