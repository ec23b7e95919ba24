// One YAML mistake, one diagnostic (issue #10): the line at fault is named and worded for the
// plan writer, the rest of the plan is still read, the fix is offered, and the block-wise
// parser recovers exactly as the full parse does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from './documents';
import { applyEdits } from './edits';
import { provideCodeActions } from './features/codeActions';
import { provideDiagnostics } from './features/diagnostics';
import { parseFull, PlanParser } from './parse';
import { ICE, lines, load, ROOT } from './test-util';

const RIVER = fs.readFileSync(path.join(ROOT, 'test/fixtures/river-valley.plan.yaml'), 'utf8');

/** Replaces the one occurrence of `from` (it must be there once). */
function mistake(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at >= 0 && text.indexOf(from, at + 1) < 0, `"${from}" must occur once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

/** The plan's problems as the editor shows them, and the quick fixes offered for the first. */
function check(text: string): { ws: PlanWorkspace; doc: PlanDocument; diags: Diagnostic[]; actions: CodeAction[] } {
  const { ws, doc } = load(text);
  const diags = provideDiagnostics(ws, doc);
  const actions = diags.length ? provideCodeActions(ws, doc, diags[0].range, [diags[0]]) : [];
  // The CLI reads the whole text at once; the editor block by block: the same result.
  assert.deepStrictEqual(new PlanParser().parse(text).diagnostics, parseFull(text).diagnostics);
  return { ws, doc, diags, actions };
}

const applied = (doc: PlanDocument, a: CodeAction) => applyEdits(doc.text, a.edit!.changes![doc.uri]);
const summary = (d: Diagnostic[]) => d.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character, x.code, x.message]);

describe('YAML mistakes: one diagnostic, at the line at fault, with its fix', () => {
  it('names a tab that indents a line, reads the goal anyway, and replaces the tab with 2 spaces', () => {
    const text = mistake(ICE, '    title: Empower the Workforce', '\t  title: Empower the Workforce');
    const line = lineOf(text, '\t');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags), [[line, 0, 55, 'yaml-syntax', 'This line is indented with a tab; YAML indents with spaces only: replace the tab with 2 spaces.']]);
    // The goal is read with the line repaired: its title, and every item after it (nothing unresolved).
    assert.strictEqual(doc.model.goals[0].title, 'Empower the Workforce that Powers the Mission');
    assert.strictEqual(doc.model.items.length, 75);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Replace the tab with spaces', true]]);
    assert.strictEqual(applied(doc, actions[0]), ICE);
  });

  it('offers to replace every tab that indents a line of the file when there are several, as well as the one', () => {
    let text = mistake(ICE, '    title: Empower the Workforce', '\t  title: Empower the Workforce');
    text = mistake(text, '    title: Counter Threats and Protect the Homeland', '\t\ttitle: Counter Threats and Protect the Homeland');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags).map((d) => d[4]), [
      'This line is indented with a tab; YAML indents with spaces only: replace the tab with 2 spaces.',
      'This line is indented with tabs; YAML indents with spaces only: replace each tab with 2 spaces.',
    ]);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Replace the tab with spaces', true], ['Replace every tab that indents a line of this file with 2 spaces', undefined]]);
    assert.strictEqual(applied(doc, actions[1]), ICE);
  });

  it('indents a tab-indented line like its neighbour when 2 spaces would not line it up', () => {
    const text = mistake(ICE, '    title: Empower the Workforce', '\ttitle: Empower the Workforce');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags).map((d) => d[4]), ['This line is indented with a tab; YAML indents with spaces only: indent it with 4 spaces, like `id:` on the line above.']);
    assert.strictEqual(applied(doc, actions[0]), ICE);
  });

  it('names a quote left open on an item number, reads the number, and closes the quote at the end of the line', () => {
    const text = mistake(ICE, 'id: "1.2"', 'id: "1.2');
    const line = lineOf(text, 'id: "1.2\n');
    const { doc, diags, actions } = check(text);
    // Not also "1.2. is not a valid number", nor the items after it out of sequence.
    assert.deepStrictEqual(summary(diags), [[line, 12, 16, 'yaml-syntax', 'The double quote (`"`) that opens this text is not closed: add " at the end of the line.']]);
    assert.strictEqual(doc.model.itemsById.get('1.2')?.length, 1);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Close the quote', true]]);
    assert.strictEqual(applied(doc, actions[0]), ICE);
  });

  it('finds the line that opened a quote when it runs on to the end of its goal', () => {
    const text = mistake(ICE, 'id: "2.3.3"', 'id: "2.3.3');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags).map((d) => [d[0], d[4]]), [[lineOf(text, 'id: "2.3.3\n'), 'The double quote (`"`) that opens this text is not closed: add " at the end of the line.']]);
    assert.strictEqual(applied(doc, actions[0]), ICE);
  });

  it('closes a quote left open inside `{ }` after the value it opens', () => {
    const text = mistake(RIVER, "{ id: '1.1.2', title", "{ id: '1.1.2, title");
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags), [[lineOf(text, "'1.1.2,"), 18, 63, 'yaml-syntax', "The quote (`'`) that opens `1.1.2` is not closed: add ' after `1.1.2`."]]);
    assert.strictEqual(applied(doc, actions[0]), RIVER);
  });

  it('names a key whose colon was dropped and adds it', () => {
    const text = mistake(ICE, 'title: Recruit, Hire', 'title Recruit, Hire');
    const line = lineOf(text, 'title Recruit');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags), [[line, 8, 13, 'yaml-syntax', 'A colon is missing after `title`: write `title: ` before its value.']]);
    assert.strictEqual(doc.model.itemsById.get('1.1')![0].title, 'Recruit, Hire, and Retain a Diverse and Highly Capable Workforce');
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Add `:` after `title`', true]]);
    assert.strictEqual(applied(doc, actions[0]), ICE);
  });

  it('names a line indented one space more than the field above it, with nothing unresolved because its goal did not read', () => {
    const text = mistake(RIVER, '    title: Safe Water', '     title: Safe Water');
    const line = lineOf(text, '     title: Safe Water');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags), [[line, 0, 35, 'yaml-syntax', 'This line is indented 1 space more than `id:` on the line above: remove 1 space so that they line up.']]);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Line this line up with its neighbours', true]]);
    assert.strictEqual(applied(doc, actions[0]), RIVER);
  });

  it('names a unit line indented too far in plain words', () => {
    const text = mistake(ICE, '    name: Office of the Director', '      name: Office of the Director');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags).map((d) => [d[0], d[4]]), [[lineOf(text, '      name: Office'), 'This line is indented 2 spaces more than `id:` on the line above: remove 2 spaces so that they line up.']]);
    assert.strictEqual(doc.model.units.length, 6);
    assert.strictEqual(applied(doc, actions[0]), ICE);
  });

  it('names a stray `-` on a line of its own where it is, not where yaml notices it', () => {
    const text = mistake(ICE, '#\n# Contents:', '#\n- \n# Contents:');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags).map((d) => [d[0], d[4]]), [[lineOf(text, '\n- \n') + 1, 'This `-` on a line of its own starts an empty list entry, which does not fit here: delete it.']]);
    assert.strictEqual(doc.model.goals.length, 5);
    assert.strictEqual(applied(doc, actions[0]), mistake(ICE, '#\n# Contents:', '#\n\n# Contents:'));
  });

  it('reads only the goal with the mistake on the keystroke that makes it', () => {
    const parser = new PlanParser();
    parser.parse(ICE);
    for (const text of [mistake(ICE, '    title: Empower the Workforce', '\t  title: Empower the Workforce'), mistake(ICE, 'id: "2.3.3"', 'id: "2.3.3'), mistake(ICE, 'title: Recruit, Hire', 'title Recruit, Hire')]) {
      const m = parser.parse(text);
      assert.deepStrictEqual({ mode: parser.stats.mode, parsed: parser.stats.parsed }, { mode: 'blocks', parsed: 1 });
      assert.strictEqual(m.diagnostics.length, 1);
      parser.parse(ICE);
    }
  });

  it('words a YAML error no line repair answers without yaml\'s grammar, and folds the errors that follow it in its block into it', () => {
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    related: ["1.1", "1.2"', '    objectives:', '      - id: "1.1"', '        title: B', '  - id: "2"', '    title: C');
    const { diags } = check(text);
    const errors = diags.filter((d) => d.code === 'yaml-syntax');
    assert.strictEqual(errors.length, 1, JSON.stringify(summary(diags)));
    for (const d of diags) {
      for (const m of [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)]) assert.doesNotMatch(m, /implicit|compact|flow|map key|block seq|YAML syntax:/i, m);
    }
  });
});

