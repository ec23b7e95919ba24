// StratML (ISO 17469-1 Part 1 `StrategicPlan`, Part 2 `PerformancePlanOrReport`) → the plan's
// JSON value (the shape of schemas/plan.schema.json), and a report of what was done. Lenient:
// real files break their schema (children out of order, elements it lacks, empty placeholders,
// missing sequence indicators), so everything that can be read is read, text that has no field in
// the plan format is kept in `notes:`, and every thing not carried over as it was is a report line
// with its line in the XML. The mapping is the table in docs/plan-format.md ("StratML").
//
// No I/O: the text is handed in; the CLI and the server write the plan (writePlan.ts).
import { kid, kids, readXml, type XmlElement } from './xml';
import { LABELS, labelledList, parseLabelled, unitLabel } from './conventions';
import { MEASURE_FIELDS } from '../fields';

export type { ItemJson, MeasureJson, MilestoneJson, PlanJson, UnitJson } from '../planValue';
import type { ItemJson, MeasureJson, MilestoneJson, PlanJson, UnitJson } from '../planValue';

export interface ReportLine {
  /** 1-based line in the XML, when the line is about one place. */
  line?: number;
  /** 1-based column there (where the element's start tag ends). */
  column?: number;
  message: string;
}

export interface StratmlImport {
  plan: PlanJson;
  /** What the file was (Part 1, Part 2 and its type) and how much was read: one line. */
  summary: string;
  /** One line per thing not carried over as it was, in XML order. */
  report: ReportLine[];
}

export class NotStratmlError extends Error {}

const UNIT_ID = /^[A-Za-z][A-Za-z0-9&._-]*$/;
const MEASURE_ID = /^[A-Za-z][A-Za-z0-9._-]*$/;

