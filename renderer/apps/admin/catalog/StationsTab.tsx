// Kitchen stations: each one's screens and printers get the tickets of the dishes made there.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { Icon } from '../ui/icons.js';
import type { Catalog, Station } from './catalog-types.js';
import { StationForm } from './StationForm.js';
import { ActionsHeader, ActiveBadge, EditButton } from '../ui/table-parts.js';

export function StationsTab(props: { catalog: Catalog }) {
  const { t } = useI18n();
  const { catalog } = props;
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const next = Math.max(0, ...catalog.stations.map((s) => s.position + 1));
  return (
    <div className="stack">
      <div className="toolbar">
        <p className="muted toolbar-note">{t('station.intro')}</p>
        <span className="spacer" />
        <Button variant="primary" onClick={() => setEditing('new')}>
          <Icon name="plus" /> {t('station.new')}
        </Button>
      </div>
      <section className="card table-card">
        <table className="data-table">
          <thead>
            <tr>
              <th className="num col-pos">{t('category.position')}</th>
              <th>{t('station.name')}</th>
              <th>{t('station.id')}</th>
              <th className="num">{t('category.products')}</th>
              <th>{t('category.status')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {catalog.stations.map((s) => (
              <tr key={s.id} className={s.active ? undefined : 'row-inactive'}>
                <td className="num">{s.position}</td>
                <td className="cell-title">{s.name}</td>
                <td>
                  <code>{s.id}</code>
                </td>
                <td className="num">
                  {catalog.products.filter((p) => p.station === s.id && p.active).length}
                </td>
                <td>
                  <ActiveBadge active={s.active} />
                </td>
                <td className="actions">
                  <EditButton onClick={() => setEditing(s)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <StationForm
          station={editing === 'new' ? undefined : editing}
          taken={catalog.stations.map((s) => s.id)}
          nextPosition={next}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
