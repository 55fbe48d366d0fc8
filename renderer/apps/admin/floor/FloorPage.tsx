// The floor: sectors and their tables with seats and QR join codes; add and edit them, rotate a code,
// and open the printable sheet of every table's QR code.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { Icon } from '../ui/icons.js';
import { hrefOf } from '../routes.js';
import { useResource } from '../use-resource.js';
import type { Floor, Sector, Table } from './floor-types.js';
import { RotateCodeDialog } from './RotateCodeDialog.js';
import { SectorForm } from './SectorForm.js';
import { TableForm } from './TableForm.js';
import { plural } from '../plural.js';
import { EditButton } from '../ui/table-parts.js';

type Dialog =
  | { kind: 'sector'; sector?: Sector }
  | { kind: 'table'; table?: Table; sectorId?: string }
  | { kind: 'rotate'; table: Table }
  | null;

export function FloorPage() {
  const { t } = useI18n();
  const floor = useResource<Floor>('/api/admin/floor');
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = floor.data;
  const close = () => setDialog(null);
  const activeTables = data ? data.tables.filter((tb) => tb.active) : [];

  return (
    <>
      <PageHeader
        title={t('floor.title')}
        subtitle={
          data
            ? t('floor.subtitle', {
                tables: activeTables.length,
                seats: activeTables.reduce((n, tb) => n + tb.seats, 0),
              })
            : undefined
        }
        actions={
          <>
            <a className="btn" href={hrefOf({ page: 'floor', sub: 'qr' })}>
              <Icon name="qr" /> {t('floor.qrSheet')}
            </a>
            <Button variant="primary" onClick={() => setDialog({ kind: 'sector' })}>
              <Icon name="plus" /> {t('sector.new')}
            </Button>
          </>
        }
      />
      {floor.error ? <LoadError error={floor.error} onRetry={floor.reload} /> : null}
      {!data ? (
        floor.error ? null : (
          <Loading />
        )
      ) : (
        <div className="stack">
          {data.sectors.map((s) => {
            const tables = data.tables.filter((tb) => tb.sectorId === s.id);
            return (
              <section
                key={s.id}
                className={s.active ? 'card sector' : 'card sector row-inactive'}
                aria-label={s.name}
              >
                <header className="table-card-head">
                  <h2>{s.name}</h2>
                  <span className="muted">{plural(t, 'floor.tablesCount', tables.length)}</span>
                  {s.active ? null : <Badge>{t('status.inactive')}</Badge>}
                  <span className="spacer" />
                  <EditButton onClick={() => setDialog({ kind: 'sector', sector: s })} />
                  <Button size="sm" onClick={() => setDialog({ kind: 'table', sectorId: s.id })}>
                    <Icon name="plus" size={18} /> {t('table.new')}
                  </Button>
                </header>
                <div className="table-grid">
                  {tables.map((tb) => (
                    <article key={tb.id} className={tb.active ? 'table-tile' : 'table-tile row-inactive'}>
                      <div className="table-tile-head">
                        <span className="table-label">{tb.label}</span>
                        <span className="muted">{t('table.seatsN', { n: tb.seats })}</span>
                      </div>
                      <div className="join-code" title={t('table.joinCode')}>
                        <span className="sr-only">{t('table.joinCode')}: </span>
                        {tb.joinCode}
                      </div>
                      {tb.active ? null : <Badge>{t('status.inactive')}</Badge>}
                      <div className="table-tile-actions">
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setDialog({ kind: 'table', table: tb })}
                        >
                          {t('edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => setDialog({ kind: 'rotate', table: tb })}
                          aria-label={t('rotate.title', { name: tb.label })}
                        >
                          <Icon name="refresh" size={16} /> {t('rotate.short')}
                        </Button>
                      </div>
                    </article>
                  ))}
                  {tables.length === 0 ? <p className="muted">{t('floor.noTables')}</p> : null}
                </div>
              </section>
            );
          })}
          {data.sectors.length === 0 ? <div className="card empty">{t('floor.noSectors')}</div> : null}
        </div>
      )}
      {data && dialog?.kind === 'sector' ? (
        <SectorForm
          sector={dialog.sector}
          nextPosition={Math.max(0, ...data.sectors.map((s) => s.position + 1))}
          onClose={close}
        />
      ) : null}
      {data && dialog?.kind === 'table' ? (
        <TableForm
          table={dialog.table}
          sectorId={dialog.sectorId}
          sectors={data.sectors}
          labelsTaken={data.tables.map((tb) => tb.label)}
          onClose={close}
        />
      ) : null}
      {dialog?.kind === 'rotate' ? <RotateCodeDialog table={dialog.table} onClose={close} /> : null}
    </>
  );
}
