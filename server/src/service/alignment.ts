// Alignment across plans: an `aligns` entry of a goal, objective, sub-objective or measure names
// an item of another plan, `"<ACRONYM> <number>"` (`DHS 2.3`). The plan is the one of the
// workspace whose `organization.acronym` it is; when several plans have it, the child's
// `parents:` map says which file. Everything here reads models (and the workspace's index of
// plans by acronym, documents.ts): the checks, hover, definition, references, code lenses,
// rename and the coverage report all resolve entries with `resolveAlignment`.
import { URI, Utils } from 'vscode-uri';
import type { PlanDocument, PlanWorkspace } from './documents';
import { refKind } from './fields';
import type { ParentLink, PlanItem, PlanModel, Reference, ScalarText } from './model';
import type { Span } from './text';

/** An acronym (as a unit id: a letter, then letters, digits, &, ., _ or -), spaces, a dotted number. */
const ENTRY = /^([A-Za-z][A-Za-z0-9&._-]*)([ \t]+)([0-9]+(?:\.[0-9]+)*)$/;

/** An `aligns` entry read: the acronym and the number, with where the number sits in the text. */
export interface AlignEntry {
  acronym: string;
  number: string;
  /** Offset of the number within the entry's text (`DHS 2.3` → 4). */
  numberAt: number;
}

/** Reads `DHS 2.3`; undefined when the text is not an acronym, a space and a number. */
export function readAlignment(text: string): AlignEntry | undefined {
  const m = ENTRY.exec(text.trim());
  if (!m) return undefined;
  const lead = text.length - text.trimStart().length;
  return { acronym: m[1], number: m[3], numberAt: lead + m[1].length + m[2].length };
}

/** The `aligns` entries of a plan, each once (as written), with what each reads as. */
export function alignmentRefs(model: PlanModel): { ref: Reference; entry: AlignEntry | undefined }[] {
  let list = CACHE.get(model);
  if (!list) {
    list = [];
    for (const ref of model.refs) if (refKind(ref) === 'alignment') list.push({ ref, entry: readAlignment(ref.target.text) });
    CACHE.set(model, list);
  }
  return list;
}
const CACHE = new WeakMap<PlanModel, { ref: Reference; entry: AlignEntry | undefined }[]>();

/** Which plan an acronym names for a child plan. */
export type ParentPlan =
  | { kind: 'plan'; doc: PlanDocument; viaParents: boolean }
  /** No plan of the workspace has the acronym (`self`: only the child itself). */
  | { kind: 'none'; self: boolean }
  /**
   * `parents:` names a file for the acronym that is not a plan of the workspace: `self`, the
   * child's own file; `unreadable`, why the file could not be read, when the host said.
   */
  | { kind: 'missing-file'; path: string; span: Span; self?: boolean; unreadable?: string }
  | { kind: 'ambiguous'; docs: PlanDocument[] };

/** The URI a `parents:` path stands for, relative to the child plan's file. */
export function parentUri(childUri: string, path: string): string | undefined {
  try {
    const child = URI.parse(childUri);
    const p = path.replace(/\\/g, '/');
    // `/srv/x.plan.yaml`, or a Windows path with its drive (`D:\plans\x.plan.yaml`: a URI path `/D:/plans/...`).
    const target = p.startsWith('/') ? child.with({ path: p }) : /^[A-Za-z]:\//.test(p) ? child.with({ path: `/${p}` }) : Utils.resolvePath(Utils.dirname(child), p);
    return target.toString();
  } catch {
    return undefined;
  }
}

/**
 * Whether a `parents:` entry is one the schema accepts (a path: text of at least one character,
 * `schemas/plan.schema.json`); an entry it rejects (`Z: ""`, `Z: 3`, `Z:`) is the schema's error
 * alone: it names no file, the acronym alone names the plan, and the alignment check says nothing
 * more about the entries it would have resolved (one mistake, one diagnostic).
 */
export function schemaAcceptsParent(link: ParentLink): link is ParentLink & { path: ScalarText } {
  return link.path !== undefined && link.path.text.length > 0;
}

