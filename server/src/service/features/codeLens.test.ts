import * as assert from 'assert';
import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { PlanWorkspace } from '../documents';
import { ICE, ICE_URI, lines, load, MERGED, textAt } from '../test-util';
import { provideCodeLenses, SHOW_REFERENCES } from './codeLens';
import { createLanguageService } from '../index';

function summary(doc: PlanDocument, lenses: CodeLens[]): string[] {
  return lenses.map((l) => `${textAt(doc, l.range)}: ${l.command!.title}`);
}

describe('code lenses', () => {
  describe('on the ICE plan', () => {
    const { doc } = load(ICE, ICE_URI);
    const lenses = provideCodeLenses(doc, [doc]);

    it('counts lead and support entries on each unit and related entries on each goal and objective, and shows nothing above those no entry names', () => {
      assert.deepStrictEqual(summary(doc, lenses), [
        'OD: 3 references',
        'ERO: 6 references',
        'HSI: 10 references',
        'M&A: 5 references',
        'OPLA: 2 references',
        'OPR: 2 references',
        '"2.1": 1 reference',
        '"2.2": 2 references',
        '"4.2": 3 references',
        '"5.4": 1 reference',
      ]);
    });

    it('gives no code lenses when the planwright.codeLens.enabled setting is off, and gives them again when it is on', () => {
      const service = createLanguageService();
      service.update(ICE_URI, ICE, 1);
      assert.strictEqual(service.getCodeLenses(ICE_URI).length, 10);
      service.configure({ codeLens: { enabled: false } });
      assert.deepStrictEqual(service.getCodeLenses(ICE_URI), []);
      service.configure({ codeLens: { enabled: true } });
      assert.strictEqual(service.getCodeLenses(ICE_URI).length, 10);
    });

    it('opens the references peek at the number with the places that name it', () => {
      const lens = lenses.find((l) => textAt(doc, l.range) === '"4.2"')!;
      assert.deepStrictEqual(lens.range, { start: { line: 529, character: 12 }, end: { line: 529, character: 17 } });
      assert.strictEqual(lens.command!.command, SHOW_REFERENCES);
      assert.strictEqual(SHOW_REFERENCES, 'planwright.showReferences');
      const [uri, position, locations] = lens.command!.arguments as [string, unknown, Location[]];
      assert.strictEqual(uri, ICE_URI);
      assert.deepStrictEqual(position, { line: 529, character: 12 });
      assert.deepStrictEqual(locations.map((l) => [l.uri, l.range.start.line, textAt(doc, l.range)]), [
        [ICE_URI, 464, '"4.2"'],
        [ICE_URI, 521, '"4.2"'],
        [ICE_URI, 604, '"4.2"'],
      ]);
    });

    it('lists a unit named in a flow list by the entry itself', () => {
      const opla = lenses.find((l) => textAt(doc, l.range) === 'OPLA')!;
      const locations = opla.command!.arguments![2] as Location[];
      assert.deepStrictEqual(locations.map((l) => l.range), [
        { start: { line: 427, character: 20 }, end: { line: 427, character: 24 } },
        { start: { line: 463, character: 23 }, end: { line: 463, character: 27 } },
      ]);
      assert.deepStrictEqual(locations.map((l) => textAt(doc, l.range)), ['OPLA', 'OPLA']);
    });
  });

  it('counts entries of other plans for a unit unless that plan defines the unit itself', () => {
    const ws = new PlanWorkspace();
    const home = ws.update('file:///work/home.plan.yaml', lines('units:', '  - { id: ERO, name: Enforcement }', 'goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: ERO }'));
    const user = ws.update('file:///work/user.plan.yaml', lines('goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: [ERO], support: ERO }'));
    const own = ws.update('file:///work/own.plan.yaml', lines('units:', '  - { id: ERO, name: Other }', 'goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: ERO }'));
    const [ero] = provideCodeLenses(home, ws.all());
    assert.strictEqual(textAt(home, ero.range), 'ERO');
    assert.strictEqual(ero.command!.title, '3 references');
    const locations = ero.command!.arguments![2] as Location[];
    assert.deepStrictEqual(locations.map((l) => l.uri), ['file:///work/home.plan.yaml', 'file:///work/user.plan.yaml', 'file:///work/user.plan.yaml']);
    assert.deepStrictEqual(locations.map((l) => textAt(user, l.range)).slice(1), ['ERO', 'ERO']);
    // `own` resolves its entry to its own ERO; `user` names an ERO defined elsewhere, which both define.
    const [ownEro] = provideCodeLenses(own, ws.all());
    assert.strictEqual(ownEro.command!.title, '3 references');
    assert.deepStrictEqual((ownEro.command!.arguments![2] as Location[]).map((l) => l.uri), ['file:///work/own.plan.yaml', 'file:///work/user.plan.yaml', 'file:///work/user.plan.yaml']);
  });

  it('puts no lens on sub-objectives or on items without a number', () => {
    const { doc } = load(lines(
      'goals:',
      '  - title: No number',
      '    objectives:',
      '      - id: "1.1"',
      '        subobjectives:',
      '          - id: "1.1.1"',
      '            related: "1.1"',
    ));
    assert.deepStrictEqual(summary(doc, provideCodeLenses(doc, [doc])), ['"1.1": 1 reference']);
  });

  it('places the lens in UTF-16 characters on CRLF lines with non-ASCII text', () => {
    const text = ['goals:', '  - id: "1"', '    objectives:', '      - { title: "Été 😀", id: "1.1" }', '      - { id: "1.2", title: 安全, related: ["1.1"] }', ''].join('\r\n');
    const { doc } = load(text);
    const lenses = provideCodeLenses(doc, [doc]);
    assert.strictEqual(lenses.length, 1);
    assert.deepStrictEqual(lenses[0].range, { start: { line: 3, character: 31 }, end: { line: 3, character: 36 } });
    assert.strictEqual(lenses[0].command!.title, '1 reference');
    const [loc] = lenses[0].command!.arguments![2] as Location[];
    assert.deepStrictEqual(loc.range, { start: { line: 4, character: 42 }, end: { line: 4, character: 47 } });
    assert.strictEqual(textAt(doc, loc.range), '"1.1"');
  });

  it('does not throw on half-typed or broken plans', () => {
    const texts = ['', 'goals:\n  -', 'goals:\n  - id:', 'goals:\n  - id: "1\n', 'goals:\n  - id: "1"\n    objectives:\n      - id: "1.1"\n        related: [', 'units:\n  - id:\n  - { id: A }\n  - { id: A }\n', 'goals:\n  - { id: "1", title: x, objectives: [{ id: "1.1", lead: A }] }\n'];
    const docs = texts.map((t, i) => load(t, `file:///work/b${i}.plan.yaml`).doc);
    for (const d of docs) provideCodeLenses(d, docs);
    assert.deepStrictEqual(summary(docs[5], provideCodeLenses(docs[5], docs)), ['A: 1 reference']);
  });

  it('counts an entry that objectives share through `<<: *base` or `*rel` once', () => {
    const { doc } = load(MERGED);
    const counts = summary(doc, provideCodeLenses(doc, [doc]));
    assert.ok(counts.includes('OPERATIONS: 1 reference'), counts.join(', '));
    assert.ok(counts.includes('"2.3": 1 reference'), counts.join(', '));
  });
});
