import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { applyEdits } from '../edits';
import { componentPlan, DEPT, DETENTION, ERRORS, ICE, ICE_URI, lines, load, textAt } from '../test-util';
import { improves, provideCodeActions } from './codeActions';
import { provideDiagnostics } from './diagnostics';

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The diagnostics on a line, with the actions offered for them. */
function actionsOnLine(ws: PlanWorkspace, doc: PlanDocument, line: number, code?: string): { diags: Diagnostic[]; actions: CodeAction[] } {
  const diags = provideDiagnostics(ws, doc).filter((d) => d.range.start.line === line && (!code || d.code === code));
  assert.ok(diags.length, `no diagnostic on line ${line}`);
  return { diags, actions: provideCodeActions(ws, doc, diags[0].range, diags) };
}

/** The actions' titles and kinds, without the "Ignore CODE on this line" offered last for every finding (suppress.test.ts tests those). */
function titles(actions: CodeAction[]): [string, string | undefined][] {
  return actions.filter((a) => !/^Ignore \S+ on this line$/.test(a.title)).map((a) => [a.title, a.kind]);
}

function textOf(doc: PlanDocument, d: Diagnostic): string {
  return textAt(doc, d.range);
}

function applied(doc: PlanDocument, a: CodeAction): string {
  return applyEdits(doc.text, a.edit!.changes![doc.uri]);
}

