// The .vsix ships what runs and what the Marketplace page needs: the bundles, the manifest, the
// README (vsce rewrites its relative images and links to the repository), the grammar, schema,
// template and preview assets, the icon. Screenshots, docs, benchmarks, samples, sources, tests
// and build output stay out, so the package stays small as screenshots are added.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

describe('the packaged extension (.vsix)', function () {
  this.timeout(60000);
  let files: string[];
  before(() => {
    // The files vsce would package, as `npx vsce ls --no-dependencies` lists them.
    const r = spawnSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('holds the bundles, the manifest, the README and what the extension reads at run time', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/server.js', 'language-configuration.json', 'syntaxes/strategic-plan.tmLanguage.json', 'schemas/plan.schema.json', 'templates/new.plan.yaml', 'media/preview.js', 'media/preview.css', 'images/icon.png']) {
      assert.ok(files.includes(f), `${f} is not packaged (files: ${files.join(', ')})`);
    }
  });

  it('leaves out screenshots, docs, benchmarks, samples, sources, tests, source maps and build output', () => {
    const unwanted = files.filter((f) =>
      (/\.(png|jpe?g|gif|webp|svg)$/i.test(f) && f !== 'images/icon.png') ||
      /^(docs|samples|test|server|client|out|scripts|node_modules|\.vscode-test|test-results)\//.test(f) ||
      /(^|\/)BENCHMARKS\.md$/.test(f) ||
      /\.(ts|map)$/.test(f) ||
      f === 'dist/cli.js',
    );
    assert.deepStrictEqual(unwanted, []);
  });
});
