import * as assert from 'assert';
import { provideDiagnostics } from '../features/diagnostics';
import { createLanguageService } from '../index';
import { ERRORS, ICE, ICE_URI, lines, load } from '../test-util';
import { allItems, buildPlanDocument } from './planDocument';

function docOf(text: string, uri?: string) {
  const { ws, doc } = load(text, uri);
  return buildPlanDocument(ws, doc, provideDiagnostics(ws, doc), 'fallback');
}

describe('plan document model', () => {
  describe('of the ICE plan', () => {
    const d = docOf(ICE, ICE_URI);
    const items = allItems(d.goals);

    it('holds the title, organization, period, mission, vision, values and units as the plan has them', () => {
      assert.strictEqual(d.title, 'U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025');
      assert.deepStrictEqual(d.organization, { name: 'U.S. Immigration and Customs Enforcement', acronym: 'ICE' });
      assert.strictEqual(d.period, '2021–2025');
      assert.match(d.mission!, /^To protect America/);
      assert.match(d.vision!, /^To be a premier law enforcement agency/);
      assert.deepStrictEqual(d.values.map((v) => v.name), ['Integrity', 'Courage', 'Excellence']);
      assert.deepStrictEqual(d.units.map((u) => u.id), ['OD', 'ERO', 'HSI', 'M&A', 'OPLA', 'OPR']);
      assert.strictEqual(d.units[1].name, 'Enforcement and Removal Operations');
      assert.deepStrictEqual(d.problems, { errors: 0, warnings: 0 });
    });

    it('lists the 5 goals, 17 objectives and 53 sub-objectives in order, each heading with its number and title', () => {
      assert.strictEqual(items.filter((i) => i.kind === 'goal').length, 5);
      assert.strictEqual(items.filter((i) => i.kind === 'objective').length, 17);
      assert.strictEqual(items.filter((i) => i.kind === 'subobjective').length, 53);
      assert.strictEqual(d.goals[0].heading, 'Goal 1: Empower the Workforce that Powers the Mission');
      assert.strictEqual(d.goals[0].children[0].heading, '1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce');
      assert.deepStrictEqual(d.goals[0].children[0].children.map((s) => s.number), ['1.1.1', '1.1.2', '1.1.3', '1.1.4']);
    });

    it('gives each element the 0-based line it starts on in the plan, in increasing order', () => {
      const ls = ICE.split('\n');
      assert.match(ls[d.lines.title!], /^title:/);
      assert.match(ls[d.lines.mission!], /^mission:/);
      assert.match(ls[d.goals[0].line], /- id: "?1"?$/);
      for (let i = 1; i < items.length; i++) assert.ok(items[i].line > items[i - 1].line, `${items[i].number} after ${items[i - 1].number}`);
      for (const it of items) assert.ok(ls[it.line].includes(it.number), `line of ${it.number}`);
    });

    it('names lead and support units and links related items inside the document', () => {
      const withLead = items.find((i) => i.lead.length)!;
      assert.ok(withLead.lead.every((u) => u.known && u.name !== u.id));
      const withRelated = items.find((i) => i.related.length)!;
      const target = items.find((i) => i.number === withRelated.related[0].id)!;
      assert.strictEqual(withRelated.related[0].anchor, target.anchor);
      assert.strictEqual(withRelated.related[0].title, target.title);
    });
  });

  it('counts the problems of each item in its own text, and those outside the goals apart', () => {
    const d = docOf(ERRORS);
    const [g1, g2, g3] = d.goals;
    // 1.1: the unresolved 2.9; 1.1.3: 1.1.2 missing; 1.2: no title, `titel`, OPSS (errors), unquoted 1.2 (warning).
    assert.deepStrictEqual(g1.problems, { errors: 0, warnings: 0 });
    assert.deepStrictEqual(g1.children[0].problems, { errors: 1, warnings: 0 });
    assert.deepStrictEqual(g1.children[0].children[1].problems, { errors: 1, warnings: 0 });
    assert.deepStrictEqual(g1.children[1].problems, { errors: 2, warnings: 1 });
    assert.deepStrictEqual(g2.children.map((c) => c.problems.errors), [0, 1, 1, 1]);
    assert.deepStrictEqual(g3.problems, { errors: 1, warnings: 0 });
    assert.deepStrictEqual(d.headProblems, { errors: 0, warnings: 0 });
    const all = allItems(d.goals).reduce((n, i) => n + i.problems.errors + i.problems.warnings, 0);
    assert.strictEqual(all, d.problems.errors + d.problems.warnings);
  });

  it('gives items with the same number different anchors, and a related link to an unknown number none', () => {
    const d = docOf(lines(
      'title: T',
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - { id: "1.1", title: X, related: ["1.2", "9.9"], lead: NOPE }',
      '      - { id: "1.1", title: Y }',
      '      - { id: "1.2", title: "<b>Z</b>" }',
      '  - title: No number',
    ));
    const [a, b, c] = d.goals[0].children;
    assert.strictEqual(a.anchor, 'item-1.1');
    assert.strictEqual(b.anchor, 'item-1.1-2');
    assert.deepStrictEqual(a.related, [{ id: '1.2', anchor: c.anchor, title: '<b>Z</b>' }, { id: '9.9' }]);
    assert.deepStrictEqual(a.lead, [{ id: 'NOPE', name: 'NOPE', known: false }]);
    assert.strictEqual(d.goals[1].heading, 'Goal: No number');
    assert.strictEqual(d.goals[1].anchor, 'item-goals-1');
    // The plan lacks `planwright: 1`: a problem of the plan, not of a goal.
    assert.deepStrictEqual(d.headProblems, { errors: 1, warnings: 0 });
  });

  it('takes the file name as the title of a plan without one, and the period as written', () => {
    const d = docOf(lines('period: { start: 2026, end: 2030 }', 'goals: []'));
    assert.strictEqual(d.title, 'fallback');
    assert.strictEqual(d.period, '2026–2030');
  });

  it("lists an item's own lead and support, not the lead of one of its measures", () => {
    const d = docOf(lines('planwright: 1', 'title: T', 'units:', '  - { id: OPS, name: Operations }', '  - { id: LAB, name: Laboratory }', 'goals:', '  - id: "1"', '    title: A', '    objectives:',
      '      - id: "1.1"', '        title: B', '        lead: OPS', '        measures:', '          - { id: PM-1, name: N, lead: LAB }'));
    const o = d.goals[0].children[0];
    assert.deepStrictEqual(o.lead.map((u) => u.id), ['OPS']);
    assert.deepStrictEqual(o.support, []);
  });
});

