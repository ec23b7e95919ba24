#!/usr/bin/env node
// `npm start`: Planwright in a real VS Code in the browser, in one command, for someone who wants
// to see what it does. Installs code-server the way the editor tests do (scripts/setup-code-server.sh:
// npm registry and Debian packages only), builds and packages the extension, installs it into a
// code-server of its own (.vscode-test/start/), opens a copy of the samples and prints the address.
// Loopback only, no password (--auth none bound to 127.0.0.1: nothing off this machine can reach it).
// Ctrl+C stops it.
//
// Options:
//   --port N        listen on port N (default 8080, or a free port when 8080 is taken; 0: any free port)
//   --skip-build    use dist/ as it is
//   --vsix FILE     install this .vsix instead of packaging one
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const WORK = path.join(ROOT, '.vscode-test', 'start');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : dflt; };
const say = (...a) => console.error('[planwright start]', ...a);

function run(cmd, args, what, { capture = false } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: capture ? ['ignore', 'pipe', 'inherit'] : ['ignore', 'inherit', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
  return r;
}

/** `wanted` if it is free on 127.0.0.1 (0 or taken: a free one). */
function port(wanted) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => (wanted === 0 ? resolve(0) : port(0).then(resolve)));
    s.listen(wanted, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
  });
}

async function main() {
  say('setting up code-server (first time: a few minutes)');
  const entry = run('bash', [path.join(ROOT, 'scripts/setup-code-server.sh')], 'setup-code-server', { capture: true }).stdout.trim().split('\n').pop();
  let vsix = opt('--vsix') && path.resolve(opt('--vsix'));
  if (!vsix) {
    if (!argv.includes('--skip-build')) run(process.execPath, ['scripts/build.mjs', '--production'], 'build');
    fs.mkdirSync(WORK, { recursive: true });
    vsix = path.join(WORK, 'planwright.vsix');
    run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix], 'vsce package', { capture: true });
  }
  // A fresh copy of the samples: the demo may edit them, the repository's stay as they are.
  const folder = path.join(WORK, 'samples');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, 'samples'), folder, { recursive: true });
  const extensionsDir = path.join(WORK, 'extensions');
  const userDataDir = path.join(WORK, 'user-data');
  const config = path.join(WORK, 'code-server.yaml');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const settings = path.join(userDataDir, 'User', 'settings.json');
  {
    fs.writeFileSync(settings, JSON.stringify({
      'workbench.startupEditor': 'none',
      // The copy of the samples lies inside the repository: no "open the git repository?" prompt.
      'git.openRepositoryInParentFolders': 'never',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
    }, null, 2));
  }
  // No marketplace: this may be a machine without network.
  const env = { ...process.env, EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }) };
  const install = spawnSync(process.execPath, [entry, '--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { cwd: ROOT, env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing the extension failed:\n${install.stdout}${install.stderr}`);

  const p = await port(Number(opt('--port', '8080')));
  const child = spawn(process.execPath, [entry, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${p}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, folder], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const stop = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stop(); process.exit(0); });
  process.on('exit', stop);
  child.on('exit', (code) => {
    say(`code-server stopped (${code ?? 'signal'})${stderr ? `:\n${stderr}` : ''}`);
    process.exit(code ?? 0);
  });
  const base = `http://127.0.0.1:${p}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not yet */ }
    if (i > 300) throw new Error(`code-server did not answer on ${base} within 60 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The one line on stdout: the address to open (scripts and tests read it); code-server opens the samples there.
  console.log(`${base}/`);
  say(`Planwright is running in VS Code at ${base} with the samples open (no password; only this machine can reach it). Ctrl+C stops it.`);
}

main().catch((e) => {
  say(e.message);
  process.exit(1);
});
