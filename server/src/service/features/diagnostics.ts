// The diagnostics of one plan: what its text alone says (syntax, schema, numbering, `related`)
// plus its `lead`/`support` entries resolved against the units of the whole workspace, and its
// `aligns` entries against the other plans.
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkUnitRefs } from '../checks/references';
import { checkAlignments } from '../checks/alignment';
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { PlanDiagnostic } from '../model';
import { sortDiagnostics } from '../parse';

const SEVERITY: Record<PlanDiagnostic['severity'], DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export function planDiagnostics(ws: PlanWorkspace, doc: PlanDocument): PlanDiagnostic[] {
  const units = ws.units();
  const unitRefs = checkUnitRefs(doc.model, (id) => units.has(id), () => units.keys());
  // `aligns` entries, resolved against the other plans of the workspace (alignment.ts).
  const aligns = checkAlignments(ws, doc);
  if (!unitRefs.length && !aligns.length) return doc.model.diagnostics;
  return sortDiagnostics([...doc.model.diagnostics, ...unitRefs, ...aligns]);
}

export function toLspDiagnostic(doc: PlanDocument, d: PlanDiagnostic): Diagnostic {
  return {
    range: doc.lines.range(d.span),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'planwright',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri: doc.uri, range: doc.lines.range(r.span) }, message: r.message })),
    data: d.data,
  };
}

export function provideDiagnostics(ws: PlanWorkspace, doc: PlanDocument): Diagnostic[] {
  return planDiagnostics(ws, doc).map((d) => toLspDiagnostic(doc, d));
}
