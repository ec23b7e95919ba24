// In-process cost of a first open and of a keystroke: CPU ms (user + system) of
// createLanguageService().update, for comparing two builds in the same run on a loaded machine.
//
//   node out/test/bench/update.js <build's out dir> <plan file>
//
// Prints {firstCpu, firstWall} (a fresh process: cold code, schema compiled), the medians of 9
// opens in fresh services (openCpu, openWall) and of 9 one-character edits of a title in the
// middle of the plan (keyCpu, keyWall). Compare builds by alternating runs of this script.
import * as fs from 'fs';
import * as path from 'path';

const [outDir, file] = process.argv.slice(2);
if (!outDir || !file) {
  console.error('usage: node out/test/bench/update.js <out dir> <plan file>');
  process.exit(2);
}
// eslint-disable-next-line @typescript-eslint/no-var-requires
const svc = require(path.resolve(outDir, 'server/src/service/index.js'));
const text = fs.readFileSync(file, 'utf8');
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const wall = () => Number(process.hrtime.bigint()) / 1e6;
function time(f: () => void): [number, number] {
  const c = cpu();
  const w = wall();
  f();
  return [cpu() - c, wall() - w];
}
const uri = 'file:///bench.plan.yaml';
const first = time(() => svc.createLanguageService().update(uri, text, 1));
const opens: [number, number][] = [];
for (let i = 0; i < 9; i++) {
  const ls = svc.createLanguageService();
  opens.push(time(() => ls.update(uri, text, 1)));
}
const ls = svc.createLanguageService();
ls.update(uri, text, 1);
const at = text.indexOf('title:', text.length >> 1) + 7;
const keys: [number, number][] = [];
let cur = text;
for (let i = 0; i < 9; i++) {
  const next = cur.slice(0, at) + 'x' + cur.slice(at);
  keys.push(time(() => ls.update(uri, next, i + 2, { start: at, end: at, newEnd: at + 1 })));
  cur = next;
}
const r = (x: number) => Math.round(x * 10) / 10;
const m = (a: [number, number][], k: 0 | 1) => r(med(a.map((x) => x[k])));
console.log(JSON.stringify({ firstCpu: r(first[0]), firstWall: r(first[1]), openCpu: m(opens, 0), openWall: m(opens, 1), keyCpu: m(keys, 0), keyWall: m(keys, 1) }));
