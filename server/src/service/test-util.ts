// Helpers for the service's unit tests: real plans in, models out, positions by marker.
import * as fs from 'fs';
import * as path from 'path';
import type { Position } from 'vscode-languageserver-types';
import { parentUri } from './alignment';
import { PlanWorkspace, type PlanDocument } from './documents';

export const ROOT = path.resolve(__dirname, '../../../..');
export const ICE_PATH = path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml');
export const ICE_URI = 'file:///work/samples/ice-strategic-plan-2021-2025.plan.yaml';
export const ICE = fs.readFileSync(ICE_PATH, 'utf8');
export const ERRORS = fs.readFileSync(path.join(ROOT, 'samples/with-errors.plan.yaml'), 'utf8');
export const MEASURES = fs.readFileSync(path.join(ROOT, 'samples/measures-example.plan.yaml'), 'utf8');
export const MEASURE_ERRORS = fs.readFileSync(path.join(ROOT, 'samples/measures-with-errors.plan.yaml'), 'utf8');

/**
 * The samples a plan's `parents:` names, as `{ uri, text }` at the URIs its paths resolve to
 * from `uri`: the samples folder stands for the folder the plan sits in. The ICE sample aligns
 * to the DHS sample (`parents: { DHS: dhs-strategic-plan-2020-2024.plan.yaml }`); tests that
 * check ICE (or a mistake made in it) put DHS beside it, as it sits on disk.
 */
export function parentSamples(uri: string, text: string): { uri: string; text: string }[] {
  const out: { uri: string; text: string }[] = [];
  const doc = new PlanWorkspace().update(uri, text, 1);
  for (const link of doc.model.parents ?? []) {
    const target = link.path && parentUri(uri, link.path.text);
    if (!target || target === uri) continue;
    const file = path.join(ROOT, 'samples', path.basename(decodeURIComponent(target)));
    if (fs.existsSync(file)) out.push({ uri: target, text: fs.readFileSync(file, 'utf8') });
  }
  return out;
}

/** Loads one or more plans into a fresh workspace, with the samples its `parents:` names (parentSamples). */
export function load(text: string, uri = 'file:///work/test.plan.yaml', ws = new PlanWorkspace()): { ws: PlanWorkspace; doc: PlanDocument } {
  for (const p of parentSamples(uri, text)) if (!ws.get(p.uri)) ws.update(p.uri, p.text, 1);
  return { ws, doc: ws.update(uri, text, 1) };
}

/** Lines joined with \n: lets a test write its fixture line by line. */
export function lines(...ls: string[]): string {
  return ls.join('\n') + '\n';
}

/** Offset of the `nth` occurrence of `needle` in `text`, plus `delta`. Throws when absent. */
export function offsetOf(text: string, needle: string, delta = 0, nth = 1): number {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`fixture has no ${nth}th occurrence of ${JSON.stringify(needle)}`);
  }
  return i + delta;
}

/** LSP position of the `nth` occurrence of `needle`, plus `delta` characters. */
export function positionOf(doc: PlanDocument, needle: string, delta = 0, nth = 1): Position {
  return doc.lines.positionAt(offsetOf(doc.text, needle, delta, nth));
}

/** The text a range covers. */
export function textAt(doc: PlanDocument, range: { start: Position; end: Position }): string {
  return doc.text.slice(doc.lines.offsetAt(range.start), doc.lines.offsetAt(range.end));
}

/**
 * A small plan with accents and emoji (UTF-16 positions differ from code points), lines joined
 * with `eol`. `leadOn11` gives objective 1.1 a `lead: OPS` line (the 1.2 line moves down by one).
 */
export function coastPlan(eol: string, leadOn11 = false): string {
  return [
    'planwright: 1',
    'title: Plan de la Côte 🌊',
    'units:',
    '  - id: OPS',
    '    name: Opérations portuaires 🚢',
    'goals:',
    '  - id: "1"',
    '    title: Fluidité du fret',
    '    objectives:',
    '      - id: "1.1"',
    '        title: Réduire l’attente à quai',
    ...(leadOn11 ? ['        lead: OPS'] : []),
    '      - { id: "1.2", title: Grues 🏗️, related: ["1.1"], lead: OPS }',
    '',
  ].join(eol);
}

/**
 * A plan that uses ICE's units (ERO, OPR) without defining them, and one unit no plan defines
 * (XYZ): for features that resolve units across plans.
 */
export const DETENTION = lines(
  'planwright: 1',
  'title: Detention Standards Plan',
  'goals:',
  '  - id: "1"',
  '    title: Safe Custody',
  '    objectives:',
  '      - id: "1.1"',
  '        title: Inspect Facilities',
  '        lead: ERO',
  '        support: [OPR, XYZ]',
);

/**
 * Objectives that share a base through a merge key (`<<: *base`, naming a unit and a `related`
 * list) and a `related: *rel` alias: each entry is written once and read by three objectives.
 */
export const MERGED = lines(
  'planwright: 1',
  'title: Merged Plan',
  'units:',
  '  - id: OPERATIONS',
  '    name: Port Operations',
  'goals:',
  '  - id: "1"',
  '    title: Keep Cargo Moving',
  '    objectives:',
  '      - &base',
  '        id: "1.1"',
  '        title: Shorten Waits',
  '        lead: OPERATIONS',
  '        related: &rel ["2.3"]',
  '      - <<: *base',
  '        id: "1.2"',
  '        title: Modernize Cranes',
  '      - <<: *base',
  '        id: "1.3"',
  '        title: Train Crews',
  '        related: *rel',
  '  - id: "2"',
  '    title: Secure the Waterfront',
  '    objectives:',
  '      - id: "2.1"',
  '        title: Screen Containers',
  '      - id: "2.3"',
  '        title: Patrol the Channel',
);

export const DHS_PATH = path.join(ROOT, 'samples/dhs-strategic-plan-2020-2024.plan.yaml');
export const DHS_URI = 'file:///work/samples/dhs-strategic-plan-2020-2024.plan.yaml';
export const DHS = fs.readFileSync(DHS_PATH, 'utf8');

/** A department's plan with objectives (acronym DHS), for alignment tests that need numbers 2.1 to 2.3. */
export const DEPT = lines(
  'planwright: 1',
  'title: Department Plan 2020-2024',
  'organization: { name: Department, acronym: DHS }',
  'units:',
  '  - { id: PLCY, name: "Office of Strategy, Policy, and Plans" }',
  'goals:',
  '  - id: "1"',
  '    title: Counter Threats',
  '    objectives:',
  '      - { id: "1.1", title: Share Intelligence, lead: PLCY }',
  '  - id: "2"',
  '    title: Secure Borders',
  '    objectives:',
  '      - { id: "2.1", title: Manage Borders }',
  '      - { id: "2.2", title: Extend the Reach }',
  '      - { id: "2.3", title: Enforce Immigration Laws }',
);

/** A component's plan (acronym CMP) aligned to DEPT. */
export function componentPlan(...aligns: string[]): string {
  return lines(
    'planwright: 1',
    'title: Component Plan',
    'organization: { name: Component, acronym: CMP }',
    'goals:',
    '  - id: "1"',
    '    title: Enforce',
    `    aligns: [${aligns.join(', ')}]`,
  );
}