/** The plan `acronym` names for `child`: the file `parents:` gives, or the one plan with that acronym. */
export function parentPlan(ws: PlanWorkspace, child: PlanDocument, acronym: string): ParentPlan {
  const link = child.model.parents?.find((p) => p.acronym === acronym && schemaAcceptsParent(p));
  if (link?.path) {
    const uri = parentUri(child.uri, link.path.text);
    const doc = uri !== undefined && uri !== child.uri ? ws.get(uri) : undefined;
    if (doc) return { kind: 'plan', doc, viaParents: true };
    const missing = { kind: 'missing-file', path: link.path.text, span: link.path.span } as const;
    if (uri === child.uri) return { ...missing, self: true };
    const unreadable = uri === undefined ? undefined : ws.unreadableWhy(uri);
    return unreadable ? { ...missing, unreadable } : missing;
  }
  const all = ws.plansByAcronym().get(acronym) ?? [];
  const docs = all.filter((d) => d.uri !== child.uri);
  if (docs.length === 1) return { kind: 'plan', doc: docs[0], viaParents: false };
  if (docs.length === 0) return { kind: 'none', self: all.length > 0 || child.model.organization?.acronym?.trim() === acronym };
  return { kind: 'ambiguous', docs };
}

/** What an `aligns` entry resolves to. */
export type Resolution =
  | { kind: 'item'; doc: PlanDocument; item: PlanItem; entry: AlignEntry }
  | { kind: 'no-item'; doc: PlanDocument; entry: AlignEntry }
  | { kind: 'format' }
  | ({ entry: AlignEntry } & Exclude<ParentPlan, { kind: 'plan' }>);

/** Resolves one `aligns` entry of `child`. */
export function resolveAlignment(ws: PlanWorkspace, child: PlanDocument, ref: Reference): Resolution {
  const entry = readAlignment(ref.target.text);
  if (!entry) return { kind: 'format' };
  const parent = parentPlan(ws, child, entry.acronym);
  if (parent.kind !== 'plan') return { ...parent, entry };
  // A number used twice names the first item that has it, as everywhere else.
  const item = parent.doc.model.itemsById.get(entry.number)?.[0];
  return item ? { kind: 'item', doc: parent.doc, item, entry } : { kind: 'no-item', doc: parent.doc, entry };
}

/** An entry of a child plan that resolves to an item of the parent. */
export interface Supporter {
  doc: PlanDocument;
  ref: Reference;
  entry: AlignEntry;
}

/**
 * The entries of the other plans of the workspace that name items of `parent`, by the parent's
 * item (the references of its items across files, the code lenses, the coverage report).
 * `parent` stands for its own URI (it may be newer than the workspace's copy).
 */
export function supportersOf(ws: PlanWorkspace, parent: PlanDocument): Map<PlanItem, Supporter[]> {
  const out = new Map<PlanItem, Supporter[]>();
  const acronym = parent.model.organization?.acronym?.trim();
  for (const child of ws.all()) {
    if (child.uri === parent.uri) continue;
    const verdicts = new Map<string, boolean>();
    for (const { ref, entry } of alignmentRefs(child.model)) {
      if (!entry) continue;
      let mine = verdicts.get(entry.acronym);
      if (mine === undefined) {
        // Named by `parents:`, or by the acronym alone: either way it must be this plan.
        const link = child.model.parents?.find((p) => p.acronym === entry.acronym && schemaAcceptsParent(p));
        if (link?.path) mine = parentUri(child.uri, link.path.text) === parent.uri;
        else mine = entry.acronym === acronym && (ws.plansByAcronym().get(entry.acronym) ?? []).filter((d) => d.uri !== child.uri).length === 1;
        verdicts.set(entry.acronym, mine);
      }
      if (!mine) continue;
      const item = parent.model.itemsById.get(entry.number)?.[0];
      if (!item) continue;
      const list = out.get(item);
      if (list) list.push({ doc: child, ref, entry });
      else out.set(item, [{ doc: child, ref, entry }]);
    }
  }
  return out;
}

/** "ICE 2.1": an item of a plan as an `aligns` entry would name it (the file name when the plan has no acronym). */
export function alignLabel(doc: PlanDocument, item: PlanItem): string {
  const a = doc.model.organization?.acronym?.trim();
  const id = item.id?.text ?? '?';
  return a ? `${a} ${id}` : `${id} (${fileOf(doc.uri)})`;
}

function fileOf(uri: string): string {
  const i = uri.lastIndexOf('/');
  return decodeURIComponent(uri.slice(i + 1));
}
