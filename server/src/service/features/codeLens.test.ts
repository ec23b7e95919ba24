import * as assert from 'assert';
import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { PlanWorkspace } from '../documents';
import { DHS, DHS_URI, ERRORS, ICE, ICE_URI, lines, load, MEASURE_ERRORS, MEASURES, MERGED, textAt } from '../test-util';
import { lensData, SHOW_REFERENCES } from './codeLens';
import { createLanguageService, type PlanLanguageService } from '../index';

/** The lenses of `uri` as an editor shows them: listed, then each resolved. */
function shown(service: PlanLanguageService, uri: string): CodeLens[] {
  return service.getCodeLenses(uri).map((l) => service.resolveCodeLens(l));
}

function summary(doc: PlanDocument, lenses: CodeLens[]): string[] {
  return lenses.map((l) => `${textAt(doc, l.range)}: ${l.command!.title}`);
}

/** A service over one plan (and the samples its `parents:` names). */
function serve(text: string, uri = 'file:///work/test.plan.yaml'): { service: PlanLanguageService; doc: PlanDocument } {
  const { ws, doc } = load(text, uri);
  return { service: createLanguageService(ws), doc };
}

describe('code lenses', () => {
  describe('on the ICE plan', () => {
    const { service, doc } = serve(ICE, ICE_URI);
    const lenses = shown(service, ICE_URI);

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

    it('lists only where the lenses go, with a few bytes of data each: no title, command or places until a lens is resolved', () => {
      const list = service.getCodeLenses(ICE_URI);
      assert.deepStrictEqual(list.map((l) => l.range), lenses.map((l) => l.range));
      for (const l of list) {
        assert.deepStrictEqual(Object.keys(l).sort(), ['data', 'range']);
        assert.ok(lensData(l), JSON.stringify(l.data));
        assert.ok(JSON.stringify(l.data).length <= 20, JSON.stringify(l.data));
      }
      assert.deepStrictEqual(list.slice(0, 2).map((l) => (l.data as unknown[]).slice(1)), [['u', 'OD'], ['u', 'ERO']]);
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

  it('resolves every lens it lists to one reference or more, on the samples', () => {
    const ws = new PlanWorkspace();
    const service = createLanguageService(ws);
    const samples = { [ICE_URI]: ICE, [DHS_URI]: DHS, 'file:///work/samples/e.plan.yaml': ERRORS, 'file:///work/samples/m.plan.yaml': MEASURES, 'file:///work/samples/me.plan.yaml': MEASURE_ERRORS };
    for (const [uri, text] of Object.entries(samples)) service.update(uri, text, 1);
    let count = 0;
    for (const uri of Object.keys(samples)) {
      for (const lens of shown(service, uri)) {
        count++;
        const places = lens.command!.arguments![2] as Location[];
        assert.ok(places.length >= 1, `${uri}:${lens.range.start.line} ${lens.command!.title}`);
        assert.match(lens.command!.title, /^(1 reference|\d+ references|supported by .+)$/);
        assert.ok(!lens.command!.title.startsWith('0 '), lens.command!.title);
        if (!lens.command!.title.startsWith('supported')) assert.strictEqual(Number(lens.command!.title.split(' ')[0]), places.length);
      }
    }
    assert.ok(count > 20, `${count} lenses`);
  });

  it('resolves a lens against the plan as it is when the editor asks: an entry added since the list is counted', () => {
    const uri = 'file:///work/edit.plan.yaml';
    const before = lines('goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1" }', '      - { id: "1.2", related: ["1.1"] }');
    const service = createLanguageService();
    service.update(uri, before, 1);
    const [lens] = service.getCodeLenses(uri);
    // A line inserted above: the item moved down one line and a second entry names it.
    const after = lines('goals:', '  - id: "1"', '    title: Goal', '    objectives:', '      - { id: "1.1" }', '      - { id: "1.2", related: ["1.1"] }', '      - { id: "1.3", related: "1.1" }');
    service.update(uri, after, 2);
    const resolved = service.resolveCodeLens(lens);
    assert.strictEqual(resolved.command!.title, '2 references');
    const [, position, locations] = resolved.command!.arguments as [string, { line: number }, Location[]];
    assert.strictEqual(position.line, 4);
    assert.deepStrictEqual(locations.map((l) => l.range.start.line), [5, 6]);
  });

  it('resolves a lens whose item is gone, or that no entry names any more, to an empty title, never "0 references"', () => {
    const uri = 'file:///work/edit.plan.yaml';
    const text = lines('units:', '  - { id: ERO, name: Enforcement }', 'goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: ERO }', '      - { id: "1.2", related: ["1.1"] }');
    const service = createLanguageService();
    service.update(uri, text, 1);
    const [unit, item] = service.getCodeLenses(uri);
    assert.deepStrictEqual([unit, item].map((l) => (l.data as unknown[])[1]), ['u', 'r']);
    // The entries are gone.
    service.update(uri, text.replace(', lead: ERO', '').replace(', related: ["1.1"]', ''), 2);
    for (const lens of [unit, item]) assert.deepStrictEqual(service.resolveCodeLens(lens).command, { title: '', command: '' });
    // The unit and the item are gone.
    service.update(uri, lines('goals:', '  - id: "2"'), 3);
    for (const lens of [unit, item]) {
      const resolved = service.resolveCodeLens(lens);
      assert.deepStrictEqual(resolved.command, { title: '', command: '' });
      assert.deepStrictEqual(resolved.range, lens.range);
    }
    // The plan is gone.
    service.remove(uri);
    assert.deepStrictEqual(service.resolveCodeLens(item).command, { title: '', command: '' });
  });

  it('resolves a lens it did not give (no data, other data, another server\'s plan number) to an empty title without throwing', () => {
    const { service } = serve(ICE, ICE_URI);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.deepStrictEqual(service.getCodeLenses(ICE_URI)[0].data, [0, 'u', 'OD']);
    for (const data of [undefined, null, 0, 'x', {}, [], [0], [0, 'r'], [0, 'x', '1'], [0.5, 'r', '2.1'], [-1, 'r', '2.1'], [99, 'r', '2.1'], [0, 'r', 2.1], ['0', 'r', '2.1']]) {
      assert.deepStrictEqual(service.resolveCodeLens({ range, data }).command, { title: '', command: '' }, JSON.stringify(data));
    }
    assert.deepStrictEqual(service.resolveCodeLens({ range: undefined, data: [0, 'r', '2.1'] } as unknown as CodeLens).command?.title, '1 reference');
    for (const garbage of [null, undefined, 7, 'lens']) assert.deepStrictEqual(service.resolveCodeLens(garbage as unknown as CodeLens).command, { title: '', command: '' });
  });

  it('puts a lens on each objective written with the same number, each opening the peek at its own number', () => {
    const uri = 'file:///work/twice.plan.yaml';
    const service = createLanguageService();
    const doc = service.update(uri, lines('goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1" }', '      - { id: "1.1" }', '      - { id: "1.2", related: ["1.1"] }'), 1);
    const lenses = shown(service, uri);
    assert.deepStrictEqual(summary(doc, lenses), ['"1.1": 1 reference', '"1.1": 1 reference']);
    assert.deepStrictEqual(lenses.map((l) => (l.command!.arguments![1] as { line: number }).line), [3, 4]);
  });

  it('counts entries of other plans for a unit unless that plan defines the unit itself', () => {
    const ws = new PlanWorkspace();
    const service = createLanguageService(ws);
    const home = ws.update('file:///work/home.plan.yaml', lines('units:', '  - { id: ERO, name: Enforcement }', 'goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: ERO }'));
    const user = ws.update('file:///work/user.plan.yaml', lines('goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: [ERO], support: ERO }'));
    ws.update('file:///work/own.plan.yaml', lines('units:', '  - { id: ERO, name: Other }', 'goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", lead: ERO }'));
    const [ero] = shown(service, home.uri);
    assert.strictEqual(textAt(home, ero.range), 'ERO');
    assert.strictEqual(ero.command!.title, '3 references');
    const locations = ero.command!.arguments![2] as Location[];
    assert.deepStrictEqual(locations.map((l) => l.uri), ['file:///work/home.plan.yaml', 'file:///work/user.plan.yaml', 'file:///work/user.plan.yaml']);
    assert.deepStrictEqual(locations.map((l) => textAt(user, l.range)).slice(1), ['ERO', 'ERO']);
    // `own` resolves its entry to its own ERO; `user` names an ERO defined elsewhere, which both define.
    const [ownEro] = shown(service, 'file:///work/own.plan.yaml');
    assert.strictEqual(ownEro.command!.title, '3 references');
    assert.deepStrictEqual((ownEro.command!.arguments![2] as Location[]).map((l) => l.uri), ['file:///work/own.plan.yaml', 'file:///work/user.plan.yaml', 'file:///work/user.plan.yaml']);
  });

  it('puts no lens on sub-objectives or on items without a number', () => {
    const { service, doc } = serve(lines(
      'goals:',
      '  - title: No number',
      '    objectives:',
      '      - id: "1.1"',
      '        subobjectives:',
      '          - id: "1.1.1"',
      '            related: "1.1"',
    ));
    assert.deepStrictEqual(summary(doc, shown(service, doc.uri)), ['"1.1": 1 reference']);
  });

  it('places the lens in UTF-16 characters on CRLF lines with non-ASCII text', () => {
    const text = ['goals:', '  - id: "1"', '    objectives:', '      - { title: "Été 😀", id: "1.1" }', '      - { id: "1.2", title: 安全, related: ["1.1"] }', ''].join('\r\n');
    const { service, doc } = serve(text);
    const lenses = shown(service, doc.uri);
    assert.strictEqual(lenses.length, 1);
    assert.deepStrictEqual(lenses[0].range, { start: { line: 3, character: 31 }, end: { line: 3, character: 36 } });
    assert.strictEqual(lenses[0].command!.title, '1 reference');
    const [loc] = lenses[0].command!.arguments![2] as Location[];
    assert.deepStrictEqual(loc.range, { start: { line: 4, character: 42 }, end: { line: 4, character: 47 } });
    assert.strictEqual(textAt(doc, loc.range), '"1.1"');
  });

  it('does not throw on half-typed or broken plans', () => {
    const texts = ['', 'goals:\n  -', 'goals:\n  - id:', 'goals:\n  - id: "1\n', 'goals:\n  - id: "1"\n    objectives:\n      - id: "1.1"\n        related: [', 'units:\n  - id:\n  - { id: A }\n  - { id: A }\n', 'goals:\n  - { id: "1", title: x, objectives: [{ id: "1.1", lead: A }] }\n'];
    const ws = new PlanWorkspace();
    const service = createLanguageService(ws);
    const docs = texts.map((t, i) => ws.update(`file:///work/b${i}.plan.yaml`, t, 1));
    for (const d of docs) shown(service, d.uri);
    assert.deepStrictEqual(summary(docs[5], shown(service, docs[5].uri)), ['A: 1 reference']);
  });

  it('counts an entry that objectives share through `<<: *base` or `*rel` once', () => {
    const { service, doc } = serve(MERGED);
    const counts = summary(doc, shown(service, doc.uri));
    assert.ok(counts.includes('OPERATIONS: 1 reference'), counts.join(', '));
    assert.ok(counts.includes('"2.3": 1 reference'), counts.join(', '));
  });
});
