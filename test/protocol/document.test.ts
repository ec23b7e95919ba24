import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, serverWith, TestClient } from './lspClient';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const URI_ICE = 'file:///ws/ice.plan.yaml';

describe('language server over stdio: the plan as a document', () => {
  let client: TestClient;
  before(async () => {
    client = await serverWith(URI_ICE, ICE);
  });
  after(async () => client.shutdown());

  it('answers planwright/document with the preview blocks, and after an edit sends only the goal that changed', async () => {
    const first = await client.request('planwright/document', { textDocument: { uri: URI_ICE } });
    assert.strictEqual(first.blocks.length, 11);
    assert.match(first.blocks[0].html, /<h1>U\.S\. Immigration and Customs Enforcement Strategic Plan 2021-2025<\/h1>/);
    const line = ICE.split('\n').findIndex((l) => l.includes('Combat Immigration Fraud and Abuse'));
    const character = ICE.split('\n')[line].length;
    client.change(URI_ICE, 2, [{ range: { start: { line, character }, end: { line, character } }, text: ' Now' }]);
    const next = await client.request('planwright/document', { textDocument: { uri: URI_ICE }, known: first.blocks.map((b: { key: string }) => b.key) });
    const sent = next.blocks.filter((b: { html?: string }) => b.html !== undefined);
    assert.deepStrictEqual(sent.map((b: { key: string }) => b.key.split('#')[0]), ['contents', 'goal:item-3']);
    assert.match(sent[1].html, /3\.2 Combat Immigration Fraud and Abuse Now<\/h3>/);
  });

  it('answers planwright/export with the file in each format, and null for an unknown plan or format', async () => {
    const html = await client.request('planwright/export', { textDocument: { uri: URI_ICE }, format: 'html' });
    assert.match(Buffer.from(html.base64, 'base64').toString('utf8'), /^<!DOCTYPE html>/);
    assert.deepStrictEqual([html.errors, html.warnings], [0, 0]);
    const md = await client.request('planwright/export', { textDocument: { uri: URI_ICE }, format: 'markdown' });
    assert.match(Buffer.from(md.base64, 'base64').toString('utf8'), /^# U\.S\. Immigration/);
    const docx = await client.request('planwright/export', { textDocument: { uri: URI_ICE }, format: 'docx' });
    assert.strictEqual(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString(), 'PK');
    assert.strictEqual(await client.request('planwright/export', { textDocument: { uri: URI_ICE }, format: 'pdf' }), null);
    assert.strictEqual(await client.request('planwright/export', { textDocument: { uri: 'file:///nowhere.plan.yaml' }, format: 'html' }), null);
    assert.strictEqual(await client.request('planwright/document', { textDocument: { uri: 'file:///nowhere.plan.yaml' } }), null);
  });
});
