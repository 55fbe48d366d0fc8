// Add a staff member (name, role, first PIN, sectors) or change one (name, role, sectors, active). The
// hub decides who may grant which role; its refusal shows beside the role.
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { CheckField, Field } from '../ui/Field.js';
import { FormModal } from '../ui/FormModal.js';
import { useRunCommand, type CommandAnswer } from '../hub-commands.js';
import { useFormSubmit } from '../use-form-submit.js';
import { isPin } from '../validate.js';
import type { Sector } from '../floor/floor-types.js';
import { ROLES, type Role, type StaffMember } from './staff-types.js';

const FIELDS = ['name', 'role', 'pin', 'sectorIds', 'active'] as const;
const CODE_FIELD = { FORBIDDEN: 'role', CONFLICT: 'name', SECTORS: 'sectorIds' };

export function StaffForm(props: { member?: StaffMember; sectors: Sector[]; onClose: () => void }) {
  const { t } = useI18n();
  const run = useRunCommand();
  const { member, onClose } = props;
  const [name, setName] = useState(member?.name ?? '');
  const [role, setRole] = useState<Role>(member?.role ?? 'WAITER');
  const [pin, setPin] = useState('');
  const [sectorIds, setSectorIds] = useState<string[]>(member?.sectorIds ?? []);
  const [active, setActive] = useState(member?.active ?? true);
  const form = useFormSubmit(FIELDS, CODE_FIELD);
  const sectorsChanged =
    sectorIds.length !== (member?.sectorIds.length ?? 0) ||
    sectorIds.some((s) => !member?.sectorIds.includes(s));

  const check = () => {
    const e: Record<string, string> = {};
    if (!name.trim()) e.name = 'v.required';
    else if (name.trim().length > 60) e.name = 'v.tooLong';
    if (!member && !isPin(pin)) e.pin = 'v.pin';
    return e;
  };

  const send = async (): Promise<CommandAnswer> => {
    let staffId = member?.id;
    if (!member) {
      const created = await run(
        'CreateStaff',
        { name: name.trim(), role, pin },
        t('staff.labelNew', { name }),
      );
      if (created.status !== 'done') return created;
      staffId = String(created.data.staffId ?? '');
    } else {
      const patch: Record<string, unknown> = {};
      if (name.trim() !== member.name) patch.name = name.trim();
      if (role !== member.role) patch.role = role;
      if (active !== member.active) patch.active = active;
      if (Object.keys(patch).length > 0) {
        const updated = await run(
          'UpdateStaff',
          { staffId: member.id, ...patch },
          t('staff.labelEdit', { name }),
        );
        if (updated.status !== 'done') return updated;
      }
    }
    if (!staffId || (!sectorsChanged && member)) return { status: 'done', data: {} };
    if (!member && sectorIds.length === 0) return { status: 'done', data: {} };
    const assigned = await run('AssignSectors', { staffId, sectorIds }, t('staff.labelSectors', { name }));
    if (assigned.status === 'refused')
      return { status: 'refused', error: { ...assigned.error, code: 'SECTORS' } };
    return assigned;
  };

  const toggleSector = (id: string) =>
    setSectorIds((list) => (list.includes(id) ? list.filter((s) => s !== id) : [...list, id]));

  return (
    <FormModal
      title={member ? t('staff.editTitle', { name: member.name }) : t('staff.newTitle')}
      onClose={onClose}
      onSave={() => void form.submit(check, send, onClose)}
      busy={form.busy}
      error={form.errors.general}
      saveLabel={member ? t('save') : t('staff.create')}
    >
      <Field label={t('staff.name')} error={form.errors.fields.name}>
        <input className="input" value={name} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label={t('staff.role')} error={form.errors.fields.role}>
        <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      {member ? null : (
        <Field label={t('staff.pin')} error={form.errors.fields.pin} hint={t('staff.pinHint')}>
          <input
            className="input mono"
            inputMode="numeric"
            autoComplete="new-password"
            type="password"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          />
        </Field>
      )}
      <Field
        label={t('staff.sectors')}
        error={form.errors.fields.sectorIds}
        hint={t('staff.sectorsHint')}
        wide
      >
        <div className="chip-grid" role="group">
          {props.sectors.map((s) => (
            <label key={s.id} className={sectorIds.includes(s.id) ? 'chip chip-on' : 'chip'}>
              <input type="checkbox" checked={sectorIds.includes(s.id)} onChange={() => toggleSector(s.id)} />
              {s.name}
            </label>
          ))}
        </div>
      </Field>
      {member ? (
        <CheckField
          label={t('staff.active')}
          hint={t('staff.activeHint')}
          checked={active}
          onChange={setActive}
          wide
        />
      ) : null}
      <button type="submit" hidden />
    </FormModal>
  );
}
