// Benchmarks: Planwright's language server against yaml-language-server (with the plan schema)
// on generated plans of ~15.8k and ~63k lines, over stdio, as an editor drives them.
//
//   npm run bench      (node scripts/build.mjs && tsc -p . && node out/test/bench/bench.js)
//
// Environment:
//   BENCH_SIZES=15k,63k        plan sizes: 15k, 63k, 250k or GxOxS (e.g. 400x10x8); `63k:tidy`: a plan that
//                              passes the style rules (generate.ts `tidy`); with BENCH_STYLE the default
//                              is 15k,63k,15k:tidy,63k:tidy (the cost of many findings, and of the rules)
//   BENCH_EDITS=15             edits timed for change → diagnostics
//   BENCH_SYNTAX_EDITS=3       times a closing quote is deleted and typed again (a YAML syntax error and its fix)
//   BENCH_GOAL_EDITS=3         times a short goal is inserted at the top of the goals and removed again
//   BENCH_REPS=15              repetitions of each request (symbols, hover, ...)
//   BENCH_YAMLLS_REPS=5        repetitions of requests to yaml-language-server (0: skip them)
//   BENCH_RENUMBER_REPS=15     repetitions of the renumber command
//   BENCH_CLI_RUNS=3           runs of `planwright check` per size
//   BENCH_SERVERS=planwright,yaml-language-server
//   BENCH_PLANWRIGHT_CMD="node dist/server.js --stdio"     server command lines, paths from the project
//   BENCH_YAMLLS_CMD="node node_modules/yaml-language-server/bin/yaml-language-server --stdio"  root
//                              (by default our server runs from a copy of dist/server.js made at the start)
//   BENCH_PROFILE=1            run our server with --cpu-prof and print its top self-time functions
//   BENCH_STYLE=1              every style rule on (a .planwright.yaml beside the plans: checks/style.ts)
//   BENCH_MAX_PROBLEMS=N       our server's planwright.maxNumberOfProblems (default: its own, 1,000, as
//                              VS Code sends it; 0: every diagnostic is published)
//   BENCH_OUT=test-results/bench.json
//
//   node out/test/bench/bench.js --report [test-results/bench.json]   prints the tables of a saved run again
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { URI } from 'vscode-uri';
import { BenchClient, parseCommandLine, type ServerCommand } from './client';
import { generatePlan, parseSize, type PlanShape } from './generate';
import { summarizeProfile, type PhaseWindow } from './profile';
import { STYLE_CODES } from '../../server/src/service/checks/style';

const ROOT = path.resolve(__dirname, '../../..');
const env = process.env;
const num = (v: string | undefined, d: number) => (v === undefined || v === '' ? d : Number(v));
let SIZES = (env.BENCH_SIZES ?? (env.BENCH_STYLE && env.BENCH_STYLE !== '0' ? '15k,63k,15k:tidy,63k:tidy' : '15k,63k')).split(',').map((s) => s.trim()).filter(Boolean);
let EDITS = num(env.BENCH_EDITS, 15);
let SYNTAX_EDITS = num(env.BENCH_SYNTAX_EDITS, 3);
let GOAL_EDITS = num(env.BENCH_GOAL_EDITS, 3);
let REPS = num(env.BENCH_REPS, 15);
let YAMLLS_REPS = num(env.BENCH_YAMLLS_REPS, 5);
let RENUMBER_REPS = num(env.BENCH_RENUMBER_REPS, 15);
let CLI_RUNS = num(env.BENCH_CLI_RUNS, 3);
const PROFILE = !!env.BENCH_PROFILE && env.BENCH_PROFILE !== '0';
const STYLE = !!env.BENCH_STYLE && env.BENCH_STYLE !== '0';
const MAX_PROBLEMS = env.BENCH_MAX_PROBLEMS === undefined || env.BENCH_MAX_PROBLEMS === '' ? undefined : Number(env.BENCH_MAX_PROBLEMS);
const OUT = path.resolve(ROOT, env.BENCH_OUT ?? 'test-results/bench.json');
// Not under a dot folder: yaml-language-server's `**/*.plan.yaml` (picomatch) skips dot folders.
const WORK = path.join(ROOT, 'test-results/bench-plans');
const PROFILE_DIR = path.join(ROOT, 'test-results/bench-profile');
/** dist/server.js is copied here at the start, so that a rebuild during the run changes nothing. */
const SERVER_SNAPSHOT = path.join(WORK, 'server.js');
const SCHEMA_URI = URI.file(path.join(ROOT, 'schemas/plan.schema.json')).toString();

const OURS = 'planwright';
const YAMLLS = 'yaml-language-server';
const SERVER_NAMES = (env.BENCH_SERVERS ?? `${OURS},${YAMLLS}`).split(',').map((s) => s.trim());

function serverCommand(name: string): ServerCommand {
  const line =
    name === OURS
      ? (env.BENCH_PLANWRIGHT_CMD ?? `node ${PROFILE ? `--cpu-prof --cpu-prof-dir=${PROFILE_DIR} ` : ''}${path.relative(ROOT, SERVER_SNAPSHOT)} --stdio`)
      : (env.BENCH_YAMLLS_CMD ?? 'node node_modules/yaml-language-server/bin/yaml-language-server --stdio');
  return { ...parseCommandLine(name, line), cwd: ROOT };
}

const YAML_SETTINGS = {
  schemas: { [SCHEMA_URI]: '*.plan.yaml' },
  validate: true,
  hover: true,
  completion: true,
  format: { enable: false },
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

/** What VS Code tells a server it can do (the parts these servers look at). */
const CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    executeCommand: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
  },
};

// ---------------------------------------------------------------------------------------------
// Statistics

interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
  samples: number[];
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const n = s.length;
  const median = n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN;
  return { n, median: round(median), min: round(s[0] ?? NaN), max: round(s[n - 1] ?? NaN), samples: samples.map(round) };
}

