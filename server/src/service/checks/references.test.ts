import * as assert from 'assert';
import { PlanWorkspace } from '../documents';
import { planDiagnostics, provideDiagnostics } from '../features/diagnostics';
import { lines, load, MERGED, textAt } from '../test-util';

const plan = lines(
  'planwright: 1',
  'title: T',
  'units:',
  '  - { id: OPS, name: Operations }',
  'goals:',
  '  - id: "1"',
  '    title: A',
  '    objectives:',
  '      - id: "1.1"',
  '        title: B',
  '        lead: OPS',
  '        support: [OPS, OPX]',
  '        related: ["1", "1.2", 1.1]',
);

function found(text: string, ws?: PlanWorkspace) {
  const { doc, ws: w } = load(text, 'file:///p.plan.yaml', ws);
  return planDiagnostics(w, doc).map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end), d.data]);
}

describe('reference checks', () => {
  it('reports lead/support entries that name no unit, suggesting the closest unit', () => {
    assert.deepStrictEqual(found(plan).filter((d) => d[2] === 'OPX'), [['reference-unresolved', 'error', 'OPX', { suggestion: 'OPS', unit: 'OPX' }]]);
  });

  it('reports related entries that name no item, and warns about an unquoted dotted one', () => {
    const d = found(plan).filter((x) => x[2] !== 'OPX');
    assert.deepStrictEqual(d, [
      ['reference-unresolved', 'error', '"1.2"', { suggestion: '1.1' }],
      ['numbering-format', 'warning', '1.1', { quote: '1.1' }],
    ]);
  });

  it('resolves a unit defined in another plan of the workspace', () => {
    const ws = new PlanWorkspace();
    ws.update('file:///org.plan.yaml', lines('planwright: 1', 'title: Org', 'units:', '  - { id: OPX, name: Other }', 'goals:', '  - { id: "1", title: G }'));
    assert.deepStrictEqual(found(plan, ws).filter((d) => d[2] === 'OPX'), []);
  });

  it('reports an unresolved entry that objectives share through `<<: *base` once, where it is written', () => {
    const { ws, doc } = load(MERGED.replace('lead: OPERATIONS', 'lead: OPERATION').replace('["2.3"]', '["2.9"]'));
    const unresolved = provideDiagnostics(ws, doc).filter((d) => d.code === 'reference-unresolved');
    assert.deepStrictEqual(unresolved.map((d) => [d.range.start.line, textAt(doc, d.range)]), [[12, 'OPERATION'], [13, '"2.9"']]);
  });
});
