// Property tests over plans whose items share text through anchors, aliases and merge keys
// (`<<: *base` naming units and related lists, `lead: *u`, `related: *rel`, objectives without an
// id of their own that take one from their base): the shapes that made rename and references
// repeat an entry and renumber flip a shared number back and forth (#17, items 2 and 3).
import * as assert from 'assert';
import * as fc from 'fast-check';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { applyEdits } from '../edits';
import { lines, load } from '../test-util';
import { provideCodeActions } from './codeActions';
import { provideDiagnostics } from './diagnostics';
import { provideRenameEdits } from './rename';
import { newNumbers, renumber } from './renumber';

interface Objective {
  /** own: the number of its place; wrong: another one; inherit: none of its own (takes its base's when it merges one). */
  id: 'own' | 'wrong' | 'inherit';
  anchor: boolean;
  /** Merges the n-th anchored objective written before it, if any. */
  merge: number | undefined;
  lead: 'none' | 'plain' | 'anchor' | 'alias';
  unit: number;
  related: 'none' | 'list' | 'anchor' | 'alias';
  target: number;
  subs: number;
  quote: boolean;
}

const arbObjective: fc.Arbitrary<Objective> = fc.record({
  id: fc.constantFrom('own', 'own', 'wrong', 'inherit'),
  anchor: fc.boolean(),
  merge: fc.option(fc.nat(), { nil: undefined }),
  lead: fc.constantFrom('none', 'plain', 'anchor', 'alias'),
  unit: fc.nat({ max: 2 }),
  related: fc.constantFrom('none', 'list', 'anchor', 'alias'),
  target: fc.nat(),
  subs: fc.nat({ max: 2 }),
  quote: fc.boolean(),
}) as fc.Arbitrary<Objective>;

