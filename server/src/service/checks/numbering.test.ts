import * as assert from 'assert';
import fc from 'fast-check';
import { parseFull } from '../parse';
import { ICE, lines } from '../test-util';
import { numberingWork, readSequence, type Label, type Slot } from './numbering';

/** [code, severity, the text the diagnostic covers] of every diagnostic. */
function found(text: string, code?: string) {
  return parseFull(text)
    .diagnostics.filter((d) => !code || d.code === code)
    .map((d) => [d.code, d.severity, text.slice(d.span.start, d.span.end)]);
}

const plan = (...goalLines: string[]) => lines('planwright: 1', 'title: T', 'goals:', ...goalLines);

describe('numbering checks', () => {
  it('accepts goals, objectives and sub-objectives numbered 1, 1.1, 1.1.1 in order', () => {
    const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', '        subobjectives:', '          - { id: "1.1.1", title: C }', '          - { id: "1.1.2", title: D }', '  - id: 2', '    title: E');
    assert.deepStrictEqual(found(t), []);
  });

  it('reports a gap in the sequence on the id after the gap', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "4", title: C }', '  - { id: "5", title: D }');
    assert.deepStrictEqual(found(t), [['numbering-sequence', 'error', '"4"']]);
    assert.match(parseFull(t).diagnostics[0].message, /Goal 4 follows goal 2: number 3 is missing/);
  });

  it('reports a sequence that does not start at 1', () => {
    const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.2", title: B }', '      - { id: "1.3", title: C }');
    assert.deepStrictEqual(found(t), [['numbering-sequence', 'error', '"1.2"']]);
    assert.match(parseFull(t).diagnostics[0].message, /first objective of goal 1 is numbered 1.2; numbering starts at 1.1/);
  });

  it('reports a step back that two readings explain equally well once, saying so, with the other item as related information', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "3", title: B }', '  - { id: "2", title: C }');
    const d = parseFull(t).diagnostics;
    assert.deepStrictEqual(found(t), [['numbering-sequence', 'error', '"3"']]);
    assert.strictEqual(d[0].message, 'Goals 3 and 2 after goal 1 are out of sequence, and their numbers can be corrected in more than one way. Number the goals in the order they are written, or use "Renumber the goals".');
    assert.deepStrictEqual(d[0].related!.map((r) => t.slice(r.span.start, r.span.end)), ['"2"']);
  });

  it('reports a child whose id does not extend its parent, once, on the child id', () => {
    const t = plan('  - id: "3"', '    title: A', '    objectives:', '      - { id: "3.1", title: B }', '      - { id: "9.2", title: C }');
    assert.deepStrictEqual(found(t).filter((d) => d[0] !== 'numbering-sequence'), [['numbering-parent', 'error', '"9.2"']]);
    assert.strictEqual(parseFull(t).diagnostics.find((d) => d.code === 'numbering-parent')!.message, 'Objective 9.2 is under goal 3, so its number should start with 3: it should be 3.2.');
  });

  it('reports a duplicate at its second use, with the first use as related information', () => {
    const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "2", title: C }', '  - { id: "3", title: D }');
    const d = parseFull(t).diagnostics;
    assert.deepStrictEqual(found(t), [['numbering-duplicate', 'error', '"2"']]);
    assert.strictEqual(d[0].span.start, t.indexOf('"2"', t.indexOf('title: B')));
    assert.strictEqual(d[0].related![0].span.start, t.indexOf('"2"'));
  });

  it('reports ids that are not dotted numbers of their level', () => {
    const t = plan('  - id: "1.1"', '    title: A', '  - id: "2"', '    title: B', '    objectives:', '      - { id: "2.1.a", title: C }', '      - { id: "2", title: D }');
    assert.deepStrictEqual(found(t, 'numbering-format'), [
      ['numbering-format', 'error', '"1.1"'],
      ['numbering-format', 'error', '"2.1.a"'],
      ['numbering-format', 'error', '"2"'],
    ]);
  });

  it('warns about an unquoted dotted id, quoting what the author typed, and checks it as typed', () => {
    const t = plan('  - id: 1', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: 1.2', '        title: C', '      - id: 1.3', '        title: D');
    assert.deepStrictEqual(found(t), [['numbering-format', 'warning', '1.2'], ['numbering-format', 'warning', '1.3']]);
    const ten = plan('  - id: "1"', '    title: A', '    objectives:', ...Array.from({ length: 10 }, (_, i) => `      - { id: ${i === 9 ? '1.10' : `"1.${i + 1}"`}, title: O${i} }`));
    const d = parseFull(ten).diagnostics;
    assert.deepStrictEqual(d.map((x) => [x.code, x.severity]), [['numbering-format', 'warning']]);
    assert.match(d[0].message, /1\.10 as the number 1\.1, not "1\.10"/);
  });

  it('does not judge the children of an item whose own number is malformed', () => {
    const t = plan('  - id: "x"', '    title: A', '    objectives:', '      - { id: "7.4", title: B }');
    assert.deepStrictEqual(found(t).map((x) => x[0]), ['numbering-format']);
  });

  describe('read by the fewest corrections', () => {
    /** [code, text covered, 0-based line, message, data] of every diagnostic. */
    const all = (text: string) =>
      parseFull(text).diagnostics.map((d) => [d.code, text.slice(d.span.start, d.span.end), text.slice(0, d.span.start).split('\n').length - 1, d.message, d.data]);

    it('reports an objective number mistyped in the ICE plan once, with the number it should have, and not its sub-objectives or the objective after it', () => {
      const t = ICE.replace('id: "1.2"', 'id: "1.7"');
      assert.deepStrictEqual(all(t), [
        ['numbering-sequence', '"1.7"', 181, 'Objective 1.7 should be 1.2 (it follows 1.1 and precedes 1.3).', { expected: '1.2', change: '1.2', certain: true }],
      ]);
    });

    it('reports an objective given the wrong goal once, as numbering-parent, and no sequence error', () => {
      const t = ICE.replace('id: "1.2"', 'id: "2.2"');
      assert.deepStrictEqual(all(t), [
        ['numbering-parent', '"2.2"', 181, 'Objective 2.2 is under goal 1, so its number should start with 1: it should be 1.2.', { expected: '1.2', change: '1.2', certain: true }],
      ]);
    });

    it('reports a mistyped goal number once, checking its objectives against the number it should have', () => {
      const t = plan('  - id: "8"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '  - { id: "2", title: C }', '  - { id: "3", title: D }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"8"', 3, 'Goal 8 should be 1 (it is the first goal, before 2).', { expected: '1', change: '1', certain: true }]]);
    });

    it('does not report the children of a mistyped item when they follow the number it was given', () => {
      const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: "1.7"', '        title: C', '        subobjectives:', '          - { id: "1.7.1", title: X }', '          - { id: "1.7.2", title: Y }', '      - { id: "1.3", title: E }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"1.7"', 7, 'Objective 1.7 should be 1.2 (it follows 1.1 and precedes 1.3).', { expected: '1.2', change: '1.2', certain: true }]]);
    });

    it('takes the children\'s numbers as evidence: a last objective numbered one too high whose sub-objectives say what it was is a mistyped number, not a gap', () => {
      const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - id: "1.3"', '        title: C', '        subobjectives:', '          - { id: "1.2.1", title: X }', '          - { id: "1.2.2", title: Y }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"1.3"', 7, 'Objective 1.3 should be 1.2 (it follows 1.1).', { expected: '1.2', change: '1.2', certain: true }]]);
    });

    it('reports two swapped items as two, each with the number it should have', () => {
      const t = plan('  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: B }', '      - { id: "1.3", title: C }', '      - { id: "1.2", title: D }', '      - { id: "1.4", title: E }');
      assert.deepStrictEqual(all(t).map((d) => [d[0], d[1], d[3]]), [
        ['numbering-sequence', '"1.3"', 'Objective 1.3 should be 1.2 (it follows 1.1 and precedes 1.2, which should be 1.3).'],
        ['numbering-sequence', '"1.2"', 'Objective 1.2 should be 1.3 (it follows 1.3, which should be 1.2, and precedes 1.4).'],
      ]);
    });

    it('says plainly, in one message, when a gap and a mistyped number explain the last item equally well', () => {
      const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "4", title: C }');
      assert.deepStrictEqual(all(t), [['numbering-sequence', '"4"', 5, 'Goal 4 follows goal 2: either number 3 is missing, or 4 should be 3.', { expected: '3', change: '3', certain: false }]]);
    });

    it('reports a copied item that kept its number as a duplicate that should take the free number', () => {
      const t = plan('  - { id: "1", title: A }', '  - { id: "2", title: B }', '  - { id: "2", title: C }', '  - { id: "4", title: D }');
      const d = parseFull(t).diagnostics;
      assert.deepStrictEqual(all(t), [['numbering-duplicate', '"2"', 5, 'Number 2 is used twice: goal 2 ("B") also has it. This goal should be 3 (it follows 2 and precedes 4).', { expected: '3', change: '3', certain: true }]]);
      assert.strictEqual(d[0].span.start, t.indexOf('"2"', t.indexOf('title: B')));
      assert.strictEqual(d[0].related![0].span.start, t.indexOf('"2"'));
    });

    it('gives an item without an id its place in the sequence: the item after it is not reported', () => {
      const t = plan('  - { id: "1", title: A }', '  - { title: B }', '  - { id: "3", title: C }');
      assert.deepStrictEqual(all(t).map((d) => d[0]), ['schema']);
    });

    it('reads a sequence with all readings equally short as ambiguous, and a clean one as all kept', () => {
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 2 }, { own: 3 }]), { cost: 0, labels: [[{ t: 'keep' }], [{ t: 'keep' }], [{ t: 'keep' }]] });
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 7 }, { own: 3 }]), { cost: 1, labels: [[{ t: 'keep' }], [{ t: 'change', to: 2 }], [{ t: 'keep' }]] });
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 3 }, { own: 4 }]), { cost: 1, labels: [[{ t: 'keep' }], [{ t: 'gap' }], [{ t: 'keep' }]] });
      assert.deepStrictEqual(readSequence([{ own: 1 }, { own: 2 }, { own: 2, dup: true }, { own: 3 }]), { cost: 1, labels: [[{ t: 'keep' }], [{ t: 'keep' }], [{ t: 'skip' }], [{ t: 'keep' }]] });
    });

    it('reads 20,000 badly numbered siblings in well under a second (linear: a window of predecessors)', () => {
      let seed = 7;
      const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
      const slots = Array.from({ length: 20000 }, (_, i) => ({ own: rnd() < 0.2 ? 1 + Math.floor(rnd() * 20000) : i + 1 }));
      const t0 = Date.now();
      const r = readSequence(slots);
      assert.ok(Date.now() - t0 < 1000, `${Date.now() - t0} ms`);
      assert.strictEqual(r.labels.length, 20000);
      assert.ok(r.cost > 0 && r.cost < 20000);
    });

    it('reports 40 objectives all numbered 1.7 in seven problems: the six that must be 1.1 to 1.6, then the rest as one run named by its first five', () => {
      const t = plan('  - id: "1"', '    title: G', '    objectives:', ...Array.from({ length: 40 }, (_, i) => `      - { id: "1.7", title: O${i} }`));
      const d = all(t);
      assert.deepStrictEqual(d.map((x) => [x[0], x[2]]), [...[6, 7, 8, 9, 10, 11].map((l) => ['numbering-duplicate', l]), ['numbering-sequence', 12]]);
      assert.strictEqual(d[0][3], 'Number 1.7 is used 40 times: objective 1.7 ("O1") also has it. This objective should be 1.1 (it is the first objective of goal 1, before 1.7, which should be 1.2).');
      assert.strictEqual(
        d[6][3],
        'Objectives 1.7, 1.7, 1.7, 1.7, 1.7 and 29 more after objective 1.7 are out of sequence, and their numbers can be corrected in more than one way. Number the objectives of goal 1 in the order they are written, or use "Renumber the objectives of goal 1".',
      );
      const run = parseFull(t).diagnostics[6];
      assert.deepStrictEqual(run.related!.map((r) => t.slice(0, r.span.start).split('\n').length - 1), [13, 14, 15, 16]);
    });

    it('checks a plan of 8,000 objectives all numbered 1.7 with linear work (at most 5 times that of 2,000), in seven problems', () => {
      const work = (n: number) => {
        const t = plan('  - id: "1"', '    title: G', '    objectives:', ...Array.from({ length: n }, (_, i) => `      - { id: "1.7", title: O${i} }`));
        const before = numberingWork.steps;
        const d = parseFull(t).diagnostics;
        assert.strictEqual(d.length, 7);
        return numberingWork.steps - before;
      };
      const small = work(2000);
      const large = work(8000);
      assert.ok(large <= 5 * small, `2,000 objectives: ${small} steps, 8,000: ${large}`);
    });

    it('reads every list of siblings as the reading before the far phase did: same cost, same labels in the same order', () => {
      fc.assert(
        fc.property(siblingLists, (slots) => {
          assert.deepStrictEqual(readSequence(slots), quadraticReadSequence(slots), JSON.stringify(slots, (_, v) => (v instanceof Map ? [...v] : v)));
        }),
        { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 20, seed: 4711, examples: FAR_READINGS.map((l) => [siblings(l)]) },
      );
    });

    it('reads 8,000 siblings all numbered 1.7 with linear work: at most 5 times that of 2,000', () => {
      const work = (n: number, slot: (i: number) => Slot) => {
        const before = numberingWork.steps;
        const r = readSequence(Array.from({ length: n }, (_, i) => slot(i)));
        assert.strictEqual(r.labels.length, n);
        return numberingWork.steps - before;
      };
      const shapes: [string, (i: number) => Slot][] = [
        ['all 1.7', (i) => ({ own: 7, dup: i > 0 })],
        ['1.7 and items without a number, in turn', (i) => (i % 2 ? {} : { own: 7, dup: i > 0 })],
        ['all 1.7, their sub-objectives naming 1.3', (i) => ({ own: 7, dup: i > 0, children: new Map([[3, 1], [7, 1]]), childCount: 2 })],
      ];
      for (const [what, slot] of shapes) {
        const small = work(2000, slot);
        const large = work(8000, slot);
        assert.ok(large <= 5 * small, `${what}: 2,000 siblings ${small} steps, 8,000 ${large}`);
      }
    });
  });
});

