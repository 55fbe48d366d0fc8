// Ticket age colours: normal, warn, late. The minutes are the kitchen's to choose (settings, kept on
// this screen in localStorage); ages are shown as m:ss, or h:mm:ss past an hour.
export interface Thresholds {
  /** Minutes from which a ticket turns amber. */
  warnMin: number;
  /** Minutes from which a ticket turns red. */
  lateMin: number;
}
export type AgeLevel = 'ok' | 'warn' | 'late';

export const DEFAULT_THRESHOLDS: Thresholds = { warnMin: 8, lateMin: 15 };
const KEY = 'comanda.kitchen.thresholds';

export function ageLevel(ageMs: number, th: Thresholds): AgeLevel {
  const min = ageMs / 60_000;
  if (min >= th.lateMin) return 'late';
  if (min >= th.warnMin) return 'warn';
  return 'ok';
}

export function formatAge(ageMs: number): string {
  const total = Math.max(0, Math.floor(ageMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Whole minutes, 1–180, warn strictly before late; anything else is refused (null). */
export function validThresholds(value: unknown): Thresholds | null {
  if (!value || typeof value !== 'object') return null;
  const { warnMin, lateMin } = value as Record<string, unknown>;
  const ok = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 180;
  if (!ok(warnMin) || !ok(lateMin) || warnMin >= lateMin) return null;
  return { warnMin, lateMin };
}

export function loadThresholds(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): Thresholds {
  try {
    return validThresholds(JSON.parse(storage?.getItem(KEY) ?? 'null')) ?? DEFAULT_THRESHOLDS;
  } catch {
    return DEFAULT_THRESHOLDS;
  }
}

export function saveThresholds(
  th: Thresholds,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  storage?.setItem(KEY, JSON.stringify(th));
}
