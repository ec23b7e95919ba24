// A deterministic generator of large strategic plans for the benchmarks, in the format of
// samples/ice-strategic-plan-2021-2025.plan.yaml: G goals × O objectives × S sub-objectives,
// folded (`>-`) narrative descriptions, `lead`/`support` naming units, `related` links to
// items that exist. The same shape and seed always give the same text (seeded PRNG).
//
//   node out/test/bench/generate.js 50x10x8 [out.plan.yaml]     (or 15k, 63k, 250k)

import * as fs from 'fs';

export interface PlanShape {
  goals: number;
  objectives: number;
  subobjectives: number;
}

export interface GenerateOptions extends PlanShape {
  seed?: number;
  /** Lines of folded description text under each goal. */
  goalDescriptionLines?: number;
  /** Lines of folded description text under each objective. */
  objectiveDescriptionLines?: number;
  /** Every n-th sub-objective has a description; 0 for none. */
  subDescriptionEvery?: number;
  subDescriptionLines?: number;
  /**
   * Measures per objective (0 unless asked), each with a baseline and 3 fiscal years of targets
   * and results. Drawn from their own PRNG: the rest of the plan is the
   * same text with or without them.
   */
  measuresPerObjective?: number;
  /**
   * A plan that passes the style rules (checks/style.ts), as a finished plan would: every item
   * has a description (a sub-objective one line of it) and a title of its own (the same titles,
   * each with its region's number). The extra text is drawn from its own PRNG.
   */
  tidy?: boolean;
}

export interface GeneratedPlan {
  tidy?: boolean;
  text: string;
  lineCount: number;
  shape: PlanShape;
  items: number;
  units: string[];
}

/** The benchmark sizes by name; the tuned description lengths give ~15.8k and ~63k lines. */
export const SIZES: Record<string, PlanShape> = {
  '15k': { goals: 50, objectives: 10, subobjectives: 8 },
  '63k': { goals: 200, objectives: 10, subobjectives: 8 },
  '250k': { goals: 800, objectives: 10, subobjectives: 8 },
};

/** '15k' | '63k' | '250k' | 'GxOxS' (e.g. 400x10x8), with `:tidy` for a plan that passes the style rules (GenerateOptions.tidy). */
export function parseSize(s: string): { name: string; shape: PlanShape; tidy?: boolean } {
  const tidy = /:tidy$/i.exec(s.trim());
  if (tidy) return { ...parseSize(s.trim().slice(0, tidy.index)), name: s.trim().toLowerCase(), tidy: true };
  const named = SIZES[s.trim().toLowerCase()];
  if (named) return { name: s.trim().toLowerCase(), shape: named };
  const m = /^(\d+)x(\d+)x(\d+)$/i.exec(s.trim());
  if (!m) throw new Error(`unknown plan size "${s}": use ${Object.keys(SIZES).join(', ')} or GxOxS like 50x10x8`);
  return { name: s.trim(), shape: { goals: +m[1], objectives: +m[2], subobjectives: +m[3] } };
}

