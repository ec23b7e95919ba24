import * as assert from 'assert';
import { Scheduler } from './scheduler';

/** A scheduler on a fake event loop: `turn()` runs what was deferred, as one turn of setImmediate. */
function harness(opts: { sliceMs?: number; maxWaitMs?: number; cost?: (uri: string) => number; steps?: Record<string, number> } = {}) {
  let clock = 0;
  let queue: (() => void)[] = [];
  const checked: string[] = [];
  const steps = { ...opts.steps };
  const s = new Scheduler({
    sliceMs: opts.sliceMs,
    maxWaitMs: opts.maxWaitMs,
    now: () => clock,
    defer: (fn) => queue.push(fn),
    check: (uri) => {
      clock += opts.cost?.(uri) ?? 1;
      if (steps[uri] > 1) {
        steps[uri]--;
        return false;
      }
      checked.push(uri);
      return true;
    },
  });
  const turn = () => {
    const q = queue;
    queue = [];
    q.forEach((f) => f());
  };
  /** One message handled in this turn, as vscode-jsonrpc does (its handler may schedule). */
  const message = (handler: () => void = () => undefined) => {
    handler();
    s.noteMessage();
  };
  return { s, turn, message, checked, pending: () => queue.length, advance: (ms: number) => (clock += ms) };
}

describe('Scheduler', () => {
  it('checks a document once after a burst of changes, when a turn passes with no message handled', () => {
    const h = harness();
    for (let i = 0; i < 200; i++) {
      h.message(() => h.s.schedule('a'));
      h.turn();
    }
    assert.deepStrictEqual(h.checked, []);
    h.turn(); // the turn that sees the last message
    h.turn(); // a quiet turn
    assert.deepStrictEqual(h.checked, ['a']);
    assert.strictEqual(h.pending(), 0);
  });

  it('checks at once when scheduled outside a message (a file read from disk)', () => {
    const h = harness();
    h.s.schedule('a');
    h.turn();
    assert.deepStrictEqual(h.checked, ['a']);
  });

  it('checks anyway when the messages do not stop for longer than maxWaitMs', () => {
    const h = harness({ maxWaitMs: 500 });
    h.message(() => h.s.schedule('a'));
    for (let i = 0; i < 100 && !h.checked.length; i++) {
      h.turn();
      h.advance(10);
      h.message();
    }
    assert.deepStrictEqual(h.checked, ['a']);
  });

  it('checks changed documents before background ones, and background ones in slices of sliceMs', () => {
    const h = harness({ sliceMs: 10, cost: () => 3 });
    h.s.scheduleBackground(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    h.s.schedule('a');
    h.turn();
    // 'a', then background until 10 ms are spent: b1, b2, b3 (3 ms each).
    assert.deepStrictEqual(h.checked, ['a', 'b1', 'b2', 'b3']);
    h.message(); // a request between slices
    h.turn(); // waits: a message was handled
    assert.strictEqual(h.checked.length, 4);
    h.turn();
    assert.deepStrictEqual(h.checked, ['a', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    assert.strictEqual(h.s.busy, false);
  });

  it('goes on with a check that stopped at its deadline in the next turn', () => {
    const h = harness({ steps: { huge: 3 } });
    h.s.schedule('huge');
    h.s.schedule('small');
    h.turn();
    h.turn();
    assert.deepStrictEqual(h.checked, []);
    h.turn();
    assert.deepStrictEqual(h.checked, ['huge', 'small']);
  });
});
