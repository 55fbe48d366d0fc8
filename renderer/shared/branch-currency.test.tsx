// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { branchCurrency, DEFAULT_CURRENCY, isCurrencyCode, reportBranchCurrency } from './branch-currency.js';
import { I18nProvider, useI18n } from './i18n.js';

function Price(props: { cents: number }) {
  const { money } = useI18n();
  return <span data-testid="price">{money(props.cents)}</span>;
}

function renderPrice(cents: number, currency?: string) {
  render(
    <I18nProvider dictionaries={{ es: {}, en: {} }} {...(currency ? { currency } : {})}>
      <Price cents={cents} />
    </I18nProvider>,
  );
  // Intl puts a no-break space between the amount and the sign in Spanish.
  return () => screen.getByTestId('price').textContent!.replace(/\s/g, ' ');
}

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem('comanda.lang', 'es');
  branchCurrency.set(DEFAULT_CURRENCY);
});
afterEach(cleanup);

describe('money in the branch currency', () => {
  it('shows euros until the hub has reported the branch currency', () => {
    expect(renderPrice(1250)()).toBe('12,50 €');
  });

  it('follows the currency the hub reports, on screen and for the next page load', () => {
    const price = renderPrice(1250);
    act(() => reportBranchCurrency('USD'));
    expect(price()).toBe('12,50 US$');
    expect(localStorage.getItem('comanda.currency')).toBe('USD');
  });

  it('ignores a malformed currency and keeps the last good one', () => {
    reportBranchCurrency('GBP');
    for (const bad of ['gbp', 'EURO', '', null, undefined, 42]) reportBranchCurrency(bad);
    expect(branchCurrency.get()).toBe('GBP');
    expect(isCurrencyCode('MXN')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
  });

  it('an explicit currency wins over the branch one', () => {
    reportBranchCurrency('USD');
    expect(renderPrice(500, 'EUR')()).toBe('5,00 €');
  });

  it('in English the amount reads the English way in the same currency', () => {
    localStorage.setItem('comanda.lang', 'en');
    reportBranchCurrency('MXN');
    expect(renderPrice(199900)()).toBe('MX$1,999.00');
  });
});
