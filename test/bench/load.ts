// Load probes of issue #17 (items 10, 11, 13), against the real bundled server over stdio:
//   burst      200 changes in one write to the 63k-line plan: publishes, and how long after the
//              burst the last version is published (target ≤ 150 ms);
//   workspace  N open plans, a keystroke in a unit id: plans republished, and how long a hover
//              sent right after waits;
//   huge       a 1,000,000-line plan: open → diagnostics, hover about another plan meanwhile,
//              keystroke → diagnostics, peak RSS;
//   flood      10,000 changes to the ICE sample in one write, then documentSymbol.
//
//   node scripts/build.mjs && npx tsc -p . && node out/test/bench/load.js [burst,flood,workspace,huge]
//   LOAD_HUGE=3200x10x8 (≈1M lines)  LOAD_PLANS=20000  LOAD_BURST=200  LOAD_FLOOD=10000
//   LOAD_SERVER=path/to/server.js (another build)  LOAD_NODE_ARGS="--cpu-prof ..."  LOAD_VERBOSE=1
import * as path from 'path';
import { performance } from 'perf_hooks';
import { BenchClient } from './client';
import { generatePlan, parseSize } from './generate';

const ROOT = path.resolve(__dirname, '../../..');
const SERVER_JS = process.env.LOAD_SERVER ?? path.join(ROOT, 'dist/server.js');
/** LOAD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server. */
const SERVER = { name: 'planwright', command: process.execPath, args: [...(process.env.LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVER_JS, '--stdio'], cwd: ROOT };
const env = process.env;

/** Frames JSON-RPC messages as one buffer: a client that sends a burst in one write. */
export function frame(messages: object[]): Buffer {
  return Buffer.concat(
    messages.map((m) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    }),
  );
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Offset just inside the first `title: ` after `from`, and its LSP position. */
function titleSpot(text: string, from: number) {
  const at = text.indexOf('title: ', from) + 'title: '.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { at, position: { line, character: at - before.lastIndexOf('\n') - 1 } };
}

async function burst(): Promise<void> {
  const n = Number(env.LOAD_BURST ?? 200);
  const plan = generatePlan(parseSize('63k').shape).text;
  const c = new BenchClient(SERVER);
  await c.initialize(null, {});
  const uri = 'file:///load/63k.plan.yaml';
  c.open(uri, plan, 'strategic-plan', 1);
  await c.nextPublish(uri, 0, (p) => p.version === 1);
  const { position } = titleSpot(plan, plan.length >> 1);
  const msgs = [];
  for (let i = 0; i < n; i++) {
    msgs.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 + i }, contentChanges: [{ range: { start: { line: position.line, character: position.character + i }, end: { line: position.line, character: position.character + i } }, text: 'x' }] } });
  }
  await c.settle(300);
  const seq = c.lastSeq;
  const cpu0 = c.cpuMs();
  const t0 = performance.now();
  c.proc.stdin!.write(frame(msgs));
  const last = await c.nextPublish(uri, seq, (p) => p.version === n + 1);
  const cpu = c.cpuMs() - cpu0;
  await new Promise((r) => setTimeout(r, 300));
  const count = c.publishes.filter((p) => p.seq > seq && p.uri === uri).length;
  console.log(`burst: ${n} changes in one write to the 63k-line plan → ${count} publish(es); last version published ${ms(last.at - t0)} after the write (server CPU ${ms(cpu)})`);
  await c.shutdown();
}

