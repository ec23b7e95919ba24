// The language server: wiring from LSP to the Planwright language service, and the server's
// own I/O (plan files of the workspace that are not open: workspaceFiles.ts; the connection and
// the protocol's rules: protocol.ts). Features live in service/.
import * as v8 from 'v8';
import {
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Disposable,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { URI, Utils } from 'vscode-uri';
import { createPlanConnection } from './protocol';
import { Scheduler } from './scheduler';
import { PieceTextDocument } from './textDocument';
import { createLanguageService } from './service';
import { exportForEditor, isExportFormat } from './service/document/exportDocument';
import { exportStratmlForEditor, importStratmlForEditor } from './service/stratml/editor';
import { importForEditor } from './service/import';
import { getValidators } from './service/schema';
import { composeChanges, type TextChange } from './service/text';
import { canonicalUri, UriSpellings } from './uris';
import { WorkspaceFiles } from './workspaceFiles';
import { configFileDiagnostics, isConfigFile, RuleConfigs, useRuleConfigs } from './ruleConfig';
import { NOTHING_TO_SHOW, SHOW_REFERENCES } from './service/features/codeLens';
import { showReferences } from './showReferences';
import { sameFindings } from './service/features/diagnostics';
import type { PlanDiagnostic } from './service/model';
import { limitYoungGeneration } from './youngGeneration';

// V8 lets the old generation grow to about twice what is live before a full collection. Each
// keystroke in a 63k-line plan leaves its 3 MB text behind, so a session of typing, requests and
// renumbering peaked at ~340 MB (`npm run bench`); growing by half instead keeps it near 235 MB
// for a little more collection time. Set here, not on node's command line, so that every editor
// that starts the server gets it.
v8.setFlagsFromString('--heap-growing-percent=50');
// And the young generation stops growing at 8 MB (youngGeneration.ts): watched after every
// message and every slice of a check.

// Every URI is made canonical as it comes in (see uris.ts); documents the client spelled
// otherwise are named its way on the way out.
/** When documents are checked: after the messages already read, a burst at its last version (scheduler.ts). */
const scheduler = new Scheduler({
  check: (uri, deadline) => {
    const done = check(uri, deadline);
    limitYoungGeneration();
    return done;
  },
});
const spellings = new UriSpellings();
const connection = createPlanConnection({
  handled: () => {
    noticeUnits();
    scheduler.noteMessage();
    limitYoungGeneration();
  },
  incoming: (m) =>
    spellings.incoming(m.method, m.params, (canonical) => {
      // Opened under another spelling than the one its diagnostics were published under (from
      // disk): those are cleared, the open document's are published under the client's.
      clearDiagnostics(canonical);
    }),
  outgoing: (m) => spellings.outgoing(m),
});
/** Server-side command behind "Planwright: Renumber Plan" (the client's command calls it). */
const RENUMBER_COMMAND = 'planwright.server.renumberPlan';
/**
 * What changed in each open document since the service last read it, so that the service can
 * update its line index instead of scanning the whole text again (see LineIndex.afterEdit);
 * null when that is not known (a new document, a whole-text change).
 */
const changes = new Map<string, TextChange | null>();
// PieceTextDocument: a burst of changes to a large plan does not copy its text once per change.
const documents = new TextDocuments<PieceTextDocument>({
  create(uri, languageId, version, content) {
    changes.set(uri, null);
    return new PieceTextDocument(uri, languageId, version, content);
  },
  update(document, contentChanges, version) {
    // One change at a time, so that each range is read in the text it applies to.
    for (const c of contentChanges) {
      const before = changes.get(document.uri);
      if (!('range' in c)) changes.set(document.uri, null);
      else if (before !== null) {
        const start = document.offsetAt(c.range.start);
        const end = Math.max(start, document.offsetAt(c.range.end));
        changes.set(document.uri, composeChanges(before, { start, end, newEnd: start + c.text.length }));
      }
      document.update([c], version);
    }
    return document;
  },
});
const service = createLanguageService();
/** A message to the editor's log, at the level its `[warn]`/`[error]` prefix says (else Log). */
const log = (message: string) => {
  const level = /^\[(warn|error)\] /.exec(message)?.[1];
  if (level === 'error') connection.console.error(message.slice(8));
  else if (level === 'warn') connection.console.warn(message.slice(7));
  else connection.console.log(message);
};
/** Failures: window/logMessage of type Error, which every editor shows at its default log level. */
const logError = (message: string) => connection.console.error(message);

let workspaceFolders: string[] = [];
let canWatchFiles = false;
/** The client watches files outside the workspace folders (LSP 3.17 relative patterns with a base URI). */
let canWatchOutside = false;
let canRefreshInlayHints = false;
let canShowDocument = false;
let canRefreshLenses = false;

/** Runs a handler; a failure is logged and answered with `fallback`, never a crash. */
function guard<P extends unknown[], R>(name: string, fallback: R, fn: (...args: P) => R): (...args: P) => R {
  return (...args: P) => {
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logError(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}

/** The model of a document, brought up to date with the editor's latest text first. */
function current(uri: string) {
  const open = documents.get(uri);
  if (open) {
    const known = service.workspace.get(uri);
    if (!known || known.version !== open.version || known.text !== open.getText()) return syncOpen(open);
    return known;
  }
  return service.workspace.get(uri);
}

/**
 * Gives the service the editor's latest text. With a deadline, a huge plan's read may stop there
 * (undefined) and go on at the next call; requests (`current`) always finish it.
 */
function syncOpen(doc: PieceTextDocument): ReturnType<typeof service.update>;
function syncOpen(doc: PieceTextDocument, deadline: number): ReturnType<typeof service.update> | undefined;
function syncOpen(doc: PieceTextDocument, deadline?: number) {
  const change = changes.get(doc.uri) ?? undefined;
  changes.delete(doc.uri);
  const updated = deadline === undefined ? service.update(doc.uri, doc.getText(), doc.version, change) : service.update(doc.uri, doc.getText(), doc.version, change, deadline);
  noticeUnits();
  return updated;
}

/**
 * Every open document with changes not yet read, brought up to date: for requests whose answer
 * points into other plans (rename edits, references, definitions, fixes), which must be computed
 * on the texts the editor has, not on a version it has already changed. (Hover and the like
 * read only their own document's latest text: a huge plan being read elsewhere does not hold them up.)
 */
function currentAll(): void {
  for (const uri of [...changes.keys()]) if (documents.get(uri)) current(uri);
}

let seenUnits = service.workspace.unitGeneration;
let seenAlignment = service.workspace.alignmentGeneration;
let seenParents = service.workspace.parentsGeneration;
/**
 * Checks every plan again when the workspace's unit ids changed, or what `aligns` entries can
 * name (a plan's acronym, numbers or titles: a parent's edit re-checks its children), whatever
 * read them: an edit, a file on disk, or a request that finished a huge plan's read
 * (workspace.get finishes it). Called after each message and each check.
 */
function noticeUnits(): void {
  const ws = service.workspace;
  // `parents:` changed somewhere: the parent files outside the workspace to read (workspaceFiles.ts).
  if (ws.parentsGeneration !== seenParents) {
    seenParents = ws.parentsGeneration;
    files.updateParents();
  }
  if (ws.unitGeneration === seenUnits && ws.alignmentGeneration === seenAlignment) return;
  seenUnits = ws.unitGeneration;
  seenAlignment = ws.alignmentGeneration;
  scheduleAll();
}

/** A document the user changed or opened, or a file that changed on disk. */
function schedule(uri: string): void {
  scheduler.schedule(uri);
}

/** Every plan, again: another plan's units changed. In slices, after requests (see Scheduler). */
function scheduleAll(): void {
  scheduler.scheduleBackground(service.workspace.uris());
}

/** Brings a document up to date (until `deadline` for a huge one: false, call again) and publishes it. */
const check = guard('check', true, (uri: string, deadline: number): boolean => {
  // A parent read from outside the workspace is not published (publish clears what was).
  if (service.workspace.isExternal(uri) && !documents.get(uri)) {
    publish(uri);
    return true;
  }
  if (!configured(uri)) return true; // checked again once its config file is read
  const open = documents.get(uri);
  if (open) {
    // (A read in progress is gone on with, not finished: `workspace.get` would finish it.)
    const reading = service.workspace.isReading(uri);
    const known = reading ? undefined : service.workspace.get(uri);
    if ((reading || !known || known.version !== open.version || known.text !== open.getText()) && !syncOpen(open, deadline)) return false;
  }
  publish(uri);
  noticeUnits();
  return true;
});

/**
 * What was last published for each document: a plan is published again only when its model,
 * version or diagnostics changed (a keystroke in a unit id re-checks every plan, and most of them
 * say the same as before).
 */
const lastSent = new Map<string, { version: number | undefined; findings: readonly PlanDiagnostic[] }>();
/** Models whose diagnostics have been published (weak: old versions are not kept alive). */
const sentModels = new WeakSet<object>();

/** Clears a document's diagnostics in the editor. */
function clearDiagnostics(uri: string): void {
  lastSent.delete(uri);
  connection.sendDiagnostics({ uri, diagnostics: [] });
}

const publish = guard('diagnostics', undefined, (uri: string) => {
  const doc = current(uri);
  if (!doc) {
    clearDiagnostics(uri);
    return;
  }
  // A parent plan read from outside the workspace (`parents:`) only resolves entries: its own
  // problems are its workspace's, as `planwright check` leaves them out (once open, it is published).
  if (service.workspace.isExternal(uri)) {
    if (lastSent.has(uri)) clearDiagnostics(uri);
    return;
  }
  const version = documents.get(uri) ? doc.version : undefined;
  // Compared as findings (offsets of the same text), not as serialized LSP diagnostics: 29k style findings are ~10 MB of JSON.
  const findings = service.getFindings(uri);
  const last = lastSent.get(uri);
  if (last && last.version === version && sentModels.has(doc.model) && sameFindings(last.findings, findings)) return;
  const diagnostics = service.getDiagnostics(uri);
  lastSent.set(uri, { version, findings });
  sentModels.add(doc.model);
  connection.sendDiagnostics({ uri, version, diagnostics });
  void connection.sendNotification('planwright/planChanged', { uri });
  refreshOtherPlans();
});

let refreshPending = false;
/**
 * A plan changed: the code lenses and inlay hints of the other plans on screen may show what it
 * said (a parent's "supported by" lenses, a child's hints with the parent's titles, unit lenses
 * counting other plans' `lead` entries), and editors ask again only for the document edited. So
 * they are asked to refresh, once per burst of changes.
 */
function refreshOtherPlans(): void {
  if (refreshPending || (!canRefreshLenses && !canRefreshInlayHints) || service.workspace.uris().length < 2) return;
  refreshPending = true;
  setTimeout(() => {
    refreshPending = false;
    if (canRefreshLenses && service.codeLensEnabled()) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
  }, 100);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((f) => URI.parse(f.uri))
    .filter((u) => u.scheme === 'file')
    .map((u) => u.fsPath);
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canWatchOutside = canWatchFiles && !!params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
  canRefreshInlayHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  canShowDocument = !!params.capabilities.window?.showDocument?.support;
  canRefreshLenses = !!params.capabilities.workspace?.codeLens?.refreshSupport;
  // The editor commands the client runs itself (the VS Code extension lists them); an editor
  // that lists none gets items and actions without them, and the server runs the lenses' command.
  const clientCommands = clientCommandsOf(params);
  service.configure({ clientCommands });
  // The client sends the `planwright.*` settings here, and again when they change.
  configure(params.initializationOptions);
  // Compiled before answering (about 80 ms), not when the first plan is opened.
  guard('validators', undefined, getValidators)();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      // ' ' and '[' open unit and number lists right after `lead: ` or `related: [`.
      completionProvider: { triggerCharacters: [' ', '"', '[', ',', '-'] },
      documentSymbolProvider: { label: 'Plan' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      workspaceSymbolProvider: true,
      codeLensProvider: { resolveProvider: true },
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source', 'refactor.rewrite'], resolveProvider: false },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: [RENUMBER_COMMAND, ...(clientCommands.includes(SHOW_REFERENCES) ? [] : [SHOW_REFERENCES])] },
    },
    serverInfo: { name: 'planwright', version: require('../../package.json').version },
  };
});

function configure(settings: unknown): void {
  if (settings && typeof settings === 'object') {
    const lensesBefore = service.codeLensEnabled();
    const limitBefore = service.maxNumberOfProblems();
    service.configure(settings as Parameters<typeof service.configure>[0]);
    if (canRefreshLenses && lensesBefore !== service.codeLensEnabled()) void connection.sendRequest(CodeLensRefreshRequest.type);
    // The same findings, cut at another number: every plan is published again (lastSent compares findings).
    if (limitBefore !== service.maxNumberOfProblems()) {
      lastSent.clear();
      scheduleAll();
    }
  }
}

/** `capabilities.experimental.planwright.commands`: the commands the client runs itself. */
function clientCommandsOf(params: InitializeParams): string[] {
  const commands = (params.capabilities.experimental as { planwright?: { commands?: unknown } } | undefined)?.planwright?.commands;
  return Array.isArray(commands) ? commands.filter((c): c is string => typeof c === 'string') : [];
}

connection.onDidChangeConfiguration(guard('configuration', undefined, (p) => {
  configure((p.settings as { planwright?: unknown } | null)?.planwright);
  // `planwright.inlayHints.enabled` may have changed: the editor asks again.
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
}));

// Config files (.planwright.yaml): each plan's rules are its nearest one's (ruleConfig.ts). One
// read or changed after plans were checked re-checks them all, and its own problems are shown on it.
const configs = new RuleConfigs((file, config, recheck) => {
  connection.sendDiagnostics(config ? configFileDiagnostics(config) : { uri: URI.file(file).toString(), diagnostics: [] });
  if (recheck) scheduleAll();
});
const configFileOf = useRuleConfigs(service.workspace, configs, () => workspaceFolders[0]);
/**
 * Whether the config files that may apply to `uri` are read; if not, they are read and `uri` is
 * checked after: a plan is never published with default levels its config file changes.
 */
function configured(uri: string): boolean {
  const file = configFileOf(uri);
  if (!file || configs.ready(file)) return true;
  void configs
    .prepare(file)
    .catch((e) => log(`[error] reading config files failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))
    .then(() => schedule(uri));
  return false;
}

// Plans on disk: read at start (all before any is published: a plan checked before the plan
// that defines its units would flash "no unit has the id ..."), when closed, and when watched.
const files = new WorkspaceFiles({
  service,
  isOpen: (uri) => documents.get(uri) !== undefined,
  settled(uris) {
    noticeUnits();
    for (const uri of uris) schedule(uri);
  },
  log,
  parentsChanged: (uris) => watchParents(uris),
});

let parentWatch: Promise<Disposable> | undefined;
/**
 * The parent files read from outside the workspace are watched one by one: a relative pattern
 * (base URI: the file's folder; pattern: its name), which VS Code watches outside the workspace
 * folders, where a plain glob is matched only inside them. A client that has no relative
 * patterns is not asked; a plan's edit reads its parents again instead (refreshParents).
 */
function watchParents(uris: readonly string[]): void {
  if (!canWatchOutside) return;
  const before = parentWatch;
  parentWatch = undefined;
  void before?.then((d) => d.dispose()).catch(() => undefined);
  if (!uris.length) return;
  const watchers = uris.map((uri) => {
    const u = URI.parse(uri);
    return { globPattern: { baseUri: Utils.dirname(u).toString(), pattern: globLiteral(Utils.basename(u)) } };
  });
  parentWatch = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  parentWatch.catch((e) => {
    // Read again as their children are edited, then, as for a client without relative patterns.
    canWatchOutside = false;
    log(`[warn] The editor could not watch the parent plans outside the workspace: ${e instanceof Error ? e.message : String(e)}. They are read again when a plan naming them is edited.`);
  });
}

/**
 * A file name as a glob: each of the glob's special characters (rare in a file name) becomes `?`,
 * any one character, as glob syntaxes differ in how they escape. A sibling the pattern also
 * matches is not read (workspaceFiles.ts reads only the parents named and the folders' plans).
 */
function globLiteral(name: string): string {
  return name.replace(/[*?[\]{}!\\]/g, '?');
}

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.plan.{yaml,yml}' }, { globPattern: '**/.planwright.{yaml,yml,json}' }] });
  }
  void files.index(workspaceFolders).catch((e) => logError(`reading the workspace failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
});

connection.onDidChangeWatchedFiles(guard('watchedFiles', undefined, ({ changes }) => {
  for (const c of changes ?? []) if (typeof c?.uri === 'string') files.reported(c.uri);
  for (const c of changes ?? []) {
    const u = typeof c?.uri === 'string' ? URI.parse(c.uri) : undefined;
    if (u?.scheme === 'file' && isConfigFile(u.fsPath)) void configs.reported(u.fsPath).catch((e) => log(`[error] reading ${u.fsPath} failed: ${e instanceof Error ? e.message : String(e)}`));
  }
}));

documents.onDidOpen(({ document }) => {
  files.opened(document.uri);
  schedule(document.uri);
});
documents.onDidChangeContent(({ document }) => {
  schedule(document.uri);
  // Parent files outside the workspace that the client does not watch: read again as their child is edited.
  if (!canWatchOutside) files.refreshParents(document.uri);
});
documents.onDidClose(({ document }) => {
  // A closed plan stays in the index as the file on disk says it is (or leaves, if unsaved).
  const uri = document.uri;
  changes.delete(uri);
  const spelling = spellings.closed(uri);
  if (spelling !== uri) connection.sendDiagnostics({ uri: spelling, diagnostics: [] });
  files.closed(uri);
});

// Requests: bring the model up to date with the latest text, then ask the service.
const at = (p: { textDocument: { uri: string } }) => (current(p.textDocument.uri) ? p.textDocument.uri : undefined);
/** `at`, for requests that point into other plans: every open plan brought up to date first. */
const atAll = (p: { textDocument: { uri: string } }) => {
  currentAll();
  return at(p);
};

connection.onHover(guard('hover', null, (p) => (at(p) ? service.getHover(p.textDocument.uri, p.position) : null)));
connection.onDefinition(guard('definition', [], (p) => (atAll(p) ? service.getDefinition(p.textDocument.uri, p.position) : [])));
connection.onReferences(guard('references', [], (p) => (atAll(p) ? service.getReferences(p.textDocument.uri, p.position, p.context.includeDeclaration) : [])));
connection.onDocumentHighlight(guard('highlights', [], (p) => (at(p) ? service.getDocumentHighlights(p.textDocument.uri, p.position) : [])));

connection.onCompletion(guard('completion', null, (p) => (at(p) ? service.getCompletion(p.textDocument.uri, p.position) : null)));

connection.onDocumentSymbol(guard('documentSymbol', [], (p) => (at(p) ? service.getDocumentSymbols(p.textDocument.uri) : [])));
connection.onFoldingRanges(guard('foldingRange', [], (p) => (at(p) ? service.getFoldingRanges(p.textDocument.uri) : [])));
connection.onSelectionRanges(guard('selectionRange', [], (p) => (at(p) ? service.getSelectionRanges(p.textDocument.uri, p.positions) : [])));
connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (p) => {
  currentAll();
  return service.getWorkspaceSymbols(p.query);
}));
connection.onCodeLens(guard('codeLens', [], (p) => (atAll(p) ? service.getCodeLenses(p.textDocument.uri) : [])));
// A lens names its plan in its data, not in the request: every open plan is brought up to date.
connection.onCodeLensResolve((lens) =>
  guard('codeLensResolve', { range: lens?.range, command: NOTHING_TO_SHOW }, () => {
    currentAll();
    return service.resolveCodeLens(lens);
  })(),
);

