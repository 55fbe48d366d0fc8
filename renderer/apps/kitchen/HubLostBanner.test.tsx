// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Lang } from '../../shared/i18n.js';
import { HubLostBanner } from './HubLostBanner.js';
import { en, es } from './texts.js';

afterEach(cleanup);

function renderBanner(lang: Lang, props: { unauthorized: boolean; reloadNeedsHub: boolean }) {
  localStorage.setItem('comanda.lang', lang);
  render(
    <I18nProvider dictionaries={{ es, en }}>
      <HubLostBanner since={Date.UTC(2026, 0, 1, 21, 30)} {...props} />
    </I18nProvider>,
  );
  return screen.getByRole('alert').textContent ?? '';
}

describe('the hub-lost alarm', () => {
  it('over plain HTTP tells the cook, in Spanish, not to reload: the page needs the hub to load', () => {
    expect(renderBanner('es', { unauthorized: false, reloadNeedsHub: true })).toContain(
      'No recargues la página: sin HTTPS no vuelve a cargar hasta que vuelva el hub.',
    );
  });

  it('and in English when the screen is in English', () => {
    expect(renderBanner('en', { unauthorized: false, reloadNeedsHub: true })).toContain(
      'Do not reload the page: without HTTPS it cannot load again until the hub is back.',
    );
  });

  it('says nothing about reloading where a service worker keeps the page, or when only the session expired', () => {
    expect(renderBanner('es', { unauthorized: false, reloadNeedsHub: false })).not.toContain('recargues');
    cleanup();
    expect(renderBanner('es', { unauthorized: true, reloadNeedsHub: true })).not.toContain('recargues');
  });
});
