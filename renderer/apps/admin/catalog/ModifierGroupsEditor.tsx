// Modifier groups of a product ("Punto de la carne": min 1, max 1, options with a price each). Edited in
// place; the product form checks and sends them with the product.
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { newModifierId, type GroupDraft, type OptionDraft } from './product-draft.js';

export function ModifierGroupsEditor(props: {
  groups: GroupDraft[];
  onChange: (next: GroupDraft[]) => void;
}) {
  const { t } = useI18n();
  const { groups, onChange } = props;
  const setGroup = (i: number, patch: Partial<GroupDraft>) =>
    onChange(groups.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const setOption = (gi: number, oi: number, patch: Partial<OptionDraft>) =>
    setGroup(gi, { options: groups[gi]!.options.map((o, j) => (j === oi ? { ...o, ...patch } : o)) });
  const newOption = (): OptionDraft => ({ id: newModifierId('o'), nameEs: '', nameEn: '', delta: '' });

  return (
    <div className="stack modifier-editor">
      {groups.map((g, gi) => (
        <fieldset key={g.id} className="modifier-group">
          <legend className="sr-only">{t('product.group', { n: gi + 1 })}</legend>
          <div className="modifier-row">
            <input
              className="input"
              placeholder={t('product.groupNameEs')}
              aria-label={t('product.groupNameEs')}
              value={g.nameEs}
              onChange={(e) => setGroup(gi, { nameEs: e.target.value })}
            />
            <input
              className="input"
              placeholder={t('product.groupNameEn')}
              aria-label={t('product.groupNameEn')}
              value={g.nameEn}
              onChange={(e) => setGroup(gi, { nameEn: e.target.value })}
            />
            <label className="inline-num">
              {t('product.min')}
              <input
                className="input"
                inputMode="numeric"
                value={g.min}
                onChange={(e) => setGroup(gi, { min: e.target.value })}
              />
            </label>
            <label className="inline-num">
              {t('product.max')}
              <input
                className="input"
                inputMode="numeric"
                value={g.max}
                onChange={(e) => setGroup(gi, { max: e.target.value })}
              />
            </label>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => onChange(groups.filter((_, j) => j !== gi))}
              aria-label={t('product.removeGroup')}
            >
              ✕
            </Button>
          </div>
          {g.options.map((o, oi) => (
            <div key={o.id} className="modifier-row modifier-option">
              <input
                className="input"
                placeholder={t('product.optionEs')}
                aria-label={t('product.optionEs')}
                value={o.nameEs}
                onChange={(e) => setOption(gi, oi, { nameEs: e.target.value })}
              />
              <input
                className="input"
                placeholder={t('product.optionEn')}
                aria-label={t('product.optionEn')}
                value={o.nameEn}
                onChange={(e) => setOption(gi, oi, { nameEn: e.target.value })}
              />
              <input
                className="input input-money"
                placeholder={t('product.optionPricePlaceholder')}
                inputMode="decimal"
                aria-label={t('product.optionPrice')}
                value={o.delta}
                onChange={(e) => setOption(gi, oi, { delta: e.target.value })}
              />
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setGroup(gi, { options: g.options.filter((_, j) => j !== oi) })}
                aria-label={t('product.removeOption')}
              >
                ✕
              </Button>
            </div>
          ))}
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setGroup(gi, { options: [...g.options, newOption()] })}
          >
            + {t('product.addOption')}
          </Button>
        </fieldset>
      ))}
      <Button
        size="sm"
        onClick={() =>
          onChange([
            ...groups,
            { id: newModifierId('g'), nameEs: '', nameEn: '', min: '0', max: '1', options: [newOption()] },
          ])
        }
      >
        + {t('product.addGroup')}
      </Button>
    </div>
  );
}
