import * as assert from 'assert';
import { CHILDREN_KEY, ITEM_FIELDS, MEASURE_FIELDS, MILESTONE_FIELDS, REF_FIELDS, type FieldSpec, type RefKind } from './fields';
import { CHILD_KIND, type ItemKind } from './model';
import { PLAN_SCHEMA } from './schema';

/** The schema definition each reference kind's field uses. */
const REF_DEFS: Record<RefKind, string> = { unit: '#/$defs/unitRefs', item: '#/$defs/itemRefs', measure: '#/$defs/measureRefs', alignment: '#/$defs/alignRefs' };

/** Where the field table (fields.ts) and the schema disagree, in words; empty when they agree. */
function drift(schema: Record<string, any>): string[] {
  const out: string[] = [];
  const tables: [string, Readonly<Record<string, FieldSpec>>][] = [
    ...(Object.keys(ITEM_FIELDS) as ItemKind[]).map((k): [string, Readonly<Record<string, FieldSpec>>] => [k, ITEM_FIELDS[k]]),
    ['measure', MEASURE_FIELDS],
    ['milestone', MILESTONE_FIELDS],
  ];
  for (const [def, table] of tables) {
    const props: Record<string, any> = schema.$defs?.[def]?.properties ?? {};
    for (const key of Object.keys(props)) if (!(key in table)) out.push(`${def}.${key} is in the schema, not in the table`);
    for (const [key, spec] of Object.entries(table)) {
      const prop = props[key];
      if (!prop) {
        out.push(`${def}.${key} is in the table, not in the schema`);
        continue;
      }
      const isRef = Object.values(REF_DEFS).includes(prop.$ref);
      const items = prop.items?.$ref;
      if (spec.role === 'ref' && prop.$ref !== REF_DEFS[spec.refers!]) out.push(`${def}.${key} refers to ${spec.refers} in the table; the schema has ${prop.$ref ?? 'no reference definition'}`);
      if (spec.role !== 'ref' && isRef) out.push(`${def}.${key} is a reference in the schema (${prop.$ref}), not in the table`);
      if (spec.role === 'children' && items !== `#/$defs/${CHILD_KIND[def as ItemKind]}`) out.push(`${def}.${key} holds ${CHILD_KIND[def as ItemKind]}s in the table; the schema's items are ${items}`);
      if (spec.role === 'measures' && items !== '#/$defs/measure') out.push(`${def}.${key} holds measures in the table; the schema's items are ${items}`);
      if (spec.role === 'milestones' && items !== '#/$defs/milestone') out.push(`${def}.${key} holds milestones in the table; the schema's items are ${items}`);
      if (spec.role === 'id' && prop.$ref !== (def === 'measure' ? '#/$defs/measureId' : '#/$defs/itemId')) out.push(`${def}.${key} is an id in the table; the schema has ${prop.$ref}`);
      if (spec.role === 'years' && prop.$ref !== '#/$defs/yearValues') out.push(`${def}.${key} holds years in the table; the schema has ${prop.$ref}`);
      if (spec.role === 'flag' && prop.type !== 'boolean') out.push(`${def}.${key} is true or false in the table; the schema has ${prop.type}`);
      if (spec.role === 'text' && prop.type !== 'string' && !Array.isArray(prop.enum)) out.push(`${def}.${key} is text in the table; the schema has ${prop.type}`);
      if ((spec.role === 'title' || spec.role === 'description' || spec.role === 'date') && prop.type !== 'string') out.push(`${def}.${key} is text in the table; the schema has ${prop.type}`);
    }
  }
  return out;
}

describe('the field table', () => {
  it('lists exactly the fields the schema gives goals, objectives, sub-objectives, measures and milestones, with the same reference kinds', () => {
    assert.deepStrictEqual(drift(PLAN_SCHEMA), []);
  });

  it('reports a field added to the schema and not to the table, and a reference kind changed in one of them', () => {
    const schema = structuredClone(PLAN_SCHEMA);
    schema.$defs.objective.properties.owner = { $ref: '#/$defs/unitRefs', description: 'x' };
    schema.$defs.subobjective.properties.related = { $ref: '#/$defs/unitRefs', description: 'x' };
    delete schema.$defs.goal.properties.description;
    schema.$defs.measure.properties.target = { type: 'number', description: 'x' };
    schema.$defs.milestone.properties.done = { type: 'string', description: 'x' };
    assert.deepStrictEqual(drift(schema), [
      'goal.description is in the table, not in the schema',
      'objective.owner is in the schema, not in the table',
      'subobjective.related refers to item in the table; the schema has #/$defs/unitRefs',
      'measure.target is in the schema, not in the table',
      'milestone.done is true or false in the table; the schema has string',
    ]);
  });

  it('derives what each reference field names and each kind\'s children key from the table', () => {
    assert.deepStrictEqual(REF_FIELDS, { lead: 'unit', support: 'unit', related: 'item', aligns: 'alignment' });
    assert.deepStrictEqual(CHILDREN_KEY, { goal: 'objectives', objective: 'subobjectives', subobjective: undefined });
  });
});
