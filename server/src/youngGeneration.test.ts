import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';

/**
 * A fresh node process (the growth factor is process-wide) that keeps ~80 MB of small objects,
 * made in slices as the server reads a large plan, and prints its young generation's size.
 */
function youngGenerationAfterWork(limit: boolean): number {
  const script = `
    const v8 = require('v8');
    const { limitYoungGeneration } = require(${JSON.stringify(path.join(__dirname, 'youngGeneration.js'))});
    const kept = [];
    for (let slice = 0; slice < 400; slice++) {
      for (let i = 0; i < 5000; i++) kept.push({ start: slice, end: i, text: 'x' + i });
      if (${limit}) limitYoungGeneration();
    }
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(young.space_size) + ' ' + kept.length);
  `;
  const [size] = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).split(' ');
  return Number(size);
}

describe('the young generation (youngGeneration.ts)', () => {
  it('stops growing once it reaches 8 MB when the work is watched between slices; left alone, the same work grows it past 16 MB', function () {
    this.timeout(30000);
    const MB = 1024 * 1024;
    const alone = youngGenerationAfterWork(false);
    assert.ok(alone > 16 * MB, `left alone: ${(alone / MB).toFixed(1)} MB (the work must make V8 grow it)`);
    const watched = youngGenerationAfterWork(true);
    // One doubling may come within a slice, before it is seen.
    assert.ok(watched <= 16 * MB, `watched: ${(watched / MB).toFixed(1)} MB`);
    assert.ok(watched >= 8 * MB, `watched: ${(watched / MB).toFixed(1)} MB (it grows to 8 MB first)`);
  });
});
