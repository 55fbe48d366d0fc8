// @vitest-environment happy-dom
// The dish dialog's allergy switch: a note the kitchen's words would miss still reaches it as an alert.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAllergyNote } from '../../shared/allergy-note.js';
import { I18nProvider } from '../../shared/i18n.js';
import { ItemDialog } from './ItemDialog.js';
import { product } from './test-menu.js';
import { en, es } from './texts.js';

afterEach(cleanup);

function open() {
  globalThis.localStorage?.setItem('comanda.lang', 'es');
  const onAdd = vi.fn();
  render(
    <I18nProvider dictionaries={{ es, en }} currency="EUR">
      <ItemDialog
        product={product({ id: 'prod-bravas', es: 'Patatas bravas' })}
        guests={2}
        onClose={() => undefined}
        onAdd={onAdd}
      />
    </I18nProvider>,
  );
  const notes = screen.getByPlaceholderText(/Alergias/) as HTMLTextAreaElement;
  const allergy = screen.getByRole('button', { name: /Alergia/ }) as HTMLButtonElement;
  const add = () => fireEvent.click(screen.getByRole('button', { name: /Añadir/ }));
  return { onAdd, notes, allergy, add };
}

describe('the allergy switch on a dish', () => {
  it('leads a note the keywords miss with ALERGIA, so the kitchen flags it', () => {
    const d = open();
    fireEvent.change(d.notes, { target: { value: 'nada de cacahuete' } });
    expect(isAllergyNote('nada de cacahuete')).toBe(false);
    fireEvent.click(d.allergy);
    expect(d.allergy.getAttribute('aria-pressed')).toBe('true');
    d.add();
    const sent = d.onAdd.mock.calls[0]![0] as { notes: string };
    expect(sent.notes).toBe('ALERGIA: nada de cacahuete');
    expect(isAllergyNote(sent.notes)).toBe(true);
  });

  it('shows a note that already says so as flagged, and sends it as typed', () => {
    const d = open();
    fireEvent.change(d.notes, { target: { value: 'Celíaco, sin pan' } });
    expect(d.allergy.getAttribute('aria-pressed')).toBe('true');
    expect(d.allergy.disabled).toBe(true);
    d.add();
    expect((d.onAdd.mock.calls[0]![0] as { notes: string }).notes).toBe('Celíaco, sin pan');
  });

  it('leaves an ordinary note alone', () => {
    const d = open();
    fireEvent.change(d.notes, { target: { value: 'poco hecho' } });
    expect(d.allergy.getAttribute('aria-pressed')).toBe('false');
    d.add();
    expect((d.onAdd.mock.calls[0]![0] as { notes: string }).notes).toBe('poco hecho');
  });
});