const arbPlan = fc.array(fc.array(arbObjective, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

const UNITS = ['OPS', 'SEC', 'ENG'];

/** Writes the plan: anchors and aliases are only used after they are defined, as YAML requires. */
function render(goals: Objective[][]): string {
  const out = ['planwright: 1', 'title: Shared Plan', 'units:', ...UNITS.map((u) => `  - { id: ${u}, name: Unit ${u} }`), 'goals:'];
  const bases: string[] = [];
  const unitAnchors: string[] = [];
  const relAnchors: string[] = [];
  const ids: string[] = [];
  let n = 0;
  goals.forEach((objs, g) => {
    out.push(`  - id: "${g + 1}"`, `    title: Goal ${g + 1}`, '    objectives:');
    ids.push(String(g + 1));
    objs.forEach((o, k) => {
      n++;
      const q = (s: string) => (o.quote ? `"${s}"` : s);
      const keys: string[] = [];
      const base = o.merge !== undefined && bases.length ? bases[o.merge % bases.length] : undefined;
      if (base) keys.push(`<<: *${base}`);
      const own = `${g + 1}.${k + 1}`;
      if (o.id === 'own' || (o.id === 'inherit' && !base)) keys.push(`id: "${own}"`);
      else if (o.id === 'wrong') keys.push(`id: "${g + 1}.${k + 3}"`);
      if (o.id !== 'inherit' || !base) ids.push(o.id === 'wrong' ? `${g + 1}.${k + 3}` : own);
      keys.push(`title: Objective ${n}`);
      const unit = UNITS[o.unit];
      if (o.lead === 'plain') keys.push(`lead: ${unit}`);
      else if (o.lead === 'anchor') keys.push(`lead: &u${n} ${unit}`), unitAnchors.push(`u${n}`);
      else if (o.lead === 'alias' && unitAnchors.length) keys.push(`support: [${UNITS[(o.unit + 1) % 3]}, *${unitAnchors[o.target % unitAnchors.length]}]`);
      const target = ids.length ? ids[o.target % ids.length] : '9.9';
      if (o.related === 'list') keys.push(`related: [${q(target)}, "9.9"]`);
      else if (o.related === 'anchor') keys.push(`related: &r${n} [${q(target)}]`), relAnchors.push(`r${n}`);
      else if (o.related === 'alias' && relAnchors.length) keys.push(`related: *${relAnchors[o.target % relAnchors.length]}`);
      if (o.subs) {
        keys.push('subobjectives:');
        for (let s = 1; s <= o.subs; s++) keys.push(`  - id: "${own}.${s}"`, `    title: Sub ${n}.${s}`);
      }
      if (o.anchor) {
        out.push(`      - &b${n}`);
        bases.push(`b${n}`);
        for (const key of keys) out.push(`        ${key}`);
      } else {
        out.push(`      - ${keys[0]}`);
        for (const key of keys.slice(1)) out.push(`        ${key}`);
      }
    });
  });
  return lines(...out);
}

function problems(ws: PlanWorkspace, doc: PlanDocument): number {
  return provideDiagnostics(ws, doc).length;
}

/**
 * Problems a rename must never add: giving one item a new number can leave its siblings'
 * numbering reading worse (a partial renumber), but never a broken link, unit or YAML.
 */
function problemsBesidesNumbering(ws: PlanWorkspace, doc: PlanDocument): number {
  return provideDiagnostics(ws, doc).filter((d) => !String(d.code).startsWith('numbering-')).length;
}

/** Fails unless no two edits repeat a range or overlap: what an editor needs to apply them as one change. */
function assertDisjoint(text: string, edits: TextEdit[], what: string): string {
  const ranges = edits.map((e) => JSON.stringify(e.range));
  assert.strictEqual(new Set(ranges).size, ranges.length, `${what}: repeated ranges ${ranges.join(' ')}`);
  return applyEdits(text, edits); // throws on overlapping edits
}

const SEEN = { shared: 0, merges: 0, renames: 0, renamedUnits: 0, refused: 0, renumbered: 0 };

describe('text shared through anchors, aliases and merge keys (property)', () => {
  it('every rename gives an edit list with no repeated or overlapping ranges, and leaves no more problems (besides numbering) than before', () => {
    fc.assert(
      fc.property(arbPlan, (goals) => {
        const text = render(goals);
        const { ws, doc } = load(text);
        assert.deepStrictEqual(doc.model.diagnostics.filter((d) => d.code === 'yaml-syntax' || d.code === 'schema').map((d) => d.message), [], text);
        if (text.includes('<<:')) SEEN.merges++;
        if (doc.model.items.some((i) => i.id?.shared) || doc.model.items.some((i) => i.refs.some((r) => r.repeats))) SEEN.shared++;
        const before = problemsBesidesNumbering(ws, doc);
        const numbers = newNumbers(doc.model);
        // Every place a rename can start: unit ids, entries, item numbers.
        const starts = new Map<number, string>();
        for (const u of doc.model.units) if (u.id) starts.set(u.id.span.start, 'NEWUNIT');
        for (const r of doc.model.refs) starts.set(r.target.span.start, r.field === 'related' ? '' : 'NEWUNIT');
        for (const i of doc.model.items) if (i.id) starts.set(i.id.span.start, numbers.get(i) ?? '');
        for (const [start, name] of starts) {
          const t = doc.model.refs.find((r) => r.target.span.start === start);
          const item = t?.field === 'related' ? doc.model.itemsById.get(t.target.text)?.[0] : undefined;
          const newName = name || (item && numbers.get(item)) || '1';
          const r = provideRenameEdits(ws, doc, doc.lines.positionAt(start + 1), newName);
          if ('error' in r) {
            assert.ok(!r.error.startsWith('Planwright could not make this change safely'), `${r.error}\n${text}`);
            continue;
          }
          const edits = r.edit.changes?.[doc.uri] ?? [];
          if (!edits.length) continue;
          SEEN.renames++;
          if (newName === 'NEWUNIT') SEEN.renamedUnits++;
          const after = assertDisjoint(text, edits, `rename at ${start} to ${newName}`);
          const re = load(after);
          assert.ok(problemsBesidesNumbering(re.ws, re.doc) <= before, `rename at ${start} to ${newName}: ${problemsBesidesNumbering(re.ws, re.doc)} problems besides numbering, ${before} before\n${after}`);
          if (newName === 'NEWUNIT') {
            const old = doc.model.refs.find((x) => x.target.span.start === start)?.target.text ?? doc.model.units.find((u) => u.id?.span.start === start)!.id!.text;
            const stillOld = re.doc.model.items.flatMap((i) => i.refs).filter((x) => x.field !== 'related' && x.target.text === old);
            assert.deepStrictEqual(stillOld.map((x) => x.target.text), [], `every entry meaning ${old} now names NEWUNIT\n${after}`);
          }
        }
      }),
      { numRuns: 120, seed: 1717 },
    );
  });

  it('renumber reaches a fixed point (renumbering twice changes nothing the second time), or refuses saying which number is shared', () => {
    fc.assert(
      fc.property(arbPlan, (goals) => {
        const text = render(goals);
        const { ws, doc } = load(text);
        const r = renumber(doc);
        if ('error' in r) {
          SEEN.refused++;
          assert.match(r.error, /^The number \S+ on line \d+ is the number of \d+ items, .*merge key/, text);
          assert.ok(doc.model.items.some((i) => i.id?.shared), `refused a plan with no shared number: ${r.error}`);
          return;
        }
        SEEN.renumbered++;
        const after = assertDisjoint(text, r.edits, 'renumber');
        const re = load(after, doc.uri, ws).doc;
        const again = renumber(re);
        assert.ok('edits' in again, JSON.stringify(again));
        assert.deepStrictEqual(again.edits, [], `a second renumber changes nothing\n${after}`);
        const numbering = provideDiagnostics(ws, re).filter((d) => String(d.code).startsWith('numbering-'));
        assert.deepStrictEqual(numbering.map((d) => d.message), [], after);
      }),
      { numRuns: 200, seed: 1718 },
    );
  });

  it('every code action offered on these plans has disjoint edits and leaves fewer problems', () => {
    fc.assert(
      fc.property(arbPlan, (goals) => {
        const text = render(goals);
        const { ws, doc } = load(text);
        const diags = provideDiagnostics(ws, doc);
        for (const d of diags) {
          for (const a of provideCodeActions(ws, doc, d.range, [d])) {
            const after = assertDisjoint(text, a.edit!.changes![doc.uri], a.title);
            const re = load(after);
            assert.ok(problems(re.ws, re.doc) < diags.length, `"${a.title}" leaves ${problems(re.ws, re.doc)} of ${diags.length}\n${after}`);
          }
        }
      }),
      { numRuns: 60, seed: 1719 },
    );
  });

  it('generates the shapes the properties are about', () => {
    // Runs after the properties above (mocha keeps the order of `it`s in a file).
    for (const [what, n] of Object.entries(SEEN)) assert.ok(n >= 10, `${what}: ${n} (${JSON.stringify(SEEN)})`);
  });

});
