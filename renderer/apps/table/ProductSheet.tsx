// One dish in full: description, allergens, its choices (doneness, extras: each group's min and max
// enforced before it can be added), quantity and a note for the kitchen.
import { useState } from 'react';
import { localized, useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { allergenName } from './allergens.js';
import type { MenuProduct } from './hub-types.js';
import { useRuntime } from './runtime-context.js';

export function ProductSheet(props: { product: MenuProduct; onClose: () => void }) {
  const p = props.product;
  const runtime = useRuntime();
  const session = useStore(runtime.store, (s) => s.session);
  const { t, lang, money } = useI18n();
  const toast = useToast();
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [qty, setQty] = useState(1);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);

  const toggle = (groupId: string, optionId: string, max: number) =>
    setChosen((c) => {
      const list = c[groupId] ?? [];
      if (list.includes(optionId)) return { ...c, [groupId]: list.filter((o) => o !== optionId) };
      // A single-choice group swaps its choice; a multi-choice one stops at its max.
      if (max === 1) return { ...c, [groupId]: [optionId] };
      return list.length >= max ? c : { ...c, [groupId]: [...list, optionId] };
    });
  const valid = p.modifierGroups.every((g) => {
    const n = chosen[g.id]?.length ?? 0;
    return n >= g.min && n <= g.max;
  });
  const extras = p.modifierGroups.reduce(
    (sum, g) =>
      sum + g.options.filter((o) => chosen[g.id]?.includes(o.id)).reduce((s, o) => s + o.priceDeltaCents, 0),
    0,
  );

  const add = async () => {
    if (!session) return;
    setBusy(true);
    const modifiers = Object.entries(chosen).flatMap(([groupId, ids]) =>
      ids.map((optionId) => ({ groupId, optionId })),
    );
    const r = await runtime.command('AddItem', {
      sessionId: session.session.id,
      item: { productId: p.id, qty, modifiers, notes: notes.trim() },
    });
    setBusy(false);
    if (r.status === 'refused' && r.outcome && !r.outcome.ok) {
      toast(t('error.refused', { message: r.outcome.error.message }), 'danger');
      return;
    }
    toast(`+${qty} ${localized(p.name, lang)}`, 'ok');
    props.onClose();
  };

  return (
    <Modal
      title={localized(p.name, lang)}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <div className="row t-modal-actions">
          <div className="t-stepper" role="group">
            <button onClick={() => setQty((q) => Math.max(1, q - 1))} aria-label={t('cart.less')}>
              −
            </button>
            <span aria-live="polite">{qty}</span>
            <button onClick={() => setQty((q) => Math.min(99, q + 1))} aria-label={t('cart.more')}>
              +
            </button>
          </div>
          <Button
            variant="primary"
            block
            disabled={!valid || busy || !p.available}
            onClick={() => void add()}
          >
            {t('product.add', { price: money((p.priceCents + extras) * qty) })}
          </Button>
        </div>
      }
    >
      {localized(p.description, lang) ? (
        <p className="t-sheet-desc">{localized(p.description, lang)}</p>
      ) : null}
      <div className="t-sheet-allergens">
        <span className="muted t-small">{t('product.allergens')}</span>
        {p.allergens.length === 0 ? <span className="muted t-small">{t('product.noAllergens')}</span> : null}
        {p.allergens.map((a) => (
          <span key={a} className="t-allergen">
            {allergenName(a, lang)}
          </span>
        ))}
      </div>
      {p.modifierGroups.map((g) => (
        <fieldset key={g.id} className="t-group">
          <legend>
            {localized(g.name, lang)}{' '}
            <span className="muted t-small">
              {g.min > 0 ? t('product.required') : t('product.upTo', { n: g.max })}
            </span>
          </legend>
          {g.options.map((o) => {
            const on = chosen[g.id]?.includes(o.id) ?? false;
            return (
              <button
                key={o.id}
                className={on ? 't-option on' : 't-option'}
                role={g.max === 1 ? 'radio' : 'checkbox'}
                aria-checked={on}
                onClick={() => toggle(g.id, o.id, g.max)}
              >
                <span className="t-option-mark" aria-hidden="true" />
                <span className="spacer">{localized(o.name, lang)}</span>
                {o.priceDeltaCents > 0 ? <span className="muted">+{money(o.priceDeltaCents)}</span> : null}
              </button>
            );
          })}
        </fieldset>
      ))}
      <label className="field">
        {t('product.notes')}
        <input
          className="input"
          value={notes}
          maxLength={200}
          placeholder={t('product.notesPlaceholder')}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
    </Modal>
  );
}
