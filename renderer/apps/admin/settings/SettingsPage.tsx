// The branch's settings: whether diners' rounds wait for a waiter, the service charge, when an
// unanswered table call goes to every waiter, and the currency, language, time zone and hour at which
// the business day turns (the cloud cuts the owners' days with the last two). One command saves only
// what changed; a manager sees the page, only an admin may change it (the hub checks again).
import { useMemo, useState } from 'react';
import type { AdminSettingsView } from '../../../../protocol/admin-api-views.js';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';
import { useAdmin } from '../admin-services.js';
import { useRunCommand } from '../hub-commands.js';
import { Field, FormAlert, NumberField } from '../ui/Field.js';
import { LoadError } from '../ui/LoadState.js';
import { PageHeader } from '../ui/PageHeader.js';
import { useFormSubmit } from '../use-form-submit.js';
import { useResource } from '../use-resource.js';
import { settingsDraft, type SettingsDraft } from './settings-draft.js';

const FIELDS = [
  'dinerRoundsNeedConfirmation',
  'serviceChargeBp',
  'serviceChargeMinGuests',
  'serviceCallEscalationSeconds',
  'currency',
  'locale',
  'timeZone',
  'businessDayStartsAtHour',
] as const;

/** Every zone this browser knows, the branch's own first if it somehow is not among them. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

export function SettingsPage() {
  const { t, lang } = useI18n();
  const { sessions } = useAdmin();
  const canEdit = sessions.current()?.staff.role === 'ADMIN';
  const view = useResource<AdminSettingsView>('/api/admin/settings');
  const run = useRunCommand();
  const form = useFormSubmit(FIELDS);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [notice, setNotice] = useState<string>();
  const saved = view.data?.settings;
  // The form starts again from what the hub holds only when that changed (a save, another admin): the
  // page refetches on every catalog event during service, and must not wipe what is being typed.
  const [basis, setBasis] = useState<string | null>(null);
  const savedKey = saved ? JSON.stringify(saved) : null;
  if (saved && savedKey !== basis) {
    setBasis(savedKey);
    setDraft(settingsDraft.from(saved, lang));
  }
  const zones = useMemo(() => timeZones(saved?.timeZone ?? 'Europe/Madrid'), [saved?.timeZone]);

  if (view.error) return <LoadError error={view.error} onRetry={view.reload} />;
  if (!saved || !draft) return <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />;

  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => {
    setNotice(undefined);
    setDraft({ ...draft, [key]: value });
  };
  const save = () =>
    form.submit(
      () => settingsDraft.check(draft),
      async () => {
        const patch = settingsDraft.patch(saved, settingsDraft.parse(draft));
        if (Object.keys(patch).length === 0) {
          setNotice(t('settings.unchanged'));
          return 'done';
        }
        return run('UpdateBranchSettings', { settings: patch }, t('settings.saveLabel'));
      },
      view.reload,
    );
  const hours = Array.from({ length: 24 }, (_, h) => h);

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {canEdit ? null : <div className="alert alert-info">{t('settings.adminOnly')}</div>}
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <FormAlert message={form.errors.general} />
        <fieldset className="card card-pad stack" disabled={!canEdit}>
          <legend className="section-title">{t('settings.dinersTitle')}</legend>
          <p className="muted">{t('settings.dinersIntro')}</p>
          <div className="seg seg-lg" role="group" aria-label={t('settings.dinersTitle')}>
            <button
              type="button"
              aria-pressed={draft.dinerRoundsNeedConfirmation}
              onClick={() => set('dinerRoundsNeedConfirmation', true)}
            >
              {t('settings.dinersConfirm')}
            </button>
            <button
              type="button"
              aria-pressed={!draft.dinerRoundsNeedConfirmation}
              onClick={() => set('dinerRoundsNeedConfirmation', false)}
            >
              {t('settings.dinersDirect')}
            </button>
          </div>
          <p className="cell-sub">
            {t(
              draft.dinerRoundsNeedConfirmation ? 'settings.dinersConfirmHint' : 'settings.dinersDirectHint',
            )}
          </p>
        </fieldset>

        <fieldset className="card card-pad form-grid" disabled={!canEdit}>
          <legend className="section-title">{t('settings.serviceTitle')}</legend>
          <NumberField
            label={t('settings.serviceCharge')}
            error={form.errors.fields.serviceChargeBp}
            hint={t('settings.serviceChargeHint')}
            decimal
            value={draft.serviceCharge}
            onChange={(v) => set('serviceCharge', v)}
          />
          <NumberField
            label={t('settings.serviceMinGuests')}
            error={form.errors.fields.serviceChargeMinGuests}
            hint={t('settings.serviceMinGuestsHint')}
            value={draft.serviceMinGuests}
            onChange={(v) => set('serviceMinGuests', v)}
          />
          <NumberField
            label={t('settings.escalation')}
            error={form.errors.fields.serviceCallEscalationSeconds}
            hint={t('settings.escalationHint')}
            value={draft.escalation}
            onChange={(v) => set('escalation', v)}
          />
        </fieldset>

        <fieldset className="card card-pad form-grid" disabled={!canEdit}>
          <legend className="section-title">{t('settings.regionTitle')}</legend>
          <Field
            label={t('settings.currency')}
            error={form.errors.fields.currency}
            hint={t('settings.currencyHint')}
          >
            <input
              className="input mono"
              maxLength={3}
              autoCapitalize="characters"
              value={draft.currency}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
          </Field>
          <Field
            label={t('settings.locale')}
            error={form.errors.fields.locale}
            hint={t('settings.localeHint')}
          >
            <select
              className="input"
              value={draft.locale}
              onChange={(e) => set('locale', e.target.value as 'es' | 'en')}
            >
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </Field>
          <Field label={t('settings.timeZone')} error={form.errors.fields.timeZone}>
            <select
              className="input"
              value={draft.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('settings.dayStart')}
            error={form.errors.fields.businessDayStartsAtHour}
            hint={t('settings.dayStartHint')}
          >
            <select
              className="input"
              value={draft.dayStart}
              onChange={(e) => set('dayStart', Number(e.target.value))}
            >
              {hours.map((h) => (
                <option key={h} value={h}>
                  {t('settings.hour', { h: String(h).padStart(2, '0') })}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        {canEdit ? (
          <div className="row">
            {notice ? <span className="muted">{notice}</span> : null}
            <span className="spacer" />
            <Button type="submit" variant="primary" disabled={form.busy}>
              {form.busy ? t('form.saving') : t('settings.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </>
  );
}
