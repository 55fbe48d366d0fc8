// Reads a price typed by a person ("12,50", "12.5", "12") as integer cents, without float arithmetic.
export function parsePriceCents(text: string): number | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*(?:€)?\s*$/.exec(text);
  if (!m) return null;
  const units = Number(m[1]);
  const fraction = (m[2] ?? '').padEnd(2, '0');
  return units * 100 + Number(fraction);
}

/** The cents as a person would type them back, in the page's language ("12,50" / "12.50"). */
export function priceText(cents: number, lang: 'es' | 'en'): string {
  const text = `${Math.floor(cents / 100)}${lang === 'es' ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
  return text;
}
