// The branch's recent owner changes, newest first, each with when its hub applied it.
import type { CatalogEditorView, EditorChange } from '../../../../protocol/owner-api.js';
import { localized, useI18n } from '../../../shared/i18n.js';

export function ChangeLog(props: { view: CatalogEditorView }) {
  const { t, money, lang, time, date } = useI18n();
  const names = new Map(props.view.products.map((p) => [p.productId, localized(p.name, lang)]));

  function describe(c: EditorChange): string {
    const name = (c.productId && names.get(c.productId)) ?? c.productId ?? '';
    switch (c.type) {
      case 'SetBranchPrice': {
        const cents = c.payload.priceCents;
        return t('menu.change.SetBranchPrice', {
          name,
          price: typeof cents === 'number' ? money(cents) : '—',
        });
      }
      case 'SetProductAvailability':
        return t('menu.change.SetProductAvailability', {
          name,
          state: c.payload.available === true ? t('menu.available') : t('menu.soldOut'),
        });
      case 'UpsertProduct':
        return t('menu.change.UpsertProduct', { name });
      case 'UpsertCategory':
        return t('menu.change.UpsertCategory', {
          name: localized(c.payload.name as { es: string; en: string } | undefined, lang),
        });
      default:
        return t('menu.change.other', { type: c.type });
    }
  }

  const when = (iso: string) => `${date(iso)} ${time(iso)}`;
  return (
    <section className="card card-pad">
      <h2 className="section-title">{t('menu.changes')}</h2>
      {props.view.changes.length === 0 ? (
        <p className="muted small">{t('menu.noChanges')}</p>
      ) : (
        <ol className="change-log" data-testid="change-log">
          {props.view.changes.map((c) => (
            <li key={c.version}>
              <div className="change-what">{describe(c)}</div>
              <div className="muted small">
                {t('menu.change.by', {
                  version: c.version,
                  who: c.madeBy,
                  when: c.madeAt ? when(c.madeAt) : '—',
                })}
              </div>
              <div className={`small ${c.appliedAt ? 'applied' : 'waiting'}`}>
                <span className="state-dot" aria-hidden="true" />
                {c.appliedAt
                  ? t('menu.change.applied', { when: when(c.appliedAt) })
                  : t('menu.change.waiting')}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