/** Siblings by their numbers, "-" for none; a second use of a number is marked `dup`, as the check marks it. */
function siblings(numbers: string): Slot[] {
  const seen = new Set<number>();
  return numbers.split(' ').map((w) => {
    if (w === '-') return {};
    const own = Number(w);
    const dup = seen.has(own);
    seen.add(own);
    return dup ? { own, dup } : { own };
  });
}

/**
 * Lists (found by random search, then reduced) where a sibling has a label that only a join from
 * the start to a sibling more than WINDOW + 1 after it gives: `skip`; `change` to its number
 * with the siblings without a number before it out; `free`; `free` to its own place; the same,
 * met before the readings that correct every sibling to the end.
 */
const FAR_READINGS = [
  '2 1 2 - - - 1 - - - - - - - - - 2 - - - - - - - - 1 - 2 1 2 1 - - - - - 3',
  '6 10 9 3 2 5 23 - - 7 - 5 - 7 - 8 8 - - - - - - - 7 - - - - - - 7 - - 10',
  '6 10 9 3 2 - 5 - - 9 23 - - - 7 - 5 - 7 - 8 8 - - - - - - - 7 - - - - - - 7 - - 10 - 7 - - 102 - 5 - - - 108',
  '- 3 5 5 1 2 2 4 2 2 2 1 2 - 3 5 1 - 2 5 - 3 1 4 1 3 1 4 5 5 5 - 5 - 6',
  '10 - 1 - - 1 - - 1 1 - 1 - 1 1 - - 1 1 - - - 1 1 - 1 1 1 1 1 1 1 - 1 1 59',
];

