// numbering-format, numbering-duplicate, numbering-parent, numbering-sequence: each mistake
// reported once, on the id at fault. The numbers of each level (the goals; the objectives of a
// goal; the sub-objectives of an objective) are read the way that needs the fewest corrections
// (readSequence), and only the items that reading corrects are reported; children are checked
// against the number their parent should have.
import { ITEM_DEPTH, itemLabel, kindWord, PlanDiagnostic, PlanItem, PlanModel } from '../model';
import { STEP_ITEMS } from '../steps';

const NUMBER = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$/;

/** How each level is numbered, in words (diagnostics, rename refusals). */
export const HOW_NUMBERED: Record<PlanItem['kind'], string> = {
  goal: 'a goal is numbered 1, 2, 3 and so on',
  objective: 'an objective is numbered like 2.3: its goal\'s number, a dot, then its own number',
  subobjective: 'a sub-objective is numbered like 2.3.1: its objective\'s number, a dot, then its own number',
};

/** True when the id has the form of its level: "2", "2.3", "2.3.1". */
export function isWellFormed(item: PlanItem): boolean {
  const t = item.id?.text;
  return !!t && ownNumber(item.kind, t) !== undefined;
}

/** The last number of a well-formed id of that level ("2.3" → 3), else undefined. Computed once per item, at build. */
export function ownNumber(kind: PlanItem['kind'], id: string): number | undefined {
  if (!NUMBER.test(id)) return undefined;
  const dot = id.lastIndexOf('.');
  let depth = 1;
  for (let i = id.indexOf('.'); i >= 0; i = id.indexOf('.', i + 1)) depth++;
  return depth === ITEM_DEPTH[kind] ? Number(id.slice(dot + 1)) : undefined;
}

/** The warning for a dotted number YAML reads as a number (`1.10` is 1.1). */
export function unquotedNumberDiagnostic(s: { text: string; span: { start: number; end: number } }, what: string): PlanDiagnostic {
  const read = String(Number(s.text));
  const as = read === s.text ? 'a number, not as text' : `the number ${read}, not "${s.text}"`;
  return {
    span: s.span,
    severity: 'warning',
    code: 'numbering-format',
    message: `YAML reads the unquoted ${what} ${s.text} as ${as}. Put it in quotes ("${s.text}") so that it is read as written.`,
    data: { quote: s.text },
  };
}

/** One sibling as the sequence reader sees it. */
export type Slot =
  /**
   * A well-formed number; `dup` when an earlier item already has the same id (it may be left
   * out of the sequence); `children`: how many of its children's ids say it is number n (1.4.2
   * says its objective is 4), out of `childCount`.
   */
  | { own: number; dup?: boolean; children?: ReadonlyMap<number, number>; childCount?: number }
  /** No id, or one that is not a number of its level: already reported; it may take a number or none, for free. */
  | { own?: undefined };

/**
 * What the reading with the fewest corrections says of one sibling:
 * - `keep`: its number is right; `gap`: right, but numbers are missing before it;
 * - `change`: it should be `to`; `skip`: a second use of a number, out of the sequence;
 * - `free`: an item without a valid number, taking number `to` (or none).
 */
export type Label =
  | { t: 'keep' }
  | { t: 'gap' }
  | { t: 'change'; to: number }
  | { t: 'skip' }
  | { t: 'free'; to?: number };

/** Predecessors considered for a kept number: readings are exact for up to this many siblings in a row corrected. */
const WINDOW = 32;

const KEEP: Label = { t: 'keep' };

/** How many items of a run out of sequence its message names (and points to, as related information). */
const RUN_NAMED = 5;

/**
 * Steps taken by readSequence and the numbering check (edges weighed, labels written, the scans
 * of the messages), counted for tests: they must grow with the number of siblings, not its square.
 */
export const numberingWork = { steps: 0 };

