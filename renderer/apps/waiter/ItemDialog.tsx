// Adding one dish: its allergens up front, the required choices (doneness…), quantity, seat, course and
// a note for the kitchen. "Add" stays off until every required choice is made.
import { useState } from 'react';
import { flaggedAllergyNote, isAllergyNote } from '../../shared/allergy-note.js';
import { localized, useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { Modal } from '../../shared/ui/Modal.js';
import type { CartLine, CartModifier } from './cart.js';
import type { Course, ProductView } from './hub-types.js';

const COURSES: readonly Course[] = ['drink', 'starter', 'main', 'dessert'];

export function ItemDialog(props: {
  product: ProductView;
  guests: number;
  onClose: () => void;
  onAdd: (line: Omit<CartLine, 'key'>) => void;
}) {
  const { t, lang, money } = useI18n();
  const { product } = props;
  const [qty, setQty] = useState(1);
  const [chosen, setChosen] = useState<Record<string, string[]>>({});
  const [notes, setNotes] = useState('');
  const [allergy, setAllergy] = useState(false);
  // A note that already says "alergia" is one for the kitchen whether or not the switch is on.
  const flagged = allergy || isAllergyNote(notes);
  const [seat, setSeat] = useState<number | null>(null);
  const [course, setCourse] = useState<Course>(product.course);

  const pick = (groupId: string, optionId: string, max: number) =>
    setChosen((c) => {
      const now = c[groupId] ?? [];
      if (now.includes(optionId)) return { ...c, [groupId]: now.filter((o) => o !== optionId) };
      const next = max === 1 ? [optionId] : now.length < max ? [...now, optionId] : now;
      return { ...c, [groupId]: next };
    });

  const modifiers: CartModifier[] = product.modifierGroups.flatMap((g) =>
    (chosen[g.id] ?? []).map((optionId) => {
      const o = g.options.find((x) => x.id === optionId)!;
      return { groupId: g.id, optionId, name: localized(o.name, lang), priceDeltaCents: o.priceDeltaCents };
    }),
  );
  const complete = product.modifierGroups.every((g) => (chosen[g.id]?.length ?? 0) >= g.min);
  const total = (product.priceCents + modifiers.reduce((s, m) => s + m.priceDeltaCents, 0)) * qty;

  const add = () =>
    props.onAdd({
      productId: product.id,
      name: product.name,
      unitPriceCents: product.priceCents,
      qty,
      modifiers,
      notes: allergy ? flaggedAllergyNote(notes, t('item.allergyWord')) : notes.trim(),
      seat,
      course,
    });

  return (
    <Modal
      title={localized(product.name, lang)}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <div className="stepper" role="group" aria-label={t('item.qty')}>
            <button
              className="btn"
              onClick={() => setQty((q) => Math.max(1, q - 1))}
              aria-label={t('cart.less')}
            >
              −
            </button>
            <output className="stepper-value" aria-live="polite">
              {qty}
            </output>
            <button
              className="btn"
              onClick={() => setQty((q) => Math.min(99, q + 1))}
              aria-label={t('cart.more')}
            >
              +
            </button>
          </div>
          <Button variant="primary" size="lg" disabled={!complete} onClick={add} className="grow">
            {t('item.add', { price: money(total) })}
          </Button>
        </>
      }
    >
      <div className="stack item-dialog">
        {product.allergens.length ? (
          <div className="allergen-warning">
            <strong>⚠ {t('item.allergens')}:</strong>{' '}
            {product.allergens.map((a) => t(`allergen.${a}`)).join(', ')}
          </div>
        ) : null}
        {product.modifierGroups.map((g) => (
          <fieldset key={g.id} className="mod-group">
            <legend>
              {localized(g.name, lang)}{' '}
              <span className={g.min > 0 ? 'badge badge-brand' : 'badge'}>
                {g.min > 0 ? t('item.required', { n: g.min }) : t('item.upTo', { n: g.max })}
              </span>
            </legend>
            <div className="chips">
              {g.options.map((o) => (
                <button
                  key={o.id}
                  className="chip chip-lg"
                  aria-pressed={(chosen[g.id] ?? []).includes(o.id)}
                  onClick={() => pick(g.id, o.id, g.max)}
                >
                  {localized(o.name, lang)}
                  {o.priceDeltaCents ? <small> +{money(o.priceDeltaCents)}</small> : null}
                </button>
              ))}
            </div>
          </fieldset>
        ))}
        <fieldset className="mod-group">
          <legend>{t('item.seat')}</legend>
          <div className="chips">
            <button className="chip chip-lg" aria-pressed={seat === null} onClick={() => setSeat(null)}>
              {t('item.seatNone')}
            </button>
            {Array.from({ length: Math.max(1, props.guests) }, (_, i) => i + 1).map((n) => (
              <button key={n} className="chip chip-lg" aria-pressed={seat === n} onClick={() => setSeat(n)}>
                {n}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="mod-group">
          <legend>{t('item.course')}</legend>
          <div className="chips">
            {COURSES.map((c) => (
              <button
                key={c}
                className="chip chip-lg"
                aria-pressed={course === c}
                onClick={() => setCourse(c)}
              >
                {t(`course.${c}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {t('item.notes')}
          <textarea
            className="input"
            maxLength={270}
            placeholder={t('item.notesPlaceholder')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
        </label>
        <div className="row">
          <button
            type="button"
            className={flagged ? 'chip chip-lg chip-allergy' : 'chip chip-lg'}
            aria-pressed={flagged}
            disabled={isAllergyNote(notes)}
            onClick={() => setAllergy((on) => !on)}
          >
            ⚠ {t('item.allergy')}
          </button>
          <span className="muted small">{t(flagged ? 'item.allergyOn' : 'item.allergyHint')}</span>
        </div>
      </div>
    </Modal>
  );
}
