// What is connected to the hub right now: people, diners and paired screens; kitchen stations that no
// screen follows (tickets there go unseen unless printed); pairing a new kitchen screen; printers.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { refreshNow } from '../data-freshness.js';
import { hubErrorOf } from '../hub-commands.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { Icon } from '../ui/icons.js';
import { useResource } from '../use-resource.js';
import { baseUrlChoices } from '../floor/diner-url.js';
import type { HubAddresses } from '../floor/floor-types.js';
import type { Presence } from './device-types.js';
import { PairScreenForm } from './PairScreenForm.js';
import { PrintersPanel } from './PrintersPanel.js';
import { ActionsHeader } from '../ui/table-parts.js';

export function DevicesPage() {
  const { t, time, date } = useI18n();
  const { api } = useAdmin();
  const toast = useToast();
  const presence = useResource<Presence>('/api/devices/presence');
  const addresses = useResource<HubAddresses>('/api/admin/addresses', { live: false });
  const [pairing, setPairing] = useState(false);
  const data = presence.data;
  const base = baseUrlChoices(addresses.data?.dinerBaseUrls ?? [], window.location).urls[0]!;
  const stationName = (id: string | null) =>
    id === null ? t('pair.expo') : (data?.stations.find((s) => s.stationId === id)?.name ?? id);

  const unpair = async (deviceId: string, name: string) => {
    if (!window.confirm(t('devices.unpairConfirm', { name }))) return;
    try {
      await api.post(`/api/devices/${encodeURIComponent(deviceId)}/unpair`);
      toast(t('devices.unpaired', { name }), 'ok');
      refreshNow();
    } catch (err) {
      toast(hubErrorOf(err).message, 'danger');
    }
  };

  return (
    <>
      <PageHeader
        title={t('devices.title')}
        subtitle={t('devices.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setPairing(true)} disabled={!data}>
            <Icon name="plus" /> {t('pair.open')}
          </Button>
        }
      />
      {presence.error ? <LoadError error={presence.error} onRetry={presence.reload} /> : null}
      {!data && !presence.error ? <Loading /> : null}
      {data ? (
        <div className="stack">
          <div className="stat-row">
            <div className="stat card">
              <span className="stat-value">{data.connections.staff}</span>
              <span className="stat-label">{t('devices.staffOnline')}</span>
            </div>
            <div className="stat card">
              <span className="stat-value">{data.connections.diner}</span>
              <span className="stat-label">{t('devices.dinersOnline')}</span>
            </div>
            <div className="stat card">
              <span className="stat-value">{data.connections.device}</span>
              <span className="stat-label">{t('devices.devicesOnline')}</span>
            </div>
            <div className="stat card">
              <span className="stat-value">
                {data.stations.length - data.stationsWithoutScreen.length}/{data.stations.length}
              </span>
              <span className="stat-label">{t('devices.stationsCovered')}</span>
            </div>
          </div>
          {data.stationsWithoutScreen.length > 0 ? (
            <div className="alert alert-warn" role="alert">
              <Icon name="alert" />
              <span>
                {t('devices.noScreen', { stations: data.stationsWithoutScreen.map(stationName).join(', ') })}
              </span>
            </div>
          ) : null}
          <section className="card table-card">
            <header className="table-card-head">
              <h2>{t('devices.paired')}</h2>
            </header>
            {data.devices.length === 0 ? (
              <p className="empty">{t('devices.none')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('devices.name')}</th>
                    <th>{t('devices.kind')}</th>
                    <th>{t('pair.station')}</th>
                    <th>{t('devices.state')}</th>
                    <ActionsHeader />
                  </tr>
                </thead>
                <tbody>
                  {data.devices.map((d) => (
                    <tr key={d.deviceId}>
                      <td className="cell-title">{d.name}</td>
                      <td>{t(`devices.kind.${d.kind}`)}</td>
                      <td>{d.kind === 'KDS' ? stationName(d.station) : '—'}</td>
                      <td>
                        {d.online ? (
                          <Badge tone="ok">{t('devices.online', { n: d.connections })}</Badge>
                        ) : (
                          <Badge>
                            {d.lastSeenAt
                              ? t('devices.lastSeen', { when: `${date(d.lastSeenAt)} ${time(d.lastSeenAt)}` })
                              : t('devices.never')}
                          </Badge>
                        )}
                      </td>
                      <td className="actions">
                        <Button size="sm" variant="ghost" onClick={() => void unpair(d.deviceId, d.name)}>
                          {t('devices.unpair')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <PrintersPanel stations={data.stations.map((s) => ({ id: s.stationId, name: s.name }))} />
        </div>
      ) : null}
      {pairing && data ? (
        <PairScreenForm
          stations={data.stations.map((s) => ({ id: s.stationId, name: s.name }))}
          baseUrl={base}
          onClose={() => setPairing(false)}
        />
      ) : null}
    </>
  );
}
