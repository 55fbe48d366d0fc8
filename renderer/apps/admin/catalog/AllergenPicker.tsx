// The 14 regulated allergens as toggles: a dish's allergens are what the kitchen screen and the diner's
// filter rely on, so each one is a big, labelled checkbox rather than a free-text list.
import { useI18n } from '../../../shared/i18n.js';
import { ALLERGENS, type Allergen } from './catalog-types.js';

export function AllergenPicker(props: {
  value: Allergen[];
  onChange: (next: Allergen[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const toggle = (a: Allergen) =>
    props.onChange(props.value.includes(a) ? props.value.filter((x) => x !== a) : [...props.value, a]);
  return (
    <div className="chip-grid" id={props.id} role="group">
      {ALLERGENS.map((a) => (
        <label key={a} className={props.value.includes(a) ? 'chip chip-on' : 'chip'}>
          <input type="checkbox" checked={props.value.includes(a)} onChange={() => toggle(a)} />
          {t(`allergen.${a}`)}
        </label>
      ))}
    </div>
  );
}
