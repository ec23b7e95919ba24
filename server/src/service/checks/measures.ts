// Checks of performance measures and milestones: years, values, ids, direction, missing targets.
// Read the model only; linear in the number of measures and years.
import { STEP_ITEMS } from '../steps';
import { itemLabel, type Measure, type Milestone, type PlanDiagnostic, type PlanItem, type PlanModel, type ScalarText, type YearValue } from '../model';

/** A fiscal year as plans write it: four digits. */
const YEAR = /^[0-9]{4}$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

/** The measure checks, yielding (true) every STEP_ITEMS items, so that a huge plan's read can stop between them (PlanParser.read). */
export function* checkMeasuresSteps(model: PlanModel, out: PlanDiagnostic[]): Generator<boolean, void, void> {
  let n = 0;
  const first = new Map<string, Measure>();
  const period = fiscalPeriod(model);
  for (const item of model.items) {
    if (++n % STEP_ITEMS === 0) yield true;
    // Most items have neither: no work (not even an empty list) for them.
    if (item.measures) {
      for (const m of item.measures) {
        if (m.id) {
          const before = first.get(m.id.text);
          if (before) out.push(duplicate(m, before));
          else first.set(m.id.text, m);
        }
        checkMeasure(m, period, out);
      }
    }
    if (item.milestones) for (const ms of item.milestones) checkMilestone(ms, period, out);
  }
}

/** The plan's `period` as fiscal years, when both ends are four-digit years in order (the model keeps them as written). */
function fiscalPeriod(model: PlanModel): { start: number; end: number } | undefined {
  const p = model.period;
  if (!p || p.start === undefined || p.end === undefined || !YEAR.test(p.start) || !YEAR.test(p.end)) return undefined;
  const start = Number(p.start);
  const end = Number(p.end);
  if (start > end || start < 1000) return undefined;
  return { start, end };
}

/** "measure PM-1", or "the 2nd measure of objective 1.1" when it has no id. */
export function measureLabel(m: Measure): string {
  return m.id ? `measure ${m.id.text}` : `the ${ordinalWord(m.index)} measure of ${itemLabel(m.owner)}`;
}

