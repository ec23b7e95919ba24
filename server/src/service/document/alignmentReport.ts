// Coverage of parent plans by the plans aligned to them (`planwright alignment`, the VS Code
// command "Planwright: Show Alignment"): for each plan that other plans' `aligns` entries name,
// each of its goals and objectives with the child items aligned to it, those nothing supports
// marked, and a summary line. Computed from the models (alignment.ts); written as text, JSON or
// Markdown here, so that the CLI and the editor show the same report.
import type { PlanDocument, PlanWorkspace } from '../documents';
import { fileNameOf } from '../documents';
import { supportersOf } from '../alignment';
import { kindWord, type PlanItem } from '../model';

export interface CoverageSupporter {
  uri: string;
  /** `ICE 2.1`, or `ICE measure PM-1`. */
  label: string;
  title?: string;
}

export interface CoverageRow {
  number: string;
  kind: PlanItem['kind'];
  title?: string;
  /** 1 for a goal, 2 for an objective, 3 for a sub-objective. */
  depth: number;
  supporters: CoverageSupporter[];
  /** Nothing supports it, nor any item under it. */
  unsupported: boolean;
}

export interface ParentCoverage {
  uri: string;
  file: string;
  title?: string;
  acronym?: string;
  /** `DHS 2020–2024` */
  name: string;
  rows: CoverageRow[];
  /** What the summary counts: objectives when the plan has any, else goals. */
  counted: 'objective' | 'goal';
  supported: number;
  total: number;
  /** The plans whose entries support it. */
  plans: string[];
  summary: string;
}

/** The coverage of every plan of the workspace that other plans align to, in URI order. */
export function alignmentCoverage(ws: PlanWorkspace): ParentCoverage[] {
  const out: ParentCoverage[] = [];
  for (const doc of [...ws.all()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    const support = supportersOf(ws, doc);
    if (!support.size) continue;
    out.push(coverageOf(doc, support));
  }
  return out;
}

function coverageOf(doc: PlanDocument, support: ReturnType<typeof supportersOf>): ParentCoverage {
  const m = doc.model;
  const covered = new Set<PlanItem>();
  for (const item of support.keys()) for (let p: PlanItem | undefined = item; p; p = p.parent) covered.add(p);
  const plans = new Set<string>();
  const rows: CoverageRow[] = [];
  for (const item of m.items) {
    if (!item.id) continue;
    const supporters: CoverageSupporter[] = [];
    for (const s of support.get(item) ?? []) {
      plans.add(s.doc.uri);
      const acronym = s.doc.model.organization?.acronym?.trim() || fileNameOf(s.doc.uri);
      const label = s.ref.measure?.id ? `${acronym} measure ${s.ref.measure.id.text}` : `${acronym} ${s.ref.owner.id?.text ?? '?'}`;
      if (supporters.some((x) => x.uri === s.doc.uri && x.label === label)) continue;
      supporters.push({ uri: s.doc.uri, label, title: s.ref.measure ? s.ref.measure.name : s.ref.owner.title });
    }
    // Sub-objectives are listed only when something names them.
    if (item.kind === 'subobjective' && !supporters.length) continue;
    rows.push({ number: item.id.text, kind: item.kind, title: item.title, depth: item.kind === 'goal' ? 1 : item.kind === 'objective' ? 2 : 3, supporters, unsupported: !covered.has(item) });
  }
  const objectives = m.items.filter((i) => i.kind === 'objective');
  const counted = objectives.length ? 'objective' : 'goal';
  const pool = objectives.length ? objectives : m.goals;
  const supported = pool.filter((i) => covered.has(i)).length;
  const acronym = m.organization?.acronym?.trim();
  const years = m.period?.start && m.period?.end ? ` ${m.period.start}–${m.period.end}` : '';
  const name = acronym ? `${acronym}${years}` : (m.title ?? fileNameOf(doc.uri));
  const n = plans.size;
  const count = (k: number, of: number, word: string) => `${k} of ${of} ${word}${of === 1 ? '' : 's'}`;
  // Goals always, objectives too when the plan has any: a parent whose objectives are not written
  // (or not all) still shows which goals are supported.
  const goalsSupported = m.goals.filter((i) => covered.has(i)).length;
  const parts = [count(goalsSupported, m.goals.length, 'goal'), ...(objectives.length ? [count(supported, objectives.length, 'objective')] : [])];
  const summary = `${name}: ${parts.join(' and ')} supported by ${n} plan${n === 1 ? '' : 's'}`;
  return { uri: doc.uri, file: fileNameOf(doc.uri), title: m.title, acronym, name, rows, counted, supported, total: pool.length, plans: [...plans].sort(), summary };
}

const NONE = 'No plan aligns to another: no `aligns` entry names an item of another plan given.';

/** The report as plain text: one line per goal and objective, indented, `—` marking what nothing supports. */
export function coverageText(report: ParentCoverage[]): string {
  if (!report.length) return NONE;
  const out: string[] = [];
  for (const p of report) {
    out.push(`${p.title ?? p.name} (${p.file})`);
    for (const r of p.rows) {
      const head = `${'  '.repeat(r.depth)}${cap(kindWord(r.kind))} ${r.number}${r.title ? ` ${r.title}` : ''}`;
      const tail = r.supporters.length ? `: ${r.supporters.map((s) => s.label).join(', ')}` : r.unsupported ? ': not supported' : '';
      out.push(head + tail);
    }
    out.push(p.summary, '');
  }
  return out.join('\n').trimEnd();
}

/** The report as Markdown: a heading and a table per parent plan, then its summary line. */
export function coverageMarkdown(report: ParentCoverage[]): string {
  const out: string[] = ['# Alignment', ''];
  if (!report.length) return [...out, NONE].join('\n') + '\n';
  for (const p of report) {
    out.push(`## ${esc(p.title ?? p.name)}`, '', `**${esc(p.summary)}**`, '', '| Number | Title | Supported by |', '|---|---|---|');
    for (const r of p.rows) {
      const indent = '&nbsp;&nbsp;'.repeat(r.depth - 1);
      const who = r.supporters.length ? r.supporters.map((s) => esc(s.title ? `${s.label} ${s.title}` : s.label)).join('<br>') : r.unsupported ? '*not supported*' : '';
      const title = r.depth === 1 ? `**${esc(r.title ?? '')}**` : esc(r.title ?? '');
      out.push(`| ${indent}${esc(r.number)} | ${title} | ${who} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The report as JSON (the CLI's `--format json`). */
export function coverageJson(report: ParentCoverage[]): string {
  return JSON.stringify(report, null, 2);
}

function esc(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&').replace(/\r?\n/g, ' ');
}

function cap(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
