// Parent plans outside the workspace. A plan's `parents:` names its parent plan's file, relative
// to the plan (`DHS: ../dhs/dhs-strategic-plan-2020-2024.plan.yaml`), and that file is often in
// another folder or repository than the one opened. The host (the server's workspaceFiles.ts, the
// CLI's loadParents) reads the files named here into the workspace, marked external
// (PlanWorkspace.setExternal): they resolve `aligns` entries like any plan, but they are read,
// never written. This file says which files are wanted, and refuses an edit that would change one.
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { parentUri } from './alignment';
import { fileNameOf, type PlanWorkspace } from './documents';

/** Most parent files read from outside the workspace (a chain of plans naming parents ends there). */
export const MAX_EXTERNAL_PLANS = 100;

/**
 * The files that the workspace's own plans (every plan not external) name in `parents:`, and
 * that those files name in turn (parents' parents, as `planwright check` reads them), other than
 * the own plans themselves: a path back to the plan itself, or to another plan of the workspace,
 * names nothing to read. In the order found; at most `limit` (`over`: how many more were named).
 */
export function wantedParents(ws: PlanWorkspace, limit = MAX_EXTERNAL_PLANS): { uris: string[]; over: number } {
  // (No model is read, no read under way finished: the workspace keeps each plan's paths.)
  const own = (uri: string) => ws.has(uri) && !ws.isExternal(uri);
  const queue = ws.uris().filter(own);
  const seen = new Set<string>(queue);
  const uris: string[] = [];
  let over = 0;
  for (let i = 0; i < queue.length; i++) {
    for (const path of ws.parentsNamedBy(queue[i])) {
      const uri = parentUri(queue[i], path);
      if (uri === undefined || seen.has(uri)) continue;
      seen.add(uri);
      if (own(uri)) continue;
      if (uris.length >= limit) {
        over++;
        continue;
      }
      uris.push(uri);
      // Read already: its own parents are wanted too.
      if (ws.has(uri)) queue.push(uri);
    }
  }
  return { uris, over };
}

/**
 * Why `edit` cannot be made, when it would change a plan read from outside the workspace (a
 * rename of a parent's objective from a child's `aligns` entry, of a unit the parent defines, a
 * renumbering whose entries in such a plan would follow). Undefined when it changes none.
 */
export function externalEditProblem(ws: PlanWorkspace, edit: WorkspaceEdit, what: string): string | undefined {
  const outside = Object.keys(edit.changes ?? {}).filter((uri) => ws.isExternal(uri) && edit.changes![uri].length);
  if (!outside.length) return undefined;
  return externalPlanProblem(outside.map(fileNameOf), what);
}

/** The words for a change refused because it would change `files`, plans read from outside the workspace. */
export function externalPlanProblem(files: string[], what: string): string {
  const names = files.length === 1 ? files[0] : `${files.slice(0, -1).join(', ')} and ${files[files.length - 1]}`;
  const them = files.length === 1 ? 'it' : 'them';
  return (
    `${what} would change ${names}, which ${files.length === 1 ? 'is' : 'are'} outside the workspace: Planwright reads ${them} only because \`parents:\` names ${them}, and does not change ${them}. ` +
    `Open ${files.length === 1 ? 'the file' : 'the files'} in the editor (Go to Definition on the entry opens ${files.length === 1 ? 'it' : 'each'}) or add ${files.length === 1 ? 'its folder' : 'their folders'} to the workspace, then try again.`
  );
}
