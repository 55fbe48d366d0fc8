// Availability of one product in this branch: on or 86'd, and an optional count that runs down as
// rounds are sent and turns the product unavailable at zero.
import { useState } from 'react';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { Modal } from '../../../shared/ui/Modal.js';
import { Field, FormAlert } from '../ui/Field.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { parseWholeNumber } from '../validate.js';
import type { Product } from './catalog-types.js';

const FIELDS = ['available', 'stockCount'] as const;

export function StockForm(props: { product: Product; onClose: () => void }) {
  const { t, lang } = useI18n();
  const run = useRunCommand();
  const { product, onClose } = props;
  const [available, setAvailable] = useState(product.available);
  const [stock, setStock] = useState(product.stockCount === null ? '' : String(product.stockCount));
  const form = useFormSubmit(FIELDS);
  const name = localized(product.name, lang);

  const save = () =>
    form.submit(
      (): Record<string, string> =>
        stock.trim() && parseWholeNumber(stock, 0, 100_000) === null ? { stockCount: 'v.count' } : {},
      () =>
        run(
          'SetProductAvailability',
          {
            productId: product.id,
            available,
            stockCount: stock.trim() ? Number(stock.trim()) : null,
          },
          t(available ? 'stock.labelOn' : 'stock.label86', { name }),
        ),
      onClose,
    );

  return (
    <Modal
      title={t('stock.title', { name })}
      onClose={onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button variant="primary" onClick={() => void save()} disabled={form.busy}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormAlert message={form.errors.general} />
        <div className="seg seg-lg" role="group" aria-label={t('stock.availability')}>
          <button type="button" aria-pressed={available} onClick={() => setAvailable(true)}>
            {t('stock.available')}
          </button>
          <button type="button" aria-pressed={!available} onClick={() => setAvailable(false)}>
            {t('stock.soldOut')}
          </button>
        </div>
        <Field label={t('stock.count')} error={form.errors.fields.stockCount} hint={t('stock.countHint')}>
          <input
            className="input"
            inputMode="numeric"
            value={stock}
            onChange={(e) => setStock(e.target.value)}
            placeholder={t('stock.noCount')}
          />
        </Field>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
