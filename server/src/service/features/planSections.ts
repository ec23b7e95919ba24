// The Plan view's first rows, above the goals: the plan's mission, vision, values and units, in
// the order the plan writes them, each value and unit under its section. The same sections as the
// Outline shows (sectionSymbol), in the plan writer's words.
import type { Range } from 'vscode-languageserver-types';
import type { PlanDocument } from '../documents';
import { sectionSymbol } from './documentSymbols';

export type PlanSectionKey = 'mission' | 'vision' | 'values' | 'units' | 'value' | 'unit';

export interface PlanSectionNode {
  key: PlanSectionKey;
  /** "Mission", "Values", "Integrity", "OD Office of the Director". */
  label: string;
  /** The text in full on one line (the mission), "5 values", a unit's kind; '' when none. */
  title: string;
  range: Range;
  /** Where to put the cursor: the key, the value's name, the unit's id. */
  selectionRange: Range;
  children: PlanSectionNode[];
}

const LABEL: Record<string, string> = { mission: 'Mission', vision: 'Vision', values: 'Values', units: 'Units' };

export function providePlanSections(doc: PlanDocument): PlanSectionNode[] {
  const out: PlanSectionNode[] = [];
  for (const section of doc.model.sections) {
    if (!(section.key in LABEL)) continue;
    const s = sectionSymbol(doc, section);
    if (!s) continue;
    const child: PlanSectionKey = section.key === 'values' ? 'value' : 'unit';
    out.push({
      key: section.key as PlanSectionKey,
      label: LABEL[section.key],
      title: s.detail ?? '',
      range: s.range,
      selectionRange: s.selectionRange,
      children: (s.children ?? []).map((c) => ({ key: child, label: c.name, title: c.detail === 'Value' || c.detail === 'Unit' ? '' : (c.detail ?? ''), range: c.range, selectionRange: c.selectionRange, children: [] })),
    });
  }
  return out;
}
