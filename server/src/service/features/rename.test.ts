import * as assert from 'assert';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { applyEdits } from '../edits';
import { ICE, ICE_URI, lines, load, MEASURES, MEASURE_ERRORS, MERGED, positionOf, textAt } from '../test-util';
import { NOT_RENAMEABLE, prepareRename, provideRenameEdits } from './rename';

const PLAN = lines(
  'planwright: 1',
  'title: Test Plan',
  'units:',
  '  - { id: OPS, name: Port Operations }',
  "  - id: 'SEC'",
  '    name: Port Security',
  'goals:',
  '  - id: "1"',
  '    title: Keep Cargo Moving',
  '    objectives:',
  '      - id: "1.1"   # first objective',
  '        title: Shorten Waits',
  '        lead: OPS',
  "        related: [\"2.1\", '1.2', 3]",
  '      - id: 1.2',
  '        title: Modernize Cranes',
  '        support: [OPS, SEC]',
  '        subobjectives:',
  '          - id: "1.2.1"',
  '            title: Buy Cranes',
  '            related: "1.1"',
  '  - id: 2',
  '    title: Secure the Waterfront',
  '    objectives:',
  '      - id: "2.1"',
  '        title: Screen Containers',
  '        related: [1.2.1]',
  '  - id: "3"',
  '    title: Grow Trade',
);

// The same kind of plan with numbers out of sequence, for renames that fix them: objective 1.3
// follows 1.1, its sub-objective is 1.3.2, goal 4 (a plain number) follows goal 1 and its
// objective is 4.2.
const OUT_OF_SEQUENCE = lines(
  'planwright: 1',
  'title: Test Plan',
  'units:',
  '  - { id: OPS, name: Port Operations }',
  'goals:',
  '  - id: "1"',
  '    title: Keep Cargo Moving',
  '    objectives:',
  '      - id: "1.1"',
  '        title: Shorten Waits',
  "        related: [\"4.2\", '1.3', 3]",
  '      - id: 1.3   # numbered out of sequence',
  '        title: Modernize Cranes',
  '        lead: OPS',
  '        subobjectives:',
  '          - id: "1.3.2"',
  '            title: Buy Cranes',
  '            related: "1.1"',
  '  - id: 4',
  '    title: Secure the Waterfront',
  '    objectives:',
  '      - id: "4.2"',
  '        title: Screen Containers',
  '        related: [1.3.2]',
  '  - id: "3"',
  '    title: Grow Trade',
);

function rename(doc: PlanDocument, ws: Parameters<typeof provideRenameEdits>[0], needle: string, newName: string, delta = 1, nth = 1): WorkspaceEdit {
  const r = provideRenameEdits(ws, doc, positionOf(doc, needle, delta, nth), newName);
  if ('error' in r) assert.fail(r.error);
  return r.edit;
}

function error(doc: PlanDocument, ws: Parameters<typeof provideRenameEdits>[0], needle: string, newName: string, delta = 1, nth = 1): string {
  const r = provideRenameEdits(ws, doc, positionOf(doc, needle, delta, nth), newName);
  assert.ok('error' in r, 'expected a refusal');
  return r.error;
}

