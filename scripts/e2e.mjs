#!/usr/bin/env node
// Editor tests, end to end, in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by
// headless Chromium through playwright-core. One command: `node scripts/e2e.mjs` (npm run test:e2e).
//
//  0. installs code-server and Chromium when missing (scripts/setup-code-server.sh, idempotent);
//  1. builds the extension (node scripts/build.mjs --production), compiles the tests (tsc -p .)
//     and packages a .vsix (vsce package --no-dependencies);
//  2. extension-host suite: code-server runs test/vscode/suite (compiled to out/test/vscode/suite)
//     inside its real extension host, the way @vscode/test-electron would, by opening the workbench
//     with a `payload` naming extensionDevelopmentPath and extensionTestsPath; the suite writes its
//     results to a JSON file that this script reads;
//  3. what a person sees: the .vsix is installed into a fresh code-server, and test/e2e/workbench.mjs
//     clicks and types through the workbench, saving a screenshot per step in test-results/e2e/.
//
// Exits non-zero on any failure or timeout; code-server and Chromium are killed whatever happens.
//
// Options:
//   --only suite|workbench|start   run one layer only (start: `npm start` serves the samples, see runStart)
//   --grep TEXT              only the extension-host tests whose title contains TEXT
//   --vsix FILE              install this .vsix instead of packaging one
//   --skip-build             use dist/ and out/ as they are (no build, no tsc; still packages unless --vsix)
//   --timeout SECONDS        whole-run watchdog (default 900)
//   --headed                 show the browser (needs a display)
// Environment: PLANWRIGHT_E2E_STEPS=name,... runs only those workbench steps (and the required
// ones); PLANWRIGHT_DOC_SHOTS=DIR keeps the README's screenshots there.
//   --steps NAME[,NAME]      only these workbench steps (and the required ones before them)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as util from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const RESULTS = path.join(ROOT, 'test-results');
const WORK = path.join(ROOT, '.vscode-test', 'run');
// code-server's own config file (it writes one with defaults when missing): kept out of ~/.config.
const CONFIG = path.join(WORK, 'code-server.yaml');
const CHROMIUM = process.env.PLANWRIGHT_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const flag = (name) => argv.includes(name);
const ONLY = opt('--only');
const GREP = opt('--grep');
const VSIX = opt('--vsix');
const SKIP_BUILD = flag('--skip-build');
const HEADED = flag('--headed');
const STEPS = opt('--steps')?.split(',').filter(Boolean);
const WATCHDOG_S = Number(opt('--timeout', '900'));
const SUITE_START_S = 90; // the suite must have started (written its results file) by then
const SUITE_TIMEOUT_S = 300; // and finished by then

const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (...a) => console.log(`[e2e ${since()}]`, ...a);

// ---------------------------------------------------------------- cleanup, whatever happens
const children = new Set(); // code-server processes (each the leader of its own process group)
const browsers = new Set();
let cleaning;
async function cleanup() {
  cleaning ??= (async () => {
    for (const b of browsers) await Promise.race([b.close().catch(() => {}), sleep(5000)]);
    for (const c of children) killGroup(c);
    await sleep(200);
    for (const c of children) killGroup(c, 'SIGKILL');
  })();
  return cleaning;
}
function killGroup(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* gone */ } }
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => { log(`${sig}: stopping`); await cleanup(); process.exit(130); });
}
const watchdog = setTimeout(async () => {
  log(`TIMEOUT: the whole run took more than ${WATCHDOG_S}s`);
  await cleanup();
  process.exit(124);
}, WATCHDOG_S * 1000);
watchdog.unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- steps
function sh(cmd, args, { what = `${cmd} ${args.join(' ')}`, env, allowFail = false, capture = false } = {}) {
  const s = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...env }, encoding: 'utf8' });
  const took = ((Date.now() - s) / 1000).toFixed(1);
  if (r.status !== 0 && !allowFail) throw new Error(`${what} failed (exit ${r.status ?? r.signal}) after ${took}s`);
  log(`${what}: ${r.status === 0 ? 'ok' : `exit ${r.status}`} (${took}s)`);
  return r;
}

function installCodeServer() {
  const r = sh('bash', [path.join(ROOT, 'scripts/setup-code-server.sh')], { what: 'setup-code-server', capture: true });
  const entry = r.stdout.trim().split('\n').pop();
  if (!fs.existsSync(entry)) throw new Error(`setup-code-server printed no code-server entry point (${entry})`);
  return entry;
}