/** Text as a plan writer would have typed it: trimmed, trailing spaces off, no run of blank lines. */
export function cleanText(s: string | undefined): string {
  if (!s) return '';
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const textOf = (el: XmlElement | undefined) => cleanText(el?.text);

/** Reads a StratML document; throws NotStratmlError when the text is not one (no StratML root). */
export function importStratml(xml: string, fallbackTitle = 'Imported plan'): StratmlImport {
  const { root, problems } = readXml(xml);
  if (!root || (root.name !== 'StrategicPlan' && root.name !== 'PerformancePlanOrReport')) {
    const first = problems[0];
    throw new NotStratmlError(
      root
        ? `this is not a StratML plan: its top element is <${root.name}>, not <StrategicPlan> (Part 1) or <PerformancePlanOrReport> (Part 2).`
        : `this is not a StratML plan: no XML element could be read${first ? ` (line ${first.line}: ${first.message})` : ''}.`,
    );
  }
  return new Importer(root, problems, fallbackTitle, /[^\n]{400}/.test(xml)).run();
}

interface Pending {
  /** The numbers the source gives, after any prefix ("EX1.2" → [1, 2]), or undefined. */
  parts: number[] | undefined;
  raw: string;
  el: XmlElement;
}

class Importer {
  private readonly report: ReportLine[];
  private readonly units: UnitJson[] = [];
  private readonly unitByName = new Map<string, UnitJson>();
  private readonly measureIds = new Set<string>();
  private readonly unordered: { kind: string; el: XmlElement }[] = [];
  private notedPlaces = 0;
  private counts = { goals: 0, objectives: 0, subobjectives: 0, measures: 0 };

  constructor(
    private readonly root: XmlElement,
    problems: { line: number; message: string }[],
    private readonly fallbackTitle: string,
    /** The file has lines too long for a line number alone to point at a place. */
    private readonly longLines = false,
  ) {
    this.report = problems.map((p) => ({ line: p.line, message: p.message }));
  }

  run(): StratmlImport {
    const root = this.root;
    const part2 = root.name === 'PerformancePlanOrReport';
    const planNotes: string[] = [];
    const title = textOf(kid(root, 'Name'));
    const plan: PlanJson = { planwright: 1, title: title || this.fallbackTitle, goals: [] };
    if (!title) this.say(root, `the plan has no <Name>: titled "${plan.title}"`);
    this.note(planNotes, 'Description', textOf(kid(root, 'Description')));
    this.note(planNotes, '', textOf(kid(root, 'OtherInformation')), true);

    const core = kid(root, 'StrategicPlanCore') ?? root;
    if (core === root) this.say(root, 'no <StrategicPlanCore>: its parts were looked for directly under the plan');
    kids(core, 'Organization').forEach((org, i) => this.organization(org, i, plan, planNotes));
    const vision = textOf(kid(kid(core, 'Vision'), 'Description'));
    if (vision) plan.vision = vision;
    const mission = textOf(kid(kid(core, 'Mission'), 'Description'));
    if (mission) plan.mission = mission;
    const values: { name: string; description?: string }[] = [];
    for (const v of kids(core, 'Value')) {
      const name = textOf(kid(v, 'Name'));
      const description = textOf(kid(v, 'Description'));
      if (!name && !description) continue; // an empty placeholder
      if (!name) this.say(v, `a value has a description but no name: named "${firstWords(description)}"`);
      values.push({ name: name || firstWords(description), ...(description && { description }) });
    }
    if (values.length) plan.values = values;

    const goalEls = kids(core, 'Goal');
    this.goals(goalEls, plan);
    if (!plan.goals.length) {
      this.say(core, 'the plan has no <Goal>: one empty goal was written so that the plan reads');
      plan.goals.push({ id: '1', title: 'Goal 1' });
    }

    this.administrative(kid(root, 'AdministrativeInformation'), plan, planNotes);
    const submitter = kid(root, 'Submitter') ?? kid(kid(root, 'AdministrativeInformation'), 'Submitter');
    if (submitter) this.note(planNotes, 'Submitter', contact(submitter));
    if (this.units.length) plan.units = this.units;
    if (planNotes.length) plan.notes = planNotes.join('\n');

    for (const kind of ['goal', 'objective']) {
      const els = this.unordered.filter((u) => u.kind === kind).map((u) => u.el);
      const lines = els.map((e) => (this.longLines ? `${e.line}:${e.column}` : e.line));
      if (lines.length)
        this.report.push({
          line: els[0].line,
          column: els[0].column,
          message: `${plural(lines.length, kind)} had no sequence indicator and ${lines.length === 1 ? 'was' : 'were'} numbered in document order (line${lines.length === 1 ? '' : 's'} ${abbreviate(lines)})`,
        });
    }
    this.report.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    const type = part2 ? `Part 2 ${root.attrs.Type || 'PerformancePlanOrReport'}` : 'Part 1 StrategicPlan';
    const c = this.counts;
    const summary =
      `Read a StratML ${type}: ${plural(c.goals, 'goal')}, ${plural(c.objectives, 'objective')}, ${plural(c.subobjectives, 'sub-objective')}, ` +
      `${plural(this.units.length, 'unit')}, ${plural(c.measures, 'measure')}` +
      (this.notedPlaces ? `; text with no field of its own kept in notes: in ${plural(this.notedPlaces, 'place')}` : '') +
      (this.report.length ? `; ${plural(this.report.length, 'thing')} not carried over as ${this.report.length === 1 ? 'it was' : 'they were'} (below).` : '; everything carried over.');
    return { plan, summary, report: this.report };
  }

  private say(at: XmlElement | number, message: string): void {
    this.report.push(typeof at === 'number' ? { line: at, message } : { line: at.line, column: at.column, message });
  }

  /** Adds a labelled line (or paragraph) to a notes list. */
  private note(notes: string[], label: string, text: string, plain = false): void {
    if (!text) return;
    if (!notes.length) this.notedPlaces++;
    notes.push(plain || !label ? text : `${label}: ${text}`);
  }

  private organization(org: XmlElement, index: number, plan: PlanJson, planNotes: string[]): void {
    const name = textOf(kid(org, 'Name'));
    const acronym = textOf(kid(org, 'Acronym'));
    const description = textOf(kid(org, 'Description'));
    if (index === 0) {
      if (name || acronym) plan.organization = { name: name || acronym, ...(acronym && name && { acronym }) };
      this.note(planNotes, 'Organization', description);
    } else if (name || acronym) {
      // A second organization: a unit of the plan (our export writes units as stakeholders).
      this.unit(name || acronym, description, org.line, acronym || undefined, 'organization');
    }
    for (const s of kids(org, 'Stakeholder')) {
      const sName = textOf(kid(s, 'Name'));
      const sDesc = textOf(kid(s, 'Description'));
      const roles = kids(s, 'Role').map(roleText).filter(Boolean);
      if (!sName || isPlaceholder(sName)) {
        if (sDesc || roles.length) this.note(planNotes, 'Stakeholder', [sDesc, ...roles].filter(Boolean).join('; '));
        continue;
      }
      const type = s.attrs.StakeholderTypeType;
      if (type === 'Organization') {
        const { description: d, kind } = parseUnitDescription(sDesc);
        const u = this.unit(sName, [d, ...roles.map((r) => `Role: ${r}`)].filter(Boolean).join('\n'), s.line, undefined, kind);
        void u;
      } else {
        this.note(planNotes, `Stakeholder (${type ? type.replace(/_/g, ' ') : 'no type'})`, [sName, sDesc, ...roles].filter(Boolean).join('; '));
      }
    }
  }

  /** The unit of that name, made if new: id from "Name (ID)", else from the acronym, else from the initials. */
  private unit(rawName: string, description: string, line: number, acronym?: string, kind?: string): UnitJson {
    const { name, id: givenId } = unitLabel(rawName);
    const known = this.unitByName.get(name.toLowerCase()) ?? (givenId ? this.units.find((u) => u.id === givenId) : undefined);
    if (known) {
      if (description && !known.description) known.description = description;
      return known;
    }
    let id = givenId ?? (acronym && UNIT_ID.test(acronym) ? acronym : initials(name));
    const taken = new Set(this.units.map((u) => u.id));
    if (taken.has(id)) {
      let n = 2;
      while (taken.has(`${id}${n}`)) n++;
      const was = id;
      id = `${id}${n}`;
      if (givenId) this.say(line, `unit "${name}": its id ${was} was taken by another unit, so it is ${id}`);
    }
    const u: UnitJson = { id, name, ...(kind && { kind }), ...(description && { description }) };
    this.units.push(u);
    this.unitByName.set(name.toLowerCase(), u);
    return u;
  }

  private goals(goalEls: XmlElement[], plan: PlanJson): void {
    const pending: Pending[] = goalEls.map((el) => seq(el));
    // The source's goal numbers are used when each goal has one of its own; otherwise (missing,
    // repeated, or prefixes such as EX1 and EN1 that make two goals 1) all are numbered in order.
    const nums = pending.map((p) => (p.parts?.length === 1 ? p.parts[0] : undefined));
    const distinct = new Set(nums.filter((n) => n !== undefined)).size === nums.filter((n) => n !== undefined).length;
    const missing = nums.filter((n) => n === undefined).length;
    const inOrder = !distinct;
    if (inOrder) {
      const raws = pending.map((p) => p.raw).filter(Boolean);
      this.say(pending[0].el, `the goals' sequence indicators (${abbreviate(raws.slice(0, 6))}${raws.length > 6 ? ', ...' : ''}) do not give each goal a number of its own: goals numbered 1 to ${pending.length} in document order, each source indicator kept in the goal's notes`);
    }
    let next = Math.max(0, ...nums.map((n) => n ?? 0));
    pending.forEach((p, i) => {
      let id: string;
      if (inOrder) id = String(i + 1);
      else if (nums[i] !== undefined) id = String(nums[i]);
      else {
        id = String(++next);
        if (p.raw) this.say(p.el, `goal "${textOf(kid(p.el, 'Name'))}": sequence indicator "${p.raw}" is not a number; numbered ${id}`);
        else this.unordered.push({ kind: 'goal', el: p.el });
      }
      void missing;
      plan.goals.push(this.goal(p, id, inOrder));
    });
  }

  private goal(p: Pending, id: string, renumbered: boolean): ItemJson {
    this.counts.goals++;
    const el = p.el;
    const notes: string[] = [];
    const goal = this.item(el, id, 'goal', notes);
    if (renumbered && p.raw && p.raw !== id) this.note(notes, 'Sequence indicator in the source', p.raw);
    for (const s of kids(el, 'Stakeholder')) {
      const t = stakeholderText(s);
      if (t) this.note(notes, 'Stakeholder', t);
    }
    // Goals carry no measures in StratML: a goal's own measures travel in an objective numbered
    // <goal>.0 (see export.ts), read back here.
    const objectives: ItemJson[] = [];
    const bySource = new Map<string, ItemJson>(); // the source's relative number "1.2" → item
    const ownOf = (items: ItemJson[]) => new Set(items.map((o) => o.id.split('.').pop()));
    const oels = kids(el, 'Objective').map((oel) => {
      const q = seq(oel);
      let rel = q.parts;
      if (rel && rel.length >= 2 && p.parts && rel[0] === p.parts[p.parts.length - 1]) rel = rel.slice(1);
      else if (rel && rel.length >= 2 && !p.parts && String(rel[0]) === id) rel = rel.slice(1);
      return { oel, q, rel };
    });
    // Numbers the source gives its objectives are theirs: an objective numbered in order takes a free one.
    const reserved = new Set(oels.filter((o) => o.rel?.length === 1).map((o) => String(o.rel![0])));
    for (const { oel, q, rel } of oels) {
      if (rel && rel.length === 1 && rel[0] === 0 && !kid(oel, 'Name')?.text.trim().replace(/^Measures of goal .*$/, '')) {
        const ms = this.measures(oel, id, notes);
        if (ms.length) goal.measures = [...(goal.measures ?? []), ...ms];
        this.otherInformation(oel, goal, notes, true);
        continue;
      }
      const name = textOf(kid(oel, 'Name'));
      const parentKey = rel && rel.length >= 2 ? rel.slice(0, -1).join('.') : undefined;
      let parent = parentKey !== undefined ? bySource.get(parentKey) : undefined;
      let tooDeep = false;
      if (!parent && rel && rel.length >= 3) {
        // Deeper than sub-objectives: under the nearest objective it extends.
        for (let k = rel.length - 2; k >= 1 && !parent; k--) parent = bySource.get(rel.slice(0, k).join('.'));
        tooDeep = !!parent;
      }
      if (parent && parent.id.split('.').length === 3) {
        // Its parent is a sub-objective: the objective above that one.
        parent = objectives.find((o) => o.subobjectives?.includes(parent!))!;
        tooDeep = true;
      }
      if (parent) {
        const subs = (parent.subobjectives ??= []);
        const last = rel![rel!.length - 1];
        const own = !tooDeep && !ownOf(subs).has(String(last)) ? last : subs.length + 1;
        const sid = `${parent.id}.${own}`;
        if (tooDeep) this.say(oel, `objective ${q.raw} "${name}" is nested deeper than sub-objectives: read as sub-objective ${sid}`);
        this.counts.subobjectives++;
        const sub = this.item(oel, sid, 'subobjective');
        subs.push(sub);
        bySource.set(rel!.join('.'), sub);
        continue;
      }
      let own: number;
      const taken = ownOf(objectives);
      const free = (n: number) => !taken.has(String(n)) && !reserved.has(String(n));
      if (rel && rel.length === 1 && !taken.has(String(rel[0]))) own = rel[0];
      else {
        own = 1;
        while (!free(own)) own++;
        if (!q.raw) this.unordered.push({ kind: 'objective', el: oel });
        else if (rel && rel.length >= 2) {
          const last = rel[rel.length - 1];
          if (free(last)) own = last;
          this.say(oel, `objective ${q.raw} "${name}": no objective ${q.raw.replace(/\.\d+$/, '')} before it in its goal; read as objective ${id}.${own}`);
        } else if (rel) this.say(oel, `objective ${q.raw} "${name}": its number is used by an objective before it; read as objective ${id}.${own}`);
        else this.say(oel, `objective "${name}": sequence indicator "${q.raw}" is not a number; numbered ${id}.${own} in document order`);
      }
      this.counts.objectives++;
      const o = this.item(oel, `${id}.${own}`, 'objective');
      objectives.push(o);
      if (rel) bySource.set(rel.join('.'), o);
    }
    if (objectives.length) goal.objectives = objectives;
    if (notes.length) goal.notes = notes.join('\n');
    return goal;
  }

  /** The fields every item has, from its element; `notes` collects what has no field. */
  private item(el: XmlElement, id: string, kind: 'goal' | 'objective' | 'subobjective', notes: string[] = []): ItemJson {
    const name = textOf(kid(el, 'Name'));
    const description = textOf(kid(el, 'Description'));
    const word = kind === 'subobjective' ? 'sub-objective' : kind;
    let title = name;
    if (!title) {
      title = description ? firstWords(description) : `${word[0].toUpperCase()}${word.slice(1)} ${id}`;
      this.say(el, `${word} ${id} has no name: titled "${title}"${description ? ' from its description' : ''}`);
    }
    const item: ItemJson = { id, title };
    if (description) item.description = description;
    if (kind !== 'goal') {
      const lead: string[] = [];
      const support: string[] = [];
      for (const s of kids(el, 'Stakeholder')) this.stakeholder(s, lead, support, notes);
      if (lead.length) item.lead = lead.length === 1 ? lead[0] : lead;
      if (support.length) item.support = support.length === 1 ? support[0] : support;
      this.otherInformation(el, item, notes);
      const ms = this.measures(el, id, notes);
      if (ms.length) item.measures = ms;
    } else this.otherInformation(el, item, notes);
    for (const c of el.children) {
      if (!KNOWN_CHILDREN.has(c.name)) {
        const t = allText(c);
        if (t) this.note(notes, c.name, t);
      }
    }
    if (kind !== 'goal' && notes.length) item.notes = notes.join('\n');
    return item;
  }

  /** A performer of an item: its lead or a support unit; any other stakeholder goes to the notes. */
  private stakeholder(s: XmlElement, lead: string[], support: string[], notes: string[]): void {
    const name = textOf(kid(s, 'Name'));
    if (!name || isPlaceholder(name)) {
      const t = stakeholderText(s);
      if (t && t !== name) this.note(notes, 'Stakeholder', t);
      return;
    }
    const roles = kids(s, 'Role');
    const desc = textOf(kid(s, 'Description'));
    const performer = roles.find((r) => textOf(kid(r, 'RoleType')) === 'Performer' || kids(r, 'RoleType').length === 0 && /^(lead|support)$/i.test(textOf(kid(r, 'Name'))));
    // Part 1 has no roles: our export says "Lead" or "Support" in the stakeholder's description.
    const part1Role = !roles.length && /^(lead|support)$/i.test(desc) ? desc : undefined;
    if (!performer && !part1Role) {
      this.note(notes, 'Stakeholder', stakeholderText(s));
      return;
    }
    const roleName = part1Role ?? textOf(kid(performer, 'Name'));
    const unit = this.unit(name, part1Role ? '' : desc, s.line);
    const isSupport = /support|partner|contribut/i.test(roleName) || (!/lead/i.test(roleName) && lead.length > 0);
    const list = isSupport ? support : lead;
    if (!list.includes(unit.id)) list.push(unit.id);
    const other = roles.filter((r) => r !== performer).map(roleText).filter(Boolean);
    if (other.length) this.note(notes, `Stakeholder ${name}`, other.join('; '));
  }

  /** OtherInformation: our labelled lines (Related, Milestone, ...) to their fields; the rest is narrative. */
  private otherInformation(el: XmlElement, item: ItemJson, notes: string[], measuresHolder = false): void {
    const text = textOf(kid(el, 'OtherInformation'));
    if (!text) return;
    const { fields, rest, notes: ownNotes } = parseLabelled(text);
    for (const [label, value] of fields) {
      if (label === LABELS.related || label === LABELS.aligns) {
        const key = label === LABELS.related ? 'related' : 'aligns';
        const entries = labelledList(value);
        if (entries.length) item[key] = [...(item[key] ?? []), ...entries];
      } else if (label === LABELS.milestone) {
        const m = parseMilestone(value);
        (item.milestones ??= []).push(m);
      } else this.note(notes, label, value);
    }
    if (rest && !measuresHolder) item.description = item.description ? `${item.description}\n\n${rest}` : rest;
    if (ownNotes) this.note(notes, '', ownNotes, true);
  }

  private measures(el: XmlElement, itemId: string, notes: string[]): MeasureJson[] {
    const out: MeasureJson[] = [];
    kids(el, 'PerformanceIndicator').forEach((pi, i) => {
      this.counts.measures++;
      const seqText = textOf(kid(pi, 'SequenceIndicator'));
      let id = MEASURE_ID.test(seqText) ? seqText : `PM-${itemId}.${i + 1}`;
      if (this.measureIds.has(id)) {
        let n = 2;
        while (this.measureIds.has(`${id}-${n}`)) n++;
        const was = id;
        id = `${id}-${n}`;
        if (MEASURE_ID.test(seqText)) this.say(pi, `indicator ${was} is used twice: the second is ${id}`);
      }
      this.measureIds.add(id);
      const dimension = textOf(kid(pi, 'MeasurementDimension'));
      const uom = textOf(kid(pi, 'UnitOfMeasurement'));
      const name = dimension || uom || `Indicator ${i + 1} of ${itemId}`;
      if (!dimension) this.say(pi, `indicator ${id} has no measurement dimension: named "${name}"`);
      const m: MeasureJson = { id, name };
      const qualitative = pi.attrs.PerformanceIndicatorType === 'Qualitative';
      if (uom && (dimension || qualitative)) m.unit = qualitative && !/^qualitative$/i.test(uom) ? 'qualitative' : uom;
      else if (qualitative) m.unit = 'qualitative';
      if (qualitative && uom && m.unit !== uom) this.note(notes, `Indicator ${id} unit of measurement`, uom);
      const stage = pi.attrs.ValueChainStage;
      if (stage === 'Outcome') m.kind = 'outcome';
      else if (stage === 'Output') m.kind = 'output';
      else if (stage) this.note(notes, `Indicator ${id} value chain stage`, stage.replace(/_/g, ' '));
      const targets: Record<string, number | string> = {};
      const results: Record<string, number | string> = {};
      for (const inst of kids(pi, 'MeasurementInstance')) {
        for (const r of inst.children) {
          if (r.name !== 'TargetResult' && r.name !== 'ActualResult') continue;
          const target = r.name === 'TargetResult';
          const word = target ? 'target' : 'result';
          const { value, extra } = resultValue(r);
          const year = fiscalYear(textOf(kid(r, 'EndDate'))) ?? fiscalYear(textOf(kid(r, 'StartDate')));
          const desc = textOf(kid(r, 'Description'));
          if (!target && desc === BASELINE && year !== undefined && value !== undefined && !m.baseline) {
            m.baseline = { year, value };
            continue;
          }
          const into = target ? targets : results;
          if (value !== undefined && year !== undefined && !(String(year) in into)) {
            into[String(year)] = value;
            const more = [extra, desc].filter(Boolean).join('; ');
            if (more) this.note(notes, `Indicator ${id} ${word} ${year}`, more);
          } else {
            const t = [value !== undefined ? String(value) : '', extra, desc].filter(Boolean).join('; ');
            if (t) this.note(notes, `Indicator ${id} ${word}${year !== undefined ? ` ${year}` : ' (no date)'}`, t);
          }
        }
      }
      if (!m.unit && [...Object.values(targets), ...Object.values(results)].some((v) => typeof v === 'string')) m.unit = 'qualitative';
      if (Object.keys(targets).length) m.targets = targets;
      if (Object.keys(results).length) m.results = results;
      const other = textOf(kid(pi, 'OtherInformation'));
      if (other) {
        const { fields, rest, notes: n } = parseLabelled(other);
        for (const [label, value] of fields) {
          if (label === LABELS.direction && /^(increase|decrease|maintain)$/.test(value)) m.direction = value;
          else if (label === LABELS.kind && !m.kind) m.kind = value;
          else if (label === LABELS.lead) {
            const ids = labelledList(value);
            m.lead = ids.length === 1 ? ids[0] : ids;
          } else if (label === LABELS.aligns) {
            const entries = labelledList(value);
            if (entries.length) m.aligns = [...(m.aligns ?? []), ...entries];
          } else if (label === LABELS.source) m.source = value;
          else if (label === LABELS.priority) m.priority = /^(yes|true)$/i.test(value);
          else this.note(notes, `Indicator ${id} ${label}`, value);
        }
        const t = [rest, n].filter(Boolean).join('\n');
        if (t) this.note(notes, `Indicator ${id}`, t);
      }
      for (const rel of kids(pi, 'Relationship')) {
        const t = [textOf(kid(rel, 'Name')), textOf(kid(rel, 'Description'))].filter(Boolean).join(': ');
        if (t) this.note(notes, `Indicator ${id} relationship${rel.attrs.RelationshipType ? ` (${rel.attrs.RelationshipType.replace(/_/g, ' ')})` : ''}`, t);
      }
      out.push(orderMeasure(m));
    });
    return out;
  }

  private administrative(admin: XmlElement | undefined, plan: PlanJson, notes: string[]): void {
    if (!admin) return;
    const start = textOf(kid(admin, 'StartDate'));
    const end = textOf(kid(admin, 'EndDate'));
    const s = periodYear(start, 'start');
    const e = periodYear(end, 'end');
    if (s !== undefined && e !== undefined && s <= e) plan.period = { start: s, end: e };
    else if (start || end) {
      this.note(notes, 'Dates', [start && `from ${start}`, end && `to ${end}`].filter(Boolean).join(' '));
      if (s !== undefined || e !== undefined) this.say(admin, `the plan's dates (${[start, end].filter(Boolean).join(' to ')}) do not make a period of fiscal years: kept in notes`);
    }
    this.note(notes, 'Publication date', textOf(kid(admin, 'PublicationDate')));
    this.note(notes, 'Source', textOf(kid(admin, 'Source')));
  }
}

/** Children of goals and objectives that the importer reads; others' text goes to the notes. */
const KNOWN_CHILDREN = new Set(['Name', 'Description', 'Identifier', 'SequenceIndicator', 'Stakeholder', 'OtherInformation', 'Objective', 'PerformanceIndicator']);

/** The ActualResult of a measure's baseline, in our export. */
export const BASELINE = 'Baseline';

function seq(el: XmlElement): Pending {
  const raw = textOf(kid(el, 'SequenceIndicator'));
  const m = /^[^\d]*?(\d+(?:\.\d+)*)\.?$/.exec(raw);
  return { raw, el, parts: m ? m[1].split('.').map(Number) : undefined };
}

/** The fiscal year of a date: year N runs from October 1 of N−1 to September 30 of N. */
export function fiscalYear(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return /^\d{4}$/.test(date) ? Number(date) : undefined;
  return Number(m[1]) + (Number(m[2]) >= 10 ? 1 : 0);
}

/** A plan's first or last year: calendar years when the dates are January 1 / December 31, else fiscal. */
function periodYear(date: string, which: 'start' | 'end'): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (m && ((which === 'start' && m[2] === '01' && m[3] === '01') || (which === 'end' && m[2] === '12' && m[3] === '31'))) return Number(m[1]);
  return fiscalYear(date);
}

