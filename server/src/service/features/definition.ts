// Go to definition: from a `related` entry to the item it names, from a `lead`/`support` entry
// to the unit it names (in this plan first, else in the other plans of the workspace), from an
// entry naming a measure to the measure's id.
//
// One mechanism for every reference kind (fields.ts's RefKind): `namedAt` says what a place of
// the plan names (its definition or an entry naming it), `definitionsOf` where that is defined;
// references.ts's `referencesOf` lists the entries naming it. Definition, references, highlights
// and rename all go through them.
import type { Location, Position } from 'vscode-languageserver-types';
import type { PlanDocument, PlanWorkspace } from '../documents';
import type { RefKind } from '../fields';
import { targetAt, type Target } from '../locate';
import type { Measure, PlanItem, PlanModel, Unit } from '../model';
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

/** The measures of the plan with the id `id` (more than one if duplicated), in document order. */
export function measureDefinitions(doc: PlanDocument, id: string): Measure[] {
  return measuresById(doc.model).get(id) ?? [];
}

const MEASURES_BY_ID = new WeakMap<PlanModel, ReadonlyMap<string, Measure[]>>();

/** The plan's measures by id, read once per model (a model is one version of a text). */
export function measuresById(model: PlanModel): ReadonlyMap<string, Measure[]> {
  let map = MEASURES_BY_ID.get(model);
  if (!map) {
    const m = new Map<string, Measure[]>();
    for (const item of model.items) {
      if (!item.measures) continue;
      for (const measure of item.measures) {
        if (!measure.id) continue;
        const list = m.get(measure.id.text);
        if (list) list.push(measure);
        else m.set(measure.id.text, [measure]);
      }
    }
    MEASURES_BY_ID.set(model, (map = m));
  }
  return map;
}

/** What a place of the plan names: a kind of thing and its id, written at its definition or in an entry naming it. */
export interface Named {
  kind: RefKind;
  id: string;
  /** The place is the definition itself (an item's number, a unit's or a measure's id). */
  declaration: boolean;
}

export function namedAt(target: Target | undefined): Named | undefined {
  switch (target?.kind) {
    case 'item-id':
      return { kind: 'item', id: target.item.id!.text, declaration: true };
    case 'unit-id':
      return { kind: 'unit', id: target.unit.id!.text, declaration: true };
    case 'measure-id':
      return { kind: 'measure', id: target.measure.id!.text, declaration: true };
    case 'item-ref':
      return { kind: 'item', id: target.ref.target.text, declaration: false };
    case 'unit-ref':
      return { kind: 'unit', id: target.ref.target.text, declaration: false };
    case 'measure-ref':
      return { kind: 'measure', id: target.ref.target.text, declaration: false };
    default:
      return undefined;
  }
}

/** A place in a plan of the workspace. */
export interface Place {
  doc: PlanDocument;
  span: Span;
}

/**
 * Where what `doc` calls `id` is defined: the ids of the items, units or measures it means
 * (items and measures: those of the plan; units: by `unitDefinitions`' rule).
 */
export function definitionsOf(ws: PlanWorkspace, doc: PlanDocument, kind: RefKind, id: string): Place[] {
  switch (kind) {
    case 'item':
      return itemDefinitions(doc, id).flatMap((item) => (item.id ? [{ doc, span: item.id.span }] : []));
    case 'measure':
      return measureDefinitions(doc, id).map((m) => ({ doc, span: m.id!.span }));
    case 'unit':
      return unitDefinitions(ws, doc, id).flatMap((d) => {
        const where = d.uri === doc.uri ? doc : ws.get(d.uri);
        return where && d.unit.id ? [{ doc: where, span: d.unit.id.span }] : [];
      });
  }
}

export function provideDefinition(ws: PlanWorkspace, doc: PlanDocument, position: Position): Location[] {
  const target = targetAt(doc.model, doc.lines.offsetAt(position));
  const named = namedAt(target);
  if (!target || !named) return [];
  // On a definition, the definition is where the cursor is.
  if (named.declaration) return [location(doc, target.span)];
  return definitionsOf(ws, doc, named.kind, named.id).map((p) => location(p.doc, p.span));
}

function location(doc: PlanDocument, span: Span): Location {
  return { uri: doc.uri, range: doc.lines.range(span) };
}