function build() {
  sh(process.execPath, ['scripts/build.mjs', '--production'], { what: 'build --production' });
  // Other people's work in progress may not type-check; the unit run (npm test) is the gate for
  // that. Here only the suite's compiled output matters.
  const tsc = sh(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], { what: 'tsc -p .', allowFail: true });
  if (tsc.status !== 0) log('warning: tsc reported errors (see above); going on with what it emitted');
  if (!fs.existsSync(path.join(ROOT, 'out/test/vscode/suite/index.js'))) throw new Error('out/test/vscode/suite/index.js was not emitted');
}

function packageVsix() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const file = path.join(RESULTS, `${pkg.name}-${pkg.version}.vsix`);
  fs.rmSync(file, { force: true });
  sh(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', file], { what: 'vsce package' });
  return file;
}

// A fresh folder with copies of the samples the editor tests are written about (the ICE plan, the
// DHS plan its `aligns` entries name, and the error sample): tests may edit them without touching
// the real ones, and the Problems panel, status bar and Plan view show those plans only.
const E2E_SAMPLES = ['ice-strategic-plan-2021-2025.plan.yaml', 'dhs-strategic-plan-2020-2024.plan.yaml', 'with-errors.plan.yaml'];
function makeWorkspace(name) {
  const dir = path.join(WORK, name, 'workspace');
  fs.rmSync(path.join(WORK, name), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of E2E_SAMPLES) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(dir, f));
  return dir;
}

// User settings that keep the workbench quiet and deterministic (no welcome page, no tips, no
// update or marketplace checks: this machine has no network).
function writeUserSettings(userDataDir) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    // The Outline opens with its items folded, so the top level (the goals) fits on screen.
    'outline.collapseItems': 'alwaysCollapse',
    'files.autoSave': 'off',
  }, null, 2));
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// Environment for code-server: no marketplace (it would try the network and log errors).
function codeServerEnv(extra = {}) {
  return {
    ...process.env,
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
    ...extra,
  };
}

async function startCodeServer(entry, { name, folder, extensionsDir, env }) {
  const port = await freePort();
  const userDataDir = path.join(WORK, name, 'user-data');
  writeUserSettings(userDataDir);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const logFile = path.join(RESULTS, `code-server-${name}.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [entry, '--config', CONFIG, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: codeServerEnv(env), stdio: ['ignore', out, out], detached: true });
  children.add(child);
  fs.closeSync(out);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}) at start: see ${path.relative(ROOT, logFile)}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) { log(`code-server (${name}) listening on ${base}, log in ${path.relative(ROOT, logFile)}`); return { child, port, base, logFile }; }
    } catch { /* not yet */ }
    await sleep(200);
  }
  throw new Error(`code-server (${name}) did not answer on ${base} within 30s`);
}

async function launchBrowser() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: !HEADED, args: HEADED ? CHROMIUM_ARGS.filter((a) => a !== '--headless') : CHROMIUM_ARGS });
  browsers.add(browser);
  return browser;
}

// The browser's console carries the extension host's console (mocha's spec reporter): keep it.
function recordConsole(page, file) {
  const lines = [];
  page.on('console', (m) => {
    const i = lines.push(`[${m.type()}] ${m.text()}`) - 1;
    // VS Code forwards extension-host logs as ('%c INFO', 'color: ...', format, ...args): format them.
    const failed = Symbol('failed');
    Promise.all(m.args().map((a) => a.jsonValue().catch(() => failed)))
      .then((args) => {
        if (args.includes(failed)) return; // the page went away: keep the text as it came
        if (typeof args[0] === 'string' && args[0].startsWith('%c')) args.splice(0, 2);
        if (args.length) lines[i] = `[${m.type()}] ${util.format(...args)}`;
      })
      .catch(() => undefined);
  });
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  return () => fs.writeFileSync(file, lines.join('\n') + '\n');
}

// ---------------------------------------------------------------- layer 1: extension-host suite
async function runSuite(entry) {
  const folder = makeWorkspace('suite');
  const resultsFile = path.join(RESULTS, 'vscode-suite.json');
  fs.rmSync(resultsFile, { force: true });
  const env = { PLANWRIGHT_VSCODE_RESULTS: resultsFile };
  if (GREP) env.PLANWRIGHT_VSCODE_GREP = GREP;
  const cs = await startCodeServer(entry, { name: 'suite', folder, extensionsDir: path.join(WORK, 'suite', 'extensions'), env });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const saveConsole = recordConsole(page, path.join(RESULTS, 'vscode-suite.console.log'));
  const authority = `127.0.0.1:${cs.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`],
    ['extensionTestsPath', `vscode-remote://${authority}${ROOT}/out/test/vscode/suite/index.js`],
  ];
  const url = `${cs.base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log('extension-host suite: opening the workbench with the test payload');
  await page.goto(url);
  // VS Code closes the window once the tests have run (or could not be loaded): after that, a
  // results file that is missing or still 'running' will stay so.
  let closedAt, loadErrorAt;
  page.on('close', () => { closedAt = Date.now(); });
  // The extension host reports a test module that cannot be loaded or run to the console.
  page.on('console', (m) => { if (m.type() === 'error' && m.text().includes('$extensionTestsExecute')) loadErrorAt ??= Date.now(); });
  let results;
  const start = Date.now();
  for (;;) {
    await sleep(500);
    const waited = (Date.now() - start) / 1000;
    results = undefined;
    if (fs.existsSync(resultsFile)) {
      try { results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* being written */ }
      if (results && results.status !== 'running') break;
    } else if (waited > SUITE_START_S) break;
    if (waited > SUITE_TIMEOUT_S) break;
    if (closedAt && Date.now() - closedAt > 5000) {
      log('the workbench closed before the suite reported');
      break;
    }
    if (loadErrorAt && Date.now() - loadErrorAt > 3000) {
      log('the extension host could not run the suite (see test-results/vscode-suite.console.log)');
      break;
    }
  }
  if (!page.isClosed()) await page.screenshot({ path: path.join(RESULTS, 'vscode-suite-end.png') }).catch(() => {});
  saveConsole();
  await browser.close().catch(() => {});
  browsers.delete(browser);
  killGroup(cs.child);
  if (!results) return { passed: 0, failed: 1, problems: [`the extension-host suite never started (no ${path.relative(ROOT, resultsFile)}): see test-results/vscode-suite.console.log and ${path.relative(ROOT, cs.logFile)}`] };
  for (const t of results.tests) {
    console.log(`  ${t.state === 'passed' ? 'ok  ' : t.state === 'failed' ? 'FAIL' : 'skip'} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs}ms)` : ''}`);
    if (t.error) console.log(t.error.split('\n').slice(0, 8).map((l) => `         ${l}`).join('\n'));
  }
  const problems = [];
  if (results.status === 'running') problems.push(`the extension-host suite did not finish (timeout ${SUITE_TIMEOUT_S}s, or the workbench closed): see test-results/vscode-suite.console.log`);
  if (results.status === 'crashed') problems.push(`the extension-host suite crashed: ${results.error}`);
  if (results.passed + results.failed === 0) problems.push('the extension-host suite ran no test');
  return { passed: results.passed, failed: results.failed + problems.length, problems };
}

