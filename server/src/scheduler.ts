// When the server checks documents, relative to the messages it reads.
//
// vscode-jsonrpc handles one queued message per turn of the event loop (each in its own
// setImmediate). A check scheduled with a plain setImmediate from a change handler therefore runs
// between that change and the next one already read: 200 changes in one write gave 200 checks
// and 200 publishes. Here a check waits until a whole turn has passed with no message handled
// (the connection tells the scheduler of each message: see `noteMessage`), so a burst is checked
// once, at its last version; requests already read are answered before any check runs.
//
// Work comes in two kinds:
//  - documents the user changed: checked first, all of them, when the connection is quiet;
//  - documents to check again because another plan changed (its units): checked in slices of
//    `sliceMs`, yielding to the connection between slices, so that a keystroke in a unit id of a
//    large workspace does not hold up requests.
// A check may itself take several slices (a huge plan is read a block at a time): `check`
// returns false when it stopped at its deadline and must be called again.

export interface SchedulerOptions {
  /** Checks one document, stopping at `deadline` (ms, on `now`'s clock) if it can; false: call again. */
  check(uri: string, deadline: number): boolean;
  /** Longest a slice of work runs before yielding to the connection (ms). */
  sliceMs?: number;
  /** Longest a check waits for the connection to go quiet (ms): a client that never stops sending still gets diagnostics. */
  maxWaitMs?: number;
  now?: () => number;
  defer?: (fn: () => void) => void;
}

export class Scheduler {
  /** Documents the user changed, in the order they changed. */
  private readonly urgent = new Set<string>();
  /** Documents to check again because of another document. */
  private readonly background = new Set<string>();
  private readonly sliceMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;
  private readonly defer: (fn: () => void) => void;
  private armed = false;
  /** Messages handled so far, and when the pending turn was armed. */
  private messages = 0;
  private seen = 0;
  /** When the scheduler started waiting for the connection to go quiet (-1: not waiting). */
  private waitingSince = -1;

  constructor(private readonly options: SchedulerOptions) {
    this.sliceMs = options.sliceMs ?? 10;
    this.maxWaitMs = options.maxWaitMs ?? 500;
    this.now = options.now ?? (() => performance.now());
    this.defer = options.defer ?? ((fn) => setImmediate(fn));
  }

  /** To be called after the connection has handled a message (request, notification or response). */
  noteMessage(): void {
    this.messages++;
  }

  /** A document the user changed (or opened): checked as soon as the connection is quiet. */
  schedule(uri: string): void {
    this.background.delete(uri);
    this.urgent.add(uri);
    this.arm();
  }

  /** Documents to check again because another changed: checked after the user's, in slices. */
  scheduleBackground(uris: Iterable<string>): void {
    for (const uri of uris) if (!this.urgent.has(uri)) this.background.add(uri);
    this.arm();
  }

  /** True while checks are waiting or in progress (tests, benchmarks). */
  get busy(): boolean {
    return this.urgent.size + this.background.size > 0;
  }

  private arm(): void {
    if (this.armed || !this.busy) return;
    this.armed = true;
    this.seen = this.messages;
    this.defer(this.turn);
  }

  private readonly turn = (): void => {
    this.armed = false;
    const now = this.now();
    if (this.messages !== this.seen) {
      // A message was handled since this turn was armed: more may be queued behind it.
      if (this.waitingSince < 0) this.waitingSince = now;
      if (now - this.waitingSince < this.maxWaitMs) {
        this.arm();
        return;
      }
    }
    this.waitingSince = -1;
    const deadline = now + this.sliceMs;
    let checked = false;
    try {
      // The user's documents first, then the others; at least one check per turn, each to its
      // end or its deadline (a huge plan is read a goal at a time).
      for (const queue of [this.urgent, this.background]) {
        for (const uri of queue) {
          if (checked && this.now() >= deadline) return;
          if (!this.options.check(uri, deadline)) return;
          queue.delete(uri);
          checked = true;
        }
      }
    } finally {
      this.arm();
    }
  };
}
