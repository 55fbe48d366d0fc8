// Full-jitter exponential backoff (as the AWS architecture note describes): the delay before attempt n
// is uniform in [0, min(cap, base·2^(n-1))], so printers coming back are not hit by a synchronised wave.
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export function fullJitterDelay(
  attempt: number,
  opts: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exp = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.floor(random() * exp);
}
