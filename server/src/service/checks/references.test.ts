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
  it('a unit written as a number (`lead: 5`) is one problem, the schema\'s: no unit id is a number', () => {
    const t = lines('planwright: 1', 'title: T', 'units:', '  - { id: OPS, name: Operations }', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', '        lead: 5', '        support: [OPS, true]');
    assert.deepStrictEqual(found(t).map((d) => [d[0], d[2]]), [['schema', '5'], ['schema', 'true']]);
  });

  describe('a misspelt key (`ib:`, `subobjectves:`) is one problem, at the key: the rest of the plan reads it as the field it stands for', () => {
    it('a unit whose `id` key is misspelt is still the unit its entries name', () => {
      const t = lines('planwright: 1', 'title: T', 'units:', '  - ib: OPS', '    name: Operations', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B, lead: OPS, support: [OPS] }');
      assert.deepStrictEqual(found(t), [['schema', 'error', 'ib', { replaceKey: 'ib', with: 'id' }]]);
    });

    it('an item whose `id` key is misspelt keeps its number: the links naming it resolve, and its siblings are numbered as before', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:',
        '      - { id: "1.1", title: B, related: "1.2.1" }',
        '      - ib: "1.2"', '        title: C', '        subobjectives:', '          - Ib: "1.2.1"', '            title: D',
        '      - id: "1.3"', '        title: E');
      assert.deepStrictEqual(found(t), [
        ['schema', 'error', 'ib', { replaceKey: 'ib', with: 'id' }],
        ['schema', 'error', 'Ib', { replaceKey: 'Ib', with: 'id' }],
      ]);
    });

    it('the sub-objectives under a misspelt `subobjectives:` are still read: the links naming them resolve, and their numbering is checked', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:',
        '      - { id: "1.1", title: B, related: "1.2.2" }',
        '      - id: "1.2"', '        title: C', '        subobjectves:', '          - { id: "1.2.1", title: D }', '          - { id: "1.2.2", title: E }', '          - { id: "1.2.4", title: F }');
      assert.deepStrictEqual(found(t), [
        ['schema', 'error', 'subobjectves', { replaceKey: 'subobjectves', with: 'subobjectives' }],
        ['numbering-sequence', 'error', '"1.2.4"', found(t)[1][3]],
      ]);
    });

    it('the units under a misspelt `units:` (`unit:`) are still the units the entries name', () => {
      const t = lines('planwright: 1', 'title: T', 'unit:', '  - { id: OPS, name: Operations }', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B, lead: OPS, support: [OPS] }');
      assert.deepStrictEqual(found(t), [['schema', 'error', 'unit', { replaceKey: 'unit', with: 'units' }]]);
    });

    it('a key that only resembles `id` is not read as one when the mapping has its `id`', () => {
      const t = lines('planwright: 1', 'title: T', 'units:', '  - { id: OPS, ib: ENG, name: Operations }', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B, lead: ENG }');
      assert.deepStrictEqual(found(t).map((d) => [d[0], d[2]]), [['schema', 'ib'], ['reference-unresolved', 'ENG']]);
    });
  });

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
