// Random plans in the shapes the block splitter must get right or hand to the full parse: goals
// as a block list (items at column 0 or indented, comments after the key and the entries), under
// an anchor or a `!!seq` tag, as a flow list on one line or over several lines with its `]`
// anywhere, and a last goal with a YAML error in it. Numbering gaps and missing titles give
// every shape something to report. Used by the incremental ≡ full property test.
import fc from 'fast-check';

export interface ShapeGoal {
  /** How the goal's number relates to its place: 'next' is right, the others are checks' food. */
  number: 'next' | 'skip' | 'same' | 'none';
  title: boolean;
  objectives: { title: boolean; skip: boolean }[];
  comment: boolean;
}

export type GoalsStyle =
  | { kind: 'block'; indent: 0 | 2; keySuffix: string }
  | { kind: 'flow'; lines: 'one' | 'many'; close: 'column0' | 'indented' | 'lastLine'; keySuffix: string };

export interface PlanShape {
  /** Which of the plan's required `planwright:` and `title:` lines it has. */
  header: 'both' | 'title' | 'none';
  units: boolean;
  style: GoalsStyle;
  goals: ShapeGoal[];
  /** A YAML error written into the last goal (block lists only). */
  lastGoalError: string | undefined;
  /** A field after the error, which yaml may fold into the error or read on. */
  fieldAfterError: boolean;
  after: '' | 'units' | 'comment' | 'blank';
}

/** Lines that break the last goal's YAML; each kind yaml recovers from differently. */
export const LAST_GOAL_ERRORS = [
  'title: Broken: colon',
  'title: "unclosed quote',
  'title: [unclosed bracket',
  '- stray list entry',
  ' misindented: key',
  'title: {a: b',
  'description: >\n  folded text under-indented',
  'objectives:\n  - id: "9.1"\n   title: Misaligned',
  '"unclosed key: x',
];

const goal: fc.Arbitrary<ShapeGoal> = fc.record({
  number: fc.constantFrom<ShapeGoal['number']>('next', 'next', 'next', 'skip', 'same', 'none'),
  title: fc.boolean(),
  objectives: fc.array(fc.record({ title: fc.boolean(), skip: fc.boolean() }), { maxLength: 2 }),
  comment: fc.boolean(),
});

const blockSuffix = fc.constantFrom('', '', ' # the goals', ' &g', ' &g # anchored', ' !!seq', ' !!seq # tagged', ' &g !!seq');
const flowSuffix = fc.constantFrom('', '', ' &g', ' !!seq', ' &g !!seq');

export const planShape: fc.Arbitrary<PlanShape> = fc.record({
  header: fc.constantFrom<PlanShape['header']>('both', 'both', 'both', 'title', 'none'),
  units: fc.boolean(),
  style: fc.oneof(
    fc.record({ kind: fc.constant('block' as const), indent: fc.constantFrom<0 | 2>(0, 2), keySuffix: blockSuffix }),
    fc.record({
      kind: fc.constant('flow' as const),
      lines: fc.constantFrom<'one' | 'many'>('one', 'many'),
      close: fc.constantFrom<'column0' | 'indented' | 'lastLine'>('column0', 'indented', 'lastLine'),
      keySuffix: flowSuffix,
    }),
  ),
  goals: fc.array(goal, { minLength: 1, maxLength: 4 }),
  lastGoalError: fc.option(fc.constantFrom(...LAST_GOAL_ERRORS), { nil: undefined, freq: 2 }),
  fieldAfterError: fc.boolean(),
  after: fc.constantFrom<PlanShape['after']>('', 'units', 'comment', 'blank'),
});

function numbers(goals: ShapeGoal[]): (string | undefined)[] {
  let n = 0;
  return goals.map((g) => {
    if (g.number === 'none') return undefined;
    if (g.number === 'next') n++;
    else if (g.number === 'skip') n += 2;
    else n = Math.max(n, 1);
    return String(n);
  });
}

/** The plan's text. */
export function renderPlan(p: PlanShape): string {
  const out = p.header === 'both' ? ['planwright: 1', 'title: Shaped Plan'] : p.header === 'title' ? ['title: Shaped Plan'] : [];
  const units = ['units:', '  - id: OPS', '    name: Operations'];
  if (p.units) out.push(...units);
  const ids = numbers(p.goals);
  const s = p.style;
  if (s.kind === 'block') {
    out.push('goals:' + s.keySuffix);
    const pad = ' '.repeat(s.indent);
    p.goals.forEach((g, i) => {
      const first = ids[i] !== undefined ? `id: "${ids[i]}"` : 'title: Unnumbered';
      out.push(`${pad}- ${first}${g.comment ? ' # goal ' + (i + 1) : ''}`);
      if (g.title && ids[i] !== undefined) out.push(`${pad}  title: Goal ${i + 1}`);
      if (g.objectives.length) {
        out.push(`${pad}  objectives:`);
        let k = 0;
        for (const o of g.objectives) {
          k += o.skip ? 2 : 1;
          out.push(`${pad}    - id: "${ids[i] ?? '0'}.${k}"`);
          if (o.title) out.push(`${pad}      title: Objective ${k}`);
        }
        if (g.comment) out.push(`${pad}    # after the objectives`);
      }
      if (i === p.goals.length - 1 && p.lastGoalError) {
        for (const l of p.lastGoalError.split('\n')) out.push(`${pad}  ${l}`);
        if (p.fieldAfterError) out.push(`${pad}  description: After the error`);
      }
    });
  } else {
    const entries = p.goals.map((g, i) => {
      const fields: string[] = [];
      if (ids[i] !== undefined) fields.push(`id: "${ids[i]}"`);
      if (g.title || ids[i] === undefined) fields.push(`title: Goal ${i + 1}`);
      if (g.objectives.length) {
        let k = 0;
        const objs = g.objectives.map((o) => {
          k += o.skip ? 2 : 1;
          return `{ id: "${ids[i] ?? '0'}.${k}"${o.title ? `, title: Objective ${k}` : ''} }`;
        });
        fields.push(`objectives: [${objs.join(', ')}]`);
      }
      return `{ ${fields.join(', ')} }`;
    });
    if (s.lines === 'one') out.push(`goals:${s.keySuffix} [${entries.join(', ')}]`);
    else {
      out.push(`goals:${s.keySuffix} [`);
      entries.forEach((e, i) => {
        const last = i === entries.length - 1;
        const comment = p.goals[i].comment ? ' # goal ' + (i + 1) : '';
        out.push(`  ${e}${last ? (s.close === 'lastLine' ? ']' : '') : ','}${comment}`);
      });
      if (s.close === 'column0') out.push(']');
      if (s.close === 'indented') out.push('  ]');
    }
  }
  if (p.after === 'units' && !p.units) out.push(...units);
  if (p.after === 'comment') out.push('# end of the plan');
  if (p.after === 'blank') out.push('');
  return out.join('\n') + '\n';
}
