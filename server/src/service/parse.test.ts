import * as assert from 'assert';
import { parseFull, PlanParser } from './parse';
import { ICE, lines, load } from './test-util';

describe('parsing and positions', () => {
  it('reads the ICE plan: 5 goals, 17 objectives, 53 sub-objectives, 6 units, no diagnostics', () => {
    const m = parseFull(ICE);
    assert.strictEqual(m.goals.length, 5);
    assert.strictEqual(m.items.filter((i) => i.kind === 'objective').length, 17);
    assert.strictEqual(m.items.filter((i) => i.kind === 'subobjective').length, 53);
    assert.deepStrictEqual(m.units.map((u) => u.id?.text), ['OD', 'ERO', 'HSI', 'M&A', 'OPLA', 'OPR']);
    assert.deepStrictEqual(m.diagnostics, []);
  });

  it('reports every YAML syntax error and still checks what parses after it', () => {
    const t = lines('planwright: 1', 'title: "T', 'goals:', '  - id: "1"', '    title: A: B', '  - id: "3"', '    title: C');
    const d = parseFull(t).diagnostics.map((x) => x.code);
    assert.ok(d.filter((c) => c === 'yaml-syntax').length >= 1, d.join());
    const u = lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A: B', '  - id: "3"', '    title: C');
    const du = parseFull(u).diagnostics;
    assert.deepStrictEqual(du.map((x) => x.code), ['yaml-syntax', 'numbering-sequence']);
    assert.strictEqual(u.slice(du[1].span.start, du[1].span.end), '"3"');
  });

  it('gives exact UTF-16 positions with CRLF line ends, tabs in values and non-ASCII text', () => {
    const t = ['planwright: 1', 'title: "Sécurité\tintérieure — 安全 😀"', 'goals:', '  - id: "1"', '    title: "Été 😀"', '  - id: "3"', '    title: X'].join('\r\n') + '\r\n';
    const { doc } = load(t);
    const d = doc.model.diagnostics;
    assert.strictEqual(d.length, 1);
    assert.deepStrictEqual(doc.lines.range(d[0].span), { start: { line: 5, character: 8 }, end: { line: 5, character: 11 } });
    const title = doc.model.goals[0].titleSpan!;
    assert.deepStrictEqual(doc.lines.range(title), { start: { line: 4, character: 11 }, end: { line: 4, character: 19 } });
  });

  it('counts a lone carriage return as a line end, as LSP does', () => {
    const { doc } = load('planwright: 1\rtitle: T\rgoals:\r  - { id: "2", title: A }\r');
    assert.deepStrictEqual(doc.lines.range(doc.model.diagnostics[0].span).start, { line: 3, character: 10 });
  });

  it('reads merge keys and aliases inside a plan like the values they stand for', () => {
    const t = lines('planwright: 1', 'title: T', 'units:', '  - &ops { id: OPS, name: Operations }', 'goals:', '  - id: "1"', '    title: A', '    objectives:', '      - &base { id: "1.1", title: O, lead: OPS }', '      - <<: *base', '        id: "1.2"');
    const m = parseFull(t);
    assert.deepStrictEqual(m.diagnostics, []);
    assert.deepStrictEqual(m.items.map((i) => [i.id?.text, i.title]), [['1', 'A'], ['1.1', 'O'], ['1.2', 'O']]);
  });

  it('reports duplicate keys as YAML errors', () => {
    const d = parseFull(lines('planwright: 1', 'title: T', 'title: U', 'goals:', '  - { id: "1", title: A }')).diagnostics;
    assert.deepStrictEqual(d.map((x) => [x.code, x.data?.yamlCode]), [['yaml-syntax', 'DUPLICATE_KEY']]);
  });

  it('reads a plan block by block, re-reading only the goal that changed', () => {
    const p = new PlanParser();
    const m1 = p.parse(ICE);
    assert.strictEqual(m1.parseMode, 'blocks');
    // A model is valid until its document's next version: reused blocks move in place.
    const goal5Start = m1.goals[4].span.start;
    const edited = ICE.replace('title: Counter Threats and Protect the Homeland', 'title: Counter Threats and Protect the Homeland!');
    const m2 = p.parse(edited);
    // One block read: the goal edited. The other goals and the top-level sections are reused.
    assert.deepStrictEqual({ parsed: p.stats.parsed, reused: p.stats.reused }, { parsed: 1, reused: 4 });
    assert.strictEqual(m2.goals[1].title, 'Counter Threats and Protect the Homeland!');
    assert.deepStrictEqual(m2.goals[4].span.start, goal5Start + 1);
  });
});
