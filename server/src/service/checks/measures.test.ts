import * as assert from 'assert';
import { planDiagnostics } from '../features/diagnostics';
import { parseFull } from '../parse';
import { lines, load, MEASURE_ERRORS, MEASURES } from '../test-util';
import { measureStatus } from './measures';

/** A plan of one objective whose measures and milestones are the given lines (indented under it). */
function plan(body: string[], period = 'period: { start: 2026, end: 2030 }'): string {
  return lines(
    'planwright: 1',
    'title: T',
    period,
    'units:',
    '  - { id: OPS, name: Operations }',
    'goals:',
    '  - id: "1"',
    '    title: A',
    '    objectives:',
    '      - id: "1.1"',
    '        title: B',
    ...body.map((l) => '        ' + l),
  );
}

/** [code, severity, text at the range, message] of every diagnostic but schema ones. */
function found(text: string) {
  const { doc, ws } = load(text, 'file:///p.plan.yaml');
  return planDiagnostics(ws, doc).map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end), d.message]);
}

function codes(text: string) {
  const { doc, ws } = load(text, 'file:///p.plan.yaml');
  return planDiagnostics(ws, doc).map((d) => d.code);
}

describe('measure checks', () => {
  it('finds nothing wrong in the measures example, and every measure code in its broken copy', () => {
    assert.deepStrictEqual(found(MEASURES), []);
    assert.deepStrictEqual([...new Set(codes(MEASURE_ERRORS))].sort(), [
      'measure-direction', 'measure-duplicate', 'measure-target-missing', 'measure-value', 'measure-year', 'reference-unresolved',
    ]);
  });

  it('reports a year that is not four digits as an error on the key, in targets, results and the baseline', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    baseline: { year: "20", value: 1 }', '    targets:', '      FY2027: 2', '      2028: 3', '    results: { 20271: 2, 2028: 3 }']);
    assert.deepStrictEqual(found(t), [
      ['measure-year', 'error', '"20"', '`20` is not a fiscal year. Write the baseline year of measure PM-1 as four digits, e.g. `year: 2020`.'],
      ['measure-year', 'error', 'FY2027', '`FY2027` is not a fiscal year. Under `targets` of measure PM-1, write each year as four digits, e.g. `2024: 65`.'],
      ['measure-year', 'error', '20271', '`20271` is not a fiscal year. Under `results` of measure PM-1, write each year as four digits, e.g. `2024: 65`.'],
    ]);
  });

  it('warns about target and result years outside the period, and a baseline after the first target, but not a baseline before the period', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    baseline: { year: 2020, value: 1 }', '    targets: { 2025: 1, 2026: 2, 2031: 3 }', '    results: { 2031: 4 }',
      '  - id: PM-2', '    name: N', '    baseline: { year: 2027, value: 1 }', '    targets: { 2026: 2, 2027: 3 }']);
    assert.deepStrictEqual(found(t), [
      ['measure-year', 'warning', '2025', "The target year 2025 of measure PM-1 is outside the plan's period (fiscal years 2026 to 2030). Use a year of the period, or change `period`."],
      ['measure-year', 'warning', '2031', "The target year 2031 of measure PM-1 is outside the plan's period (fiscal years 2026 to 2030). Use a year of the period, or change `period`."],
      ['measure-year', 'warning', '2031', "The result year 2031 of measure PM-1 is outside the plan's period (fiscal years 2026 to 2030). Use a year of the period, or change `period`."],
      ['measure-year', 'warning', '2027', 'The baseline year 2027 of measure PM-2 is after its first target year (2026). A baseline is the value before the targets: use a year before 2026.'],
    ]);
  });

  it('checks no year against the period when the plan has none', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    targets: { 1999: 1, 2040: 2 }', 'milestones:', '  - { title: M, due: 2050-01-01 }'], '# no period');
    assert.deepStrictEqual(found(t), []);
  });

  it('warns about a milestone due outside the period, which runs from October 1 before its first fiscal year to September 30 of its last', () => {
    const t = plan(['milestones:', '  - { title: Early, due: 2025-09-30 }', '  - { title: First day, due: 2025-10-01 }', '  - { title: Last day, due: 2030-09-30 }', '  - title: Late', '    due: 2030-10-01', '  - { due: 2031-01-01 }']);
    assert.deepStrictEqual(found(t).filter((d) => d[0] !== 'schema'), [
      ['measure-year', 'warning', '2025-09-30', "Milestone \"Early\" is due 2025-09-30, before the plan's period begins (fiscal year 2026 begins on 2025-10-01). Use a date within the period, or change `period`."],
      ['measure-year', 'warning', '2030-10-01', "Milestone \"Late\" is due 2030-10-01, after the plan's period ends (fiscal year 2030 ends on 2030-09-30). Use a date within the period, or change `period`."],
      ['measure-year', 'warning', '2031-01-01', "Milestone the 5th milestone of objective 1.1 is due 2031-01-01, after the plan's period ends (fiscal year 2030 ends on 2030-09-30). Use a date within the period, or change `period`."],
    ]);
  });

  it('reports a value that is not a number on the value, unless the measure is qualitative, and says when quotes are the cause', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    baseline: { year: 2025, value: about 60 }', '    targets: { 2026: "65" }', '    results: { 2026: n/a }',
      '  - id: PM-2', '    name: Q', '    unit: Qualitative', '    targets: { 2026: good }', '    results: { 2026: good }']);
    assert.deepStrictEqual(found(t), [
      ['measure-value', 'error', 'about 60', 'The baseline value of measure PM-1 is "about 60", not a number. Write a number (e.g. 65), or add `unit: qualitative` if this measure\'s values are words.'],
      ['measure-value', 'error', '"65"', 'The target for 2026 of measure PM-1 is the number 65 written in quotes, which makes it text. Remove the quotes.'],
      ['measure-value', 'error', 'n/a', 'The result for 2026 of measure PM-1 is "n/a", not a number. Write a number (e.g. 65), or add `unit: qualitative` if this measure\'s values are words.'],
    ]);
  });

  it('reports a measure id used twice at its second use, pointing to the first', () => {
    const t = lines(
      'planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    measures:', '      - { id: PM-1, name: First }',
      '    objectives:', '      - id: "1.1"', '        title: B', '        measures:', '          - { id: PM-2, name: Other }', '          - { id: PM-1, name: Second }',
    );
    const { doc, ws } = load(t, 'file:///p.plan.yaml');
    const d = planDiagnostics(ws, doc);
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity, t.slice(x.span.start, x.span.end), x.message]), [
      ['measure-duplicate', 'error', 'PM-1', 'The measure id PM-1 is already used by a measure of goal 1 ("First"). Each measure needs an id of its own: change this one, e.g. to PM-1-b.'],
    ]);
    assert.deepStrictEqual(d[0].related!.map((r) => [t.slice(r.span.start, r.span.end), r.span.start, r.message]), [['PM-1', t.indexOf('PM-1'), 'PM-1 is first used here.']]);
  });

  it('warns where a target moves against the direction, comparing target years in order', () => {
    const t = plan(['measures:', '  - id: UP', '    name: N', '    direction: increase', '    targets: { 2028: 70, 2026: 60, 2027: 59 }',
      '  - id: DOWN', '    name: N', '    direction: decrease', '    targets: { 2026: 10, 2027: 10, 2028: 11 }',
      '  - id: SAME', '    name: N', '    direction: maintain', '    targets: { 2026: 5, 2027: 6 }']);
    assert.deepStrictEqual(found(t), [
      ['measure-direction', 'warning', '59', 'The target for 2027 (59) is lower than the target for 2026 (60), but measure UP should increase. Check the targets, or change `direction`.'],
      ['measure-direction', 'warning', '11', 'The target for 2028 (11) is higher than the target for 2027 (10), but measure DOWN should decrease. Check the targets, or change `direction`.'],
    ]);
  });

  it('notes a year with a result but no target, on the result\'s year', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    targets: { 2026: 1 }', '    results: { 2026: 1, 2027: 2 }']);
    assert.deepStrictEqual(found(t), [
      ['measure-target-missing', 'information', '2027', 'Measure PM-1 has a result for 2027 but no target for it, so the result cannot be judged met or not. Add `2027:` with the target under `targets`.'],
    ]);
  });

  it('reports a measure\'s lead that names no unit as reference-unresolved, on the entry', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    lead: [OPS, OPZ]']);
    assert.deepStrictEqual(found(t), [
      ['reference-unresolved', 'error', 'OPZ', 'No unit has the id "OPZ". Did you mean OPS? Units are listed under `units:` (id and name); `lead` names one of them.'],
    ]);
  });

  it('gives the same diagnostics block by block as in one document', () => {
    for (const text of [MEASURES, MEASURE_ERRORS]) {
      const { doc } = load(text, 'file:///p.plan.yaml');
      assert.strictEqual(doc.model.parseMode, 'blocks');
      assert.deepStrictEqual(doc.model.diagnostics, parseFull(text).diagnostics);
    }
  });

  it('judges a result against the target of its year in the measure\'s direction', () => {
    const m = (direction: string | undefined, target: string, result: string, unit = 'percent') => {
      const d = direction ? [`    direction: ${direction}`] : [];
      const { doc } = load(plan(['measures:', '  - id: PM-1', '    name: N', `    unit: ${unit}`, ...d, `    targets: { 2026: ${target} }`, `    results: { 2026: ${result} }`]));
      return measureStatus(doc.model.items[1].measures![0], 2026);
    };
    assert.deepStrictEqual(
      [m('increase', '5', '5'), m('increase', '5', '4'), m(undefined, '5', '6'), m('decrease', '5', '4'), m('decrease', '5', '6'), m('maintain', '5', '5'), m('maintain', '5', '5.5'), m('increase', '5', '""'), m(undefined, 'good', 'good', 'qualitative'), m(undefined, 'good', 'fair', 'qualitative')],
      ['met', 'not met', 'met', 'met', 'not met', 'met', 'not met', 'no result', 'met', 'not met'],
    );
  });

  it('explains a wrong direction, kind, measure id, flag or due date in plain words, naming the measure or milestone', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    measures:', '      - id: 9PM', '        name: N', '        direction: up', '        kind: outcomes',
      '        priority: yes', '        owner: X', '    milestones:', '      - title: M', '        due: June 2026', '      - due: 2026-01-01');
    assert.deepStrictEqual(parseFull(t).diagnostics.map((d) => [d.code, t.slice(d.span.start, d.span.end), d.message]), [
      ['schema', '9PM', '`9PM` is not a valid measure id: a measure id starts with a letter, followed by letters, digits, ., _ or -, e.g. PM-2.1.1.'],
      ['schema', 'up', '`direction` of measure 9PM should be one of `increase`, `decrease`, `maintain`, not `up`.'],
      ['schema', 'outcomes', '`kind` of measure 9PM should be one of `outcome`, `output`, `efficiency`, `customer-service`, not `outcomes`.'],
      ['schema', 'yes', '`priority` of measure 9PM should be true or false, not text.'],
      ['schema', 'owner', '`owner` is not a field of a measure. The fields of a measure are: id, name, unit, direction, kind, lead, aligns, baseline, targets, results, source, priority.'],
      ['schema', 'June 2026', '`due` of the 1st milestone of goal 1 should be a date written year-month-day, e.g. 2022-06-30, not `June 2026`.'],
      ['schema', 'due: 2026-01-01', 'The 2nd milestone of goal 1 has no `title`. Add `title:` with a title.'],
    ]);
  });

  it('reads a misspelt key of a measure or milestone as the field it stands for: one problem, the schema\'s, at the key', () => {
    const t = plan(['measures:', '  - id: PM-1', '    nmae: N', '    targts: { 2026: 1 }', '    results: { 2026: 1 }', 'milestones:', '  - titel: M', '    due: 2031-01-01']);
    const { doc, ws } = load(t, 'file:///p.plan.yaml');
    const measure = doc.model.items[1].measures![0];
    assert.strictEqual(measure.name, 'N');
    assert.deepStrictEqual(measure.targets.map((y) => y.year.text), ['2026']);
    assert.strictEqual(doc.model.items[1].milestones![0].title, 'M');
    assert.deepStrictEqual(planDiagnostics(ws, doc).map((d) => [d.code, t.slice(d.span.start, d.span.end)]), [
      ['schema', 'nmae'],
      // Not a required field: the schema names the key, and the result for 2026 has its target.
      ['schema', 'targts'],
      ['schema', 'titel'],
      ['measure-year', '2031-01-01'],
    ]);
  });

  it('reads the period as fiscal years only when both ends are four digits, and a unit written as a number in a measure is one problem', () => {
    const t = plan(['measures:', '  - id: PM-1', '    name: N', '    lead: 5', '    targets: { 2040: 1 }'], 'period: { start: FY2026, end: 2030 }');
    assert.deepStrictEqual(codes(t), ['schema', 'schema']);
    assert.deepStrictEqual(parseFull(t).period, { start: 'FY2026', end: '2030' });
  });
});