describe('plan document model, version after version', () => {
  const build = (s: ReturnType<typeof createLanguageService>, uri: string) => s.getPlanDocument(uri)!;

  it('keeps the document of every goal a keystroke did not touch, and reads the touched one again', () => {
    const s = createLanguageService();
    s.update(ICE_URI, ICE, 1);
    const before = build(s, ICE_URI);
    s.update(ICE_URI, ICE.replace('title: Target Transnational Criminal Organizations', 'title: Target Transnational Criminal Organisations'), 2);
    const after = build(s, ICE_URI);
    assert.deepStrictEqual(after.goals.map((g, i) => g === before.goals[i]), [true, true, true, false, true]);
    assert.strictEqual(after.goals[3].children[0].title, 'Target Transnational Criminal Organisations');
  });

  it('reads a goal again when an item it links to, in another goal, changes its title', () => {
    const s = createLanguageService();
    const uri = 'file:///work/links.plan.yaml';
    const text = lines(
      'planwright: 1',
      'title: T',
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - { id: "1.1", title: X, related: ["2.1"] }',
      '  - id: "2"',
      '    title: B',
      '    objectives:',
      '      - { id: "2.1", title: Old title }',
    );
    s.update(uri, text, 1);
    assert.strictEqual(build(s, uri).goals[0].children[0].related[0].title, 'Old title');
    s.update(uri, text.replace('Old title', 'New title'), 2);
    assert.strictEqual(build(s, uri).goals[0].children[0].related[0].title, 'New title');
    // And when the number it links to goes away, or comes back twice (its anchor changes).
    s.update(uri, text.replace('id: "2.1"', 'id: "2.2"'), 3);
    assert.deepStrictEqual(build(s, uri).goals[0].children[0].related, [{ id: '2.1' }]);
  });

  it('reads a goal again when a unit it names is renamed in another plan, or a problem appears in it', () => {
    const s = createLanguageService();
    const uri = 'file:///work/uses.plan.yaml';
    const units = 'file:///work/units.plan.yaml';
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: X, lead: OPS }');
    s.update(units, lines('planwright: 1', 'title: U', 'units:', '  - { id: OPS, name: Operations }', 'goals: []'), 1);
    s.update(uri, text, 1);
    assert.deepStrictEqual(build(s, uri).goals[0].children[0].lead, [{ id: 'OPS', name: 'Operations', known: true }]);
    s.update(units, lines('planwright: 1', 'title: U', 'units:', '  - { id: OPS, name: Port Operations }', 'goals: []'), 2);
    assert.deepStrictEqual(build(s, uri).goals[0].children[0].lead, [{ id: 'OPS', name: 'Port Operations', known: true }]);
    s.remove(units);
    const gone = build(s, uri).goals[0].children[0];
    assert.deepStrictEqual([gone.lead, gone.problems], [[{ id: 'OPS', name: 'OPS', known: false }], { errors: 1, warnings: 0 }]);
  });
});
