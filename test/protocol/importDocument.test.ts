import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, serverWith, TestClient } from './lspClient';

const ICE = fs.readFileSync(path.join(ROOT, 'samples/ice-strategic-plan-2021-2025.plan.yaml'), 'utf8');
const SEED = fs.readFileSync(path.join(ROOT, 'test/fixtures/import/ice-strategic-plan-2021-2025.txt'));

describe('language server over stdio: Import Plan from Document', () => {
  let client: TestClient;
  before(async () => {
    client = await serverWith('file:///ws/ice.plan.yaml', ICE);
  });
  after(async () => client.shutdown());

  it('answers planwright/importDocument with the plan read from the document, its notes and counts; no text for a document without goals; null for bad parameters', async () => {
    const r = await client.request('planwright/importDocument', { name: 'ice.txt', base64: SEED.toString('base64') });
    assert.deepStrictEqual(r.counts, { goals: 5, objectives: 17, subobjectives: 53 });
    assert.match(r.text, /^planwright: 1$/m);
    assert.ok(r.notes.includes('line 342: "eland city" is a fragment, not a sentence (text from a picture or a cut line?): left out.'), r.notes.join('\n'));
    const none = await client.request('planwright/importDocument', { name: 'memo.md', base64: Buffer.from('# Memo\n\nNothing here.\n').toString('base64') });
    assert.strictEqual(none.text, null);
    assert.match(none.notes.join('\n'), /No goals found/);
    assert.strictEqual(none.unreadable, undefined);
    // A file that is not what its name says: the editor is told why, in words, and gets no plan.
    const broken = await client.request('planwright/importDocument', { name: 'plan.docx', base64: Buffer.from('this is not a zip').toString('base64') });
    assert.strictEqual(broken.text, null);
    assert.match(broken.unreadable, /not a Word document/);
    assert.strictEqual(await client.request('planwright/importDocument', { name: 3 }), null);
  });
});
