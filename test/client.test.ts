// The client's decisions that need no VS Code: which Plan view item follows the cursor, how
// problem counts read in the view and the status bar, and the New Plan snippet.
import * as assert from 'assert';
import { containing, innermost, problemCounts, problemsText, renumberedText } from '../client/src/outline';
import * as fs from 'fs';
import * as path from 'path';
import { planFileName, templateSnippet, templateText } from '../client/src/snippet';

interface Node {
  id: string;
  node: { range: { start: { line: number; character: number }; end: { line: number; character: number } } };
  children: Node[];
}
const item = (id: string, start: [number, number], end: [number, number], children: Node[] = []): Node => ({
  id,
  node: { range: { start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } } },
  children,
});
const at = (line: number, character: number) => ({ line, character });

// goals:                      line 10
//   - id: "1"                 11 (the goal's mapping starts at column 4)
//     title: Keep Cargo Moving
//     objectives:
//       - id: "1.1"           14
//         title: Shorten Berth Waiting Times
//         subobjectives:
//           - id: "1.1.1"     17
//             title: Publish Berth Schedules Daily
//       - id: "1.2"           19
//         title: Modernize Cranes   (ends line 20, column 32)
//   - id: "2"                 21
//     title: Secure the Waterfront  (ends line 22, column 33)
const OUTLINE = [
  item('1', [11, 4], [20, 32], [
    item('1.1', [14, 8], [18, 49], [item('1.1.1', [17, 12], [18, 49])]),
    item('1.2', [19, 8], [20, 32]),
  ]),
  item('2', [21, 4], [22, 33]),
];

describe('Plan view cursor following', () => {
  it('selects the deepest item whose lines hold the cursor', () => {
    assert.strictEqual(innermost(OUTLINE, at(18, 20))?.id, '1.1.1');
    assert.strictEqual(innermost(OUTLINE, at(15, 10))?.id, '1.1');
    assert.strictEqual(innermost(OUTLINE, at(12, 0))?.id, '1');
  });

  it('selects an item when the cursor is on its dash, before the id key', () => {
    assert.strictEqual(innermost(OUTLINE, at(19, 6))?.id, '1.2');
    assert.strictEqual(innermost(OUTLINE, at(21, 0))?.id, '2');
  });

  it('counts the end of an item\'s last line as inside it', () => {
    assert.strictEqual(innermost(OUTLINE, at(18, 49))?.id, '1.1.1');
    assert.strictEqual(innermost(OUTLINE, at(22, 33))?.id, '2');
  });

  it('leaves a range that ends at column 0 before that line', () => {
    const outline = [item('1', [1, 4], [3, 0]), item('2', [3, 4], [4, 10])];
    assert.strictEqual(innermost(outline, at(3, 0))?.id, '2');
  });

  it('finds, level by level, the item that holds the cursor, as the view does when it loads levels lazily', () => {
    assert.strictEqual(containing(OUTLINE, at(18, 20))?.id, '1');
    assert.strictEqual(containing(OUTLINE[0].children, at(18, 20))?.id, '1.1');
    assert.strictEqual(containing(OUTLINE[0].children[0].children, at(18, 20))?.id, '1.1.1');
    assert.strictEqual(containing(OUTLINE[0].children, at(12, 0)), undefined);
  });

  it('finds nothing above the first goal or below the last', () => {
    assert.strictEqual(innermost(OUTLINE, at(10, 3)), undefined);
    assert.strictEqual(innermost(OUTLINE, at(23, 0)), undefined);
  });
});

describe('Problem counts as words', () => {
  it('names errors and warnings with singular and plural, and nothing when there are none', () => {
    assert.deepStrictEqual(
      [problemsText(2, 1), problemsText(1, 0), problemsText(0, 3), problemsText(0, 0)],
      ['2 errors, 1 warning', '1 error', '3 warnings', ''],
    );
  });
});

