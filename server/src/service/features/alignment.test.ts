import * as assert from 'assert';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../index';
import { PlanWorkspace } from '../documents';
import { componentPlan, DEPT, lines, offsetOf, positionOf } from '../test-util';

const DEPT_URI = 'file:///work/dept/dept.plan.yaml';
const CHILD_URI = 'file:///work/cmp/cmp.plan.yaml';
const OTHER_URI = 'file:///work/oth/oth.plan.yaml';

const OTHER = lines(
  'planwright: 1',
  'title: Other Component Plan',
  'organization: { name: Other, acronym: OTH }',
  'goals:',
  '  - id: "1"',
  '    title: Help',
  '    objectives:',
  '      - id: "1.1"',
  '        title: Share',
  '        aligns: "DHS 2.3"',
);

function setup(child = componentPlan('DHS 2.3', 'DHS 1')) {
  const ws = new PlanWorkspace();
  const service = createLanguageService(ws);
  const dept = ws.update(DEPT_URI, DEPT, 1);
  const doc = ws.update(CHILD_URI, child, 1);
  const other = ws.update(OTHER_URI, OTHER, 1);
  return { ws, service, dept, doc, other };
}

/** Each file's edits applied to its text. */
function applied(edit: WorkspaceEdit, texts: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const ws = new PlanWorkspace();
    const d = ws.update(uri, texts[uri], 1);
    let text = texts[uri];
    for (const e of [...edits].sort((a, b) => d.lines.offsetAt(b.range.start) - d.lines.offsetAt(a.range.start))) {
      text = text.slice(0, d.lines.offsetAt(e.range.start)) + e.newText + text.slice(d.lines.offsetAt(e.range.end));
    }
    out[uri] = text;
  }
  return out;
}

