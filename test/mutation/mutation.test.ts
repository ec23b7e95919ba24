// The mutation harness in the test suite: the numbering, schema (field) and YAML mistakes of
// issue #10 (a tab, a quote left open, a line indented one space more) must each give exactly
// one error or warning, within a line of the mistake, and nothing more than 3 lines away.
// The table of every kind (YAML mistakes included) is printed so the current figures are visible.
import * as assert from 'assert';
import { parseFull, PlanParser } from '../../server/src/service/parse';
import type { PlanModel } from '../../server/src/service/model';
import { figures, harnessPlans, KIND_LABELS, mutations, NUMBERING_KINDS, runAll, SCHEMA_KINDS, table, YAML_KINDS, type CaseResult } from './mutations';

/** What the checks of a model say, and the items and units they read. */
function seen(m: PlanModel) {
  return {
    diagnostics: m.diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message]),
    items: m.items.map((i) => [i.kind, i.id?.text, i.id?.span.start, i.span.start, i.span.end, i.title]),
    units: m.units.map((u) => [u.id?.text, u.span.start]),
  };
}

describe('mutation harness: one mistake, one diagnostic', function () {
  this.timeout(60000);
  let results: CaseResult[];
  before(() => {
    results = runAll();
  });

  it('prints the table of every kind of single mistake', () => {
    console.log('\n' + table(figures(results)) + '\n');
    assert.ok(results.length > 500, `${results.length} cases`);
  });

  for (const kind of [...NUMBERING_KINDS, ...SCHEMA_KINDS, ...YAML_KINDS]) {
    it(`gives exactly one error or warning within a line of the mistake for ≥ 95% of: ${KIND_LABELS[kind]}, and never one more than 3 lines away`, () => {
      const rs = results.filter((r) => r.kind === kind);
      // The line kinds are sampled: 20 per plan. The plans have 22 units (two misspellings each),
      // 49 items with children and 8 sections of each plan but `goals`; every other kind has more cases.
      assert.ok(rs.length >= (YAML_KINDS.includes(kind) ? 45 : kind === 'section-key' ? 15 : kind === 'unit-key' || kind === 'children-key' ? 40 : 50), `${rs.length} cases`);
      const bad = rs.filter((r) => !r.ok || r.far);
      const describe = (r: CaseResult) => `${r.where} (line ${r.line + 1}): ${r.problems.map((p) => `line ${p.line + 1} ${p.code}: ${p.message}`).join(' / ') || 'no problem reported'}`;
      assert.ok(rs.filter((r) => r.ok).length >= 0.95 * rs.length, `${bad.length} of ${rs.length} fail:\n${bad.map(describe).join('\n')}`);
      assert.deepStrictEqual(rs.filter((r) => r.far).map(describe), []);
    });
  }

  it('reads every single mistake the same whole and block by block, after the edit from the clean plan', () => {
    let n = 0;
    for (const p of harnessPlans()) {
      const parser = new PlanParser();
      for (const m of mutations(p.name, p.text)) {
        if (n++ % 3) continue; // a third of the cases: the edits from the clean plan are what matters
        parser.parse(p.text);
        assert.deepStrictEqual(seen(parser.parse(m.text)), seen(parseFull(m.text)), `${m.kind} at ${m.where}`);
      }
    }
  });
});