function resultValue(r: XmlElement): { value: number | string | undefined; extra: string } {
  const n = textOf(kid(r, 'NumberOfUnits'));
  const d = kid(r, 'Descriptor');
  const dName = textOf(kid(d, 'DescriptorName'));
  const dValue = textOf(kid(d, 'DescriptorValue'));
  if (n && Number.isFinite(Number(n))) return { value: Number(n), extra: [dName, dValue].filter(Boolean).join(': ') };
  if (dValue) return { value: dValue, extra: dName && dName !== 'Value' ? `${dName}: ${dValue}` : '' };
  return { value: undefined, extra: [n, dName].filter(Boolean).join(' ') };
}

/** The format's order of a measure's fields (fields.ts). */
const MEASURE_ORDER = Object.keys(MEASURE_FIELDS) as (keyof MeasureJson)[];
function orderMeasure(m: MeasureJson): MeasureJson {
  const out: Record<string, unknown> = {};
  for (const k of MEASURE_ORDER) if (m[k] !== undefined) out[k] = m[k];
  return out as unknown as MeasureJson;
}

function parseMilestone(value: string): MilestoneJson {
  // "Title (due 2022-06-30, done)"
  const m = /^(.*?)\s*\(((?:due \d{4}-\d{2}-\d{2})?(?:, )?(?:done|not done)?)\)$/.exec(value);
  if (!m || !m[2]) return { title: value };
  const due = /due (\d{4}-\d{2}-\d{2})/.exec(m[2]);
  const done = /(^|, )done$/.test(m[2]) ? true : /not done$/.test(m[2]) ? false : undefined;
  return { title: m[1], ...(due && { due: due[1] }), ...(done !== undefined && { done }) };
}

