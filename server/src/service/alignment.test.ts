import * as assert from 'assert';
import { parentUri } from './alignment';

describe('parentUri (the file a parents: entry names)', () => {
  const child = 'file:///home/ana/plans/ice/ice.plan.yaml';

  it('reads a path relative to the plan, with / or \\ between folders', () => {
    assert.strictEqual(parentUri(child, '../dhs/dhs.plan.yaml'), 'file:///home/ana/plans/dhs/dhs.plan.yaml');
    assert.strictEqual(parentUri(child, '..\\dhs\\dhs.plan.yaml'), 'file:///home/ana/plans/dhs/dhs.plan.yaml');
    assert.strictEqual(parentUri(child, 'dhs.plan.yaml'), 'file:///home/ana/plans/ice/dhs.plan.yaml');
  });

  it('reads an absolute path as it is, a Windows one with its drive letter too', () => {
    assert.strictEqual(parentUri(child, '/srv/plans/dhs.plan.yaml'), 'file:///srv/plans/dhs.plan.yaml');
    const windows = 'file:///c%3A/Users/ana/plans/ice.plan.yaml';
    assert.strictEqual(parentUri(windows, 'D:\\plans\\dhs.plan.yaml'), 'file:///d%3A/plans/dhs.plan.yaml');
    assert.strictEqual(parentUri(windows, 'd:/plans/dhs.plan.yaml'), 'file:///d%3A/plans/dhs.plan.yaml');
    assert.strictEqual(parentUri(windows, '..\\dhs.plan.yaml'), 'file:///c%3A/Users/ana/dhs.plan.yaml');
  });
});
