// What offering quick fixes costs now that each is checked by applying it in memory (#17 item 4):
// the first code action request at a problem for a version of the plan, and the same request
// again (the verdicts are remembered per version), and after a keystroke elsewhere (a new version).
// In-process, median of 5 fresh services (the what-if parser of a large plan is kept across them).
//
//   node out/test/bench/codeActions.js
import * as fs from 'fs';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { generatePlan, SIZES } from './generate';

const ROOT = path.resolve(__dirname, '../../..');
const ice = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const big = generatePlan(SIZES['63k']).text;
const cases: Record<string, string> = {
  'ICE (728 lines), objective 2.2 numbered 2.5': ice.replace('id: "2.2"', 'id: "2.5"'),
  '63k lines, objective 100.2 numbered 100.5': big.replace('id: "100.2"', 'id: "100.5"'),
  '63k lines, one lead misspelt': big.replace(/lead: (\w+)/, 'lead: $1X'),
};
const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1].toFixed(1);
for (const [name, text] of Object.entries(cases)) {
  const first: number[] = [];
  const again: number[] = [];
  const keystroke: number[] = [];
  let titles = '';
  for (let rep = 0; rep < 5; rep++) {
    const s = createLanguageService();
    const uri = 'file:///bench.plan.yaml';
    s.update(uri, text, 1);
    const d = s.getDiagnostics(uri).find((x) => x.code !== 'schema')!;
    let t = performance.now();
    titles = s.getCodeActions(uri, d.range, [d]).map((a) => a.title).join(' | ');
    first.push(performance.now() - t);
    t = performance.now();
    s.getCodeActions(uri, d.range, [d]);
    again.push(performance.now() - t);
    // A keystroke elsewhere (the last title gains a letter), then the same request: the cost
    // while typing in a plan with a problem under the cursor.
    const at = text.lastIndexOf('title: ') + 'title: '.length;
    s.update(uri, text.slice(0, at) + 'x' + text.slice(at), 2);
    const d2 = s.getDiagnostics(uri).find((x) => x.code !== 'schema')!;
    t = performance.now();
    s.getCodeActions(uri, d2.range, [d2]);
    keystroke.push(performance.now() - t);
  }
  console.log(`${name}: first request ${median(first)} ms (min ${Math.min(...first).toFixed(1)}), again ${median(again)} ms, after a keystroke ${median(keystroke)} ms; offered: ${titles}`);
}