/** A unit's description in our export may end with a "Kind: directorate" line. */
function parseUnitDescription(d: string): { description: string; kind?: string } {
  const m = new RegExp(`(?:^|\\n)${LABELS.kind}: (.+)$`).exec(d);
  if (!m) return { description: d };
  return { description: d.slice(0, m.index).trim(), kind: m[1].trim() };
}

function roleText(r: XmlElement): string {
  const name = textOf(kid(r, 'Name'));
  const type = textOf(kid(r, 'RoleType'));
  const desc = textOf(kid(r, 'Description'));
  if (isPlaceholder(name) && !desc) return '';
  return [name && !isPlaceholder(name) ? name + (type ? ` (${type})` : '') : type, desc].filter(Boolean).join(' — ');
}

function stakeholderText(s: XmlElement): string {
  const name = textOf(kid(s, 'Name'));
  const desc = textOf(kid(s, 'Description'));
  const roles = kids(s, 'Role').map(roleText).filter(Boolean);
  const type = s.attrs.StakeholderTypeType;
  return [name && !isPlaceholder(name) ? name + (type ? ` (${type.replace(/_/g, ' ')})` : '') : '', desc, ...roles.map((r) => `role ${r}`)].filter(Boolean).join('; ');
}

function contact(el: XmlElement): string {
  return ['GivenName', 'Surname', 'PhoneNumber', 'EmailAddress'].map((n) => textOf(kid(el, n))).filter(Boolean).join(' ');
}

/** All text under an element (an element the schema lacks), on one line; iterative, for any depth. */
function allText(el: XmlElement): string {
  const parts: string[] = [];
  const stack: XmlElement[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    const t = cleanText(e.text);
    if (t) parts.push(t);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
  }
  return parts.join('; ');
}

/** "[To be named]" and the like. */
function isPlaceholder(s: string): boolean {
  return !s || /^\[.*\]$/.test(s);
}

function initials(name: string): string {
  const words = name.match(/[A-Za-z][A-Za-z0-9]*/g) ?? [];
  const caps = words.filter((w) => /^[A-Z]/.test(w));
  const use = caps.length ? caps : words;
  let id = use.length === 1 ? use[0].slice(0, 12) : use.map((w) => w[0].toUpperCase()).join('');
  if (!UNIT_ID.test(id)) id = 'Unit';
  return id;
}

function firstWords(s: string): string {
  const line = s.split('\n')[0];
  const words = line.split(/\s+/);
  return words.length <= 10 ? line : words.slice(0, 10).join(' ') + ' ...';
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function abbreviate(xs: (string | number)[]): string {
  return xs.length <= 8 ? xs.join(', ') : `${xs.slice(0, 8).join(', ')} and ${xs.length - 8} more`;
}
