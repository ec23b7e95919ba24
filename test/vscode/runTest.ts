// Runs the extension-host suite (test/vscode/suite) in a desktop VS Code downloaded by
// @vscode/test-electron: `npm run test:vscode` on a machine that can download VS Code.
// Here (no network) the same suite runs in code-server instead: `npm run test:e2e`.
//
// The VS Code version defaults to the one code-server 4.100.3 embeds (1.100.3, also the oldest
// that package.json's engines accept); VSCODE_TEST_VERSION=stable (or another version) overrides it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The subset of @vscode/test-electron's API used here, declared locally so that the project
// type-checks whether or not that devDependency is installed.
interface TestOptions {
  version?: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  launchArgs?: string[];
  extensionTestsEnv?: Record<string, string | undefined>;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  // The tests open, edit and revert the samples they are written about: give them copies in a
  // folder of their own (the same as scripts/e2e.mjs; DHS beside ICE, which aligns to it).
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'planwright-vscode-'));
  for (const f of ['ice-strategic-plan-2021-2025.plan.yaml', 'dhs-strategic-plan-2020-2024.plan.yaml', 'with-errors.plan.yaml']) fs.copyFileSync(path.join(root, 'samples', f), path.join(workspace, f));
  const { runTests } = require('@vscode/test-electron') as { runTests(options: TestOptions): Promise<number> };
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { PLANWRIGHT_VSCODE_RESULTS: path.join(root, 'test-results', 'vscode-suite.json') },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
