// Work that can stop part-way: a generator that yields between pieces of work (PlanParser.read).
// A yielded `true` says the previous version's model may already have been changed in place
// (see PlanWorkspace.update: such a read is finished before anything reads that document).

/** How many items a plan-wide loop handles between two yields (~1-2 ms of work). */
export const STEP_ITEMS = 8192;

/** Runs stepwise work to its end. */
export function drain<R>(steps: Generator<unknown, R, void>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
