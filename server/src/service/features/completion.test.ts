import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type MarkupContent, type TextEdit } from 'vscode-languageserver-types';
import { PlanWorkspace } from '../documents';
import { ERRORS, ICE, ICE_URI, lines, load, MEASURES } from '../test-util';
import { applyEdits } from '../edits';
import { MAX_RELATED_ITEMS, provideCompletion } from './completion';
import { provideDiagnostics } from './diagnostics';

/** The range `lines` lines further down (edits computed before a line was inserted above them). */
function shiftRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }, lines: number) {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

const URI = 'file:///work/plans/border.plan.yaml';
const CURSOR = '|';

/** Completes at the `|` of `source` (the marker is removed from the plan). */
function completeAt(source: string, ws = new PlanWorkspace(), uri = URI) {
  const at = source.indexOf(CURSOR);
  assert.ok(at >= 0 && source.indexOf(CURSOR, at + 1) < 0, 'the fixture needs exactly one cursor marker');
  const { doc } = load(source.slice(0, at) + source.slice(at + 1), uri, ws);
  const list = provideCompletion(ws, doc, doc.lines.positionAt(at));
  assert.strictEqual(list.isIncomplete, false);
  return list.items;
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const docOf = (item: CompletionItem) => (item.documentation as MarkupContent).value;

function find(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no completion labelled ${label} among ${labels(items).join(', ')}`);
  return item;
}

function range(line: number, start: number, end = start) {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A small plan; `extra` lines go into objective 1.1, after its `lead` (line 14 onwards). */
function border(...extra: string[]): string {
  return lines(
    'planwright: 1',
    'title: Border Plan',
    'units:',
    '  - id: ERO',
    '    name: Enforcement and Removal Operations',
    '  - id: HSI',
    '    name: Homeland Security Investigations',
    'goals:',
    '  - id: "1"',
    '    title: Secure the Border',
    '    objectives:',
    '      - id: "1.1"',
    '        title: Detect Crossings',
    '        lead: ERO',
    ...extra,
    '      - id: "1.2"',
    '        title: Remove Threats',
    '  - id: "2"',
    '    title: Build the Workforce',
    '    objectives:',
    '      - id: "2.1"',
    '        title: Hire Agents',
    '        subobjectives:',
    '          - id: "2.1.1"',
    '            title: Recruit Veterans',
  );
}

/** A workspace that already holds another plan, which defines the unit OPLA. */
function withLegalPlan(): PlanWorkspace {
  const ws = new PlanWorkspace();
  ws.update('file:///work/plans/legal%20office.plan.yaml', lines(
    'planwright: 1',
    'title: Legal Plan',
    'units:',
    '  - id: OPLA',
    '    name: Office of the Principal Legal Advisor',
    '    kind: directorate',
    'goals:',
    '  - id: "1"',
    '    title: Litigate',
  ), 1);
  return ws;
}

/** ICE with `line` inserted before the first line that starts with `before`. */
function iceWith(line: string, before: string): string {
  const at = ICE.indexOf('\n' + before) + 1;
  assert.ok(at > 0, `ICE has no line starting with ${before}`);
  return ICE.slice(0, at) + line + '\n' + ICE.slice(at);
}

describe('completion', () => {
  describe('of keys', () => {
    it('offers the fields an objective does not have yet, in the order of the schema', () => {
      const items = completeAt(border('        |'));
      assert.deepStrictEqual(labels(items), ['description', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
      assert.ok(items.every((i) => i.kind === 10 /* Property */));
      assert.deepStrictEqual(edit(find(items, 'description')), { range: range(14, 8), newText: 'description: ' });
      assert.strictEqual(find(items, 'description').insertText, 'description: ');
    });

    it('documents each field with its description from the schema, following $ref into $defs', () => {
      const items = completeAt(border().replace('            title: Recruit Veterans\n', '            title: Recruit Veterans\n            |\n'));
      assert.deepStrictEqual(labels(items), ['description', 'lead', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes']);
      assert.strictEqual(docOf(find(items, 'support')), 'The units that support this sub-objective.');
      assert.strictEqual(docOf(find(items, 'related')), 'Numbers of related goals, objectives or sub-objectives.');
    });

    it('replaces a half-typed key with the key, a colon and a space', () => {
      const items = completeAt(border('        sup|'));
      assert.deepStrictEqual(labels(items), ['description', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
      const support = find(items, 'support');
      assert.deepStrictEqual(edit(support), { range: range(14, 8, 11), newText: 'support: ' });
      assert.strictEqual(support.insertTextFormat, InsertTextFormat.PlainText);
      assert.deepStrictEqual(support.command, { title: 'Suggest', command: 'editor.action.triggerSuggest' });
    });

    it('completes the key of a line `    lea` in an objective although the line is not yet valid YAML', () => {
      const items = completeAt(border().replace('        lead: ERO\n', '        lea|\n'));
      assert.deepStrictEqual(labels(items), ['description', 'lead', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
      assert.deepStrictEqual(edit(find(items, 'lead')), { range: range(13, 8, 11), newText: 'lead: ' });
    });

    it('replaces only the key when a colon already follows it', () => {
      const items = completeAt(border('        sup|port: HSI'));
      assert.deepStrictEqual(edit(find(items, 'support')), { range: range(14, 8, 15), newText: 'support' });
    });

    it('offers a list field as a snippet whose first entry carries the right number', () => {
      const sub = find(completeAt(border('        |')), 'subobjectives');
      assert.strictEqual(edit(sub).newText, 'subobjectives:\n          - id: "${1:1.1.1}"\n            title: $2');
      assert.strictEqual(sub.insertTextFormat, InsertTextFormat.Snippet);
      assert.strictEqual(sub.insertTextMode, InsertTextMode.asIs);
    });

    it('offers the plan keys the plan does not have yet at the top level', () => {
      const items = completeAt(border().replace('goals:\n', '|\ngoals:\n'));
      assert.deepStrictEqual(labels(items), ['organization', 'parents', 'period', 'mission', 'vision', 'values', 'notes']);
      assert.strictEqual(docOf(find(items, 'mission')), 'The mission statement: what the organization does and for whom.');
      assert.strictEqual(edit(find(items, 'period')).newText, 'period:\n  start: $1\n  end: $2');
    });

    it('offers every plan key of the schema but $schema in an empty file', () => {
      const items = completeAt('|');
      assert.deepStrictEqual(labels(items), ['planwright', 'title', 'organization', 'parents', 'period', 'mission', 'vision', 'values', 'units', 'notes', 'goals']);
      assert.strictEqual(edit(find(items, 'planwright')).newText, 'planwright: 1');
      assert.strictEqual(edit(find(items, 'goals')).newText, 'goals:\n  - id: "${1:1}"\n    title: $2');
    });

    it('offers the fields of a unit after the `- ` of a new entry of `units`', () => {
      const items = completeAt(border().replace('goals:\n', '  - |\ngoals:\n'));
      assert.deepStrictEqual(labels(items), ['id', 'name', 'kind', 'description']);
      assert.deepStrictEqual(edit(find(items, 'name')), { range: range(7, 4), newText: 'name: ' });
    });

    it('offers nothing inside the text of a description', () => {
      const { doc } = load(ICE, ICE_URI);
      const inside = doc.lines.positionAt(ICE.indexOf('building a highly skilled') + 4);
      assert.deepStrictEqual(provideCompletion(new PlanWorkspace(), doc, inside).items, []);
    });

    it('offers nothing on a blank line between two paragraphs of a description', () => {
      const text = ICE.replace('job, ICE increases the effectiveness of its service to our country.\n\n', 'job, ICE increases the effectiveness of its service to our country.\n|\n');
      assert.deepStrictEqual(completeAt(text), []);
    });

    it('offers nothing in the value of a title', () => {
      assert.deepStrictEqual(completeAt(border().replace('Detect Crossings', 'Detect Cro|ssings')), []);
    });
  });

  describe('of unit ids', () => {
    it('offers the units of the plan, then those of the other plans, with their names, after `lead: `', () => {
      const items = completeAt(border().replace('        title: Remove Threats\n', '        title: Remove Threats\n        lead: |\n'), withLegalPlan());
      assert.deepStrictEqual(labels(items), ['ERO', 'HSI', 'OPLA']);
      assert.deepStrictEqual(items.map((i) => i.detail), ['Enforcement and Removal Operations', 'Homeland Security Investigations', 'Office of the Principal Legal Advisor']);
      assert.deepStrictEqual(edit(find(items, 'HSI')), { range: range(16, 14), newText: 'HSI' });
      assert.strictEqual(docOf(find(items, 'OPLA')), '**Office of the Principal Legal Advisor** (directorate)\n\nDefined in legal office.plan.yaml.');
    });

    it('replaces the part of the unit id already typed', () => {
      const items = completeAt(border('        support: H|'));
      assert.deepStrictEqual(edit(find(items, 'HSI')), { range: range(14, 17, 18), newText: 'HSI' });
    });

    it('leaves out the units already listed inside `support: [ERO, |]`', () => {
      const items = completeAt(border('        support: [ERO, |]'), withLegalPlan());
      assert.deepStrictEqual(labels(items), ['HSI', 'OPLA']);
      assert.deepStrictEqual(edit(find(items, 'HSI')), { range: range(14, 23), newText: 'HSI' });
    });

    it('leaves out the units listed on the other lines of a block list under `support:`', () => {
      const items = completeAt(border('        support:', '          - HSI', '          - |'));
      assert.deepStrictEqual(labels(items), ['ERO']);
      assert.deepStrictEqual(edit(items[0]), { range: range(16, 12), newText: 'ERO' });
    });
  });

  describe('of numbers in related', () => {
    it('offers every other item quoted, with its title, in document order inside `related: ["2.1", |]`', () => {
      const items = completeAt(border('        related: ["2.1", |]'));
      assert.deepStrictEqual(labels(items), ['1', '1.2', '2', '2.1.1']);
      assert.deepStrictEqual(items.map((i) => i.detail), ['Secure the Border', 'Remove Threats', 'Build the Workforce', 'Recruit Veterans']);
      assert.deepStrictEqual(items.map((i) => edit(i).newText), ['"1"', '"1.2"', '"2"', '"2.1.1"']);
      assert.deepStrictEqual(edit(items[0]).range, range(14, 25));
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.deepStrictEqual(labels(sorted), labels(items));
      assert.deepStrictEqual(items.map((i) => i.sortText), ['00000', '00002', '00003', '00005']);
    });

    it('inserts the bare number, replacing what was typed, when the cursor is inside quotes', () => {
      const items = completeAt(border('        related: ["2.|"]'));
      assert.deepStrictEqual(edit(find(items, '2.1')), { range: range(14, 19, 21), newText: '2.1' });
    });

    it('quotes the number on a `- ` line under `related:` and leaves out the entries above', () => {
      const items = completeAt(border('        related:', '          - "2"', '          - |'));
      assert.deepStrictEqual(labels(items), ['1', '1.2', '2.1', '2.1.1']);
      assert.deepStrictEqual(edit(find(items, '2.1')), { range: range(16, 12), newText: '"2.1"' });
    });

    it('offers the numbers of the ICE plan in order, leaving out the objective itself', () => {
      const items = completeAt(ICE.replace('        related: "1.4.4"\n', '        related: [|]\n'), new PlanWorkspace(), ICE_URI);
      assert.strictEqual(items.length, 5 + 17 + 53 - 1);
      assert.deepStrictEqual(labels(items).slice(0, 3), ['1', '1.1.1', '1.1.2']);
      assert.strictEqual(find(items, '2.2').detail, 'Generate, Analyze, and Share Actionable Intelligence');
    });
  });

  describe('of new goals, objectives and sub-objectives', () => {
    it('offers goal 6 on an empty `- ` line after the five goals of ICE', () => {
      const items = completeAt(ICE + '  - |', new PlanWorkspace(), ICE_URI);
      const goal = items[0];
      assert.strictEqual(goal.label, 'New goal 6');
      assert.strictEqual(goal.kind, 15 /* Snippet */);
      assert.strictEqual(goal.insertTextFormat, InsertTextFormat.Snippet);
      assert.deepStrictEqual(edit(goal), {
        range: range(739, 4),
        newText: 'id: "6"\n    title: ${1:Title}\n    objectives:\n      - id: "6.1"\n        title: $2',
      });
    });

    it('offers objective 4.5 in the objectives of goal 4 of ICE, which has 4.1 to 4.4', () => {
      const items = completeAt(iceWith('      - |', '  # ---------------------------------------------------------------- Goal 5'));
      assert.strictEqual(items[0].label, 'New objective 4.5');
      assert.strictEqual(edit(items[0]).newText, 'id: "4.5"\n        title: ${1:Title}');
      assert.deepStrictEqual(labels(items.slice(1)), ['id', 'title', 'description', 'lead', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
      assert.strictEqual(edit(find(items, 'id')).newText, 'id: "${1:4.5}"');
    });

    it('offers sub-objective 1.2.4 in the sub-objectives of objective 1.2 of ICE, which has 1.2.1 to 1.2.3', () => {
      const items = completeAt(iceWith('          - |', '      - id: "1.3"'));
      assert.strictEqual(items[0].label, 'New sub-objective 1.2.4');
      assert.strictEqual(edit(items[0]).newText, 'id: "1.2.4"\n            title: ${1:Title}');
    });

    it('offers the number that fits where a new objective is typed between 1.1 and 1.2 of ICE, moving 1.2 to 1.4 up by one in the same edit, their sub-objectives and the links naming them following', () => {
      const text = iceWith('      - |', '      - id: "1.2"');
      const items = completeAt(text, new PlanWorkspace(), ICE_URI);
      assert.strictEqual(items[0].label, 'New objective 1.2');
      assert.strictEqual(items[0].detail, 'Adds objective 1.2 of goal 1; 1.2–1.4 become 1.3–1.5, links following');
      assert.strictEqual(edit(items[0]).newText, 'id: "1.2"\n        title: ${1:Title}');
      // Typed and applied, the plan has no numbering or reference problem.
      const at = text.indexOf('|');
      const typed = text.slice(0, at) + 'id: "1.2"\n        title: New' + text.slice(at + 1);
      const line = text.slice(0, at).split('\n').length - 1;
      const after = applyEdits(typed, items[0].additionalTextEdits!.map((e) => (e.range.start.line > line ? { ...e, range: shiftRange(e.range, 1) } : e)));
      const re = load(after, ICE_URI);
      assert.deepStrictEqual(provideDiagnostics(re.ws, re.doc).map((d) => d.message), []);
      assert.match(after, /id: "1\.5"\n        title: Advance the Mission through Strategic/);
      assert.match(after, /related: "1\.5\.4"/);
    });

    it('offers the next number and no other edit at the end of a list', () => {
      const items = completeAt(iceWith('      - |', '  # ---------------------------------------------------------------- Goal 5'));
      assert.strictEqual(items[0].additionalTextEdits, undefined);
      assert.strictEqual(items[0].detail, 'Adds objective 4.5 of goal 4');
    });

    it('offers the new item with its dash on a blank line at the column of the entries, numbered for its place, the objective after it moving up by one', () => {
      const items = completeAt(border('      |'));
      assert.deepStrictEqual(labels(items), ['New objective 1.2']);
      assert.deepStrictEqual(edit(items[0]), { range: range(14, 6), newText: '- id: "1.2"\n        title: ${1:Title}' });
      assert.deepStrictEqual(items[0].additionalTextEdits, [{ range: { start: { line: 15, character: 13 }, end: { line: 15, character: 16 } }, newText: '1.3' }]);
      assert.strictEqual(items[0].detail, 'Adds objective 1.2 of goal 1; 1.2 becomes 1.3, links following');
    });

    it('offers no new item on a blank line at the column of the list key', () => {
      const items = completeAt(border().replace('    title: Build the Workforce\n', '    title: Build the Workforce\n    |\n'));
      assert.deepStrictEqual(labels(items), ['description', 'aligns', 'measures', 'milestones', 'notes']);
    });

    it('ignores malformed numbers when looking for the next free one', () => {
      const items = completeAt(lines(
        'planwright: 1',
        'title: T',
        'goals:',
        '  - id: "1"',
        '    title: G',
        '    objectives:',
        '      - { id: "1.1", title: A }',
        '      - { id: "1.2", title: B }',
        '      - { id: "1.x", title: C }',
        '      - { id: "17", title: D }',
        '      - { id: "2.9", title: E }',
        '      - |',
      ));
      assert.strictEqual(items[0].label, 'New objective 1.3');
    });

    it('numbers the first objective of a goal whose own number is malformed by its place', () => {
      const items = completeAt(lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: G', '  - id: "two"', '    title: H', '    objectives:', '      - |'));
      assert.strictEqual(items[0].label, 'New objective 2.1');
    });
  });

  describe('on half-typed and unusual text', () => {
    it('reads a CRLF plan: the same ranges, and snippets with CRLF line breaks', () => {
      const items = completeAt(border('        sub|').replace(/\n/g, '\r\n'));
      assert.deepStrictEqual(labels(items), ['description', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
      assert.deepStrictEqual(edit(find(items, 'subobjectives')), {
        range: range(14, 8, 11),
        newText: 'subobjectives:\r\n          - id: "${1:1.1.1}"\r\n            title: $2',
      });
    });

    it('still completes keys after a title whose quote is not closed', () => {
      const items = completeAt(border('        |').replace('title: Detect Crossings', 'title: "Detect Crossings'));
      assert.deepStrictEqual(labels(items), ['description', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
    });

    it('completes the ids in a list whose quote is not closed, closing it', () => {
      const items = completeAt(border('        related: ["2.1", "1.|'));
      assert.deepStrictEqual(edit(find(items, '1.2')), { range: range(14, 26, 28), newText: '1.2"' });
    });

    it('never throws, whatever the position, in plans with errors or half typed', () => {
      const plans = [
        ERRORS,
        border('        lea'),
        border('        related: ["2.1", "'),
        border('        support: [ERO, '),
        border('      - '),
        border('        - - x: [ {'),
        border().replace('title: Detect Crossings', 'title: "Detect Crossings'),
        border().replace(/\n/g, '\r\n'),
        ICE.slice(0, 9000),
        ICE.slice(0, 20000) + '    obj',
      ];
      let calls = 0;
      for (const text of plans) {
        const { ws, doc } = load(text, URI);
        for (let offset = 0; offset <= text.length; offset++) {
          const list = provideCompletion(ws, doc, doc.lines.positionAt(offset));
          assert.strictEqual(list.isIncomplete, false);
          calls++;
        }
      }
      assert.ok(calls > 30000);
    });
  });

  describe('for a new writer (issue 16)', () => {
    it('offers only fields and new entries on a blank line of the New Plan template, never words of its text', () => {
      const template = fs.readFileSync(path.join(__dirname, '../../../../../templates/new.plan.yaml'), 'utf8').replace(/<([^<>\n]+)>/g, '$1');
      const at = template.indexOf('    kind: directorate\n') + '    kind: directorate\n'.length;
      const items = completeAt(template.slice(0, at) + '    |\n' + template.slice(at));
      assert.deepStrictEqual(labels(items), ['description']);
      assert.ok(items.every((i) => i.kind === CompletionItemKind.Property || i.kind === CompletionItemKind.Snippet));
    });

    it('offers the unit kinds the workspace uses after `kind: `, the most used first, with their counts', () => {
      const items = completeAt(border().replace("    name: Homeland Security Investigations\n", "    name: Homeland Security Investigations\n    kind: |\n"), withLegalPlan());
      assert.deepStrictEqual(labels(items), ['directorate']);
      assert.strictEqual(items[0].detail, 'used by 1 unit');
      // ICE: OD is an office, four units are directorates, OPLA a program office.
      const ice = load(ICE, ICE_URI);
      const list = provideCompletion(ice.ws, ice.doc, { line: 45, character: 10 });
      assert.deepStrictEqual(list.items.map((i) => [i.label, i.detail]), [['directorate', 'used by 4 units'], ['office', 'used by 1 unit'], ['program office', 'used by 1 unit']]);
      assert.deepStrictEqual(edit(list.items[2]), { range: range(45, 10, 16), newText: 'program office' });
    });

    it('offers the new objective at any indentation after the last line of an objective that is no key column, re-indented to the column of the entries', () => {
      for (const col of [10, 12, 14]) {
        const items = completeAt(border(' '.repeat(col) + '|'));
        const item = find(items, 'New objective 1.2');
        assert.deepStrictEqual(edit(item), { range: range(14, 0, col), newText: '      - id: "1.2"\n        title: ${1:Title}' }, `at column ${col}`);
        assert.strictEqual(item.insertTextMode, InsertTextMode.asIs);
      }
    });

    it('offers the new entry of each list a `- ` line is inside, re-indented, and not of a list the line would split', () => {
      const items = completeAt(border('        - |'));
      assert.deepStrictEqual(edit(find(items, 'New objective 1.2')), { range: range(14, 0, 10), newText: '      - id: "1.2"\n        title: ${1:Title}' });
      // Goal 1 goes on after this line (objective 1.2): a new goal here would cut it in two.
      assert.ok(!labels(items).some((l) => String(l).startsWith('New goal')), labels(items).join(', '));
      const last = completeAt(border() + '              |\n');
      assert.deepStrictEqual(labels(last), ['New sub-objective 2.1.2', 'New objective 2.2', 'New goal 3']);
      assert.deepStrictEqual(edit(find(last, 'New goal 3')), { range: range(24, 0, 14), newText: '  - id: "3"\n    title: ${1:Title}\n    objectives:\n      - id: "3.1"\n        title: $2' });
      assert.deepStrictEqual(edit(find(last, 'New sub-objective 2.1.2')), { range: range(24, 0, 14), newText: '          - id: "2.1.2"\n            title: ${1:Title}' });
    });

    it('completes unit ids and numbers inside a flow mapping, as the ICE sample and the measures sample write them', () => {
      const flow = (entry: string) => lines(
        'planwright: 1',
        'title: Border Plan',
        'units:',
        '  - { id: ERO, name: Enforcement and Removal Operations, kind: directorate }',
        '  - { id: HSI, name: Homeland Security Investigations }',
        'goals:',
        '  - id: "1"',
        '    title: Secure the Border',
        '    objectives:',
        '      - { id: "1.1", title: Detect Crossings, lead: ERO }',
        `      ${entry}`,
      );
      const lead = completeAt(flow('- { id: "1.2", title: x, lead: |, support: [HSI] }'));
      assert.deepStrictEqual(labels(lead), ['ERO', 'HSI']);
      assert.deepStrictEqual(edit(lead[0]), { range: range(10, 37), newText: 'ERO' });
      const spaced = completeAt(flow('- { id: "1.2", title: x, lead:| }'));
      assert.strictEqual(edit(find(spaced, 'ERO')).newText, ' ERO');
      const related = completeAt(flow('- { id: "1.2", title: x, related: ["1", |] }'));
      assert.deepStrictEqual(labels(related), ['1.1']);
      assert.strictEqual(edit(related[0]).newText, '"1.1"');
      const kind = completeAt(flow('- { id: "1.2", title: x }').replace('Homeland Security Investigations }', 'Homeland Security Investigations, kind: | }'));
      assert.deepStrictEqual(labels(kind), ['directorate']);
      const units = load(MEASURES);
      const at = MEASURES.indexOf('kind: division }') + 'kind: '.length;
      const kinds = provideCompletion(units.ws, units.doc, units.doc.lines.positionAt(at));
      assert.deepStrictEqual(kinds.items.map((i) => [i.label, i.detail]), [['division', 'used by 2 units'], ['office', 'used by 1 unit']]);
    });

    it('completes the field names a flow mapping does not have yet, after its `{` or a comma, as `key: ` on the same line', () => {
      const plan = (unit: string, objective: string) => lines(
        'planwright: 1',
        'title: Border Plan',
        'organization: { name: Border Agency, | }',
        'units:',
        `  ${unit}`,
        'goals:',
        '  - id: "1"',
        '    title: Secure the Border',
        '    objectives:',
        `      ${objective}`,
      );
      const objective = completeAt(plan('- { id: ERO, name: Removal }', '- { id: "1.1", title: "Detect, {Crossings}", le| }').replace('Border Agency, | }', 'Border Agency }'));
      assert.deepStrictEqual(labels(objective), ['description', 'lead', 'support', 'related', 'aligns', 'measures', 'milestones', 'notes', 'subobjectives']);
      assert.deepStrictEqual(edit(find(objective, 'lead')), { range: range(9, 51, 53), newText: 'lead: ' });
      assert.strictEqual(find(objective, 'lead').command?.command, 'editor.action.triggerSuggest', 'the unit ids are offered next');
      const unit = completeAt(plan('- { id: ERO, | }', '- { id: "1.1", title: x }').replace('Border Agency, | }', 'Border Agency }'));
      assert.deepStrictEqual(labels(unit), ['name', 'kind', 'description']);
      const organization = completeAt(plan('- { id: ERO, name: Removal }', '- { id: "1.1", title: x }'));
      assert.deepStrictEqual(labels(organization), ['acronym']);
      // Before a colon already typed, only the name is replaced.
      const renamed = completeAt(plan('- { id: ERO, nam|: Removal }', '- { id: "1.1", title: x }').replace('Border Agency, | }', 'Border Agency }'));
      assert.deepStrictEqual(edit(find(renamed, 'name')), { range: range(4, 15, 18), newText: 'name' });
      // Not inside a flow list, a quoted string or a comment.
      for (const objective of ['- { id: "1.1", title: x, related: ["1", | ] }', '- { id: "1.1", title: "a, |" }', '- { id: "1.1", title: x } # { a, |']) {
        const items = completeAt(plan('- { id: ERO, name: Removal }', objective).replace('Border Agency, | }', 'Border Agency }'));
        assert.ok(!items.some((i) => i.label === 'description'), `${objective}: ${labels(items).join(', ')}`);
      }
    });

    it('offers no field names inside a text that holds a `{` (a block title, a quoted title with an escaped quote), and offers them after an apostrophe in a flow title', () => {
      const plan = (objective: string) => lines('planwright: 1', 'title: Border Plan', 'units:', '  - { id: ERO, name: Removal }', 'goals:', '  - id: "1"', '    title: Secure the Border', '    objectives:', ...objective.split('\n'));
      // Text, not a flow mapping: a key offered here would be written into the title.
      for (const objective of [
        '      - id: "1.1"\n        title: Reduce costs {phase 1, |',
        '      - id: "1.1"\n        title: Reduce costs {phase 1, le|',
        '      - id: "1.1"\n        description: See {the annex, |',
        '      - { id: "1.1", title: "Say \\"hi, |" }',
        "      - { id: \"1.1\", title: 'It''s {a, |' }",
      ]) {
        const items = completeAt(plan(objective));
        assert.ok(!items.some((i) => i.label === 'lead' || i.label === 'description'), `${JSON.stringify(objective)}: ${labels(items).join(', ')}`);
      }
      // A mapping that is a field's value (a measure's baseline, a key the format does not know) is not the owner's: its keys are not offered there.
      const measure = (line: string) => plan(['      - id: "1.1"', '        title: x', '        measures:', '          - id: m1', '            name: Crossings', line].join('\n'));
      for (const source of [measure('            baseline: { year: 2020, | }'), measure('            baseline: { |'), plan('      - id: "1.1"\n        title: x\n        extra: { a: 1, | }'), plan('      - { id: "1.1", title: x, extra: { a: 1, | } }')]) {
        const items = completeAt(source);
        assert.ok(!items.some((i) => ['unit', 'direction', 'lead', 'description'].includes(i.label as string)), `${JSON.stringify(source.split('\n').find((l) => l.includes('|')))}: ${labels(items).join(', ')}`);
      }
      // A plain flow title may hold an apostrophe: the mapping goes on after it.
      const after = completeAt(plan("      - { id: \"1.1\", title: Don't stop, le| }"));
      assert.deepStrictEqual(edit(find(after, 'lead')), { range: range(8, 40, 42), newText: 'lead: ' });
      const quoted = completeAt(plan('      - { id: "1.1", title: "Say \\"hi\\"", le| }'));
      // An anchor or a tag before the mapping.
      for (const objective of ['      - &o { id: "1.1", title: x, le| }', '      - !!map { id: "1.1", title: x, le| }']) assert.ok(completeAt(plan(objective)).some((i) => i.label === 'lead'), objective);
      assert.ok(quoted.some((i) => i.label === 'lead'), labels(quoted).join(', '));
      // Nor unit ids after `lead:` inside such a text.
      const unit = completeAt(plan('      - id: "1.1"\n        title: Reduce costs {phase 1, lead: |'));
      assert.ok(!unit.some((i) => i.label === 'ERO'), labels(unit).join(', '));
    });
  });

  it('offers at most a few hundred numbers in a large plan, those starting with what is typed, and says the list is incomplete', () => {
    const goals: string[] = [];
    for (let g = 1; g <= 40; g++) {
      goals.push(`  - id: "${g}"`, `    title: Goal ${g}`, '    objectives:');
      for (let o = 1; o <= 9; o++) goals.push(`      - { id: "${g}.${o}", title: Objective ${g}.${o} }`);
    }
    const text = lines('planwright: 1', 'title: Big', 'goals:', ...goals, '  - id: "41"', '    title: Last', '    objectives:', '      - id: "41.1"', '        title: O', '        related: ["3');
    const { ws, doc } = load(text);
    const end = doc.lines.positionAt(text.length - 1);
    const list = provideCompletion(ws, doc, end);
    assert.ok(list.items.length > 0 && list.items.length <= MAX_RELATED_ITEMS);
    assert.ok(list.items.every((i) => i.label.toString().startsWith('3')), list.items.map((i) => i.label).join());
    assert.strictEqual(list.items[0].label, '3');
    const all = provideCompletion(ws, doc, { line: end.line, character: end.character - 1 });
    assert.strictEqual(all.items.length, MAX_RELATED_ITEMS);
    assert.strictEqual(all.isIncomplete, true);
  });
});