/**
 * The readings of a list of sibling numbers that need the fewest corrections. Each sibling's
 * number is either kept (kept numbers go up, with room for the siblings between them), or
 * corrected; a number missing before a kept one (a gap) is one correction, and so is each
 * corrected number and each child whose id names neither the number its parent has nor the one
 * it is given (so children's ids count as evidence of their parent's number). For each sibling,
 * every label it has in some fewest-corrections reading (one label: the reading is certain
 * there; more: two readings are equally short), at most three, in the order the readings are
 * met: by the next sibling they keep, then by the one they keep before it (nearest first, the
 * start last), then the readings that correct every sibling to the end.
 *
 * Kept numbers are joined to the previous kept one at most WINDOW siblings back, or to the start
 * (none kept before), so there are at most WINDOW + 2 joins per sibling. A join to the start
 * spans every sibling before it, and when many numbers tie (8,000 objectives all "1.7") many such
 * joins are in a fewest-corrections reading: the labels they give siblings more than WINDOW + 1
 * before them are found from what the joins have in common (their far phase, below), not by
 * walking each one, so the cost stays n log n.
 */
export function readSequence(slots: readonly Slot[]): { cost: number; labels: Label[][] } {
  const n = slots.length;
  // Most lists, on most keystrokes, are numbered 1, 2, 3 with children that agree.
  let inOrder = true;
  for (let i = 0; i < n && inOrder; i++) {
    const s = slots[i];
    inOrder = s.own === i + 1 && !s.dup && (!s.childCount || s.children?.get(s.own) === s.childCount);
  }
  if (inOrder) return { cost: 0, labels: slots.map(() => [KEEP]) };
  let steps = 0;
  const END = n + 1;
  // Nodes: 0 (before the first, number 0), 1..n (a kept sibling), END (after the last).
  const a = (i: number) => (i === 0 ? 0 : slots[i - 1].own!);
  const keepable = (i: number) => i === 0 || i === END || slots[i - 1].own !== undefined;
  const costly = new Int32Array(n + 1); // prefix counts: numbered siblings (a correction each)
  const skippable = new Int32Array(n + 1); // prefix counts: siblings that may stay out of the sequence
  const unnumbered = new Int32Array(n + 1); // prefix counts: siblings without a number
  // Siblings some of whose children name another number than theirs (rare): kept, they cost
  // those children; given number x, the children naming neither.
  const keepCost = new Int32Array(n + 2);
  const disputed: number[] = [];
  for (let i = 1; i <= n; i++) {
    const s = slots[i - 1];
    costly[i] = costly[i - 1] + (s.own !== undefined ? 1 : 0);
    skippable[i] = skippable[i - 1] + (s.own === undefined || s.dup ? 1 : 0);
    unnumbered[i] = unnumbered[i - 1] + (s.own === undefined ? 1 : 0);
    if (s.own !== undefined && s.childCount) {
      keepCost[i] = s.childCount - (s.children?.get(s.own) ?? 0);
      if (keepCost[i]) disputed.push(i);
    }
  }
  // The children-cost of the disputed siblings between two kept ones, without walking them:
  // between j and i, sibling d is given number d + c, with c = a(j) - j. That is the sum of their
  // keep costs, less the children naming d + c: prefix sums, and for each offset c, the disputed
  // siblings with children naming d + c (not their own number), in order, with prefix sums.
  const keepUpTo = new Float64Array(n + 1);
  const byOffset = new Map<number, { at: number[]; upTo: number[] }>();
  if (disputed.length) {
    for (let i = 1; i <= n; i++) keepUpTo[i] = keepUpTo[i - 1] + keepCost[i];
    for (const d of disputed) {
      for (const [x, count] of (slots[d - 1] as { children: ReadonlyMap<number, number> }).children) {
        if (x === a(d)) continue;
        let g = byOffset.get(x - d);
        if (!g) byOffset.set(x - d, (g = { at: [], upTo: [0] }));
        g.at.push(d);
        g.upTo.push(g.upTo[g.upTo.length - 1] + count);
        steps++;
      }
    }
  }
  /** Children-cost of the disputed siblings strictly between j and i, numbered on from j. */
  const disputedBetween = (j: number, i: number) => {
    if (!disputed.length) return 0;
    const keep = keepUpTo[i - 1] - keepUpTo[j];
    const g = byOffset.get(a(j) - j);
    return g ? keep - (g.upTo[firstAbove(g.at, i - 1)] - g.upTo[firstAbove(g.at, j)]) : keep;
  };
  // The last edge weighed: whether it leaves a gap, and how many siblings between stay out.
  let edgeGap = false;
  let edgeSkips = 0;
  /** Cost of keeping j and i with every sibling between corrected (edgeGap, edgeSkips); -1 when they cannot both be kept. */
  const edge = (j: number, i: number): number => {
    steps++;
    const m = i - j - 1;
    const between = costly[i - 1] - costly[j] + disputedBetween(j, i);
    if (i === END) return ((edgeGap = false), (edgeSkips = 0), between);
    const room = a(i) - a(j) - 1;
    if (room < 0) return -1;
    const need = m - room;
    if (need > skippable[i - 1] - skippable[j]) return -1;
    edgeGap = room > m;
    edgeSkips = Math.max(0, need);
    return between + keepCost[i] + (edgeGap ? 1 : 0);
  };
  // The predecessors of i: i - 1 down to lowest(i), then 0 (`for (let j = i - 1; j >= 0; j = nextPred(j, lo))`, keepable ones only).
  const lowest = (i: number) => (i === END ? 0 : Math.max(0, i - 1 - WINDOW));
  const nextPred = (j: number, lo: number) => (j > lo ? j - 1 : j === lo && lo > 0 ? 0 : -1);
  const INF = Number.MAX_SAFE_INTEGER;
  const F = new Array<number>(END + 1).fill(INF);
  const B = new Array<number>(END + 1).fill(INF);
  F[0] = 0;
  for (let i = 1; i <= END; i++) {
    if (!keepable(i)) continue;
    for (let j = i - 1, lo = lowest(i); j >= 0; j = nextPred(j, lo)) {
      if (!keepable(j) || F[j] === INF) continue;
      const w = edge(j, i);
      if (w >= 0 && F[j] + w < F[i]) F[i] = F[j] + w;
    }
  }
  B[END] = 0;
  for (let i = END; i >= 1; i--) {
    if (!keepable(i) || B[i] === INF) continue;
    for (let j = i - 1, lo = lowest(i); j >= 0; j = nextPred(j, lo)) {
      if (!keepable(j)) continue;
      const w = edge(j, i);
      if (w >= 0 && w + B[i] < B[j]) B[j] = w + B[i];
    }
  }
  const cost = F[END];
  const labels: Label[][] = Array.from({ length: n }, () => []);
  const has = (list: Label[], l: Label) => list.some((x) => x.t === l.t && (x as { to?: number }).to === (l as { to?: number }).to);
  const add = (k: number, l: Label) => {
    steps++;
    const list = labels[k - 1];
    if (list.length < 3 && !has(list, l)) list.push(l);
  };
  /**
   * Sibling k's label in the reading that keeps j and i and corrects the siblings between, `skips`
   * of which stay out of the sequence: those without a number first, then numbered siblings from
   * the right (later second uses); the others are numbered on from j.
   */
  const between = (j: number, i: number, skips: number, k: number): Label => {
    const free = unnumbered[k - 1] - unnumbered[j]; // siblings without a number after j, before k
    if (slots[k - 1].own === undefined) return skips > free ? { t: 'free' } : { t: 'free', to: a(j) + k - j - skips };
    return skips > free + (i - k - 1) ? { t: 'skip' } : { t: 'change', to: a(j) + k - j - Math.min(skips, free) };
  };
  // Joins from the start on some fewest-corrections reading that pass siblings more than WINDOW + 1
  // before their end i (i > WINDOW + 2), in order: i, a(i), and their skips. They give their labels to the siblings within WINDOW + 1
  // before i here, and to the earlier ones in the far phase.
  const farAt: number[] = [];
  const farA: number[] = [];
  const farSkips: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (!keepable(i) || F[i] === INF || B[i] === INF || F[i] + B[i] !== cost) continue;
    const lo = lowest(i);
    for (let j = i - 1; j >= 0; j = nextPred(j, lo)) {
      if (!keepable(j) || F[j] === INF || B[j] === INF || F[j] + B[j] !== cost) continue;
      const w = edge(j, i);
      if (w < 0 || F[j] + w + B[i] !== cost) continue;
      const skips = edgeSkips;
      add(i, edgeGap ? { t: 'gap' } : { t: 'keep' });
      const from = j === 0 && lo > 0 ? lo : j + 1;
      if (from > j + 1) {
        farAt.push(i);
        farA.push(a(i));
        farSkips.push(skips);
      }
      for (let k = from; k < i; k++) add(k, between(j, i, skips, k));
    }
  }
  if (farAt.length) {
    const farSteps = farPhase(); // after it: its labels add to `steps` as it runs
    steps += farSteps;
  }
  // Readings that end with every sibling after j corrected: j's number, then one more each.
  let endFrom: number | undefined; // a(j) - j of the first such j (the numbers it gives)
  let endFromMany = false;
  // The readings that correct every sibling after a kept j (edges j → END), in one pass.
  const endSources = new Set<number>();
  for (let j = END - 1; j >= 0; j--) {
    if (!keepable(j) || F[j] === INF || F[j] + B[j] !== cost) continue;
    if (F[j] + edge(j, END) === cost) endSources.add(j);
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
  numberingWork.steps += steps;
  return { cost, labels };

  /**
   * The labels the far joins from the start (to i, in farAt) give the siblings k more than
   * WINDOW + 1 before i, in the order they are met (by i), each list taking new labels until it
   * holds three. With u the siblings without a number before k, and the join's skips s:
   * - k numbered: `skip` when a(i) is at most k - u (the numbered siblings up to k); otherwise
   *   `change` to k - min(s, u). So s ≥ u gives `skip` or `change` to k - u, and each s < u its own
   *   `change` (and never `skip`, k being far before i).
   * - k without a number: `free` (out of the sequence) when s > u, otherwise `free` to k - s.
   * A list's new labels are the first joins (from k + WINDOW + 2 on) of each kind it lacks: found
   * with trees over the joins (the first with a(i) ≤ x; the first with s > x), over their skips
   * (the first join with each s, as siblings are passed from the last to the first), and, for
   * `change` to k - u, the point where a join starts to give it (the three conditions on it only
   * loosen as k goes down). Returns the steps taken.
   */
  function farPhase(): number {
    const m = farAt.length;
    const byA = new MinTree(m);
    const bySkips = new MinTree(m); // -s, for the first join with s > x
    for (let t = 0; t < m; t++) (byA.put(t, farA[t]), bySkips.put(t, -farSkips[t]));
    byA.build();
    bySkips.build();
    const firstBySkips = new MinTree(n + 1); // s → the first join (index) with those skips, from the joins passed
    const lastAtMost = (f: (k: number) => number, x: number) => {
      let lo = 0; // f(k) ≤ x for every k ≤ lo (k ≥ 1)
      let hi = n + 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (f(mid) <= x) lo = mid;
        else hi = mid;
      }
      return lo;
    };
    // From which k down a join gives `change` to k - u: k + WINDOW + 2 ≤ i, u ≤ s, k - u < a(i).
    const startsKept = new Int32Array(n + 2).fill(m);
    for (let t = 0; t < m; t++) {
      const top = Math.min(farAt[t] - WINDOW - 2, lastAtMost((k) => unnumbered[k - 1], farSkips[t]), lastAtMost((k) => k - unnumbered[k - 1], farA[t] - 1));
      if (top >= 1) startsKept[top] = Math.min(startsKept[top], t);
    }
    let firstKept = m;
    let passed = m; // joins farAt[passed..] are past k + WINDOW + 1
    for (let k = n; k >= 1; k--) {
      firstKept = Math.min(firstKept, startsKept[k]);
      while (passed > 0 && farAt[passed - 1] >= k + WINDOW + 2) (passed--, firstBySkips.set(farSkips[passed], passed));
      const list = labels[k - 1];
      const room = 3 - list.length;
      if (room <= 0 || passed === m) continue;
      const u = unnumbered[k - 1];
      const found: { t: number; l: Label }[] = [];
      const numbered = slots[k - 1].own !== undefined;
      if (numbered) {
        const skip: Label = { t: 'skip' };
        if (!has(list, skip)) {
          const t = byA.first(passed, k - u);
          if (t >= 0) found.push({ t, l: skip });
        }
        const kept: Label = { t: 'change', to: k - u };
        if (firstKept < m && !has(list, kept)) found.push({ t: firstKept, l: kept });
      } else {
        const out: Label = { t: 'free' };
        if (!has(list, out)) {
          const t = bySkips.first(passed, -(u + 1));
          if (t >= 0) found.push({ t, l: out });
        }
      }
      // Skips below u (numbered) or up to u (without a number): each its own number, k - s.
      const top = numbered ? u - 1 : u;
      const known = list.flatMap((l) => (l.t === (numbered ? 'change' : 'free') && l.to !== undefined && k - l.to >= 0 && k - l.to <= top ? [k - l.to] : []));
      for (let r = 0; r < room && top >= 0; r++) {
        const t = firstBySkips.minExcept(0, top, known);
        if (t === Infinity) break;
        known.push(farSkips[t]);
        const to = k - farSkips[t];
        found.push({ t, l: numbered ? { t: 'change', to } : { t: 'free', to } });
      }
      found.sort((x, y) => x.t - y.t);
      for (const f of found) add(k, f.l);
    }
    return byA.visits + bySkips.visits + firstBySkips.visits + m;
  }
}