describe('Problem counts in the status bar', () => {
  const pw = (level: 'error' | 'warning' | 'other', code = 'schema', data?: unknown) => ({ level, source: 'planwright', code, data });
  it('counts the errors and warnings VS Code has for the plan, of every source', () => {
    assert.deepStrictEqual(problemCounts([pw('error'), pw('warning'), pw('other'), { level: 'error', source: 'cSpell' }]), { errors: 2, warnings: 1 });
    assert.deepStrictEqual(problemCounts([]), { errors: 0, warnings: 0 });
  });

  it("takes Planwright's counts from its note when it sent only the most serious problems, and adds the other sources'", () => {
    const note = pw('other', 'problems-limit', { errors: 2, warnings: 28_000, information: 5, hints: 0 });
    assert.deepStrictEqual(problemCounts([pw('error'), pw('error'), pw('warning'), note, { level: 'warning', source: 'cSpell' }]), { errors: 2, warnings: 28_001 });
    // A note without counts (an older server) leaves the counting as it is.
    assert.deepStrictEqual(problemCounts([pw('error'), pw('other', 'problems-limit')]), { errors: 1, warnings: 0 });
  });
});

describe('Renumber Plan message', () => {
  it('says how many items were renumbered and how many links followed them, from the server\'s counts', () => {
    assert.strictEqual(renumberedText({ edits: 10, items: 7, links: 3 }), 'Renumbered 7 items; 3 links followed.');
    assert.strictEqual(renumberedText({ edits: 1, items: 1, links: 0 }), 'Renumbered 1 item.');
    assert.strictEqual(renumberedText({ edits: 2, items: 1, links: 1 }), 'Renumbered 1 item; 1 link followed.');
    assert.strictEqual(renumberedText({ edits: 0 }), 'The plan is already numbered in order: nothing to change.');
  });
});

describe('New Plan template as a snippet', () => {
  it('turns each <words> into a numbered tab stop and keeps everything else literal', () => {
    const template = 'title: <Organization> Plan\norganization: { name: <Organization name>, acronym: ORG }\nnote: costs $5 \\ more\n';
    assert.strictEqual(
      templateSnippet(template, []),
      'title: ${1:Organization} Plan\norganization: { name: ${2:Organization name}, acronym: ORG \\}\nnote: costs \\$5 \\\\ more\n',
    );
  });

  it('makes the organization acronym and the example unit id tab stops, the unit id one stop wherever it is written', () => {
    const template = fs.readFileSync(path.join(__dirname, '../../templates/new.plan.yaml'), 'utf8');
    const snippet = templateSnippet(template);
    const acronym = /acronym: \$\{(\d+):ORG\} \\\}/.exec(snippet);
    assert.ok(acronym, snippet.split('\n').find((l) => l.includes('acronym')));
    const unit = /- id: \$\{(\d+):OPS\}/.exec(snippet);
    assert.ok(unit, snippet);
    assert.ok(snippet.includes(`lead: \${${unit[1]}:OPS}`), 'lead names the same tab stop as the unit id');
    assert.notStrictEqual(acronym[1], unit[1]);
    assert.strictEqual(snippet.includes(' OPS') || snippet.includes(' ORG'), false, 'no sample id left literal');
    // Tab stops in the order of the text.
    const order = [...snippet.matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));
    assert.deepStrictEqual(order.filter((n, i) => order.indexOf(n) === i), order.filter((n, i) => order.indexOf(n) === i).slice().sort((a, b) => a - b));
  });

  it('names a plan file from its title, in any script, and falls back when there is none', () => {
    assert.strictEqual(planFileName('Harbor City Strategic Plan 2026-2030'), 'harbor-city-strategic-plan-2026-2030.plan.yaml');
    assert.strictEqual(planFileName('Plan stratégique — Ville de Québec'), 'plan-stratégique-ville-de-québec.plan.yaml');
    assert.strictEqual(planFileName('  ***  '), 'new.plan.yaml');
    assert.strictEqual(planFileName(undefined, 'new-2'), 'new-2.plan.yaml');
  });

  it('leaves the sample words in the text once inserted', () => {
    assert.strictEqual(templateText('title: <Organization> Plan\nmission: <What we do, and for whom.>\n'), 'title: Organization Plan\nmission: What we do, and for whom.\n');
  });
});
