// The floor: the waiter's sectors as tabs, every table as a big tile coloured by its live state, a legend,
// and the tables calling for service first. A free table opens with a guest count; any other opens it.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { FloorLegend } from './FloorLegend.js';
import { navigate } from './hash-route.js';
import type { TableView } from './hub-types.js';
import { OpenTableDialog } from './OpenTableDialog.js';
import { pendingOpensOf } from './pending-rounds.js';
import { usePending, useRuntime, useWaiter } from './runtime-context.js';
import { TableTile } from './TableTile.js';
import { visibleSectors } from './table-states.js';
import { BellIcon } from './icons.js';

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export function FloorScreen() {
  const rt = useRuntime();
  const { t } = useI18n();
  const floor = useWaiter((s) => s.floor);
  const session = useSyncExternalStore(rt.sessions.subscribe, rt.sessions.current);
  const pending = usePending();
  const now = useNow(30_000);
  const [sectorId, setSectorId] = useState<string | null>(null);
  const [opening, setOpening] = useState<TableView | null>(null);

  useEffect(() => rt.watch(null), [rt]);

  if (!floor || !session) return <div className="empty">{t('session.loading')}</div>;
  const sectors = visibleSectors(floor.sectors, session.staff);
  if (sectors.length === 0) return <div className="empty">{t('floor.empty')}</div>;
  const sector = sectors.find((s) => s.id === sectorId) ?? sectors[0]!;
  const opens = pendingOpensOf(pending);
  const calling = sectors.flatMap((s) => s.tables.filter((tb) => tb.serviceCall && tb.sessionId));
  const busy = sector.tables.filter((tb) => tb.state !== 'FREE').length;

  const openTable = (table: TableView) => {
    if (table.sessionId) navigate({ kind: 'session', sessionId: table.sessionId });
    else if (!opens.has(table.id)) setOpening(table);
  };

  return (
    <main className="floor">
      <div className="floor-head">
        {sectors.length > 1 ? (
          <div className="seg seg-lg" role="tablist" aria-label={t('floor.title')}>
            {sectors.map((s) => (
              <button
                key={s.id}
                role="tab"
                aria-selected={s.id === sector.id}
                aria-pressed={s.id === sector.id}
                onClick={() => setSectorId(s.id)}
              >
                {s.name}
                {s.tables.some((tb) => tb.serviceCall) ? (
                  <span className="dot-call" aria-hidden="true" />
                ) : null}
              </button>
            ))}
          </div>
        ) : (
          <h1 className="floor-title">{sector.name}</h1>
        )}
        <span className="muted floor-summary">
          {t('floor.summary', { busy, free: sector.tables.length - busy })}
        </span>
      </div>

      {calling.length > 0 ? (
        <div className="calls-strip" role="alert">
          <span className="calls-strip-title">
            <BellIcon /> {t('floor.calls')}
          </span>
          {calling.map((tb) => (
            <button
              key={tb.id}
              className="btn btn-sm call-btn"
              onClick={() => tb.sessionId && navigate({ kind: 'session', sessionId: tb.sessionId })}
            >
              {t('session.table', { table: tb.label })}
            </button>
          ))}
        </div>
      ) : null}

      <div className="table-grid">
        {sector.tables.map((table) => (
          <TableTile
            key={table.id}
            table={table}
            now={now}
            opening={opens.has(table.id)}
            onOpen={() => openTable(table)}
          />
        ))}
      </div>

      <FloorLegend />

      {opening ? (
        <OpenTableDialog
          table={opening}
          onClose={() => setOpening(null)}
          onOpened={(sessionId) => {
            setOpening(null);
            if (sessionId) navigate({ kind: 'session', sessionId });
          }}
        />
      ) : null}
    </main>
  );
}
