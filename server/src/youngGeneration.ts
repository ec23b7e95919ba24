// The server's V8 young generation, kept small.
//
// V8 starts the young generation with two 1 MB semi-spaces and doubles them, up to 16 MB each,
// while much of what it allocates survives its scavenges: reading a 63k-line plan does that, so
// after the first open the server held 32 MB of semi-spaces for the rest of its life, and every
// object that outlived one scavenge of a 16 MB semi-space went to the old generation, which grows
// by half (`--heap-growing-percent=50`) before a full collection. `--max-semi-space-size` on
// node's command line caps them, but only editors that start the server with that flag would get
// it, and set at run time it has no effect (the heap is sized at start). The growth factor is
// read at each growth: once the semi-spaces reach 4 MB (8 MB both), it is set to 1 and they grow
// no more. Measured in-process (63k plan, every style rule on, 40 keystrokes): peak RSS 220–237
// → 176–181 MB, keystroke CPU unchanged; semi-spaces of 1 MB (no growth at all) gave 170 MB but
// keystrokes 15% slower (more scavenges, more promoted).
import * as v8 from 'v8';

/** Both semi-spaces together, bytes: growth stops once the young generation is this large. */
export const YOUNG_GENERATION_BYTES = 8 * 1024 * 1024;

let stopped = false;

/**
 * Stops the young generation's growth once it has reached YOUNG_GENERATION_BYTES (see above).
 * Cheap (one heap statistics call until then, nothing after): called after every message and
 * every slice of a check, so a growth is seen before the next one.
 */
export function limitYoungGeneration(): void {
  if (stopped) return;
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size < YOUNG_GENERATION_BYTES) return;
  v8.setFlagsFromString('--semi-space-growth-factor=1');
  stopped = true;
}
