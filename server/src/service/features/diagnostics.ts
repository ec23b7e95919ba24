// The diagnostics of one plan: what its text alone says (syntax, schema, numbering, `related`)
// The diagnostics of one plan: what its text alone says (syntax, schema, numbering, `related`)
// plus its `lead`/`support` entries resolved against the units of the whole workspace, its
// `aligns` entries against the other plans, the style rules its settings turn on; then, in this
// one place, the levels of its rule settings applied (rules.ts) and its disable comments
// (suppress.ts), so that every code is configurable.
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkUnitRefs } from '../checks/references';
import { checkAlignments } from '../checks/alignment';
import { anyStyleRuleOn, checkStyle } from '../checks/style';
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { PlanDiagnostic, PlanModel } from '../model';
import { sortDiagnostics } from '../parse';
import { applyLevels, type RuleSettings } from '../rules';
import { applyDirectives, findDirectives, type Directive } from '../suppress';

const SEVERITY: Record<PlanDiagnostic['severity'], DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

/** The disable comments of each version of a text (found once per version). */
const directivesOf = new WeakMap<PlanModel, Directive[]>();

export function modelDirectives(model: PlanModel): Directive[] {
  let d = directivesOf.get(model);
  if (!d) directivesOf.set(model, (d = findDirectives(model.text)));
  return d;
}

/** The last answer for each version of a plan, while the workspace's units, its plans' alignment signatures and the plan's settings stay the same. */
const answers = new WeakMap<PlanModel, { units: unknown; alignment: number; settings: RuleSettings; diagnostics: PlanDiagnostic[] }>();

export function planDiagnostics(ws: PlanWorkspace, doc: PlanDocument): PlanDiagnostic[] {
  const units = ws.units();
  const settings = ws.rulesFor(doc.uri);
  const known = answers.get(doc.model);
  const alignment = ws.alignmentGeneration;
  if (known && known.units === units && known.alignment === alignment && known.settings === settings) return known.diagnostics;
  const unitRefs = checkUnitRefs(doc.model, (id) => units.has(id), () => units.keys());
  // `aligns` entries, resolved against the other plans of the workspace (alignment.ts).
  const diagnostics = finishDiagnostics(doc.model, [...unitRefs, ...checkAlignments(ws, doc)], settings);
  answers.set(doc.model, { units, alignment, settings, diagnostics });
  return diagnostics;
}

/**
 * A plan's findings from its model's own and its unit references: the style rules added, the
 * levels of `settings` applied, disable comments honoured. Code actions count a what-if text's
 * problems with it too (codeActions.ts), so both count alike.
 */
export function finishDiagnostics(model: PlanModel, unitRefs: PlanDiagnostic[], settings: RuleSettings): PlanDiagnostic[] {
  const directives = modelDirectives(model);
  if (!unitRefs.length && !settings.size && !directives.length) return model.diagnostics;
  // One list, made once (29,000 findings of the 63k plan with every style rule on, per keystroke):
  // the style findings are pushed onto a copy of the others, and levels copy only what they change.
  const all = anyStyleRuleOn(settings) ? checkStyle(model, settings, model.diagnostics.concat(unitRefs)) : unitRefs.length ? model.diagnostics.concat(unitRefs) : model.diagnostics;
  const levelled = settings.size ? applyLevels(all, settings) : all;
  const kept = applyDirectives(model.text, directives, levelled, settings);
  return kept === model.diagnostics ? kept : sortDiagnostics(kept);
}

export function toLspDiagnostic(doc: Pick<PlanDocument, 'uri' | 'lines'>, d: PlanDiagnostic): Diagnostic {
  return {
    range: doc.lines.range(d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'planwright',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri: doc.uri, range: doc.lines.range(r.span) }, message: r.message })),
    // A finding about a multi-line value's text: "Ignore ... on this line" puts its comment above the key.
    data: d.anchor === undefined ? d.data : { ...d.data, anchor: d.anchor },
  };
}

/**
 * Whether two lists of findings of the same text say the same: same places (offsets), codes,
 * levels, words, related places and data. Linear, and most findings are the same objects (kept
 * with their goals), so the server compares what it last published without serializing it.
 */
export function sameFindings(a: readonly PlanDiagnostic[], b: readonly PlanDiagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x.span.start !== y.span.start || x.span.end !== y.span.end || x.code !== y.code || x.severity !== y.severity || x.message !== y.message || x.anchor !== y.anchor) return false;
    if ((x.related?.length ?? 0) !== (y.related?.length ?? 0)) return false;
    for (let j = 0; j < (x.related?.length ?? 0); j++) {
      const r = x.related![j];
      const q = y.related![j];
      if (r.span.start !== q.span.start || r.span.end !== q.span.end || r.message !== q.message) return false;
    }
    if (x.data !== y.data && JSON.stringify(x.data) !== JSON.stringify(y.data)) return false;
  }
  return true;
}

export function provideDiagnostics(ws: PlanWorkspace, doc: PlanDocument): Diagnostic[] {
  return planDiagnostics(ws, doc).map((d) => toLspDiagnostic(doc, d));
}

const RANK: Record<PlanDiagnostic['severity'], number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The diagnostics an editor is sent: at most `max` (0: all), the most severe first, as VS Code
 * keeps them (it shows at most 1,000 per file and drops the rest): errors, then warnings, then
 * information, then hints, each in the order of the text; and, when some are left out, a last
 * one at the top of the plan that says how many and where to see them all. A plan whose style
 * rules find something on most of its 20,000 items would otherwise send ~10 MB per keystroke for
 * the editor to throw away.
 */
export function publishedDiagnostics(ws: PlanWorkspace, doc: PlanDocument, max: number): Diagnostic[] {
  const all = planDiagnostics(ws, doc);
  if (!max || all.length <= max) return all.map((d) => toLspDiagnostic(doc, d));
  const room = max - 1; // one place for the notice
  // The least severe level that still fits in part, and how many of it fit: one pass, no sort.
  const counts = [0, 0, 0, 0];
  for (const d of all) counts[RANK[d.severity]]++;
  let cut = 0;
  let left = room;
  while (cut < 3 && counts[cut] < left) left -= counts[cut++];
  const shown: Diagnostic[] = [];
  for (const d of all) {
    const rank = RANK[d.severity];
    if (rank < cut || (rank === cut && left-- > 0)) shown.push(toLspDiagnostic(doc, d));
  }
  const hidden = all.length - shown.length;
  shown.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 3,
    code: 'problems-limit',
    source: 'planwright',
    // The counts of them all, for the editor's own count of the plan's problems (the VS Code status bar).
    data: { errors: counts[0], warnings: counts[1], information: counts[2], hints: counts[3] },
    message:
      (room
        ? `${hidden.toLocaleString('en-US')} more problem${hidden === 1 ? ' is' : 's are'} not shown: this plan has ${all.length.toLocaleString('en-US')}, and the editor shows ` +
          `the ${room.toLocaleString('en-US')} most serious.`
        : `This plan has ${all.length.toLocaleString('en-US')} problems, and the setting planwright.maxNumberOfProblems leaves room for this note only.`) +
      ' To see every one, run `planwright check` on the file, or raise the setting planwright.maxNumberOfProblems (0 shows all).',
  });
  return shown;
}
