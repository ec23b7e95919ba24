import * as assert from 'assert';
import { parse as parseYaml } from 'yaml';
import { planDiagnostics } from './features/diagnostics';
import { ICE, load, MEASURES } from './test-util';
import { writePlan } from './writePlan';

function diagnosticsOf(text: string) {
  const { doc, ws } = load(text, 'file:///written.plan.yaml');
  return planDiagnostics(ws, doc).map((d) => `${d.code}: ${d.message}`);
}

describe('writePlan', () => {
  for (const [name, text] of [['the ICE sample', ICE], ['the measures example', MEASURES]] as const) {
    it(`writes ${name}'s value so that it reads back to the same value and checks clean`, () => {
      const value = parseYaml(text);
      const written = writePlan(value);
      assert.deepStrictEqual(parseYaml(written), value);
      assert.deepStrictEqual(diagnosticsOf(written), diagnosticsOf(text));
    });
  }

  it('writes keys in the order of the format, whatever order the value has them in', () => {
    const text = writePlan({
      goals: [{ objectives: [{ title: 'B', id: '1.1', lead: 'OPS' }], title: 'A', id: '1' }],
      units: [{ name: 'Operations', id: 'OPS' }],
      title: 'T',
      planwright: 1,
    });
    assert.strictEqual(
      text,
      [
        'planwright: 1',
        'title: T',
        '',
        'units:',
        '  - id: OPS',
        '    name: Operations',
        '',
        'goals:',
        '  - id: "1"',
        '    title: A',
        '    objectives:',
        '      - id: "1.1"',
        '        title: B',
        '        lead: OPS',
        '',
      ].join('\n'),
    );
  });

  it('quotes every dotted number, and writes lists of ids and short maps on one line', () => {
    const text = writePlan({
      planwright: 1,
      title: 'T',
      organization: { name: 'City of Example', acronym: 'CE' },
      period: { start: 2026, end: 2030 },
      goals: [{ id: '1', title: 'A', objectives: [{ id: '1.1', title: 'B', related: ['1.2', '1.1.1'], lead: ['OPS', 'FIN'] }] }],
    });
    assert.match(text, /^organization: \{ name: City of Example, acronym: CE \}$/m);
    assert.match(text, /^period: \{ start: 2026, end: 2030 \}$/m);
    assert.match(text, /^ {8}lead: \[ OPS, FIN \]$/m);
    assert.match(text, /^ {8}related: \[ "1\.2", "1\.1\.1" \]$/m);
  });

  it('puts a blank line between goals and writes long narratives as folded text that keeps paragraph breaks', () => {
    const long = 'The first paragraph of a narrative that runs on well past the width a person keeps lines to, as narratives do.';
    const description = `${long}\n\nA second paragraph.`;
    const text = writePlan({ planwright: 1, title: 'T', goals: [{ id: '1', title: 'A', description }, { id: '2', title: 'B' }] });
    assert.match(text, /description: >-\n/);
    assert.match(text, /\n\n {2}- id: "2"/);
    assert.ok(text.split('\n').every((l) => l.length <= 96), text);
    assert.strictEqual(parseYaml(text).goals[0].description, description);
  });

  it('keeps a key the format does not know, after the known ones, and leaves out empty entries', () => {
    const text = writePlan({ extra: 'x', planwright: 1, title: 'T', vision: undefined, mission: null, goals: [] });
    assert.deepStrictEqual(Object.keys(parseYaml(text)), ['planwright', 'title', 'goals', 'extra']);
  });

  it('writes a header as comment lines at the top', () => {
    const text = writePlan({ planwright: 1, title: 'T', goals: [] }, { header: ['Imported from plan.docx', '', 'Check the numbering.'] });
    assert.ok(text.startsWith('# Imported from plan.docx\n#\n# Check the numbering.\n'), text);
    assert.strictEqual(parseYaml(text).title, 'T');
  });
});