connection.onPrepareRename(guard('prepareRename', null, (p) => {
  const r = atAll(p) ? service.prepareRename(p.textDocument.uri, p.position) : null;
  if (r && 'error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
  return r;
}));
connection.onRenameRequest(guard('rename', null, (p) => {
  const r = atAll(p) ? service.getRenameEdits(p.textDocument.uri, p.position, p.newName) : null;
  if (r && 'error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
  return r ? r.edit : null;
}));
connection.onCodeAction(guard('codeAction', [], (p) => (atAll(p) ? service.getCodeActions(p.textDocument.uri, p.range, p.context.diagnostics) : [])));
connection.onExecuteCommand(guard('executeCommand', null, (p) => {
  if (p.command === SHOW_REFERENCES) {
    return showReferences({
      canShowDocument,
      showDocument: (params) => connection.window.showDocument(params),
      // A notification (window/showMessage), not a request: nothing to answer.
      showInformationMessage: (m) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: m }),
    }, p.arguments).catch((e) => logError(`showReferences failed: ${e instanceof Error ? e.message : String(e)}`));
  }
  if (p.command !== RENUMBER_COMMAND) return null;
  const uri = canonicalUri(String(p.arguments?.[0] ?? ''));
  currentAll();
  const doc = current(uri);
  if (!doc) return null;
  const r = service.getRenumberWorkspaceEdit(uri);
  // The client shows the reason: "Planwright could not renumber the plan: ...".
  if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
  // The plan first, then the plans aligned to it (their `aligns` entries follow), open or not.
  const changes = Object.entries(r.edit.changes ?? {}).sort(([a], [b]) => (a === uri ? -1 : b === uri ? 1 : 0));
  const documentChanges = changes.map(([u, edits]) => ({ textDocument: { uri: u, version: documents.get(u)?.version ?? null }, edits }));
  const edits = r.edit.changes?.[uri]?.length ?? 0;
  if (documentChanges.length) void connection.workspace.applyEdit({ label: 'Renumber the whole plan', edit: { documentChanges } });
  // What changed, for the client's message ("Renumbered 7 items; 3 links followed"); `plans`: the plan and those aligned to it that the edit changes.
  return { edits, items: r.items, links: r.links, plans: documentChanges.length };
}));

