// The plan model → StratML that validates against the official schema of its part: Part 1
// (`StrategicPlan`, ISO 17469-1) when the plan has no measures, Part 2 (`PerformancePlanOrReport`,
// Type="Strategic_Plan") when it has. What StratML has no element for travels as conventions.ts
// says, and import.ts reads it back (docs/plan-format.md, "StratML"). Identifiers are derived from
// the plan (kind and number), so two exports of the same plan are the same file.
//
// Reads the plan model (doc.model), not the document model: StratML is the plan's data (numbers,
// unit ids, measures), not a document to read.
import type { Measure, PlanItem, PlanModel, ScalarText } from '../model';
import { BASELINE } from './import';
import { LABELS, unitName } from './conventions';

export const PART1_NS = 'urn:ISO:std:iso:17469:tech:xsd:stratml_core';
export const PART2_NS = 'urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport';

export interface StratmlExport {
  xml: string;
  part: 1 | 2;
}

export function exportStratml(m: PlanModel, fallbackTitle = 'Plan'): StratmlExport {
  return new Writer(m).write(fallbackTitle);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

class Writer {
  private readonly out: string[] = [];
  private readonly part: 1 | 2;
  private readonly ids = new Set<string>();
  private depth = 0;

  constructor(private readonly m: PlanModel) {
    this.part = m.items.some((i) => i.measures?.length) ? 2 : 1;
  }

  write(fallbackTitle: string): StratmlExport {
    const m = this.m;
    this.out.push('<?xml version="1.0" encoding="UTF-8"?>');
    if (this.part === 1) this.open('StrategicPlan', ` xmlns="${PART1_NS}"`);
    else this.open('PerformancePlanOrReport', ` xmlns="${PART2_NS}" Type="Strategic_Plan"`);
    this.leaf('Name', m.title?.trim() || fallbackTitle);
    // The plan's own notes (import reads the plan's OtherInformation back into them).
    if (m.notes?.trim()) this.leaf('OtherInformation', m.notes.trim());
    this.open('StrategicPlanCore');
    if (m.organization || m.units.length) {
      this.open('Organization');
      if (m.organization?.name) this.leaf('Name', m.organization.name);
      if (m.organization?.acronym) this.leaf('Acronym', m.organization.acronym);
      this.leaf('Identifier', this.id('organization'));
      for (const u of m.units) {
        if (!u.id?.text) continue;
        this.open('Stakeholder', ' StakeholderTypeType="Organization"');
        this.leaf('Name', unitName(u.name?.trim() || u.id.text, u.id.text));
        const d = [u.description?.trim(), u.kind ? `${LABELS.kind}: ${u.kind}` : ''].filter(Boolean).join('\n');
        if (d) this.leaf('Description', d);
        this.close('Stakeholder');
      }
      this.close('Organization');
    }
    if (m.vision?.trim()) this.statement('Vision', m.vision);
    if (m.mission?.trim()) this.statement('Mission', m.mission);
    for (const v of m.values) {
      this.open('Value');
      if (v.name) this.leaf('Name', v.name);
      if (v.description) this.leaf('Description', v.description);
      this.close('Value');
    }
    if (!m.goals.length) {
      this.open('Goal');
      this.leaf('Name', '');
      this.leaf('Description', '');
      this.close('Goal');
    }
    for (const g of m.goals) this.goal(g);
    this.close('StrategicPlanCore');
    const start = fy(m.period?.start);
    const end = fy(m.period?.end);
    if (start !== undefined || end !== undefined) {
      this.open('AdministrativeInformation');
      if (start !== undefined) this.leaf('StartDate', `${start - 1}-10-01`);
      if (end !== undefined) this.leaf('EndDate', `${end}-09-30`);
      this.close('AdministrativeInformation');
    }
    this.close(this.part === 1 ? 'StrategicPlan' : 'PerformancePlanOrReport');
    return { xml: this.out.join('\n') + '\n', part: this.part };
  }

  private statement(name: 'Vision' | 'Mission', text: string): void {
    this.open(name);
    this.leaf('Description', text);
    this.leaf('Identifier', this.id(name.toLowerCase()));
    this.close(name);
  }

  private goal(g: PlanItem): void {
    this.open('Goal');
    this.leaf('Name', g.title ?? '');
    this.leaf('Description', g.description ?? '');
    const num = g.id?.text ?? '';
    this.leaf('Identifier', this.id(`goal-${num}`));
    if (num) this.leaf('SequenceIndicator', num);
    this.otherInformation(g);
    // A goal's own measures: StratML has indicators on objectives only, so they travel in an
    // objective numbered <goal>.0 (import.ts reads them back onto the goal).
    if (this.part === 2 && g.measures?.length) {
      this.open('Objective');
      this.leaf('Name', `Measures of goal ${num}`);
      this.leaf('Identifier', this.id(`goal-${num}-measures`));
      this.leaf('SequenceIndicator', `${num}.0`);
      g.measures.forEach((ms) => this.measure(ms));
      this.close('Objective');
    }
    for (const o of g.children) {
      this.objective(o);
      for (const s of o.children) this.objective(s);
    }
    this.close('Goal');
  }

  /** An objective or a sub-objective (an objective numbered <objective>.<n>: StratML has one level). */
  private objective(o: PlanItem): void {
    this.open('Objective');
    if (o.title) this.leaf('Name', o.title);
    if (o.description) this.leaf('Description', o.description);
    const num = o.id?.text ?? '';
    this.leaf('Identifier', this.id(`${o.kind}-${num}`));
    if (num) this.leaf('SequenceIndicator', num);
    for (const field of ['lead', 'support'] as const) {
      for (const r of o.refs) {
        if (r.field !== field || r.measure) continue;
        const id = r.target.text;
        const unit = this.m.unitsById.get(id)?.[0];
        this.open('Stakeholder', ' StakeholderTypeType="Organization"');
        this.leaf('Name', unitName(unit?.name?.trim() || id, id));
        const role = field === 'lead' ? 'Lead' : 'Support';
        if (this.part === 1) this.leaf('Description', role);
        else {
          this.open('Role');
          this.leaf('Name', role);
          this.leaf('RoleType', 'Performer');
          this.close('Role');
        }
        this.close('Stakeholder');
      }
    }
    this.otherInformation(o);
    if (this.part === 2) (o.measures ?? []).forEach((ms) => this.measure(ms));
    this.close('Objective');
  }

  /** `related`, `aligns` and milestones, as labelled lines (conventions.ts). */
  private otherInformation(it: PlanItem): void {
    const lines: string[] = [];
    const related = it.refs.filter((r) => r.field === 'related' && !r.measure).map((r) => r.target.text);
    if (related.length) lines.push(`${LABELS.related}: ${related.join(', ')}`);
    const aligns = it.refs.filter((r) => r.field === 'aligns' && !r.measure).map((r) => r.target.text);
    if (aligns.length) lines.push(`${LABELS.aligns}: ${aligns.join(', ')}`);
    for (const ms of it.milestones ?? []) {
      if (!ms.title) continue;
      const when = [ms.due ? `due ${ms.due.text}` : '', ms.done === true ? 'done' : ms.done === false ? 'not done' : ''].filter(Boolean).join(', ');
      lines.push(`${LABELS.milestone}: ${ms.title.replace(/\s+/g, ' ').trim()}${when ? ` (${when})` : ''}`);
    }
    // Notes last, after a line `Notes:` alone: import reads what follows back into notes.
    if (it.notes?.trim()) lines.push(`${LABELS.notes}:`, it.notes.trim());
    if (lines.length) this.leaf('OtherInformation', lines.join('\n'));
  }

  private measure(ms: Measure): void {
    const stage = ms.kind === 'outcome' ? 'Outcome' : ms.kind === 'output' ? 'Output' : undefined;
    const type = ms.unit === 'qualitative' ? 'Qualitative' : ms.unit ? 'Quantitative' : undefined;
    this.open('PerformanceIndicator', `${stage ? ` ValueChainStage="${stage}"` : ''}${type ? ` PerformanceIndicatorType="${type}"` : ''}`);
    const id = ms.id?.text ?? '';
    if (id) this.leaf('SequenceIndicator', id);
    this.leaf('MeasurementDimension', ms.name ?? '');
    this.leaf('UnitOfMeasurement', ms.unit ?? '');
    this.leaf('Identifier', this.id(`measure-${id || ms.owner.id?.text + '-' + (ms.index + 1)}`));
    const value = (tag: 'TargetResult' | 'ActualResult', year: number, v: ScalarText | undefined, description?: string) => {
      this.open(tag);
      this.leaf('StartDate', `${year - 1}-10-01`);
      this.leaf('EndDate', `${year}-09-30`);
      if (v) {
        const n = v.isNumber ? decimal(Number(v.text)) : undefined;
        if (n !== undefined) this.leaf('NumberOfUnits', n);
        else {
          this.open('Descriptor');
          this.leaf('DescriptorValue', v.text);
          this.close('Descriptor');
        }
      }
      if (description) this.leaf('Description', description);
      this.close(tag);
    };
    const by = new Map<number, { t?: ScalarText; r?: ScalarText }>();
    for (const t of ms.targets) {
      const y = fy(t.year.text);
      if (y !== undefined && t.value) by.set(y, { ...by.get(y), t: t.value });
    }
    for (const r of ms.results) {
      const y = fy(r.year.text);
      if (y !== undefined && r.value) by.set(y, { ...by.get(y), r: r.value });
    }
    const baseYear = fy(ms.baseline?.year?.text);
    if (baseYear !== undefined && ms.baseline?.value) {
      this.open('MeasurementInstance');
      value('ActualResult', baseYear, ms.baseline.value, BASELINE);
      this.close('MeasurementInstance');
    }
    for (const y of [...by.keys()].sort((a, b) => a - b)) {
      const { t, r } = by.get(y)!;
      this.open('MeasurementInstance');
      if (t) value('TargetResult', y, t);
      if (r) value('ActualResult', y, r);
      this.close('MeasurementInstance');
    }
    const lines: string[] = [];
    if (ms.direction) lines.push(`${LABELS.direction}: ${ms.direction}`);
    if (ms.kind && !stage) lines.push(`${LABELS.kind}: ${ms.kind}`);
    const lead = ms.owner.refs.filter((r) => r.measure === ms && r.field === 'lead').map((r) => r.target.text);
    if (lead.length) lines.push(`${LABELS.lead}: ${lead.join(', ')}`);
    const aligns = ms.owner.refs.filter((r) => r.measure === ms && r.field === 'aligns').map((r) => r.target.text);
    if (aligns.length) lines.push(`${LABELS.aligns}: ${aligns.join(', ')}`);
    if (ms.source) lines.push(`${LABELS.source}: ${ms.source.replace(/\s+/g, ' ').trim()}`);
    if (ms.priority !== undefined) lines.push(`${LABELS.priority}: ${ms.priority ? 'yes' : 'no'}`);
    if (lines.length) this.leaf('OtherInformation', lines.join('\n'));
    this.close('PerformanceIndicator');
  }

  /** A stable xsd:ID from the plan: a letter first, then letters, digits, . - _; unique in the file. */
  private id(base: string): string {
    let id = base.replace(/[^A-Za-z0-9._-]/g, '_');
    if (!/^[A-Za-z_]/.test(id)) id = '_' + id;
    let out = id;
    for (let n = 2; this.ids.has(out); n++) out = `${id}-${n}`;
    this.ids.add(out);
    return out;
  }

  private open(tag: string, attrs = ''): void {
    this.out.push(`${'  '.repeat(this.depth)}<${tag}${attrs}>`);
    this.depth++;
  }

  private close(tag: string): void {
    this.depth--;
    this.out.push(`${'  '.repeat(this.depth)}</${tag}>`);
  }

  private leaf(tag: string, text: string): void {
    this.out.push(`${'  '.repeat(this.depth)}<${tag}>${esc(text)}</${tag}>`);
  }
}

/** A four-digit fiscal year, or undefined. */
function fy(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{4}$/.test(String(s).trim()) ? Number(s) : undefined;
}

/** A number as xsd:decimal writes it (no exponent), or undefined when it is not finite. */
function decimal(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
