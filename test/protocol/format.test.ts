import * as assert from 'assert';
import type { TextEdit } from 'vscode-languageserver-types';
import { serverWith, TestClient } from './lspClient';

const URI = 'file:///ws/messy.plan.yaml';
const MESSY = 'title: Messy\nplanwright: 1\nunits:\n- { id: OPS, name: Operations }\ngoals:\n- id: "1"\n  title: One   # kept\n  objectives:\n      - title: O\n        id: 1.1\n        lead: OPS\n        related: [1.1]\n- id: "2"\n  title: Two\n';
const CANONICAL = 'planwright: 1\ntitle: Messy\nunits:\n  - { id: OPS, name: Operations }\ngoals:\n  - id: "1"\n    title: One   # kept\n    objectives:\n      - id: "1.1"\n        title: O\n        lead: OPS\n        related: ["1.1"]\n\n  - id: "2"\n    title: Two\n';

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => off(b.range.start) - off(a.range.start)).reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}

describe('language server over stdio: formatting and inlay hints', () => {
  let client: TestClient;
  afterEach(async () => client?.shutdown());

  it('announces formatting, range formatting and inlay hints, and a formatting request returns edits that give the canonical text', async () => {
    client = new TestClient();
    const init = await client.initialize();
    assert.strictEqual(init.capabilities.documentFormattingProvider, true);
    assert.strictEqual(init.capabilities.documentRangeFormattingProvider, true);
    assert.strictEqual(init.capabilities.inlayHintProvider, true);
    client.open(URI, MESSY);
    await client.waitForDiagnostics(URI);
    const edits: TextEdit[] = await client.request('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    assert.strictEqual(apply(MESSY, edits), CANONICAL);
    // Formatted text formats to nothing.
    client.change(URI, 2, [{ text: CANONICAL }]);
    assert.deepStrictEqual(await client.request('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } }), []);
    // One messy line: one edit, of that line only (the cursor elsewhere stays where it is).
    const oneOff = CANONICAL.replace('    title: Two\n', '    title:   Two  \n');
    client.change(URI, 3, [{ text: oneOff }]);
    const one: TextEdit[] = await client.request('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepStrictEqual(one, [{ range: { start: { line: 14, character: 0 }, end: { line: 15, character: 0 } }, newText: '    title: Two\n' }]);
    client.change(URI, 4, [{ text: CANONICAL }]);
    const ranged = await client.request('textDocument/rangeFormatting', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, options: { tabSize: 2, insertSpaces: true } });
    assert.deepStrictEqual(ranged, []);
  });

  it('returns no edits for a plan with YAML syntax errors', async () => {
    client = await serverWith(URI, 'planwright: 1\ntitle: "open\ngoals:\n    - id: 1\n');
    assert.deepStrictEqual(await client.request('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } }), []);
  });

  it('answers inlay hints for a range with the titles and unit names the entries name, and none once the setting is off', async () => {
    client = await serverWith(URI, CANONICAL);
    const range = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
    const hints = await client.request('textDocument/inlayHint', { textDocument: { uri: URI }, range });
    assert.deepStrictEqual(hints.map((h: { position: { line: number }; label: string }) => [h.position.line, h.label]), [[10, '▸ Operations'], [11, '▸ O']]);
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { planwright: { inlayHints: { enabled: false } } } });
    assert.deepStrictEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: URI }, range }), []);
  });
});