// Formatting: the whole plan's canonical layout, as line edits (service/features/format.ts).
connection.onDocumentFormatting(guard('formatting', [], (p) => (at(p) ? service.getFormattingEdits(p.textDocument.uri) : [])));
connection.onDocumentRangeFormatting(guard('rangeFormatting', [], (p) => (at(p) ? service.getRangeFormattingEdits(p.textDocument.uri, p.range) : [])));
connection.languages.inlayHint.on(guard('inlayHint', [], (p) => (atAll(p) ? service.getInlayHints(p.textDocument.uri, p.range) : [])));

// The Plan view's data: the client shows it and never parses YAML itself.
connection.onRequest('planwright/plans', guard('plans', [], () => {
  for (const d of documents.all()) current(d.uri);
  return service.getPlans();
}));
connection.onRequest('planwright/planTree', guard('planTree', [], (p: { uri: string; path?: unknown; depth?: unknown; filter?: unknown }) => {
  if (!current(p.uri)) return [];
  // Without `depth`, the whole tree (older clients); with it, one part (see planTreeLevel).
  const path = Array.isArray(p.path) && p.path.every((i) => Number.isInteger(i) && i >= 0) ? (p.path as number[]) : [];
  // `filter: 'measures-not-met'`: the items with a measure not met and their ancestors (the Plan view's filter).
  const filter = p.filter === 'measures-not-met' ? p.filter : undefined;
  return typeof p.depth === 'number' && p.depth >= 1 ? service.getPlanTree(p.uri, { path, depth: p.depth }, filter) : service.getPlanTree(p.uri, undefined, filter);
}));
connection.onRequest('planwright/planSections', guard('planSections', [], (p: { uri: string }) => (current(p.uri) ? service.getPlanSections(p.uri) : [])));
connection.onRequest('planwright/document', guard('document', null, (p: { textDocument: { uri: string }; known?: unknown }) => (current(p.textDocument?.uri) ? service.getPreview(p.textDocument.uri, Array.isArray(p.known) ? p.known.filter((k): k is string => typeof k === 'string') : []) : null)));
connection.onRequest('planwright/export', guard('export', null, (p: { textDocument: { uri: string }; format?: unknown }) => (current(p.textDocument?.uri) && isExportFormat(p.format) ? exportForEditor(service.getPlanDocument(p.textDocument.uri)!, p.format) : null)));
// StratML (issue 13): export from the plan model; import is text in, YAML text out (the client writes the file).
connection.onRequest('planwright/exportStratml', guard('exportStratml', null, (p: { textDocument: { uri: string } }) => {
  const doc = current(p.textDocument?.uri);
  const d = doc && service.getPlanDocument(p.textDocument.uri);
  return doc && d ? exportStratmlForEditor(doc, d.problems, d.title) : null;
}));
connection.onRequest('planwright/importStratml', guard('importStratml', null, (p: { text: string; fileName: string }) => (typeof p?.text === 'string' ? importStratmlForEditor(p.text, String(p.fileName ?? 'plan.xml')) : null)));

connection.onRequest('planwright/alignment', guard('alignment', null, () => {
  currentAll();
  return service.getAlignmentMarkdown();
}));
// Import Plan from Document…: the client sends the document's bytes; the service reads the plan (service/import).
connection.onRequest('planwright/importDocument', async (p: { name?: unknown; base64?: unknown }) => {
  if (typeof p?.name !== 'string' || typeof p.base64 !== 'string') return null;
  try {
    return await importForEditor(p.name, Buffer.from(p.base64, 'base64'));
  } catch (e) {
    log(`[error] importDocument failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return null;
  }
});

documents.listen(connection);
connection.listen();
