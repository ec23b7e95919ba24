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
  /** The item's number as written, e.g. "1.2", or '' when it has none. */
  id: string;
  kind: 'goal' | 'objective' | 'subobjective';
  /** The number, e.g. "1.2", or "(unnumbered objective)": the view shows it before the title. */
  label: string;
  /** The title on one line, or '' when there is none. */
  title: string;
  /** The whole item, children included. */
  range: Range;
  /** The item's number, where a click puts the cursor. */
  selectionRange: Range;
  /** Problems that start inside `range`, the children's included. */
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
