// Test fixtures: the ICE plan (the hand-written sample, made from the same PDF as the seed text)
// written as documents in other layouts than the PDF's, to import again. Test data only.
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { parse as parseYaml } from 'yaml';
import { ICE } from '../test-util';
import type { ImportedItem, ImportedPlan } from '.';

export const ICE_PLAN = parseYaml(ICE) as ImportedPlan;
const paras = (t?: string) => (t ? t.split(/\n+/).filter(Boolean) : []);

/** Word, layout A: Title, Heading 1 sections, goals as Heading 2 under "Strategic Goals" (no numbers), objectives as Heading 3, sub-objectives as a Word numbered list. */
export async function iceDocxHeadings(plan = ICE_PLAN): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ text: plan.title, heading: HeadingLevel.TITLE })];
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => children.push(new Paragraph({ text, heading }));
  const p = (t?: string) => paras(t).forEach((text) => children.push(new Paragraph({ text })));
  h('Mission', HeadingLevel.HEADING_1);
  p(plan.mission);
  h('Vision', HeadingLevel.HEADING_1);
  p(plan.vision);
  h('Core Values', HeadingLevel.HEADING_1);
  for (const v of plan.values ?? []) {
    h(v.name, HeadingLevel.HEADING_2);
    p(v.description);
  }
  h('Organization', HeadingLevel.HEADING_1);
  for (const u of plan.units ?? []) {
    h(`${u.name} (${u.id})`, HeadingLevel.HEADING_2);
    p(u.description);
  }
  h('Strategic Goals', HeadingLevel.HEADING_1);
  for (const g of plan.goals) {
    h(g.title, HeadingLevel.HEADING_2);
    p(g.description);
    for (const o of g.objectives ?? []) {
      h(o.title, HeadingLevel.HEADING_3);
      p(o.description);
      for (const s of o.subobjectives ?? []) children.push(new Paragraph({ text: s.title, numbering: { reference: 'subs', level: 0 } }));
    }
  }
  const doc = new Document({
    numbering: { config: [{ reference: 'subs', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Word, layout B: no heading styles at all: "Strategic Goal 1 – ..." and "1.1 ..." / "1.1.1 ..." numbered paragraphs in bold, "Mission: ..." written inline, a page break before each goal. */
export async function iceDocxNumbered(plan = ICE_PLAN): Promise<Uint8Array> {
  const children: Paragraph[] = [new Paragraph({ children: [new TextRun({ text: plan.title.toUpperCase(), bold: true })] })];
  const bold = (text: string, pageBreakBefore = false) => children.push(new Paragraph({ children: [new TextRun({ text, bold: true })], pageBreakBefore }));
  const p = (t?: string) => paras(t).forEach((text) => children.push(new Paragraph({ text })));
  children.push(new Paragraph({ text: `Mission: ${plan.mission}` }));
  children.push(new Paragraph({ text: `Vision: ${plan.vision}` }));
  bold('Our Values');
  for (const v of plan.values ?? []) children.push(new Paragraph({ text: `${v.name}: ${v.description}` }));
  for (const g of plan.goals) {
    bold(`Strategic Goal ${g.id} – ${g.title}`, true);
    p(g.description);
    for (const o of g.objectives ?? []) {
      bold(`${o.id} ${o.title}`);
      p(o.description);
      for (const s of o.subobjectives ?? []) bold(`${s.id} ${s.title}`);
    }
  }
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

/** Markdown: `#` title, `##` sections, "## Goal 1: ..." and "### Objective 1.1: ...", sub-objectives as a numbered list. */
export function iceMarkdown(plan = ICE_PLAN): string {
  const out: string[] = [`# ${plan.title}`, '', '## Mission', '', plan.mission ?? '', '', '## Vision', '', plan.vision ?? '', '', '## Our Values', ''];
  for (const v of plan.values ?? []) out.push(`- **${v.name}**: ${v.description}`);
  out.push('', '## Organization', '');
  for (const u of plan.units ?? []) out.push(`### ${u.name} (${u.id})`, '', ...paras(u.description).flatMap((x) => [x, '']));
  const item = (level: string, label: string, i: ImportedItem) => out.push(`${level} ${label} ${i.id}: ${i.title}`, '', ...paras(i.description).flatMap((x) => [x, '']));
  for (const g of plan.goals) {
    item('##', 'Goal', g);
    for (const o of g.objectives ?? []) {
      item('###', 'Objective', o);
      (o.subobjectives ?? []).forEach((s, k) => out.push(`${k + 1}. ${s.title}`));
      out.push('');
    }
  }
  return out.join('\n');
}
