// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider, type Lang } from '../i18n.js';
import { LangSwitch } from './LangSwitch.js';
import { Modal } from './Modal.js';

afterEach(cleanup);

function renderIn(lang: Lang, closeLabel?: string) {
  localStorage.setItem('comanda.lang', lang);
  render(
    <I18nProvider dictionaries={{ es: {}, en: {} }}>
      <LangSwitch />
      <Modal title="Mesa 5" onClose={() => {}} {...(closeLabel ? { closeLabel } : {})}>
        <p>body</p>
      </Modal>
    </I18nProvider>,
  );
}

describe('shared controls speak the language on screen', () => {
  it('a dialog without its own close label is closed with "Cerrar" in Spanish and "Close" in English', () => {
    renderIn('es');
    expect(screen.getByRole('button', { name: 'Cerrar' })).toBeTruthy();
    cleanup();
    renderIn('en');
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it("a dialog's own close label wins", () => {
    renderIn('en', 'Back to the floor');
    expect(screen.getByRole('button', { name: 'Back to the floor' })).toBeTruthy();
  });

  it('the language switch is named in the language on screen first, the other one after', () => {
    renderIn('es');
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('Idioma / Language');
    cleanup();
    renderIn('en');
    expect(screen.getByRole('group').getAttribute('aria-label')).toBe('Language / Idioma');
  });
});
