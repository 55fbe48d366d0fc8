// Pair this hub with the cloud: the URL, hub id, key id and secret the cloud operator gave. Pairing again
// (a rotated key) replaces the old pairing; nothing waiting in the outbox is lost.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useAdmin } from '../admin-services.js';
import { refreshNow } from '../data-freshness.js';
import { errorsFromHub, NO_ERRORS, type FormErrors } from '../form-errors.js';
import { hubErrorOf } from '../hub-commands.js';
import { Field, FormAlert } from '../ui/Field.js';

const FIELDS = ['url', 'hubId', 'keyId', 'secret'] as const;

export function validatePairing(v: { url: string; hubId: string; keyId: string; secret: string }) {
  const e: Record<string, string> = {};
  if (!/^https?:\/\/[^\s/]+/.test(v.url.trim())) e.url = 'v.url';
  if (!v.hubId.trim()) e.hubId = 'v.required';
  if (!v.keyId.trim()) e.keyId = 'v.required';
  if (v.secret.length < 16) e.secret = 'v.secret';
  return e;
}

export function PairCloudForm(props: { canPair: boolean }) {
  const { t } = useI18n();
  const { api } = useAdmin();
  const toast = useToast();
  const [v, setV] = useState({ url: '', hubId: '', keyId: '', secret: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });

  const pair = async () => {
    const local = validatePairing(v);
    if (Object.keys(local).length > 0) {
      setErrors({
        fields: Object.fromEntries(Object.entries(local).map(([k, m]) => [k, t(m)])),
        general: t('form.fixFields'),
      });
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      await api.post('/api/sync/pair', {
        ...v,
        url: v.url.trim(),
        hubId: v.hubId.trim(),
        keyId: v.keyId.trim(),
      });
      toast(t('sync.pairedToast'), 'ok');
      refreshNow();
    } catch (err) {
      setErrors(errorsFromHub(hubErrorOf(err), { fields: FIELDS }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card card-pad">
      <h2 className="section-title">{t('sync.pairTitle')}</h2>
      <p className="muted">{t('sync.pairIntro')}</p>
      {props.canPair ? null : <div className="alert alert-info">{t('sync.pairAdminOnly')}</div>}
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void pair();
        }}
      >
        <FormAlert message={errors.general} />
        <Field label={t('sync.url')} error={errors.fields.url} wide>
          <input
            className="input"
            placeholder="https://cloud.example.com"
            value={v.url}
            onChange={set('url')}
          />
        </Field>
        <Field label={t('sync.hubId')} error={errors.fields.hubId}>
          <input className="input mono" value={v.hubId} onChange={set('hubId')} />
        </Field>
        <Field label={t('sync.keyId')} error={errors.fields.keyId}>
          <input className="input mono" value={v.keyId} onChange={set('keyId')} />
        </Field>
        <Field label={t('sync.secret')} error={errors.fields.secret} hint={t('sync.secretHint')} wide>
          <input
            className="input mono"
            type="password"
            autoComplete="off"
            value={v.secret}
            onChange={set('secret')}
          />
        </Field>
        <div className="field-wide row">
          <span className="spacer" />
          <Button type="submit" variant="primary" disabled={busy || !props.canPair}>
            {t('sync.pair')}
          </Button>
        </div>
      </form>
    </section>
  );
}