describe('code actions', () => {
  describe('on the with-errors sample', () => {
    it('offers to change a number that is a gap or a typo (equally likely) to the next one, not as preferred, then to renumber the sub-objectives of objective 1.1 or the whole plan', () => {
      const { ws, doc } = load(ERRORS);
      const { diags, actions } = actionsOnLine(ws, doc, 22);
      assert.deepStrictEqual(titles(actions), [['Change to 1.1.2', 'quickfix'], ['Renumber the sub-objectives of objective 1.1', 'quickfix'], ['Renumber the whole plan', 'quickfix']]);
      assert.strictEqual(actions[0].isPreferred, false);
      assert.deepStrictEqual(actions[1].edit, {
        changes: { [doc.uri]: [{ range: { start: { line: 22, character: 17 }, end: { line: 22, character: 22 } }, newText: '1.1.2' }] },
      });
      assert.deepStrictEqual(actions[0].edit, actions[1].edit);
      assert.deepStrictEqual(actions[1].diagnostics, diags);
      assert.deepStrictEqual(actions[2].diagnostics, diags);
      assert.strictEqual(actions[2].edit!.changes![doc.uri].length, 5);
    });

    it('offers "Change to 2.2" as the preferred fix of an objective numbered under the wrong goal', () => {
      const { ws, doc } = load(ERRORS);
      const { diags, actions } = actionsOnLine(ws, doc, 33, 'numbering-parent');
      assert.deepStrictEqual(actions[0], {
        title: 'Change to 2.2',
        kind: 'quickfix',
        diagnostics: diags,
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: { start: { line: 33, character: 13 }, end: { line: 33, character: 16 } }, newText: '2.2' }] } },
      });
      assert.deepStrictEqual(titles(actions).slice(1), [['Renumber the objectives of goal 2', 'quickfix'], ['Renumber the whole plan', 'quickfix']]);
    });

    it('offers to put an unquoted dotted number in quotes, as the preferred fix', () => {
      const { ws, doc } = load(ERRORS);
      const { actions } = actionsOnLine(ws, doc, 24, 'numbering-format');
      assert.deepStrictEqual(actions[0], {
        title: 'Put 1.2 in quotes',
        kind: 'quickfix',
        diagnostics: [provideDiagnostics(ws, doc).find((d) => d.code === 'numbering-format')],
        isPreferred: true,
        edit: { changes: { [doc.uri]: [{ range: { start: { line: 24, character: 12 }, end: { line: 24, character: 15 } }, newText: '"1.2"' }] } },
      });
      assert.deepStrictEqual(titles(actions), [['Put 1.2 in quotes', 'quickfix'], ['Renumber the whole plan', 'quickfix']]);
    });

    it('offers to rename a misspelled field to the one it resembles', () => {
      const { ws, doc } = load(ERRORS);
      const { actions } = actionsOnLine(ws, doc, 25);
      assert.deepStrictEqual(titles(actions), [['Rename `titel` to `title`', 'quickfix'], ['Renumber the whole plan', 'source']]);
      assert.strictEqual(actions[0].isPreferred, true);
      assert.deepStrictEqual(actions[0].edit!.changes![doc.uri], [{ range: { start: { line: 25, character: 8 }, end: { line: 25, character: 13 } }, newText: 'title' }]);
    });

    it('offers the unit the id resembles, or to create the unit under `units:` in the style of the units there', () => {
      const { ws, doc } = load(ERRORS);
      const { actions } = actionsOnLine(ws, doc, 26);
      assert.deepStrictEqual(titles(actions), [['Change to OPS', 'quickfix'], ['Create unit OPSS under `units:`', 'quickfix'], ['Renumber the whole plan', 'source']]);
      assert.deepStrictEqual(actions[0].edit!.changes![doc.uri], [{ range: { start: { line: 26, character: 14 }, end: { line: 26, character: 18 } }, newText: 'OPS' }]);
      assert.deepStrictEqual(actions[1].edit!.changes![doc.uri], [{ range: { start: { line: 10, character: 55 }, end: { line: 10, character: 55 } }, newText: '\n  - { id: OPSS, name: OPSS }' }]);
      assert.strictEqual(actions[0].isPreferred, true);
      assert.strictEqual(actions[1].isPreferred, undefined);
      const created = load(applied(doc, actions[1]));
      assert.deepStrictEqual(provideDiagnostics(created.ws, created.doc).filter((d) => d.code === 'reference-unresolved' && d.range.start.line === 27), []);
      assert.strictEqual(created.doc.model.unitsById.get('OPSS')?.[0].name, 'OPSS');
    });

    it('offers the number a `related` entry resembles', () => {
      const { ws, doc } = load(ERRORS);
      const { actions } = actionsOnLine(ws, doc, 18);
      assert.deepStrictEqual(titles(actions), [['Change to 2.1', 'quickfix'], ['Renumber the whole plan', 'source']]);
      assert.deepStrictEqual(actions[0].edit!.changes![doc.uri], [{ range: { start: { line: 18, character: 26 }, end: { line: 18, character: 29 } }, newText: '2.1' }]);
    });

    it('offers one renumbering of the objectives of goal 2 for its parent, duplicate and format errors together', () => {
      const { ws, doc } = load(ERRORS);
      const diags = provideDiagnostics(ws, doc).filter((d) => d.range.start.line >= 33 && d.range.start.line <= 37);
      assert.deepStrictEqual(diags.map((d) => d.code), ['numbering-parent', 'numbering-duplicate', 'numbering-format']);
      const actions = provideCodeActions(ws, doc, { start: diags[0].range.start, end: diags[2].range.end }, diags);
      assert.deepStrictEqual(titles(actions), [['Change to 2.2', 'quickfix'], ['Change to 2.3', 'quickfix'], ['Renumber the objectives of goal 2', 'quickfix'], ['Renumber the whole plan', 'quickfix']]);
      assert.deepStrictEqual(actions[2].diagnostics, diags);
      assert.deepStrictEqual(actions[2].edit!.changes![doc.uri].map((e) => [e.range.start.line, e.newText]), [[33, '2.2'], [35, '2.3'], [37, '2.4']]);
    });

    it('leaves no numbering problem after renumbering the whole plan', () => {
      const { ws, doc } = load(ERRORS);
      const [whole] = provideCodeActions(ws, doc, NOWHERE, []);
      assert.deepStrictEqual(titles([whole]), [['Renumber the whole plan', 'source']]);
      assert.strictEqual(whole.diagnostics, undefined);
      const after = load(applied(doc, whole));
      assert.deepStrictEqual(provideDiagnostics(after.ws, after.doc).filter((d) => String(d.code).startsWith('numbering-')), []);
    });
  });

  it('offers nothing where there is nothing to fix', () => {
    const { ws, doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(provideCodeActions(ws, doc, NOWHERE, []), []);
  });

  it('offers to renumber the goals for a goal numbered out of order', () => {
    const { ws, doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: A',
      '  - id: "3"',
      '    title: B',
      '    objectives:',
      '      - id: "3.1"',
      '        title: C',
    ));
    const { actions } = actionsOnLine(ws, doc, 3);
    assert.deepStrictEqual(titles(actions), [['Change to 2', 'quickfix'], ['Renumber the goals', 'quickfix'], ['Renumber the whole plan', 'quickfix']]);
    assert.strictEqual(actions[0].isPreferred, false, 'a gap or a typo: either is as likely');
    assert.strictEqual(applied(doc, actions[0]), doc.text.replace('"3"', '"2"').replace('"3.1"', '"2.1"'));
    assert.strictEqual(applied(doc, actions[1]), doc.text.replace('"3"', '"2"').replace('"3.1"', '"2.1"'));
  });

  it('renumbers the children\'s `aligns` entries with the plan: the group and whole-plan quick fixes give the Renumber Plan command\'s workspace edit', () => {
    // Objective 2.2 of the department's plan (acronym DHS) mistyped as 2.5; a component's plan aligns to it by that number.
    const parentText = DEPT.replace('id: "2.2"', 'id: "2.5"');
    const { ws, doc: parent } = load(parentText, 'file:///work/dept.plan.yaml');
    const child = load(componentPlan('DHS 2.5', 'DHS 2.3', 'DHS 1.1'), 'file:///work/cmp.plan.yaml', ws).doc;
    const line = parent.lines.positionAt(parentText.indexOf('"2.5"')).line;
    const { actions } = actionsOnLine(ws, parent, line, 'numbering-sequence');
    const renumbers = actions.filter((a) => /^Renumber /.test(a.title));
    assert.deepStrictEqual(renumbers.map((a) => a.title), ['Renumber the objectives of goal 2', 'Renumber the whole plan']);
    for (const a of renumbers) {
      const changes = a.edit!.changes!;
      assert.deepStrictEqual(Object.keys(changes).sort(), [child.uri, parent.uri].sort(), a.title);
      assert.strictEqual(applyEdits(child.text, changes[child.uri]), componentPlan('DHS 2.2', 'DHS 2.3', 'DHS 1.1'), a.title);
      assert.strictEqual(applied(parent, a), parentText.replace('id: "2.5"', 'id: "2.2"'), a.title);
    }
  });

  it('quotes a plain number in a CRLF plan, keeping its line breaks and comments', () => {
    const text = lines(
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - id: 1.10   # tenth',
      '        title: B',
    ).replace(/\n/g, '\r\n');
    const { ws, doc } = load(text);
    const { actions } = actionsOnLine(ws, doc, 4, 'numbering-format');
    assert.strictEqual(actions[0].title, 'Put 1.10 in quotes');
    assert.strictEqual(applied(doc, actions[0]), text.replace('id: 1.10   # tenth', 'id: "1.10"   # tenth'));
  });

  it('does not offer to rename a misspelled field when the right one is already there', () => {
    const { ws, doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    titel: B',
    ));
    const { actions } = actionsOnLine(ws, doc, 3, 'schema');
    assert.deepStrictEqual(titles(actions), []);
  });

  it('offers to rename a misspelled field of the plan and of a unit', () => {
    const { ws, doc } = load(lines(
      'planwright: 1',
      'title: T',
      'missionn: Keep the port safe.',
      'units:',
      '  - { id: OPS, nmae: Ops }',
      'goals:',
      '  - id: "1"',
      '    title: A',
    ));
    assert.deepStrictEqual(titles(actionsOnLine(ws, doc, 2, 'schema').actions), [['Rename `missionn` to `mission`', 'quickfix']]);
    const unit = actionsOnLine(ws, doc, 4, 'schema');
    const rename = unit.actions.find((a) => a.title === 'Rename `nmae` to `name`');
    assert.ok(rename, JSON.stringify(titles(unit.actions)));
    assert.strictEqual(applied(doc, rename), doc.text.replace('nmae', 'name'));
  });

  describe('creating a unit', () => {
    const goals = ['goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', '        lead: NEW'];
    const create = (text: string) => {
      const { ws, doc } = load(text);
      const { actions } = actionsOnLine(ws, doc, text.split(/\r?\n/).findIndex((l) => l.includes('lead: NEW')));
      const a = actions.find((x) => x.title === 'Create unit NEW under `units:`');
      assert.ok(a, JSON.stringify(titles(actions)));
      const after = applied(doc, a);
      const re = load(after);
      // The fixtures leave out `planwright:` and `title:`; anything else would be a problem of the new unit.
      const missingHead = (d: Diagnostic) => ['planwright', 'title'].includes((d.data as { missing?: string } | undefined)?.missing ?? '');
      assert.deepStrictEqual(provideDiagnostics(re.ws, re.doc).filter((d) => !missingHead(d)), [], after);
      return after;
    };

    it('adds a block entry right after the last block-style unit and its folded description, with CRLF line breaks', () => {
      const text = lines(
        'units:',
        '  - id: OD',
        '    name: Office',
        '    description: >-',
        '      Long text',
        '      on two lines.   # not a comment',
        '  # about the units',
        '',
        ...goals,
      ).replace(/\n/g, '\r\n');
      assert.strictEqual(create(text), text.replace('on two lines.   # not a comment\r\n', 'on two lines.   # not a comment\r\n  - id: NEW\r\n    name: NEW\r\n'));
    });

    it('adds a `units:` section before `goals:` when there is none', () => {
      const text = lines('planwright: 1', '# the goals', ...goals);
      assert.strictEqual(create(text), text.replace('goals:\n', 'units:\n  - { id: NEW, name: NEW }\ngoals:\n'));
    });

    it('fills an empty `units:` list', () => {
      assert.strictEqual(create(lines('units: []', ...goals)), lines('units: [{ id: NEW, name: NEW }]', ...goals));
      assert.strictEqual(create(lines('units:   # none yet', ...goals)), lines('units:   # none yet', '  - { id: NEW, name: NEW }', ...goals));
    });

    it('adds to a flow list of units', () => {
      assert.strictEqual(create(lines('units: [{ id: A, name: B }]', ...goals)), lines('units: [{ id: A, name: B }, { id: NEW, name: NEW }]', ...goals));
    });

    it('puts the cursor on the new unit\'s name and offers the kinds the workspace uses, in an editor that runs planwright.insertSnippet', () => {
      const text = lines('planwright: 1', 'title: T', 'units:', '  - id: OD', '    name: Office', '    kind: office', ...goals);
      const { ws, doc } = load(text);
      const line = text.split('\n').findIndex((l) => l.includes('lead: NEW'));
      const diags = provideDiagnostics(ws, doc).filter((d) => d.range.start.line === line);
      const a = provideCodeActions(ws, doc, diags[0].range, diags, (c) => c === 'planwright.insertSnippet').find((x) => x.title === 'Create unit NEW under `units:`')!;
      assert.strictEqual(a.command?.command, 'planwright.insertSnippet');
      const [uri, range, snippet] = a.command!.arguments as [string, { start: { line: number; character: number }; end: { line: number; character: number } }, string];
      assert.strictEqual(uri, doc.uri);
      // The edit first, then the snippet over the name in the edited text.
      const after = load(applied(doc, a)).doc;
      assert.strictEqual(textAt(after, range), 'NEW');
      assert.deepStrictEqual(range, { start: { line: 7, character: 10 }, end: { line: 7, character: 13 } });
      assert.strictEqual(snippet, '${1:NEW}\n    kind: ${2|office|}');
      // Without the command (any other editor), the same edit and nothing else.
      const plain = provideCodeActions(ws, doc, diags[0].range, diags).find((x) => x.title === 'Create unit NEW under `units:`')!;
      assert.strictEqual(plain.command, undefined);
      assert.deepStrictEqual(plain.edit, a.edit);
      // A flow-style unit list: the kind goes in the braces.
      const flow = load(lines('planwright: 1', 'title: T', 'units:', '  - { id: OD, name: Office, kind: office }', '  - { id: B, name: B, kind: a|b }', ...goals));
      const fd = provideDiagnostics(flow.ws, flow.doc).filter((d) => d.code === 'reference-unresolved');
      const fa = provideCodeActions(flow.ws, flow.doc, fd[0].range, fd, () => true).find((x) => x.title === 'Create unit NEW under `units:`')!;
      const [, frange, fsnippet] = fa.command!.arguments as [string, any, string];
      assert.strictEqual(textAt(load(applied(flow.doc, fa)).doc, frange), 'NEW');
      assert.strictEqual(fsnippet, '${1:NEW}, kind: ${2|a\\|b,office|}');
    });

    it('offers one action for several entries naming the same missing unit', () => {
      // A whole plan: without `planwright:` and `title:`, adding `units:` brings out their two problems (see improves).
      const text = lines('planwright: 1', 'title: T', ...goals, '        support: [NEW]');
      const { ws, doc } = load(text);
      const diags = provideDiagnostics(ws, doc).filter((d) => d.code === 'reference-unresolved');
      assert.strictEqual(diags.length, 2);
      const actions = provideCodeActions(ws, doc, { start: diags[0].range.start, end: diags[1].range.end }, diags);
      assert.deepStrictEqual(titles(actions), [['Create unit NEW under `units:`', 'quickfix']]);
      assert.deepStrictEqual(actions[0].diagnostics, diags);
    });
  });

  describe('a fix is offered only if it leaves fewer problems', () => {
    /** Two objectives numbered 1.4; the second one's sub-objectives are numbered as if it were 1.5. */
    const TWO_1_4 = lines(
      'planwright: 1',
      'title: T',
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - id: "1.3"',
      '        title: C',
      '      - id: "1.4"',
      '        title: D',
      '        subobjectives:',
      '          - id: "1.4.1"',
      '            title: D1',
      '          - id: "1.4.2"',
      '            title: D2',
      '      - id: "1.4"',
      '        title: E',
      '        subobjectives:',
      '          - id: "1.4.5"',
      '            title: E1',
      '          - id: "1.4.6"',
      '            title: E2',
    );

    const problems = (text: string) => {
      const { ws, doc } = load(text);
      return provideDiagnostics(ws, doc).length;
    };

    it('offers each fix for the second objective 1.4 and its sub-objectives only when applying it leaves fewer problems', () => {
      // Under the old numbering check, "Renumber the sub-objectives of objective 1.4" here made
      // them duplicates of the first 1.4's and raised the count (10 → 11 in the hostile test).
      const { ws, doc } = load(TWO_1_4);
      const diags = provideDiagnostics(ws, doc);
      const seq = diags.find((d) => d.code === 'numbering-sequence' && textOf(doc, d) === '"1.4.5"');
      assert.ok(seq, JSON.stringify(diags.map((d) => d.message)));
      const actions = provideCodeActions(ws, doc, seq.range, [seq]);
      assert.ok(actions.some((a) => a.title === 'Renumber the whole plan'), JSON.stringify(titles(actions)));
      for (const a of actions) assert.ok(problems(applied(doc, a)) < diags.length, `"${a.title}" leaves ${problems(applied(doc, a))} of ${diags.length}`);
    });

    it('judges an action by the problems its edit leaves, and never offers one whose edits overlap', () => {
      const { ws, doc } = load(ERRORS);
      const at = (line: number, a: number, b: number, newText: string) => ({ range: { start: { line, character: a }, end: { line, character: b } }, newText });
      const action = (...edits: ReturnType<typeof at>[]): CodeAction => ({ title: `test ${JSON.stringify(edits)}`, edit: { changes: { [doc.uri]: edits } } });
      assert.strictEqual(improves(ws, doc, action(at(25, 8, 13, 'title'))), true); // titel → title
      assert.strictEqual(improves(ws, doc, action(at(25, 8, 13, 'titl'))), false); // titel → titl: still misspelt
      assert.strictEqual(improves(ws, doc, action(at(25, 8, 13, 'title'), at(25, 10, 12, 'x'))), false); // overlapping edits
      assert.strictEqual(improves(ws, doc, action(at(25, 8, 13, 'title'), at(25, 8, 13, 'title'))), false); // one range twice
    });

    it('leaves fewer problems with every fix offered for every diagnostic of every broken fixture', () => {
      const fixtures: Record<string, string> = { 'with-errors sample': ERRORS, 'two objectives numbered 1.4': TWO_1_4, 'detention plan (units it does not define)': DETENTION };
      let offered = 0;
      for (const [name, text] of Object.entries(fixtures)) {
        const { ws, doc } = load(text);
        const diags = provideDiagnostics(ws, doc);
        const before = diags.length;
        assert.ok(before > 0, name);
        for (const d of [...diags.map((x) => [x]), diags]) {
          for (const a of provideCodeActions(ws, doc, d[0].range, d)) {
            offered++;
            const after = problems(applied(doc, a));
            assert.ok(after < before, `${name}: "${a.title}" leaves ${after} problems of ${before}`);
          }
        }
      }
      assert.ok(offered >= 20, `${offered} fixes offered`);
    });
  });

  describe('changing one number', () => {
    it('offers "Change to 1.2" first and preferred for objective 1.2 mistyped as 1.7 in the ICE plan, and applying it gives back the plan with no problem', () => {
      const damaged = ICE.replace('id: "1.2"', 'id: "1.7"');
      const { ws, doc } = load(damaged, ICE_URI);
      const diags = provideDiagnostics(ws, doc);
      assert.deepStrictEqual(diags.map((d) => [d.code, d.range.start.line, d.message]), [['numbering-sequence', 181, 'Objective 1.7 should be 1.2 (it follows 1.1 and precedes 1.3).']]);
      const actions = provideCodeActions(ws, doc, diags[0].range, diags);
      assert.deepStrictEqual(titles(actions), [['Change to 1.2', 'quickfix'], ['Renumber the objectives of goal 1', 'quickfix'], ['Renumber the whole plan', 'quickfix']]);
      assert.strictEqual(actions[0].isPreferred, true);
      assert.deepStrictEqual(actions[0].edit!.changes![ICE_URI], [{ range: { start: { line: 181, character: 13 }, end: { line: 181, character: 16 } }, newText: '1.2' }]);
      assert.strictEqual(applied(doc, actions[0]), ICE);
      const after = load(applied(doc, actions[0]), ICE_URI);
      assert.deepStrictEqual(provideDiagnostics(after.ws, after.doc), []);
    });

    it('gives the sub-objectives numbered after the mistyped number the new prefix too, keeping their quotes', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: "1.7"', '        title: C', '        subobjectives:', "          - { id: '1.7.1', title: X }", '          - { id: "1.2.2", title: Y }', '      - { id: "1.3", title: E }');
      const { ws, doc } = load(t);
      const diags = provideDiagnostics(ws, doc);
      assert.deepStrictEqual(diags.map((d) => [d.code, d.range.start.line]), [['numbering-sequence', 7]]);
      const fix = provideCodeActions(ws, doc, diags[0].range, diags)[0];
      assert.strictEqual(fix.title, 'Change to 1.2');
      assert.strictEqual(applied(doc, fix), t.replace('"1.7"', '"1.2"').replace("'1.7.1'", "'1.2.1'"));
    });
  });

  describe('schema fixes: one mistake, one problem, one preferred fix', () => {
    it('offers, as the preferred fix of a misspelt `id` (the one problem it makes), to rename it, which leaves no problem', () => {
      const t = ICE.replace('      - id: "1.2"', '      - ib: "1.2"');
      const { ws, doc } = load(t);
      const diags = provideDiagnostics(ws, doc);
      const line = t.split('\n').findIndex((l) => l === '      - ib: "1.2"');
      assert.deepStrictEqual(diags.map((d) => [d.code, d.range, d.message]), [
        ['schema', { start: { line, character: 8 }, end: { line, character: 10 } }, '`ib` is not a field of an objective; did you mean `id`? (the objective has no `id`)'],
      ]);
      const actions = provideCodeActions(ws, doc, diags[0].range, diags);
      assert.deepStrictEqual(titles(actions), [['Rename `ib` to `id`', 'quickfix']]);
      assert.strictEqual(actions[0].isPreferred, true);
      const after = load(applied(doc, actions[0]));
      assert.strictEqual(after.doc.text, ICE);
      assert.deepStrictEqual(provideDiagnostics(after.ws, after.doc), []);
    });

    it('offers, as the preferred fix of a title whose colon was left out in braces, to put the colon back, which leaves no problem', () => {
      const fixed = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: Publish Results }');
      const { ws, doc } = load(fixed.replace('title: Publish', 'title Publish'));
      const diags = provideDiagnostics(ws, doc);
      assert.deepStrictEqual(diags.map((d) => [d.code, d.range]), [['schema', { start: { line: 6, character: 21 }, end: { line: 6, character: 42 } }]]);
      const actions = provideCodeActions(ws, doc, diags[0].range, diags);
      assert.deepStrictEqual(titles(actions), [['Add the colon after `title`', 'quickfix']]);
      assert.strictEqual(actions[0].isPreferred, true);
      assert.deepStrictEqual(actions[0].edit!.changes![doc.uri], [{ range: { start: { line: 6, character: 26 }, end: { line: 6, character: 26 } }, newText: ':' }]);
      assert.strictEqual(applied(doc, actions[0]), fixed);
    });
  });
});
