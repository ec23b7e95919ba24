// The block-wise parser must agree with a full parse of the same text, after any edit.
import * as assert from 'assert';
import fc from 'fast-check';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import type { PlanModel } from './model';
import { PlanWorkspace } from './documents';
import { parseFull, PlanParser } from './parse';
import { LineIndex } from './text';
import { ERRORS, ICE, MEASURE_ERRORS, MEASURES } from './test-util';
import { LAST_GOAL_ERRORS, planShape, renderPlan } from './test-shapes';

/**
 * Everything a user can observe of a model: diagnostics, the items with their spans, and what the
 * editor shows from the model (the outline's symbols and the folding ranges, with their ends).
 */
function observable(m: PlanModel) {
  const doc = { uri: 'file:///work/p.plan.yaml', version: 1, text: m.text, model: m, lines: new LineIndex(m.text) };
  return {
    symbols: provideDocumentSymbols(doc),
    folding: provideFoldingRanges(doc),
    diagnostics: m.diagnostics.map((d) => [d.code, d.severity, d.span.start, d.span.end, d.message, d.related?.map((r) => [r.span.start, r.span.end])]),
    items: m.items.map((i) => [i.kind, i.id?.text, i.id?.span.start, i.span.start, i.span.end, i.title, i.titleSpan?.start, i.refs.map((r) => [r.field, r.target.text, r.target.span.start, r.measure?.index]),
      i.measures?.map((x) => [x.id?.text, x.id?.span.start, x.span.start, x.span.end, x.fields.map((f) => [f.key, f.keySpan.start, f.valueSpan.end]), x.baseline?.year?.span.start, x.baseline?.value?.span.start,
        [...x.targets, ...x.results].map((y) => [y.year.text, y.year.span.start, y.value?.text, y.value?.span.start, y.value?.span.end])]),
      i.milestones?.map((x) => [x.title, x.due?.text, x.due?.span.start, x.span.start, x.span.end, x.fields.map((f) => [f.key, f.keySpan.start, f.valueSpan.end])])]),
    units: m.units.map((u) => [u.id?.text, u.span.start, u.span.end]),
    sections: m.sections.map((s) => [s.key, s.keySpan.start]),
  };
}

const FRAGMENTS = [
  ' ', '\n', '\r\n', '\t', '-', ':', ': ', '"', "'", '#', '[', ']', '{', '}', ',', 'a', 'Z', '1', '.', '9',
  '  - id: "9"\n    title: New\n', '      - id: "1.9"\n        title: O\n', 'goals:\n', 'titel: x\n', 'title: Dup\n',
  '&a ', '*a', '<<: *a\n', '---\n', '...\n', '%YAML 1.2\n', '? ', '!!str ', '|\n', '>-\n', 'é', '😀', 'related: ["2.2"]\n', 'aligns: [DHS 2.3]\n', '    aligns: DHS 1\n',
  '<<<<<<< HEAD\n', '=======\n', '>>>>>>> branch\n',
  // Goals on the `goals:` line, and a goal's YAML broken (see test-shapes.ts).
  'goals: [', 'goals: [{ id: "1", title: A }]\n', ']\n', '  ]\n', '{ id: "4" }, ', ' &g', ' !!seq', 'goals: &g\n', 'goals: !!seq\n', ' # c',
  ...LAST_GOAL_ERRORS.map((l) => '    ' + l.replace(/\n/g, '\n    ') + '\n'),
];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })),
  lineStart: fc.boolean(),
});

function apply(text: string, e: { at: number; del: number; insert: string; lineStart: boolean }): string {
  let pos = Math.floor(e.at * text.length);
  if (e.lineStart) pos = text.lastIndexOf('\n', pos - 1) + 1;
  return text.slice(0, pos) + e.insert + text.slice(Math.min(text.length, pos + e.del));
}

