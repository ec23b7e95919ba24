// The plan document as HTML: blocks shared by the live preview (which patches them one by one)
// and the export (one self-contained file). Every piece of plan text is escaped here; narratives
// go through markdown-it with raw HTML off (narrative.ts).
import { narrativeHtml } from './narrative';
import { measureColumns, measureFacts, measureLabel, milestoneFacts, STATUS_TEXT, type DocItem, type DocMeasure, type DocMilestone, type ItemLink, type PlanDocumentModel, type Problems, type UnitMention } from './planDocument';

export interface HtmlOptions {
  /** Put each element's source line in `data-line` (the preview's scroll sync). */
  lines?: boolean;
  /** Mark items with problems and say how many (the preview; an export reads as published). */
  problems?: boolean;
}

/** One part of the document: the header, the contents, a section, or one goal. */
export interface HtmlBlock {
  /** Stable name of the part ("header", "goal:item-1"). */
  name: string;
  /** `main` for the body of the document; the header and the contents sit before it. */
  landmark: 'header' | 'nav' | 'main';
  html: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const line = (o: HtmlOptions, n: number | undefined) => (o.lines && n !== undefined ? ` data-line="${n}"` : '');

export function problemText(p: Problems): string {
  const part = (n: number, w: string) => (n ? `${n} ${w}${n === 1 ? '' : 's'}` : '');
  return [part(p.errors, 'error'), part(p.warnings, 'warning')].filter(Boolean).join(', ');
}

function problemMark(o: HtmlOptions, p: Problems): string {
  if (!o.problems || !(p.errors || p.warnings)) return '';
  const cls = p.errors ? 'pw-problems pw-errors' : 'pw-problems pw-warnings';
  return ` <span class="${cls}" role="note">${escapeHtml(problemText(p))}</span>`;
}

function units(list: UnitMention[]): string {
  return list.map((u) => (u.known && u.name !== u.id ? `${escapeHtml(u.name)} (${escapeHtml(u.id)})` : `${escapeHtml(u.name)}${u.known ? '' : ' <span class="pw-unknown">(unit not defined)</span>'}`)).join(', ');
}

function links(list: ItemLink[]): string {
  return list.map((l) => (l.anchor ? `<a href="#${escapeHtml(l.anchor)}">${escapeHtml(l.title ? `${l.id} ${l.title}` : l.id)}</a>` : `${escapeHtml(l.id)} <span class="pw-unknown">(no such item)</span>`)).join(', ');
}

const HEADING: Record<DocItem['kind'], string> = { goal: 'h2', objective: 'h3', subobjective: 'h4' };

/** HTML of goals by document item and options: a goal whose document is kept is not written again. */
const written = new Map<string, WeakMap<DocItem, string>>();

function goalHtml(it: DocItem, o: HtmlOptions): string {
  const key = `${!!o.lines}${!!o.problems}`;
  let byItem = written.get(key);
  if (!byItem) written.set(key, (byItem = new WeakMap()));
  let html = byItem.get(it);
  if (html === undefined) byItem.set(it, (html = item(it, o)));
  return html;
}

function item(it: DocItem, o: HtmlOptions): string {
  const h = HEADING[it.kind];
  const facts: string[] = [];
  if (it.lead.length) facts.push(`<dt>Lead</dt><dd>${units(it.lead)}</dd>`);
  if (it.support.length) facts.push(`<dt>Support</dt><dd>${units(it.support)}</dd>`);
  if (it.related.length) facts.push(`<dt>Related</dt><dd>${links(it.related)}</dd>`);
  return (
    `<section class="pw-${it.kind}" id="${escapeHtml(it.anchor)}" aria-labelledby="${escapeHtml(it.anchor)}-h"${line(o, it.line)}>` +
    `<${h} id="${escapeHtml(it.anchor)}-h">${escapeHtml(it.heading)}${problemMark(o, it.problems)}</${h}>` +
    (facts.length ? `<dl class="pw-facts">${facts.join('')}</dl>` : '') +
    narrativeHtml(it.narrative) +
    measuresHtml(it.measures, o) +
    milestonesHtml(it.milestones, o) +
    it.children.map((c) => item(c, o)).join('') +
    `</section>`
  );
}

const STATUS_CLASS: Record<keyof typeof STATUS_TEXT, string> = { met: 'pw-met', 'not met': 'pw-not-met', 'no result': 'pw-no-result' };

/** An item's measures as one table: a row per measure, its baseline, then target → result and status per fiscal year. */
function measuresHtml(list: DocMeasure[], o: HtmlOptions): string {
  if (!list.length) return '';
  const years = measureColumns(list);
  const head = `<tr><th scope="col">Measure</th><th scope="col">Baseline</th>${years.map((y) => `<th scope="col">FY${y}</th>`).join('')}</tr>`;
  const rows = list.map((m) => {
    const facts = measureFacts(m);
    const base = m.baseline ? `${escapeHtml(m.baseline.value)}${m.baseline.year ? ` <span class="pw-year">(FY${escapeHtml(m.baseline.year)})</span>` : ''}` : '';
    const cells = years.map((y) => {
      const row = m.years.find((r) => r.year === y);
      if (!row) return '<td></td>';
      return (
        `<td><span class="pw-target" title="target">${escapeHtml(row.target ?? '–')}</span> → <span class="pw-result" title="result">${escapeHtml(row.result ?? '–')}</span>` +
        `<br><span class="pw-status ${STATUS_CLASS[row.status]}">${escapeHtml(STATUS_TEXT[row.status])}</span></td>`
      );
    });
    return `<tr${line(o, m.line)}><th scope="row">${escapeHtml(measureLabel(m))}${facts ? `<br><span class="pw-measure-facts">${escapeHtml(facts)}</span>` : ''}</th><td>${base}</td>${cells.join('')}</tr>`;
  });
  return `<table class="pw-measures"><caption>Measures (target → result per fiscal year)</caption><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

function milestonesHtml(list: DocMilestone[], o: HtmlOptions): string {
  if (!list.length) return '';
  const entries = list.map((ms) => {
    const facts = milestoneFacts(ms);
    const mark = ms.done === true ? '<span class="pw-status pw-met">✓</span> ' : '';
    return `<li${line(o, ms.line)}>${mark}${escapeHtml(ms.title || '(untitled milestone)')}${facts ? ` <span class="pw-milestone-facts">— ${escapeHtml(facts)}</span>` : ''}</li>`;
  });
  return `<div class="pw-milestones"><p class="pw-milestones-h">Milestones</p><ul>${entries.join('')}</ul></div>`;
}

/** The document in blocks, in reading order. */
export function htmlBlocks(d: PlanDocumentModel, o: HtmlOptions = {}): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  const sub = [d.organization && [d.organization.name, d.organization.acronym && `(${d.organization.acronym})`].filter(Boolean).join(' '), d.period && `Plan period ${d.period}`].filter(Boolean) as string[];
  blocks.push({
    name: 'header',
    landmark: 'header',
    html:
      `<header class="pw-header"${line(o, d.lines.title ?? 0)}><h1>${escapeHtml(d.title)}${problemMark(o, d.headProblems)}</h1>` +
      sub.map((s) => `<p class="pw-subtitle">${escapeHtml(s)}</p>`).join('') +
      `</header>`,
  });
  if (d.goals.length) {
    const entry = (it: DocItem, depth: number): string =>
      `<li><a href="#${escapeHtml(it.anchor)}">${escapeHtml(it.heading)}</a>` +
      (depth < 2 && it.children.length ? `<ol>${it.children.map((c) => entry(c, depth + 1)).join('')}</ol>` : '') +
      `</li>`;
    blocks.push({ name: 'contents', landmark: 'nav', html: `<nav class="pw-contents" aria-labelledby="pw-contents-h"><h2 id="pw-contents-h">Contents</h2><ol>${d.goals.map((g) => entry(g, 1)).join('')}</ol></nav>` });
  }
  const statement = (name: 'mission' | 'vision', title: string) => {
    const text = d[name];
    if (text && text.trim()) blocks.push({ name, landmark: 'main', html: `<section class="pw-${name}" aria-labelledby="pw-${name}-h"${line(o, d.lines[name])}><h2 id="pw-${name}-h">${title}</h2>${narrativeHtml(text)}</section>` });
  };
  statement('mission', 'Mission');
  statement('vision', 'Vision');
  if (d.values.length) {
    blocks.push({
      name: 'values',
      landmark: 'main',
      html:
        `<section class="pw-values" aria-labelledby="pw-values-h"${line(o, d.lines.values)}><h2 id="pw-values-h">Values</h2><dl>` +
        d.values.map((v) => `<div${line(o, v.line)}><dt>${escapeHtml(v.name)}</dt><dd>${narrativeHtml(v.narrative)}</dd></div>`).join('') +
        `</dl></section>`,
    });
  }
  if (d.units.length) {
    blocks.push({
      name: 'units',
      landmark: 'main',
      html:
        `<section class="pw-units" aria-labelledby="pw-units-h"${line(o, d.lines.units)}><h2 id="pw-units-h">Organization</h2><dl>` +
        d.units
          .map((u) => {
            const name = u.name && u.id ? `${u.name} (${u.id})` : u.name || u.id;
            return `<div id="unit-${escapeHtml(u.id)}"${line(o, u.line)}><dt>${escapeHtml(name)}${u.kind ? ` <span class="pw-kind">${escapeHtml(u.kind)}</span>` : ''}</dt><dd>${narrativeHtml(u.narrative)}</dd></div>`;
          })
          .join('') +
        `</dl></section>`,
    });
  }
  for (const g of d.goals) blocks.push({ name: `goal:${g.anchor}`, landmark: 'main', html: goalHtml(g, o) });
  return blocks;
}

/** Styles of the exported file: light, dark when the reader's system is, and print. */
export const EXPORT_CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--rule:#d0d7de;--link:#0b57d0;--accent:#1f3a5f}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--rule:#30363d;--link:#6cb6ff;--accent:#9ec1ff}}
html{background:var(--bg);color:var(--fg)}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;max-width:48rem;margin:0 auto;padding:2rem 1.25rem 4rem;overflow-wrap:break-word}
h1,h2,h3,h4{line-height:1.25;color:var(--accent)}
h1{font-size:2rem;margin:0 0 .5rem}
h2{font-size:1.5rem;margin:2.5rem 0 .75rem;padding-bottom:.3rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.2rem;margin:1.75rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .4rem}
a{color:var(--link)}
.pw-subtitle{margin:.2rem 0;color:var(--muted);font-size:1.1rem}
.pw-contents ol{list-style:none;padding-left:1.5rem}.pw-contents>ol{padding-left:0}
.pw-facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.25rem 0 .75rem;font-size:.95rem}
.pw-facts dt{font-weight:600;color:var(--muted)}.pw-facts dd{margin:0}
.pw-values dt,.pw-units dt{font-weight:600;margin-top:.75rem}.pw-values dd,.pw-units dd{margin-left:0}
.pw-kind{font-weight:400;color:var(--muted);font-size:.9em}
.pw-unknown{color:var(--muted);font-style:italic}
.pw-subobjective{margin-left:1rem}
.pw-measures{border-collapse:collapse;margin:.75rem 0 1rem;font-size:.9rem;width:100%}
.pw-measures caption{text-align:left;font-weight:600;color:var(--muted);padding-bottom:.25rem}
.pw-measures th,.pw-measures td{border:1px solid var(--rule);padding:.3rem .5rem;vertical-align:top;text-align:left}
.pw-measures thead th{background:color-mix(in srgb,var(--rule) 35%,transparent)}
.pw-measures td{white-space:nowrap}
.pw-measure-facts,.pw-year,.pw-milestone-facts{color:var(--muted);font-weight:400;font-size:.9em}
.pw-met{color:#1a7f37}.pw-not-met{color:#cf222e;font-weight:600}.pw-no-result{color:var(--muted)}
@media (prefers-color-scheme:dark){.pw-met{color:#3fb950}.pw-not-met{color:#ff7b72}}
.pw-milestones-h{font-weight:600;color:var(--muted);margin:.5rem 0 .1rem}.pw-milestones ul{margin-top:0}
@media print{
  :root{--fg:#000;--muted:#333;--bg:#fff;--link:#000;--accent:#000}
  body{max-width:none;padding:0;font-size:11pt}
  .pw-goal{break-before:page}
  .pw-measures tr{break-inside:avoid}
  h1,h2,h3,h4,dt{break-after:avoid;break-inside:avoid}
  p,li,dd{orphans:3;widows:3}
  a{text-decoration:none}
}
`;

/** The whole document as one self-contained HTML file (no script, no external resource). */
export function htmlFile(d: PlanDocumentModel, lang = 'en'): string {
  const blocks = htmlBlocks(d);
  const part = (l: HtmlBlock['landmark']) => blocks.filter((b) => b.landmark === l).map((b) => b.html).join('\n');
  return (
    `<!DOCTYPE html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<meta name="generator" content="Planwright">\n` +
    `<title>${escapeHtml(d.title)}</title>\n<style>${EXPORT_CSS}</style>\n</head>\n<body>\n` +
    `${part('header')}\n${part('nav')}\n<main>\n${part('main')}\n</main>\n</body>\n</html>\n`
  );
}
