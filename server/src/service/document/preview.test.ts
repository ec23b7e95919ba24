import * as assert from 'assert';
import { createLanguageService } from '../index';
import { ICE, ICE_URI } from '../test-util';

describe('live preview data', () => {
  it('sends the document in blocks, header and contents first, then mission, vision, values, units and one block per goal', () => {
    const s = createLanguageService();
    s.update(ICE_URI, ICE, 1);
    const p = s.getPreview(ICE_URI)!;
    assert.deepStrictEqual(p.blocks.map((b) => b.key.split('#')[0]), ['header', 'contents', 'mission', 'vision', 'values', 'units', 'goal:item-1', 'goal:item-2', 'goal:item-3', 'goal:item-4', 'goal:item-5']);
    // Every block but the contents (which has no place in the plan's text) carries its source line.
    assert.ok(p.blocks.every((b) => b.html && (b.key.startsWith('contents#') || b.html.includes('data-line="'))));
    assert.strictEqual(p.title, 'U.S. Immigration and Customs Enforcement Strategic Plan 2021-2025');
  });

  it('after a keystroke in one goal, sends the HTML of that goal (and of the contents when a title changed) only', () => {
    const s = createLanguageService();
    s.update(ICE_URI, ICE, 1);
    const first = s.getPreview(ICE_URI)!;
    const known = first.blocks.map((b) => b.key);
    const edited = ICE.replace('title: Target Transnational Criminal Organizations', 'title: Target Transnational Criminal Organisations');
    assert.notStrictEqual(edited, ICE);
    s.update(ICE_URI, edited, 2);
    const next = s.getPreview(ICE_URI, known)!;
    assert.deepStrictEqual(next.blocks.filter((b) => b.html !== undefined).map((b) => b.key.split('#')[0]), ['contents', 'goal:item-4']);
    assert.match(next.blocks[9].html!, /4\.1 Target Transnational Criminal Organisations/);
    // A narrative edit leaves the contents alone.
    s.update(ICE_URI, edited.replace('The core of ICE', 'The heart of ICE'), 3);
    const third = s.getPreview(ICE_URI, next.blocks.map((b) => b.key))!;
    assert.deepStrictEqual(third.blocks.filter((b) => b.html !== undefined).map((b) => b.key.split('#')[0]), ['goal:item-1']);
  });

  it('answers null for a plan it does not know', () => {
    assert.strictEqual(createLanguageService().getPreview('file:///nowhere.plan.yaml'), null);
  });
});