describe('rename', () => {
  describe('prepareRename', () => {
    it('offers the number of an item, with the range inside its quotes', () => {
      const { ws, doc } = load(PLAN);
      const r = prepareRename(ws, doc, positionOf(doc, '"1.1"', 2));
      assert.ok(!('error' in r));
      assert.deepStrictEqual(r, { range: { start: { line: 10, character: 13 }, end: { line: 10, character: 16 } }, placeholder: '1.1' });
    });

    it('offers a plain number with the range of the whole number', () => {
      const { ws, doc } = load(PLAN);
      const r = prepareRename(ws, doc, positionOf(doc, 'id: 1.2', 5));
      assert.ok(!('error' in r));
      assert.strictEqual(textAt(doc, r.range), '1.2');
      assert.strictEqual(r.placeholder, '1.2');
    });

    it('offers a `related` entry, with the range inside its single quotes', () => {
      const { ws, doc } = load(PLAN);
      const r = prepareRename(ws, doc, positionOf(doc, "'1.2'", 1));
      assert.ok(!('error' in r));
      assert.deepStrictEqual(r, { range: { start: { line: 13, character: 26 }, end: { line: 13, character: 29 } }, placeholder: '1.2' });
    });

    it('offers a unit id and a `lead` entry', () => {
      const { ws, doc } = load(PLAN);
      const def = prepareRename(ws, doc, positionOf(doc, "'SEC'", 2));
      assert.ok(!('error' in def));
      assert.deepStrictEqual(def, { range: { start: { line: 4, character: 9 }, end: { line: 4, character: 12 } }, placeholder: 'SEC' });
      const lead = prepareRename(ws, doc, positionOf(doc, 'lead: OPS', 7));
      assert.ok(!('error' in lead));
      assert.deepStrictEqual(lead, { range: { start: { line: 12, character: 14 }, end: { line: 12, character: 17 } }, placeholder: 'OPS' });
    });

    it('explains what can be renamed when the cursor is on a title or a key', () => {
      const { ws, doc } = load(PLAN);
      assert.deepStrictEqual(prepareRename(ws, doc, positionOf(doc, 'Shorten Waits', 3)), { error: NOT_RENAMEABLE });
      assert.deepStrictEqual(prepareRename(ws, doc, positionOf(doc, 'title: Test', 1)), { error: NOT_RENAMEABLE });
      assert.strictEqual(NOT_RENAMEABLE, 'You can rename the number of a goal, objective or sub-objective, a unit id or a measure id. Place the cursor on one.');
    });

    it('refuses a `related` entry or a `lead` entry that names nothing', () => {
      const { ws, doc } = load(lines(
        'goals:',
        '  - id: "1"',
        '    title: A',
        '    objectives:',
        '      - id: "1.1"',
        '        title: B',
        '        lead: NOPE',
        '        related: "9.9"',
      ));
      assert.deepStrictEqual(prepareRename(ws, doc, positionOf(doc, '9.9')), {
        error: 'No goal, objective or sub-objective is numbered 9.9, so there is nothing to rename. Correct the number first.',
      });
      assert.deepStrictEqual(prepareRename(ws, doc, positionOf(doc, 'NOPE')), {
        error: 'No unit has the id "NOPE", so there is nothing to rename. Correct the id or add the unit under `units:` first.',
      });
    });
  });

  describe('renaming an item number', () => {
    it('renames an objective, its sub-objectives\' prefixes and every `related` entry naming them, keeping each quote style and quoting a plain number', () => {
      const { ws, doc } = load(OUT_OF_SEQUENCE);
      const edit = rename(doc, ws, 'id: 1.3', '1.2', 5);
      assert.deepStrictEqual(edit, {
        changes: {
          [doc.uri]: [
            { range: { start: { line: 10, character: 26 }, end: { line: 10, character: 29 } }, newText: '1.2' },
            { range: { start: { line: 11, character: 12 }, end: { line: 11, character: 15 } }, newText: '"1.2"' },
            { range: { start: { line: 15, character: 17 }, end: { line: 15, character: 22 } }, newText: '1.2.2' },
            { range: { start: { line: 23, character: 18 }, end: { line: 23, character: 23 } }, newText: '1.2.2' },
          ],
        },
      });
      const after = applyEdits(OUT_OF_SEQUENCE, edit.changes![doc.uri]);
      assert.strictEqual(after, OUT_OF_SEQUENCE
        .replace("'1.3'", "'1.2'")
        .replace('id: 1.3', 'id: "1.2"')
        .replace('"1.3.2"', '"1.2.2"')
        .replace('[1.3.2]', '[1.2.2]'));
    });

    it('renames a goal written as a plain number, keeping it plain, and its objectives\' numbers', () => {
      const { ws, doc } = load(OUT_OF_SEQUENCE);
      const edit = rename(doc, ws, 'id: 4', '2', 4);
      const after = applyEdits(OUT_OF_SEQUENCE, edit.changes![doc.uri]);
      assert.strictEqual(after, OUT_OF_SEQUENCE.replace('["4.2"', '["2.2"').replace('id: 4\n', 'id: 2\n').replace('id: "4.2"', 'id: "2.2"'));
      const { doc: re } = load(after);
      assert.deepStrictEqual(re.model.diagnostics.filter((d) => d.code !== 'numbering-format' && d.code !== 'numbering-sequence'), []);
      assert.deepStrictEqual(re.model.diagnostics.filter((d) => d.code === 'numbering-sequence').map((d) => d.message), [
        'Objective 1.3 follows objective 1.1: either number 1.2 is missing, or 1.3 should be 1.2.',
        'The first sub-objective of objective 1.3 is numbered 1.3.2; numbering starts at 1.3.1.',
        'The first objective of goal 2 is numbered 2.2; numbering starts at 2.1.',
      ]);
    });

    it('renames the item a `related` entry names when the cursor is on the entry', () => {
      const { ws, doc } = load(OUT_OF_SEQUENCE);
      const edit = rename(doc, ws, '"4.2"', '4.1', 1, 1);
      const after = applyEdits(OUT_OF_SEQUENCE, edit.changes![doc.uri]);
      assert.strictEqual(after, OUT_OF_SEQUENCE.replace('["4.2"', '["4.1"').replace('id: "4.2"', 'id: "4.1"'));
    });

    it('renames a sub-objective and the `related` entries naming it, across the plan', () => {
      const { ws, doc } = load(OUT_OF_SEQUENCE);
      const edit = rename(doc, ws, '"1.3.2"', '1.3.1');
      assert.deepStrictEqual(edit.changes![doc.uri].map((e) => [e.range.start.line, e.newText]), [[15, '1.3.1'], [23, '1.3.1']]);
    });

    it('takes a new number typed in quotes as the number itself', () => {
      const { ws, doc } = load(OUT_OF_SEQUENCE);
      const edit = rename(doc, ws, '"4.2"', '"4.1"', 1, 2);
      assert.deepStrictEqual(edit.changes![doc.uri].map((e) => e.newText), ['4.1', '4.1']);
    });

    it('changes nothing when the new number is the current one', () => {
      const { ws, doc } = load(PLAN);
      assert.deepStrictEqual(rename(doc, ws, '"1.1"', '1.1'), { changes: {} });
    });

    it('keeps comments and CRLF line breaks, editing only the number', () => {
      const crlf = OUT_OF_SEQUENCE.replace(/\n/g, '\r\n');
      assert.ok(crlf.includes('id: 1.3   # numbered out of sequence\r\n'));
      const { ws, doc } = load(crlf);
      const edit = rename(doc, ws, 'id: 1.3', '1.2', 5);
      const after = applyEdits(crlf, edit.changes![doc.uri]);
      assert.strictEqual(after, crlf
        .replace('id: 1.3   # numbered out of sequence\r\n', 'id: "1.2"   # numbered out of sequence\r\n')
        .replace("'1.3'", "'1.2'")
        .replace('"1.3.2"', '"1.2.2"')
        .replace('[1.3.2]', '[1.2.2]'));
    });

    it('renames an objective of the ICE plan back into sequence, with its sub-objectives and the `related` entries naming them', () => {
      // The ICE plan with objective 1.4 numbered 1.5: its sub-objectives and the entry naming one of them follow.
      const damaged = ICE
        .replace('id: "1.4"', 'id: "1.5"')
        .replace(/id: "1\.4\.(\d)"/g, 'id: "1.5.$1"')
        .replace('related: "1.4.4"', 'related: "1.5.4"');
      const { ws, doc } = load(damaged, ICE_URI);
      assert.deepStrictEqual(doc.model.diagnostics.map((d) => d.message), ['Objective 1.5 follows objective 1.3: either number 1.4 is missing, or 1.5 should be 1.4.']);
      const edit = rename(doc, ws, 'id: "1.5"', '1.4', 5);
      assert.strictEqual(edit.changes![ICE_URI].length, 6);
      const after = applyEdits(damaged, edit.changes![ICE_URI]);
      assert.strictEqual(after, ICE);
      const { doc: re } = load(after, ICE_URI);
      assert.deepStrictEqual(re.model.diagnostics, []);
      const titles = (d: PlanDocument) => d.model.refs.filter((r) => r.field === 'related').map((r) => d.model.itemsById.get(r.target.text)?.[0].title);
      assert.deepStrictEqual(titles(re), titles(doc));
    });
  });

  describe('refusing an item number', () => {
    it('refuses a number another item already has, naming that item, before judging its place in the numbering', () => {
      const { ws, doc } = load(PLAN);
      assert.strictEqual(error(doc, ws, '"1.1"', '1.2'), '1.2 is already the number of objective 1.2 ("Modernize Cranes"). Choose a number no other item has.');
      assert.strictEqual(error(doc, ws, '"3"', '1'), '1 is already the number of goal 1 ("Keep Cargo Moving"). Choose a number no other item has.');
    });

    it('refuses a number that is not written the way its level is numbered', () => {
      const { ws, doc } = load(PLAN);
      assert.strictEqual(error(doc, ws, '"1.1"', '1.x'), '"1.x" cannot be the number of an objective: an objective is numbered like 2.3: its goal\'s number, a dot, then its own number.');
      assert.strictEqual(error(doc, ws, '"3"', '3.1'), '"3.1" cannot be the number of a goal: a goal is numbered 1, 2, 3 and so on.');
      assert.strictEqual(error(doc, ws, '"1.2.1"', '1.2'), '"1.2" cannot be the number of a sub-objective: a sub-objective is numbered like 2.3.1: its objective\'s number, a dot, then its own number.');
      assert.strictEqual(error(doc, ws, '"1.1"', '1.01'), '"1.01" cannot be the number of an objective: an objective is numbered like 2.3: its goal\'s number, a dot, then its own number.');
    });

    it('refuses a number that does not start with the parent\'s number', () => {
      const { ws, doc } = load(PLAN);
      assert.strictEqual(error(doc, ws, '"1.1"', '2.5'), 'Objective 1.1 is under goal 1, so its number must start with 1 and a dot (for example 1.5).');
    });

    it('refuses a goal number that would give one of its objectives a number already taken', () => {
      const { ws, doc } = load(lines(
        'goals:',
        '  - id: "1"',
        '    title: A',
        '    objectives:',
        '      - id: "1.1"',
        '        title: B',
        '      - id: "4.1"',
        '        title: Misplaced',
        '  - id: "3"',
        '    title: C',
        '    objectives:',
        '      - id: "3.1"',
        '        title: D',
      ));
      assert.strictEqual(error(doc, ws, '"3"', '4'), 'Renumbering goal 3 to 4 would renumber objective 3.1 to 4.1, which is already the number of objective 4.1 ("Misplaced").');
    });

    it('refuses a number that would leave a gap after the previous objective', () => {
      const { ws, doc } = load(ICE, ICE_URI);
      assert.strictEqual(error(doc, ws, 'id: "1.4"', '1.5', 5),
        'Objective 1.4 comes right after objective 1.3, so its number must be 1.4; 1.5 would leave a gap. To put items in a different order, move them and use "Renumber the objectives of goal 1".');
      assert.strictEqual(error(doc, ws, 'id: "5.3.2"', '5.3.9', 5),
        'Sub-objective 5.3.2 comes right after sub-objective 5.3.1, so its number must be 5.3.2; 5.3.9 would leave a gap. To put items in a different order, move them and use "Renumber the sub-objectives of objective 5.3".');
    });

    it('refuses a first objective or sub-objective numbered other than 1', () => {
      const { ws, doc } = load(PLAN);
      assert.strictEqual(error(doc, ws, '"1.1"', '1.4'),
        'Objective 1.1 is the first objective of goal 1, so its number must be 1.1; 1.4 would leave a gap. To put items in a different order, move them and use "Renumber the objectives of goal 1".');
      assert.strictEqual(error(doc, ws, '"1.1"', '1.0'),
        'Objective 1.1 is the first objective of goal 1, so its number must be 1.1; numbering starts at 1.1, not 1.0. To put items in a different order, move them and use "Renumber the objectives of goal 1".');
      assert.strictEqual(error(doc, ws, '"1.2.1"', '1.2.5'),
        'Sub-objective 1.2.1 is the first sub-objective of objective 1.2, so its number must be 1.2.1; 1.2.5 would leave a gap. To put items in a different order, move them and use "Renumber the sub-objectives of objective 1.2".');
    });

    it('refuses a goal number out of sequence, for the first goal and for a later one', () => {
      const { ws, doc } = load(PLAN);
      assert.strictEqual(error(doc, ws, '"1"', '7'),
        'Goal 1 is the first goal, so its number must be 1; 7 would leave a gap. To put items in a different order, move them and use "Renumber the goals".');
      assert.strictEqual(error(doc, ws, '"3"', '5'),
        'Goal 3 comes right after goal 2, so its number must be 3; 5 would leave a gap. To put items in a different order, move them and use "Renumber the goals".');
    });

    it('refuses a number lower than the one that follows the previous item', () => {
      const { ws, doc } = load(lines(
        'goals:',
        '  - id: "1"',
        '    title: A',
        '    objectives:',
        '      - id: "1.1"',
        '        title: B',
        '      - id: "1.4"',
        '        title: C',
        '      - id: "1.5"',
        '        title: D',
      ));
      assert.strictEqual(error(doc, ws, '"1.5"', '1.2'),
        'Objective 1.5 comes right after objective 1.4, so its number must be 1.5; 1.2 would put the numbers out of order. To put items in a different order, move them and use "Renumber the objectives of goal 1".');
      // Objective 1.4 may take 1.2, which follows 1.1.
      assert.deepStrictEqual(rename(doc, ws, '"1.4"', '1.2').changes![doc.uri].map((e) => e.newText), ['1.2']);
    });

    it('counts from the nearest previous item whose number is well formed, skipping badly numbered and unnumbered ones', () => {
      const { ws, doc } = load(lines(
        'goals:',
        '  - id: "1"',
        '    title: A',
        '    objectives:',
        '      - id: "1.1"',
        '        title: B',
        '      - id: "1.x"',
        '        title: C',
        '      - title: D',
        '      - id: "1.4"',
        '        title: E',
      ));
      assert.strictEqual(error(doc, ws, '"1.4"', '1.3'),
        'Objective 1.4 comes right after objective 1.1, so its number must be 1.2; 1.3 would leave a gap. To put items in a different order, move them and use "Renumber the objectives of goal 1".');
      assert.deepStrictEqual(rename(doc, ws, '"1.4"', '1.2').changes![doc.uri].map((e) => [e.range.start.line, e.newText]), [[9, '1.2']]);
    });
  });

  describe('renaming a unit', () => {
    const A = 'file:///work/a.plan.yaml';
    const B = 'file:///work/b.plan.yaml';
    const C = 'file:///work/c.plan.yaml';
    const planA = lines(
      'units:',
      '  - { id: OPS, name: Port Operations }  # ops',
      '  - { id: SEC, name: Port Security }',
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - id: "1.1"',
      '        title: B',
      '        lead: OPS',
      '        support: [SEC, "OPS"]',
    );
    const planB = lines(
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - id: "1.1"',
      '        title: B',
      "        lead: 'OPS'",
      '        support: [OPS]',
    );
    const planC = lines(
      'units:',
      '  - id: OPS',
      '    name: Other Operations',
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - id: "1.1"',
      '        title: B',
      '        lead: OPS',
    );
    const workspace = () => {
      const { ws, doc: a } = load(planA, A);
      const b = ws.update(B, planB, 1);
      const c = ws.update(C, planC, 1);
      return { ws, a, b, c };
    };

    it('renames the unit and every `lead`/`support` naming it in the plans that use it, but not in a plan that defines its own', () => {
      const { ws, a } = workspace();
      const edit = rename(a, ws, 'id: OPS', 'OPX', 4);
      assert.deepStrictEqual(Object.keys(edit.changes!).sort(), [A, B]);
      assert.strictEqual(applyEdits(planA, edit.changes![A]), planA.replace('id: OPS', 'id: OPX').replace('lead: OPS', 'lead: OPX').replace('"OPS"', '"OPX"'));
      assert.strictEqual(applyEdits(planB, edit.changes![B]), planB.replace("'OPS'", "'OPX'").replace('[OPS]', '[OPX]'));
    });

    it('renames the unit a `lead` entry of another plan names, from that entry', () => {
      const { ws } = load(planA, A);
      const b = ws.update(B, planB, 1);
      const edit = rename(b, ws, "'OPS'", 'OPX');
      assert.deepStrictEqual(Object.keys(edit.changes!).sort(), [A, B]);
      assert.deepStrictEqual(edit.changes![A].map((e) => [e.range.start.line, e.range.start.character, e.newText]), [[1, 10, 'OPX'], [9, 14, 'OPX'], [10, 24, 'OPX']]);
      assert.strictEqual(applyEdits(planB, edit.changes![B]), planB.replace("'OPS'", "'OPX'").replace('[OPS]', '[OPX]'));
    });

    it('refuses to rename from an entry that could mean units of two plans', () => {
      const { ws, b } = workspace();
      assert.strictEqual(error(b, ws, "'OPS'", 'OPX'), 'Unit OPS is defined in more than one plan (a.plan.yaml, c.plan.yaml), so it is not clear which one to rename. Rename it where it is defined.');
    });

    it('keeps apart two plans that each define their own unit with the same id', () => {
      const { ws, doc: c } = load(planC, C);
      ws.update(A, planA, 1);
      const edit = rename(c, ws, 'id: OPS', 'OPC', 4);
      assert.deepStrictEqual(Object.keys(edit.changes!), [C]);
      assert.strictEqual(applyEdits(planC, edit.changes![C]), planC.replace('id: OPS', 'id: OPC').replace('lead: OPS', 'lead: OPC'));
    });

    it('quotes a new unit id YAML would read as something else', () => {
      const { ws, a } = workspace();
      const edit = rename(a, ws, 'id: SEC', 'true', 4);
      assert.deepStrictEqual(edit.changes![A].map((e) => e.newText), ['"true"', '"true"']);
    });

    it('refuses an id that is not a valid unit id, or one a unit already has', () => {
      const { ws, a } = workspace();
      assert.strictEqual(error(a, ws, 'id: OPS', '1OPS', 4), '"1OPS" cannot be a unit id: a unit id starts with a letter, followed by letters, digits, &, ., _ or -.');
      assert.strictEqual(error(a, ws, 'id: OPS', 'SEC', 4), 'SEC is already the id of unit SEC ("Port Security") in this plan. Choose an id no other unit has.');
      const two = load(planA, A).ws;
      const b = two.update(B, planB, 1);
      assert.strictEqual(error(b, two, "'OPS'", 'SEC'), 'SEC is already the id of unit SEC ("Port Security") in a.plan.yaml. Choose an id no other unit has.');
    });
  });

  describe('through merge keys and aliases', () => {
    /** The edit of one document, each range with its text, checked to have no two edits at one place. */
    const editsOf = (doc: PlanDocument, r: { edit: WorkspaceEdit } | { error: string }) => {
      assert.ok('edit' in r, JSON.stringify(r));
      const edits = r.edit.changes![doc.uri];
      const ranges = edits.map((e) => JSON.stringify(e.range));
      assert.strictEqual(new Set(ranges).size, ranges.length, `repeated ranges: ${ranges.join(' ')}`);
      return edits;
    };

    it('renames a unit named in a base that objectives share through `<<: *base` with one edit of that entry', () => {
      const { ws, doc } = load(MERGED);
      const edits = editsOf(doc, provideRenameEdits(ws, doc, positionOf(doc, 'id: OPERATIONS', 4), 'OPS'));
      assert.deepStrictEqual(edits.map((e) => [textAt(doc, e.range), e.range.start.line, e.newText]), [['OPERATIONS', 3, 'OPS'], ['OPERATIONS', 12, 'OPS']]);
      const after = applyEdits(doc.text, edits);
      assert.strictEqual(after, MERGED.replace(/OPERATIONS/g, 'OPS'));
    });

    it('renumbers an item named in a `related` list that objectives share through `*rel` and `<<: *base` with one edit of that entry', () => {
      const { ws, doc } = load(MERGED);
      const edits = editsOf(doc, provideRenameEdits(ws, doc, positionOf(doc, 'id: "2.3"', 5), '2.2'));
      assert.deepStrictEqual(edits.map((e) => [textAt(doc, e.range), e.range.start.line, e.newText]), [['2.3', 13, '2.2'], ['2.3', 26, '2.2']]);
    });

    it('renames through an alias of a unit id by editing the alias, which then means the new id', () => {
      const text = MERGED.replace('        title: Train Crews\n', '        title: Train Crews\n        support: *u\n').replace('lead: OPERATIONS', 'lead: &u OPERATIONS');
      const { ws, doc } = load(text);
      const edits = editsOf(doc, provideRenameEdits(ws, doc, positionOf(doc, 'id: OPERATIONS', 4), 'OPS'));
      assert.deepStrictEqual(edits.map((e) => textAt(doc, e.range)), ['OPERATIONS', 'OPERATIONS', '*u']);
      const re = load(applyEdits(text, edits)).doc;
      assert.deepStrictEqual(re.model.refs.filter((r) => r.field !== 'related').map((r) => r.target.text), ['OPS', 'OPS']);
    });

    it('refuses to renumber an item whose number comes from another item through `<<: *base`, saying which line it is read from', () => {
      // Objective 1.5 (out of sequence) is the base; the objective after it takes its number.
      const text = MERGED.replace('      - &base\n        id: "1.1"\n', '      - { id: "1.1", title: First }\n      - &base\n        id: "1.5"\n').replace('      - <<: *base\n        id: "1.2"\n', '      - <<: *base\n');
      const { ws, doc } = load(text);
      const r = provideRenameEdits(ws, doc, positionOf(doc, 'id: "1.5"', 5), '1.2');
      assert.ok('error' in r, JSON.stringify(r));
      assert.match(r.error, /^The number 1\.5 on line 12 is the number of 2 items, the 2nd objective of goal 1 and the 3rd objective of goal 1: .* Give each item that takes its number from a merge key or an alias an `id:` line of its own/);
    });
  });

  describe('renaming a measure id', () => {
    it('offers a measure id, with the range inside its quotes when it is quoted', () => {
      const { ws, doc } = load(MEASURES);
      const r = prepareRename(ws, doc, positionOf(doc, 'id: PM-1.2.1', 5));
      assert.ok('range' in r, JSON.stringify(r));
      assert.deepStrictEqual([textAt(doc, r.range), r.placeholder], ['PM-1.2.1', 'PM-1.2.1']);
      const quoted = load(MEASURES.replace('id: PM-1.2.1', 'id: "PM-1.2.1"')).doc;
      const q = prepareRename(ws, quoted, positionOf(quoted, 'id: "PM-1.2.1"', 6));
      assert.ok('range' in q, JSON.stringify(q));
      assert.strictEqual(textAt(quoted, q.range), 'PM-1.2.1');
    });

    it('renames a measure id, keeping its quotes, and leaves the rest of the plan as it was', () => {
      const { ws, doc } = load(MEASURES.replace('id: PM-1.2.1', 'id: "PM-1.2.1"'));
      const edit = rename(doc, ws, 'id: "PM-1.2.1"', 'PM-1.2.9', 6);
      const after = applyEdits(doc.text, edit.changes![doc.uri]);
      assert.strictEqual(after, doc.text.replace('id: "PM-1.2.1"', 'id: "PM-1.2.9"'));
      assert.deepStrictEqual(load(after).doc.model.diagnostics, []);
    });

    it('renames the second of two measures sharing an id, which clears the duplicate', () => {
      const { ws, doc } = load(MEASURE_ERRORS);
      const edit = rename(doc, ws, 'id: PM-1.1.1', 'PM-1.2.1', 5, 2);
      assert.deepStrictEqual(edit.changes![doc.uri].map((e) => [e.range.start.line, textAt(doc, e.range), e.newText]), [[40, 'PM-1.1.1', 'PM-1.2.1']]);
      const after = load(applyEdits(doc.text, edit.changes![doc.uri])).doc;
      assert.deepStrictEqual(after.model.diagnostics.filter((d) => d.code === 'measure-duplicate'), []);
    });

    it('refuses an id that is not a valid measure id, or one another measure already has', () => {
      const { ws, doc } = load(MEASURES);
      assert.strictEqual(
        error(doc, ws, 'id: PM-1.2.1', '1.2.1', 5),
        '"1.2.1" cannot be a measure id: a measure id starts with a letter, followed by letters, digits, ., _ or - (for example PM-2.1.1).',
      );
      assert.strictEqual(error(doc, ws, 'id: PM-1.2.1', 'PM 1', 5), '"PM 1" cannot be a measure id: a measure id starts with a letter, followed by letters, digits, ., _ or - (for example PM-2.1.1).');
      assert.strictEqual(
        error(doc, ws, 'id: PM-1.2.1', 'PM-2.1.1', 5),
        'PM-2.1.1 is already the id of a measure of objective 2.1 ("Weekly open hours across all branches"). Choose an id no other measure has.',
      );
    });

    it('refuses an id that another measure reads through a merge key', () => {
      const text = MEASURES.replace('          - id: PM-1.1.1\n', '          - &mb\n            id: PM-1.1.1\n').replace('          - id: PM-1.2.1\n', '          - <<: *mb\n');
      const { ws, doc } = load(text);
      assert.match(error(doc, ws, 'id: PM-1.1.1', 'PM-9', 5), /^The id PM-1\.1\.1 is written once and read by more than one measure/);
    });
  });
});

