// One table's card on the printed sheet: restaurant, table, QR code and how to use it in Spanish and
// English (diners read either, whatever language the manager uses the app in).
import { translate } from '../../../shared/i18n.js';
import { QrCode } from '../ui/QrCode.js';
import { en, es } from '../texts.js';

export function QrCard(props: { branchName: string; label: string; sectorName: string; url: string }) {
  return (
    <article className="qr-card" data-table-label={props.label}>
      <header>
        <span className="qr-card-brand">{props.branchName}</span>
        <span className="qr-card-sector">{props.sectorName}</span>
      </header>
      <h2 className="qr-card-table">
        {translate(es, 'qrcard.table', { label: props.label })}
        <small lang="en">{translate(en, 'qrcard.table', { label: props.label })}</small>
      </h2>
      <QrCode
        value={props.url}
        size="42mm"
        className="qr qr-card-code"
        label={translate(es, 'qrcard.alt', { label: props.label })}
      />
      <p className="qr-card-howto" lang="es">
        {translate(es, 'qrcard.howto')}
      </p>
      <p className="qr-card-howto qr-card-howto-en" lang="en">
        {translate(en, 'qrcard.howto')}
      </p>
      <footer className="qr-card-url">{props.url}</footer>
    </article>
  );
}
