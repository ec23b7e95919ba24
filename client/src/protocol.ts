// The requests and notifications the Plan view exchanges with the language server, beyond LSP.
// Plain method names and shapes with no runtime imports, so the server can share this file
// without pulling client code into its bundle.
import type { Range } from 'vscode-languageserver-types';

/** Request `planwright/plans`, no params: every plan the server knows (open or in the workspace). */
export const PlansRequest = 'planwright/plans';
export interface PlanSummary {
  uri: string;
  /** The plan's `title`, or '' when it has none. */
  title: string;
  errors: number;
  warnings: number;
}

/** Request `planwright/planTree`: the goals of one plan, with their objectives and sub-objectives. */
export const PlanTreeRequest = 'planwright/planTree';
export interface PlanTreeParams {
  uri: string;
}
export interface PlanTreeNode {
  /** The item's number as written, e.g. "1.2". */
  id: string;
  kind: 'goal' | 'objective' | 'subobjective';
  /** "1.2 Title" */
  label: string;
  title: string;
  /** The whole item (its mapping in the YAML). */
  range: Range;
  /** The item's number, where a click puts the cursor. */
  selectionRange: Range;
  /** Problems reported inside `range`. */
  errors: number;
  warnings: number;
  children: PlanTreeNode[];
}

/** Notification `planwright/planChanged` from the server, after each diagnostics publish. */
export const PlanChangedNotification = 'planwright/planChanged';
export interface PlanChangedParams {
  uri: string;
}

/** Server command (workspace/executeCommand), arguments `[uri: string]`; edits via workspace/applyEdit. */
export const RenumberPlanCommand = 'planwright.server.renumberPlan';