describe('a YAML error no repair answers', () => {
  const plan = (related: string) => lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: @B', '  - id: "2"', '    title: C', '    objectives:', '      - id: "2.1"', '        title: D', `        related: ${related}`);

  it('reports no `related` entry naming an item of the goal it is in as unresolved: that item may be what could not be read', () => {
    const { diags } = check(plan('["1.2"]'));
    assert.deepStrictEqual(diags.map((d) => [d.code, d.range.start.line, d.message]), [['yaml-syntax', 7, 'A value cannot start with this character: put the whole value in quotes.']]);
  });

  it('still reports a `related` entry naming an item of a goal that read', () => {
    const { diags } = check(plan('["2.7", "1.1"]'));
    assert.deepStrictEqual(diags.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['yaml-syntax', 7, 15], ['reference-unresolved', 13, 18]]);
  });
});

describe('a bracket left open', () => {
  it('is closed at the end of its line', () => {
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', '        related: ["2", "1"', '  - id: "2"', '    title: C');
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags), [[8, 17, 26, 'yaml-syntax', 'This `[` is not closed: add `]` at the end of the line.']]);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Close the bracket', true]]);
    assert.strictEqual(applied(doc, actions[0]), text.replace('"2", "1"\n', '"2", "1"]\n'));
  });
});