describe('alignment across plans: navigation and refactoring', () => {
  it('goes from an `aligns` entry to the parent plan\'s item', () => {
    const { service, doc } = setup();
    const defs = service.getDefinition(CHILD_URI, positionOf(doc, 'DHS 2.3', 5));
    assert.deepStrictEqual(defs.map((d) => [d.uri, d.range.start.line]), [[DEPT_URI, 15]]);
    assert.strictEqual(DEPT.split('\n')[15].trim(), '- { id: "2.3", title: Enforce Immigration Laws }');
  });

  it('hovers an entry with the parent item\'s number, title, breadcrumb, plan title and lead', () => {
    const { service, doc } = setup(componentPlan('DHS 1.1'));
    const hover = service.getHover(CHILD_URI, positionOf(doc, 'DHS 1.1', 1));
    assert.strictEqual((hover!.contents as { value: string }).value, '**DHS 1.1** — Share Intelligence\n\nGoal 1 › Objective 1.1 of Department Plan 2020-2024\n\nLead: PLCY (Office of Strategy, Policy, and Plans)');
  });

  it('says in the parent\'s hover which items of which plans support an item', () => {
    const { service, dept } = setup();
    const hover = service.getHover(DEPT_URI, positionOf(dept, '"2.3"', 1));
    assert.match((hover!.contents as { value: string }).value, /\n\nSupported by CMP 1 Enforce; OTH 1\.1 Share$/);
  });

  it('puts a code lens over each parent item other plans support, naming them, and none over the others', () => {
    const { service, dept } = setup();
    const lenses = service.getCodeLenses(DEPT_URI).map((l) => service.resolveCodeLens(l)).filter((l) => l.command?.title.startsWith('supported by'));
    assert.deepStrictEqual(lenses.map((l) => [l.range.start.line, l.command!.title, (l.command!.arguments![2] as { uri: string }[]).map((x) => x.uri)]), [
      [6, 'supported by CMP 1', [CHILD_URI]],
      [15, 'supported by CMP 1, OTH 1.1', [CHILD_URI, OTHER_URI]],
    ]);
    assert.ok(dept);
  });

  it('finds the references of a parent item across files, from the item and from an entry', () => {
    const { service, dept, doc } = setup();
    const fromItem = service.getReferences(DEPT_URI, positionOf(dept, '"2.3"', 1), true).map((l) => [l.uri, l.range.start.line]);
    assert.deepStrictEqual(fromItem, [[CHILD_URI, 6], [DEPT_URI, 15], [OTHER_URI, 9]]);
    const fromEntry = service.getReferences(CHILD_URI, positionOf(doc, 'DHS 2.3', 1), true).map((l) => [l.uri, l.range.start.line]);
    assert.deepStrictEqual(fromEntry, fromItem);
  });

  it('renumbers a parent item in every child plan\'s entries, keeping their quoting, in one edit, from the parent or from an entry', () => {
    // Objective 2.3 written as 2.4 (a gap): renaming it to 2.3 fixes the gap.
    const gap = DEPT.replace('"2.3"', '"2.4"');
    const ws = new PlanWorkspace();
    const service = createLanguageService(ws);
    const dept = ws.update(DEPT_URI, gap, 1);
    const doc = ws.update(CHILD_URI, componentPlan('DHS 2.4', 'DHS 1'), 1);
    const other = ws.update(OTHER_URI, OTHER.replace('DHS 2.3', 'DHS 2.4'), 1);
    const texts = { [DEPT_URI]: gap, [CHILD_URI]: doc.text, [OTHER_URI]: other.text };
    const expected = { [DEPT_URI]: DEPT, [CHILD_URI]: componentPlan('DHS 2.3', 'DHS 1'), [OTHER_URI]: OTHER };
    const fromParent = service.getRenameEdits(DEPT_URI, positionOf(dept, '"2.4"', 1), '2.3');
    assert.ok(fromParent && 'edit' in fromParent, JSON.stringify(fromParent));
    assert.deepStrictEqual(applied(fromParent.edit, texts), expected);
    assert.deepStrictEqual(service.prepareRename(CHILD_URI, positionOf(doc, 'DHS 2.4', 5)), { range: { start: { line: 6, character: 17 }, end: { line: 6, character: 20 } }, placeholder: '2.4' });
    const fromEntry = service.getRenameEdits(CHILD_URI, positionOf(doc, 'DHS 2.4', 5), '2.3');
    assert.ok(fromEntry && 'edit' in fromEntry);
    assert.deepStrictEqual(applied(fromEntry.edit, texts), expected);
  });

  it('renames the acronym of a plan and every entry of other plans that names it', () => {
    const { service, dept, doc, other } = setup();
    const r = service.getRenameEdits(DEPT_URI, positionOf(dept, 'acronym: DHS', 9), 'DEP');
    assert.ok(r && 'edit' in r, JSON.stringify(r));
    const out = applied(r.edit, { [DEPT_URI]: DEPT, [CHILD_URI]: doc.text, [OTHER_URI]: other.text });
    assert.match(out[DEPT_URI], /acronym: DEP \}/);
    assert.match(out[CHILD_URI], /aligns: \[DEP 2\.3, DEP 1\]/);
    assert.match(out[OTHER_URI], /aligns: "DEP 2\.3"/);
  });

  it('completes an entry: the workspace\'s acronyms, then that plan\'s numbers with titles', () => {
    const { service, ws } = setup();
    const text = componentPlan('D');
    const doc = ws.update(CHILD_URI, text, 2);
    const acronyms = service.getCompletion(CHILD_URI, doc.lines.positionAt(offsetOf(text, '[D', 2)));
    assert.deepStrictEqual(acronyms.items.map((i) => [i.label, i.detail]), [['DHS', 'Department Plan 2020-2024'], ['OTH', 'Other Component Plan']]);
    const typed = componentPlan('DHS 2');
    const doc2 = ws.update(CHILD_URI, typed, 3);
    const numbers = service.getCompletion(CHILD_URI, doc2.lines.positionAt(offsetOf(typed, 'DHS 2', 5)));
    assert.deepStrictEqual(numbers.items.map((i) => [i.label, i.detail]).slice(0, 3), [['1', 'goal: Counter Threats'], ['1.1', 'objective: Share Intelligence'], ['2', 'goal: Secure Borders']]);
    const edit = numbers.items.find((i) => i.label === '2.3')!.textEdit as { range: { start: { character: number }; end: { character: number } }; newText: string };
    assert.deepStrictEqual([edit.range.start.character, edit.range.end.character, edit.newText], [17, 18, '2.3']);
  });
});
