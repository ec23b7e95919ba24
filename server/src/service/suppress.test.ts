import * as assert from 'assert';
import { createLanguageService } from '.';
import { applyEdits } from './edits';
import { planDiagnostics } from './features/diagnostics';
import { readRuleConfig } from './config';
import { findDirectives } from './suppress';
import { ERRORS, lines, load } from './test-util';

/** with-errors.plan.yaml with one line replaced (`at` is its 1-based line, as the sample's comments say). */
function withLine(at: number, make: (line: string) => string[]): string {
  const ls = ERRORS.split('\n');
  ls.splice(at - 1, 1, ...make(ls[at - 1]));
  return ls.join('\n');
}

function codes(text: string, rules = '') {
  const { ws, doc } = load(text, 'file:///w/p.plan.yaml');
  if (rules) {
    const s = readRuleConfig(rules).settings;
    ws.rulesFor = () => s;
  }
  return planDiagnostics(ws, doc).map((d) => `${doc.lines.positionAt(d.span.start).line + 1} ${d.code} ${d.severity}`);
}

// Line 23 of the sample: `- id: "1.1.3"  # numbering-sequence`; 19: `related: ["2.1", "2.9"]` (reference-unresolved).
const SEQ = '23 numbering-sequence error';
const REF = '19 reference-unresolved error';

describe('disable comments (suppress.ts)', () => {
  it('`# planwright-disable-next-line CODE` silences that code on the next line only', () => {
    const before = codes(ERRORS);
    assert.ok(before.includes(SEQ) && before.includes(REF));
    const t = withLine(23, (l) => ['          # planwright-disable-next-line numbering-sequence', l]);
    const after = codes(t);
    assert.ok(!after.some((d) => d.endsWith('numbering-sequence error') && d.startsWith('24 ')), after.join('\n'));
    assert.strictEqual(after.length, before.length - 1);
  });

  it('`# planwright-disable-line CODE[, CODE]` after a value silences those codes on its own line', () => {
    const t = withLine(19, (l) => [l.replace(/#.*/, '# planwright-disable-line reference-unresolved, schema')]);
    const after = codes(t);
    assert.ok(!after.includes(REF), after.join('\n'));
    // schema reports nothing on that line: that part of the comment is reported, at information.
    assert.ok(after.includes('19 unused-disable information'), after.join('\n'));
  });

  it('`# planwright-disable CODE` … `# planwright-enable CODE` silences the lines between; no code: every code', () => {
    const t = withLine(16, (l) => ['      # planwright-disable', l]);
    const t2 = t.replace('  - id: "2"\n', '  # planwright-enable\n  - id: "2"\n');
    const after = codes(t2);
    // Goal 1's objectives (lines 17-29 now) report nothing; goal 2 still does.
    assert.ok(!after.some((d) => { const n = Number(d.split(' ')[0]); return n >= 17 && n <= 29; }), after.join('\n'));
    assert.ok(after.some((d) => d.includes('numbering-parent')), after.join('\n'));
    const open = codes(withLine(16, (l) => ['      # planwright-disable numbering-sequence -- gaps are intended', l]));
    assert.ok(!open.some((d) => d.includes('numbering-sequence')) && open.some((d) => d.includes('reference-unresolved')));
  });

  it('a comment that silences nothing, or names no rule, is reported (unused-disable, information) on the name; settings may turn that off', () => {
    const t = lines('planwright: 1', 'title: T', '# planwright-disable-next-line schema', 'goals:', '  - id: "1"', '    title: A  # planwright-disable-line numbring-sequence');
    const { ws, doc } = load(t);
    const found = planDiagnostics(ws, doc).map((d) => [t.slice(d.span.start, d.span.end), d.severity, d.message]);
    assert.deepStrictEqual(found, [
      ['schema', 'information', 'This comment turns off schema on the next line, but no schema problem is reported there: remove it.'],
      ['numbring-sequence', 'information', '"numbring-sequence" is not a Planwright rule, so this comment turns nothing off. Did you mean numbering-sequence?'],
    ]);
    assert.deepStrictEqual(codes(t, 'rules:\n  unused-disable: off\n'), []);
    assert.deepStrictEqual(codes(t, 'rules:\n  unused-disable: warning\n'), ['3 unused-disable warning', '6 unused-disable warning']);
  });

  it('only comments are directives: the words inside a quoted title, or glued to text before `#`, are not', () => {
    assert.deepStrictEqual(findDirectives('title: "a # planwright-disable-line schema"\nx: a#planwright-disable-line schema\n'), []);
    const d = findDirectives('a: 1 # planwright-disable-line schema, yaml-syntax -- why\r\n#planwright-enable\r\n');
    assert.deepStrictEqual(d.map((x) => [x.kind, x.codes.map((c) => c.code)]), [['disable-line', ['schema', 'yaml-syntax']], ['enable', []]]);
  });

  it('with CRLF line ends, the next line is the line after the line break', () => {
    const t = withLine(23, (l) => ['          # planwright-disable-next-line numbering-sequence', l]).replace(/\n/g, '\r\n');
    assert.ok(!codes(t).some((d) => d.includes('numbering-sequence')));
  });
});

describe('quick fixes for disable comments', () => {
  function fixes(text: string) {
    const service = createLanguageService();
    const uri = 'file:///w/p.plan.yaml';
    const doc = service.update(uri, text, 1);
    const diagnostics = service.getDiagnostics(uri);
    return { service, uri, doc, diagnostics, actions: (code: string) => service.getCodeActions(uri, diagnostics.find((d) => d.code === code)!.range, diagnostics.filter((d) => d.code === code)) };
  }

  it('"Ignore CODE on this line" adds the comment above the line at its indentation, and the problem is gone', () => {
    const { actions, uri, doc } = fixes(ERRORS);
    const ignore = actions('numbering-sequence').find((a) => a.title === 'Ignore numbering-sequence on this line')!;
    assert.ok(ignore, 'offered');
    const after = applyEdits(doc.text, ignore.edit!.changes![uri]);
    assert.strictEqual(after.split('\n')[22], '          # planwright-disable-next-line numbering-sequence');
    assert.ok(!codes(after).some((d) => d.includes('numbering-sequence')));
    assert.ok(!codes(after).some((d) => d.includes('unused-disable')));
  });

  it('a second code is added to the comment already above the line', () => {
    const t = withLine(27, (l) => ['        # planwright-disable-next-line schema', l]);
    const { actions, uri, doc } = fixes(t);
    const ignore = actions('reference-unresolved').find((a) => a.title === 'Ignore reference-unresolved on this line' && a.diagnostics![0].range.start.line === 27)!;
    const after = applyEdits(doc.text, ignore.edit!.changes![uri]);
    assert.strictEqual(after.split('\n')[26], '        # planwright-disable-next-line schema, reference-unresolved');
  });

  it('"Remove the unused planwright-disable comment" removes the line, or the comment after a value', () => {
    const t = lines('planwright: 1', 'title: T', '# planwright-disable-next-line schema', 'goals:', '  - id: "1"', '    title: A  # planwright-disable-line measure-year');
    const { service, uri, diagnostics, doc } = fixes(t);
    const edits = diagnostics.flatMap((d) => service.getCodeActions(uri, d.range, [d]).filter((a) => a.title.startsWith('Remove')).map((a) => a.edit!.changes![uri]).flat());
    assert.strictEqual(applyEdits(doc.text, edits), lines('planwright: 1', 'title: T', 'goals:', '  - id: "1"', '    title: A'));
  });
});
