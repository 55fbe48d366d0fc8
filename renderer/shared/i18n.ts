// Spanish and English, switchable at any time, remembered per device. Each app passes its own
// dictionaries (Spanish is the reference; English must have the same keys, checked by TypeScript).
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useBranchCurrency } from './branch-currency.js';

export type Lang = 'es' | 'en';
export const LANGS: readonly Lang[] = ['es', 'en'];
const STORAGE_KEY = 'comanda.lang';

export type Dictionary = Record<string, string>;

export function initialLang(): Lang {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'es' || saved === 'en') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('en') ? 'en' : 'es';
}

/** `{name}` placeholders are filled from `vars`. A missing key shows itself, so it is seen and fixed. */
export function translate(dict: Dictionary, key: string, vars?: Record<string, string | number>): string {
  const text = dict[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, vars?: Record<string, string | number>): string;
  money(cents: number): string;
  time(iso: string | number): string;
  date(iso: string | number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: {
  dictionaries: Record<Lang, Dictionary>;
  /** ISO 4217; without it, the branch's currency as the hub last reported it (branch-currency.ts). */
  currency?: string;
  children: ReactNode;
}) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const branchCurrency = useBranchCurrency();
  const currency = props.currency ?? branchCurrency;
  const setLang = useCallback((next: Lang) => {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dict = props.dictionaries[lang];
    const locale = lang === 'es' ? 'es-ES' : 'en-GB';
    const moneyFmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const timeFmt = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const dateFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
    return {
      lang,
      setLang,
      t: (key, vars) => translate(dict, key, vars),
      // Integer cents in, currency out: no float arithmetic on money anywhere in the apps.
      money: (cents) => moneyFmt.format(cents / 100),
      time: (iso) => timeFmt.format(new Date(iso)),
      date: (iso) => dateFmt.format(new Date(iso)),
    };
  }, [lang, currency, props.dictionaries, setLang]);
  return createElement(I18nContext.Provider, { value }, props.children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside <I18nProvider>');
  return value;
}

/** Text in the two languages the hub stores for names and descriptions (`{es, en}`). */
export function localized(text: { es: string; en: string } | string | null | undefined, lang: Lang): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return text[lang] || text.es || text.en;
}
