import * as assert from 'assert';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { parseFull } from '../parse';
import { ICE, ICE_URI, lines, load, MEASURES, textAt } from '../test-util';
import { LineIndex } from '../text';
import { createLanguageService } from '..';
import { provideDocumentSymbols } from './documentSymbols';

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** The same text read as one yaml document instead of block by block. */
function fullDoc(text: string): PlanDocument {
  return { uri: 'file:///work/full.plan.yaml', version: 1, text, model: parseFull(text), lines: new LineIndex(text) };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function inside(inner: Range, outer: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('document symbols', () => {
  describe('of the ICE plan', () => {
    const { doc } = load(ICE, ICE_URI);
    const symbols = provideDocumentSymbols(doc);
    const all = flatten(symbols);

    it('lists mission, vision, values and units, then the 5 goals, in document order', () => {
      assert.deepStrictEqual(
        symbols.map((s) => s.name),
        [
          'mission',
          'vision',
          'values',
          'units',
          '1 Empower the Workforce that Powers the Mission',
          '2 Counter Threats and Protect the Homeland',
          '3 Safeguard the Integrity of our Immigration System',
          '4 Combat Organizations that Exploit Lawful Trade, Travel, and Financial Systems',
          '5 Strengthen and Expand Partnerships to Advance the Mission',
        ],
      );
    });

    it('has exactly 5 goals, 17 objectives and 53 sub-objectives, each under its parent', () => {
      assert.strictEqual(all.filter((s) => s.detail === 'Goal').length, 5);
      assert.strictEqual(all.filter((s) => s.detail === 'Objective').length, 17);
      assert.strictEqual(all.filter((s) => s.detail === 'Sub-objective').length, 53);
      for (const g of symbols.slice(4)) {
        assert.strictEqual(g.kind, SymbolKind.Module);
        for (const o of g.children!) {
          assert.strictEqual(o.detail, 'Objective');
          assert.strictEqual(o.kind, SymbolKind.Class);
          assert.ok(o.name.startsWith(g.name.split(' ')[0] + '.'), o.name);
          for (const s of o.children!) {
            assert.strictEqual(s.kind, SymbolKind.Method);
            assert.ok(s.name.startsWith(o.name.split(' ')[0] + '.'), s.name);
          }
        }
      }
    });

    it('spans a goal from its id to the last line of its last sub-objective, and selects its number', () => {
      const g = symbols[4];
      assert.strictEqual(g.detail, 'Goal');
      assert.deepStrictEqual(g.range, r(125, 4, 272, 92));
      assert.deepStrictEqual(g.selectionRange, r(125, 8, 125, 11));
      assert.strictEqual(textAt(doc, g.selectionRange), '"1"');
      const text = textAt(doc, g.range);
      assert.ok(text.startsWith('id: "1"\n    title: Empower the Workforce'), text.slice(0, 40));
      assert.ok(text.endsWith('title: Transform the Workplace to Maximize Mobility, Flexibility, and Efficiency'), text.slice(-60));
    });

    it('names an objective by number and title and ends it before the next objective', () => {
      const o = symbols[4].children![0];
      assert.strictEqual(o.name, '1.1 Recruit, Hire, and Retain a Diverse and Highly Capable Workforce');
      assert.deepStrictEqual(o.range, r(149, 8, 180, 124));
      assert.strictEqual(textAt(doc, o.selectionRange), '"1.1"');
      assert.ok(textAt(doc, o.range).endsWith('Expand Strategic Information Technology Planning and Solutions to Support a Mobile and Flexible Workforce'));
    });

    it('ends the last goal at the last character of the plan, before the final line break', () => {
      const last = symbols[8];
      assert.deepStrictEqual(last.range.end, r(738, 104, 738, 104).end);
      assert.strictEqual(doc.lines.offsetAt(last.range.end), ICE.length - 1);
    });

    it('lists each unit as "id — name" with its kind, selecting its id', () => {
      const units = symbols[3];
      assert.strictEqual(units.detail, '6 units');
      assert.strictEqual(units.kind, SymbolKind.Namespace);
      assert.deepStrictEqual(units.children!.map((u) => u.name), [
        'OD — Office of the Director',
        'ERO — Enforcement and Removal Operations',
        'HSI — Homeland Security Investigations',
        'M&A — Management and Administration',
        'OPLA — Office of the Principal Legal Advisor',
        'OPR — Office of Professional Responsibility',
      ]);
      const ero = units.children![1];
      assert.strictEqual(ero.detail, 'directorate');
      assert.deepStrictEqual(ero.range, r(53, 4, 66, 20));
      assert.strictEqual(textAt(doc, ero.selectionRange), 'ERO');
      assert.ok(textAt(doc, ero.range).endsWith('ordered removed from the\n      United States.'));
      assert.deepStrictEqual(units.range, r(42, 0, 120, 31));
      assert.strictEqual(textAt(doc, units.selectionRange), 'units');
    });

    it('lists the values by name under "values"', () => {
      const values = symbols[2];
      assert.deepStrictEqual(values.children!.map((v) => v.name), ['Integrity', 'Courage', 'Excellence']);
      assert.strictEqual(textAt(doc, values.children![1].selectionRange), 'Courage');
      assert.deepStrictEqual(values.range, r(34, 0, 40, 116));
    });

    it('shows the mission text as the detail of "mission"', () => {
      assert.strictEqual(symbols[0].detail, 'To protect America from national security and public safety threats by enforcing immigration and customs laws.');
      assert.deepStrictEqual(symbols[0].range, r(31, 0, 31, 119));
      assert.strictEqual(textAt(doc, symbols[0].selectionRange), 'mission');
    });

    it('keeps every selection range inside its range, and every child inside its parent', () => {
      const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(s.name.length > 0);
        assert.ok(inside(s.selectionRange, s.range), `${s.name}: ${JSON.stringify(s.selectionRange)} not in ${JSON.stringify(s.range)}`);
        if (parent) assert.ok(inside(s.range, parent.range), `${s.name} sticks out of ${parent.name}`);
        for (const c of s.children ?? []) check(c, s);
      };
      symbols.forEach((s) => check(s));
      assert.strictEqual(all.length, 4 + 3 + 6 + 5 + 17 + 53);
    });

    it('gives the same symbols whether the plan is read block by block or as one document', () => {
      assert.deepStrictEqual(provideDocumentSymbols(fullDoc(ICE)), symbols);
    });
  });

  it('leaves trailing comments and blank lines out of an item', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - id: "1.1"',
      '        title: B',
      '        # after B',
      '',
      '    # after the objectives',
      '  # before goal 2',
      '  - id: "2"',
      '    title: C',
      '# the end',
    ));
    const [g1, g2] = provideDocumentSymbols(doc);
    assert.deepStrictEqual(g1.range, r(1, 4, 5, 16));
    assert.deepStrictEqual(g1.children![0].range, r(4, 8, 5, 16));
    assert.deepStrictEqual(g2.range, r(10, 4, 11, 12));
    assert.strictEqual(textAt(doc, g2.range), 'id: "2"\n    title: C');
  });

  it('keeps a `#` line that is part of a description', () => {
    const { doc } = load(lines('goals:', '  - id: "1"', '    description: |', '      Steps:', '      # one', '    # a comment', '  - id: "2"'));
    const [g1] = provideDocumentSymbols(doc);
    assert.strictEqual(textAt(doc, g1.range), 'id: "1"\n    description: |\n      Steps:\n      # one');
  });

  it('names items without a title by number, and items without a number by their kind', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    objectives:',
      '      - title: Unnumbered',
      '      - description: Nothing else',
      '        lead: OPS',
    ));
    const [g] = provideDocumentSymbols(doc);
    assert.strictEqual(g.name, '1');
    assert.deepStrictEqual(g.children!.map((c) => c.name), ['(unnumbered objective) Unnumbered', '(unnumbered objective)']);
    const bare = g.children![1];
    assert.deepStrictEqual(bare.range, r(4, 8, 5, 17));
    assert.strictEqual(textAt(doc, bare.selectionRange), 'description: Nothing else');
  });

  it('selects the first line of an item whose number comes from a merged anchor', () => {
    const { doc } = load(lines(
      'base: &base',
      '  id: "1"',
      'goals:',
      '  - <<: *base',
      '    title: Merged',
    ));
    const [g] = provideDocumentSymbols(doc);
    assert.strictEqual(g.name, '1 Merged');
    assert.deepStrictEqual(g.range, r(3, 4, 4, 17));
    assert.strictEqual(textAt(doc, g.selectionRange), '<<: *base');
  });

  it('counts characters in UTF-16 code units with CRLF line ends and non-ASCII titles', () => {
    const text = ['goals:', '  - id: "1"', '    title: Sécurité — 安全 🚢', '    objectives:', '      - { id: "1.1", title: "Été 😀" }', ''].join('\r\n');
    const { doc } = load(text);
    const [g] = provideDocumentSymbols(doc);
    assert.strictEqual(g.name, '1 Sécurité — 安全 🚢');
    // "    title: " is 11 characters, "Sécurité — 安全 🚢" 16 (the ship takes two).
    assert.deepStrictEqual(g.range, r(1, 4, 4, 38));
    assert.deepStrictEqual(g.selectionRange, r(1, 8, 1, 11));
    const o = g.children![0];
    assert.strictEqual(o.name, '1.1 Été 😀');
    assert.deepStrictEqual(o.range, r(4, 8, 4, 38));
    assert.strictEqual(textAt(doc, o.range), '{ id: "1.1", title: "Été 😀" }');
    assert.strictEqual(textAt(doc, o.selectionRange), '"1.1"');
  });

  it('lists goals written on the `goals:` line: a flow list, an anchored or a tagged block list', () => {
    for (const goals of [
      'goals: [{ id: "1", title: A }, { id: "2", title: B }]',
      'goals: [\n  { id: "1", title: A },\n  { id: "2", title: B }\n  ]',
      'goals: &g\n  - id: "1"\n    title: A\n  - id: "2"\n    title: B',
      'goals: !!seq\n  - id: "1"\n    title: A\n  - id: "2"\n    title: B',
    ]) {
      const { doc } = load(lines('planwright: 1', 'title: T', goals));
      assert.deepStrictEqual(provideDocumentSymbols(doc).map((x) => x.name), ['1 A', '2 B'], goals);
    }
  });

  describe('of half-typed or broken YAML', () => {
    const broken = [
      '',
      'goals',
      'goals:\n  -',
      'goals:\n  - id:',
      'goals:\n  - id: "1\n    title: A\n',
      'goals:\n  - id: "1"\n    title: A: B\n    objectives:\n      - id: "1.1"\n        title:',
      'goals: [ { id: "1", title: A }, ',
      'goals:\n\t- id: "1"\n',
      'units:\n  - id: OPS\n    name: [Ops\n',
      'values:\n  - name: A\n  - \n',
      '- just\n- a list\n',
      'title: T\ntitle: U\nmission: M\nmission: N\n',
      'goals:\n  - &a { id: "1", objectives: [*a] }\n',
      'goals:\n  - id: "1"\n    objectives:\n      - id: "1.1"\n    # c\n      - id: "1.2"\n',
    ];
    for (const text of broken) {
      it(`does not throw and keeps selections inside ranges for ${JSON.stringify(text)}`, () => {
        const { doc } = load(text);
        const symbols = provideDocumentSymbols(doc);
        for (const s of flatten(symbols)) {
          assert.ok(s.name.length > 0);
          assert.ok(inside(s.selectionRange, s.range), `${s.name}: ${JSON.stringify(s)}`);
        }
      });
    }

    it('still lists the goals that parse around a syntax error, the one with the error read as it will be once repaired', () => {
      // `title: A: B` is read as the text "A: B" (the YAML error says to put it in quotes).
      const { doc } = load(lines('goals:', '  - id: "1"', '    title: A: B', '  - id: "2"', '    title: C'));
      const names = provideDocumentSymbols(doc).map((s) => s.name);
      assert.deepStrictEqual(names, ['1 A: B', '2 C']);
    });
  });

  it('gives after each edit the symbols a fresh read of the edited text gives, reusing unchanged goals', () => {
    const { ws, doc: first } = load(ICE, ICE_URI);
    provideDocumentSymbols(first);
    const edits: [string, string][] = [
      ['title: Counter Threats and Protect the Homeland', 'title: Counter Threats, Protect the Homeland'],
      ['    title: Empower the Workforce that Powers the Mission', '    title: Empower the Workforce\n    description: a new line above every later goal'],
      ['id: "2.2"', 'id: "2.9"'],
    ];
    let text = ICE;
    for (const [from, to] of edits) {
      text = text.replace(from, to);
      const doc = ws.update(ICE_URI, text, 2);
      const fresh = load(text, ICE_URI).doc;
      assert.deepStrictEqual(provideDocumentSymbols(doc), provideDocumentSymbols(fresh));
    }
  });

  describe('in plans larger than the limit', () => {
    const { doc } = load(ICE, ICE_URI);
    const all = flatten(provideDocumentSymbols(doc));
    const heads = all.filter((s) => !/^(Goal|Objective|Sub-objective)/.test(s.detail ?? '')).length;
    const count = (limit: number) => flatten(provideDocumentSymbols(doc, limit));

    it('lists everything when the plan fits, or the limit is 0', () => {
      assert.strictEqual(heads + 5 + 17 + 53, all.length);
      assert.deepStrictEqual(provideDocumentSymbols(doc, all.length), provideDocumentSymbols(doc));
      assert.deepStrictEqual(provideDocumentSymbols(doc, 0), provideDocumentSymbols(doc));
    });

    it('leaves out the sub-objectives first, and says on each objective how many it holds', () => {
      const symbols = count(heads + 5 + 17);
      assert.strictEqual(symbols.length, heads + 5 + 17);
      assert.ok(!symbols.some((s) => s.detail?.startsWith('Sub-objective')));
      const o11 = symbols.find((s) => s.name.startsWith('1.1 '))!;
      const subs = doc.model.itemsById.get('1.1')![0].children.length;
      assert.strictEqual(o11.detail, `Objective · ${subs} sub-objectives not listed here`);
      assert.deepStrictEqual(o11.range, all.find((s) => s.name === o11.name)!.range);
    });

    it('then the objectives, keeping every goal', () => {
      const symbols = count(heads + 5 + 16);
      assert.deepStrictEqual(symbols.filter((s) => s.detail?.startsWith('Goal')).map((s) => s.name.split(' ')[0]), ['1', '2', '3', '4', '5']);
      assert.strictEqual(symbols.length, heads + 5);
      assert.match(symbols.find((s) => s.name.startsWith('2 '))!.detail!, /^Goal · \d+ objectives not listed here$/);
    });

    it('then the last goals, never the sections before them', () => {
      const symbols = provideDocumentSymbols(doc, heads + 2);
      assert.deepStrictEqual(symbols.filter((s) => s.detail?.startsWith('Goal')).map((s) => s.name.split(' ')[0]), ['1', '2']);
      assert.strictEqual(flatten(symbols).length, heads + 2);
    });

    it('follows a changed limit in the language service', () => {
      const service = createLanguageService();
      service.update(ICE_URI, ICE, 1);
      assert.strictEqual(flatten(service.getDocumentSymbols(ICE_URI)).length, all.length);
      service.configure({ maxItemsComputed: heads + 5 });
      assert.strictEqual(flatten(service.getDocumentSymbols(ICE_URI)).length, heads + 5);
      service.configure({ maxItemsComputed: null as unknown as number });
      service.configure({ maxItemsComputed: '3' as unknown as number });
      assert.strictEqual(flatten(service.getDocumentSymbols(ICE_URI)).length, heads + 5, 'settings that are not numbers are ignored');
      service.configure({ maxItemsComputed: 0 });
      assert.strictEqual(flatten(service.getDocumentSymbols(ICE_URI)).length, all.length);
    });
  });

  describe('of measures', () => {
    it('lists each item\'s measures under it with their status for the latest year with a result, and counts them per item and goal', () => {
      const { doc } = load(MEASURES, 'file:///m.plan.yaml');
      const show = (ss: DocumentSymbol[]): unknown[] => ss.map((x) => [x.name, x.detail, ...(x.children?.length ? [show(x.children)] : [])]);
      assert.deepStrictEqual(show(provideDocumentSymbols(doc, 5000).filter((x) => x.kind === SymbolKind.Module)), [
        ['1 Parks Within Reach', 'Goal · 1 of 3 measures met in FY2027', [
          ['PM-1 Percent of residents living within a 10-minute walk of a park', 'Measure · ✗ not met in FY2027'],
          ['1.1 Open New Neighborhood Parks', 'Objective · 1 of 1 measure met in FY2026', [['PM-1.1.1 Acres of new parkland opened', 'Measure · ✓ met in FY2026']]],
          ['1.2 Keep Parks Safe and Clean', 'Objective · 1 of 1 measure met in FY2027', [['PM-1.2.1 Days to fix a reported hazard (median)', 'Measure · ✓ met in FY2027']]],
        ]],
        ['2 Libraries for Every Age', 'Goal · 2 of 2 measures met in FY2026', [
          ['2.1 Widen Library Hours', 'Objective · 2 of 2 measures met in FY2026', [
            ['PM-2.1.1 Weekly open hours across all branches', 'Measure · ✓ met in FY2026'],
            ['PM-2.1.2 Patron satisfaction with opening hours', 'Measure · ✓ met in FY2026'],
          ]],
        ]],
      ]);
      const pm = flatten(provideDocumentSymbols(doc)).find((x) => x.name.startsWith('PM-1.1.1'))!;
      assert.strictEqual(textAt(doc, pm.selectionRange), 'PM-1.1.1');
      assert.ok(textAt(doc, pm.range).startsWith('id: PM-1.1.1') && textAt(doc, pm.range).trimEnd().endsWith('2026: 5'), textAt(doc, pm.range));
    });

    it('leaves measures out, not items, when the outline would pass its limit', () => {
      const { doc } = load(MEASURES, 'file:///m.plan.yaml');
      const all = flatten(provideDocumentSymbols(doc)).length;
      const capped = flatten(provideDocumentSymbols(doc, all - 1));
      assert.strictEqual(capped.filter((x) => x.kind === SymbolKind.Number).length, 0);
      assert.strictEqual(capped.length, all - 5);
    });
  });
});