const round = (x: number) => Math.round(x * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Positions in the generated plan

interface Pos {
  line: number;
  character: number;
}

class Text {
  readonly lines: string[];
  constructor(readonly text: string) {
    this.lines = text.split('\n');
  }
  /** First line at or after `from` that matches. */
  find(re: RegExp, from = 0): number {
    for (let i = from; i < this.lines.length; i++) if (re.test(this.lines[i])) return i;
    throw new Error(`no line matches ${re} after line ${from}`);
  }
}

interface Edit {
  label: string;
  range: { start: Pos; end: Pos };
  text: string;
  /** Whether our server should report no problems after this edit. */
  clean: boolean;
}

/** Realistic keystrokes in the middle of the plan, in pairs (a change, then its undo). */
function editPairs(t: Text, shape: PlanShape): [Edit, Edit][] {
  const g = Math.ceil(shape.goals / 2);
  const o = Math.max(1, Math.ceil(shape.objectives / 2));
  const objLine = t.find(new RegExp(`^\\s+- id: "${g}\\.${o}"$`));
  const titleLine = t.find(/^\s+title: /, objLine);
  const tcol = t.lines[titleLine].indexOf('title: ') + 7 + 3;
  const tch = t.lines[titleLine][tcol];
  const idLine = objLine;
  const idCol = t.lines[idLine].lastIndexOf('"') - 1; // last digit of the objective's number
  const idCh = t.lines[idLine][idCol];
  const descLine = t.find(/^\s+description: >-$/, objLine) + 1;
  const dcol = Math.floor(t.lines[descLine].length / 2);
  const subLine = t.find(new RegExp(`^\\s+- id: "${g}\\.${o}\\.3"$`), objLine);
  const sCol = t.lines[subLine].lastIndexOf('"') - 1;
  const at = (line: number, character: number, len = 1) => ({ start: { line, character }, end: { line, character: character + len } });
  return [
    [
      { label: 'title: replace a letter', range: at(titleLine, tcol), text: tch === 'x' ? 'y' : 'x', clean: true },
      { label: 'title: undo', range: at(titleLine, tcol), text: tch, clean: true },
    ],
    [
      { label: `id: ${g}.${o} → ${g}.9 (numbering errors)`, range: at(idLine, idCol), text: idCh === '9' ? '8' : '9', clean: false },
      { label: 'id: undo', range: at(idLine, idCol), text: idCh, clean: true },
    ],
    [
      { label: 'description: type a letter', range: at(descLine, dcol, 0), text: 'e', clean: true },
      { label: 'description: backspace', range: at(descLine, dcol, 1), text: '', clean: true },
    ],
    [
      { label: `id: ${g}.${o}.3 → ${g}.${o}.4 (duplicate number)`, range: at(subLine, sCol), text: '4', clean: false },
      { label: 'id: undo', range: at(subLine, sCol), text: '3', clean: true },
    ],
  ];
}

/** Deleting the closing quote of an objective's number (a YAML syntax error, as while typing), then typing it again. */
function syntaxPair(t: Text, shape: PlanShape): [Edit, Edit] {
  const g = Math.ceil(shape.goals / 2);
  const o = Math.max(1, Math.ceil(shape.objectives / 2));
  const line = t.find(new RegExp(`^\\s+- id: "${g}\\.${o}"$`));
  const col = t.lines[line].lastIndexOf('"');
  const at = { line, character: col };
  return [
    { label: `id: delete the closing quote of "${g}.${o}" (YAML syntax error)`, range: { start: at, end: { line, character: col + 1 } }, text: '', clean: false },
    { label: 'id: type the quote again', range: { start: at, end: at }, text: '"', clean: true },
  ];
}

/** A short goal inserted at the top of the goals (as when pasted), then removed. */
function goalPair(t: Text): [Edit, Edit] {
  const line = t.find(/^goals:$/);
  const at = { line, character: t.lines[line].length };
  const text = ['', '  - id: "1"', '    title: A New First Goal', '    objectives:', '      - id: "1.1"', '        title: Its First Objective'].join('\n');
  const n = text.split('\n').length - 1;
  return [
    { label: 'insert a goal at the top', range: { start: at, end: at }, text, clean: false },
    { label: 'remove it', range: { start: at, end: { line: line + n, character: text.length - text.lastIndexOf('\n') - 1 } }, text: '', clean: true },
  ];
}

/** Where the requests are made: a `related` number, a `lead` value, inside a `related` list. */
function requestPositions(t: Text, shape: PlanShape) {
  const g = Math.ceil(shape.goals / 2);
  const o = Math.max(1, Math.ceil(shape.objectives / 2));
  const objLine = t.find(new RegExp(`^\\s+- id: "${g}\\.${o}"$`));
  const relLine = t.find(/^\s+related: \[?"/, objLine);
  const relCol = t.lines[relLine].indexOf('"') + 2;
  const relId = /"([^"]+)"/.exec(t.lines[relLine])![1];
  const leadLine = t.find(/^\s+lead: /, objLine);
  // A title in another objective, toggled between rounds so that each request meets a new version.
  const other = t.find(new RegExp(`^\\s+- id: "${g}\\.${o === 1 ? 2 : o - 1}"$`));
  const otherTitle = t.find(/^\s+title: /, other);
  return {
    related: { line: relLine, character: relCol },
    relatedId: relId,
    relatedTargetLine: t.find(new RegExp(`^\\s+- id: "${relId.replace(/\./g, '\\.')}"$`)),
    lead: { line: leadLine, character: t.lines[leadLine].length },
    relatedEnd: { line: relLine, character: t.lines[relLine].lastIndexOf('"') },
    toggle: { line: otherTitle, character: t.lines[otherTitle].indexOf('title: ') + 8, ch: t.lines[otherTitle][t.lines[otherTitle].indexOf('title: ') + 8] },
  };
}

const BROKEN_PLAN = [
  'planwright: 1',
  'title: A plan with a misspelt field',
  'units:',
  '  - { id: OPS, name: Operations }',
  'goals:',
  '  - id: "1"',
  '    title: Keep Cargo Moving',
  '    objectives:',
  '      - id: "1.1"',
  '        titel: Shorten Berth Waiting Times',
  '        lead: OPS',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------
// One server, one plan

type Maybe<T> = T | 'n/a';

interface ServerResult {
  server: string;
  size: string;
  lines: number;
  openMs: number;
  /** CPU time the server used from open to first diagnostics (ms; 10 ms steps). */
  openCpuMs: number;
  openDiagnostics: number;
  changeMs: Stats;
  /** CPU time the server used per timed edit, on average (ms), until its diagnostics arrived: unlike wall time, other load on the machine changes it little. */
  changeCpuMs: number;
  /** CPU time the server used per edit after its diagnostics arrived (until 30 ms pass without a message): work done after publishing, garbage collection. */
  changeCpuAfterMs: number;
  /** change → diagnostics when the edit makes a YAML syntax error (closing quote deleted), and when it fixes it. */
  syntaxBreakMs?: Stats;
  syntaxFixMs?: Stats;
  /** change → diagnostics when a short goal is inserted at the top of the goals (every goal after it moves), and removed. */
  goalInsertMs?: Stats;
  goalRemoveMs?: Stats;
  edits: { label: string; ms: number; diagnostics: number }[];
  rssAfterOpenMB?: number;
  /** VmRSS / VmHWM (peak so far) after each phase, MB: where the peak comes from. */
  memoryByPhase: Record<string, { rssMB: number; peakMB: number } | undefined>;
  rssEndMB?: number;
  peakMB?: number;
  requests: Record<string, Maybe<Stats & { first: number; note?: string; detail?: string; responseBytes: number; cpuMs: number }>>;
  renumber: Record<string, Maybe<Stats & { edits: number; via: string }>>;
  schemaCheck?: string;
  /** Where the time of each phase went (BENCH_PROFILE=1), the profile, and the phases' time windows. */
  profile?: string;
  profileFile?: string;
  profileWindows?: PhaseWindow[];
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

const MIN_EDIT_GAP_MS = 30;

async function runServer(name: string, size: string, shape: PlanShape, file: string, text: string): Promise<ServerResult> {
  const ours = name === OURS;
  const client = new BenchClient(serverCommand(name));
  const languageId = ours ? 'strategic-plan' : 'yaml';
  const windows: PhaseWindow[] = [];
  const timed = async <T>(phase: string, f: () => Promise<T>): Promise<T> => {
    const startUs = nowUs();
    try {
      return await f();
    } finally {
      windows.push({ phase, startUs, endUs: nowUs() });
    }
  };
  const profilesBefore = new Set(PROFILE && ours ? fs.readdirSync(PROFILE_DIR) : []);
  let result: ServerResult | undefined;
  try {
    client.settings = { yaml: YAML_SETTINGS, http: {}, '[yaml]': {}, editor: { tabSize: 2, insertSpaces: true } };
    // No workspace folder: the plan is not read from disk before it is opened (a cold open).
    const init = await client.initialize(null, CAPABILITIES, ours && MAX_PROBLEMS !== undefined ? { maxNumberOfProblems: MAX_PROBLEMS } : undefined);
    const caps = init.capabilities ?? {};
    if (!ours) client.notify('workspace/didChangeConfiguration', { settings: { yaml: YAML_SETTINGS } });

    // The schema must be applied (yaml-language-server), and both servers warm up the same way.
    const brokenUri = URI.file(path.join(WORK, 'broken.plan.yaml')).toString();
    let seq = client.lastSeq;
    client.open(brokenUri, BROKEN_PLAN, languageId);
    const broken = await client.nextPublish(brokenUri, seq, (p) => p.diagnostics.length > 0, 30_000).catch((e) => {
      throw new Error(`${name} reported no problem in a plan with a misspelt field: is the schema applied? ${e.message}`);
    });
    const schemaCheck = broken.diagnostics.map((d) => `${d.source ?? ''}: ${d.message}`.split('\n')[0]).join(' | ');
    if (!/titel/i.test(schemaCheck) && !/title/i.test(schemaCheck)) throw new Error(`${name}: unexpected diagnostics for the broken plan: ${schemaCheck}`);
    client.close(brokenUri);
    await client.settle(300);

    // open → first diagnostics
    const uri = URI.file(file).toString();
    seq = client.lastSeq;
    const t0 = performance.now();
    const cpu0 = client.cpuMs();
    const first = await timed('open → diagnostics', () => {
      client.open(uri, text, languageId);
      return client.nextPublish(uri, seq, () => true, 180_000);
    });
    const openMs = first.at - t0;
    const openCpuMs = client.cpuMs() - cpu0;
    if (ours && !STYLE && first.diagnostics.length) {
      throw new Error(`the generated ${size} plan must check clean, but ${OURS} reports ${first.diagnostics.length} problems, e.g. ${JSON.stringify(first.diagnostics.slice(0, 3), null, 1)}`);
    }
    if (!ours && first.diagnostics.length) {
      console.error(`warning: ${name} reports ${first.diagnostics.length} problems in the generated plan, e.g. ${first.diagnostics.slice(0, 3).map((d) => d.message).join(' | ')}`);
    }
    await client.settle(ours ? 200 : 500);
    const afterOpen = client.memory();
    const memoryByPhase: ServerResult['memoryByPhase'] = { open: afterOpen };
    log(`  ${name} ${size}: open → diagnostics ${openMs.toFixed(0)} ms, RSS ${afterOpen?.rssMB.toFixed(0)} MB`);

    // change → published diagnostics
    const t = new Text(text);
    const pairs = editPairs(t, shape);
    const sequence: Edit[] = [];
    for (let i = 0; sequence.length < EDITS; i++) sequence.push(...pairs[i % pairs.length]);
    const timedEdits = sequence.slice(0, EDITS);
    const untimed = sequence.slice(EDITS, EDITS + (EDITS % 2)); // the undo of a last unpaired edit
    let version = 1;
    const edits: ServerResult['edits'] = [];
    const apply = async (e: Edit, phase = 'change → diagnostics') => {
      const v = ++version;
      const s = client.lastSeq;
      const start = performance.now();
      const p = await timed(phase, () => {
        client.change(uri, v, [{ range: e.range, text: e.text }]);
        return client.nextPublish(uri, s, (x) => !ours || x.version === v, 120_000);
      });
      const ms = p.at - start;
      // With every style rule on (BENCH_STYLE), the generated plan has style findings: clean means
      // no other problem (nor the notice of those left out: problems-limit).
      const problems = STYLE ? p.diagnostics.filter((d) => !(STYLE_CODES as readonly unknown[]).includes(d.code) && d.code !== 'problems-limit') : p.diagnostics;
      if (ours && e.clean !== (problems.length === 0)) {
        throw new Error(`${name}: after "${e.label}" expected ${e.clean ? 'no problems' : 'problems'}, got ${JSON.stringify(p.diagnostics.slice(0, 3).map((d) => d.message))}`);
      }
      const cpuAtPublish = client.cpuMs();
      await client.settle(MIN_EDIT_GAP_MS); // a second publish for the same change must not be taken for the next one
      return { ms, diagnostics: p.diagnostics.length, cpuAtPublish };
    };
    let editCpu = 0;
    let editCpuAfter = 0;
    for (const e of timedEdits) {
      const c0 = client.cpuMs();
      const { ms, diagnostics, cpuAtPublish } = await apply(e);
      edits.push({ label: e.label, ms, diagnostics });
      editCpu += cpuAtPublish - c0;
      editCpuAfter += client.cpuMs() - cpuAtPublish;
    }
    for (const e of untimed) await apply(e);
    const changeMs = stats(edits.map((e) => e.ms));
    memoryByPhase.edits = client.memory();
    const breaks: number[] = [];
    const fixes: number[] = [];
    const [brk, fix] = syntaxPair(t, shape);
    for (let i = 0; i < SYNTAX_EDITS; i++) {
      breaks.push((await apply(brk, 'change → diagnostics (YAML syntax error)')).ms);
      fixes.push((await apply(fix, 'change → diagnostics (syntax error fixed)')).ms);
    }
    if (SYNTAX_EDITS > 0) memoryByPhase['syntax error'] = client.memory();
    const inserts: number[] = [];
    const removes: number[] = [];
    const [ins, del] = goalPair(t);
    for (let i = 0; i < GOAL_EDITS; i++) {
      inserts.push((await apply(ins, 'change → diagnostics (goal inserted at the top)')).ms);
      removes.push((await apply(del, 'change → diagnostics (goal removed)')).ms);
    }
    if (GOAL_EDITS > 0) memoryByPhase['goal inserted'] = client.memory();
    log(`  ${name} ${size}: change → diagnostics median ${changeMs.median} ms (min ${changeMs.min}, max ${changeMs.max})`);

    // Requests: each round first makes a new version (a letter of a title, toggled), waits for
    // its diagnostics, then times each request once on that version ("after a keystroke").
    const reps = ours ? REPS : YAMLLS_REPS;
    const pos = requestPositions(t, shape);
    const td = { uri };
    const requests: { key: string; method: string; cap: string; params: object; check: (r: any) => string | undefined }[] = [
      { key: 'documentSymbol', method: 'textDocument/documentSymbol', cap: 'documentSymbolProvider', params: { textDocument: td }, check: (r) => (Array.isArray(r) && r.length ? undefined : 'no symbols') },
      { key: 'hover (related)', method: 'textDocument/hover', cap: 'hoverProvider', params: { textDocument: td, position: pos.related }, check: (r) => (r ? undefined : 'no hover') },
      { key: 'definition (related)', method: 'textDocument/definition', cap: 'definitionProvider', params: { textDocument: td, position: pos.related }, check: (r) => {
        const loc = Array.isArray(r) ? r[0] : r;
        if (!loc) return 'no definition';
        const line = (loc.targetSelectionRange ?? loc.range)?.start.line;
        return !ours || line === pos.relatedTargetLine || line === pos.relatedTargetLine + 1 ? undefined : `went to line ${line}, not ${pos.relatedTargetLine}`;
      } },
      { key: 'completion (lead)', method: 'textDocument/completion', cap: 'completionProvider', params: { textDocument: td, position: pos.lead }, check: (r) => ((Array.isArray(r) ? r : r?.items)?.length ? undefined : 'no items') },
      { key: 'completion (related)', method: 'textDocument/completion', cap: 'completionProvider', params: { textDocument: td, position: pos.relatedEnd }, check: (r) => ((Array.isArray(r) ? r : r?.items)?.length ? undefined : 'no items') },
      // The editor asks for the hints of the lines it shows: 60 around the `related` entry.
      { key: 'inlayHint (60 lines)', method: 'textDocument/inlayHint', cap: 'inlayHintProvider', params: { textDocument: td, range: { start: { line: Math.max(0, pos.related.line - 30), character: 0 }, end: { line: pos.related.line + 30, character: 0 } } }, check: (r) => (Array.isArray(r) && r.length ? undefined : 'no hints') },
    ];
    const samples = new Map<string, number[]>(requests.map((r) => [r.key, []]));
    const notes = new Map<string, string>();
    const sizes = new Map<string, number>();
    const details = new Map<string, string>();
    const cpu = new Map<string, number>();
    const unsupported = new Set<string>();
    for (const r of requests) if (!caps[r.cap]) unsupported.add(r.key);
    let toggled = false;
    for (let i = 0; i < reps && unsupported.size < requests.length; i++) {
      toggled = !toggled;
      const ch = toggled ? (pos.toggle.ch === 'x' ? 'y' : 'x') : pos.toggle.ch;
      await apply({ label: 'toggle', range: { start: pos.toggle, end: { line: pos.toggle.line, character: pos.toggle.character + 1 } }, text: ch, clean: true }, 'change → diagnostics (before requests)');
      for (const r of requests) {
        if (unsupported.has(r.key)) continue;
        const start = performance.now();
        const c0 = client.cpuMs();
        try {
          const res = await timed(r.key, () => client.request(r.method, r.params));
          samples.get(r.key)!.push(performance.now() - start);
          cpu.set(r.key, (cpu.get(r.key) ?? 0) + client.cpuMs() - c0);
          const n = r.method === 'textDocument/documentSymbol' ? countSymbols(res) : r.method === 'textDocument/completion' ? (Array.isArray(res) ? res : res?.items)?.length : undefined;
          if (n !== undefined) details.set(r.key, `${n.toLocaleString('en-US')} ${r.method === 'textDocument/completion' ? 'items' : 'symbols'}`);
          sizes.set(r.key, Buffer.byteLength(JSON.stringify(res) ?? ''));
          const problem = r.check(res);
          if (problem) notes.set(r.key, problem);
        } catch (e: any) {
          if (e?.code === -32601) unsupported.add(r.key);
          else notes.set(r.key, `error: ${e?.message ?? e}`);
        }
      }
    }
    if (toggled) await apply({ label: 'toggle', range: { start: pos.toggle, end: { line: pos.toggle.line, character: pos.toggle.character + 1 } }, text: pos.toggle.ch, clean: true });
    memoryByPhase.requests = client.memory();
    const reqResults: ServerResult['requests'] = {};
    for (const r of requests) {
      const s = samples.get(r.key)!;
      reqResults[r.key] = unsupported.has(r.key) || !s.length ? 'n/a' : { ...stats(s), first: round(s[0]), note: notes.get(r.key), detail: details.get(r.key), responseBytes: sizes.get(r.key) ?? 0, cpuMs: round((cpu.get(r.key) ?? 0) / s.length) };
    }

    // Renumbering (our server): on the clean plan (nothing to change), and after a new goal is
    // inserted at the top (every number of the plan moves).
    const renumber: ServerResult['renumber'] = {};
    if (ours) {
      const cmds: string[] = caps.executeCommandProvider?.commands ?? [];
      if (!cmds.includes('planwright.server.renumberPlan')) {
        renumber['clean plan'] = 'n/a';
        renumber['new goal at the top'] = 'n/a';
      } else {
        const reps = Math.max(1, Math.min(RENUMBER_REPS, shape.goals > 200 ? 5 : RENUMBER_REPS));
        const time = async (phase: string) => {
          const out: number[] = [];
          let count = 0;
          let via = 'response';
          for (let i = 0; i < reps; i++) {
            const before = client.appliedEdits.length;
            const start = performance.now();
            // The server answers with the number of edits and sends them through workspace/applyEdit
            // (just before its answer). Timed up to whichever of the two arrives last.
            const [res, applied, end] = await timed(phase, async () => {
              const r = await client.request('workspace/executeCommand', { command: 'planwright.server.renumberPlan', arguments: [uri] });
              const answered = performance.now();
              const expect = typeof r?.edits === 'number' ? r.edits > 0 : true;
              const a = client.appliedEdits.length > before ? client.appliedEdits[before] : expect ? await client.nextApplyEdit(before, typeof r?.edits === 'number' ? 10_000 : 50) : undefined;
              return [r, a, Math.max(answered, a?.at ?? 0)] as const;
            });
            out.push(end - start);
            if (applied) via = 'workspace/applyEdit';
            count = applied ? countEdits(applied.edit) : typeof res?.edits === 'number' ? res.edits : countEdits(res);
          }
          return { ...stats(out), edits: count, via };
        };
        renumber['clean plan'] = await time('renumber (clean plan)');
        const [ins, del] = goalPair(t);
        await apply(ins, 'change → diagnostics (goal inserted at the top)');
        renumber['new goal at the top'] = await time('renumber (new goal at the top)');
        await apply(del, 'change → diagnostics (goal removed)');
      }
      log(`  ${name} ${size}: renumber ${JSON.stringify(Object.fromEntries(Object.entries(renumber).map(([k, v]) => [k, v === 'n/a' ? v : v.median])))}`);
    }
    if (ours) memoryByPhase.renumber = client.memory();
    const end = client.memory();
    result = {
      server: name,
      size,
      lines: t.lines.length - 1,
      openMs: round(openMs),
      openCpuMs: round(openCpuMs),
      changeCpuMs: round(editCpu / Math.max(1, edits.length)),
      changeCpuAfterMs: round(editCpuAfter / Math.max(1, edits.length)),
      syntaxBreakMs: breaks.length ? stats(breaks) : undefined,
      syntaxFixMs: fixes.length ? stats(fixes) : undefined,
      goalInsertMs: inserts.length ? stats(inserts) : undefined,
      goalRemoveMs: removes.length ? stats(removes) : undefined,
      openDiagnostics: first.diagnostics.length,
      changeMs,
      edits: edits.map((e) => ({ ...e, ms: round(e.ms) })),
      rssAfterOpenMB: afterOpen && round(afterOpen.rssMB),
      memoryByPhase: Object.fromEntries(Object.entries(memoryByPhase).map(([k, v]) => [k, v && { rssMB: round(v.rssMB), peakMB: round(v.peakMB) }])),
      rssEndMB: end && round(end.rssMB),
      peakMB: end && round(end.peakMB),
      requests: reqResults,
      renumber,
      schemaCheck,
    };
  } finally {
    await client.shutdown();
  }
  if (PROFILE && ours) {
    const file = fs.readdirSync(PROFILE_DIR).find((f) => f.endsWith('.cpuprofile') && !profilesBefore.has(f));
    if (file) {
      result.profile = `${path.relative(ROOT, path.join(PROFILE_DIR, file))}\n\n${summarizeProfile(path.join(PROFILE_DIR, file), 25, windows, 12)}`;
      result.profileFile = path.relative(ROOT, path.join(PROFILE_DIR, file));
      result.profileWindows = windows;
    }
  }
  return result;
}

function countSymbols(r: any): number {
  if (!Array.isArray(r)) return 0;
  return r.reduce((n: number, s: any) => n + 1 + countSymbols(s.children), 0);
}

function countEdits(edit: any): number {
  if (!edit) return 0;
  if (edit.changes) return Object.values(edit.changes as Record<string, unknown[]>).reduce((n, a) => n + a.length, 0);
  if (edit.documentChanges) return (edit.documentChanges as { edits?: unknown[] }[]).reduce((n, c) => n + (c.edits?.length ?? 0), 0);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// The CLI

/** Wall time of `node bin/planwright.js check <file>`, and its CPU time (user + system, from the child's rusage). */
function timeCli(file: string): Stats & { exitCode: number | null; output: string; cpuMs: Stats } {
  const out: number[] = [];
  const cpu: number[] = [];
  let last: ReturnType<typeof spawnSync> | undefined;
  for (let i = 0; i < CLI_RUNS; i++) {
    const before = childCpuMs();
    const start = performance.now();
    last = spawnSync(process.execPath, [path.join(ROOT, 'bin/planwright.js'), 'check', file], { cwd: ROOT, encoding: 'utf8' });
    out.push(performance.now() - start);
    cpu.push(childCpuMs() - before);
  }
  const output = `${last?.stdout ?? ''}${last?.stderr ?? ''}`.trim().split('\n').slice(-1)[0];
  return { ...stats(out), exitCode: last?.status ?? null, output, cpuMs: stats(cpu) };
}

/** CPU time of this process's finished children (cutime + cstime in /proc/self/stat), ms. */
function childCpuMs(): number {
  const stat = safeRead('/proc/self/stat');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
}

// ---------------------------------------------------------------------------------------------
// Report

const log = (s: string) => console.error(s);

function machine() {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const yamlls = JSON.parse(safeRead(path.join(ROOT, 'node_modules/yaml-language-server/package.json')) || '{}').version;
  const git = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || undefined;
  return { git, cpu, nproc: os.availableParallelism?.() ?? os.cpus().length, node: process.version, platform: `${os.type()} ${os.release()}`, memoryGB: round(os.totalmem() / 2 ** 30), loadavg: os.loadavg().map(round), yamlLanguageServer: yamlls };
}

function safeRead(f: string): string {
  try {
    return fs.readFileSync(f, 'utf8');
  } catch {
    return '';
  }
}

const fmt = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtBytes = (b: number | undefined) => (!b || b < 10_000 ? '' : b < 1e6 ? `, ${(b / 1e3).toFixed(0)} kB` : `, ${(b / 1e6).toFixed(1)} MB`);
const fmtStats = (s: Maybe<Stats & { note?: string; detail?: string; responseBytes?: number; cpuMs?: number }> | undefined) =>
  !s
    ? '—'
    : s === 'n/a'
      ? 'n/a'
      : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})${s.cpuMs !== undefined ? `, CPU ${fmt(s.cpuMs)}` : ''}${s.detail ? `, ${s.detail}` : ''}${fmtBytes(s.responseBytes)}${s.note ? ` [${s.note}]` : ''}`;
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(b / a).toFixed(b / a >= 10 ? 0 : 1)}×` : '—');

interface SizeResult {
  size: string;
  /** A plan that passes the style rules (generate.ts `tidy`). */
  tidy?: boolean;
  shape: PlanShape;
  lines: number;
  bytes: number;
  file: string;
  servers: Record<string, ServerResult>;
  cli?: ReturnType<typeof timeCli>;
}

const YAMLLS_DEBOUNCE_MS = 200; // yamlSettings.validationDelayMs, fixed in yaml-language-server

function table(results: SizeResult[]): string {
  const heads = results.map((r) => `${r.lines.toLocaleString('en-US')} lines (${r.shape.goals}×${r.shape.objectives}×${r.shape.subobjectives}${r.tidy ? ', tidy: passes the style rules' : ''})`);
  const rows: string[][] = [];
  const both = (label: string, get: (s: ServerResult) => string) => {
    for (const name of [OURS, YAMLLS]) if (results.some((r) => r.servers[name])) rows.push([`${label}: ${name}`, ...results.map((r) => (r.servers[name] ? get(r.servers[name]) : '—'))]);
  };
  both('open → first diagnostics, ms (server CPU ms)', (s) => `${fmt(s.openMs)} (${fmt(s.openCpuMs)})`);
  both(`change → diagnostics, ms, median (min–max) of ${EDITS}`, (s) => fmtStats(s.changeMs));
  // With every style rule on, the findings published per keystroke: the cost of publishing them is in the row above.
  both('diagnostics published per change (median)', (s) => (s.edits.length ? [...s.edits].map((e) => e.diagnostics).sort((a, b) => a - b)[s.edits.length >> 1].toLocaleString('en-US') : '—'));
  both(`server CPU per change, ms (average): until diagnostics + in the next ${MIN_EDIT_GAP_MS} ms`, (s) => `${fmt(s.changeCpuMs)} + ${fmt(s.changeCpuAfterMs)}`);
  if (SYNTAX_EDITS > 0) {
    both(`change → diagnostics, YAML syntax error typed (closing quote deleted), ms, median (min–max) of ${SYNTAX_EDITS}`, (s) => fmtStats(s.syntaxBreakMs));
    both(`change → diagnostics, syntax error fixed (quote typed again), ms, median (min–max) of ${SYNTAX_EDITS}`, (s) => fmtStats(s.syntaxFixMs));
  }
  if (GOAL_EDITS > 0) {
    both(`change → diagnostics, a short goal inserted at the top of the goals, ms, median (min–max) of ${GOAL_EDITS}`, (s) => fmtStats(s.goalInsertMs));
    both(`change → diagnostics, that goal removed, ms, median (min–max) of ${GOAL_EDITS}`, (s) => fmtStats(s.goalRemoveMs));
  }
  rows.push(['change → diagnostics, yaml-language-server ÷ planwright', ...results.map((r) => ratio(r.servers[OURS]?.changeMs.median, r.servers[YAMLLS]?.changeMs.median))]);
  rows.push([`same, without yaml-language-server's fixed ${YAMLLS_DEBOUNCE_MS} ms delay`, ...results.map((r) => ratio(r.servers[OURS]?.changeMs.median, r.servers[YAMLLS] && r.servers[YAMLLS].changeMs.median - YAMLLS_DEBOUNCE_MS))]);
  rows.push(['open → diagnostics, yaml-language-server ÷ planwright', ...results.map((r) => ratio(r.servers[OURS]?.openMs, r.servers[YAMLLS]?.openMs))]);
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.servers[OURS]?.requests ?? {})))];
  for (const k of keys) {
    rows.push([`${k}, ms, median (min–max): planwright`, ...results.map((r) => fmtStats(r.servers[OURS]?.requests[k]))]);
    if (YAMLLS_REPS > 0 && results.some((r) => r.servers[YAMLLS])) {
      rows.push([`${k}: ${YAMLLS}`, ...results.map((r) => fmtStats(r.servers[YAMLLS]?.requests[k]))]);
    }
  }
  for (const k of [...new Set(results.flatMap((r) => Object.keys(r.servers[OURS]?.renumber ?? {})))]) {
    rows.push([`renumber plan (${k}), ms: planwright`, ...results.map((r) => {
      const v = r.servers[OURS]?.renumber[k];
      return !v || v === 'n/a' ? (v ?? '—') : `${fmtStats(v)}, ${v.edits} edits`;
    })]);
  }
  both('server RSS after open, MB', (s) => fmt(s.rssAfterOpenMB));
  both('server RSS at the end (peak), MB', (s) => `${fmt(s.rssEndMB)} (${fmt(s.peakMB)})`);
  both('server peak RSS (VmHWM) so far, MB, after each phase', (s) => Object.entries(s.memoryByPhase).map(([k, v]) => `${k} ${fmt(v?.peakMB)}`).join(' · '));
  rows.push([`CLI \`planwright check\`, wall ms, median (min–max) of ${CLI_RUNS}; CPU ms`, ...results.map((r) => (r.cli ? `${fmt(r.cli.median)} (${fmt(r.cli.min)}–${fmt(r.cli.max)}); CPU ${fmt(r.cli.cpuMs.median)}` : '—'))]);
  const lines = [`| | ${heads.join(' | ')} |`, `|---|${heads.map(() => '---:').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  return lines.join('\n');
}

interface Target {
  target: string;
  value: string;
  met: boolean | undefined;
}

function targets(results: SizeResult[]): Target[] {
  const by = (lines: number) => results.find((r) => !r.tidy && Math.abs(r.lines - lines) / lines < 0.1);
  const s15 = by(15_800);
  const s63 = by(63_000);
  const out: Target[] = [];
  const add = (target: string, v: number | undefined, limit: number, unit = 'ms', atMost = true, extra = '') =>
    out.push({ target, value: v === undefined ? 'not measured' : `${fmt(v)} ${unit}${extra}`, met: v === undefined ? undefined : atMost ? v <= limit : v >= limit });
  const cpu = (ms: number | undefined) => (ms === undefined ? '' : ` (CPU ${fmt(ms)} ms)`);
  add('change → published diagnostics ≤ 40 ms median at 15.8k lines', s15?.servers[OURS]?.changeMs.median, 40);
  add('change → published diagnostics ≤ 150 ms median at 63k lines', s63?.servers[OURS]?.changeMs.median, 150);
  // The same budgets on the plans that pass the style rules (their shapes: 50×10×8 and 200×10×8, with more text).
  for (const r of results.filter((x) => x.tidy)) {
    const small = r.shape.goals * r.shape.objectives * r.shape.subobjectives <= 4000;
    add(`change → published diagnostics ≤ ${small ? 40 : 150} ms median, ${r.size} (${r.lines.toLocaleString('en-US')} lines, passes the style rules)`, r.servers[OURS]?.changeMs.median, small ? 40 : 150);
  }
  for (const r of [s15, s63]) {
    if (!r) continue;
    const o = r.servers[OURS]?.changeMs.median;
    const y = r.servers[YAMLLS]?.changeMs.median;
    add(`≥ 10× faster than yaml-language-server, change → diagnostics at ${r.size}`, o && y ? y / o : undefined, 10, '×', false);
    add(`≥ 10× faster than yaml-language-server, change → diagnostics at ${r.size}, its ${YAMLLS_DEBOUNCE_MS} ms delay taken out`, o && y ? (y - YAMLLS_DEBOUNCE_MS) / o : undefined, 10, '×', false);
    const ob = r.servers[OURS]?.syntaxBreakMs?.median;
    const yb = r.servers[YAMLLS]?.syntaxBreakMs?.median;
    if (SYNTAX_EDITS > 0) add(`≥ 10× faster than yaml-language-server, change → diagnostics at ${r.size} when the edit makes a YAML syntax error`, ob && yb ? yb / ob : undefined, 10, '×', false);
    const og = r.servers[OURS]?.goalInsertMs?.median;
    const yg = r.servers[YAMLLS]?.goalInsertMs?.median;
    if (GOAL_EDITS > 0) add(`≥ 10× faster than yaml-language-server, change → diagnostics at ${r.size} when a goal is inserted at the top`, og && yg ? yg / og : undefined, 10, '×', false);
    const oo = r.servers[OURS]?.openMs;
    const yo = r.servers[YAMLLS]?.openMs;
    add(`≥ 10× faster than yaml-language-server, open → diagnostics at ${r.size}`, oo && yo ? yo / oo : undefined, 10, '×', false);
  }
  add('open → first diagnostics ≤ 200 ms at 15.8k lines', s15?.servers[OURS]?.openMs, 200, 'ms', true, cpu(s15?.servers[OURS]?.openCpuMs));
  for (const [k, v] of Object.entries(s63?.servers[OURS]?.requests ?? {})) add(`${k} ≤ 20 ms at 63k lines (median)`, v === 'n/a' ? undefined : v.median, 20);
  for (const [k, v] of Object.entries(s63?.servers[OURS]?.renumber ?? {})) add(`renumbering ≤ 500 ms at 63k lines (${k}, median)`, v === 'n/a' ? undefined : v.median, 500);
  for (const r of results) {
    const s = r.servers[OURS];
    if (s) add(`server RSS ≤ 250 MB (${r.size}, after open)`, s.rssAfterOpenMB, 250, 'MB');
    if (s) add(`server RSS ≤ 250 MB (${r.size}, peak over the whole run: VmHWM)`, s.peakMB, 250, 'MB');
  }
  add('CLI `planwright check` ≤ 1 s at 63k lines (wall, median)', s63?.cli?.median, 1000, 'ms', true, cpu(s63?.cli?.cpuMs.median));
  return out;
}

function targetTable(ts: Target[]): string {
  return ['| Target | Measured | |', '|---|---:|---|', ...ts.map((t) => `| ${t.target} | ${t.value} | ${t.met === undefined ? 'not measured (n/a)' : t.met ? 'met' : '**not met**'} |`)].join('\n');
}

/**
 * Copies dist/server.js (built by `npm run bench`) so that a rebuild during the run changes
 * nothing. Profiling needs readable names: then the server is bundled from source, unminified,
 * with a source map, as scripts/build.mjs does without --production.
 */
async function snapshotServer(): Promise<void> {
  for (const f of ['server.js', 'server.js.map']) fs.rmSync(path.join(WORK, f), { force: true });
  if (PROFILE) {
    const esbuild = await import('esbuild');
    await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', absWorkingDir: ROOT, entryPoints: ['server/src/server.ts'], outfile: SERVER_SNAPSHOT });
    return;
  }
  const js = fs.readFileSync(path.join(ROOT, 'dist/server.js'), 'utf8');
  fs.writeFileSync(SERVER_SNAPSHOT, js);
  // A --production build has no map; a map left from an earlier build would mislead.
  if (/\/\/# sourceMappingURL=server\.js\.map\s*$/.test(js)) fs.copyFileSync(path.join(ROOT, 'dist/server.js.map'), SERVER_SNAPSHOT + '.map');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  fs.mkdirSync(WORK, { recursive: true });
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  // Written for a BENCH_STYLE run, removed otherwise (one left from an earlier run would count).
  const styleConfig = path.join(WORK, '.planwright.yaml');
  if (STYLE) fs.writeFileSync(styleConfig, `rules:\n${STYLE_CODES.map((c) => `  ${c}: warning`).join('\n')}\n`);
  else fs.rmSync(styleConfig, { force: true });
  if (PROFILE) {
    fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
    fs.mkdirSync(PROFILE_DIR, { recursive: true });
  }
  if (!env.BENCH_PLANWRIGHT_CMD) await snapshotServer();
  const m = machine();
  log(`machine: ${m.cpu}, ${m.nproc} CPUs, node ${m.node}, load ${m.loadavg.join(' ')}`);
  const results: SizeResult[] = [];
  for (const sizeArg of SIZES) {
    const { name, shape, tidy } = parseSize(sizeArg);
    const plan = generatePlan({ ...shape, tidy });
    const file = path.join(WORK, `bench-${name.replace(/[^\w.-]/g, '_')}.plan.yaml`);
    fs.writeFileSync(file, plan.text);
    log(`${name}: ${plan.lineCount} lines, ${plan.items} items, ${(plan.text.length / 1e6).toFixed(1)} MB → ${path.relative(ROOT, file)}`);
    const r: SizeResult = { size: name, tidy, shape, lines: plan.lineCount, bytes: Buffer.byteLength(plan.text), file: path.relative(ROOT, file), servers: {} };
    for (const server of SERVER_NAMES) r.servers[server] = await runServer(server, name, shape, file, plan.text);
    if (SERVER_NAMES.includes(OURS) && CLI_RUNS > 0) {
      r.cli = timeCli(file);
      if (r.cli.exitCode !== 0) throw new Error(`planwright check ${file} exited with ${r.cli.exitCode}: ${r.cli.output}`);
      log(`  CLI ${name}: ${r.cli.median} ms (${r.cli.output})`);
    }
    results.push(r);
  }
  const ts = targets(results);
  const profile = PROFILE ? results.map((r) => `### ${r.size}\n\n${r.servers[OURS]?.profile ?? 'no profile'}`).join('\n\n') : undefined;
  const date = new Date().toISOString();
  const seconds = Math.round((performance.now() - started) / 1000);
  const md = markdown(date, m, results, seconds, ts);
  process.stdout.write(md);
  if (profile) process.stdout.write(`\n## Top self time, ${OURS} (--cpu-prof)\n\n${profile}\n`);
  const config = { sizes: SIZES, edits: EDITS, syntaxEdits: SYNTAX_EDITS, goalEdits: GOAL_EDITS, reps: REPS, yamllsReps: YAMLLS_REPS, renumberReps: RENUMBER_REPS, cliRuns: CLI_RUNS, profile: PROFILE, servers: SERVER_NAMES.map(serverCommand) };
  fs.writeFileSync(OUT, JSON.stringify({ date, seconds, machine: m, config, results, targets: ts, markdown: md, profile }, null, 1));
  log(`wrote ${path.relative(ROOT, OUT)}`);
}