function ordinalWord(index: number): string {
  const n = index + 1;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** The year a key or baseline year names, when it is written as four digits. */
export function yearOf(s: ScalarText | undefined): number | undefined {
  return s && YEAR.test(s.text) ? Number(s.text) : undefined;
}

/** A value as a number, when it is written as one (not in quotes). */
export function numberOf(s: ScalarText | undefined): number | undefined {
  if (!s || !s.isNumber) return undefined;
  const n = Number(s.text);
  return Number.isFinite(n) ? n : undefined;
}

export function isQualitative(m: Measure): boolean {
  return m.unit?.trim().toLowerCase() === 'qualitative';
}

function duplicate(m: Measure, before: Measure): PlanDiagnostic {
  const id = m.id!.text;
  return {
    span: m.id!.span,
    severity: 'error',
    code: 'measure-duplicate',
    message: `The measure id ${id} is already used by a measure of ${itemLabel(before.owner)}${before.name ? ` ("${before.name}")` : ''}. Each measure needs an id of its own: change this one, e.g. to ${id}-b.`,
    related: [{ span: before.id!.span, message: `${id} is first used here.` }],
    data: { measureId: id },
  };
}

function checkMeasure(m: Measure, period: { start: number; end: number } | undefined, out: PlanDiagnostic[]): void {
  const label = measureLabel(m);
  const qualitative = isQualitative(m);
  const years = (list: YearValue[], what: 'target' | 'result') => {
    for (const y of list) {
      const year = yearOf(y.year);
      if (year === undefined) {
        out.push({
          span: y.year.span,
          severity: 'error',
          code: 'measure-year',
          message: `\`${y.year.text}\` is not a fiscal year. Under \`${what}s\` of ${label}, write each year as four digits, e.g. \`2024: 65\`.`,
        });
      } else if (period && (year < period.start || year > period.end)) {
        out.push({
          span: y.year.span,
          severity: 'warning',
          code: 'measure-year',
          message: `The ${what} year ${year} of ${label} is outside the plan's period (fiscal years ${period.start} to ${period.end}). Use a year of the period, or change \`period\`.`,
        });
      }
      if (y.value && !qualitative) checkValue(y.value, `The ${what} for ${y.year.text} of ${label}`, out);
    }
  };
  years(m.targets, 'target');
  years(m.results, 'result');

  if (m.baseline) {
    const b = m.baseline;
    if (b.year) {
      const year = yearOf(b.year);
      const firstTarget = Math.min(...m.targets.map((t) => yearOf(t.year) ?? Infinity));
      if (year === undefined) {
        out.push({ span: b.year.span, severity: 'error', code: 'measure-year', message: `\`${b.year.text}\` is not a fiscal year. Write the baseline year of ${label} as four digits, e.g. \`year: 2020\`.` });
      } else if (Number.isFinite(firstTarget) && year > firstTarget) {
        out.push({
          span: b.year.span,
          severity: 'warning',
          code: 'measure-year',
          message: `The baseline year ${year} of ${label} is after its first target year (${firstTarget}). A baseline is the value before the targets: use a year before ${firstTarget}.`,
        });
      }
    }
    if (b.value && !qualitative) checkValue(b.value, `The baseline value of ${label}`, out);
  }

  // Targets should move the stated way from one year to the next.
  if (m.direction === 'increase' || m.direction === 'decrease') {
    const up = m.direction === 'increase';
    const targets = m.targets
      .map((t) => ({ t, year: yearOf(t.year), value: numberOf(t.value) }))
      .filter((x): x is { t: YearValue; year: number; value: number } => x.year !== undefined && x.value !== undefined)
      .sort((a, b) => a.year - b.year);
    for (let i = 1; i < targets.length; i++) {
      const prev = targets[i - 1];
      const cur = targets[i];
      if (up ? cur.value < prev.value : cur.value > prev.value) {
        out.push({
          span: cur.t.value!.span,
          severity: 'warning',
          code: 'measure-direction',
          message: `The target for ${cur.year} (${cur.t.value!.text}) is ${up ? 'lower' : 'higher'} than the target for ${prev.year} (${prev.t.value!.text}), but ${label} should ${m.direction}. Check the targets, or change \`direction\`.`,
        });
      }
    }
  }

  // A result can only be judged against a target of the same year.
  const targetYears = new Set(m.targets.map((t) => yearOf(t.year)).filter((y) => y !== undefined));
  for (const r of m.results) {
    const year = yearOf(r.year);
    if (year === undefined || targetYears.has(year)) continue;
    out.push({
      span: r.year.span,
      severity: 'information',
      code: 'measure-target-missing',
      message: `${cap(label)} has a result for ${year} but no target for it, so the result cannot be judged met or not. Add \`${year}:\` with the target under \`targets\`.`,
    });
  }
}

function checkValue(v: ScalarText, what: string, out: PlanDiagnostic[]): void {
  if (v.isNumber) return;
  const quoted = (v.style === 'double' || v.style === 'single') && v.text.trim() !== '' && Number.isFinite(Number(v.text));
  out.push({
    span: v.span,
    severity: 'error',
    code: 'measure-value',
    message: quoted
      ? `${what} is the number ${v.text} written in quotes, which makes it text. Remove the quotes.`
      : `${what} is "${v.text}", not a number. Write a number (e.g. 65), or add \`unit: qualitative\` if this measure's values are words.`,
  });
}

/** October 1 of year N−1 to September 30 of year N: fiscal year N, as in U.S. federal budgets. */
function checkMilestone(ms: Milestone, period: { start: number; end: number } | undefined, out: PlanDiagnostic[]): void {
  if (!ms.due || !period) return;
  const d = DATE.exec(ms.due.text);
  if (!d) return; // the schema explains how to write a date
  const due = ms.due.text;
  const begins = `${period.start - 1}-10-01`;
  const ends = `${period.end}-09-30`;
  const name = ms.title ? `"${ms.title}"` : `the ${ordinalWord(ms.index)} milestone of ${itemLabel(ms.owner)}`;
  if (due < begins || due > ends) {
    out.push({
      span: ms.due.span,
      severity: 'warning',
      code: 'measure-year',
      message:
        due < begins
          ? `Milestone ${name} is due ${due}, before the plan's period begins (fiscal year ${period.start} begins on ${begins}). Use a date within the period, or change \`period\`.`
          : `Milestone ${name} is due ${due}, after the plan's period ends (fiscal year ${period.end} ends on ${ends}). Use a date within the period, or change \`period\`.`,
    });
  }
}

export type MeasureStatus = 'met' | 'not met' | 'no result';

/**
 * How a measure stands in a year: its result compared with its target in the measure's
 * direction (at least the target for `increase` and when no direction is given, at most for
 * `decrease`, equal for `maintain`); 'no result' when either is missing or not a number.
 */
export function measureStatus(m: Measure, year: number): MeasureStatus {
  const target = m.targets.find((t) => yearOf(t.year) === year);
  const result = m.results.find((r) => yearOf(r.year) === year);
  if (!target?.value || !result?.value) return 'no result';
  if (isQualitative(m)) return target.value.text.trim() === result.value.text.trim() ? 'met' : 'not met';
  const t = numberOf(target.value);
  const r = numberOf(result.value);
  if (t === undefined || r === undefined) return 'no result';
  const met = m.direction === 'decrease' ? r <= t : m.direction === 'maintain' ? r === t : r >= t;
  return met ? 'met' : 'not met';
}

/** The latest year with a result, if any. */
export function latestResultYear(m: Measure): number | undefined {
  let latest: number | undefined;
  for (const r of m.results) {
    const y = yearOf(r.year);
    if (y !== undefined && r.value && (latest === undefined || y > latest)) latest = y;
  }
  return latest;
}

/** Every measure of an item and of the items under it. */
export function measuresUnder(item: PlanItem, out: Measure[] = []): Measure[] {
  for (const m of item.measures ?? []) out.push(m);
  for (const c of item.children) measuresUnder(c, out);
  return out;
}

const STATUS_MARK: Record<MeasureStatus, string> = { met: '✓ met', 'not met': '✗ not met', 'no result': '– no result' };

/** A measure's status for the latest year that has a result: "✓ met in FY2027", or "– no result". */
export function latestStatusText(m: Measure): string {
  const year = latestResultYear(m);
  if (year === undefined) return STATUS_MARK['no result'];
  const status = measureStatus(m, year);
  return status === 'no result' ? `${STATUS_MARK[status]} for FY${year}` : `${STATUS_MARK[status]} in FY${year}`;
}

/**
 * "3 of 4 measures met in FY2022": of the measures given (an item's and those under it), how many
 * met their target in the latest year any of them has a result for; undefined without measures.
 */
export function measureSummary(measures: Measure[]): string | undefined {
  if (!measures.length) return undefined;
  let year: number | undefined;
  for (const m of measures) {
    const y = latestResultYear(m);
    if (y !== undefined && (year === undefined || y > year)) year = y;
  }
  const n = measures.length;
  const word = `measure${n === 1 ? '' : 's'}`;
  if (year === undefined) return `${n} ${word}, no results yet`;
  const met = measures.filter((m) => measureStatus(m, year!) === 'met').length;
  return `${met} of ${n} ${word} met in FY${year}`;
}

/** One fiscal year of a measure: its target and result as written, and how it stands. */
export interface MeasureYear {
  year: number;
  target?: string;
  result?: string;
  status: MeasureStatus;
}

/**
 * Each fiscal year a measure has a target or a result for, in order, with its status: the rows
 * of the hover's table, the document's table and the performance report.
 */
export function measureYears(m: Measure): MeasureYear[] {
  const years = new Set<number>();
  for (const y of m.targets) {
    const n = yearOf(y.year);
    if (n !== undefined) years.add(n);
  }
  for (const y of m.results) {
    const n = yearOf(y.year);
    if (n !== undefined) years.add(n);
  }
  return [...years]
    .sort((a, z) => a - z)
    .map((year) => {
      const target = m.targets.find((t) => yearOf(t.year) === year)?.value?.text;
      const result = m.results.find((r) => yearOf(r.year) === year)?.value?.text;
      const row: MeasureYear = { year, status: measureStatus(m, year) };
      if (target !== undefined) row.target = target;
      if (result !== undefined) row.result = result;
      return row;
    });
}
