// The discounts on the check, each with its reason; a manager can take one off while the check is
// still editable (RemoveDiscount).
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import type { DiscountView } from './hub-types.js';
import { discountText } from './manager-math.js';

export function DiscountList(props: {
  discounts: readonly DiscountView[];
  canRemove: boolean;
  onRemove: (d: DiscountView) => void;
}) {
  const { t, money, lang } = useI18n();
  if (props.discounts.length === 0) return null;
  return (
    <section>
      <h3 className="panel-title">{t('discount.list')}</h3>
      <ul className="payments discounts">
        {props.discounts.map((d) => (
          <li key={d.id} data-discount={d.id}>
            <span className="num">−{discountText(d, money, lang)}</span>
            <span className="grow muted">{d.reason}</span>
            {props.canRemove ? (
              <Button size="sm" variant="ghost" onClick={() => props.onRemove(d)}>
                {t('discount.remove')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
