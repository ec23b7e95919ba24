import * as assert from 'assert';
import * as fc from 'fast-check';
import type { PlanDocument } from '../documents';
import { applyEdits } from '../edits';
import { componentPlan, DEPT, ERRORS, ICE, ICE_URI, lines, load } from '../test-util';
import { provideDiagnostics } from './diagnostics';
import { renumber, renumberEdits, renumberWorkspaceEdit } from './renumber';

/** The text after a renumber, and the plan it reads as. */
function renumbered(doc: PlanDocument, scope?: Parameters<typeof renumberEdits>[1]): { text: string; doc: PlanDocument } {
  const text = applyEdits(doc.text, renumberEdits(doc, scope));
  return { text, doc: load(text, doc.uri).doc };
}

/** For each `related` entry in order, the title of the item it names (the first with that number). */
function linkTitles(doc: PlanDocument): (string | undefined)[] {
  return doc.model.refs.filter((r) => r.field === 'related').map((r) => doc.model.itemsById.get(r.target.text)?.[0].title);
}

describe('renumber', () => {
  it('fixes every numbering problem of the with-errors sample with five edits', () => {
    const { doc } = load(ERRORS);
    assert.deepStrictEqual(renumberEdits(doc), [
      { range: { start: { line: 22, character: 17 }, end: { line: 22, character: 22 } }, newText: '1.1.2' },
      { range: { start: { line: 24, character: 12 }, end: { line: 24, character: 15 } }, newText: '"1.2"' },
      { range: { start: { line: 33, character: 13 }, end: { line: 33, character: 16 } }, newText: '2.2' },
      { range: { start: { line: 35, character: 13 }, end: { line: 35, character: 16 } }, newText: '2.3' },
      { range: { start: { line: 37, character: 13 }, end: { line: 37, character: 18 } }, newText: '2.4' },
    ]);
    const after = renumbered(doc).doc;
    assert.deepStrictEqual(after.model.diagnostics.filter((d) => d.code.startsWith('numbering-')), []);
    // `related: ["2.1", ...]` named the first 2.1, which keeps its number; 2.9 named nothing and is left alone.
    assert.deepStrictEqual(linkTitles(after), ['Screen Every Container', undefined]);
  });

  it('changes nothing in a plan that is already numbered in order', () => {
    const { doc } = load(ICE, ICE_URI);
    assert.deepStrictEqual(renumberEdits(doc), []);
  });

  it('rewrites `related` entries so that each names the item it named before', () => {
    const text = lines(
      'goals:',
      '  - id: "2"',
      '    title: Second Written First',
      '    objectives:',
      '      - id: "2.1"',
      '        title: Alpha',
      '        related: ["1.1", "1"]',
      '  - id: "1"',
      '    title: First Written Second',
      '    objectives:',
      '      - id: "1.1"',
      '        title: Beta',
      '        related: "2.1"',
    );
    const { doc } = load(text);
    const after = renumbered(doc);
    assert.strictEqual(after.text, lines(
      'goals:',
      '  - id: "1"',
      '    title: Second Written First',
      '    objectives:',
      '      - id: "1.1"',
      '        title: Alpha',
      '        related: ["2.1", "2"]',
      '  - id: "2"',
      '    title: First Written Second',
      '    objectives:',
      '      - id: "2.1"',
      '        title: Beta',
      '        related: "1.1"',
    ));
    assert.deepStrictEqual(linkTitles(after.doc), linkTitles(doc));
    assert.deepStrictEqual(linkTitles(doc), ['Beta', 'First Written Second', 'Alpha']);
    // What the command tells the writer: four numbers changed, three links followed them.
    const r = renumber(doc);
    assert.ok(!('error' in r));
    assert.deepStrictEqual([r.items, r.links, r.edits.length], [4, 3, 7]);
  });

  it('says it renumbered nothing in a plan already in order, and counts the with-errors sample\'s five items and no link', () => {
    const ice = renumber(load(ICE, ICE_URI).doc);
    assert.deepStrictEqual('error' in ice ? ice : [ice.items, ice.links], [0, 0]);
    const errors = renumber(load(ERRORS).doc);
    assert.deepStrictEqual('error' in errors ? errors : [errors.items, errors.links], [5, 0]);
  });

  it('resolves an entry naming a duplicated number to the first item with it, and leaves an entry naming nothing alone', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: G',
      '    objectives:',
      '      - id: "1.2"',
      '        title: First Twin',
      '      - id: "1.2"',
      '        title: Second Twin',
      '        related: ["1.2", "7.7"]',
    ));
    const after = renumbered(doc);
    assert.strictEqual(after.text, doc.text.replace('id: "1.2"', 'id: "1.1"').replace('["1.2"', '["1.1"'));
    assert.deepStrictEqual(linkTitles(after.doc), ['First Twin', undefined]);
  });

  it('quotes plain dotted numbers it changes or that YAML reads as numbers, and keeps plain goal numbers plain', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: 1',
      '    title: G',
      '    objectives:',
      "      - id: '1.5'",
      '        title: A',
      '        subobjectives:',
      '          - id: 1.5.1',
      '            title: AA',
      '      - id: 1.10',
      '        title: B',
      '        related: [1.5.1, 1]',
      '  - id: 3',
      '    title: H',
    ));
    assert.strictEqual(renumbered(doc).text, lines(
      'goals:',
      '  - id: 1',
      '    title: G',
      '    objectives:',
      "      - id: '1.1'",
      '        title: A',
      '        subobjectives:',
      '          - id: "1.1.1"',
      '            title: AA',
      '      - id: "1.2"',
      '        title: B',
      '        related: ["1.1.1", 1]',
      '  - id: 2',
      '    title: H',
    ));
  });

  it('renumbers only the children of one item, moving their descendants\' prefixes', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: G',
      '    objectives:',
      '      - id: "1.3"',
      '        title: A',
      '        subobjectives:',
      '          - id: "1.3.1"',
      '            title: AA',
      '          - id: "1.3.4"',
      '            title: AB',
      '      - id: "1.1"',
      '        title: B',
      '        related: "1.3.4"',
      '  - id: "3"',
      '    title: H',
      '    objectives:',
      '      - id: "3.2"',
      '        title: C',
    ));
    const parent = doc.model.goals[0];
    assert.strictEqual(renumbered(doc, { parent }).text, lines(
      'goals:',
      '  - id: "1"',
      '    title: G',
      '    objectives:',
      '      - id: "1.1"',
      '        title: A',
      '        subobjectives:',
      '          - id: "1.1.1"',
      '            title: AA',
      '          - id: "1.1.4"',
      '            title: AB',
      '      - id: "1.2"',
      '        title: B',
      '        related: "1.1.4"',
      '  - id: "3"',
      '    title: H',
      '    objectives:',
      '      - id: "3.2"',
      '        title: C',
    ));
  });

  it('renumbers only the goals, moving their descendants\' prefixes', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: G',
      '  - id: "3"',
      '    title: H',
      '    objectives:',
      '      - id: "3.2"',
      '        title: C',
    ));
    assert.strictEqual(renumbered(doc, { goalsOnly: true }).text, doc.text.replace('"3"', '"2"').replace('"3.2"', '"2.2"'));
    assert.strictEqual(renumbered(doc).text, doc.text.replace('"3"', '"2"').replace('"3.2"', '"2.1"'));
  });

  it('skips items without a number and their descendants, without giving them a number', () => {
    const { doc } = load(lines(
      'goals:',
      '  - id: "1"',
      '    title: G',
      '  - title: No Number',
      '    objectives:',
      '      - id: "5.5"',
      '        title: Orphan',
      '  - id: "4"',
      '    title: H',
    ));
    assert.strictEqual(renumbered(doc).text, doc.text.replace('"4"', '"2"'));
  });

  it('keeps CRLF line breaks and comments, editing only the numbers', () => {
    const text = lines(
      '# header comment',
      'goals:',
      '  - id: "2"   # was two',
      '    # a comment line',
      '    title: G',
    ).replace(/\n/g, '\r\n');
    const { doc } = load(text);
    assert.strictEqual(renumbered(doc).text, text.replace('"2"', '"1"'));
  });

  describe('when items share a number through a merge key or an alias', () => {
    /** Objective 1.1 is a base; the objective after it merges it and has no id of its own. */
    const MERGED_ID = lines(
      'planwright: 1',
      'title: T',
      'goals:',
      '  - id: "1"',
      '    title: A',
      '    objectives:',
      '      - &base',
      '        id: "1.1"',
      '        title: O',
      '      - <<: *base',
      '        title: P',
      '      - id: "1.5"',
      '        title: Q',
    );

    it('refuses, naming the shared line and the items that read it, instead of editing the base\'s number back and forth on every run', () => {
      const { doc } = load(MERGED_ID);
      const r = renumber(doc);
      assert.ok('error' in r, JSON.stringify(r));
      assert.strictEqual(
        r.error,
        'The number 1.1 on line 8 is the number of 2 items, the 1st objective of goal 1 and the 2nd objective of goal 1: the others take it from there through a merge key (`<<: *...`) or an alias. ' +
          'Renumbering would give them different numbers (1.1 and 1.2), and changing that one line would change them all. ' +
          'Give each item that takes its number from a merge key or an alias an `id:` line of its own, then renumber again.',
      );
      assert.deepStrictEqual(renumberEdits(doc), []);
    });

    it('renumbers once the merging objective has an id of its own, and a second renumber changes nothing', () => {
      const { doc } = load(MERGED_ID.replace('      - <<: *base\n', '      - <<: *base\n        id: "1.7"\n'));
      const once = renumbered(doc);
      assert.deepStrictEqual(once.doc.model.items.map((i) => i.id?.text), ['1', '1.1', '1.2', '1.3']);
      assert.deepStrictEqual(renumberEdits(once.doc), []);
    });

    it('refuses when a goal\'s objectives are an alias of another goal\'s', () => {
      const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives: &objs', '      - id: "1.1"', '        title: O', '  - id: "2"', '    title: B', '    objectives: *objs');
      const r = renumber(load(text).doc);
      assert.ok('error' in r && r.error.startsWith('The number 1.1 on line 7 is the number of 2 items, the 1st objective of goal 1 and the 1st objective of goal 2'), JSON.stringify(r));
    });

    it('writes an own number over an id that is an alias of another item\'s number, and then has nothing left to change', () => {
      const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: &one "1.1"', '        title: O', '      - id: *one', '        title: P');
      const once = renumbered(load(text).doc);
      assert.match(once.text, /- id: &one "1\.1"\n {8}title: O\n {6}- id: "1\.2"\n/);
      assert.deepStrictEqual(renumberEdits(once.doc), []);
    });
  });

  describe('on random plans with random damage', () => {
    const ADJ = ['Secure', 'Modern', 'Open', 'Swift', 'Green', 'Fair', 'Bold', 'Clear', 'Steady', 'Bright', 'Local', 'Shared'];
    const NOUN = ['Harbor', 'Cargo', 'Workforce', 'Borders', 'Data', 'Trade', 'Channels', 'Cranes', 'Gates', 'Patrols', 'Training', 'Records'];
    const TITLES = ADJ.flatMap((a) => NOUN.map((n) => `${a} ${n}`));

    type Kind = 'goal' | 'objective' | 'subobjective';
    interface Node {
      kind: Kind;
      id: string;
      title: string;
      children: Node[];
      related: Node[];
    }
    type Style = 'double' | 'single' | 'plain';
    interface Mutation { op: 'move' | 'delete' | 'insert' | 'swap' | 'bad'; a: number; b: number; c: number }
    interface Case {
      shape: number[][];
      titles: string[];
      links: [number, number][];
      mutations: Mutation[];
      styles: number[];
      comments: number[];
      crlf: boolean;
    }

    const arbCase: fc.Arbitrary<Case> = fc.record({
      shape: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
      titles: fc.shuffledSubarray(TITLES, { minLength: TITLES.length, maxLength: TITLES.length }),
      links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
      mutations: fc.array(
        fc.record({ op: fc.constantFrom('move', 'delete', 'insert', 'swap', 'bad'), a: fc.nat(), b: fc.nat(), c: fc.nat() }),
        { maxLength: 6 },
      ),
      styles: fc.array(fc.nat({ max: 5 }), { minLength: 8, maxLength: 8 }),
      comments: fc.array(fc.nat({ max: 7 }), { minLength: 8, maxLength: 8 }),
      crlf: fc.boolean(),
    }) as fc.Arbitrary<Case>;

    /** Builds the plan tree, links it, and damages its numbering. */
    function build(c: Case): Node[] {
      let t = 0;
      const title = () => c.titles[t++];
      const goals: Node[] = c.shape.map((objs, g) => ({
        kind: 'goal' as Kind,
        id: `${g + 1}`,
        title: title(),
        related: [],
        children: objs.map((subs, o) => ({
          kind: 'objective' as Kind,
          id: `${g + 1}.${o + 1}`,
          title: title(),
          related: [],
          children: Array.from({ length: subs }, (_, s) => ({
            kind: 'subobjective' as Kind, id: `${g + 1}.${o + 1}.${s + 1}`, title: title(), related: [], children: [],
          })),
        })),
      }));
      const all = () => goals.flatMap(function flat(n: Node): Node[] { return [n, ...n.children.flatMap(flat)]; });
      const ofKind = (k: Kind) => all().filter((n) => n.kind === k);
      const parentOf = (n: Node): Node[] => {
        if (goals.includes(n)) return goals;
        return all().find((p) => p.children.includes(n))!.children;
      };
      for (const [from, to] of c.links) {
        const owners = all().filter((n) => n.kind !== 'goal');
        if (!owners.length) break;
        const targets = all();
        owners[from % owners.length].related.push(targets[to % targets.length]);
      }
      for (const m of c.mutations) {
        const nodes = all();
        switch (m.op) {
          case 'move': {
            const movable = nodes.filter((n) => n.kind !== 'goal');
            if (!movable.length) break;
            const n = movable[m.a % movable.length];
            const parents = ofKind(n.kind === 'objective' ? 'goal' : 'objective');
            const siblings = parentOf(n);
            siblings.splice(siblings.indexOf(n), 1);
            const to = parents[m.b % parents.length].children;
            to.splice(m.c % (to.length + 1), 0, n);
            break;
          }
          case 'delete': {
            const n = nodes[m.a % nodes.length];
            if (n.kind === 'goal' && goals.length === 1) break;
            const gone = new Set([n, ...n.children, ...n.children.flatMap((x) => x.children)]);
            const siblings = parentOf(n);
            siblings.splice(siblings.indexOf(n), 1);
            for (const x of all()) x.related = x.related.filter((r) => !gone.has(r));
            break;
          }
          case 'insert': {
            const kinds: Kind[] = ['goal', 'objective', 'subobjective'];
            let kind = kinds[m.a % 3];
            if (kind === 'subobjective' && !ofKind('objective').length) kind = 'objective';
            const same = ofKind(kind);
            const depth = kinds.indexOf(kind) + 1;
            const id = m.b % 2 && same.length
              ? same[m.b % same.length].id // a duplicated number
              : Array.from({ length: depth }, (_, i) => `${((m.b >> (i * 2)) % 9) + 1}`).join('.'); // a wrong one
            const n: Node = { kind, id, title: title(), related: [], children: [] };
            const to = kind === 'goal' ? goals : ofKind(kind === 'objective' ? 'goal' : 'objective')[m.c % ofKind(kind === 'objective' ? 'goal' : 'objective').length].children;
            to.splice(m.c % (to.length + 1), 0, n);
            break;
          }
          case 'swap': {
            const a = nodes[m.a % nodes.length];
            const same = nodes.filter((n) => n.kind === a.kind);
            const b = same[m.b % same.length];
            [a.id, b.id] = [b.id, a.id];
            break;
          }
          case 'bad': {
            const n = nodes[m.a % nodes.length];
            n.id = [`${n.id}.x`, n.id.replace(/\d+$/, '0$&'), '7', `${n.id}.1`][m.b % 4];
            break;
          }
        }
      }
      return goals;
    }

    /** Writes the plan as YAML, with the id and link styles and the comments the case picks. */
    function render(goals: Node[], c: Case): string {
      const out: string[] = ['# Random plan', 'planwright: 1', 'title: Random Plan', 'goals:'];
      let k = 0;
      const pick = (arr: number[]) => arr[k++ % arr.length];
      const scalar = (v: string, s: Style) => (s === 'double' ? `"${v}"` : s === 'single' ? `'${v}'` : v);
      const style = (): Style => (['double', 'double', 'single', 'plain', 'plain', 'double'] as Style[])[pick(c.styles)];
      const comment = (indent: string) => {
        const n = pick(c.comments);
        if (n === 0) out.push(`${indent}# comment ${out.length}`);
        if (n === 1) out.push('# column-0 comment');
        if (n === 2) out.push('');
      };
      const trailing = () => (pick(c.comments) === 3 ? `   # note ${out.length}` : '');
      const write = (n: Node, indent: string) => {
        comment(indent);
        out.push(`${indent}- id: ${scalar(n.id, style())}${trailing()}`);
        const inner = indent + '  ';
        out.push(`${inner}title: ${n.title}`);
        if (n.related.length) {
          const form = pick(c.styles) % 3;
          const items = n.related.map((r) => scalar(r.id, style()));
          if (form === 0 && items.length === 1) out.push(`${inner}related: ${items[0]}${trailing()}`);
          else if (form === 1) {
            out.push(`${inner}related:`);
            for (const i of items) {
              comment(inner + '  ');
              out.push(`${inner}  - ${i}${trailing()}`);
            }
          } else out.push(`${inner}related: [${items.join(', ')}]${trailing()}`);
        }
        if (n.children.length) {
          out.push(`${inner}${n.kind === 'goal' ? 'objectives' : 'subobjectives'}:`);
          for (const ch of n.children) write(ch, inner + '  ');
        }
      };
      for (const g of goals) write(g, '  ');
      const eol = c.crlf ? '\r\n' : '\n';
      return out.join(eol) + eol;
    }

    /** Whole comment lines, and the comment at the end of other lines, line by line (line breaks included). */
    const commentsOf = (text: string) =>
      text.split(/(?<=\n)/).map((l) => (l.trimStart().startsWith('#') ? l : l.includes('#') ? l.slice(l.indexOf('#')) : ''));

    it('leaves no numbering or reference problem, keeps every link on the item it named, and keeps every comment', () => {
      const seen = { runs: 0, damaged: 0, duplicates: 0, links: 0, plainNumbers: 0, crlf: 0 };
      fc.assert(
        fc.property(arbCase, (c) => {
          const text = render(build(c), c);
          const { ws, doc } = load(text);
          assert.deepStrictEqual(doc.model.diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema'), [], text);
          const before = linkTitles(doc);
          const codes = new Set(doc.model.diagnostics.map((d) => d.code));
          seen.runs++;
          if (codes.has('numbering-sequence') || codes.has('numbering-parent')) seen.damaged++;
          if ([...doc.model.itemsById.values()].some((l) => l.length > 1)) seen.duplicates++;
          if (codes.has('numbering-format')) seen.plainNumbers++;
          if (before.length) seen.links++;
          if (c.crlf) seen.crlf++;
          assert.ok(before.every((t) => t !== undefined), 'every generated link names an item');

          const after = applyEdits(text, renumberEdits(doc));
          const re = load(after, doc.uri).doc;
          const problems = provideDiagnostics(ws, re).filter((d) => String(d.code).startsWith('numbering-') || d.code === 'reference-unresolved');
          assert.deepStrictEqual(problems.map((d) => d.message), [], after);
          assert.deepStrictEqual(linkTitles(re), before);
          assert.deepStrictEqual(re.model.items.map((i) => i.title), doc.model.items.map((i) => i.title));
          assert.deepStrictEqual(commentsOf(after), commentsOf(text));
          assert.deepStrictEqual(renumberEdits(re), [], 'a second renumber changes nothing');
        }),
        { numRuns: 200, seed: 42 },
      );
      // The generator really produces the damage the property is about.
      for (const [what, n] of Object.entries(seen)) if (what !== 'runs') assert.ok(n >= seen.runs / 5, `${what}: ${n} of ${seen.runs} runs`);
    });
  });
});

