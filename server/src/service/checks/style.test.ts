import * as assert from 'assert';
import fc from 'fast-check';
import * as v8 from 'v8';
import * as vm from 'vm';
import { generatePlan } from '../../../../test/bench/generate';
import { readRuleConfig } from '../config';
import { createLanguageService } from '..';
import { applyEdits } from '../edits';
import { planDiagnostics } from '../features/diagnostics';
import type { PlanModel } from '../model';
import { parseFull, PlanParser } from '../parse';
import { ICE, lines, load } from '../test-util';
import { checkStyle, restyle, STYLE_CODES, styleStats, titleStyle } from './style';

function found(text: string, rules: string) {
  const { ws, doc } = load(text, 'file:///w/p.plan.yaml');
  const s = readRuleConfig(rules).settings;
  ws.rulesFor = () => s;
  return planDiagnostics(ws, doc).map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end), d.message]);
}

const PLAN = lines(
  'planwright: 1',
  'title: Harbor Plan',
  'mission: TBD',
  'units:',
  '  - { id: OPS, name: Operations }',
  'goals:',
  '  - id: "1"',
  '    title: Keep Cargo Moving',
  '    description: Cargo moves.',
  '    objectives:',
  '      - id: "1.1"',
  '        title: Shorten Berth Waiting Times',
  '        description: |',
  '          First line.',
  '          Then lorem  ipsum, todo later.',
  '        lead: OPS',
  '  - id: "2"',
  '    title: Secure the Waterfront',
  '    description: Safe.',
  '    objectives:',
  '      - id: "2.1"',
  '        title: Keep cargo moving',
  '        description: XXXL is not a placeholder; XXX is.',
  '      - id: "2.2"',
  '        title: Train Harbor Patrols for the Long Winter Nights Ahead',
  '        description: d',
  '        lead: OPS',
);

