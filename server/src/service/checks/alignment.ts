// alignment-unresolved, alignment-ambiguous, alignment-format: each `aligns` entry must be an
// acronym and a number naming an item of exactly one other plan of the workspace (alignment.ts).
import type { PlanDocument, PlanWorkspace } from '../documents';
import { fileNameOf } from '../documents';
import { alignmentRefs, resolveAlignment, schemaAcceptsParent } from '../alignment';
import type { PlanDiagnostic } from '../model';
import { closest } from '../text';

const HOW = 'An `aligns` entry is the acronym of another plan (its `organization.acronym`), a space and the number of one of its goals, objectives or sub-objectives: `DHS 2.3`.';

export function checkAlignments(ws: PlanWorkspace, doc: PlanDocument): PlanDiagnostic[] {
  const refs = alignmentRefs(doc.model);
  if (!refs.length) return [];
  const out: PlanDiagnostic[] = [];
  // Acronyms whose `parents:` entry the schema rejects: that entry is the mistake, and the schema
  // says so; which plan the acronym would name is not reported again on the `aligns` entries.
  const rejected = new Set((doc.model.parents ?? []).filter((l) => !schemaAcceptsParent(l)).map((l) => l.acronym));
  for (const { ref } of refs) {
    const t = ref.target;
    const r = resolveAlignment(ws, doc, ref);
    if ((r.kind === 'none' || r.kind === 'ambiguous' || r.kind === 'missing-file') && rejected.has(r.entry.acronym)) continue;
    switch (r.kind) {
      case 'item':
        break;
      case 'format':
        out.push({ span: t.span, severity: 'error', code: 'alignment-format', message: `"${t.text}" is not an acronym and a number. ${HOW}` });
        break;
      case 'no-item': {
        const { acronym, number } = r.entry;
        const depth = number.split('.').length;
        const word = depth === 1 ? 'goal' : depth === 2 ? 'objective' : depth === 3 ? 'sub-objective' : 'goal, objective or sub-objective';
        const guess = nearestNumber(number, [...r.doc.model.itemsById.keys()]);
        const title = r.doc.model.title ? ` (${r.doc.model.title})` : '';
        out.push({
          span: t.span,
          severity: 'error',
          code: 'alignment-unresolved',
          message: `${acronym} has no ${word} ${number}${guess ? `; did you mean ${guess}?` : '.'} ${acronym}'s plan is ${fileNameOf(r.doc.uri)}${title}.`,
          data: guess ? { suggestion: `${acronym}${t.text.slice(acronym.length, r.entry.numberAt)}${guess}` } : undefined,
        });
        break;
      }
      case 'none': {
        const acronym = r.entry.acronym;
        const known = [...ws.plansByAcronym().keys()].filter((a) => a !== doc.model.organization?.acronym?.trim());
        const guess = closest(acronym, known);
        const why = r.self
          ? `${acronym} is this plan's own acronym: \`aligns\` names items of other plans (\`related\` links items of the same plan).`
          : `No plan in the workspace has the acronym ${acronym}${guess ? `; did you mean ${guess}?` : '.'} Open the folder that holds ${acronym}'s plan, or give its file together with this one to \`planwright check\`.`;
        out.push({ span: t.span, severity: 'error', code: 'alignment-unresolved', message: why, data: guess && !r.self ? { suggestion: `${guess}${t.text.slice(acronym.length)}` } : undefined });
        break;
      }
      case 'missing-file':
        out.push({
          span: t.span,
          severity: 'error',
          code: 'alignment-unresolved',
          message: r.self
            ? `\`parents:\` says ${r.entry.acronym}'s plan is ${r.path}, which is this plan's own file. Give the path of ${r.entry.acronym}'s plan (relative to this plan's file).`
            : r.unreadable
              ? `\`parents:\` says ${r.entry.acronym}'s plan is ${r.path}, but it cannot be read: ${r.unreadable}. Correct the path (it is relative to this plan's file), or the file.`
              : `\`parents:\` says ${r.entry.acronym}'s plan is ${r.path}, but no plan is there. Correct the path (it is relative to this plan's file), or open the folder that holds it.`,
          related: [{ span: r.span, message: `${r.entry.acronym}'s plan, according to \`parents:\`` }],
        });
        break;
      case 'ambiguous': {
        const files = r.docs.map((d) => `${fileNameOf(d.uri)}${d.model.title ? ` (${d.model.title})` : ''}`);
        out.push({
          span: t.span,
          severity: 'error',
          code: 'alignment-ambiguous',
          message: `${r.docs.length} plans have the acronym ${r.entry.acronym}: ${files.join('; ')}. Say which one this plan aligns to with a top-level \`parents:\` map, e.g. \`parents: { ${r.entry.acronym}: ${fileNameOf(r.docs[0].uri)} }\` (a path relative to this plan's file).`,
          data: { candidates: r.docs.map((d) => d.uri) },
        });
        break;
      }
    }
  }
  return out;
}

/**
 * The number the author most likely meant: of the same level and under the same parent, the one
 * whose last part is nearest (2.9 → 2.3 when 2.3 is the last objective of goal 2); else the
 * closest in spelling.
 */
export function nearestNumber(number: string, ids: string[]): string | undefined {
  const dot = number.lastIndexOf('.');
  const prefix = number.slice(0, dot + 1);
  const own = Number(number.slice(dot + 1));
  let best: string | undefined;
  let distance = Infinity;
  for (const id of ids) {
    if (id.lastIndexOf('.') !== dot || !id.startsWith(prefix) || !/^[0-9]+$/.test(id.slice(dot + 1))) continue;
    const d = Math.abs(Number(id.slice(dot + 1)) - own);
    if (d < distance) {
      distance = d;
      best = id;
    }
  }
  return best ?? closest(number, ids.filter((k) => k.split('.').length === number.split('.').length));
}
