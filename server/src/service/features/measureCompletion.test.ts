import * as assert from 'assert';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { PlanWorkspace } from '../documents';
import { applyEdits } from '../edits';
import { lines, load, MEASURES } from '../test-util';
import { provideCompletion } from './completion';

const URI = 'file:///work/plans/parks.plan.yaml';

/** Completes at the `|` of `source` (the marker is removed from the plan). */
function completeAt(source: string, ws = new PlanWorkspace()) {
  const at = source.indexOf('|');
  assert.ok(at >= 0 && source.indexOf('|', at + 1) < 0, 'the fixture needs exactly one cursor marker');
  const text = source.slice(0, at) + source.slice(at + 1);
  const { doc } = load(text, URI, ws);
  return { items: provideCompletion(ws, doc, doc.lines.positionAt(at)).items, text, doc };
}

/** The sample with `old` (written once in it) replaced by `now`, which carries the cursor. */
function sample(old: string, now: string): string {
  assert.strictEqual(MEASURES.split(old).length, 2, `the sample has ${old} once`);
  return MEASURES.replace(old, now);
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
/** A snippet's text as inserted with each placeholder's default (the first choice of a choice). */
const plain = (snippet: string) => snippet.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');

describe('completion in measures', () => {
  describe('fiscal years', () => {
    it('offers the period\'s years missing from `targets`, the year after the last target first', () => {
      const { items } = completeAt(sample('              2028: 15\n', '              2028: 15\n              |\n'));
      assert.deepStrictEqual(labels(items), ['2029', '2030']);
      assert.strictEqual(items[0].preselect, true);
      assert.strictEqual(edit(items[0]).newText, '2029: ');
    });

    it('offers the years missing from `results` with each year\'s target, the year after the last result first', () => {
      const { items } = completeAt(sample('              2026: 5\n', '              2026: 5\n              20|\n'));
      assert.deepStrictEqual(labels(items), ['2027', '2028', '2029', '2030']);
      assert.match(items[0].detail!, /^Fiscal year 2027 \(next year without a result\) · target 9$/);
      assert.match(items[2].detail!, /no target for this year/);
      // The typed digits are replaced.
      assert.deepStrictEqual(edit(items[0]).range.end.character - edit(items[0]).range.start.character, 2);
    });

    it('offers the years in a one-line `targets: { ... }` after a comma, and none already written', () => {
      const { items } = completeAt(sample('targets: { 2026: 72, 2027: 74, 2028: 76 }', 'targets: { 2026: 72, 2027: 74, 2028: 76, | }'));
      assert.deepStrictEqual(labels(items), ['2029', '2030']);
    });

    it('starts with the first missing year when the later years are all written', () => {
      const { items } = completeAt(sample('targets: { 2026: 420, 2027: 420 }', 'targets: { 2027: 420, 2028: 420, 2029: 420, 2030: 420, | }'));
      assert.deepStrictEqual(labels(items), ['2026']);
    });

    it('offers the year before the first target as the baseline year', () => {
      const { items } = completeAt(sample('baseline: { year: 2025, value: 12 }', 'baseline: { year: |, value: 12 }'));
      assert.deepStrictEqual(labels(items), ['2025', '2024', '2023']);
      assert.match(items[0].detail!, /the year before the first target/);
      const block = completeAt(sample('              year: 2025\n              value: 0\n', '              year: |\n              value: 0\n'));
      assert.deepStrictEqual(labels(block.items), ['2025', '2024', '2023']);
    });
  });

  describe('values', () => {
    it('offers the directions with what each means for met or not', () => {
      const { items } = completeAt(sample('            direction: decrease\n', '            direction: |\n'));
      assert.deepStrictEqual(labels(items), ['increase', 'decrease', 'maintain']);
      assert.match((items[1].documentation as MarkupContent).value, /at most the target/);
    });

    it('offers OMB\'s kinds of measure on a measure, and not on a unit\'s `kind`', () => {
      const { items } = completeAt(sample('            kind: efficiency\n', '            kind: eff|\n'));
      assert.deepStrictEqual(labels(items), ['outcome', 'output', 'efficiency', 'customer-service']);
      assert.strictEqual(edit(items[2]).newText, 'efficiency');
      const unit = completeAt(sample('kind: division }\n  - { id: LIB', 'kind: | }\n  - { id: LIB'));
      assert.ok(!labels(unit.items).includes('outcome'), labels(unit.items).join(', '));
    });

    it('offers the units the workspace\'s measures count in, the most used first, and qualitative', () => {
      const ws = new PlanWorkspace();
      ws.update('file:///work/plans/other.plan.yaml', MEASURES.replace('unit: acres', 'unit: percent'), 1);
      const { items } = completeAt(sample('            unit: days\n', '            unit: |\n'), ws);
      assert.deepStrictEqual(labels(items), ['percent', 'hours', 'qualitative', 'acres', 'days']);
      assert.strictEqual(items[0].detail, 'used by 3 measures');
    });
  });

  describe('new entries', () => {
    it('offers a new measure with a fresh id from the item\'s number and its measures, which checks clean once filled in', () => {
      const { items, text, doc } = completeAt(sample('            source: Annual patron survey\n', '            source: Annual patron survey\n          - |\n'));
      assert.deepStrictEqual(labels(items), ['New measure PM-2.1.3']);
      const e = edit(items[0]);
      assert.match(e.newText, /^id: \$\{1:PM-2\.1\.3\}\n            name: /);
      const after = applyEdits(text, [{ range: e.range, newText: plain(e.newText) }]);
      assert.deepStrictEqual(load(after).doc.model.diagnostics.map((d) => d.message), []);
      void doc;
    });

    it('skips an id another measure of the plan already has', () => {
      const { items } = completeAt(sample('            source: Annual patron survey\n', '            source: Annual patron survey\n          - |\n').replace('id: PM-1.2.1', 'id: PM-2.1.3'));
      assert.deepStrictEqual(labels(items), ['New measure PM-2.1.4']);
    });

    it('offers a new milestone on a blank line of `milestones:`, with its dash', () => {
      const { items, text } = completeAt(sample('            due: 2026-03-01\n', '            due: 2026-03-01\n          |\n'));
      assert.deepStrictEqual(labels(items), ['New milestone']);
      const e = edit(items[0]);
      const after = applyEdits(text, [{ range: e.range, newText: plain(e.newText) }]);
      assert.match(after, /\n {10}- title: What is done\n {12}due: 2026-09-30\n {12}done: false\n/);
      assert.deepStrictEqual(load(after).doc.model.diagnostics.map((d) => d.message), []);
    });

    it('offers the fields a measure does not have yet on a blank line inside it', () => {
      const { items } = completeAt(sample('            results: { 2026: 11, 2027: 8 }\n', '            results: { 2026: 11, 2027: 8 }\n            |\n'));
      assert.deepStrictEqual(labels(items), ['aligns', 'source', 'priority']);
    });
  });

  it('keeps CRLF line breaks in a snippet', () => {
    const src = sample('            source: Annual patron survey\n', '            source: Annual patron survey\n          - |\n').replace(/\n/g, '\r\n');
    const { items } = completeAt(src);
    assert.match(edit(items[0]).newText, /^id: \$\{1:PM-2\.1\.3\}\r\n {12}name: /);
  });
  void lines;
});
