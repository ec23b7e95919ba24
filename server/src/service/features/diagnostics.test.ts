import * as assert from 'assert';
import { readRuleConfig } from '../config';
import type { PlanDiagnostic } from '../model';
import { parseFull } from '../parse';
import { STYLE_CODES } from '../checks/style';
import { ICE } from '../test-util';
import { finishDiagnostics, sameFindings } from './diagnostics';

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
