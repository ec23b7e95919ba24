import * as assert from 'assert';
import { ICE, ICE_URI, lines, load, textAt } from '../test-util';
import { providePlanSections } from './planSections';

describe('plan sections (the Plan view above the goals)', () => {
  it('lists the ICE plan\'s mission and vision in full, its values and its units with their kinds, in the order of the plan', () => {
    const { doc } = load(ICE, ICE_URI);
    const sections = providePlanSections(doc);
    assert.deepStrictEqual(sections.map((s) => [s.key, s.label, s.children.length]), [['mission', 'Mission', 0], ['vision', 'Vision', 0], ['values', 'Values', 3], ['units', 'Units', 6]]);
    assert.strictEqual(sections[0].title, 'To protect America from national security and public safety threats by enforcing immigration and customs laws.');
    assert.ok(sections[1].title.endsWith('lawful immigration, trade, travel, and financial systems.'), sections[1].title);
    assert.strictEqual(sections[2].title, '3 values');
    assert.deepStrictEqual(sections[2].children.map((v) => v.label), ['Integrity', 'Courage', 'Excellence']);
    assert.deepStrictEqual(sections[3].children.map((u) => [u.key, u.label, u.title]).slice(0, 2), [['unit', 'OD — Office of the Director', 'office'], ['unit', 'ERO — Enforcement and Removal Operations', 'directorate']]);
    // The cursor goes to the key of a section, to a unit's id.
    assert.strictEqual(textAt(doc, sections[0].selectionRange), 'mission');
    assert.strictEqual(textAt(doc, sections[3].children[0].selectionRange), 'OD');
  });

  it('leaves out sections a plan does not have, and follows the order it writes them in', () => {
    const { doc } = load(lines('planwright: 1', 'title: T', 'units: [{ id: A, name: Alpha }]', 'vision: Far', 'goals: []'));
    assert.deepStrictEqual(providePlanSections(doc).map((s) => [s.label, s.title]), [['Units', '1 unit'], ['Vision', 'Far']]);
  });
});
