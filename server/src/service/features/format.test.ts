import * as assert from 'assert';
import fc from 'fast-check';
import { parse, Parser } from 'yaml';
import { writePlan } from '../writePlan';
import { applyEdits } from '../edits';
import type { PlanDocument } from '../documents';
import type { PlanItem, PlanModel } from '../model';
import { planDiagnostics } from './diagnostics';
import { clearFormatCache, formatPlan, formatStats, formatText, formatWholeText, provideFormatting, provideRangeFormatting } from './format';
import { planShape, renderPlan } from '../test-shapes';
import { ERRORS, ICE, lines, load, MEASURE_ERRORS, MEASURES } from '../test-util';

const MESSY = lines(
  '# A messy plan',
  'title:   Messy plan   # the title',
  'planwright: 1',
  'units:',
  '- {id: OPS, name: Operations}',
  '- name: Planning',
  '  id: PLN',
  'goals:',
  '- title: First goal',
  '  id: 1',
  '  objectives:',
  '      - related: [1.2, \'1.1\']',
  '        title: Do it',
  '        # the number',
  '        id: 1.1',
  '        lead: OPS   ',
  '        description: |',
  '            Line one',
  '              indented',
  '            ',
  '            after blank',
  '      - id: 1.2',
  '        title: >-',
  '          Folded text',
  '          over lines',
  '- id: "2"',
  '  title: "Second',
  '    goal"',
  '',
  '',
  '  description: plain text',
  '    over two lines',
  '',
  '    and a blank',
);

const CANONICAL = lines(
  '# A messy plan',
  'planwright: 1',
  'title: Messy plan   # the title',
  'units:',
  '  - {id: OPS, name: Operations}',
  '  - id: PLN',
  '    name: Planning',
  'goals:',
  '  - id: 1',
  '    title: First goal',
  '    objectives:',
  '      # the number',
  '      - id: "1.1"',
  '        title: Do it',
  '        description: |',
  '          Line one',
  '            indented',
  '',
  '          after blank',
  '        lead: OPS',
  '        related: ["1.2", "1.1"]',
  '      - id: "1.2"',
  '        title: >-',
  '          Folded text',
  '          over lines',
  '',
  '  - id: "2"',
  '    title: "Second',
  '      goal"',
  '',
  '    description: plain text',
  '      over two lines',
  '',
  '      and a blank',
);

/** What the plan says, without where: the model's ids, titles, texts, references and measures. */
function meaning(m: PlanModel): unknown {
  const item = (i: PlanItem): unknown => ({
    kind: i.kind,
    id: i.id?.text,
    title: i.title,
    description: i.description,
    refs: i.refs.map((r) => `${r.field}:${r.target.text}`).sort(),
    measures: (i.measures ?? []).map((x) => ({
      id: x.id?.text, name: x.name, unit: x.unit, direction: x.direction, kind: x.kind, source: x.source, priority: x.priority,
      baseline: x.baseline && [x.baseline.year?.text, x.baseline.value?.text],
      targets: x.targets.map((t) => [t.year.text, t.value?.text]), results: x.results.map((t) => [t.year.text, t.value?.text]),
    })),
    milestones: (i.milestones ?? []).map((x) => [x.title, x.due?.text, x.done]),
    children: i.children.map(item),
  });
  return {
    title: m.title, mission: m.mission, vision: m.vision, organization: m.organization && [m.organization.name, m.organization.acronym], period: m.period,
    values: m.values.map((v) => [v.name, v.description]),
    units: m.units.map((u) => [u.id?.text, u.name, u.kind, u.description]),
    goals: m.goals.map(item),
  };
}

/** The problems of a plan as codes and messages (in any order): positions left out. */
function problems(doc: PlanDocument, ws: Parameters<typeof planDiagnostics>[0]): string[] {
  return planDiagnostics(ws, doc).map((d) => `${d.code}: ${d.message}`).sort();
}

/** Every comment of a text, in order, as yaml's CST reads them (not the `#` inside a `|` text). */
function comments(text: string): string[] {
  const out: string[] = [];
  const walk = (t: unknown): void => {
    if (Array.isArray(t)) t.forEach(walk);
    else if (t && typeof t === 'object') {
      const o = t as Record<string, unknown>;
      if (o.type === 'comment') out.push(String(o.source));
      for (const k of ['start', 'items', 'key', 'sep', 'value', 'end', 'props']) if (k in o) walk(o[k]);
    }
  };
  for (const tok of new Parser().parse(text.replace(/\r\n?/g, '\n'))) walk(tok);
  return out;
}

