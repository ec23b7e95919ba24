// Inlay hints: after an entry that names an item (`related: ["2.2"]`), the item's title; after a
// unit id in `lead`/`support` (of an item or a measure), the unit's name. Only the range the
// editor shows is computed: the plan's entries are kept sorted by offset once per model and the
// range's first entry is found by binary search, so a 60-line window of a 63k-line plan costs
// the entries in it.
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { refKind } from '../fields';
import { breadcrumb, type PlanModel, type Reference } from '../model';
import { lowerBound } from '../text';
import { resolveAlignment } from '../alignment';
import { unitDefinitions } from './definition';

/** Longest label, in characters; a longer title is cut at a word and ends with an ellipsis. */
export const HINT_LIMIT = 40;

interface SortedRefs {
  refs: Reference[];
  /** Where each entry's text ends (the hint's place), ascending. */
  ends: number[];
}

const sortedRefs = new WeakMap<PlanModel, SortedRefs>();

/** The model's entries in document order (`model.refs` lists each entry written once). */
function refsOf(model: PlanModel): SortedRefs {
  let s = sortedRefs.get(model);
  if (!s) {
    const refs = [...model.refs];
    let sorted = true;
    for (let i = 1; i < refs.length && sorted; i++) if (refs[i].target.span.end < refs[i - 1].target.span.end) sorted = false;
    if (!sorted) refs.sort((a, b) => a.target.span.end - b.target.span.end);
    s = { refs, ends: refs.map((r) => r.target.span.end) };
    sortedRefs.set(model, s);
  }
  return s;
}

/** `text` cut to HINT_LIMIT characters at a word boundary, with an ellipsis. */
export function shorten(text: string, limit = HINT_LIMIT): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= limit) return t;
  const cut = t.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return (space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '') + '…';
}

export function provideInlayHints(ws: PlanWorkspace, doc: PlanDocument, range: Range): InlayHint[] {
  const { refs, ends } = refsOf(doc.model);
  const from = doc.lines.offsetAt(range.start);
  const to = doc.lines.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (let i = lowerBound(ends, from); i < refs.length && ends[i] <= to; i++) {
    const hint = hintFor(ws, doc, refs[i]);
    if (hint) out.push(hint);
  }
  return out;
}

function hintFor(ws: PlanWorkspace, doc: PlanDocument, ref: Reference): InlayHint | undefined {
  const id = ref.target.text;
  let label: string | undefined;
  let tooltip: string | undefined;
  switch (refKind(ref)) {
    case 'item': {
      const item = doc.model.itemsById.get(id)?.[0];
      if (!item?.title) return undefined;
      label = item.title;
      tooltip = `${breadcrumb(item)}: ${item.title}`;
      break;
    }
    case 'unit': {
      const unit = unitDefinitions(ws, doc, id)[0]?.unit;
      if (!unit?.name) return undefined;
      label = unit.name;
      tooltip = `Unit ${id}: ${unit.name}`;
      break;
    }
    case 'alignment': {
      // `DHS 2.3`: the title of objective 2.3 of DHS's plan.
      const r = resolveAlignment(ws, doc, ref);
      if (r.kind !== 'item' || !r.item.title) return undefined;
      label = r.item.title;
      tooltip = `${r.entry.acronym} ${breadcrumb(r.item)}: ${r.item.title}${r.doc.model.title ? ` (${r.doc.model.title})` : ''}`;
      break;
    }
    default:
      return undefined;
  }
  return { position: doc.lines.positionAt(ref.target.span.end), label: `▸ ${shorten(label)}`, paddingLeft: true, tooltip };
}
