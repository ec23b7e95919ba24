// The fuzz target: any text, any edit sequence, any position. Every feature of the service must
// answer without throwing, the block-wise parser must agree with the full parse, and nothing
// may touch the network. `npm test` runs it briefly with a fixed seed; `npm run fuzz` long.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { createLanguageService } from '../../server/src/service';
import { parseFull, PlanParser } from '../../server/src/service/parse';
import { planShape, renderPlan } from '../../server/src/service/test-shapes';

const ROOT = path.resolve(__dirname, '../../..');
const SEEDS = ['ice-strategic-plan-2021-2025.plan.yaml', 'with-errors.plan.yaml'].map((f) => fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8'));
const TOKENS = ['\n', ' ', '  ', '- ', ': ', '"', "'", '#', '[', ']', '{', '}', ',', '&x ', '*x', '<<: ', '!!int ', '|', '>', '---', '1.10', 'id: ', 'related: ', 'lead: ', 'goals: [', 'goals: &g\n', '- - - - ', '<<: *x\n', '#[[[[{{', '"[[["', '\t', '\r\n', '\r', '\u00e9', '\ud83d\ude00', '\ud800', '\u0000'];

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 30 }), ins: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })) });

export const fuzzInput = fc.record({
  // The samples, generated plans of the shapes the hostile test found bugs in (goals on the
  // `goals:` line, anchored or tagged lists, a last goal with a YAML error), and garbage.
  seed: fc.oneof(fc.constantFrom(...SEEDS), planShape.map(renderPlan), fc.string({ unit: 'binary', maxLength: 300 })),
  edits: fc.array(edit, { maxLength: 10 }),
  probes: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
});

/** Runs every feature of the service on the text after each edit; throws on any failure. */
export function exercise(input: { seed: string; edits: { at: number; del: number; ins: string }[]; probes: number[] }): void {
  const service = createLanguageService();
  const uri = 'file:///fuzz/plan.plan.yaml';
  const parser = new PlanParser();
  let text = input.seed;
  const texts = [text];
  for (const e of input.edits) {
    const at = Math.floor(e.at * text.length);
    text = text.slice(0, at) + e.ins + text.slice(at + e.del);
    texts.push(text);
  }
  // The lenses of the version before, resolved against each new one (an edit between list and resolve).
  let lenses: ReturnType<typeof service.getCodeLenses> = [];
  texts.forEach((t, v) => {
    const doc = service.update(uri, t, v);
    for (const l of lenses) {
      const resolved = service.resolveCodeLens(l);
      assert.ok(resolved.command && !resolved.command.title.startsWith('0 '), JSON.stringify(resolved.command));
    }
    assert.deepStrictEqual(
      parser.parse(t).diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message]),
      parseFull(t).diagnostics.map((d) => [d.code, d.span.start, d.span.end, d.message]),
    );
    service.getDiagnostics(uri);
    service.getDocumentSymbols(uri);
    service.getFoldingRanges(uri);
    lenses = service.getCodeLenses(uri);
    for (const l of lenses) assert.ok(/^(1 reference|[1-9]\d* references|supported by .+)$/.test(service.resolveCodeLens(l).command?.title ?? ''), JSON.stringify(l));
    service.getPlanTree(uri);
    service.getWorkspaceSymbols('1');
    const diagnostics = service.getDiagnostics(uri);
    for (const p of input.probes) {
      const position = doc.lines.positionAt(Math.floor(p * t.length));
      service.getHover(uri, position);
      service.getDefinition(uri, position);
      service.getReferences(uri, position, true);
      service.getDocumentHighlights(uri, position);
      service.getCompletion(uri, position);
      service.getSelectionRanges(uri, [position]);
      const prep = service.prepareRename(uri, position);
      if (prep && 'range' in prep) service.getRenameEdits(uri, position, prep.placeholder + '9');
      service.getCodeActions(uri, { start: position, end: position }, diagnostics);
    }
    service.getRenumberEdits(uri);
  });
}

/** Makes any attempt to open a network connection fail loudly. */
export function forbidNetwork(): () => void {
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function () {
    throw new Error('Planwright tried to open a network connection');
  } as typeof original;
  return () => {
    net.Socket.prototype.connect = original;
  };
}

if (require.main === module) {
  // npm run fuzz -- [runs] [seed]: the long mode, for local runs.
  const runs = Number(process.argv[2] ?? 20000);
  const seed = process.argv[3] ? Number(process.argv[3]) : Date.now() % 2147483647;
  console.log(`fuzzing the language service: ${runs} runs, seed ${seed}`);
  const restore = forbidNetwork();
  const start = Date.now();
  fc.assert(fc.property(fuzzInput, exercise), { numRuns: runs, seed, verbose: 1 });
  restore();
  console.log(`no failures in ${runs} runs (${((Date.now() - start) / 1000).toFixed(1)} s)`);
}
