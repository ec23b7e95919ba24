// The requests and notifications the Plan view exchanges with the language server, beyond LSP.
// Plain method names and shapes, no runtime imports.

/** Request `planwright/plans`, no params: every plan the server knows (open or in the workspace). */
export const PlansRequest = 'planwright/plans';
export interface PlanSummary {
  uri: string;
  /** The plan's `title`, or '' when it has none. */
  title: string;
  errors: number;
  warnings: number;
}

/**
 * Request `planwright/planTree`: the goals of one plan, with their objectives and sub-objectives.
 * With `depth`, only the children of the item at `path` (indices from the goals down; [] for the
 * goals), `depth` levels deep, each node's left-out children counted in `childCount`.
 */
export const PlanTreeRequest = 'planwright/planTree';
export interface PlanTreeParams {
  uri: string;
  path?: number[];
  depth?: number;
  /** Only the items with a measure not met and their ancestors; paths count within that tree. */
  filter?: 'measures-not-met';
}
// The tree's nodes are defined once, by the server's feature; a type-only import adds no server
// code to the client bundle.
export type { PlanTreeNode } from '../../server/src/service/features/planTree';

/** Request `planwright/alignment`, no params: the alignment report of the workspace's plans, as Markdown. */
export const AlignmentRequest = 'planwright/alignment';

/** Request `planwright/planSections` `{ uri }`: the plan's mission, vision, values and units (the rows above the goals). */
export const PlanSectionsRequest = 'planwright/planSections';
export type { PlanSectionNode } from '../../server/src/service/features/planSections';

/** Notification `planwright/planChanged` from the server, after each diagnostics publish. */
export const PlanChangedNotification = 'planwright/planChanged';
export interface PlanChangedParams {
  uri: string;
}

/** Server command (workspace/executeCommand), arguments `[uri: string]`; edits via workspace/applyEdit. */
export const RenumberPlanCommand = 'planwright.server.renumberPlan';
/** What the renumber command answers: how many edits, items renumbered and `related` links that followed them. */
export interface RenumberResult {
  edits: number;
  items?: number;
  links?: number;
}

/**
 * Request `planwright/document`: the plan as a document for the live preview, in HTML blocks the
 * server rendered (plan text escaped, narratives as Markdown without raw HTML). `known`: the keys
 * of the blocks the preview shows; those come back without their HTML.
 */
export const DocumentRequest = 'planwright/document';
export interface DocumentParams {
  textDocument: { uri: string };
  known?: string[];
}
export type { PreviewResult as DocumentResult } from '../../server/src/service/document/preview';

/**
 * Request `planwright/export`: the plan as a file in `format` (html, markdown, docx), written by
 * the server from the document model; the client saves it where the user chose.
 */
export const ExportRequest = 'planwright/export';
export interface ExportParams {
  textDocument: { uri: string };
  format: 'html' | 'markdown' | 'docx';
}
export interface ExportResult {
  base64: string;
  errors: number;
  warnings: number;
}

/** Request `planwright/exportStratml`: the plan as StratML (issue 13), answered like `planwright/export`. */
export const ExportStratmlRequest = 'planwright/exportStratml';

/** Request `planwright/importStratml`: a StratML file's text → the plan's YAML and what was read. */
export const ImportStratmlRequest = 'planwright/importStratml';
export interface ImportStratmlParams {
  text: string;
  fileName: string;
}
export interface ImportStratmlResult {
  yaml?: string;
  summary: string;
  report: string[];
}

/**
 * The editor commands this extension runs, sent to the server as
 * `capabilities.experimental.planwright.commands`: completion items, code lenses and code actions
 * carry these only for a client that lists them (any other editor gets none of them, and the
 * server runs `planwright.showReferences` itself).
 */
export const CLIENT_COMMANDS = ['planwright.showReferences', 'planwright.insertSnippet', 'editor.action.triggerSuggest'];

/**
 * Request `planwright/importDocument`: a Word, Markdown or text document's bytes → the plan read
 * from it (YAML text, null when it holds no goal), the import's notes and its counts.
 */
export const ImportDocumentRequest = 'planwright/importDocument';
export interface ImportDocumentParams {
  name: string;
  base64: string;
}
export interface ImportDocumentResult {
  text: string | null;
  notes: string[];
  counts: { goals: number; objectives: number; subobjectives: number };
  /** Set when the file is not what its name says (a .docx that is no Word document, binary "text"). */
  unreadable?: string;
}
