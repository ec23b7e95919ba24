import * as assert from 'assert';
import { PlanWorkspace } from '../documents';
import { provideInlayHints, shorten } from './inlayHints';
import { createLanguageService } from '../index';
import { ICE, ICE_URI, lines, load } from '../test-util';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

describe('inlay hints', () => {
  it("shows, after each related entry, the title of the item it names, shortened with an ellipsis", () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const line = doc.text.split('\n').findIndex((l) => l.includes('related: ["2.2", "4.3.1"]'));
    const hints = provideInlayHints(ws, doc, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const text = doc.text.split('\n')[line];
    assert.deepStrictEqual(
      hints.map((h) => [h.position.line, h.position.character, h.label]),
      [
        [line, text.indexOf('"2.2"') + 5, '▸ Generate, Analyze, and Share Actionable…'],
        [line, text.indexOf('"4.3.1"') + 7, `▸ ${shorten(doc.model.itemsById.get('4.3.1')![0].title!)}`],
      ],
    );
    assert.ok(hints.every((h) => h.paddingLeft));
    assert.match(String(hints[0].tooltip), /^Goal 2 › Objective 2\.2: Generate, Analyze, and Share Actionable Intelligence$/);
  });

  it("shows after a unit id in lead and support the unit's name, from another plan of the workspace when the plan has no such unit", () => {
    const ws = new PlanWorkspace();
    ws.update('file:///ws/units.plan.yaml', lines('planwright: 1', 'title: Units', 'units:', '  - { id: HQ, name: Headquarters }', 'goals:', '  - id: "1"', '    title: G'));
    const { doc } = load(lines('planwright: 1', 'title: T', 'units:', '  - id: OPS', '    name: Operations', 'goals:', '  - id: "1"', '    title: G', '    objectives:', '      - id: "1.1"', '        title: O', '        lead: OPS', '        support: [HQ, NONE]', '        related: "9"', '        measures:', '          - { id: PM-1, name: N, lead: OPS }'), 'file:///ws/t.plan.yaml', ws);
    const hints = provideInlayHints(ws, doc, WHOLE);
    assert.deepStrictEqual(hints.map((h) => [h.position.line, h.label]), [[11, '▸ Operations'], [12, '▸ Headquarters'], [15, '▸ Operations']]);
  });

  it("shows after an aligns entry the title of the other plan's item it names, and nothing after an entry that names none", () => {
    const ws = new PlanWorkspace();
    ws.update('file:///ws/dhs.plan.yaml', lines('planwright: 1', 'title: DHS Plan', 'organization: { name: Department, acronym: DHS }', 'goals:', '  - id: "2"', '    title: Secure U.S. Borders and Approaches', '    objectives:', '      - id: "2.1"', '        title: Secure and Manage Air, Land, and Maritime Borders'));
    const { doc } = load(lines('planwright: 1', 'title: T', 'organization: { name: Component, acronym: CMP }', 'goals:', '  - id: "1"', '    title: G', '    aligns: [DHS 2, DHS 2.1, DHS 9]'), 'file:///ws/c.plan.yaml', ws);
    const hints = provideInlayHints(ws, doc, WHOLE);
    assert.deepStrictEqual(hints.map((h) => [h.position.line, h.label]), [[6, '▸ Secure U.S. Borders and Approaches'], [6, `▸ ${shorten('Secure and Manage Air, Land, and Maritime Borders')}`]]);
    assert.match(String(hints[1].tooltip), /^DHS Goal 2 › Objective 2\.1: Secure and Manage Air, Land, and Maritime Borders \(DHS Plan\)$/);
  });

  it('computes only the entries of the range asked for', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    const all = provideInlayHints(ws, doc, WHOLE);
    assert.ok(all.length > 40, String(all.length));
    const some = provideInlayHints(ws, doc, { start: { line: 300, character: 0 }, end: { line: 360, character: 0 } });
    assert.deepStrictEqual(some, all.filter((h) => h.position.line >= 300 && h.position.line < 360));
    assert.ok(some.length > 0 && some.length < all.length);
    assert.deepStrictEqual(provideInlayHints(ws, doc, { start: { line: 1, character: 0 }, end: { line: 20, character: 0 } }), []);
  });

  it('are off when the planwright.inlayHints.enabled setting is false, and on again when it is true', () => {
    const service = createLanguageService();
    service.update(ICE_URI, ICE);
    assert.ok(service.getInlayHints(ICE_URI, WHOLE).length > 0);
    service.configure({ inlayHints: { enabled: false } });
    assert.deepStrictEqual(service.getInlayHints(ICE_URI, WHOLE), []);
    service.configure({ inlayHints: { enabled: 'no' } });
    assert.deepStrictEqual(service.getInlayHints(ICE_URI, WHOLE), []);
    service.configure({ inlayHints: { enabled: true } });
    assert.ok(service.getInlayHints(ICE_URI, WHOLE).length > 0);
  });

  it('shortens a long title at a word, and leaves a short one as it is', () => {
    assert.strictEqual(shorten('Short title'), 'Short title');
    assert.strictEqual(shorten('Generate, Analyze, and Share Actionable Intelligence'), 'Generate, Analyze, and Share Actionable…');
    assert.strictEqual(shorten('x'.repeat(50)), 'x'.repeat(40) + '…');
  });
});