/**
 * Sibling lists as the check hands them to readSequence: numbers in place, off by a little, a
 * few small numbers used many times (a tie: all "1.7"), missing; a second use of a number marked
 * `dup`; sometimes children naming their parent's number or another. Up to 100 siblings,
 * so that joins from the start reach past the window (32): a few numbers in place far down a
 * list of ties are what the far phase reads.
 */
const siblingLists: fc.Arbitrary<Slot[]> = fc
  .noBias(fc.record({
    n: fc.integer({ min: 0, max: 100 }),
    tied: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 12 })), // how many small numbers the ties use
    none: fc.integer({ min: 0, max: 60 }), // percent of siblings without a number
    place: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 40 })), // percent numbered in place: a few, far down a list of ties
    near: fc.integer({ min: 0, max: 20 }), // percent off their place by up to 3
    kids: fc.integer({ min: 0, max: 40 }), // percent with children
  }))
  .chain((p) =>
    fc
      .array(
        fc.noBias(fc.record({
          r: fc.integer({ min: 0, max: 99 }),
          small: fc.integer({ min: 1, max: 12 }),
          by: fc.integer({ min: -3, max: 3 }),
          kids: fc.integer({ min: 0, max: 99 }),
          children: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 2 })), { minLength: 1, maxLength: 2 }),
        })),
        { minLength: p.n, maxLength: p.n },
      )
      .map((specs) => {
        const seen = new Set<number>();
        return specs.map((s, i): Slot => {
          const r = s.r;
          const own =
            r < p.none ? undefined : r < p.none + p.place ? i + 1 : r < p.none + p.place + p.near ? Math.max(0, i + 1 + s.by) : 1 + ((s.small - 1) % p.tied);
          if (own === undefined) return {};
          const dup = seen.has(own);
          seen.add(own);
          if (s.kids >= p.kids) return dup ? { own, dup } : { own };
          const children = new Map<number, number>();
          let childCount = 0;
          // Children naming their parent as written (half of them), or another small number.
          for (const [named, count] of s.children) {
            const x = named < 4 ? own : 1 + (named % (p.tied + 3));
            children.set(x, (children.get(x) ?? 0) + count);
            childCount += count;
          }
          return { own, ...(dup ? { dup } : {}), children, childCount };
        });
      }),
  );

