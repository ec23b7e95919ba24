// The plan document as GitHub-flavoured Markdown: the same structure as the HTML (title `#`,
// goals `##`, objectives `###`, sub-objectives `####`), readable on GitHub. Plan text in headings
// and lists is escaped; narratives are Markdown already and are kept as written, except what
// would change the document's structure or pull in markup (a line starting with `#`, raw HTML,
// images), which is escaped.
import { paragraphs } from './narrative';
import { measureColumns, measureFacts, measureLabel, milestoneFacts, STATUS_TEXT, type DocItem, type DocMeasure, type DocMilestone, type ItemLink, type PlanDocumentModel, type UnitMention } from './planDocument';

/**
 * Inline text as Markdown that shows exactly that text. `lineStart`: the text begins a line, where
 * `#`, `-`, `+`, `=`, `>` and `1.` would start a block.
 */
export function escapeMarkdown(s: string, lineStart = true): string {
  let t = s.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '&amp;').replace(/#+$/, (m) => m.replace(/#/g, '\\#'));
  if (lineStart) t = t.replace(/^(\s*)([-+=#])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return t;
}

/** A narrative as written (see paragraphs()), with headings, raw HTML and images neutralized. */
export function safeNarrative(s: string): string {
  return paragraphs(s)
    .trim()
    .replace(/^( {0,3})(#{1,6}(?:[ \t]|$))/gm, '$1\\$2')
    .replace(/^( {0,3})(=+|-{2,})[ \t]*$/gm, (m) => m.replace(/([=-])/, '\\$1'))
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/!\[/g, '!\\[');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as `-`, repeats numbered. */
export class Slugger {
  private readonly seen = new Map<string, number>();
  slug(text: string): string {
    const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = this.seen.get(base);
    this.seen.set(base, (n ?? -1) + 1);
    return n === undefined ? base : `${base}-${n + 1}`;
  }
}

export function markdownFile(d: PlanDocumentModel): string {
  const out: string[] = [];
  const slugger = new Slugger();
  const anchors = new Map<string, string>(); // item anchor → GitHub slug
  const para = (s: string) => out.push(s, '');
  const heading = (level: number, text: string) => {
    para(`${'#'.repeat(level)} ${escapeMarkdown(text, false)}`);
    return slugger.slug(text);
  };

  heading(1, d.title);
  const sub = [d.organization && [d.organization.name, d.organization.acronym && `(${d.organization.acronym})`].filter(Boolean).join(' '), d.period && `Plan period ${d.period}`].filter(Boolean) as string[];
  if (sub.length) para(sub.map((x) => escapeMarkdown(x)).join('  \n'));

  // The contents come first but link to headings written after them: slugs in reading order.
  const contents = d.goals.length ? slugger.slug('Contents') : undefined;
  const later: string[] = [];
  const statements = (['mission', 'vision'] as const).filter((k) => d[k]?.trim());
  for (const k of statements) later.push(k === 'mission' ? 'Mission' : 'Vision');
  if (d.values.length) later.push('Values');
  if (d.units.length) later.push('Organization');
  for (const t of later) slugger.slug(t);
  const walk = (it: DocItem) => { anchors.set(it.anchor, slugger.slug(it.heading)); it.children.forEach(walk); };
  d.goals.forEach(walk);

  if (contents) {
    out.push(`## Contents`, '');
    const entry = (it: DocItem, depth: number) => {
      out.push(`${'  '.repeat(depth)}- [${escapeMarkdown(it.heading, false)}](#${anchors.get(it.anchor)})`);
      if (depth < 1) it.children.forEach((c) => entry(c, depth + 1));
    };
    d.goals.forEach((g) => entry(g, 0));
    out.push('');
  }
  for (const k of statements) {
    para(`## ${k === 'mission' ? 'Mission' : 'Vision'}`);
    para(safeNarrative(d[k]!));
  }
  if (d.values.length) {
    para('## Values');
    for (const v of d.values) para(`**${escapeMarkdown(v.name, false)}**${v.narrative.trim() ? `: ${safeNarrative(v.narrative)}` : ''}`);
  }
  if (d.units.length) {
    para('## Organization');
    for (const u of d.units) {
      const name = u.name && u.id ? `${u.name} (${u.id})` : u.name || u.id;
      para(`**${escapeMarkdown(name, false)}**${u.kind ? ` (${escapeMarkdown(u.kind, false)})` : ''}${u.narrative.trim() ? `: ${safeNarrative(u.narrative)}` : ''}`);
    }
  }
  const unitList = (l: UnitMention[]) => l.map((u) => escapeMarkdown(u.known && u.name !== u.id ? `${u.name} (${u.id})` : u.known ? u.name : `${u.name} (unit not defined)`, false)).join(', ');
  const linkList = (l: ItemLink[]) => l.map((x) => (x.anchor ? `[${escapeMarkdown(x.title ? `${x.id} ${x.title}` : x.id, false)}](#${anchors.get(x.anchor)})` : `${escapeMarkdown(x.id, false)} (no such item)`)).join(', ');
  const item = (it: DocItem) => {
    para(`${'#'.repeat(it.kind === 'goal' ? 2 : it.kind === 'objective' ? 3 : 4)} ${escapeMarkdown(it.heading, false)}`);
    const facts = [
      it.lead.length && `**Lead:** ${unitList(it.lead)}`,
      it.support.length && `**Support:** ${unitList(it.support)}`,
      it.related.length && `**Related:** ${linkList(it.related)}`,
    ].filter(Boolean);
    if (facts.length) para(facts.join('  \n'));
    if (it.narrative.trim()) para(safeNarrative(it.narrative));
    if (it.measures.length) para(measureTable(it.measures));
    if (it.milestones.length) para(milestoneList(it.milestones));
    it.children.forEach(item);
  };
  d.goals.forEach(item);
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

/** Plan text inside a table cell: escaped, on one line. */
function cell(s: string): string {
  return escapeMarkdown(s, false).replace(/\r?\n/g, ' ');
}

/** An item's measures as a GitHub table: a row per measure, its baseline, then target → result and status per fiscal year. */
export function measureTable(list: DocMeasure[]): string {
  const years = measureColumns(list);
  const rows = [
    `| ${['Measure', 'Baseline', ...years.map((y) => `FY${y}`)].join(' | ')} |`,
    `|${['---', '---', ...years.map(() => '---')].join('|')}|`,
  ];
  for (const m of list) {
    const facts = measureFacts(m);
    const head = `**${cell(measureLabel(m))}**${facts ? `<br>${cell(facts)}` : ''}`;
    const base = m.baseline ? `${cell(m.baseline.value)}${m.baseline.year ? ` (FY${cell(m.baseline.year)})` : ''}` : '';
    const cells = years.map((y) => {
      const r = m.years.find((x) => x.year === y);
      return r ? `${cell(r.target ?? '–')} → ${cell(r.result ?? '–')}<br>${STATUS_TEXT[r.status]}` : '';
    });
    rows.push(`| ${[head, base, ...cells].join(' | ')} |`);
  }
  return `*Measures (target → result per fiscal year)*\n\n${rows.join('\n')}`;
}

function milestoneList(list: DocMilestone[]): string {
  return ['*Milestones*', '', ...list.map((ms) => {
    const facts = milestoneFacts(ms);
    return `- ${ms.done === true ? '✓ ' : ''}${cell(ms.title || '(untitled milestone)')}${facts ? ` — ${cell(facts)}` : ''}`;
  })].join('\n');
}
