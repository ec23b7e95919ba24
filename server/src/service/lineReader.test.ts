// The line reader must read a goal exactly as yaml does (same items, spans, values), or give up.
import * as assert from 'assert';
import fc from 'fast-check';
import { generatePlan } from '../../../test/bench/generate';
import { NodeReader } from './build';
import { readGoalLines } from './lineReader';
import type { PlanItem } from './model';
import { readGoalWithYaml } from './parse';
import { getValidators, schemaDiagnostics } from './schema';
import { splitBlocks } from './split';
import { coastPlan, ERRORS, ICE, lines } from './test-util';

/** Blocks whose schema messages were compared (the property below must cover some). */
let schemaChecked = 0;

/** A goal's tree as comparable JSON (parents and owners point back up the tree). */
function tree(goal: PlanItem | undefined): string {
  return JSON.stringify(goal, (k, v) => (k === 'parent' || k === 'owner' ? undefined : v));
}

/**
 * What the line reader says of a block: undefined when it gives up; otherwise it must equal yaml's
 * reading, and yaml must have found nothing wrong with the text.
 */
function check(source: string, base = 0): 'read' | 'gave up' {
  const quick = readGoalLines(source, 3, base);
  if (!quick) return 'gave up';
  const ref = readGoalWithYaml(source.replace(/\r(?!\n)/g, '\n'), 3, base);
  assert.ok(ref, `yaml could not read what the line reader read:\n${source}`);
  assert.deepStrictEqual([...ref.doc.errors, ...ref.doc.warnings].map((e) => e.message), [], `the line reader read a block yaml finds wrong:\n${source}`);
  assert.strictEqual(tree(quick.goal), tree(ref.goal), `items differ for:\n${JSON.stringify(source)}`);
  assert.deepStrictEqual(quick.js, ref.js, `values differ for:\n${JSON.stringify(source)}`);
  // A goal with schema problems: the messages, placed on nodes made from the line reader's reading.
  const validate = getValidators().goal;
  if (!validate(quick.js)) {
    const errors = validate.errors;
    const text = ' '.repeat(base) + source;
    const mine = schemaDiagnostics(errors, new NodeReader(ref.doc, source, base), quick.yamlNode(), ['goals', 3], text);
    const yamls = schemaDiagnostics(errors, ref.reader, ref.node, ['goals', 3], text);
    assert.deepStrictEqual(mine, yamls, `schema messages differ for:\n${JSON.stringify(source)}`);
    schemaChecked++;
  }
  return 'read';
}

function goalBlocks(text: string): { source: string; start: number }[] {
  const split = splitBlocks(text)!;
  return split.goalBlocks.map((b) => ({ source: text.slice(b.start, b.end), start: b.start }));
}

