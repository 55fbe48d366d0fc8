// Checks a form makes before sending, so the common mistakes are caught at once and in the person's
// words; the hub checks everything again. Money is parsed from text to integer cents without floats.

/** "12", "12,5", "12.50", "€ 1.234,50" → cents; null when it is not an amount (never a guess). */
export function parseCents(text: string): number | null {
  const s = text.replace(/[\s€$£]/g, '');
  const plain = /^(\d{1,8})(?:[.,](\d{1,2}))?$/.exec(s);
  // Thousands marks only before a decimal part written with the other separator: "1.234,50", "1,234.50".
  const grouped = /^(\d{1,3}(?:([.,])\d{3})+)([.,])(\d{1,2})$/.exec(s);
  let whole: string;
  let fraction: string;
  if (plain) [whole, fraction] = [plain[1]!, plain[2] ?? ''];
  else if (grouped && grouped[2] !== grouped[3])
    [whole, fraction] = [grouped[1]!.replace(/[.,]/g, ''), grouped[4]!];
  else return null;
  if (whole.length > 8) return null;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents as the person types them back: "12,50" in Spanish, "12.50" in English, no currency sign. */
export function centsToInput(cents: number, lang: 'es' | 'en'): string {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${whole}${lang === 'es' ? ',' : '.'}${fraction}`;
}

/** "21" or "10,5" (per cent) → basis points (2100, 1050); null outside 0–100 or with more than 2 decimals. */
export function parsePercentBp(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

export function bpToPercentInput(bp: number, lang: 'es' | 'en'): string {
  const whole = Math.floor(bp / 100);
  const fraction = bp % 100;
  if (fraction === 0) return String(whole);
  return `${whole}${lang === 'es' ? ',' : '.'}${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

export const isPin = (pin: string) => /^\d{4,8}$/.test(pin);

/** Station ids are part of topics (`kitchen:<id>`) and printer routes: lower-case, digits, - and _. */
export const isStationId = (id: string) => /^[a-z0-9_-]{1,32}$/.test(id);

export function parseWholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}
