// A new PIN for someone who forgot theirs; typed twice, since nobody can read it back afterwards.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Field } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { isPin } from '../validate.js';
import type { StaffMember } from './staff-types.js';

const FIELDS = ['pin', 'confirm'] as const;

export function PinResetForm(props: { member: StaffMember; onClose: () => void }) {
  const { t } = useI18n();
  const run = useRunCommand();
  const { member, onClose } = props;
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const form = useFormSubmit(FIELDS, { FORBIDDEN: 'pin' });
  const digits = (v: string) => v.replace(/\D/g, '').slice(0, 8);

  const check = () => {
    const e: Record<string, string> = {};
    if (!isPin(pin)) e.pin = 'v.pin';
    else if (confirm !== pin) e.confirm = 'v.pinMismatch';
    return e;
  };
  const save = () =>
    form.submit(
      check,
      () => run('ResetStaffPin', { staffId: member.id, pin }, t('pin.label', { name: member.name })),
      onClose,
    );

  return (
    <FormModal
      title={t('pin.title', { name: member.name })}
      onClose={onClose}
      onSave={() => void save()}
      busy={form.busy}
      error={form.errors.general}
      saveLabel={t('pin.save')}
    >
      <p className="muted field-wide">{t('pin.explain')}</p>
      <Field label={t('pin.new')} error={form.errors.fields.pin} hint={t('staff.pinHint')}>
        <input
          className="input mono"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(e) => setPin(digits(e.target.value))}
        />
      </Field>
      <Field label={t('pin.confirm')} error={form.errors.fields.confirm}>
        <input
          className="input mono"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(digits(e.target.value))}
        />
      </Field>
      <button type="submit" hidden />
    </FormModal>
  );
}
