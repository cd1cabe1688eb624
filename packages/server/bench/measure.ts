/**
 * Timing. The sides of one comparison (the app, the raw SQL...) are measured interleaved, so that
 * whatever else the machine is doing weighs on both alike and the ratio stays meaningful:
 * - warm-up: a few calls of each side;
 * - one at a time: N rounds, each calling every side once (the order rotating), for the latency
 *   percentiles;
 * - in flight: several calls at once, in alternating blocks per side, for the throughput.
 */

export interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface Measured {
  label: string;
  sequential: Stats & { perSecond: number };
  concurrent: Stats & { inFlight: number; perSecond: number };
}

export interface RunSpec {
  warmup: number;
  iterations: number;
  inFlight: number;
  concurrentCalls: number;
}

export interface Side {
  label: string;
  /** Must throw if the answer is wrong, so that a failure is never timed as a success. */
  fn: () => Promise<unknown>;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : 0,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

const BLOCKS = 5;

/** Run `calls` calls of fn with `inFlight` at once; returns each call's latency and the wall time. */
async function inFlightBlock(fn: () => Promise<unknown>, calls: number, inFlight: number) {
  const latencies: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started++;
      const t0 = performance.now();
      await fn();
      latencies.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, calls) }, worker));
  return { latencies, ms: performance.now() - t0 };
}

/** Measure the sides of one comparison, interleaved. Results are in the order of `sides`. */
export async function compare(sides: Side[], spec: RunSpec): Promise<Measured[]> {
  for (let i = 0; i < spec.warmup; i++) for (const s of sides) await s.fn();

  const seq = sides.map(() => ({ samples: [] as number[], ms: 0 }));
  for (let i = 0; i < spec.iterations; i++) {
    for (let k = 0; k < sides.length; k++) {
      const j = (i + k) % sides.length;
      const side = sides[j];
      const acc = seq[j];
      if (!side || !acc) continue;
      const t0 = performance.now();
      await side.fn();
      const dt = performance.now() - t0;
      acc.samples.push(dt);
      acc.ms += dt;
    }
  }

  const conc = sides.map(() => ({ samples: [] as number[], ms: 0 }));
  const perBlock = Math.max(spec.inFlight, Math.ceil(spec.concurrentCalls / BLOCKS));
  for (let b = 0; b < BLOCKS; b++) {
    for (let k = 0; k < sides.length; k++) {
      const j = (b + k) % sides.length;
      const side = sides[j];
      const acc = conc[j];
      if (!side || !acc) continue;
      const { latencies, ms } = await inFlightBlock(side.fn, perBlock, spec.inFlight);
      acc.samples.push(...latencies);
      acc.ms += ms;
    }
  }

  return sides.map((side, j) => {
    const s = seq[j] ?? { samples: [], ms: 1 };
    const c = conc[j] ?? { samples: [], ms: 1 };
    return {
      label: side.label,
      sequential: { ...stats(s.samples), perSecond: (s.samples.length * 1000) / s.ms },
      concurrent: { ...stats(c.samples), inFlight: spec.inFlight, perSecond: (c.samples.length * 1000) / c.ms },
    };
  });
}
