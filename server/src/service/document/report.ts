// The annual performance report (`planwright report`): every measure of a plan with its baseline
// and, per fiscal year, target, result and status, grouped by goal, with a summary per goal and
// year ("3 of 4 measures met in FY2022"). Read from the plan document (planDocument.ts), as the
// exports are, so the editor could show the same report; written as text, JSON or Markdown.
import { allItems, measureFacts, measureLabel, STATUS_TEXT, type DocMeasure, type PlanDocumentModel } from './planDocument';
import { escapeMarkdown, measureTable } from './markdown';

/** How a goal's measures stand in one fiscal year. */
export interface YearSummary {
  year: number;
  /** Measures with a target for the year. */
  measures: number;
  met: number;
  notMet: number;
  /** Measures with a target and no result (or one that cannot be compared). */
  noResult: number;
}

export interface ReportMeasure extends DocMeasure {
  /** The heading of the item it measures ("1.1 Open New Neighborhood Parks"). */
  item: string;
  /** The item's number. */
  itemNumber: string;
}

export interface ReportGoal {
  heading: string;
  number: string;
  measures: ReportMeasure[];
  years: YearSummary[];
  /** "3 of 4 measures met in FY2022", for the latest year with a result; undefined without targets. */
  summary?: string;
}

export interface PerformanceReport {
  title: string;
  period?: string;
  goals: ReportGoal[];
  /** Measures in the whole plan. */
  measures: number;
}

export function performanceReport(d: PlanDocumentModel): PerformanceReport {
  const goals: ReportGoal[] = [];
  let total = 0;
  for (const g of d.goals) {
    const measures: ReportMeasure[] = [];
    for (const it of allItems([g])) for (const m of it.measures) measures.push({ ...m, item: it.heading, itemNumber: it.number });
    total += measures.length;
    if (!measures.length) continue;
    const years = summaries(measures);
    goals.push({ heading: g.heading, number: g.number, measures, years, summary: summaryText(years) });
  }
  return { title: d.title, ...(d.period ? { period: d.period } : {}), goals, measures: total };
}

function summaries(measures: DocMeasure[]): YearSummary[] {
  const by = new Map<number, YearSummary>();
  for (const m of measures) {
    for (const y of m.years) {
      if (y.target === undefined) continue;
      let s = by.get(y.year);
      if (!s) by.set(y.year, (s = { year: y.year, measures: 0, met: 0, notMet: 0, noResult: 0 }));
      s.measures++;
      if (y.status === 'met') s.met++;
      else if (y.status === 'not met') s.notMet++;
      else s.noResult++;
    }
  }
  return [...by.values()].sort((a, z) => a.year - z.year);
}

/** The latest year in which some measure has a result: "2 of 3 measures met in FY2027". */
function summaryText(years: YearSummary[]): string | undefined {
  const judged = years.filter((y) => y.met + y.notMet > 0);
  const last = judged[judged.length - 1];
  if (!last) return years.length ? 'no results yet' : undefined;
  return `${last.met} of ${plural(last.measures, 'measure')} met in FY${last.year}`;
}

/** "FY2027: 1 of 3 met, 1 not met, 1 no result yet". */
function yearLine(y: YearSummary): string {
  return [`FY${y.year}: ${y.met} of ${y.measures} met`, y.notMet && `${y.notMet} not met`, y.noResult && `${y.noResult} no result yet`].filter(Boolean).join(', ');
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------------------------------------
// Writers

/** The report as plain text, one block per goal. */
export function reportText(r: PerformanceReport, file: string): string {
  const out: string[] = [r.title, `${file}${r.period ? ` · plan period ${r.period}` : ''} · ${plural(r.measures, 'measure')}`];
  if (!r.measures) out.push('', 'This plan has no measures yet.');
  for (const g of r.goals) {
    out.push('', `${g.heading}${g.summary ? ` — ${g.summary}` : ''}`);
    if (g.years.length) out.push(`  ${g.years.map(yearLine).join('; ')}`);
    for (const m of g.measures) {
      out.push('', `  ${measureLabel(m)} (${m.item})`);
      const facts = measureFacts(m);
      if (facts) out.push(`    ${facts}`);
      if (m.baseline) out.push(`    baseline  ${m.baseline.value}${m.baseline.year ? ` (FY${m.baseline.year})` : ''}`);
      const width = Math.max(6, ...m.years.map((y) => (y.target ?? '–').length));
      const rwidth = Math.max(6, ...m.years.map((y) => (y.result ?? '–').length));
      for (const y of m.years) {
        out.push(`    FY${y.year}    target ${(y.target ?? '–').padEnd(width)}  result ${(y.result ?? '–').padEnd(rwidth)}  ${STATUS_TEXT[y.status]}`);
      }
      if (!m.years.length) out.push('    no targets or results yet');
    }
  }
  return out.join('\n');
}

/** The report as Markdown: a heading per goal with its summary, a table of measures per item. */
export function reportMarkdown(r: PerformanceReport, file: string): string {
  const out: string[] = [`# Performance report: ${escapeMarkdown(r.title, false)}`, '', `${escapeMarkdown(file)}${r.period ? ` · plan period ${escapeMarkdown(r.period, false)}` : ''} · ${plural(r.measures, 'measure')}`];
  if (!r.measures) out.push('', 'This plan has no measures yet.');
  for (const g of r.goals) {
    out.push('', `## ${escapeMarkdown(g.heading, false)}`, '');
    if (g.summary) out.push(`**${escapeMarkdown(g.summary, false)}**`, '');
    if (g.years.length) out.push(g.years.map((y) => `- ${yearLine(y)}`).join('\n'), '');
    const byItem = new Map<string, ReportMeasure[]>();
    for (const m of g.measures) byItem.set(m.item, [...(byItem.get(m.item) ?? []), m]);
    // The goal's own measures come under its heading already: only objectives and sub-objectives get one of their own.
    for (const [item, list] of byItem) out.push(...(item === g.heading ? [] : [`### ${escapeMarkdown(item, false)}`, '']), measureTable(list), '');
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

/** The report as a JSON value: measures with their years, and each goal's summary per year. */
export function reportJson(r: PerformanceReport, file: string): unknown {
  return {
    file,
    title: r.title,
    period: r.period ?? null,
    measures: r.measures,
    goals: r.goals.map((g) => ({
      goal: g.number,
      heading: g.heading,
      summary: g.summary ?? null,
      years: g.years,
      measures: g.measures.map((m) => ({
        id: m.id,
        name: m.name,
        item: m.itemNumber,
        unit: m.unit || null,
        direction: m.direction || null,
        kind: m.kind || null,
        lead: m.lead.map((u) => u.id),
        priority: m.priority,
        source: m.source || null,
        baseline: m.baseline ?? null,
        years: m.years.map((y) => ({ year: y.year, target: y.target ?? null, result: y.result ?? null, status: y.status })),
      })),
    })),
  };
}

