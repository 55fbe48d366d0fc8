// The branch's currency as the apps learn it from the hub (the menu and the admin catalog carry it:
// branch settings `currency`). Remembered per device, so money shows in the branch's currency from the
// first paint and while the hub is out of reach; EUR only until the hub has said otherwise once.
import { createStore, useStore, type Store } from './use-store.js';

export const DEFAULT_CURRENCY = 'EUR';
const STORAGE_KEY = 'comanda.currency';

/** ISO 4217 as branch settings hold it (three capital letters) and Intl accepts it. */
export function isCurrencyCode(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

function rememberedCurrency(): string {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return isCurrencyCode(saved) ? saved : DEFAULT_CURRENCY;
}

/** One per page: every app on a device shows one branch (the hub it is pointed at). */
export const branchCurrency: Store<string> = createStore(rememberedCurrency());

/** An app calls this with what the hub reported (menu or catalog view); anything malformed is ignored. */
export function reportBranchCurrency(code: unknown): void {
  if (!isCurrencyCode(code)) return;
  globalThis.localStorage?.setItem(STORAGE_KEY, code);
  branchCurrency.set(code);
}

export function useBranchCurrency(): string {
  return useStore(branchCurrency);
}
