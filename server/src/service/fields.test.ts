import * as assert from 'assert';
import { CHILDREN_KEY, ITEM_FIELDS, REF_FIELDS, type RefKind } from './fields';
import { CHILD_KIND, type ItemKind } from './model';
import { PLAN_SCHEMA } from './schema';

/** The schema definition each reference kind's field uses. */
const REF_DEFS: Record<RefKind, string> = { unit: '#/$defs/unitRefs', item: '#/$defs/itemRefs', measure: '#/$defs/measureRefs' };

/** Where the field table (fields.ts) and the schema disagree, in words; empty when they agree. */
function drift(schema: Record<string, any>): string[] {
  const out: string[] = [];
  for (const kind of Object.keys(ITEM_FIELDS) as ItemKind[]) {
    const props: Record<string, any> = schema.$defs?.[kind]?.properties ?? {};
    const table = ITEM_FIELDS[kind];
    for (const key of Object.keys(props)) if (!(key in table)) out.push(`${kind}.${key} is in the schema, not in the table`);
    for (const [key, spec] of Object.entries(table)) {
      const prop = props[key];
      if (!prop) {
        out.push(`${kind}.${key} is in the table, not in the schema`);
        continue;
      }
      const isRef = Object.values(REF_DEFS).includes(prop.$ref);
      if (spec.role === 'ref' && prop.$ref !== REF_DEFS[spec.refers!]) out.push(`${kind}.${key} refers to ${spec.refers} in the table; the schema has ${prop.$ref ?? 'no reference definition'}`);
      if (spec.role !== 'ref' && isRef) out.push(`${kind}.${key} is a reference in the schema (${prop.$ref}), not in the table`);
      if (spec.role === 'children' && prop.items?.$ref !== `#/$defs/${CHILD_KIND[kind]}`) out.push(`${kind}.${key} holds ${CHILD_KIND[kind]}s in the table; the schema's items are ${prop.items?.$ref}`);
      if (spec.role === 'id' && prop.$ref !== '#/$defs/itemId') out.push(`${kind}.${key} is the item's number in the table; the schema has ${prop.$ref}`);
      if ((spec.role === 'title' || spec.role === 'description') && prop.type !== 'string') out.push(`${kind}.${key} is text in the table; the schema has ${prop.type}`);
    }
  }
  return out;
}

describe('the field table', () => {
  it('lists exactly the fields the schema gives goals, objectives and sub-objectives, with the same reference kinds', () => {
    assert.deepStrictEqual(drift(PLAN_SCHEMA), []);
  });

  it('reports a field added to the schema and not to the table, and a reference kind changed in one of them', () => {
    const schema = structuredClone(PLAN_SCHEMA);
    schema.$defs.objective.properties.owner = { $ref: '#/$defs/unitRefs', description: 'x' };
    schema.$defs.subobjective.properties.related = { $ref: '#/$defs/unitRefs', description: 'x' };
    delete schema.$defs.goal.properties.description;
    assert.deepStrictEqual(drift(schema), [
      'goal.description is in the table, not in the schema',
      'objective.owner is in the schema, not in the table',
      'subobjective.related refers to item in the table; the schema has #/$defs/unitRefs',
    ]);
  });

  it('derives what each reference field names and each kind\'s children key from the table', () => {
    assert.deepStrictEqual(REF_FIELDS, { lead: 'unit', support: 'unit', related: 'item' });
    assert.deepStrictEqual(CHILDREN_KEY, { goal: 'objectives', objective: 'subobjectives', subobjective: undefined });
  });
});
