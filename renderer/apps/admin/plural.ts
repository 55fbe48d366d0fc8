// "1 producto" / "3 productos": a key with a `.one` twin is used for exactly one. Spanish and English
// both need only the two forms.
export function plural(
  t: (key: string, vars?: Record<string, string | number>) => string,
  key: string,
  n: number,
): string {
  return t(n === 1 ? `${key}.one` : key, { n });
}
