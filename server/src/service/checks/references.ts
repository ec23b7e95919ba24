// reference-unresolved: `related` entries must name an item of the plan; `lead`/`support`
// entries must name a unit of the plan or, failing that, of another plan of the workspace.
import type { PlanDiagnostic, PlanModel, Reference } from '../model';
import { refKind } from '../fields';
import { STEP_ITEMS } from '../steps';
import { closest } from '../text';
import { unquotedNumberDiagnostic } from './numbering';

/** The `related` checks, yielding (true) every STEP_ITEMS references. */
export function* checkRelatedSteps(model: PlanModel, out: PlanDiagnostic[]): Generator<boolean, void, void> {
  let n = 0;
  for (const ref of model.refs) {
    if (++n % STEP_ITEMS === 0) yield true;
    if (refKind(ref) !== 'item') continue;
    const t = ref.target;
    if (t.isNumber && t.text.includes('.')) out.push(unquotedNumberDiagnostic(t, 'reference'));
    if (model.itemsById.has(t.text)) continue;
    const guess = closest(t.text, model.itemsById.keys());
    out.push({
      span: t.span,
      severity: 'error',
      code: 'reference-unresolved',
      message: `No goal, objective or sub-objective is numbered ${t.text}.${guess ? ` Did you mean ${guess}?` : ''} \`related\` lists numbers of items of this plan.`,
      data: guess ? { suggestion: guess } : undefined,
    });
  }
}

/** Checks `lead`/`support` entries; `unitExists` looks in the plan, then in the workspace. */
export function checkUnitRefs(model: PlanModel, unitExists: (id: string) => boolean, knownUnits: () => Iterable<string>): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  for (const ref of model.refs) {
    if (refKind(ref) !== 'unit') continue;
    if (model.unitsById.has(ref.target.text) || unitExists(ref.target.text)) continue;
    out.push(unresolvedUnit(ref, closest(ref.target.text, knownUnits())));
  }
  return out;
}

function unresolvedUnit(ref: Reference, guess: string | undefined): PlanDiagnostic {
  return {
    span: ref.target.span,
    severity: 'error',
    code: 'reference-unresolved',
    message: `No unit has the id "${ref.target.text}".${guess ? ` Did you mean ${guess}?` : ''} Units are listed under \`units:\` (id and name); \`${ref.field}\` names one of them.`,
    data: guess ? { suggestion: guess, unit: ref.target.text } : { unit: ref.target.text },
  };
}
