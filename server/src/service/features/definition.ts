// Go to definition: from a `related` entry to the item it names, from a `lead`/`support` entry
// to the unit it names (in this plan first, else in the other plans of the workspace).
import type { Location, Position } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import { targetAt } from '../locate';
import { alignmentDefinition } from './alignment';
import type { PlanItem, Unit } from '../model';
import type { Span } from '../text';

/** A unit definition and the plan it is written in. */
export interface UnitDefinition {
  uri: string;
  unit: Unit;
}

/**
 * The definitions a `lead`/`support` entry of `doc` naming `id` resolves to: the plan's own
 * units with that id when it has any, otherwise every unit with that id in the workspace.
 */
export function unitDefinitions(ws: PlanWorkspace, doc: PlanDocument, id: string): UnitDefinition[] {
  const local = doc.model.unitsById.get(id);
  if (local?.length) return local.map((unit) => ({ uri: doc.uri, unit }));
  return (ws.units().get(id) ?? []).filter((d) => d.uri !== doc.uri);
}

/** The goals, objectives and sub-objectives of the plan numbered `id` (more than one if duplicated). */
export function itemDefinitions(doc: PlanDocument, id: string): PlanItem[] {
  return doc.model.itemsById.get(id) ?? [];
}

export function provideDefinition(ws: PlanWorkspace, doc: PlanDocument, position: Position): Location[] {
  const target = targetAt(doc.model, doc.lines.offsetAt(position));
  if (!target) return [];
  switch (target.kind) {
    case 'item-id':
    case 'unit-id':
      return [location(doc, target.span)];
    case 'item-ref':
      return itemDefinitions(doc, target.ref.target.text).flatMap((item) => (item.id ? [location(doc, item.id.span)] : []));
    case 'unit-ref':
      return unitDefinitions(ws, doc, target.ref.target.text).flatMap((d) => {
        const where = d.uri === doc.uri ? doc : ws.get(d.uri);
        return where && d.unit.id ? [location(where, d.unit.id.span)] : [];
      });
    case 'alignment-ref':
      return alignmentDefinition(ws, doc, target.ref);
    default:
      return [];
  }
}

function location(doc: PlanDocument, span: Span): Location {
  return { uri: doc.uri, range: doc.lines.range(span) };
}
