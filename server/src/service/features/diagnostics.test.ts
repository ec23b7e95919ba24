import * as assert from 'assert';
import { readRuleConfig } from '../config';
import type { PlanDiagnostic } from '../model';
import { parseFull } from '../parse';
import { STYLE_CODES } from '../checks/style';
import { ICE, ICE_URI, load } from '../test-util';
import { finishDiagnostics, planDiagnostics, publishedDiagnostics, sameFindings, toLspDiagnostic } from './diagnostics';

describe('sameFindings (the server publishes a plan again only when its findings differ)', () => {
  const every = readRuleConfig(`rules:\n${STYLE_CODES.map((c) => `  ${c}: warning`).join('\n')}\n`).settings;
  const findings = () => finishDiagnostics(parseFull(ICE), [], every);
  const copy = (ds: PlanDiagnostic[]) => ds.map((d) => ({ ...d, span: { ...d.span }, related: d.related?.map((r) => ({ ...r, span: { ...r.span } })), data: d.data && JSON.parse(JSON.stringify(d.data)) }));

  it('holds the findings of two reads of the same text (other objects, same words and places) the same', () => {
    const a = findings();
    assert.ok(a.length > 10);
    assert.ok(sameFindings(a, findings()));
    assert.ok(sameFindings(a, copy(a)));
  });

  it('tells a finding moved, re-levelled, reworded, with other related places or data, added or removed', () => {
    const a = [
      ...findings(),
      { span: { start: 5, end: 9 }, severity: 'warning', code: 'title-duplicate', message: 'Same title.', related: [{ span: { start: 1, end: 3 }, message: 'The other' }] },
      { span: { start: 10, end: 12 }, severity: 'warning', code: 'title-capitalization', message: 'Case.', data: { title: 'Keep Cargo Moving' } },
    ] as PlanDiagnostic[];
    const withRelated = a.length - 2;
    const withData = a.length - 1;
    const changes: ((ds: PlanDiagnostic[]) => void)[] = [
      (ds) => ((ds[0].span as { start: number }).start += 1),
      (ds) => ((ds[1].span as { end: number }).end += 1),
      (ds) => (ds[2].severity = ds[2].severity === 'error' ? 'hint' : 'error'),
      (ds) => (ds[3].message += '.'),
      (ds) => (ds[4].code = 'schema'),
      (ds) => (ds[5].anchor = 7),
      (ds) => ((ds[withRelated].related![0].span as { start: number }).start += 1),
      (ds) => (ds[withRelated].related![0].message += '.'),
      (ds) => (ds[withData].data = { other: true }),
      (ds) => ds.pop(),
    ];
    for (const change of changes) {
      const b = copy(a);
      change(b);
      assert.ok(!sameFindings(a, b), String(change));
    }
  });
});

describe('publishedDiagnostics (at most planwright.maxNumberOfProblems are sent, the most serious first)', () => {
  // ICE with a misspelt field in each objective (errors) and every style rule on, at three levels.
  const settings = readRuleConfig(
    `rules:\n${STYLE_CODES.map((c, i) => `  ${c}: ${['warning', 'information', 'hint'][i % 3]}`).join('\n')}\n`,
  ).settings;
  const text = ICE.replace(/\n        title: /g, '\n        titel: ');
  const setup = () => {
    const { ws, doc } = load(text, ICE_URI);
    ws.rulesFor = () => settings;
    return { ws, doc, all: planDiagnostics(ws, doc) };
  };
  const rank = { 1: 0, 2: 1, 3: 2, 4: 3 } as Record<number, number>;

  it('sends every diagnostic, in the order of the text, when there are no more than the limit, or the limit is 0', () => {
    const { ws, doc, all } = setup();
    const levels = new Set(all.map((d) => d.severity));
    assert.ok(all.length > 20 && levels.size === 4, `${all.length} findings at ${[...levels]}`);
    assert.deepStrictEqual(publishedDiagnostics(ws, doc, 0), all.map((d) => toLspDiagnostic(doc, d)));
    assert.deepStrictEqual(publishedDiagnostics(ws, doc, all.length), all.map((d) => toLspDiagnostic(doc, d)));
  });

  it('keeps the errors and warnings and as many of the next level as fit, in the order of the text, then says how many are not shown', () => {
    const { ws, doc, all } = setup();
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    const infos = all.filter((d) => d.severity === 'information').length;
    assert.ok(errors >= 1 && warnings >= 2 && infos >= 3, `${errors}/${warnings}/${infos}`);
    const max = errors + warnings + 2 + 1; // two of the information findings fit, and the notice
    const sent = publishedDiagnostics(ws, doc, max);
    assert.strictEqual(sent.length, max);
    const notice = sent[sent.length - 1];
    const shown = sent.slice(0, -1);
    assert.deepStrictEqual(
      shown.map((d) => d.severity),
      all.filter((d) => d.severity === 'error' || d.severity === 'warning' || (d.severity === 'information' && all.filter((x) => x.severity === 'information').indexOf(d) < 2)).map((d) => ({ error: 1, warning: 2, information: 3, hint: 4 })[d.severity]),
      'the most serious, in the order of the text',
    );
    const lines = shown.map((d) => d.range.start.line);
    assert.deepStrictEqual(lines, [...lines].sort((a, b) => a - b));
    assert.ok(shown.some((d) => d.code === 'schema' || d.severity === 1), 'the error is among them');
    assert.deepStrictEqual(notice.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.strictEqual(notice.severity, 3);
    assert.strictEqual(notice.code, 'problems-limit');
    const count = (l: string) => all.filter((d) => d.severity === l).length;
    assert.deepStrictEqual(notice.data, { errors: count('error'), warnings: count('warning'), information: count('information'), hints: count('hint') }, 'the counts of them all');
    const hidden = all.length - shown.length;
    assert.strictEqual(
      notice.message,
      `${hidden} more problems are not shown: this plan has ${all.length}, and the editor shows the ${max - 1} most serious. ` +
        'To see every one, run `planwright check` on the file, or raise the setting planwright.maxNumberOfProblems (0 shows all).',
    );
  });

  it('cuts into the errors themselves when there are more errors than the limit, and never sends more than the limit', () => {
    const { ws, doc, all } = setup();
    assert.ok(all.filter((d) => d.severity === 'error').length >= 4);
    for (const max of [1, 2, 5]) {
      const sent = publishedDiagnostics(ws, doc, max);
      assert.strictEqual(sent.length, max);
      assert.strictEqual(sent[sent.length - 1].code, 'problems-limit');
      const firstErrors = all.filter((d) => d.severity === 'error').slice(0, max - 1).map((d) => toLspDiagnostic(doc, d));
      const levels = sent.slice(0, -1).map((d) => rank[d.severity!]);
      assert.deepStrictEqual(levels, [...levels].sort(), `max ${max}: the most serious first`);
      assert.deepStrictEqual(sent.slice(0, -1), firstErrors);
    }
    assert.strictEqual(
      publishedDiagnostics(ws, doc, 1)[0].message,
      `This plan has ${all.length} problems, and the setting planwright.maxNumberOfProblems leaves room for this note only. To see every one, run \`planwright check\` on the file, or raise the setting planwright.maxNumberOfProblems (0 shows all).`,
    );
  });
});
