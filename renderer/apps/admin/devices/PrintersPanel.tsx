// Kitchen printers as the hub sees them (paper out, cover open, unreachable) with their queues, and the
// latest print jobs: what the kitchen may have to confirm or reprint.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge, type Tone } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { Icon } from '../ui/icons.js';
import { LoadError } from '../ui/LoadState.js';
import { useResource } from '../use-resource.js';
import type { Printer, PrintJob } from './device-types.js';
import { PrinterForm } from './PrinterForm.js';

const JOB_TONE: Record<string, Tone> = {
  QUEUED: 'info',
  SENDING: 'info',
  PRINTED: 'ok',
  FAILED: 'danger',
  UNCERTAIN: 'warn',
  CANCELED: 'neutral',
};

function printerState(p: Printer): { tone: Tone; key: string } {
  if (!p.active) return { tone: 'neutral', key: 'printer.inactive' };
  if (p.trouble?.kind === 'unreachable' || p.status?.reachable === false)
    return { tone: 'danger', key: 'printer.unreachable' };
  if (p.status?.paperOut) return { tone: 'danger', key: 'printer.paperOut' };
  if (p.status?.coverOpen) return { tone: 'danger', key: 'printer.coverOpen' };
  if (p.trouble) return { tone: 'warn', key: 'printer.notReady' };
  if (p.status?.paperNearEnd) return { tone: 'warn', key: 'printer.paperLow' };
  if (!p.status) return { tone: 'neutral', key: 'printer.unknown' };
  return { tone: 'ok', key: 'printer.ready' };
}

export function PrintersPanel(props: { stations: { id: string; name: string }[] }) {
  const { t, time } = useI18n();
  const printers = useResource<Printer[]>('/api/printers');
  const jobs = useResource<PrintJob[]>('/api/print-jobs?limit=12');
  const [editing, setEditing] = useState<Printer | 'new' | null>(null);
  const stationNames = (ids: string[]) =>
    ids.map((id) => props.stations.find((s) => s.id === id)?.name ?? id).join(', ');
  return (
    <div className="grid-2">
      <section className="card card-pad">
        <div className="row section-head">
          <h2 className="section-title">{t('printer.title')}</h2>
          <span className="spacer" />
          <Button size="sm" onClick={() => setEditing('new')}>
            <Icon name="plus" size={18} /> {t('printer.add')}
          </Button>
        </div>
        {printers.error ? <LoadError error={printers.error} onRetry={printers.reload} /> : null}
        {printers.data?.length === 0 ? <p className="muted">{t('printer.none')}</p> : null}
        <ul className="plain-list">
          {(printers.data ?? []).map((p) => {
            const state = printerState(p);
            return (
              <li key={p.id} className="list-row">
                <div>
                  <div className="cell-title">{p.name}</div>
                  <div className="cell-sub mono">
                    {p.host}:{p.port} · {stationNames(p.stations) || t('printer.noStations')}
                  </div>
                </div>
                <span className="spacer" />
                {p.queue.queued + p.queue.uncertain + p.queue.failed > 0 ? (
                  <span className="cell-sub">
                    {t('printer.queue', { q: p.queue.queued, u: p.queue.uncertain, f: p.queue.failed })}
                  </span>
                ) : null}
                <Badge tone={state.tone}>{t(state.key)}</Badge>
                <Button size="sm" variant="ghost" onClick={() => setEditing(p)}>
                  {t('edit')}
                </Button>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card card-pad">
        <h2 className="section-title">{t('jobs.title')}</h2>
        {jobs.error ? <LoadError error={jobs.error} onRetry={jobs.reload} /> : null}
        {jobs.data?.length === 0 ? <p className="muted">{t('jobs.none')}</p> : null}
        <ul className="plain-list">
          {(jobs.data ?? []).map((j) => (
            <li key={j.id} className="list-row">
              <span className="mono cell-sub">{time(j.createdAt)}</span>
              <div>
                <div className="cell-title">
                  {t(`jobs.kind.${j.kind}`)} {j.station ? `· ${j.station}` : ''}
                </div>
                <div className="cell-sub">
                  {j.printerName ?? t('jobs.noPrinter')}
                  {j.lastError ? ` · ${j.lastError}` : ''}
                </div>
              </div>
              <span className="spacer" />
              <Badge tone={JOB_TONE[j.status] ?? 'neutral'}>{t(`jobs.status.${j.status}`)}</Badge>
            </li>
          ))}
        </ul>
      </section>
      {editing ? (
        <PrinterForm
          printer={editing === 'new' ? undefined : editing}
          printers={printers.data ?? []}
          stations={props.stations}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