/** mulberry32: a small, fast, seeded PRNG (the plans must not depend on Math.random). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS: [id: string, name: string, kind: string][] = [
  ['OD', 'Office of the Director', 'office'],
  ['OPS', 'Field Operations', 'directorate'],
  ['INV', 'Investigations', 'directorate'],
  ['M&A', 'Management and Administration', 'directorate'],
  ['LEG', 'Office of the Legal Advisor', 'directorate'],
  ['OPR', 'Office of Professional Responsibility', 'program office'],
  ['CIO', 'Office of the Chief Information Officer', 'office'],
  ['HCO', 'Office of the Chief Human Capital Officer', 'office'],
  ['CFO', 'Office of the Chief Financial Officer', 'office'],
  ['R&D', 'Science and Technology', 'program office'],
  ['PAE', 'Partnership and Engagement', 'program office'],
  ['INTL', 'International Affairs', 'program office'],
];

const MEASURE_NAMES = ['Percent of cases closed within 90 days', 'Percent of employees completing required training', 'Percent of systems meeting security standards', 'Percent of inquiries answered within 5 days', 'Percent of audits without a material finding'];
const VERBS = ['Strengthen', 'Expand', 'Modernize', 'Improve', 'Develop', 'Enhance', 'Advance', 'Streamline', 'Build', 'Promote', 'Align', 'Sustain', 'Integrate', 'Protect', 'Deliver', 'Foster', 'Leverage', 'Establish'];
const OBJECTS = ['Partnerships', 'Data Analytics', 'Workforce Readiness', 'Information Sharing', 'Field Operations', 'Training Programs', 'Acquisition Practices', 'Technology Platforms', 'Risk Management', 'Community Engagement', 'Case Management', 'Facility Security', 'Financial Stewardship', 'Records Management', 'Intelligence Capabilities', 'Oversight Mechanisms', 'Recruitment and Retention', 'Mission Support Services'];
const ENDS = ['to Support the Mission', 'Across the Agency', 'for Today and the Future', 'with Domestic and International Partners', 'to Address Emerging Threats', 'Through Innovative Approaches', 'to Improve Accountability', 'at Every Level', 'for a Mobile and Flexible Workforce', 'to Inform Decision Makers'];
const SUBJECTS = ['The agency', 'Each directorate', 'Each program office', 'Every field office', 'Leadership', 'The workforce', 'The planning office', 'Mission support'];
const ACTIONS = ['is enhancing', 'continues to develop', 'is aligning', 'invests in', 'strengthens', 'is modernizing', 'regularly reviews', 'coordinates', 'expands', 'evaluates'];
const THINGS = ['programs and processes', 'the tools and resources employees need', 'interoperable information systems', 'training and development opportunities', 'its investigative capabilities', 'data protection techniques', 'transparent communication', 'resource needs and service capabilities', 'cooperative relationships', 'performance measures and outcomes', 'acquisition strategies', 'workload staffing models'];
const PURPOSES = ['to meet evolving workload demands', 'so that priorities are clear at every level', 'while safeguarding privacy and civil liberties', 'to respond quickly to a changing threat environment', 'in support of national security and public safety', 'and shares the results with senior leaders', 'to make informed decisions about mitigation methods', 'so that employees can thrive', 'with measurable results', 'across domestic and international operations'];

class Writer {
  private readonly out: string[] = [];
  line(s = ''): void {
    this.out.push(s);
  }
  get count(): number {
    return this.out.length;
  }
  text(): string {
    return this.out.join('\n') + '\n';
  }
}

export function generatePlan(opts: GenerateOptions): GeneratedPlan {
  const { goals: G, objectives: O, subobjectives: S } = opts;
  const rnd = prng(opts.seed ?? 20250611);
  const gdl = opts.goalDescriptionLines ?? 5;
  const odl = opts.objectiveDescriptionLines ?? 4;
  const sdEvery = opts.subDescriptionEvery ?? 8;
  const sdl = opts.subDescriptionLines ?? 2;
  const mpo = opts.measuresPerObjective ?? 0;
  const mrnd = prng((opts.seed ?? 20250611) + 1);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  const int = (n: number) => Math.floor(rnd() * n);
  let region = 0;
  const title = () => `${pick(VERBS)} ${pick(OBJECTS)} ${pick(ENDS)}${opts.tidy ? ` in Region ${++region}` : ''}`;
  const trnd = prng((opts.seed ?? 20250611) + 2);
  const tpick = <T>(a: readonly T[]): T => a[Math.floor(trnd() * a.length)];
  const sentence = () => `${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(THINGS)} ${pick(PURPOSES)}.`;
  /** Whole sentences wrapped at 88 columns into at most `n` lines (n when the sentences allow), indented by `indent`. */
  const prose = (w: Writer, indent: string, n: number) => {
    const lines: string[] = [''];
    const fits = (words: string[]) => {
      let last = lines[lines.length - 1];
      let count = lines.length;
      for (const word of words) {
        if (last && last.length + 1 + word.length > 88) {
          count++;
          last = word;
        } else last = last ? `${last} ${word}` : word;
      }
      return count <= n;
    };
    for (let tries = 0; tries < 6; ) {
      const words = sentence().split(' ');
      if (!fits(words)) {
        tries++;
        continue;
      }
      for (const word of words) {
        const last = lines[lines.length - 1];
        if (last && last.length + 1 + word.length > 88) lines.push(word);
        else lines[lines.length - 1] = last ? `${last} ${word}` : word;
      }
    }
    for (const l of lines) w.line(indent + l);
  };
  const unitIds = UNITS.map((u) => u[0]);
  /** A random existing item id other than `self`. */
  const anyItem = (self: string): string => {
    for (;;) {
      const g = 1 + int(G);
      const depth = O ? int(3) : 0;
      const id = depth === 0 || !O ? `${g}` : depth === 1 || !S ? `${g}.${1 + int(O)}` : `${g}.${1 + int(O)}.${1 + int(S)}`;
      if (id !== self) return id;
    }
  };

  const w = new Writer();
  w.line(`# Generated by test/bench/generate.ts: ${G} goals × ${O} objectives × ${S} sub-objectives (seed ${opts.seed ?? 20250611}).`);
  w.line('# A synthetic plan for benchmarks, in the format of the ICE sample; the text is generated.');
  w.line();
  w.line('planwright: 1');
  w.line(`title: Benchmark Agency Strategic Plan 2026-2030 (${G} goals)`);
  w.line('organization: { name: Benchmark Agency, acronym: BA }');
  w.line('period: { start: 2026, end: 2030 }');
  w.line('mission: To protect the public and serve our communities by carrying out the laws entrusted to the agency.');
  w.line('vision: To be a trusted agency, with a highly capable and diverse workforce, that serves the nation with integrity.');
  w.line();
  w.line('values:');
  for (const [name, d] of [['Integrity', 'We are accountable for our actions.'], ['Courage', 'We do the right thing, even when it is not easy.'], ['Excellence', 'We operate at the highest levels of performance.']]) {
    w.line(`  - name: ${name}`);
    w.line(`    description: ${d}`);
  }
  w.line();
  w.line('units:');
  for (const [id, name, kind] of UNITS) {
    w.line(`  - id: ${id}`);
    w.line(`    name: ${name}`);
    w.line(`    kind: ${kind}`);
    w.line('    description: >-');
    prose(w, '      ', 3);
  }
  w.line();
  w.line('goals:');
  for (let g = 1; g <= G; g++) {
    w.line();
    w.line(`  # ---------------------------------------------------------------- Goal ${g}`);
    w.line(`  - id: "${g}"`);
    w.line(`    title: ${title()}`);
    w.line('    description: >-');
    prose(w, '      ', gdl);
    if (!O) continue;
    w.line('    objectives:');
    for (let o = 1; o <= O; o++) {
      const oid = `${g}.${o}`;
      w.line(`      - id: "${oid}"`);
      w.line(`        title: ${title()}`);
      w.line('        description: >-');
      prose(w, '          ', odl);
      const lead = pick(unitIds);
      w.line(`        lead: ${lead}`);
      if (rnd() < 0.7) {
        const others = unitIds.filter((u) => u !== lead);
        const a = others[int(others.length)];
        const b = others[int(others.length)];
        w.line(`        support: [${a === b ? a : `${a}, ${b}`}]`);
      }
      const r = rnd();
      if (r < 0.35) w.line(`        related: "${anyItem(oid)}"`);
      else if (r < 0.7) {
        const a = anyItem(oid);
        let b = anyItem(oid);
        while (b === a) b = anyItem(oid);
        w.line(`        related: ["${a}", "${b}"]`);
      }
      if (mpo) {
        w.line('        measures:');
        for (let k = 1; k <= mpo; k++) {
          const up = mrnd() < 0.7;
          const base = 20 + Math.floor(mrnd() * 60);
          const step = up ? 2 : -2;
          w.line(`          - id: PM-${oid}.${k}`);
          w.line(`            name: ${MEASURE_NAMES[Math.floor(mrnd() * MEASURE_NAMES.length)]}`);
          w.line('            unit: percent');
          w.line(`            direction: ${up ? 'increase' : 'decrease'}`);
          w.line(`            lead: ${unitIds[Math.floor(mrnd() * unitIds.length)]}`);
          // Flow mappings on one line, as in docs/plan-format.md (the line reader reads them).
          w.line(`            baseline: { year: 2025, value: ${base} }`);
          w.line(`            targets: { ${[1, 2, 3].map((y) => `${2025 + y}: ${base + step * y}`).join(', ')} }`);
          w.line(`            results: { ${[1, 2, 3].map((y) => `${2025 + y}: ${base + step * y + Math.floor(mrnd() * 5) - 2}`).join(', ')} }`);
        }
      }
      if (!S) continue;
      w.line('        subobjectives:');
      for (let s = 1; s <= S; s++) {
        const sid = `${oid}.${s}`;
        w.line(`          - id: "${sid}"`);
        w.line(`            title: ${title()}`);
        if (sdEvery && (s + o) % sdEvery === 0) {
          w.line('            description: >-');
          prose(w, '              ', sdl);
        } else if (opts.tidy) w.line(`            description: ${tpick(SUBJECTS)} ${tpick(ACTIONS)} ${tpick(THINGS)}.`);
        if (s === 2 && rnd() < 0.5) w.line(`            lead: ${pick(unitIds)}`);
        if (s === 3 && rnd() < 0.5) w.line(`            related: "${anyItem(sid)}"`);
      }
    }
  }
  return { tidy: opts.tidy, text: w.text(), lineCount: w.count, shape: { goals: G, objectives: O, subobjectives: S }, items: G + G * O + G * O * S, units: unitIds };
}

if (require.main === module) {
  // node out/test/bench/generate.js 63k out.plan.yaml [measures per objective]
  const [size = '15k', file, measures] = process.argv.slice(2);
  const { shape, tidy } = parseSize(size);
  const plan = generatePlan({ ...shape, tidy, measuresPerObjective: measures ? Number(measures) : 0 });
  if (file) {
    fs.writeFileSync(file, plan.text);
    console.error(`${file}: ${plan.lineCount} lines, ${plan.items} items`);
  } else process.stdout.write(plan.text);
}