describe('style rules (checks/style.ts)', () => {
  it('are off by default: a plan full of style problems reports none of them', () => {
    const { ws, doc } = load(PLAN);
    assert.deepStrictEqual(planDiagnostics(ws, doc).filter((d) => STYLE_CODES.includes(d.code)), []);
  });

  it('objective-lead-missing: an objective with no `lead`, on its number', () => {
    assert.deepStrictEqual(found(PLAN, 'rules: { objective-lead-missing: warning }'), [
      ['objective-lead-missing', 'warning', '"2.1"', 'Objective 2.1 names no lead unit. Add `lead:` with the id of the unit accountable for it.'],
    ]);
  });

  it('title-too-long: a title over `max` characters (100 unless set), on the title', () => {
    assert.deepStrictEqual(found(PLAN, 'rules: { title-too-long: warning }'), []);
    assert.deepStrictEqual(found(PLAN, 'rules: { title-too-long: { level: hint, max: 40 } }'), [
      ['title-too-long', 'hint', 'Train Harbor Patrols for the Long Winter Nights Ahead', 'The title of objective 2.2 is 53 characters long, more than 40. Shorten it and move the detail into `description`.'],
    ]);
  });

  it('description-missing: an item with no description', () => {
    const t = PLAN.replace('        description: d\n', '');
    assert.deepStrictEqual(found(t, 'rules: { description-missing: information }').map((d) => [d[0], d[2]]), [['description-missing', '"2.2"']]);
  });

  it('title-duplicate: two items with the same title (any case and spacing), on the second, pointing at the first', () => {
    const { ws, doc } = load(PLAN);
    const s = readRuleConfig('rules: { title-duplicate: warning }').settings;
    ws.rulesFor = () => s;
    const [d] = planDiagnostics(ws, doc);
    assert.strictEqual(d.message, 'Objective 2.1 has the same title as goal 1 ("Keep cargo moving"). Give each item a title of its own.');
    assert.strictEqual(PLAN.slice(d.related![0].span.start, d.related![0].span.end), 'Keep Cargo Moving');
  });

  it('goal-single-objective: a goal with one objective', () => {
    assert.deepStrictEqual(found(PLAN, 'rules: { goal-single-objective: warning }').map((d) => [d[2], d[3]]), [['"1"', 'Goal 1 has a single objective (1.1). Split it in two, or merge it into the goal.']]);
  });

  it('placeholder-text: TBD, TODO, XXX, lorem ipsum as whole words in any case, in any text of the plan, on the word', () => {
    assert.deepStrictEqual(found(PLAN, 'rules: { placeholder-text: warning }').map((d) => [d[2], d[3]]), [
      ['TBD', '"TBD" is placeholder text left in `mission`. Write what it stands for before the plan is shared.'],
      ['lorem  ipsum', '"lorem ipsum" is placeholder text left in `description`. Write what it stands for before the plan is shared.'],
      ['todo', '"todo" is placeholder text left in `description`. Write what it stands for before the plan is shared.'],
      ['XXX', '"XXX" is placeholder text left in `description`. Write what it stands for before the plan is shared.'],
    ]);
  });

  it('placeholder-text inside multi-line text is silenced by a disable comment above its key', () => {
    const t = PLAN.replace('        description: |\n', '        # planwright-disable-next-line placeholder-text\n        description: |\n');
    assert.deepStrictEqual(found(t, 'rules: { placeholder-text: warning }').map((d) => d[2]), ['TBD', 'XXX']);
  });

  it('title-capitalization: titles not in the prevailing style (majority of Title Case vs Sentence case), with the rewrite', () => {
    assert.deepStrictEqual(found(PLAN, 'rules: { title-capitalization: information }'), [
      ['title-capitalization', 'information', 'Keep cargo moving', 'Most titles of this plan are in Title Case (4 of 5); this one is in Sentence case. Write it as "Keep Cargo Moving".'],
    ]);
  });

  it('title case keeps small words lower inside a title, acronyms and names with inner capitals as written', () => {
    assert.strictEqual(restyle('improve access to care and the HIV program of eGov', 'title'), 'Improve Access to Care and the HIV Program of eGov');
    assert.strictEqual(restyle('Improve Access to Care', 'sentence'), 'Improve access to care');
    assert.strictEqual(restyle('Where We Come From', 'title'), 'Where We Come From');
    assert.strictEqual(titleStyle('Improve Access to Care'), 'title');
    assert.strictEqual(titleStyle('Improve access to Medicaid'), 'sentence');
    assert.strictEqual(titleStyle('Improve HIV'), undefined);
  });

  it('the rewrite is a quick fix that keeps the quoting', () => {
    const t = PLAN.replace('title: Keep cargo moving', 'title: "Keep cargo moving"');
    const service = createLanguageService();
    const s = readRuleConfig('rules: { title-capitalization: warning }').settings;
    service.workspace.rulesFor = () => s;
    const uri = 'file:///w/p.plan.yaml';
    service.update(uri, t, 1);
    const [d] = service.getDiagnostics(uri);
    const fix = service.getCodeActions(uri, d.range, [d]).find((a) => a.title === 'Write the title as "Keep Cargo Moving"')!;
    assert.ok(fix.isPreferred);
    assert.ok(applyEdits(t, fix.edit!.changes![uri]).includes('title: "Keep Cargo Moving"'));
  });

  it('every style rule on over the ICE plan: each finding is an exact range of its text, no exception', () => {
    const all = `rules:\n${STYLE_CODES.map((c) => `  ${c}: warning`).join('\n')}\n`;
    const f = found(ICE, all);
    assert.ok(f.length > 0);
    for (const [code, , text] of f) assert.ok(text, `${code} has an empty range`);
  });

  describe('findings kept with reused goals', () => {
    const every = readRuleConfig(`rules:\n${STYLE_CODES.map((c) => `  ${c}: warning`).join('\n')}\n`).settings;
    /** Every finding with its place, words and data, in order. */
    const seen = (m: PlanModel) =>
      checkStyle(m, every)
        .map((d) => JSON.stringify([d.span.start, d.span.end, d.code, d.severity, d.message, d.related?.map((r) => [r.span.start, r.span.end, r.message]), d.anchor, d.data]))
        .sort();
    const FRAGMENTS = [
      ' ', '\n', 'a', 'Z', '1', '"', ':', '-', 'TBD', ' todo ', 'lorem ipsum', 'é', '😀', '\r\n',
      '  - id: "9"\n    title: New goal to do\n', '      - id: "1.9"\n        title: Protect The Homeland\n',
      '        title: enhance the workforce\n', '    description: XXX\n', '        lead: OPS\n', 'title: Dup\n',
    ];
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.nat({ max: 30 }),
      insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4 })),
      lineStart: fc.boolean(),
    });
    const apply = (text: string, e: { at: number; del: number; insert: string; lineStart: boolean }) => {
      let pos = Math.floor(e.at * text.length);
      if (e.lineStart) pos = text.lastIndexOf('\n', pos - 1) + 1;
      return text.slice(0, pos) + e.insert + text.slice(Math.min(text.length, pos + e.del));
    };

    it('equal a fresh check of a full parse after every edit of a random edit sequence on the ICE plan (property)', function () {
      this.timeout(120000);
      let reused = 0;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
          const parser = new PlanParser();
          let text = ICE;
          seen(parser.parse(text));
          for (const e of edits) {
            text = apply(text, e);
            const kept = seen(parser.parse(text));
            reused += styleStats.reused;
            assert.deepStrictEqual(kept, seen(parseFull(text)));
          }
        }),
        { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 20261201 },
      );
      // The property is about the cache: most goals must have been taken from it.
      assert.ok(reused > 20, `only ${reused} goals reused`);
    });

    it('a goal inserted above the others checks only that goal and moves the findings of those below to their new place', () => {
      const parser = new PlanParser();
      seen(parser.parse(ICE));
      const at = ICE.indexOf('  - id: "1"');
      const text = ICE.slice(0, at) + '  - id: "0"\n    title: A New goal TBD\n' + ICE.slice(at);
      const after = seen(parser.parse(text));
      assert.strictEqual(styleStats.checked, 1);
      assert.ok(styleStats.reused > 1);
      assert.deepStrictEqual(after, seen(parseFull(text)));
    });
  });

  it('the findings of every rule over a generated 63k-line plan, and what is kept to check it again, hold under 400 bytes of heap each', function () {
    // With every style rule on, the 63k plan has 29,000 findings, kept while their goals are; the
    // server's V8 heap grows by half of what it keeps, so each of them counts about three times in
    // its peak memory. Their messages were trees of string pieces (~550 bytes per finding here).
    this.timeout(60000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const every = readRuleConfig(`rules:\n${STYLE_CODES.map((c) => `  ${c}: warning`).join('\n')}\n`).settings;
    checkStyle(new PlanParser().parse(generatePlan({ goals: 3, objectives: 2, subobjectives: 2 }).text), every); // the code compiled
    const model = new PlanParser().parse(generatePlan({ goals: 200, objectives: 10, subobjectives: 8 }).text);
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const found = checkStyle(model, every);
    gc();
    gc();
    const each = (process.memoryUsage().heapUsed - before) / found.length;
    assert.ok(found.length > 25000, `${found.length} findings`);
    assert.ok(each < 400, `${each.toFixed(0)} bytes per finding`);
    assert.ok(model.items.length > 0); // the model (and with it the kept findings) is alive until here
  });
});

