// Brackets, dashes and `#` that YAML reads as text must not count as nesting: the full parse and
// the block-wise parse must agree on plans that hold many of them (issue #17, item 5: a comment
// with 1,001 `[` was fine block-wise, but the whole plan became one "nested more than 1000
// levels" error when anything forced the full parse). Plans are generated with runs of `[` and
// `{` in every place YAML reads as text; forcing the full parse (a document marker, a duplicate
// top-level key) must change nothing but what the forcing itself says.
import * as assert from 'assert';
import fc from 'fast-check';
import type { PlanDiagnostic } from '../../server/src/service/model';
import { parseFull, PlanParser } from '../../server/src/service/parse';

/** A run of 300 to 1,500 brackets, none closed. */
const run = fc.tuple(fc.integer({ min: 300, max: 1500 }), fc.constantFrom('[', '{', '[{', '{[', '[ ', '{ ', '- [')).map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Where a run can stand as text, at an indentation: each gives the lines it adds. */
type Form = (r: string, ind: string) => { title?: string; lines?: string[] };
const FORMS: Record<string, Form> = {
  'comment line': (r, ind) => ({ lines: [`${ind}# ${r}`] }),
  'comment after a value': (r) => ({ title: `Goal # ${r}` }),
  'single-quoted': (r) => ({ title: `'It''s ${r}'` }),
  'double-quoted': (r) => ({ title: `"${r} \\" ${r.slice(0, 20)}"` }),
  'double-quoted on two lines': (r, ind) => ({ title: `"${r}\n${ind}  ${r}"` }),
  'plain, mid-word': (r) => ({ title: `a${r}` }),
  'plain, # mid-word': (r) => ({ title: `a#${r}` }),
  'literal text': (r, ind) => ({ lines: [`${ind}description: |`, `${ind}  ${r}`, `${ind}  # ${r}`] }),
  'folded text': (r, ind) => ({ lines: [`${ind}description: >-`, `${ind}  ${r}`, '', `${ind}  '${r}`] }),
};
const form = fc.constantFrom(...Object.keys(FORMS));
const placed = fc.record({ form, run });

/** One goal (or objective) with its title and extra lines. */
function item(id: string, ind: string, p: { form: string; run: string } | undefined, children: string[] = []): string[] {
  const f = p ? FORMS[p.form](p.run, ind + '  ') : {};
  return [`${ind}- id: "${id}"`, `${ind}  title: ${f.title ?? `Item ${id}`}`, ...(f.lines ?? []), ...children];
}

/** A plan of 1 to 5 goals with runs of brackets as text in its head, goals and objectives. */
export const planWithTextualBrackets = fc
  .record({
    head: fc.option(placed, { nil: undefined }),
    goals: fc.array(fc.record({ own: fc.option(placed, { nil: undefined }), objective: fc.option(placed, { nil: undefined }) }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ head, goals }) => {
    const h = head ? FORMS[head.form](head.run, '') : {};
    const lines = ['planwright: 1', `title: ${h.title ?? 'Plan'}`, ...(h.lines ?? []).filter((l) => !l.startsWith('description')), 'mission: M', 'goals:'];
    goals.forEach((g, i) => lines.push(...item(String(i + 1), '  ', g.own, ['    objectives:', ...item(`${i + 1}.1`, '      ', g.objective)])));
    return lines.join('\n') + '\n';
  })
  .filter((text) => (text.match(/[[{]/g) ?? []).length > 1000);

function shifted(d: PlanDiagnostic[], by: number) {
  return d.map((x) => [x.code, x.message, x.span.start + by, x.span.end + by]);
}

describe('brackets that YAML reads as text', () => {
  it('give the same diagnostics block-wise and in a full parse, and are not nesting', () => {
    fc.assert(
      fc.property(planWithTextualBrackets, (text) => {
        const full = parseFull(text).diagnostics;
        assert.deepStrictEqual(new PlanParser().parse(text).diagnostics, full);
        assert.ok(full.every((d) => !/nested more than/.test(d.message)), full.map((d) => d.message).join('\n'));
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 17005 },
    );
  });

  it('give the same diagnostics when a document marker or a duplicate top-level key forces the full parse', () => {
    fc.assert(
      fc.property(planWithTextualBrackets, (text) => {
        const blocks = new PlanParser().parse(text).diagnostics;
        // A document marker: nothing more to say, everything moved by its 4 characters.
        const marked = new PlanParser().parse('---\n' + text);
        assert.strictEqual(marked.parseMode, 'full');
        assert.deepStrictEqual(shifted(marked.diagnostics, -4), shifted(blocks, 0));
        // A duplicate key after the goals: that error, and what the block-wise parse said.
        const dup = new PlanParser().parse(text + 'mission: Again\n');
        assert.strictEqual(dup.parseMode, 'full');
        assert.deepStrictEqual(shifted(dup.diagnostics.filter((d) => d.data?.yamlCode !== 'DUPLICATE_KEY'), 0), shifted(blocks, 0));
        assert.deepStrictEqual(dup.diagnostics.filter((d) => d.data?.yamlCode === 'DUPLICATE_KEY').map((d) => d.span.start), [text.length]);
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 17006 },
    );
  });
});