/** 10,000 changes to the ICE sample in one write, then a documentSymbol request in the same write. */
async function flood(): Promise<void> {
  const n = Number(env.LOAD_FLOOD ?? 10000);
  const ice = require('fs').readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8') as string;
  const c = new BenchClient(SERVER);
  await c.initialize(null, {});
  const uri = 'file:///load/ice.plan.yaml';
  c.open(uri, ice, 'strategic-plan', 1);
  await c.nextPublish(uri, 0, (p) => p.version === 1);
  await c.settle(300);
  const msgs: object[] = [];
  // Type and delete a character in the title, over and over (line 23, after `title: `).
  for (let i = 0; i < n; i++) {
    const at = { line: 22, character: 7 };
    const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'y' } : { range: { start: at, end: { line: 22, character: 8 } }, text: '' };
    msgs.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 + i }, contentChanges: [change] } });
  }
  msgs.push({ id: 'symbols', method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
  const seq = c.lastSeq;
  const t0 = performance.now();
  let answered = 0;
  // The response to our raw request arrives as a response with an id the connection does not know: read it from stdout instead.
  const onData = (d: Buffer) => {
    if (!answered && d.includes('"id":"symbols"')) answered = performance.now() - t0;
  };
  c.proc.stdout!.on('data', onData);
  c.proc.stdin!.write(frame(msgs));
  await c.nextPublish(uri, seq, (p) => p.version === n + 1, 120_000);
  await c.settle(300);
  c.proc.stdout!.off('data', onData);
  const count = c.publishes.filter((p) => p.seq > seq && p.uri === uri).length;
  console.log(`flood: ${n} changes to the ICE sample in one write → ${count} publish(es); documentSymbol sent after them answered in ${ms(answered)}`);
  await c.shutdown();
}

async function workspace(): Promise<void> {
  const n = Number(env.LOAD_PLANS ?? 20000);
  const c = new BenchClient(SERVER);
  await c.initialize(null, {});
  const units = 'file:///load/units.plan.yaml';
  const unitsText = 'planwright: 1\ntitle: Units\nunits:\n  - { id: SHARED, name: Shared office }\n  - { id: RARE, name: Rare office }\ngoals:\n  - { id: "1", title: G }\n';
  c.open(units, unitsText, 'strategic-plan', 1);
  const plan = (i: number) => `planwright: 1\ntitle: Plan ${i}\ngoals:\n  - id: "1"\n    title: Goal\n    objectives:\n      - id: "1.1"\n        title: Objective\n        lead: ${i % 100 === 0 ? 'RARE' : 'SHARED'}\n`;
  for (let i = 0; i < n; i++) c.open(`file:///load/p${i}.plan.yaml`, plan(i), 'strategic-plan', 1);
  await c.nextPublish(`file:///load/p${n - 1}.plan.yaml`, 0, undefined, 600_000);
  await c.settle(500, 120_000);
  const seq = c.lastSeq;
  const t0 = performance.now();
  // RARE → RAREX: a keystroke in a unit id.
  c.change(units, 2, [{ range: { start: { line: 4, character: 14 }, end: { line: 4, character: 14 } }, text: 'X' }]);
  const hover = c.request('textDocument/hover', { textDocument: { uri: `file:///load/p1.plan.yaml` }, position: { line: 8, character: 15 } }).then(() => performance.now() - t0);
  const hoverMs = await hover;
  await c.nextPublish(units, seq, (p) => p.version === 2);
  await c.settle(500, 120_000);
  const after = c.publishes.filter((p) => p.seq > seq);
  console.log(`workspace: ${n} plans, a keystroke in a unit id → ${after.length} publishes (${Math.ceil(n / 100)} plans use that unit); hover sent right after answered in ${ms(hoverMs)}; last publish ${ms(after[after.length - 1].at - t0)} after the keystroke`);
  await c.shutdown();
}

async function huge(): Promise<void> {
  const shape = parseSize(env.LOAD_HUGE ?? '3200x10x8').shape;
  const gen = generatePlan(shape);
  const text = gen.text;
  const c = new BenchClient(SERVER);
  await c.initialize(null, {});
  const small = 'file:///load/small.plan.yaml';
  const smallText = 'planwright: 1\ntitle: Small\nunits:\n  - { id: U, name: Unit }\ngoals:\n  - id: "1"\n    title: Goal\n    lead: U\n';
  c.open(small, smallText, 'strategic-plan', 1);
  await c.nextPublish(small, 0);
  const uri = 'file:///load/huge.plan.yaml';
  const hoverSmall = async () => {
    const t = performance.now();
    await c.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 7, character: 10 } });
    return performance.now() - t;
  };
  /** Hovers on the small plan every 20 ms until `until` settles: the longest wait. */
  const hoverWhile = async (until: Promise<unknown>) => {
    let done = false;
    void until.then(() => (done = true));
    const waits: number[] = [];
    while (!done) {
      waits.push(await hoverSmall());
      await new Promise((r) => setTimeout(r, 20));
    }
    if (env.LOAD_VERBOSE) console.log(`  hover waits in order: ${waits.map((w) => w.toFixed(0)).join(' ')}`);
    waits.sort((a, b) => a - b);
    return { worst: waits[waits.length - 1] ?? 0, median: waits[waits.length >> 1] ?? 0, count: waits.length };
  };
  const seq = c.lastSeq;
  const t0 = performance.now();
  c.open(uri, text, 'strategic-plan', 1);
  const opened = c.nextPublish(uri, seq, (p) => p.version === 1, 600_000);
  const h = await hoverWhile(opened);
  const openMs = (await opened).at - t0;
  console.log(`huge: ${gen.lineCount} lines, ${(text.length / 1e6).toFixed(1)} MB: open → diagnostics ${ms(openMs)}; hover on another plan meanwhile: worst ${ms(h.worst)}, median ${ms(h.median)} (${h.count} hovers)`);
  let version = 1;
  for (let k = 0; k < 5; k++) {
    const spot = titleSpot(text, Math.floor((text.length * (k + 1)) / 7));
    const s = c.lastSeq;
    const t = performance.now();
    c.change(uri, ++version, [{ range: { start: spot.position, end: spot.position }, text: 'x' }]);
    const p = c.nextPublish(uri, s, (x) => x.version === version, 600_000);
    const hk = await hoverWhile(p);
    console.log(`huge: keystroke ${k + 1} → diagnostics ${ms((await p).at - t)}; hover on another plan meanwhile: worst ${ms(hk.worst)}, median ${ms(hk.median)} (${hk.count})`);
  }
  console.log(`huge: server peak RSS (VmHWM) ${c.memory()?.peakMB.toFixed(0)} MB, RSS now ${c.memory()?.rssMB.toFixed(0)} MB`);
  await c.shutdown();
}

async function main(): Promise<void> {
  const which = (process.argv[2] ?? 'burst,flood,workspace,huge').split(',');
  console.log(`load probes; load average ${require('os').loadavg()[0].toFixed(1)} at the start`);
  if (which.includes('burst')) await burst();
  if (which.includes('flood')) await flood();
  if (which.includes('workspace')) await workspace();
  if (which.includes('huge')) await huge();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
