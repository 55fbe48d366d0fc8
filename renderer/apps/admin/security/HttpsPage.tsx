// HTTPS for tablets: the hub serves HTTPS with a certificate from its own local certificate authority.
// Once a tablet trusts that CA, the apps open over HTTPS and can reload with the hub unreachable
// (service workers need a secure context). This page offers the CA — download link and QR — and says
// how to trust it on each platform.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { Icon } from '../ui/icons.js';
import { QrCode } from '../ui/QrCode.js';
import { useResource } from '../use-resource.js';
import { baseUrlChoices } from '../floor/diner-url.js';
import type { HubAddresses } from '../floor/floor-types.js';
import { groupFingerprint, PLATFORMS, type PlatformId, type TlsStatus } from './tls-types.js';

export function HttpsPage() {
  const { t } = useI18n();
  const tls = useResource<TlsStatus>('/api/tls/status', { live: false });
  const addresses = useResource<HubAddresses>('/api/admin/addresses', { live: false });
  const [platform, setPlatform] = useState<PlatformId>('ios');
  const s = tls.data;
  // Tablets fetch the CA over plain HTTP: they cannot trust the HTTPS port before they have it.
  const base = baseUrlChoices(addresses.data?.dinerBaseUrls ?? [], window.location).urls[0]!;
  const caPath = s?.caDownloadPath ?? '/api/tls/ca.crt';
  const caUrl = `${base}${caPath}`;
  const httpsUrl = s?.httpsUrls.find((u) => !u.includes('localhost')) ?? s?.httpsUrls[0];

  return (
    <>
      <PageHeader title={t('https.title')} subtitle={t('https.subtitle')} />
      {tls.error ? <LoadError error={tls.error} onRetry={tls.reload} what={t('https.loadFailed')} /> : null}
      {!s && !tls.error ? <Loading /> : null}
      {s && !s.enabled ? (
        <div className="alert alert-warn" role="alert">
          <Icon name="alert" />
          <span>{t('https.off')}</span>
        </div>
      ) : null}
      {s?.enabled ? (
        <div className="https-grid">
          <section className="card card-pad https-ca https-step1">
            <QrCode value={caUrl} size={168} label={t('https.qrLabel')} />
            <div className="stack">
              <h2 className="section-title">{t('https.step1')}</h2>
              <p className="muted">{t('https.step1Text')}</p>
              <a className="btn btn-primary" href={caPath} download="comanda-hub-ca.crt">
                <Icon name="download" /> {t('https.download')}
              </a>
              <span className="mono cell-sub break">{caUrl}</span>
            </div>
          </section>
          <section className="card card-pad https-step2">
            <h2 className="section-title">{t('https.step2')}</h2>
            <div className="tabs" role="tablist">
              {PLATFORMS.map((p) => (
                <button
                  key={p.id}
                  role="tab"
                  className="tab"
                  aria-selected={platform === p.id}
                  onClick={() => setPlatform(p.id)}
                >
                  {t(`https.platform.${p.id}`)}
                </button>
              ))}
            </div>
            <ol className="steps" role="tabpanel">
              {Array.from({ length: PLATFORMS.find((p) => p.id === platform)!.steps }, (_, i) => (
                <li key={i}>{t(`https.${platform}.${i + 1}`)}</li>
              ))}
            </ol>
            {s.caFingerprintSha256 ? (
              <div className="fingerprint">
                <span className="muted">{t('https.fingerprint')}</span>
                <code>{groupFingerprint(s.caFingerprintSha256)}</code>
              </div>
            ) : null}
          </section>
          <section className="card card-pad https-ca https-step3">
            {httpsUrl ? <QrCode value={httpsUrl} size={168} label={t('https.openLabel')} /> : null}
            <div className="stack">
              <h2 className="section-title">{t('https.step3')}</h2>
              <p className="muted">{t('https.step3Text')}</p>
              <ul className="plain-list">
                {s.httpsUrls.map((u) => (
                  <li key={u} className="mono">
                    {u}
                  </li>
                ))}
              </ul>
              <Badge tone="info">{t('https.port', { n: s.httpsPort ?? '' })}</Badge>
            </div>
          </section>
        </div>
      ) : null}
    </>
  );
}
