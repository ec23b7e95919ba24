// After "Create unit X" writes `id: X` and `name: X`, the cursor goes on the name and the unit's
// `kind` is offered: the action's command (run by the client after the edit) turns the name into
// a tab stop and adds `kind:` with the kinds the workspace's units use as choices. Only for
// clients that run `planwright.insertSnippet` (the VS Code extension); others get the edit alone.
import type { Command, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { eolOf, writeScalar } from '../edits';

/** Client command: `[uri, range, snippet]`, inserts the snippet over the range (VS Code snippet syntax). */
export const INSERT_SNIPPET = 'planwright.insertSnippet';

/** The kinds the workspace's units use, the most used first (then alphabetical). */
export function workspaceUnitKinds(ws: PlanWorkspace): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of ws.all()) for (const u of d.model.units) if (u.kind) counts.set(u.kind, (counts.get(u.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/**
 * The command that follows `edit` (which writes unit `id`): the range it gets is that of the
 * name in the text after the edit.
 */
export function createUnitCommand(ws: PlanWorkspace, doc: PlanDocument, edit: TextEdit, id: string): Command | undefined {
  const v = writeScalar(id, 'plain');
  const at = edit.newText.indexOf(`name: ${v}`);
  if (at < 0) return undefined;
  const start = positionAfter(edit.range.start, edit.newText.slice(0, at + 'name: '.length));
  const range: Range = { start, end: { line: start.line, character: start.character + v.length } };
  const kinds = workspaceUnitKinds(ws).map((k) => k.kind);
  const choice = kinds.length ? `\${2|${kinds.map((k) => k.replace(/[\\,|$}]/g, (c) => `\\${c}`)).join(',')}|}` : '${2:office}';
  const flow = edit.newText[at + `name: ${v}`.length] === ' ' || edit.newText[at + `name: ${v}`.length] === ',';
  const lineStart = edit.newText.lastIndexOf('\n', at) + 1;
  const pad = flow ? '' : edit.newText.slice(lineStart, at);
  const name = `\${1:${v.replace(/[\\$}]/g, (c) => `\\${c}`)}}`;
  const snippet = flow ? `${name}, kind: ${choice}` : `${name}${eolOf(doc.text)}${pad}kind: ${choice}`;
  return { title: `Name unit ${id}`, command: INSERT_SNIPPET, arguments: [doc.uri, range, snippet] };
}

/** Where the text `inserted` at `p` ends. */
function positionAfter(p: Position, inserted: string): Position {
  const nl = inserted.lastIndexOf('\n');
  if (nl < 0) return { line: p.line, character: p.character + inserted.length };
  return { line: p.line + inserted.split('\n').length - 1, character: inserted.length - nl - 1 };
}
