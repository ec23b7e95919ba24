import * as assert from 'assert';
import { parseFull, PlanParser } from './parse';
import { lines } from './test-util';

function schemaErrors(text: string) {
  return parseFull(text)
    .diagnostics.filter((d) => d.code === 'schema')
    .map((d) => ({ at: text.slice(d.span.start, d.span.end), message: d.message }));
}

describe('schema check', () => {
  it('names a missing title by the item that lacks it, on the first line of its mapping', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "2"', '    title: A', '    objectives:', '      - id: "2.1"', '        description: no title here');
    assert.deepStrictEqual(schemaErrors(t).map((e) => e.at), ['id: "2.1"']);
    assert.strictEqual(schemaErrors(t)[0].message, 'Objective 2.1 has no `title`. Add `title:` with a title.');
  });

  it('leaves a trailing comment out of the first line it marks, but not a # inside quotes', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"   # the first goal', '  - id: "2 #b"  # second');
    assert.deepStrictEqual(schemaErrors(t).map((e) => e.at), ['id: "1"', 'id: "2 #b"']);
  });

  it('suggests the intended key for a misspelt one, on the key', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    titel: B');
    const e = schemaErrors(t);
    assert.deepStrictEqual(e.map((x) => x.at), ['titel']);
    assert.strictEqual(e[0].message, '`titel` is not a field of a goal. Did you mean `title`?');
  });

  describe('a misspelt key of a missing required field: one problem, at the key', () => {
    /** Schema diagnostics of a full parse, checked equal to those of the block-wise parser. */
    const both = (text: string) => {
      const full = schemaErrors(text);
      const blocks = new PlanParser().parse(text).diagnostics.filter((d) => d.code === 'schema').map((d) => ({ at: text.slice(d.span.start, d.span.end), message: d.message }));
      assert.deepStrictEqual(blocks, full);
      return full;
    };

    it('reports `ib` for the missing `id` of an objective once, on `ib`, with the rename to `id`', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', '      - ib: "1.2"', '        title: C');
      const model = parseFull(t);
      assert.deepStrictEqual(model.diagnostics.map((d) => ({ code: d.code, at: t.slice(d.span.start, d.span.end), message: d.message, data: d.data })), [
        { code: 'schema', at: 'ib', message: '`ib` is not a field of an objective; did you mean `id`? (the objective has no `id`)', data: { replaceKey: 'ib', with: 'id' } },
      ]);
      assert.deepStrictEqual(model.diagnostics[0].span, { start: t.indexOf('ib:'), end: t.indexOf('ib:') + 2 });
      both(t);
    });

    it('reports `titel` for the missing `title` of a goal once, on `titel`', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    titel: A');
      assert.deepStrictEqual(both(t), [{ at: 'titel', message: '`titel` is not a field of a goal; did you mean `title`? (the goal has no `title`)' }]);
    });

    it('reports `titel` for the plan\'s missing `title` once, on `titel`, read whole or block by block', () => {
      const t = lines('planwright: 1', 'titel: T', 'goals:', '  - id: "1"', '    title: A');
      assert.deepStrictEqual(both(t), [{ at: 'titel', message: '`titel` is not a field of the plan; did you mean `title`? (the plan has no `title`)' }]);
    });

    it('reports a unit\'s `ib` once, on `ib`, in a flow mapping too', () => {
      const t = lines('planwright: 1', 'title: T', 'units:', '  - { ib: OPS, name: Operations }', '  - id: ENG', '    nmae: Engineering', 'goals:', '  - id: "1"', '    title: A');
      assert.deepStrictEqual(both(t), [
        { at: 'ib', message: '`ib` is not a field of a unit; did you mean `id`? (the unit has no `id`)' },
        { at: 'nmae', message: '`nmae` is not a field of a unit; did you mean `name`? (the unit has no `name`)' },
      ]);
    });

    it('reports a required field whose colon was left out in braces once, on the key, with the field it should be', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title Publish Results Within a Day }');
      const model = parseFull(t);
      assert.deepStrictEqual(model.diagnostics.map((d) => ({ at: t.slice(d.span.start, d.span.end), message: d.message, data: d.data })), [{
        at: 'title Publish Results Within a Day',
        message: 'The colon after `title` is missing: write `title: Publish Results Within a Day`. (As written, the objective has no `title`.)',
        data: { colonAfter: 'title' },
      }]);
      both(t);
    });

    it('keeps two problems when the unknown key does not resemble the missing field', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    heading: A');
      assert.deepStrictEqual(both(t).map((e) => e.message), [
        'Goal 1 has no `title`. Add `title:` with a title.',
        '`heading` is not a field of a goal. The fields of a goal are: id, title, description, aligns, measures, milestones, notes, objectives.',
      ]);
    });

    it('folds one misspelling per missing field: a second one is reported as an unknown key', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    titel: A', '    tittle: B');
      assert.deepStrictEqual(both(t).map((e) => `${e.at}: ${e.message}`), [
        'titel: `titel` is not a field of a goal; did you mean `title`? (the goal has no `title`)',
        'tittle: `tittle` is not a field of a goal. Did you mean `title`?',
      ]);
    });
  });

  describe('a YAML error that explains a missing field: the YAML error alone', () => {
    const problems = (text: string) => {
      const full = parseFull(text).diagnostics.map((d) => `${d.code} ${lineOf(text, d.span.start)}`);
      assert.deepStrictEqual(new PlanParser().parse(text).diagnostics.map((d) => `${d.code} ${lineOf(text, d.span.start)}`), full);
      return full;
    };
    const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;
    const plan = (...item: string[]) => lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '        title: B', ...item, '      - id: "1.3"', '        title: D');

    it('a title moved out to the column of its `-` is not also reported missing', () => {
      const t = plan('      - id: "1.2"', '      title: C');
      const p = problems(t);
      // The YAML errors that follow from it are parse.ts's to fold; none is a schema problem.
      assert.ok(p.includes('yaml-syntax 10') && p.every((x) => x.startsWith('yaml-syntax')), p.join(', '));
    });

    it('a title after a tab is not also reported missing', () => {
      const t = plan('      - id: "1.2"', '\ttitle: C');
      const p = problems(t);
      // The YAML errors that follow from it are parse.ts's to fold; none is a schema problem.
      assert.ok(p.includes('yaml-syntax 10') && p.every((x) => x.startsWith('yaml-syntax')), p.join(', '));
    });

    it('a title without its colon (block style) is not also reported missing', () => {
      const t = plan('      - id: "1.2"', '        title C');
      const p = problems(t);
      // The YAML errors that follow from it are parse.ts's to fold; none is a schema problem.
      assert.ok(p.includes('yaml-syntax 10') && p.every((x) => x.startsWith('yaml-syntax')), p.join(', '));
    });

    it('a title moved into the next item (its title then written twice) is not also reported missing from its own', () => {
      const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - id: "1.1"', '      - id: "1.2"', '        title: B', '        title: C');
      assert.deepStrictEqual(problems(t), ['yaml-syntax 10']);
    });

    it('a missing field of the plan itself is reported whatever YAML error a goal has (read whole or block by block alike)', () => {
      const t = lines('planwright: 1', 'goals:', '  - id: "1"', '    title: A', '    title: B');
      assert.deepStrictEqual(problems(t), ['schema 1', 'yaml-syntax 5']);
    });

    it('a missing title is still reported when the YAML error is elsewhere', () => {
      const t = plan('      - id: "1.2"', '        description: C', '      - id: "1.25"', '\ttitle: C');
      assert.ok(problems(t).includes('schema 9'), problems(t).join(', '));
    });
  });

  it('checks a key written twice at its last value, the one the plan keeps, next to its YAML error', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', 'title:', '  - a');
    const d = parseFull(t).diagnostics.map((x) => [x.code, t.slice(x.span.start, x.span.end), x.message.split('.')[0]]);
    assert.deepStrictEqual(d, [
      ['yaml-syntax', 't', 'This field appears twice in the same place; keep one of them'],
      ['schema', '- a\n', '`title` of the plan should be text, not a list'],
    ]);
  });

  it('lists the allowed fields when an unknown key is not near any of them', () => {
    const t = lines('planwright: 1', 'title: T', 'owner: me', 'goals:', '  - { id: "1", title: A }');
    const e = schemaErrors(t);
    assert.deepStrictEqual(e.map((x) => x.at), ['owner']);
    assert.match(e[0].message, /^`owner` is not a field of the plan\. The fields of the plan are: planwright, title, organization/);
  });

  it('explains wrong types in plain words, on the value', () => {
    const t = lines('planwright: 1', 'title: T', 'period: { start: 2021, end: soon }', 'goals:', '  - id: "1"', '    title: [a, b]', '    objectives:', '      - { id: "1.1", title: O, lead: { a: 1 } }');
    assert.deepStrictEqual(schemaErrors(t), [
      { at: 'soon', message: '`end` of `period` should be a whole number, not text.' },
      { at: '[a, b]', message: '`title` of goal 1 should be text, not a list.' },
      { at: '{ a: 1 }', message: '`lead` of objective 1.1 should be a unit id or a list of unit ids, not a group of fields.' },
    ]);
  });

  it('reports a wrong entry inside a list of references, not the whole list', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - { id: "1.1", title: O, support: [OPS, [x]] }');
    assert.deepStrictEqual(schemaErrors(t).map((e) => e.at), ['[x]']);
  });

  it('names a wrong entry of a list of links by its place in the list and its field, not as the item it is in', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    aligns: [DHS 1, [], 5]', '    objectives:', '      - { id: "1.1", title: O, related: [{ a: 1 }], support: [OPS, [x]] }');
    assert.deepStrictEqual(schemaErrors(t), [
      { at: '[]', message: 'The 2nd entry of `aligns` of goal 1 should be text, not a list.' },
      { at: '5', message: 'The 3rd entry of `aligns` of goal 1 should be text, not a whole number.' },
      { at: '{ a: 1 }', message: 'The 1st entry of `related` of objective 1.1 should be text or a number, not a group of fields.' },
      { at: '[x]', message: 'The 2nd entry of `support` of objective 1.1 should be text, not a list.' },
    ]);
  });

  it('names a wrong path of `parents` as a path of `parents`, not of the plan', () => {
    const t = lines('planwright: 1', 'title: T', 'parents: { DHS: 5, ICE: [a] }', 'goals:', '  - id: "1"', '    title: A');
    assert.deepStrictEqual(schemaErrors(t), [
      { at: '5', message: '`DHS` of `parents` should be text, not a whole number.' },
      { at: '[a]', message: '`ICE` of `parents` should be text, not a list.' },
    ]);
  });

  it('says what an `aligns` entry is written as: an acronym and a number, not a bare number', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A', '    aligns: { DHS: 1 }');
    assert.deepStrictEqual(schemaErrors(t), [
      { at: '{ DHS: 1 }', message: '`aligns` of goal 1 should be an entry such as "DHS 2.3" (the other plan\'s acronym and the number of one of its items) or a list of them, not a group of fields.' },
    ]);
  });

  it('requires the format version, a title and goals', () => {
    const t = lines('# just a comment', 'mission: M');
    const e = schemaErrors(t);
    assert.deepStrictEqual(e.map((x) => x.at), ['mission: M', 'mission: M', 'mission: M']);
    assert.deepStrictEqual(e.map((x) => x.message.split('.')[0]), ['The plan has no `goals`', 'The plan has no `planwright`', 'The plan has no `title`']);
  });

  it('rejects a format version other than 1 and an invalid unit id', () => {
    const t = lines('planwright: 2', 'title: T', 'units:', '  - { id: 9th, name: Ninth }', 'goals:', '  - { id: "1", title: A }');
    assert.deepStrictEqual(schemaErrors(t).map((e) => e.at), ['2', '9th']);
  });

  it('names an item without an id by its position', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - { id: "1", title: A }', '  - { description: x }');
    assert.deepStrictEqual(schemaErrors(t).map((e) => e.message), ['The 2nd goal has no `id`. Add `id:` with its number.', 'The 2nd goal has no `title`. Add `title:` with a title.']);
  });

  it('never shows ajv wording', () => {
    for (const { message } of schemaErrors(lines('planwright: x', 'title: 3', 'values: {}', 'goals: [1, {id: [], title: {}}, {objectives: 2}]'))) {
      assert.doesNotMatch(message, /must (be|have|NOT|match)|instancePath|#\/\$defs/);
    }
  });
});

describe('a field moved from one goal into the next', () => {
  it('is one problem, the field written twice in the next goal, read whole and block by block', () => {
    // Goal 1's title was cut and pasted under goal 2's `- id:`.
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    objectives:', '      - { id: "1.1", title: O }', '  - id: "2"', '    title: Goal one', '    title: Goal two', '');
    const expected = [['yaml-syntax', 8, 't', 'This field appears twice in the same place; keep one of them']];
    const show = (m: ReturnType<typeof parseFull>) => m.diagnostics.map((d) => [d.code, t.slice(0, d.span.start).split('\n').length - 1, t.slice(d.span.start, d.span.end), d.message.split('.')[0]]);
    assert.deepStrictEqual(show(parseFull(t)), expected);
    assert.deepStrictEqual(show(new PlanParser().parse(t)), expected);
  });

  it('still reports the missing field when the next goal writes another field twice', () => {
    const t = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '  - id: "2"', '    title: Goal two', '    description: A', '    description: B', '');
    const d = new PlanParser().parse(t).diagnostics.map((x) => x.code);
    assert.deepStrictEqual(d.sort(), ['schema', 'yaml-syntax']);
  });
});