/**
 * The reference for the property test: readSequence as it was before its far phase (copied
 * unchanged, but for its name and the constants below). Its labels are the readings; it walks
 * every sibling under every join from the start, quadratic when thousands of numbers tie.
 */
const REFERENCE_WINDOW = 32;
const referenceKey = (l: Label) => (l.t === 'change' || l.t === 'free' ? `${l.t}:${l.to ?? ''}` : l.t);
function quadraticReadSequence(slots: readonly Slot[]): { cost: number; labels: Label[][] } {
  const n = slots.length;
  // Most lists, on most keystrokes, are numbered 1, 2, 3 with children that agree.
  let inOrder = true;
  for (let i = 0; i < n && inOrder; i++) {
    const s = slots[i];
    inOrder = s.own === i + 1 && !s.dup && (!s.childCount || s.children?.get(s.own) === s.childCount);
  }
  if (inOrder) return { cost: 0, labels: slots.map(() => [{ t: 'keep' } as Label]) };
  const END = n + 1;
  // Nodes: 0 (before the first, number 0), 1..n (a kept sibling), END (after the last).
  const a = (i: number) => (i === 0 ? 0 : slots[i - 1].own!);
  const keepable = (i: number) => i === 0 || i === END || slots[i - 1].own !== undefined;
  const costly = new Int32Array(n + 1); // prefix counts: numbered siblings (a correction each)
  const skippable = new Int32Array(n + 1); // prefix counts: siblings that may stay out of the sequence
  // Siblings some of whose children name another number than theirs (rare): kept, they cost
  // those children; given number x, the children naming neither.
  const keepCost = new Int32Array(n + 2);
  const disputed: number[] = [];
  for (let i = 1; i <= n; i++) {
    const s = slots[i - 1];
    costly[i] = costly[i - 1] + (s.own !== undefined ? 1 : 0);
    skippable[i] = skippable[i - 1] + (s.own === undefined || s.dup ? 1 : 0);
    if (s.own !== undefined && s.childCount) {
      keepCost[i] = s.childCount - (s.children?.get(s.own) ?? 0);
      if (keepCost[i]) disputed.push(i);
    }
  }
  const changeCost = (k: number, x: number) => (x === a(k) ? keepCost[k] : keepCost[k] - ((slots[k - 1] as { children?: ReadonlyMap<number, number> }).children?.get(x) ?? 0));
  /** Children-cost of the disputed siblings strictly between j and i, numbered on from j. */
  const disputedBetween = (j: number, i: number) => {
    if (!disputed.length) return 0;
    let lo = 0;
    let hi = disputed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (disputed[mid] <= j) lo = mid + 1;
      else hi = mid;
    }
    let sum = 0;
    for (let d = lo; d < disputed.length && disputed[d] < i; d++) sum += changeCost(disputed[d], a(j) + disputed[d] - j);
    return sum;
  };
  /** Cost of keeping j and i with every sibling between corrected; undefined when they cannot both be kept. */
  const edge = (j: number, i: number): { w: number; gap: boolean; skips: number } | undefined => {
    const m = i - j - 1;
    const between = costly[i - 1] - costly[j] + disputedBetween(j, i);
    if (i === END) return { w: between, gap: false, skips: 0 };
    const room = a(i) - a(j) - 1;
    if (room < 0) return undefined;
    const need = m - room;
    if (need > skippable[i - 1] - skippable[j]) return undefined;
    const gap = room > m;
    return { w: between + keepCost[i] + (gap ? 1 : 0), gap, skips: Math.max(0, need) };
  };
  const preds = function* (i: number): Generator<number> {
    const lo = i === END ? 0 : Math.max(0, i - 1 - REFERENCE_WINDOW);
    for (let j = i - 1; j >= lo; j--) if (keepable(j)) yield j;
    if (lo > 0) yield 0;
  };
  const INF = Number.MAX_SAFE_INTEGER;
  const F = new Array<number>(END + 1).fill(INF);
  const B = new Array<number>(END + 1).fill(INF);
  F[0] = 0;
  for (let i = 1; i <= END; i++) {
    if (!keepable(i)) continue;
    for (const j of preds(i)) {
      if (F[j] === INF) continue;
      const e = edge(j, i);
      if (e && F[j] + e.w < F[i]) F[i] = F[j] + e.w;
    }
  }
  B[END] = 0;
  for (let i = END; i >= 1; i--) {
    if (!keepable(i) || B[i] === INF) continue;
    for (const j of preds(i)) {
      const e = edge(j, i);
      if (e && e.w + B[i] < B[j]) B[j] = e.w + B[i];
    }
  }
  const cost = F[END];
  const labels: Label[][] = Array.from({ length: n }, () => []);
  const add = (k: number, l: Label) => {
    const list = labels[k - 1];
    if (list.length < 3 && !list.some((x) => referenceKey(x) === referenceKey(l))) list.push(l);
  };
  // Readings that end with every sibling after j corrected: j's number, then one more each.
  let endFrom: number | undefined; // a(j) - j of the first such j (the numbers it gives)
  let endFromMany = false;
  for (let i = 1; i <= END; i++) {
    if (!keepable(i) || F[i] === INF || B[i] === INF || F[i] + B[i] !== cost) continue;
    for (const j of preds(i)) {
      if (F[j] === INF || B[j] === INF || F[j] + B[j] !== cost) continue;
      const e = edge(j, i);
      if (!e || F[j] + e.w + B[i] !== cost) continue;
      if (i === END) continue;
      if (i <= n) add(i, e.gap ? { t: 'gap' } : { t: 'keep' });
      // The siblings between: those without a number stay out first, then later second uses.
      let skips = e.skips;
      const out = new Set<number>();
      for (let k = j + 1; k < i && skips > 0; k++) if (slots[k - 1].own === undefined) (out.add(k), skips--);
      for (let k = i - 1; k > j && skips > 0; k--) if (slots[k - 1].own !== undefined && !out.has(k)) (out.add(k), skips--);
      let next = a(j) + 1;
      for (let k = j + 1; k < i; k++) {
        const s = slots[k - 1];
        if (out.has(k)) add(k, s.own === undefined ? { t: 'free' } : { t: 'skip' });
        else add(k, s.own === undefined ? { t: 'free', to: next++ } : { t: 'change', to: next++ });
      }
    }
  }
  // The readings that correct every sibling after a kept j (edges j → END), in one pass.
  const endSources = new Set<number>();
  for (const j of preds(END)) {
    if (F[j] === INF || F[j] + B[j] !== cost) continue;
    const e = edge(j, END)!;
    if (F[j] + e.w === cost) endSources.add(j);
  }
  for (let k = 0; k <= n; k++) {
    if (k >= 1 && endFrom !== undefined) {
      if (endFromMany) {
        add(k, { t: 'change', to: -1 });
        add(k, { t: 'change', to: -2 });
      } else {
        const to = endFrom + k;
        add(k, slots[k - 1].own === undefined ? { t: 'free', to } : { t: 'change', to });
      }
    }
    if (endSources.has(k)) {
      const v = a(k) - k;
      if (endFrom === undefined) endFrom = v;
      else if (endFrom !== v) endFromMany = true;
    }
  }
  return { cost, labels };
}
