// Summarizes a V8 .cpuprofile (node --cpu-prof): self time per function, highest first, for the
// whole run or per phase (time windows the benchmark recorded with process.hrtime, which reads
// the same monotonic clock as V8's profiler on Linux). Bundle positions are mapped back to the
// TypeScript sources through the bundle's source map when it sits next to the bundle.
//
//   node out/test/bench/profile.js <file.cpuprofile> [top]
import * as fs from 'fs';
import { SourceMap } from 'module';
import * as path from 'path';
import { fileURLToPath } from 'url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A phase of the benchmark: [startUs, endUs] on the monotonic clock (process.hrtime). */
export interface PhaseWindow {
  phase: string;
  startUs: number;
  endUs: number;
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapFor(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url)!;
  let map: SourceMap | null = null;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    // Only the map the file names: a minified (--production) build has none, and a map left
    // over from an earlier build would put every function in the wrong place.
    const js = fs.readFileSync(file, 'utf8');
    const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(js.slice(-300))?.[1];
    if (named === path.basename(file) + '.map' && fs.existsSync(file + '.map')) map = new SourceMap(JSON.parse(fs.readFileSync(file + '.map', 'utf8')));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

function location(f: ProfileNode['callFrame']): string {
  if (!f.url) return '';
  if (f.url.startsWith('node:')) return `${f.url}:${f.lineNumber + 1}`;
  const map = sourceMapFor(f.url);
  const e = map?.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine?: number } | undefined;
  if (e?.originalSource) {
    const src = e.originalSource.replace(/^(\.\.\/)+/, '').replace(/^webpack:\/\//, '');
    return `${src.replace(/^.*node_modules\//, '')}:${(e.originalLine ?? 0) + 1}`;
  }
  return `${path.basename(f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}`;
}

/** Each sample: the node it hit, its time (µs, monotonic) and its duration (ms). */
function samplesOf(profile: CpuProfile): { node: number; at: number; ms: number }[] {
  const out: { node: number; at: number; ms: number }[] = [];
  if (!profile.samples || !profile.timeDeltas) return out;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const next = profile.timeDeltas[i + 1] ?? 0;
    out.push({ node: profile.samples[i], at: t, ms: next / 1000 });
  }
  return out;
}

/** Self time per function (summed over call sites), excluding idle time; only samples inside `windows` when given. */
export function selfTimes(profile: CpuProfile, windows?: PhaseWindow[]): { total: number; idle: number; functions: SelfTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inWindow = windows ? (t: number) => windows.some((w) => t >= w.startUs && t <= w.endUs) : () => true;
  const agg = new Map<string, SelfTime>();
  let idle = 0;
  let total = 0;
  for (const s of samplesOf(profile)) {
    if (!inWindow(s.at)) continue;
    const f = byId.get(s.node)!.callFrame;
    if (f.functionName === '(idle)') {
      idle += s.ms;
      continue;
    }
    total += s.ms;
    const where = location(f);
    const name = f.functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const a = agg.get(key) ?? { name, where, ms: 0, share: 0 };
    a.ms += s.ms;
    agg.set(key, a);
  }
  const functions = [...agg.values()].sort((a, b) => b.ms - a.ms);
  for (const f of functions) f.share = total ? f.ms / total : 0;
  return { total, idle, functions };
}

function render(title: string, r: ReturnType<typeof selfTimes>, top: number): string {
  const rows = r.functions.slice(0, top).map((f) => `| ${f.ms.toFixed(0)} | ${(f.share * 100).toFixed(1)}% | \`${f.name}\` | ${f.where} |`);
  return [`${title}: busy ${r.total.toFixed(0)} ms, idle ${r.idle.toFixed(0)} ms`, '', '| self ms | share | function | where |', '|---:|---:|---|---|', ...rows].join('\n');
}

/** The whole run, then each phase (in the order the phases first occur). */
export function summarizeProfile(file: string, top = 25, windows: PhaseWindow[] = [], phaseTop = 10): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const parts = [render('whole run', selfTimes(p), top)];
  const phases = [...new Set(windows.map((w) => w.phase))];
  for (const phase of phases) {
    const ws = windows.filter((w) => w.phase === phase);
    const wall = ws.reduce((n, w) => n + (w.endUs - w.startUs) / 1000, 0);
    parts.push(render(`phase "${phase}" (${ws.length}×, ${wall.toFixed(0)} ms wall in the client)`, selfTimes(p, ws), phaseTop));
  }
  return parts.join('\n\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node out/test/bench/profile.js <file.cpuprofile> [top]');
    process.exitCode = 2;
  } else console.log(summarizeProfile(file, top ? Number(top) : 25));
}
