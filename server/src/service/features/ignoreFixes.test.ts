import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// The source of the feature, beside this test (tests run from out/, the source is under server/src).
const SOURCE = path.resolve(__dirname, '../../../../../server/src/service/features/ignoreFixes.ts');

describe('ignore fixes: edit lists', () => {
  it('hands out every edit through edits.ts (documentEdit, which passes checkedEdits), never a `changes` map written by hand', () => {
    const text = fs.readFileSync(SOURCE, 'utf8');
    assert.doesNotMatch(text, /changes\s*:/, 'a code action of ignoreFixes.ts builds `edit.changes` itself');
    assert.strictEqual(text.match(/edit: documentEdit\(doc\.uri, \[e\]\)/g)?.length, 3, 'the three actions (ignore, remove the unused comment, rewrite the title) go through documentEdit');
  });
});
