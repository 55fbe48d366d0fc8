// Menu categories in menu order, with how many products each holds.
import { useState } from 'react';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { Icon } from '../ui/icons.js';
import type { Catalog, Category } from './catalog-types.js';
import { CategoryForm } from './CategoryForm.js';
import { ActionsHeader, ActiveBadge, EditButton } from '../ui/table-parts.js';

export function CategoriesTab(props: { catalog: Catalog }) {
  const { t, lang } = useI18n();
  const { catalog } = props;
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const next = Math.max(0, ...catalog.categories.map((c) => c.position + 1));
  return (
    <div className="stack">
      <div className="toolbar">
        <span className="spacer" />
        <Button variant="primary" onClick={() => setEditing('new')}>
          <Icon name="plus" /> {t('category.new')}
        </Button>
      </div>
      <section className="card table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th className="num col-pos">{t('category.position')}</th>
              <th>{t('category.name')}</th>
              <th className="num">{t('category.products')}</th>
              <th>{t('category.status')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {catalog.categories.map((c) => (
              <tr key={c.id} className={c.active ? undefined : 'row-inactive'}>
                <td className="num">{c.position}</td>
                <td>
                  <div className="cell-title">{localized(c.name, lang)}</div>
                  <div className="cell-sub">{localized(c.name, lang === 'es' ? 'en' : 'es')}</div>
                </td>
                <td className="num">{catalog.products.filter((p) => p.categoryId === c.id).length}</td>
                <td>
                  <ActiveBadge active={c.active} />
                </td>
                <td className="actions">
                  <EditButton onClick={() => setEditing(c)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <CategoryForm
          category={editing === 'new' ? undefined : editing}
          nextPosition={next}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
