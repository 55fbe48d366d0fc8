// The printable sheet of every table's QR code (A4, six cards a page): each code opens the diner app on
// this hub at /t/<join code>. On screen a toolbar picks the address phones will use and prints; on
// paper only the cards remain (see `@media print` in admin.css).
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { Icon } from '../ui/icons.js';
import { hrefOf } from '../routes.js';
import { useResource } from '../use-resource.js';
import { baseUrlChoices, dinerUrl } from './diner-url.js';
import type { Floor, HubAddresses } from './floor-types.js';
import { QrCard } from './QrCard.js';
import { plural } from '../plural.js';

const BASE_KEY = 'comanda.admin.qrBase';

export function QrSheet() {
  const { t } = useI18n();
  const floor = useResource<Floor>('/api/admin/floor');
  const addresses = useResource<HubAddresses>('/api/admin/addresses', { live: false });
  const { urls: choices, loopbackOnly } = useMemo(
    () => baseUrlChoices(addresses.data?.dinerBaseUrls ?? [], window.location),
    [addresses.data],
  );
  const [picked, setPicked] = useState(() => localStorage.getItem(BASE_KEY) ?? '');
  const base = choices.includes(picked) ? picked : (choices[0] ?? '');

  useEffect(() => {
    document.body.classList.add('printing-sheet');
    return () => document.body.classList.remove('printing-sheet');
  }, []);

  const cards = useMemo(() => {
    const data = floor.data;
    if (!data) return [];
    const sectors = data.sectors.filter((s) => s.active);
    return sectors.flatMap((s) =>
      data.tables
        .filter((tb) => tb.active && tb.sectorId === s.id)
        .map((tb) => ({ table: tb, sectorName: s.name })),
    );
  }, [floor.data]);

  const error = floor.error ?? addresses.error;
  const ready = floor.data && addresses.data;
  return (
    <div className="qr-sheet-page">
      <div className="qr-toolbar no-print">
        <a className="btn btn-ghost" href={hrefOf({ page: 'floor' })}>
          <Icon name="back" /> {t('qr.back')}
        </a>
        <div className="qr-toolbar-title">
          <h1>{t('qr.title')}</h1>
          <span className="muted">{plural(t, 'qr.count', cards.length)}</span>
        </div>
        <span className="spacer" />
        {choices.length > 1 ? (
          <label className="qr-base">
            <span>{t('qr.address')}</span>
            <select
              className="input"
              value={base}
              onChange={(e) => {
                setPicked(e.target.value);
                localStorage.setItem(BASE_KEY, e.target.value);
              }}
            >
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <Button variant="primary" onClick={() => window.print()} disabled={!ready || !base}>
          <Icon name="printer" /> {t('qr.print')}
        </Button>
      </div>
      {error ? (
        <div className="no-print qr-notice">
          <LoadError error={error} onRetry={() => (floor.reload(), addresses.reload())} />
        </div>
      ) : null}
      {ready && loopbackOnly ? (
        <div className="alert alert-warn no-print qr-notice" role="alert">
          {t('qr.noAddress')}
        </div>
      ) : null}
      {ready && !loopbackOnly ? <p className="muted no-print qr-notice">{t('qr.hint', { base })}</p> : null}
      {!ready && !error ? <Loading /> : null}
      {ready && base ? (
        <div className="qr-sheet" aria-label={t('qr.title')}>
          {cards.map(({ table, sectorName }) => (
            <QrCard
              key={table.id}
              branchName={floor.data!.branchName}
              label={table.label}
              sectorName={sectorName}
              url={dinerUrl(base, table.joinCode)}
            />
          ))}
        </div>
      ) : null}
    </div>
  );
}