describe('text holding `: `', () => {
  it('is put in double quotes, its comment left after it', () => {
    const from = '    title: Grow Trade: Sustainably         # yaml-syntax: an unquoted colon-space';
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', from);
    const { doc, diags, actions } = check(text);
    assert.deepStrictEqual(summary(diags), [[4, 11, 34, 'yaml-syntax', 'This text contains `: `, which would start a new field: put the whole text in double quotes.']]);
    assert.strictEqual(doc.model.goals[0].title, 'Grow Trade: Sustainably');
    assert.deepStrictEqual(actions.map((a) => [a.title, a.isPreferred]), [['Put the text in quotes', true]]);
    assert.strictEqual(applied(doc, actions[0]), text.replace('Grow Trade: Sustainably', '"Grow Trade: Sustainably"'));
  });
});

describe('recovery in the editor and in the CLI', () => {
  it('is the same block by block, on the keystroke that makes the mistake, as in a full parse, for every YAML mistake of the mutation harness', function () {
    this.timeout(120000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { harnessPlans, mutations } = require('../../../test/mutation/mutations') as typeof import('../../../test/mutation/mutations');
    let cases = 0;
    for (const p of harnessPlans()) {
      const parser = new PlanParser();
      parser.parse(p.text);
      for (const m of mutations(p.name, p.text)) {
        if (!['tab', 'open-quote', 'colon', 'indent', 'title-moved'].includes(m.kind)) continue;
        const block = parser.parse(m.text);
        const full = parseFull(m.text);
        const seen = (x: typeof full) => ({ d: x.diagnostics, items: x.items.map((i) => [i.id?.text, i.span.start, i.span.end, i.titleSpan?.start]) });
        assert.deepStrictEqual(seen(block), seen(full), `${m.kind} at ${m.where}`);
        parser.parse(p.text);
        cases++;
      }
    }
    assert.ok(cases > 250, `${cases} cases`);
  });
});