describe('line reader', () => {
  it('reads every goal of the ICE plan and of a generated plan exactly as yaml does', () => {
    const generated = generatePlan({ goals: 6, objectives: 4, subobjectives: 3 }).text;
    const measured = generatePlan({ goals: 3, objectives: 3, subobjectives: 2, measuresPerObjective: 2 }).text;
    for (const text of [ICE, generated, generated.replace(/\n/g, '\r\n'), measured]) {
      for (const b of goalBlocks(text)) assert.strictEqual(check(b.source, b.start), 'read', b.source.slice(0, 200));
    }
  });

  it('reads the goals of a plan with accents, emoji and flow mappings exactly as yaml does, or gives up', () => {
    // The same objective written as a flow mapping, which yaml reads, and as a block mapping.
    const block = (t: string, eol: string) => t.replace(/- \{ id: "1\.2", title: (.*), related: \["1\.1"\], lead: OPS \}/, `- id: "1.2"${eol}        title: $1${eol}        related: ["1.1"]${eol}        lead: OPS`);
    for (const eol of ['\n', '\r\n']) {
      for (const b of goalBlocks(coastPlan(eol))) check(b.source, b.start);
      for (const b of goalBlocks(block(coastPlan(eol), eol))) assert.strictEqual(check(b.source, b.start), 'read', b.source);
    }
  });

  it('reads the goals of the error sample that yaml reads cleanly, and gives up on none of those it should read', () => {
    const results = goalBlocks(ERRORS).map((b) => check(b.source, b.start));
    assert.ok(results.includes('read'));
  });

  const SHAPES: [string, string, 'read' | 'either'][] = [
    ['comment lines between fields and entries', lines('  - id: "1"', '    # note', '    title: A', '    objectives:', '      # first', '      - id: "1.1"', '        title: B', '', '      # second', '      - id: "1.2"'), 'read'],
    ['a comment after the last field, as deep as the innermost mapping', lines('  - id: 1', '    objectives:', '      - id: 1.1', '        title: B', '        # kept by the objective', '    title: A'), 'read'],
    ['a comment after the last field, as deep as the list', lines('  - id: 1', '    objectives:', '      - id: 1.1', '        title: B', '', '      # kept by the list', '', '    title: A'), 'read'],
    ['comments at the end of the block at every depth', lines('  - id: 1', '    objectives:', '      - id: 1.1', '        title: B', '        # a', '      # b', '    # c', '  # d', '# e'), 'read'],
    ['the separator comment of the next goal', lines('  - id: "1"', '    title: A', '', '  # ---------------------------------------- Goal 2'), 'read'],
    ['a list at the indentation of its key', lines('  - id: 1', '    objectives:', '    - id: 1.1', '    - id: 1.2', '    title: A'), 'read'],
    ['empty values', lines('  - id: 1', '    title:', '    description:  ', '', '    lead:'), 'read'],
    ['an empty value at the end of the text, without a line break', '  - id: 1\n    title:', 'read'],
    ['end-of-line comments', lines('  - id: 1 # one', '    title: A #b c  # d', '    related: [ 2 , 3.10 ]   # e'), 'read'],
    ['quoted text with escapes', lines('  - id: "1"', `    title: "Tab\\there \\"q\\" \\u00e9 \\x41 \\\\"`, `    description: 'it''s'`), 'read'],
    ['folded and literal text with blank lines and clipping', lines('  - id: 1', '    title: >-', '      a', '      b', '', '      c', '    description: |', '      x', '', '        y', '      z', '', '', '    lead: A'), 'read'],
    ['numbers, true/false and null in every form', lines('  - id: 007', '    a: 1.10', '    b: -3', '    c: .5', '    d: 1e3', '    e: 0x1F', '    f: 0o17', '    g: True', '    h: ~', '    i: NULL', '    j: 1.1.1', '    k: +4'), 'read'],
    ['CRLF line ends', '  - id: "1"\r\n    title: >-\r\n      a\r\n      b\r\n    lead: [A, B]\r\n    # c\r\n', 'read'],
    ['a block that ends without a line break', '  - id: "1"\n    title: A', 'read'],
    ['measures with a baseline and years of targets and results, and milestones', lines('  - id: "1"', '    title: A', '    measures:', '      - id: PM-1', '        name: Percent met', '        direction: increase', '        lead: [OPS, INV]', '        priority: true', '        baseline:', '          year: 2020', '          value: 61', '        targets:', '          2021: 63', '          2022: "65"', '          0: x', '        results:', '          2021: 64.5', '          FY2022: 62', '    milestones:', '      - title: Stand up the cell', '        due: 2022-06-30', '        done: false'), 'read'],
    ['measures written with one-line flow mappings, as plan writers do', lines('  - id: "1"', '    title: A', '    measures:', '      - id: PM-1', '        baseline: { year: 2020, value: 61 }', '        targets: { 2021: 63, 2022: "65" ,2023: 6.5 }   # c', "        results: {2021: 'x y', FY2022: null}", '    milestones:', '      - { title: Stand up the cell, due: 2022-06-30, done: true }'), 'read'],
    ['misspelt keys of items, measures and milestones', lines('  - ib: "1"', '    titel: A', '    objectves:', '      - id: "1.1"', '        title: B', '        lead: 5', '        subobjectves:', '          - { ib: "1.1.1", titel: C }', '        measures:', '          - ib: PM-1', '            nmae: N', '            targts: { 2021: 1 }', '        milestones:', '          - { titel: M, due: 2022-06-30 }'), 'read'],
    ['flow mappings that are empty, nested, multi-line or end in a comma', lines('  - id: 1', '    a: {}', '    b: { c: { d: 1 } }', '    e: { f: [1] }', '    g: { h: 1, }', '    i: { j: 1', '      }', '    k: { l }', '    m: { n:1 }'), 'either'],
    ['a year key written with a leading zero or a sign', lines('  - id: 1', '    targets:', '      02021: 1', '      +2022: 2'), 'either'],
    ['a year key with more after its digits', lines('  - id: 1', '    targets:', '      2021x: 1', '      1e3: 2'), 'either'],
    ['anchors and aliases', lines('  - id: &x 1', '    title: *x'), 'either'],
    ['a multi-line plain scalar', lines('  - id: 1', '    title: one', '      two'), 'either'],
    ['a multi-line quoted scalar', lines('  - id: 1', '    title: "one', '      two"'), 'either'],
    ['a colon and space in plain text', lines('  - id: 1', '    title: a: b'), 'either'],
    ['a duplicate key', lines('  - id: 1', '    id: 2'), 'either'],
    ['a comment deeper than its mapping', lines('  - id: 1', '    title: A', '        # deep', '    lead: B'), 'either'],
    ['an empty value followed by a comment', lines('  - id: 1', '    title:', '    # c', '    lead: B'), 'either'],
    ['a flow mapping', lines('  - id: 1', '    period: { start: 1 }'), 'either'],
    ['tabs', lines('  - id: 1', '\ttitle: A'), 'either'],
    ['keep chomping', lines('  - id: 1', '    title: |+', '      a', '', '    lead: B'), 'either'],
    ['a more-indented line in folded text', lines('  - id: 1', '    title: >', '      a', '        b', '      c'), 'either'],
    ['two entries', lines('  - id: 1', '  - id: 2'), 'either'],
    ['bad indentation', lines('  - id: 1', '     title: A'), 'either'],
  ];
  for (const [what, source, expected] of SHAPES) {
    it(`${expected === 'read' ? 'reads' : 'reads exactly or gives up on'} ${what}`, () => {
      const got = check(source, 17);
      if (expected === 'read') assert.strictEqual(got, 'read');
    });
  }

  // Random goal blocks: fields of every kind, then lines inserted, re-indented, commented, cut.
  const good = fc.constantFrom('A', 'Plan of the Côte 🌊', 'ops', 'R&D', '1', '1.10', '"2.3"', "'2.3.1'", '007', '-3', '.5', '1e3', '0x1F', 'true', 'Null', '~',
    'a #b', 'a#b', 'a:b', '-x', '"a\\"b"', '"\\u00e9\\t"', "'it''s'", '[A, B]', '[ ]', '["1.2", 3, \'x y\']', '|', '>-', '|-', '>', '',
    'DHS 2.3', '[DHS 1.1, "CBP 2.10", DHS]',
    '{ year: 2020, value: 61 }', '{2021: 63, 2022: "6 5", 2023: .5}', "{ title: M, due: 2022-06-30, done: true, x: 'a''b' }");
  const odd = fc.constantFrom('a: b', '- x', '? x', ': x', '"\\q"', '[a,]', '[a, [b]]', '{a: 1}', '&x a', '*x', '!t a', '|+', '|2', '# c', '%x', '@x', '`x`', '"', "'", '.inf', '[a', '"a" b', '{}', '{ a: 1, }', '{ a: { b: 1 } }', '{a:1}', '{ a: [1] }', '{ 02021: 1 }', '{ a: 1, a: 2 }', '{ a: b #c }', '{ true: 1 }', '{ a: 1 } x');
  const goodKey = fc.constantFrom('id', 'title', 'description', 'lead', 'support', 'related', 'aligns', 'objectives', 'subobjectives', 'x', 'a-b',
    'measures', 'milestones', 'name', 'direction', 'priority', 'baseline', 'targets', 'results', 'year', 'value', 'due', 'done', '2021', '2022', '0',
    // Misspelt keys, read as the field they stand for when the mapping lacks it (keyReading).
    'ib', 'titel', 'subobjectves', 'objectves', 'nmae', 'targts');
  /** Keys whose children are written as a mapping (`targets:` then `2021: 63`), not a list. */
  const MAP_KEYS = new Set(['baseline', 'targets', 'results', '2021', 'targts']);
  const oddKey = fc.oneof({ arbitrary: goodKey, weight: 8 }, fc.constantFrom('true', '__proto__', 'a b'));
  const oddWord = fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: odd, weight: 1 });
  const blockText = fc.array(fc.tuple(fc.nat({ max: 4 }), fc.constantFrom('text', 'more', '# hash', '', '  ', 'a: b', '- x')), { minLength: 0, maxLength: 4 });
  const cleanText = fc.array(fc.tuple(fc.constant(0), fc.constantFrom('text', 'more words', '# hash', '', 'a: b', '- x')), { minLength: 1, maxLength: 4 })
    .filter((ls) => ls[0][1] !== '');
  type Field = { key: string; value: string; block: [number, string][]; children: Field[][] };
  /** Fields of a goal: plain ones (most of a real plan) or with odd values and keys mixed in. */
  const fieldsOf = (key: fc.Arbitrary<string>, word: fc.Arbitrary<string>, text: fc.Arbitrary<[number, string][]>) => {
    const field: fc.Memo<Field> = fc.memo((n) =>
      fc.record({ key, value: word, block: text, children: n > 1 ? fc.array(fc.uniqueArray(field(n - 1), { selector: (f) => f.key, minLength: 1, maxLength: 3 }), { maxLength: 2 }) : fc.constant([]) }),
    );
    return fc.uniqueArray(field(3), { selector: (f) => f.key, minLength: 1, maxLength: 6 });
  };
  const goalFields = fc.oneof(fieldsOf(goodKey, good, cleanText), fieldsOf(oddKey, oddWord, blockText));
  function render(fields: Field[], indent: number, out: string[], entry: boolean): void {
    fields.forEach((f, i) => {
      const pad = ' '.repeat(indent);
      const lead = entry && i === 0 ? ' '.repeat(indent - 2) + '- ' : pad;
      if (f.children.length && MAP_KEYS.has(f.key)) {
        out.push(`${lead}${f.key}:`);
        render(f.children[0], indent + 2, out, false);
      } else if (f.children.length) {
        out.push(`${lead}${f.key}:`);
        for (const c of f.children) render(c, indent + 4, out, true);
      } else {
        out.push(`${lead}${f.key}: ${f.value}`.trimEnd());
        if (/^[|>]/.test(f.value)) for (const [extra, t] of f.block) out.push(t ? ' '.repeat(indent + 2 + extra) + t : '');
      }
    });
  }
  const mutation = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    what: fc.constantFrom('comment', 'blank', 'indent+', 'indent-', 'tail comment', 'delete', 'spaces', 'crlf', 'fragment'),
    depth: fc.nat({ max: 12 }),
    fragment: fc.constantFrom(' ', ':', ': ', '"', "'", '#', ' #', '[', ']', ',', '-', '- ', '\n', '\r\n', '&', '*', '|', '>', 'é'),
  });
  function mutate(text: string, m: { at: number; what: string; depth: number; fragment: string }): string {
    const ls = text.split('\n');
    const i = Math.min(ls.length - 1, Math.floor(m.at * ls.length));
    switch (m.what) {
      case 'comment': ls.splice(i, 0, ' '.repeat(m.depth) + '# c'); break;
      case 'blank': ls.splice(i, 0, ''); break;
      case 'indent+': ls[i] = ' ' + ls[i]; break;
      case 'indent-': ls[i] = ls[i].replace(/^ /, ''); break;
      case 'tail comment': ls[i] += ' # t'; break;
      case 'delete': ls.splice(i, 1); break;
      case 'spaces': ls[i] += '  '; break;
      case 'crlf': return ls.join('\r\n');
      case 'fragment': {
        const pos = Math.floor(m.at * text.length);
        return text.slice(0, pos) + m.fragment + text.slice(pos);
      }
    }
    return ls.join('\n');
  }

  it('reads random goal blocks exactly as yaml does, or gives up', function () {
    this.timeout(120000);
    let read = 0;
    const numRuns = Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 20;
    fc.assert(
      fc.property(goalFields, fc.array(mutation, { maxLength: 3 }), fc.boolean(), (fields, mutations, newlineAtEnd) => {
        const out: string[] = [];
        render(fields, 4, out, true);
        let text = out.join('\n') + (newlineAtEnd ? '\n' : '');
        for (const m of mutations) text = mutate(text, m);
        if (check(text, 5) === 'read') read++;
      }),
      { numRuns, seed: 20261126 },
    );
    // The property means little if the reader gave up on everything (a third are read).
    assert.ok(read > numRuns / 5, `read only ${read} of ${numRuns} blocks`);
    assert.ok(schemaChecked > numRuns / 10, `schema messages compared on only ${schemaChecked} blocks`);
  });

  it('reads edited goals of the ICE plan exactly as yaml does, or gives up', function () {
    this.timeout(120000);
    const blocks = goalBlocks(ICE).map((b) => b.source);
    fc.assert(
      fc.property(fc.nat({ max: blocks.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 5 }), (which, mutations) => {
        let text = blocks[which];
        for (const m of mutations) text = mutate(text, m);
        check(text, 11);
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 20, seed: 20261127 },
    );
  });
});
