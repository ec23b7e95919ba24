// Plans longer than MAX_FULL_PARSE_LENGTH are never read as one yaml document: on a 1M-line plan
// (51 MB) one mistyped character made the parser fall back to yaml on the whole text, which ran
// the server out of memory.
import * as assert from 'assert';
import { generatePlan } from '../../../test/bench/generate';
import { MAX_FULL_PARSE_LENGTH, PlanParser } from './parse';

describe('plans too long to read as one yaml document', function () {
  this.timeout(120000);
  const text = generatePlan({ goals: 560, objectives: 10, subobjectives: 8 }).text;
  const goal = (n: number) => text.indexOf(`\n  - id: "${n}"\n`) + 1;

  it('are longer than the limit in this test', () => {
    assert.ok(text.length > MAX_FULL_PARSE_LENGTH, `${text.length}`);
  });

  it('keep a goal with an unclosed quote on its own, with its error, instead of reading the whole text', () => {
    const parser = new PlanParser();
    parser.parse(text);
    // A quote opened on the goal's last line runs on into the next goal: in a smaller plan, the
    // whole text would be read again to say what yaml says.
    const line = '    note: "unclosed\n';
    const broken = text.slice(0, goal(301)) + line + text.slice(goal(301));
    const model = parser.parse(broken);
    assert.strictEqual(model.parseMode, 'blocks');
    // Within goal 300 as it is read: up to the next entry's indentation, read with it (split.ts).
    const syntax = model.diagnostics.filter((d) => d.code === 'yaml-syntax');
    assert.ok(syntax.length > 0 && syntax.every((d) => d.span.start >= goal(300) && d.span.start <= goal(301) + line.length + 2), JSON.stringify(syntax.map((d) => d.span)));
    assert.strictEqual(model.goals.length, 560);
  });

  it('say where they stopped being readable goal by goal, and that nothing else is checked until it is fixed', () => {
    const parser = new PlanParser();
    // A YAML error in a top-level section: the message is on that section's first line.
    const mission = text.indexOf('mission: ');
    const badHead = text.slice(0, mission) + 'mission: "' + text.slice(mission + 'mission: '.length);
    const head = parser.parse(badHead).diagnostics;
    assert.strictEqual(head.length, 1);
    assert.strictEqual(head[0].span.start, mission);
    assert.match(head[0].message, /too large \(\d+ MB\) to be read as a whole, and something in this part/);
    // A document marker between goals: the text does not split into goals at all.
    const broken = text.slice(0, goal(200)) + '---\n' + text.slice(goal(200));
    const model = parser.parse(broken);
    assert.strictEqual(model.diagnostics.length, 1);
    assert.match(model.diagnostics[0].message, /too large \(\d+ MB\) to be read as a whole/);
    assert.match(model.diagnostics[0].message, /`---`/);
    // With the marker gone, the plan is read goal by goal again.
    assert.strictEqual(parser.parse(text).diagnostics.length, 0);
  });
});