/** Checks every promise of the formatter on one text; returns the formatted text. */
function checkFormat(text: string, opts: { sameCommentOrder?: boolean } = {}): string | undefined {
  const { ws, doc } = load(text);
  const r = formatPlan(doc);
  if ('error' in r) {
    assert.ok(doc.model.diagnostics.some((d) => d.code === 'yaml-syntax'), `not formatted, with no YAML error:\n${text}`);
    assert.deepStrictEqual(provideFormatting(doc), []);
    return undefined;
  }
  const out = r.text;
  assert.strictEqual(formatText(out), out, `not idempotent:\n${text}\n--- formatted once:\n${out}`);
  // The editor's edits give the same text.
  assert.strictEqual(applyEdits(text, provideFormatting(doc)), out);
  const after = load(out);
  assert.deepStrictEqual(meaning(after.doc.model), meaning(doc.model));
  // The same problems, but for the unquoted dotted numbers the formatter puts in quotes.
  const unquoted = (p: string) => !/^numbering-format: YAML reads the unquoted/.test(p);
  assert.deepStrictEqual(problems(after.doc, after.ws).filter(unquoted), problems(doc, ws).filter(unquoted));
  assert.ok(!problems(after.doc, after.ws).some((p) => !unquoted(p)), 'a dotted number was left unquoted');
  if (opts.sameCommentOrder) assert.deepStrictEqual(comments(out), comments(text));
  else assert.deepStrictEqual(comments(out).sort(), comments(text).sort());
  return out;
}