describe('renumber across aligned plans', () => {
  it('rewrites the aligns entries of every plan aligned to the renumbered items, in the same workspace edit, and leaves the others as written', () => {
    // Objective 2.2 of the department's plan mistyped as 2.5: renumbering gives it 2.2 back.
    const parentText = DEPT.replace('id: "2.2"', 'id: "2.5"');
    const { ws, doc: parent } = load(parentText, 'file:///work/dept.plan.yaml');
    const child = load(componentPlan('DHS 2.5', 'DHS 2.3', 'DHS 1.1'), 'file:///work/cmp.plan.yaml', ws).doc;
    const other = load(componentPlan('DHS 2.1'), 'file:///work/other.plan.yaml', ws).doc;
    const r = renumberWorkspaceEdit(ws, parent);
    assert.ok('edit' in r, JSON.stringify(r));
    const changes = r.edit.changes!;
    assert.deepStrictEqual(Object.keys(changes).sort(), [child.uri, parent.uri].sort(), 'the plan aligned to nothing renumbered is not edited');
    assert.deepStrictEqual(changes[parent.uri], renumberEdits(parent));
    assert.strictEqual(applyEdits(child.text, changes[child.uri]), componentPlan('DHS 2.2', 'DHS 2.3', 'DHS 1.1'));
    // After the edit both plans read as before: the child's entry names the same objective.
    const after = load(applyEdits(parentText, changes[parent.uri]), parent.uri, ws).doc;
    const again = load(applyEdits(child.text, changes[child.uri]), child.uri, ws).doc;
    assert.deepStrictEqual(provideDiagnostics(ws, again), []);
    assert.strictEqual(after.model.itemsById.get('2.2')?.[0].title, 'Extend the Reach');
    assert.ok(other);
  });

  it('refuses, naming the file, when the entries to follow are in a plan read from outside the workspace', () => {
    const parentText = DEPT.replace('id: "2.2"', 'id: "2.5"');
    const { ws, doc: parent } = load(parentText, 'file:///work/dept.plan.yaml');
    load(componentPlan('DHS 2.5'), 'file:///elsewhere/cmp.plan.yaml', ws);
    ws.setExternal('file:///elsewhere/cmp.plan.yaml', true);
    const r = renumberWorkspaceEdit(ws, parent);
    assert.ok('error' in r, JSON.stringify(r));
    assert.match(r.error, /^Renumbering would change cmp\.plan\.yaml, which is outside the workspace/);
  });

  it('gives the plan its own edits alone when no other plan aligns to it', () => {
    const { ws, doc } = load(ERRORS);
    const r = renumberWorkspaceEdit(ws, doc);
    assert.ok('edit' in r);
    assert.deepStrictEqual(r.edit.changes, { [doc.uri]: renumberEdits(doc) });
  });
});