describe('incremental parsing agrees with a full parse', () => {
  for (const [name, start] of [['the ICE plan', ICE], ['the error sample', ERRORS], ['the measures sample', MEASURES], ['the measures error sample', MEASURE_ERRORS]] as const) {
    it(`after every edit of a random edit sequence on ${name}`, function () {
      this.timeout(120000);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
          const parser = new PlanParser();
          let text = start;
          parser.parse(text);
          for (const e of edits) {
            text = apply(text, e);
            assert.deepStrictEqual(observable(parser.parse(text)), observable(parseFull(text)));
          }
        }),
        { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 20261125 },
      );
    });
  }

  it('on plans whose goals are a flow list, anchored, tagged, commented or end in a YAML error, before and after random edits', function () {
    this.timeout(120000);
    fc.assert(
      fc.property(planShape, fc.array(edit, { maxLength: 6 }), (shape, edits) => {
        const parser = new PlanParser();
        let text = renderPlan(shape);
        assert.deepStrictEqual(observable(parser.parse(text)), observable(parseFull(text)));
        for (const e of edits) {
          text = apply(text, e);
          assert.deepStrictEqual(observable(parser.parse(text)), observable(parseFull(text)));
        }
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 200), seed: 20261125 },
    );
  });

  it('reports a missing `planwright` and `title` block by block as in one document when the plan holds only goals', () => {
    for (const text of ['goals:\n  - id: "1"\n    title: A\n', '# a plan\ngoals:\n- id: "1"\n  title: A\n']) {
      const m = new PlanParser().parse(text);
      assert.strictEqual(m.parseMode, 'blocks');
      assert.deepStrictEqual(m.diagnostics.map((d) => d.message), ['The plan has no `planwright`. Add `planwright:` with a value.', 'The plan has no `title`. Add `title:` with a title.']);
      assert.deepStrictEqual(observable(m), observable(parseFull(text)));
    }
  });

  it('ends a goal whose last list is closed by a comment where a full parse ends it, at the next goal\'s dash', () => {
    // yaml's ranges that reach the end of the goal run on over the next entry's indentation.
    const text = 'planwright: 1\ntitle: T\ngoals:\n  - id: "1"\n    title: A\n    objectives:\n      - id: "1.1"\n        title: O\n      # after the objectives\n  - id: "2"\n    title: B\n';
    const m = new PlanParser().parse(text);
    assert.strictEqual(m.parseMode, 'blocks');
    assert.strictEqual(m.goals[0].span.end, text.indexOf('- id: "2"'));
    assert.deepStrictEqual(observable(m), observable(parseFull(text)));
  });

  it('reuses the other goals when a goal is inserted, deleted or moved, and agrees with a full parse', () => {
    const goals = ICE.split(/(?=^  - id: "\d")/m);
    const head = goals.shift()!;
    const parser = new PlanParser();
    parser.parse(ICE);
    const variants = [
      head + goals[0] + '  - id: "9"\n    title: Inserted\n' + goals.slice(1).join(''),
      head + goals.slice(1).join(''),
      head + [goals[1], goals[0], ...goals.slice(2)].join(''),
      ICE,
    ];
    for (const text of variants) {
      const m = parser.parse(text);
      assert.strictEqual(m.parseMode, 'blocks');
      assert.deepStrictEqual(observable(m), observable(parseFull(text)));
      assert.deepStrictEqual(m.items.map((i) => i.path.join('/')), parseFull(text).items.map((i) => i.path.join('/')));
    }
    assert.ok(parser.stats.reused >= 4, JSON.stringify(parser.stats));
  });

  it('reuses the goals read before a half-typed line once it is finished', () => {
    const parser = new PlanParser();
    parser.parse(ICE);
    // A document marker between goals: the splitter cannot tell blocks apart, the whole text is read.
    const broken = ICE.replace('  - id: "2"\n', '---\n  - id: "2"\n');
    assert.strictEqual(parser.parse(broken).parseMode, 'full');
    parser.parse(ICE);
    // All five: the four untouched ones, and the one whose text is back to what it was.
    assert.deepStrictEqual({ mode: parser.stats.mode, reused: parser.stats.reused }, { mode: 'blocks', reused: 5 });
  });

  it('reads a goal with a YAML error on its own when the error stays inside it', () => {
    const parser = new PlanParser();
    parser.parse(ICE);
    for (const broken of [ICE.replace('title: Develop Employees', 'title: Develop: Employees'), ICE.replace('title: Develop Employees', 'title: "Develop Employees')]) {
      const m = parser.parse(broken);
      assert.strictEqual(m.parseMode, 'blocks');
      assert.deepStrictEqual(observable(m), observable(parseFull(broken)));
      assert.ok(m.diagnostics.some((d) => d.code === 'yaml-syntax'));
    }
  });

  it('reads the whole text when a YAML error would spill into the next goal', () => {
    const parser = new PlanParser();
    parser.parse(ICE);
    const broken = ICE.replace('related: ["1.3", "3.1.1"]', 'related: ["1.3", "3.1.1"').replace(/related: \[("[^"]+"(, )?)+\]/, (m) => m.slice(0, -1));
    const m = parser.parse(broken);
    assert.deepStrictEqual(observable(m), observable(parseFull(broken)));
  });

  it('reuses unchanged goals when a title is edited', () => {
    const parser = new PlanParser();
    parser.parse(ICE);
    const m = parser.parse(ICE.replace('Develop Employees', 'Develop All Employees'));
    assert.strictEqual(m.parseMode, 'blocks');
    assert.strictEqual(parser.stats.reused, 4);
    assert.deepStrictEqual(observable(m), observable(parseFull(ICE.replace('Develop Employees', 'Develop All Employees'))));
  });

  it('a read stopped before it says it changes the previous model leaves that model as it was; finished or abandoned for another text, it agrees with a full parse (property)', function () {
    this.timeout(120000);
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.nat({ max: 6 }), fc.boolean()), { minLength: 1, maxLength: 8 }), (steps) => {
        const parser = new PlanParser();
        let text = ICE;
        let model = parser.parse(text);
        for (const [e, k, finish] of steps) {
          const next = apply(text, e);
          const read = parser.read(next);
          let r = read.next();
          let changed = !r.done && r.value;
          for (let i = 0; i < k && !r.done && !changed; i++) {
            r = read.next();
            changed = !r.done && r.value;
          }
          if (!r.done && !changed) {
            // Stopped between goals: what the editor still shows is the previous version, intact.
            assert.deepStrictEqual(observable(model), observable(parseFull(text)));
            if (finish) while (!r.done) r = read.next();
            else read.return(undefined as never);
          }
          // Once it says it has begun changing the previous model, a read is finished.
          while (!r.done && changed) r = read.next();
          model = r.done && r.value ? r.value : parser.parse(next);
          text = next;
          assert.deepStrictEqual(observable(model), observable(parseFull(text)));
        }
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 17017 },
    );
  });

  it('a workspace update with a deadline answers later, keeping the previous version until a call with the same text finishes it', () => {
    const ws = new PlanWorkspace();
    const uri = 'file:///w.plan.yaml';
    const first = ws.update(uri, ICE, 1);
    const edited = ICE.replace('Develop Employees', 'Develop All Employees').replace('  - id: "2"\n', '  - id: "2"\n    description: moved\n');
    // A deadline already past: one step, then the read stops.
    assert.strictEqual(ws.update(uri, edited, 2, undefined, -1), undefined);
    assert.strictEqual(ws.isReading(uri), true);
    assert.strictEqual(ws.get(uri), first);
    assert.deepStrictEqual(observable(first.model), observable(parseFull(ICE)));
    const done = ws.update(uri, edited, 3);
    assert.strictEqual(ws.isReading(uri), false);
    assert.strictEqual(done.version, 3);
    assert.deepStrictEqual(observable(done.model), observable(parseFull(edited)));
  });
});
