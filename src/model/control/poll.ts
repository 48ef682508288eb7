import type { Distribution } from '../../random/distribution.js';
import type { RandomStream } from '../../random/random-stream.js';

/**
 * Driver time from the write that starts device work (`execute`, `create`) until it reads the
 * acknowledgement, when the device needs `deviceNs` and the driver polls: it reads at once,
 * and while the ack is not set waits `intervalNs` and reads again. A read returns the state
 * at the moment it is issued (conservative: the device-side half of the round trip is not
 * credited) and takes one sample of `read` plus `extraNs` (firmware emulation).
 *
 * With a deterministic read time R the loop has the closed form: the k-th read is issued at
 * k·(R + intervalNs), the first with issue time ≥ deviceNs sees the ack, so the total is
 * ⌈deviceNs / (R + intervalNs)⌉·(R + intervalNs) + R. Random reads are sampled one by one.
 */
export function pollUntilDoneNs(
  deviceNs: number,
  intervalNs: number,
  read: Distribution,
  extraNs: number,
  rng: RandomStream,
): number {
  if (read.variance === 0) {
    const r = read.mean + extraNs;
    const period = r + intervalNs;
    if (period <= 0) return Math.max(deviceNs, 0) + r;
    return Math.ceil(Math.max(deviceNs, 0) / period) * period + r;
  }
  let issuedAt = 0;
  for (;;) {
    const r = read.sample(rng) + extraNs;
    if (issuedAt >= deviceNs) return issuedAt + r;
    // A zero-length period cannot make progress; jump to the first read that sees the ack.
    issuedAt = r + intervalNs > 0 ? issuedAt + r + intervalNs : deviceNs;
  }
}
