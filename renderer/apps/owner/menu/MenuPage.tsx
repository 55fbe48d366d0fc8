// The menu editor for one branch: every dish by category with its price at this branch and its
// availability, editable by owners (viewers read only); each hub's applied version; the change log.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CatalogEditorView, EditorProduct, OwnerMe } from '../../../../protocol/owner-api.js';
import { ApiError } from '../../../shared/api-client.js';
import { localized, useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { ownerApi } from '../owner-api.js';
import { useFiguresCurrency } from '../format.js';
import { hrefOf } from '../routes.js';
import { LoadError } from '../ui/LoadError.js';
import { useResource } from '../use-resource.js';
import { ChangeLog } from './ChangeLog.js';
import { HubStatusPanel } from './HubStatusPanel.js';
import { ProductDialog } from './ProductDialog.js';
import { ProductRow } from './ProductRow.js';

export function MenuPage(props: { branchId: string | undefined; me: OwnerMe }) {
  const { t, money, lang } = useI18n();
  const toast = useToast();
  const branches = useResource('branches', ownerApi.overview, { live: false });
  const branchId = props.branchId ?? branches.data?.branches[0]?.branchId;

  // No branch in the address yet: show the first one, keeping the address shareable.
  useEffect(() => {
    if (props.branchId === undefined && branchId !== undefined)
      window.location.replace(hrefOf({ page: 'menu', branchId }));
  }, [props.branchId, branchId]);

  const load = useCallback(() => ownerApi.catalog(branchId ?? ''), [branchId]);
  const { data: view, error, reload } = useResource<CatalogEditorView>(branchId ?? null, load);
  useFiguresCurrency(view?.currency);
  const [search, setSearch] = useState('');
  /** The product whose details are open (null: a new one), or undefined when the dialog is closed. */
  const [dialog, setDialog] = useState<EditorProduct | null | undefined>(undefined);
  const canEdit = props.me.role === 'owner';

  const fail = (err: unknown) => toast(err instanceof ApiError ? err.message : String(err), 'danger');

  async function onPrice(p: EditorProduct, cents: number) {
    if (!branchId) return;
    try {
      await ownerApi.editCatalog(branchId, {
        type: 'SetBranchPrice',
        payload: { productId: p.productId, priceCents: cents },
      });
      toast(t('menu.saved', { name: localized(p.name, lang), price: money(cents) }), 'ok');
      reload();
    } catch (err) {
      fail(err);
      throw err;
    }
  }

  async function onAvailability(p: EditorProduct, available: boolean) {
    if (!branchId) return;
    try {
      await ownerApi.editCatalog(branchId, {
        type: 'SetProductAvailability',
        payload: { productId: p.productId, available },
      });
      toast(
        t('menu.availabilitySaved', {
          name: localized(p.name, lang),
          state: available ? t('menu.available') : t('menu.soldOut'),
        }),
        'ok',
      );
      reload();
    } catch (err) {
      fail(err);
    }
  }

  async function onProduct(payload: Record<string, unknown>) {
    if (!branchId) return;
    try {
      const done = await ownerApi.editCatalog(branchId, { type: 'UpsertProduct', payload });
      toast(
        t('menu.productSaved', { name: localized(done.payload.name as EditorProduct['name'], lang) }),
        'ok',
      );
      reload();
    } catch (err) {
      if (err instanceof ApiError) throw new Error(err.message);
      throw err;
    }
  }

  const groups = useMemo(() => {
    if (!view) return [];
    const needle = search.trim().toLowerCase();
    const match = (p: EditorProduct) =>
      needle === '' || p.name.es.toLowerCase().includes(needle) || p.name.en.toLowerCase().includes(needle);
    const known = new Set(view.categories.map((c) => c.categoryId));
    const sections = view.categories.map((c) => ({
      id: c.categoryId,
      name: localized(c.name, lang),
      products: view.products.filter((p) => p.categoryId === c.categoryId && match(p)),
    }));
    const orphans = view.products.filter((p) => !known.has(p.categoryId) && match(p));
    if (orphans.length > 0) sections.push({ id: '_', name: '—', products: orphans });
    return sections.filter((s) => s.products.length > 0);
  }, [view, search, lang]);

  const stationNames = useMemo(() => new Map(view?.stations.map((s) => [s.stationId, s.name]) ?? []), [view]);
  const allBranches = branches.data?.branches ?? [];

  if (branches.data && allBranches.length === 0)
    return <div className="empty card">{t('menu.noBranches')}</div>;

  return (
    <div className="stack-lg">
      <div className="page-head">
        <h1>{t('menu.title')}</h1>
        <label className="branch-select">
          <span className="sr-only">{t('menu.branch')}</span>
          <select
            className="input input-sm"
            value={branchId ?? ''}
            onChange={(e) => window.location.assign(hrefOf({ page: 'menu', branchId: e.target.value }))}
            data-testid="branch-select"
          >
            {allBranches.map((b) => (
              <option key={b.branchId} value={b.branchId}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        {canEdit && view && view.categories.length > 0 && (
          <Button size="sm" variant="primary" onClick={() => setDialog(null)}>
            + {t('menu.newProduct')}
          </Button>
        )}
        <input
          className="input input-sm search"
          type="search"
          placeholder={t('menu.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {!canEdit && <div className="notice">{t('menu.readOnly')}</div>}
      <LoadError error={error} onRetry={reload} />
      {view && (
        <div className="menu-layout">
          <div className="stack">
            {view.products.length === 0 && <div className="empty card">{t('menu.empty')}</div>}
            {groups.map((g) => (
              <section key={g.id} className="card menu-section">
                <h2 className="menu-category">
                  {g.name} <span className="muted small">{g.products.length}</span>
                </h2>
                <table className="table menu-table">
                  <thead>
                    <tr>
                      <th>{t('menu.col.product')}</th>
                      <th>{t('menu.col.station')}</th>
                      <th>{t('menu.col.price')}</th>
                      <th>{t('menu.col.available')}</th>
                      <th>{t('menu.col.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.products.map((p) => (
                      <ProductRow
                        key={p.productId}
                        product={p}
                        stationName={stationNames.get(p.station) ?? p.station}
                        canEdit={canEdit}
                        onPrice={onPrice}
                        onAvailability={onAvailability}
                        onDetails={setDialog}
                      />
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
          </div>
          {dialog !== undefined && (
            <ProductDialog
              view={view}
              product={dialog}
              onSave={onProduct}
              onClose={() => setDialog(undefined)}
            />
          )}
          <aside className="stack menu-aside">
            <HubStatusPanel view={view} nowMs={Date.now()} />
            <ChangeLog view={view} />
          </aside>
        </div>
      )}
    </div>
  );
}