describe('rename never changes a parent plan read from outside the workspace', () => {
  // Numbers with a gap (1.2, 2) that a rename may fix.
  const PARENT = lines('planwright: 1', 'title: Department Plan', 'organization: { name: Department, acronym: DEP }', 'units:', '  - { id: HQ, name: Headquarters }', 'goals:', '  - id: "1"', '    title: Secure', '    objectives:', '      - { id: "1.2", title: Manage }');
  const CHILD = lines('planwright: 1', 'title: Component Plan', 'organization: { name: Component, acronym: CMP }', 'parents: { DEP: ../dep/dep.plan.yaml }', 'goals:', '  - id: "2"', '    title: Enforce', '    aligns: [DEP 1.2]', '    objectives:', '      - { id: "2.1", title: Patrol, lead: HQ }');
  const PARENT_URI = 'file:///dep/dep.plan.yaml';
  function setup(parent = PARENT) {
    const { ws } = load(parent, PARENT_URI);
    ws.setExternal(PARENT_URI, true);
    const child = load(CHILD, 'file:///ws/cmp.plan.yaml', ws).doc;
    return { ws, child };
  }

  it('refuses to rename the parent objective an aligns entry names, before a name is typed, and says how to go on', () => {
    const { ws, child } = setup();
    const at = positionOf(child, 'DEP 1.2', 5);
    const r = prepareRename(ws, child, at);
    assert.ok('error' in r, JSON.stringify(r));
    assert.match(r.error, /^Renaming DEP 1\.2 would change dep\.plan\.yaml, which is outside the workspace: .*Open the file in the editor/);
    assert.ok('error' in provideRenameEdits(ws, child, at, '1.1'));
    // Open in the editor, it is the editor's document: the rename edits it.
    ws.setExternal(PARENT_URI, false);
    const ok = provideRenameEdits(ws, child, at, '1.1');
    assert.ok('edit' in ok && ok.edit.changes![PARENT_URI]?.length === 1, JSON.stringify(ok));
  });

  it('refuses to rename a unit the parent defines', () => {
    const { ws, child } = setup();
    const r = prepareRename(ws, child, positionOf(child, 'lead: HQ', 7));
    assert.ok('error' in r && /^Renaming unit HQ would change dep\.plan\.yaml, which is outside the workspace/.test(r.error), JSON.stringify(r));
  });

  it('refuses a rename in the workspace whose edit would change the entries of a plan outside it', () => {
    // The outside plan aligns to the component too (plans may name each other).
    const { ws, child } = setup(PARENT.replace('title: Manage }', 'title: Manage, aligns: [CMP 2] }').replace('goals:', 'parents: { CMP: ../ws/cmp.plan.yaml }\ngoals:'));
    const r = provideRenameEdits(ws, child, positionOf(child, 'id: "2"', 5), '1');
    assert.ok('error' in r, JSON.stringify(r));
    assert.match(r.error, /^This rename would change dep\.plan\.yaml, which is outside the workspace/);
  });
});