describe('formatting', () => {
  it('writes a messy plan in the canonical layout, keeping comments, texts and their line breaks', () => {
    assert.strictEqual(formatText(MESSY), CANONICAL);
    checkFormat(MESSY);
  });

  it('leaves the samples written in the canonical layout as they are, and puts one blank line between goals', () => {
    assert.strictEqual(formatText(ICE), ICE);
    assert.strictEqual(formatText(MEASURE_ERRORS), MEASURE_ERRORS);
    const measures = formatText(MEASURES)!;
    assert.notStrictEqual(measures, MEASURES);
    assert.strictEqual(measures.replace(/\n\n(?=  - id: "\d+"\n)/g, '\n'), MEASURES.replace(/\n\n(?=  - id: "\d+"\n)/g, '\n'));
    for (const t of [ICE, MEASURES, MEASURE_ERRORS]) checkFormat(t, { sameCommentOrder: true });
  });

  it('does not format a plan with YAML syntax errors, and says why', () => {
    const { doc } = load(ERRORS);
    const r = formatPlan(doc);
    assert.ok('error' in r && /YAML syntax errors/.test(r.error));
    assert.deepStrictEqual(provideFormatting(doc), []);
  });

  it('keeps the line breaks of a CRLF plan and re-indents with them', () => {
    const crlf = MESSY.replace(/\n/g, '\r\n');
    assert.strictEqual(formatText(crlf), CANONICAL.replace(/\n/g, '\r\n'));
    checkFormat(crlf);
  });

  it('keeps a block text with an indentation indicator at its indicator, and a kept final blank line', () => {
    const text = lines('planwright: 1', 'title: T', 'goals:', '    - id: "1"', '      title: G', '      description: |2', '           two more', '         base', '      x: |+', '        kept', '', 'mission: m');
    const out = checkFormat(text)!;
    assert.ok(out.includes('    description: |2\n         two more\n       base\n'), out);
    assert.ok(out.includes('    x: |+\n      kept\n\n'), out);
  });

  it('moves a key with the comment and blank line above it', () => {
    const text = lines('planwright: 1', 'goals:', '  - title: G', '', '    # the number', '    id: "1"', 'title: T');
    assert.strictEqual(formatText(text), lines('planwright: 1', 'title: T', 'goals:', '', '  # the number', '  - id: "1"', '    title: G'));
  });

  it('puts a misspelt key where its field goes, and an unknown key after the key written before it', () => {
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - titel: G', '    objectives: []', '    x: 1', '    id: "1"');
    assert.strictEqual(formatText(text), lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    titel: G', '    objectives: []', '    x: 1'));
    checkFormat(text);
  });

  it('keeps flow mappings and lists as written, continuation lines re-indented', () => {
    const text = lines('planwright: 1', 'title: T', 'goals:', '- { id: "1", title: G,', '      objectives: [] }', 'period: {end: 2025, start: 2021}');
    const out = checkFormat(text)!;
    assert.strictEqual(out, lines('planwright: 1', 'title: T', 'period: {end: 2025, start: 2021}', 'goals:', '  - { id: "1", title: G,', '      objectives: [] }'));
  });

  it('gives the formatting as edits of the lines that change only', () => {
    const { doc } = load(MEASURES);
    const edits = provideFormatting(doc);
    assert.deepStrictEqual(edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]), [[67, 67, '\n']]);
  });

  it('formats the lines of a range, or the whole plan when part of it alone would not read', () => {
    const text = MESSY;
    const { doc } = load(text);
    const all = provideFormatting(doc);
    // The goals' list moves right as a whole: one goal alone cannot.
    const some = provideRangeFormatting(doc, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } });
    assert.deepStrictEqual(some, all);
    // In a canonical plan with one messy line, only that line is touched.
    const { doc: one } = load(ICE.replace('  - id: "2"\n', '  - id: "2"   \n').replace('    title: Empower the Workforce', '    title:    Empower the Workforce'));
    const at = one.lines.positionAt(one.text.indexOf('title:    Empower'));
    const edits = provideRangeFormatting(one, { start: at, end: at });
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(edits[0].newText, '    title: Empower the Workforce that Powers the Mission\n');
    assert.strictEqual(provideFormatting(one).length, 2);
  });

  // Properties, over random plans in random layouts.
  const word = fc.constantFrom('Alpha', 'Côte 🌊 plan', 'R&D', 'a #b', '"quoted: yes"', "'it''s'", 'x');
  const number = (ids: number[]) => ids.join('.');

  const indentStep = fc.constantFrom(2, 3, 4);
  const layout = fc.record({ step: indentStep, listIndent: fc.boolean(), shuffle: fc.boolean(), quoted: fc.boolean(), blank: fc.boolean(), comments: fc.boolean(), crlf: fc.boolean() });
  const itemShape = fc.record({
    title: word,
    text: fc.option(fc.oneof(word, fc.record({ header: fc.constantFrom('|', '>-', '|-', '>', '|+'), lines: fc.array(fc.constantFrom('text', 'more words', '# not a comment', '', '  indented', 'a: b'), { minLength: 1, maxLength: 4 }) })), { nil: undefined }),
    lead: fc.option(fc.constantFrom('OPS', 'PLN', '[OPS, PLN]', 'NOPE'), { nil: undefined }),
    related: fc.option(fc.constantFrom('flow', 'block', 'scalar'), { nil: undefined }),
    measure: fc.boolean(),
    comment: fc.option(fc.constantFrom('# a note', '#x', '# ---- section'), { nil: undefined }),
  });
  const planArb = fc.record({
    layout,
    units: fc.constantFrom('block', 'flow', 'none'),
    goals: fc.array(fc.record({ goal: itemShape, objectives: fc.array(fc.record({ o: itemShape, subs: fc.array(itemShape, { maxLength: 2 }) }), { maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
  });
  type Plan = typeof planArb extends fc.Arbitrary<infer T> ? T : never;
  type Item = Plan['goals'][number]['goal'];

  /** Writes a random plan: keys shuffled or not, lists indented or not, comments and blank lines anywhere. */
  function write(p: Plan, seed: number): string {
    const L = p.layout;
    let rnd = seed;
    const next = () => ((rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const out: string[] = [];
    const order = <T>(xs: T[]) => (L.shuffle ? [...xs].sort(() => next() - 0.5) : xs);
    const id = (n: string, depth: number) => (depth === 1 ? (L.quoted ? `"${n}"` : n) : L.quoted ? `"${n}"` : n);
    const entry = (fields: [string, (pad: string, at: number) => string[]][], at: number, comment?: string) => {
      // `at`: the column of the entry's `-`.
      const keyCol = at + 2;
      const pad = ' '.repeat(keyCol);
      if (comment && L.comments) out.push(' '.repeat(at) + comment);
      order(fields).forEach(([k, f], i) => {
        const body = f(pad, keyCol);
        const head = i === 0 ? ' '.repeat(at) + '- ' : pad;
        if (L.blank && next() < 0.2) out.push('');
        if (L.comments && next() < 0.15) out.push(pad + '# before ' + k);
        out.push(head + k + ':' + body[0] + (L.comments && next() < 0.1 ? ' # after ' + k : ''));
        out.push(...body.slice(1));
      });
    };
    const list = (keyCol: number) => (L.listIndent ? keyCol + L.step : keyCol);
    const itemFields = (it: Item, n: string, depth: number, kids: ((at: number) => void) | undefined): [string, (pad: string, at: number) => string[]][] => {
      const f: [string, (pad: string, at: number) => string[]][] = [['id', () => [' ' + id(n, depth)]], ['title', () => [' ' + it.title]]];
      const t = it.text;
      if (typeof t === 'string') f.push(['description', () => [' ' + t]]);
      else if (t) f.push(['description', (pad) => [' ' + t.header, ...t.lines.map((l) => (l ? pad + ' '.repeat(L.step) + l : ''))]]);
      if (depth > 1 && it.lead) f.push(['lead', () => [' ' + it.lead]]);
      if (depth > 1 && it.related) {
        const r = it.related;
        f.push(['related', (pad) => (r === 'flow' ? [' [1.1, "1"]'] : r === 'scalar' ? [' 1.1'] : ['', `${pad}- 1.1`, `${pad}- "1"`])]);
      }
      if (it.measure) f.push(['measures', (_pad, at) => {
        const save = out.length;
        entry([['id', () => [` PM-${n}`]], ['name', () => [' Count']], ['baseline', (p2) => ['', `${p2}${' '.repeat(L.step)}value: 3`, `${p2}${' '.repeat(L.step)}year: 2020`]], ['targets', () => [' { 2021: 4 }']]], list(at));
        return ['', ...out.splice(save)];
      }]);
      if (kids) f.push([depth === 1 ? 'objectives' : 'subobjectives', (_pad, at) => {
        const save = out.length;
        kids(list(at));
        return ['', ...out.splice(save)];
      }]);
      return f;
    };
    const top: [string, () => void][] = [
      ['planwright', () => out.push('planwright: 1')],
      ['title', () => out.push('title: Random plan')],
      ['units', () => {
        if (p.units === 'none') return;
        out.push('units:');
        if (p.units === 'flow') out.push(`${' '.repeat(list(0))}- { id: OPS, name: Operations }`, `${' '.repeat(list(0))}- {name: Planning, id: PLN}`);
        else {
          entry([['id', () => [' OPS']], ['name', () => [' Operations']]], list(0));
          entry([['name', () => [' Planning']], ['id', () => [' PLN']]], list(0));
        }
      }],
      ['goals', () => {
        out.push('goals:');
        p.goals.forEach((g, gi) => {
          const kids = g.objectives.length
            ? (at: number) => g.objectives.forEach((o, oi) => {
                const subs = o.subs.length ? (at2: number) => o.subs.forEach((s, si) => entry(itemFields(s, `${gi + 1}.${oi + 1}.${si + 1}`, 3, undefined), at2, s.comment)) : undefined;
                entry(itemFields(o.o, `${gi + 1}.${oi + 1}`, 2, subs), at, o.o.comment);
              })
            : undefined;
          entry(itemFields(g.goal, String(gi + 1), 1, kids), list(0), g.goal.comment);
        });
      }],
    ];
    for (const [, f] of order(top)) f();
    void number;
    return out.join(L.crlf ? '\r\n' : '\n') + (L.crlf ? '\r\n' : '\n');
  }

  it('is idempotent and keeps the plan, its problems and its comments, on random plans in random layouts', function () {
    this.timeout(120000);
    let formatted = 0;
    fc.assert(
      fc.property(planArb, fc.nat(), (p, seed) => {
        const text = write(p, seed);
        if (checkFormat(text, { sameCommentOrder: !p.layout.shuffle }) !== undefined) formatted++;
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 4, seed: 20261201 },
    );
    assert.ok(formatted > 100, `only ${formatted} plans were formatted`);
  });

  it('is idempotent and keeps the plan on the incremental parser\'s plan shapes (flow goals, anchors, tags, YAML errors)', function () {
    this.timeout(120000);
    fc.assert(
      fc.property(planShape, (s) => {
        checkFormat(renderPlan(s));
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 4, seed: 20261202 },
    );
  });

  it('is idempotent and keeps the plan on edited goals of the samples (comments, blank lines, indentation, spaces)', function () {
    this.timeout(120000);
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), what: fc.constantFrom('comment', 'blank', 'indent+2', 'tail comment', 'spaces', 'unquote', 'crlf') });
    fc.assert(
      fc.property(fc.constantFrom(ICE, MEASURES), fc.array(edit, { minLength: 1, maxLength: 6 }), (base, edits) => {
        let ls = base.split('\n');
        let eol = '\n';
        for (const e of edits) {
          const i = Math.min(ls.length - 1, Math.floor(e.at * ls.length));
          const indent = /^ */.exec(ls[i])![0];
          if (e.what === 'comment') ls.splice(i, 0, indent + '# inserted');
          else if (e.what === 'blank') ls.splice(i, 0, '');
          else if (e.what === 'indent+2') ls = ls.map((l, k) => (k >= i && l.startsWith(indent) && l.trim() ? '  ' + l : l));
          else if (e.what === 'tail comment' && ls[i].trim() && !/[|>][-+]?$/.test(ls[i])) ls[i] += ' # t';
          else if (e.what === 'spaces') ls[i] += '  ';
          else if (e.what === 'unquote') ls[i] = ls[i].replace(/(id: )"(\d+\.\d+)"/, '$1$2');
          else if (e.what === 'crlf') eol = '\r\n';
        }
        checkFormat(ls.join(eol));
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60), seed: 20261203 },
    );
  });

  describe('goal by goal', () => {
  /** A plan of `n` canonical goals (ICE's second goal, renumbered), each with objectives and a block text. */
  function bigPlan(n: number): string {
    const at = ICE.indexOf('  - id: "2"\n');
    const end = ICE.indexOf('\n  - id: "3"\n');
    const goal = ICE.slice(at, end + 1);
    const head = ICE.slice(0, ICE.indexOf('goals:\n') + 'goals:\n'.length);
    const goals = Array.from({ length: n }, (_, i) => goal.replace(/"2(\.\d+)*"/g, (m) => m.replace('2', String(i + 1))));
    return head + goals.join('\n');
  }

  it('formats a plan again after a one-goal edit by reading only that goal', () => {
    clearFormatCache();
    const plan = bigPlan(40);
    assert.strictEqual(formatText(plan), plan);
    assert.strictEqual(formatStats.goalsRead, 40);
    const edited = plan.replace('  - id: "17"\n    title: ', '  - id: "17"\n    title:    ');
    assert.notStrictEqual(edited, plan);
    const out = formatText(edited);
    assert.strictEqual(out, plan);
    assert.strictEqual(out, formatWholeText(edited));
    // The edited goal only: its formatted text is the goal as it was, kept.
    assert.strictEqual(formatStats.goalsRead, 1);
    assert.strictEqual(formatStats.mode, 'goals');
  });

  it('prints a goal after a comment between goals as the whole text does: the blank line above a key that moves up stays', () => {
    clearFormatCache();
    const text = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '  # about goal 2', '  - title: B', '', '    # the number', '    id: "2"');
    const out = formatText(text);
    assert.strictEqual(formatStats.mode, 'goals');
    assert.strictEqual(out, formatWholeText(text));
    assert.strictEqual(out, lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '', '  # about goal 2', '', '  # the number', '  - id: "2"', '    title: B'));
    // With no comment between the goals, the blank line above the comment is the one between goals.
    const plain = text.replace('  # about goal 2\n', '');
    assert.strictEqual(formatText(plain), formatWholeText(plain));
    assert.strictEqual(formatStats.mode, 'goals');
    assert.strictEqual(formatText(plain), lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '', '  # the number', '  - id: "2"', '    title: B'));
  });

  it('places a comment between goals as the whole text does when the goal\'s keys are indented past its `-`', () => {
    clearFormatCache();
    // yaml reads `# four` as the next goal's (less indented than the goal's keys), `# seven` as the goal's own.
    const text = lines('planwright: 1', 'title: T', 'goals:', '  -   id: "1"', '      title: A', '       # seven', '    # four', '  - id: "2"', '    title: B', 'mission: M');
    const out = formatText(text);
    assert.strictEqual(formatStats.mode, 'goals');
    assert.strictEqual(out, formatWholeText(text));
  });

  it('formats the whole text when goals depend on each other (anchors, aliases, merge keys)', () => {
    clearFormatCache();
    const plan = bigPlan(3).replace('  - id: "1"\n', '  - id: "1"\n    x: &shared {a: 1}\n').replace('  - id: "3"\n', '  - id: "3"\n    y: *shared\n');
    assert.strictEqual(formatText(plan), formatWholeText(plan));
    assert.strictEqual(formatStats.mode, 'whole');
  });

  /** Text edits that make goals interact, or that the goal-by-goal reading must place as yaml does. */
  const hostile = fc.constantFrom(
    'comment col 0', 'comment col 1', 'comment col 2', 'comment col 3', 'comment col 4', 'comment col 6', 'blank', 'blank x2', 'trailing spaces',
    'tab', 'crlf', 'bom', 'lone cr', 'no final newline', 'keep text', 'flow goal', 'anchor', 'alias', 'merge', 'tag', 'yaml error', 'indent goal', 'dash alone',
    'section after goals', 'comment after goals', 'deep comment after goals', 'quoted key', 'document marker',
    'goals comment', 'comments under goals key', 'blank under goals key', 'plain text ends goal', 'block text ends goal', 'spaces line', 'duplicate goals key', 'unicode',
  );
  function mutate(text: string, edits: { at: number; what: string }[]): string {
    let eol = '\n';
    let bom = '';
    let ls = text.split(/\r?\n/);
    if (ls[ls.length - 1] === '') ls.pop();
    let final = true;
    for (const e of edits) {
      const i = Math.min(ls.length - 1, Math.floor(e.at * ls.length));
      const goalLines = ls.map((l, k) => (/^ *- id:/.test(l) && /^ {0,2}-/.test(l) ? k : -1)).filter((k) => k >= 0);
      const g = goalLines.length ? goalLines[Math.floor(e.at * goalLines.length)] : i;
      const m = /^comment col (\d)$/.exec(e.what);
      if (m) ls.splice(e.at < 0.5 ? g : i, 0, ' '.repeat(Number(m[1])) + '# c');
      else if (e.what === 'blank') ls.splice(g, 0, '');
      else if (e.what === 'blank x2') ls.splice(i, 0, '', '');
      else if (e.what === 'trailing spaces') ls[i] += '   ';
      else if (e.what === 'tab') ls[i] = '\t' + ls[i];
      else if (e.what === 'crlf') eol = '\r\n';
      else if (e.what === 'bom') bom = '\uFEFF';
      else if (e.what === 'lone cr') ls[i] += '\r';
      else if (e.what === 'no final newline') final = false;
      else if (e.what === 'keep text') ls.splice(g + 1, 0, '    notes: |+', '      kept', '');
      else if (e.what === 'flow goal') ls.splice(g, 0, '  - { id: "90", title: Flow goal,', '      description: over lines }');
      else if (e.what === 'anchor') ls.splice(g + 1, 0, '    x: &a { k: 1 }');
      else if (e.what === 'alias') ls.splice(g + 1, 0, '    y: *a');
      else if (e.what === 'merge') ls.splice(g + 1, 0, '    <<: *a');
      else if (e.what === 'tag') ls.splice(g + 1, 0, '    z: !!str 12');
      else if (e.what === 'yaml error') ls.splice(i, 0, ls[i].replace(/: /, ': "unclosed'));
      else if (e.what === 'indent goal') ls = ls.map((l, k) => (k >= g && k < g + 6 ? '  ' + l : l));
      else if (e.what === 'dash alone') ls.splice(g, 1, ls[g].replace(/- id:/, '-\n    id:'));
      else if (e.what === 'section after goals') ls.push('mission: After the goals');
      else if (e.what === 'comment after goals') ls.push('# the end', '', '  # indented end');
      else if (e.what === 'deep comment after goals') ls.push('      # deep', '# top');
      else if (e.what === 'quoted key') ls[i] = ls[i].replace(/^(\s*)(title):/, '$1"$2":');
      else if (e.what === 'document marker') ls.splice(0, 0, '---');
      else if (e.what === 'goals comment') ls = ls.map((l) => (l === 'goals:' ? 'goals: # the goals' : l));
      else if (e.what === 'comments under goals key') ls = ls.flatMap((l) => (l.startsWith('goals:') ? [l, '# top', '    # deeper', '  # at the dash'] : [l]));
      else if (e.what === 'blank under goals key') ls = ls.flatMap((l) => (l.startsWith('goals:') ? [l, ''] : [l]));
      else if (e.what === 'plain text ends goal') ls.splice(g, 0, '    note: a plain text', '      over two lines', ' # low');
      else if (e.what === 'block text ends goal') ls.splice(g, 0, '    note: |', '      text', '', '', '# after the text', '      ');
      else if (e.what === 'spaces line') ls.splice(g, 0, '     ');
      else if (e.what === 'duplicate goals key') ls.push('goals:', '  - id: "99"');
      else if (e.what === 'unicode') ls[i] = ls[i].replace(/title: /, 'title: Côte 🌊 ');
    }
    return bom + ls.join('\n').split('\n').join(eol) + (final ? eol : '');
  }

  /**
   * formatText (goal by goal when it can) gives formatWholeText's result, on the text and on its
   * result; and so does formatPlan (told by the model that the text has no YAML error).
   */
  function same(text: string): void {
    const whole = formatWholeText(text);
    const out = formatText(text);
    assert.strictEqual(out, whole, `goal by goal ≠ whole text (${formatStats.mode}):\n${JSON.stringify(text)}`);
    const mode = formatStats.mode;
    const { doc } = load(text);
    const r = formatPlan(doc);
    if ('text' in r) assert.strictEqual(r.text, whole, `formatPlan ≠ whole text:\n${JSON.stringify(text)}`);
    else assert.ok(doc.model.diagnostics.some((d) => d.code === 'yaml-syntax') || whole === undefined);
    if (out !== undefined && out !== text) assert.strictEqual(formatText(out), formatWholeText(out), `goal by goal ≠ whole text on the formatted text:\n${JSON.stringify(out)}`);
    formatStats.mode = mode;
  }

  it('gives the whole text\'s formatting on random plans in random layouts, the incremental parser\'s shapes and hostile edits of them', function () {
    this.timeout(300000);
    clearFormatCache();
    const counts = { goals: 0, whole: 0 };
    const count = () => {
      if (formatStats.mode === 'goals') counts.goals++;
      else if (formatStats.mode === 'whole') counts.whole++;
    };
    const runs = Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60);
    fc.assert(
      fc.property(fc.oneof(planArb.map((p) => write(p, 7)), planShape.map(renderPlan), fc.constantFrom(ICE, MEASURES, MESSY, CANONICAL)), fc.array(fc.record({ at: fc.double({ min: 0, max: 0.9999, noNaN: true }), what: hostile }), { maxLength: 4 }), (base, edits) => {
        const text = mutate(base, edits);
        same(text);
        count();
      }),
      { numRuns: runs * 6, seed: 20261204 },
    );
    if (process.env.FMT_DEBUG) console.log(counts);
    assert.ok(counts.goals > runs, `only ${counts.goals} of ${runs * 6} plans were formatted goal by goal (${counts.whole} whole)`);
    assert.ok(counts.whole > runs / 2, `only ${counts.whole} plans were formatted as a whole text`);
  });

  it('gives the whole text\'s formatting after successive edits of one plan, with the goals kept from the previous versions', function () {
    this.timeout(120000);
    clearFormatCache();
    let text = bigPlan(6);
    fc.assert(
      fc.property(fc.array(fc.record({ at: fc.double({ min: 0, max: 0.9999, noNaN: true }), what: hostile }), { minLength: 1, maxLength: 2 }), (edits) => {
        const next = mutate(text, edits);
        same(next);
        const out = formatText(next);
        // Go on from the formatted text when there is one, as an editor that formats on save does.
        text = out ?? (formatWholeText(bigPlan(6)) as string);
      }),
      { numRuns: Number(process.env.PLANWRIGHT_PROPERTY_RUNS ?? 60) * 2, seed: 20261205 },
    );
  });
  });
});

describe('formatting and writePlan', () => {
  // The importers' writer and the formatter agree on the canonical layout: what one writes, the
  // other leaves as it is.
  for (const [name, text] of [['the ICE plan', ICE], ['the measures example', MEASURES], ['the measures-with-errors sample', MEASURE_ERRORS]] as const) {
    it(`leaves writePlan's text of ${name}'s value as it is`, () => {
      const written = writePlan(parse(text));
      assert.strictEqual(formatText(written), written);
      const withHeader = writePlan(parse(text), { header: ['Imported', '', 'Check it.'] });
      assert.strictEqual(formatText(withHeader), withHeader);
    });
  }
});
