// One dish in the editor: its price at this branch (edited in place), availability, and whether the
// branch's hub has applied the latest change to it yet.
import { useState, type FormEvent } from 'react';
import type { EditorProduct } from '../../../../protocol/owner-api.js';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { parsePriceCents, priceText } from './price-input.js';

export interface ProductRowProps {
  product: EditorProduct;
  stationName: string;
  canEdit: boolean;
  onPrice: (p: EditorProduct, cents: number) => Promise<void>;
  onAvailability: (p: EditorProduct, available: boolean) => Promise<void>;
  onDetails: (p: EditorProduct) => void;
}

export function ProductRow(props: ProductRowProps) {
  const { t, money, lang } = useI18n();
  const { product: p, canEdit } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const name = localized(p.name, lang);

  function startEdit() {
    setText(priceText(p.effectivePriceCents, lang));
    setInvalid(false);
    setEditing(true);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const cents = parsePriceCents(text);
    if (cents === null) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    try {
      await props.onPrice(p, cents);
      setEditing(false);
    } finally {
      setBusy(false);
    }
  }

  async function toggle() {
    setBusy(true);
    try {
      await props.onAvailability(p, !p.available);
    } finally {
      setBusy(false);
    }
  }

  return (
    <tr className={p.active ? undefined : 'row-inactive'} data-testid={`product-${p.productId}`}>
      <td>
        <div className="product-name">
          {name}
          {!p.active && <Badge>{t('menu.inactive')}</Badge>}
          {canEdit && (
            <button
              className="link-btn details-btn"
              onClick={() => props.onDetails(p)}
              data-testid="edit-details"
            >
              {t('menu.details')}
            </button>
          )}
        </div>
        {p.allergens.length > 0 && (
          <div className="muted small">{p.allergens.map((a) => t(`allergen.${a}`)).join(' · ')}</div>
        )}
      </td>
      <td className="muted">{props.stationName}</td>
      <td className="price-cell">
        {editing ? (
          <form className="price-form" onSubmit={(e) => void save(e)}>
            <input
              className={`input input-sm price-input${invalid ? ' input-invalid' : ''}`}
              value={text}
              inputMode="decimal"
              aria-label={t('menu.col.price')}
              aria-invalid={invalid}
              title={invalid ? t('menu.badPrice') : undefined}
              autoFocus
              onChange={(e) => {
                setText(e.target.value);
                setInvalid(false);
              }}
              onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
            />
            <Button size="sm" variant="primary" type="submit" disabled={busy}>
              {t('menu.save')}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              {t('cancel')}
            </Button>
          </form>
        ) : (
          <div className="price-view">
            <span className="price" data-testid="price">
              {money(p.effectivePriceCents)}
            </span>
            {p.branchPriceCents !== null && p.branchPriceCents !== p.priceCents && (
              <span className="muted small">{t('menu.basePrice', { price: money(p.priceCents) })}</span>
            )}
            {canEdit && (
              <button className="link-btn" onClick={startEdit} data-testid="edit-price">
                {t('menu.edit')}
              </button>
            )}
          </div>
        )}
      </td>
      <td>
        <label className={`switch${canEdit ? '' : ' switch-readonly'}`}>
          <input
            type="checkbox"
            role="switch"
            checked={p.available}
            disabled={!canEdit || busy}
            onChange={() => void toggle()}
            aria-label={`${name}: ${p.available ? t('menu.available') : t('menu.soldOut')}`}
          />
          <span className="switch-track" aria-hidden="true" />
          <span className="switch-label">{p.available ? t('menu.available') : t('menu.soldOut')}</span>
        </label>
      </td>
      <td>
        {p.pendingVersion !== null ? (
          <Badge tone="warn">{t('menu.pending')}</Badge>
        ) : (
          <Badge tone="ok">{t('menu.synced')}</Badge>
        )}
      </td>
    </tr>
  );
}