// ---------------------------------------------------------------- layer 2: the workbench as a person sees it
async function runWorkbench(entry, vsix) {
  const folder = makeWorkspace('workbench');
  const extensionsDir = path.join(WORK, 'workbench', 'extensions');
  const userDataDir = path.join(WORK, 'workbench', 'user-data');
  sh(process.execPath, [entry, '--config', CONFIG, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { what: `code-server --install-extension ${path.relative(ROOT, vsix)}`, env: codeServerEnv() });
  const cs = await startCodeServer(entry, { name: 'workbench', folder, extensionsDir });
  const browser = await launchBrowser();
  const shots = path.join(RESULTS, 'e2e');
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const saveConsole = recordConsole(page, path.join(RESULTS, 'workbench.console.log'));
  const { steps } = await import(pathToFileURL(path.join(ROOT, 'test/e2e/workbench.mjs')).href);
  const url = `${cs.base}/?folder=${encodeURIComponent(folder)}`;
  let passed = 0, failed = 0;
  const problems = [];
  let n = 0;
  // PLANWRIGHT_E2E_STEPS=name,name: only those steps (and the required ones), to retake one screenshot.
  const onlySteps = process.env.PLANWRIGHT_E2E_STEPS?.split(',').map((x) => x.trim()).filter(Boolean);
  for (const step of steps) {
    n++;
    const wanted = STEPS ?? onlySteps;
    if (wanted && !step.required && !wanted.includes(step.name)) continue;
    const shot = path.join(shots, `${String(n).padStart(2, '0')}-${step.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    const s = Date.now();
    try {
      await step.run({ page, url, folder, log });
      await sleep(500); // let hovers and animations settle before the screenshot
      passed++;
      console.log(`  ok   ${step.title} (${Date.now() - s}ms)`);
    } catch (e) {
      failed++;
      problems.push(`${step.title}: ${e.message.split('\n')[0]}`);
      console.log(`  FAIL ${step.title} (${Date.now() - s}ms)\n${String(e.stack ?? e).split('\n').slice(0, 8).map((l) => `         ${l}`).join('\n')}`);
      if (step.required) { await page.screenshot({ path: shot }).catch(() => {}); break; }
    }
    await page.screenshot({ path: shot }).catch(() => {});
  }
  saveConsole();
  await browser.close().catch(() => {});
  browsers.delete(browser);
  killGroup(cs.child);
  return { passed, failed, problems };
}

// ---------------------------------------------------------------- layer 3: npm start
// `npm start` (scripts/start.mjs) as a newcomer runs it: it prints the address, the page is
// VS Code on the samples without a password, on the loopback interface only, with Planwright
// installed; Ctrl+C (SIGINT) stops it and its code-server.
async function runStart(vsix) {
  const problems = [];
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--vsix', vsix], { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.add(child);
  let out = '', err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const check = async (what, fn) => {
    try { await fn(); console.log(`  ok   ${what}`); } catch (e) { problems.push(`${what}: ${e.message.split('\n')[0]}`); console.log(`  FAIL ${what}: ${e.message}`); }
  };
  let url;
  await check('npm start prints http://127.0.0.1:PORT/ once code-server answers', async () => {
    for (let i = 0; i < 600 && !/\n/.test(out); i++) {
      if (child.exitCode !== null) throw new Error(`start.mjs exited (${child.exitCode}): ${err.slice(-500)}`);
      await sleep(100);
    }
    url = out.trim().split('\n')[0];
    if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(url ?? '')) throw new Error(`printed ${JSON.stringify(out.slice(0, 200))}`);
  });
  if (url) {
    await check('the page is VS Code, without a password prompt', async () => {
      // code-server sends / on to the samples folder (with a password it would send it to /login).
      const r = await fetch(url);
      const html = await r.text();
      if (r.status !== 200 || /\/login/.test(new URL(r.url).pathname) || !r.url.includes('folder=') || !html.includes('vscode-workbench-web-configuration')) throw new Error(`GET ${url} -> ${r.url}: ${r.status} ${html.slice(0, 120)}`);
    });
    await check('it listens on the loopback interface only', async () => {
      const { port } = new URL(url);
      const outside = Object.values((await import('node:os')).networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (!outside) return; // no other interface to try
      const reached = await new Promise((resolve) => {
        const sock = net.connect({ host: outside.address, port: Number(port) }, () => { sock.destroy(); resolve(true); });
        sock.on('error', () => resolve(false));
        sock.setTimeout(2000, () => { sock.destroy(); resolve(false); });
      });
      if (reached) throw new Error(`port ${port} answers on ${outside.address}`);
    });
    await check('the workbench opens the samples with Planwright installed (its Plan view lists the ICE plan)', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(url);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row[aria-label^="ice-strategic-plan-2021-2025.plan.yaml"]').waitFor({ timeout: 30_000 });
        await page.locator('.pane-header h3.title', { hasText: /^Plan$/i }).first().waitFor({ timeout: 30_000 });
        await page.screenshot({ path: path.join(RESULTS, 'npm-start.png') }).catch(() => {});
      } finally {
        await browser.close().catch(() => {});
        browsers.delete(browser);
      }
    });
  }
  await check('Ctrl+C stops it and its code-server', async () => {
    const port = url && new URL(url).port;
    process.kill(child.pid, 'SIGINT');
    for (let i = 0; i < 100 && child.exitCode === null && child.signalCode === null; i++) await sleep(100);
    if (child.exitCode === null && child.signalCode === null) throw new Error('start.mjs still runs 10 s after SIGINT');
    if (port) {
      await sleep(500);
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
      if (up) throw new Error(`code-server still answers on port ${port}`);
    }
  });
  killGroup(child);
  return { passed: 4 + (url ? 1 : 0) - problems.length, failed: problems.length, problems };
}

// ---------------------------------------------------------------- main
async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const entry = installCodeServer();
  if (!SKIP_BUILD) build();
  let vsix = VSIX && path.resolve(VSIX);
  if (!vsix && ONLY !== 'suite') vsix = packageVsix();
  const layers = [];
  if (!ONLY || ONLY === 'suite') layers.push(['extension-host suite', () => runSuite(entry)]);
  if (!ONLY || ONLY === 'workbench') layers.push(['workbench (Playwright)', () => runWorkbench(entry, vsix)]);
  if (!ONLY || ONLY === 'start') layers.push(['npm start', () => runStart(vsix)]);
  let passed = 0, failed = 0;
  const problems = [];
  for (const [name, run] of layers) {
    log(`${name}: start`);
    let r;
    try { r = await run(); } catch (e) { r = { passed: 0, failed: 1, problems: [`${name}: ${e.stack ?? e}`] }; }
    log(`${name}: ${r.passed} passed, ${r.failed} failed`);
    passed += r.passed; failed += r.failed; problems.push(...r.problems);
  }
  for (const p of problems) log(`problem: ${p}`);
  log(`done in ${since()}`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  log(`error: ${e.stack ?? e}`);
  console.log('e2e: 0 passed, 1 failed');
} finally {
  await cleanup();
}
process.exit(code);
