/** One published figure. `value` is a measurement, never an estimate. */
export type BenchResult = { name: string; value: number; unit: string; goal?: string; note?: string };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** Times `fn` `n` times after `warmup` runs; returns per-call milliseconds, sorted. */
export async function timeCalls(n: number, fn: (i: number) => Promise<unknown> | unknown, warmup = Math.min(50, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export const round = (v: number, digits = 2) => Number(v.toFixed(digits));