/** The index of the first value above x in an ascending list. */
function firstAbove(list: readonly number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The least value of each power-of-two block of a list of numbers (readSequence's far phase). */
class MinTree {
  private readonly size: number;
  private readonly t: Float64Array;
  /** Nodes looked at, counted for tests. */
  visits = 0;
  constructor(length: number) {
    let size = 1;
    while (size < length) size <<= 1;
    this.size = size;
    this.t = new Float64Array(2 * size).fill(Infinity);
  }
  /** Sets a value before build. */
  put(i: number, v: number): void {
    this.t[this.size + i] = v;
  }
  build(): void {
    for (let p = this.size - 1; p >= 1; p--) this.t[p] = Math.min(this.t[2 * p], this.t[2 * p + 1]);
  }
  set(i: number, v: number): void {
    let p = this.size + i;
    this.t[p] = v;
    for (p >>= 1; p >= 1; p >>= 1, this.visits++) this.t[p] = Math.min(this.t[2 * p], this.t[2 * p + 1]);
  }
  /** The least value at lo..hi (inclusive). */
  min(lo: number, hi: number): number {
    let least = Infinity;
    for (let l = lo + this.size, r = hi + this.size + 1; l < r; l >>= 1, r >>= 1, this.visits++) {
      if (l & 1) least = Math.min(least, this.t[l++]);
      if (r & 1) least = Math.min(least, this.t[--r]);
    }
    return least;
  }
  /** The least value at lo..hi (inclusive) but at the indices `except`. */
  minExcept(lo: number, hi: number, except: readonly number[]): number {
    let least = Infinity;
    let from = lo;
    for (const x of [...except].sort((p, q) => p - q)) {
      if (x < from || x > hi) continue;
      if (x > from) least = Math.min(least, this.min(from, x - 1));
      from = x + 1;
    }
    if (from <= hi) least = Math.min(least, this.min(from, hi));
    return least;
  }
  /** The first index from q whose value is at most x, or -1. */
  first(q: number, x: number, node = 1, l = 0, r = this.size): number {
    this.visits++;
    if (r <= q || this.t[node] > x) return -1;
    if (r - l === 1) return l;
    const mid = (l + r) >> 1;
    const left = this.first(q, x, 2 * node, l, mid);
    return left >= 0 ? left : this.first(q, x, 2 * node + 1, mid, r);
  }
}

/**
 * The numbering checks, yielding (true) every STEP_ITEMS items of its first pass, so that a huge plan's
 * read can stop between them (PlanParser.read). The reading of each level's numbers runs at the
 * end in one go: it is linear, and a fraction of the first pass.
 */
export function* checkNumberingSteps(model: PlanModel, out: PlanDiagnostic[]): Generator<boolean, void, void> {
  let n = 0;
  // Runs on every keystroke over every item: `own` is computed once per item when it is read.
  const firstUse = new Map<string, PlanItem>();
  const duplicates = new Set<PlanItem>();

  for (const item of model.items) {
    if (++n % STEP_ITEMS === 0) yield true;
    const id = item.id;
    if (!id) continue;
    if (id.isNumber && id.text.includes('.')) out.push(unquotedNumberDiagnostic(id, 'number'));
    if (item.own === undefined) {
      out.push({
        span: id.span,
        severity: 'error',
        code: 'numbering-format',
        message: `${upper(kindWord(item.kind))} number "${id.text}" is not valid: ${HOW_NUMBERED[item.kind]}.`,
      });
      continue;
    }
    if (firstUse.has(id.text)) duplicates.add(item);
    else firstUse.set(id.text, item);
  }

  /**
   * `prefixes`: the numbers the siblings' ids may start with (the parent's number as written and
   * as it should be); `prefix`: the one they should start with.
   */
  const checkSiblings = (siblings: PlanItem[], parent: PlanItem | undefined, prefixes: string[], prefix: string) => {
    if (inOrder(siblings, duplicates) && (!parent || (prefixes.length === 1 && prefixes[0] + '.' === prefix))) {
      // Numbered 1, 2, 3 under a parent whose number is as written: only prefixes can be wrong.
      for (const item of siblings) {
        const text = item.id!.text;
        if (parent && !(text.length > prefix.length && text.startsWith(prefix) && text.indexOf('.', prefix.length) < 0)) {
          const to = prefix + item.own;
          out.push({
            span: item.id!.span,
            severity: 'error',
            code: 'numbering-parent',
            message: `${upper(itemLabel(item))} is under ${itemLabel(parent)}, so its number should start with ${prefix.slice(0, -1)}: it should be ${to}.`,
            data: { expected: to, change: to, certain: true },
          });
        }
        const right = prefix + item.own;
        if (item.children.length) checkSiblings(item.children, item, text === right ? [text] : [text, right], right + '.');
      }
      return;
    }
    const labels = inOrder(siblings, duplicates)
      ? siblings.map(() => [KEEP])
      : readSequence(siblings.map((s) => (s.own === undefined ? {} : { own: s.own, dup: duplicates.has(s), ...childEvidence(s) }))).labels;
    const word = siblings.length ? kindWord(siblings[0].kind) : '';
    const fullId = (n: number) => prefix + n;
    /** The number each sibling should have, where the reading is certain. */
    const should = siblings.map((s, k): string | undefined => {
      const ls = labels[k];
      if (ls.length !== 1) return undefined;
      const l = ls[0];
      if (l.t === 'keep' || l.t === 'gap') return fullId(s.own!);
      if (l.t === 'change' || l.t === 'free') return l.to === undefined ? undefined : fullId(l.to);
      return undefined;
    });
    /** The nearest sibling with a certain number, as written (and what it should be, if not that). */
    const neighbour = (k: number, step: 1 | -1) => {
      for (let i = k + step; i >= 0 && i < siblings.length; i += step, numberingWork.steps++) {
        const s = should[i];
        if (s === undefined) continue;
        const written = siblings[i].id?.text;
        return written === undefined || written === s ? s : `${written}, which should be ${s}`;
      }
      return undefined;
    };
    const neighbours = (k: number) => ({ before: neighbour(k, -1), after: neighbour(k, 1) });
    const place = (k: number) => {
      const { before, after } = neighbours(k);
      if (before && after) return ` (it follows ${before}${before.includes(',') ? ',' : ''} and precedes ${after})`;
      if (before) return ` (it follows ${before})`;
      const first = `the first ${word}${parent ? ` of ${itemLabel(parent)}` : ''}`;
      return after ? ` (it is ${first}, before ${after})` : ` (it is ${first})`;
    };
    /** The nearest earlier sibling with a well-formed number, as the author wrote it. */
    const writtenBefore = (k: number) => {
      for (let i = k - 1; i >= 0; i--, numberingWork.steps++) if (siblings[i].own !== undefined && labels[i][0]?.t !== 'skip') return siblings[i];
      return undefined;
    };
    const gapMessage = (item: PlanItem, k: number, expected: string, orChange?: string) => {
      const prev = writtenBefore(k);
      if (!prev) return `The first ${word}${parent ? ` of ${itemLabel(parent)}` : ''} is numbered ${item.id!.text}; numbering starts at ${expected}.`;
      const missing = `number ${expected} is missing`;
      if (orChange) return `${upper(word)} ${item.id!.text} follows ${itemLabel(prev)}: either ${missing}, or ${item.id!.text} should be ${orChange}.`;
      return `${upper(word)} ${item.id!.text} follows ${itemLabel(prev)}: ${missing} (expected ${expected}).`;
    };
    const expectedAfterGap = (k: number) => {
      for (let i = k - 1; i >= 0; i--, numberingWork.steps++) {
        const s = should[i];
        if (s !== undefined) return prefix + (Number(s.slice(s.lastIndexOf('.') + 1)) + 1);
      }
      return prefix + 1;
    };

    /** "twice", or how many times (all 8,000 objectives numbered 1.7). */
    const usedTimes = (id: string) => {
      const uses = model.itemsById.get(id)?.length ?? 2;
      return uses <= 2 ? 'twice' : `${uses.toLocaleString('en-US')} times`;
    };
    let run: number[] = [];
    const flushRun = () => {
      if (!run.length) return;
      const items = run.map((k) => siblings[k]);
      const k = run[0];
      run = [];
      const first = items[0];
      const ls = labels[k];
      if (items.length === 1 && ls.length === 2 && ls.some((l) => l.t === 'gap') && ls.some((l) => l.t === 'change')) {
        // A number one too high at the end: a gap before it, or a mistyped number; equally short.
        const to = fullId((ls.find((l) => l.t === 'change') as { to: number }).to);
        out.push({ span: first.id!.span, severity: 'error', code: 'numbering-sequence', message: gapMessage(first, k, expectedAfterGap(k), to), data: { expected: to, change: to, certain: false } });
        return;
      }
      // A long run (thousands of items all numbered 1.7) is named by its first few.
      const named = items.slice(0, RUN_NAMED);
      const names = named.map((i) => i.id!.text);
      const more = items.length - named.length;
      const list =
        names.length === 1 ? names[0] : more ? `${names.join(', ')} and ${more.toLocaleString('en-US')} more` : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const prev = writtenBefore(k);
      const whose = parent ? `${word === 'objective' ? 'objectives' : 'sub-objectives'} of ${itemLabel(parent)}` : 'goals';
      out.push({
        span: first.id!.span,
        severity: 'error',
        code: 'numbering-sequence',
        message: `${upper(word)}${items.length > 1 ? 's' : ''} ${list}${prev ? ` after ${itemLabel(prev)}` : ''} ${items.length > 1 ? 'are' : 'is'} out of sequence, and ${items.length > 1 ? 'their numbers' : 'its number'} can be corrected in more than one way. Number the ${whose} in the order they are written, or use "Renumber the ${whose}".`,
        related: named.slice(1).map((i) => ({ span: i.id!.span, message: `${itemLabel(i)} is out of sequence too` })),
      });
    };

    siblings.forEach((item, k) => {
      const ls = labels[k];
      if (item.own === undefined) return;
      if (ls.length !== 1) {
        run.push(k);
        return;
      }
      flushRun();
      const l = ls[0];
      const id = item.id!;
      const text = id.text;
      const Label = upper(itemLabel(item));
      if (l.t === 'change') {
        const to = fullId(l.to);
        const twin = duplicates.has(item) ? firstUse.get(text) : model.itemsById.get(text)?.find((x) => x !== item);
        const because = place(k);
        const message = twin
          ? `Number ${text} is used ${usedTimes(text)}: ${itemLabel(twin)}${twin.title ? ` ("${twin.title}")` : ''} also has it. This ${kindWord(item.kind)} should be ${to}${because}.`
          : `${Label} should be ${to}${because}.`;
        out.push({
          span: id.span,
          severity: 'error',
          code: twin ? 'numbering-duplicate' : 'numbering-sequence',
          message,
          related: twin?.id ? [{ span: twin.id.span, message: `${itemLabel(twin)} is numbered ${text} here` }] : undefined,
          data: { expected: to, change: to, certain: true },
        });
        return;
      }
      if (l.t === 'skip') {
        const first = firstUse.get(text)!;
        out.push({
          span: id.span,
          severity: 'error',
          code: 'numbering-duplicate',
          message: `Number ${text} is used ${usedTimes(text)}: ${itemLabel(first)}${first.title ? ` ("${first.title}")` : ''} already has it. Give this ${kindWord(item.kind)} its own number.`,
          related: [{ span: first.id!.span, message: `${itemLabel(first)} is numbered ${text} here` }],
        });
        return;
      }
      // Kept: its own number is right; its prefix must be its parent's number.
      const own = item.own;
      const ownPrefix = text.slice(0, text.length - String(own).length);
      if (parent && !prefixes.some((p) => ownPrefix === p + '.')) {
        const to = fullId(own);
        out.push({
          span: id.span,
          severity: 'error',
          code: 'numbering-parent',
          message: `${Label} is under ${itemLabel(parent)}, so its number should start with ${prefix.slice(0, -1)}: it should be ${to}.`,
          data: { expected: to, change: to, certain: true },
        });
      }
      if (l.t === 'gap') {
        const expected = expectedAfterGap(k);
        out.push({ span: id.span, severity: 'error', code: 'numbering-sequence', message: gapMessage(item, k, expected), data: { expected } });
      }
    });
    flushRun();

    siblings.forEach((item, k) => {
      // Children of an item without a valid number cannot be judged until it has one.
      if (!item.children.length || item.own === undefined) return;
      const written = item.id!.text;
      const right = should[k];
      // Where the reading is not certain, children may name any number their parent may have.
      const maybe = labels[k].flatMap((l) => (l.t === 'change' && l.to > 0 ? [fullId(l.to)] : []));
      checkSiblings(item.children, item, [...new Set([written, ...(right ? [right] : []), ...maybe])], (right ?? written) + '.');
    });
  };

  checkSiblings(model.goals, undefined, [], '');
}

/** Numbered 1, 2, 3 in order, with children whose ids start with their parent's: most lists, on most keystrokes. */
function inOrder(siblings: PlanItem[], duplicates: Set<PlanItem>): boolean {
  for (let i = 0; i < siblings.length; i++) {
    const s = siblings[i];
    if (s.own !== i + 1 || (duplicates.size && duplicates.has(s))) return false;
    const prefix = s.id!.text;
    for (const c of s.children) {
      const t = c.id?.text;
      if (c.own !== undefined && (t!.length <= prefix.length || t!.charCodeAt(prefix.length) !== 46 || !t!.startsWith(prefix))) return false;
    }
  }
  return true;
}

/** How many of an item's children name it as number n: 1.4.2 and 1.4.3 say their objective is 4. */
function childEvidence(item: PlanItem): { children?: Map<number, number>; childCount?: number } {
  if (!item.children.length) return {};
  const children = new Map<number, number>();
  let childCount = 0;
  for (const c of item.children) {
    if (c.own === undefined) continue;
    const t = c.id!.text;
    const end = t.lastIndexOf('.');
    const n = Number(t.slice(t.lastIndexOf('.', end - 1) + 1, end));
    children.set(n, (children.get(n) ?? 0) + 1);
    childCount++;
  }
  return { children, childCount };
}

function upper(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
