// How the plan's fields that StratML has no element for travel in StratML, shared by the
// exporter (which writes them) and the importer (which reads them back). Documented in
// docs/plan-format.md ("StratML"): labelled lines in `OtherInformation`, a unit's id in its
// stakeholder name, sub-objectives as objectives numbered <objective>.<n>, a goal's own measures
// in an objective numbered <goal>.0.

/** The labels of the lines of `OtherInformation` that carry a field. */
export const LABELS = {
  related: 'Related',
  aligns: 'Aligns',
  milestone: 'Milestone',
  direction: 'Direction',
  kind: 'Kind',
  lead: 'Lead',
  source: 'Source',
  priority: 'Priority',
  /** A line `Notes:` alone: the rest of the text is the item's notes. */
  notes: 'Notes',
} as const;

const FIELD_LINE = new RegExp(`^(${[LABELS.related, LABELS.aligns, LABELS.milestone, LABELS.direction, LABELS.kind, LABELS.lead, LABELS.source, LABELS.priority].join('|')}): (.+)$`);

/** Splits an OtherInformation text into its labelled lines, the narrative, and the notes after a `Notes:` line. */
export function parseLabelled(text: string): { fields: [string, string][]; rest: string; notes: string } {
  const fields: [string, string][] = [];
  const rest: string[] = [];
  const lines = text.split('\n');
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() === `${LABELS.notes}:`) break;
    const m = FIELD_LINE.exec(l.trim());
    if (m) fields.push([m[1], m[2].trim()]);
    else rest.push(l);
  }
  return { fields, rest: rest.join('\n').replace(/\n{3,}/g, '\n\n').trim(), notes: lines.slice(i + 1).join('\n').trim() };
}

/** The entries of a labelled line that lists several (`Related: 2.2, 3.1.1`, `Aligns: DHS 1; DHS 2.3`). */
export function labelledList(value: string): string[] {
  return value.split(/[,;]\s*/).map((s) => s.trim()).filter(Boolean);
}

const LABEL = /^(.*\S)\s+\(([A-Za-z][A-Za-z0-9&._-]*)\)$/s;

/** "Enforcement and Removal Operations (ERO)" → name and id; a name without one is all name. */
export function unitLabel(raw: string): { name: string; id?: string } {
  const m = LABEL.exec(raw.trim());
  return m ? { name: m[1], id: m[2] } : { name: raw.trim() };
}

/** What export writes as a unit's stakeholder name. */
export function unitName(name: string, id: string): string {
  return `${name} (${id})`;
}
