// The menu: products (price, 86, stock), categories and kitchen stations, from the whole catalog
// (inactive rows included) so nothing switched off is lost from view.
import { useEffect, useState } from 'react';
import { reportBranchCurrency } from '../../../shared/branch-currency.js';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { useResource } from '../use-resource.js';
import type { Catalog } from './catalog-types.js';
import { CategoriesTab } from './CategoriesTab.js';
import { ProductsTab } from './ProductsTab.js';
import { StationsTab } from './StationsTab.js';
import { plural } from '../plural.js';

const TABS = ['products', 'categories', 'stations'] as const;
type Tab = (typeof TABS)[number];

export function CatalogPage() {
  const { t } = useI18n();
  const catalog = useResource<Catalog>('/api/admin/catalog');
  const [tab, setTab] = useState<Tab>('products');
  const data = catalog.data;
  // Prices below are shown in the branch's currency, which the catalog carries (branch settings).
  useEffect(() => reportBranchCurrency(data?.currency), [data?.currency]);
  const soldOut = data ? data.products.filter((p) => p.active && !p.available).length : 0;
  return (
    <>
      <PageHeader
        title={t('catalog.title')}
        subtitle={t('catalog.subtitle')}
        actions={
          data ? (
            <div className="row">
              <Badge tone="info">{t('catalog.version', { n: data.catalogVersion })}</Badge>
              {soldOut > 0 ? <Badge tone="danger">{plural(t, 'catalog.soldOutCount', soldOut)}</Badge> : null}
            </div>
          ) : null
        }
      />
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} role="tab" aria-selected={tab === id} className="tab" onClick={() => setTab(id)}>
            {t(`catalog.tab.${id}`)}
            {data ? (
              <span className="tab-count">
                {id === 'products'
                  ? data.products.length
                  : id === 'categories'
                    ? data.categories.length
                    : data.stations.length}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      {catalog.error ? <LoadError error={catalog.error} onRetry={catalog.reload} /> : null}
      {!data ? (
        catalog.error ? null : (
          <Loading />
        )
      ) : tab === 'products' ? (
        <ProductsTab catalog={data} />
      ) : tab === 'categories' ? (
        <CategoriesTab catalog={data} />
      ) : (
        <StationsTab catalog={data} />
      )}
    </>
  );
}
