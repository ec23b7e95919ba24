// Bundles the extension client, the language server and the CLI with esbuild.
// The client bundle must not contain the server's code: activation stays cheap.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
};

await Promise.all([
  // The banner stamps when VS Code starts evaluating the bundle, so that activation time
  // (loading the bundle + activate()) can be measured: see activate()'s return value.
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    banner: { js: '"use strict";globalThis.__planwrightLoadStart = performance.now();' },
  }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js' }),
]);
