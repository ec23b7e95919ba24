import * as assert from 'assert';
import { createLanguageService } from '../../server/src/service';
import { generatePlan, parseSize, prng, SIZES } from './generate';
import { readRuleConfig } from '../../server/src/service/config';
import { parseFull } from '../../server/src/service/parse';
import { checkStyle, STYLE_CODES } from '../../server/src/service/checks/style';

describe('benchmark plan generator', () => {
  it('gives the same text for the same shape and seed, and another text for another seed', () => {
    const shape = { goals: 3, objectives: 2, subobjectives: 2 };
    assert.strictEqual(generatePlan(shape).text, generatePlan(shape).text);
    assert.notStrictEqual(generatePlan({ ...shape, seed: 1 }).text, generatePlan({ ...shape, seed: 2 }).text);
  });

  it('draws the same numbers from the same seed', () => {
    const a = prng(42);
    const b = prng(42);
    const xs = Array.from({ length: 5 }, () => a());
    assert.deepStrictEqual(Array.from({ length: 5 }, () => b()), xs);
    assert.ok(xs.every((x) => x >= 0 && x < 1));
  });

  it('writes 50×10×8 in about 15.8k lines and 200×10×8 in about 63k lines', () => {
    const small = generatePlan(SIZES['15k']);
    const large = generatePlan(SIZES['63k']);
    assert.ok(Math.abs(small.lineCount - 15_800) < 160, `15k plan has ${small.lineCount} lines`);
    assert.ok(Math.abs(large.lineCount - 63_000) < 630, `63k plan has ${large.lineCount} lines`);
    assert.strictEqual(small.text.split('\n').length - 1, small.lineCount);
    assert.strictEqual(small.items, 50 + 500 + 4000);
  });

  it('numbers every goal, objective and sub-objective in order, with folded descriptions', () => {
    const { text } = generatePlan({ goals: 2, objectives: 2, subobjectives: 8 });
    const ids = [...text.matchAll(/^\s+- id: "([\d.]+)"$/gm)].map((m) => m[1]);
    assert.deepStrictEqual(ids.slice(0, 11), ['1', '1.1', '1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.1.6', '1.1.7', '1.1.8', '1.2']);
    assert.strictEqual(ids.length, 2 + 4 + 32);
    assert.match(text, /^ {4}description: >-\n {6}\S.{20,88}\n/m);
    assert.match(text, /^ {8}lead: \S+$/m);
  });

  it('writes plans the language service checks clean (units, lead/support, related all resolve)', () => {
    const service = createLanguageService();
    for (const shape of [{ goals: 4, objectives: 3, subobjectives: 5 }, SIZES['15k']]) {
      const uri = `file:///bench/${shape.goals}.plan.yaml`;
      service.update(uri, generatePlan(shape).text, 1);
      assert.deepStrictEqual(service.getDiagnostics(uri), []);
    }
  });

  it('reads sizes by name or as goals×objectives×sub-objectives, and refuses anything else', () => {
    assert.deepStrictEqual(parseSize('63k').shape, { goals: 200, objectives: 10, subobjectives: 8 });
    assert.deepStrictEqual(parseSize('400x10x8').shape, { goals: 400, objectives: 10, subobjectives: 8 });
    assert.throws(() => parseSize('huge'), /unknown plan size "huge"/);
  });

  it('writes a tidy plan (`63k:tidy`) that passes every style rule, where the plain one has a finding on most items', () => {
    const every = readRuleConfig(`rules:\n${STYLE_CODES.map((c) => `  ${c}: warning`).join('\n')}\n`).settings;
    const shape = { goals: 6, objectives: 4, subobjectives: 8 };
    const plain = generatePlan(shape);
    const tidy = generatePlan({ ...shape, tidy: true });
    assert.ok(checkStyle(parseFull(plain.text), every).length > plain.items / 2);
    assert.deepStrictEqual(checkStyle(parseFull(tidy.text), every), []);
    assert.deepStrictEqual(parseSize('63k:tidy'), { name: '63k:tidy', shape: SIZES['63k'], tidy: true });
  });
});