function markdown(date: string, m: ReturnType<typeof machine>, results: SizeResult[], seconds: number, ts: Target[]): string {
  return [
    `Planwright benchmarks: ${date}`,
    '',
    `Machine: ${m.cpu}, ${m.nproc} CPUs (nproc), ${m.memoryGB} GB, node ${m.node}, ${m.platform}; load average at start ${m.loadavg.join(', ')}; yaml-language-server ${m.yamlLanguageServer}${m.git ? `; planwright at \`${m.git}\`` : ''}.`,
    `Command: \`${['BENCH_SIZES=' + SIZES.join(','), 'BENCH_EDITS=' + EDITS, 'BENCH_SYNTAX_EDITS=' + SYNTAX_EDITS, 'BENCH_GOAL_EDITS=' + GOAL_EDITS, 'BENCH_REPS=' + REPS].join(' ')} npm run bench\`${PROFILE ? ' (BENCH_PROFILE=1: timings include the profiler)' : ''}; ${seconds} s.`,
    '',
    table(results),
    '',
    targetTable(ts),
    '',
  ].join('\n');
}

/** `--report [file]`: the tables of a saved run, with this version's rows and targets. */
function report(file: string): void {
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  const c = saved.config;
  SIZES = c.sizes;
  EDITS = c.edits;
  SYNTAX_EDITS = c.syntaxEdits ?? 0;
  GOAL_EDITS = c.goalEdits ?? 0;
  REPS = c.reps;
  YAMLLS_REPS = c.yamllsReps;
  RENUMBER_REPS = c.renumberReps;
  CLI_RUNS = c.cliRuns;
  const results = saved.results as SizeResult[];
  process.stdout.write(markdown(saved.date, saved.machine, results, saved.seconds ?? 0, targets(results)));
}

const reportAt = process.argv.indexOf('--report');
(reportAt >= 0 ? Promise.resolve().then(() => report(path.resolve(process.argv[reportAt + 1] ?? OUT))) : main()).catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
