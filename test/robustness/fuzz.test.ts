import fc from 'fast-check';
import { exercise, forbidNetwork, fuzzInput } from './fuzz';
import { createLanguageService } from '../../server/src/service';
import * as assert from 'assert';

describe('fuzzing the language service (fixed seed)', function () {
  this.timeout(300000);
  let restore: () => void;
  before(() => (restore = forbidNetwork()));
  after(() => restore());

  it('answers every feature at random positions of randomly edited plans, without throwing or touching the network', () => {
    fc.assert(fc.property(fuzzInput, exercise), { numRuns: Number(process.env.PLANWRIGHT_FUZZ_RUNS ?? 150), seed: 1125 });
  });

  it('never fetches a $schema, $ref or URL written in a plan', () => {
    const s = createLanguageService();
    const uri = 'file:///net.plan.yaml';
    s.update(uri, '$schema: https://example.com/plan.schema.json\nplanwright: 1\ntitle: T\ngoals:\n  - { id: "1", title: "see https://example.com", $ref: "https://example.com/x.json" }\n');
    const codes = s.getDiagnostics(uri).map((d) => d.code);
    assert.deepStrictEqual(codes, ['schema']);
    s.getHover(uri, { line: 0, character: 2 });
  });
});
