// Pair a kitchen screen: name it, pick its station (or expo, every station), and get its token — shown
// this once, as a link and a QR code to open on the screen itself. Pairing the same screen again
// replaces the token and disconnects the old one.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { newCommandId } from '../../../shared/ids.js';
import { Button } from '../../../shared/ui/Button.js';
import { Modal } from '../../../shared/ui/Modal.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { refreshNow } from '../data-freshness.js';
import { errorsFromHub, NO_ERRORS, type FormErrors } from '../form-errors.js';
import { hubErrorOf } from '../hub-commands.js';
import { Field, FormAlert } from '../ui/Field.js';
import { QrCode } from '../ui/QrCode.js';
import type { PairResult } from './device-types.js';

const FIELDS = ['name', 'station', 'kind'] as const;

export function kitchenLink(base: string, token: string): string {
  return `${base.replace(/\/+$/, '')}/kitchen/?device=${encodeURIComponent(token)}`;
}

export function PairScreenForm(props: {
  stations: { id: string; name: string }[];
  baseUrl: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { api } = useAdmin();
  const toast = useToast();
  const [name, setName] = useState('');
  const [station, setStation] = useState(props.stations[0]?.id ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [paired, setPaired] = useState<PairResult | null>(null);
  // One id per attempt at this form: a retry after a lost answer pairs once, not twice.
  const [commandId] = useState(newCommandId);

  const pair = async () => {
    if (!name.trim()) return setErrors({ fields: { name: t('v.required') }, general: t('form.fixFields') });
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      const result = await api.post<PairResult>('/api/devices/pair', {
        commandId,
        kind: 'KDS',
        name: name.trim(),
        station: station || null,
      });
      setPaired(result);
      refreshNow();
    } catch (err) {
      setErrors(errorsFromHub(hubErrorOf(err), { fields: FIELDS }));
    } finally {
      setBusy(false);
    }
  };

  if (paired) {
    const link = kitchenLink(props.baseUrl, paired.token);
    return (
      <Modal
        title={t('pair.doneTitle', { name })}
        onClose={props.onClose}
        closeLabel={t('close')}
        footer={
          <Button variant="primary" onClick={props.onClose}>
            {t('pair.doneClose')}
          </Button>
        }
      >
        <div className="pair-result">
          <QrCode value={link} size={200} label={t('pair.qrLabel')} />
          <div className="stack">
            <div className="alert alert-warn">{t('pair.once')}</div>
            <p>{t('pair.howto')}</p>
            <a className="mono break" href={link} target="_blank" rel="noreferrer" data-testid="pair-link">
              {link}
            </a>
            <Button
              size="sm"
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(link)
                  .then(() => toast(t('pair.copied'), 'ok'))
                  .catch(() => toast(t('pair.copyFailed'), 'danger'))
              }
            >
              {t('pair.copy')}
            </Button>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      title={t('pair.title')}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button variant="primary" onClick={() => void pair()} disabled={busy}>
            {t('pair.submit')}
          </Button>
        </>
      }
    >
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void pair();
        }}
      >
        <FormAlert message={errors.general} />
        <Field label={t('pair.name')} error={errors.fields.name} hint={t('pair.nameHint')}>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('pair.station')} error={errors.fields.station}>
          <select className="input" value={station} onChange={(e) => setStation(e.target.value)}>
            {props.stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            <option value="">{t('pair.expo')}</option>
          </select>
        </Field>
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
