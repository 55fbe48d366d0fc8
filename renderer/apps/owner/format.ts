// Small formatting helpers on top of the shared i18n: relative times, durations, date ranges, money axes.
import { useEffect } from 'react';
import { reportBranchCurrency } from '../../shared/branch-currency.js';
import type { Lang } from '../../shared/i18n.js';

export function relativeTime(iso: string | null, nowMs: number, lang: Lang): string {
  if (iso === null) return '—';
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

export function duration(ms: number, lang: Lang): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return lang === 'es' ? `${s} s` : `${s}s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

/**
 * Calendar arithmetic on YYYY-MM-DD business days (the cloud computes which day a moment belongs to, in
 * each branch's zone): the UTC midnight of a day is only a handle on that date, never a moment in time.
 */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return isoDay(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000);
}

/** Whole units on a chart axis ("1.200 €", "$1,200": "1.2k" would be too clever for an owner). */
export function axisMoney(lang: Lang, currency: string): (cents: number) => string {
  const fmt = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  });
  return (cents) => fmt.format(cents / 100);
}

/** Money on the page shows in the currency the API says the figures are in (the branch's, from its hub). */
export function useFiguresCurrency(currency: string | undefined): void {
  useEffect(() => {
    if (currency !== undefined) reportBranchCurrency(currency);
  }, [currency]);
}

export function shortDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

export function longDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}
