// Everyone who signs in to the hub: role, sectors (waiters see only their tables), active or not; add
// people, change roles, reset a forgotten PIN, and switch off someone who left (their sessions end).
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { Badge, type Tone } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { useToast } from '../../../shared/ui/Toasts.js';
import { useRunCommand } from '../hub-commands.js';
import { PageHeader } from '../ui/PageHeader.js';
import { LoadError, Loading } from '../ui/LoadState.js';
import { Icon } from '../ui/icons.js';
import { useResource } from '../use-resource.js';
import type { Floor } from '../floor/floor-types.js';
import { PinResetForm } from './PinResetForm.js';
import { StaffForm } from './StaffForm.js';
import type { Role, StaffMember } from './staff-types.js';
import { plural } from '../plural.js';
import { ActionsHeader, EditButton } from '../ui/table-parts.js';

const ROLE_TONE: Record<Role, Tone> = { ADMIN: 'brand', MANAGER: 'info', WAITER: 'ok', KITCHEN: 'warn' };

type Dialog = { kind: 'edit'; member?: StaffMember } | { kind: 'pin'; member: StaffMember } | null;

export function StaffPage() {
  const { t } = useI18n();
  const toast = useToast();
  const run = useRunCommand();
  const staff = useResource<StaffMember[]>('/api/staff');
  const floor = useResource<Floor>('/api/admin/floor');
  const [dialog, setDialog] = useState<Dialog>(null);
  const sectorName = (id: string) => floor.data?.sectors.find((s) => s.id === id)?.name ?? id;
  const list = staff.data ?? [];

  const setActive = async (m: StaffMember, active: boolean) => {
    const answer = await run(
      'UpdateStaff',
      { staffId: m.id, active },
      t(active ? 'staff.labelEnable' : 'staff.labelDisable', { name: m.name }),
    );
    if (answer.status === 'refused') toast(`${m.name}: ${answer.error.message}`, 'danger');
    else toast(t(active ? 'staff.enabled' : 'staff.disabled', { name: m.name }), 'ok');
  };

  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={staff.data ? plural(t, 'staff.subtitle', list.filter((m) => m.active).length) : undefined}
        actions={
          <Button variant="primary" onClick={() => setDialog({ kind: 'edit' })}>
            <Icon name="plus" /> {t('staff.new')}
          </Button>
        }
      />
      {staff.error ? <LoadError error={staff.error} onRetry={staff.reload} /> : null}
      {!staff.data && !staff.error ? <Loading /> : null}
      {staff.data ? (
        <section className="card table-card">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('staff.name')}</th>
                <th>{t('staff.role')}</th>
                <th>{t('staff.sectors')}</th>
                <th>{t('category.status')}</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.id} className={m.active ? undefined : 'row-inactive'} data-staff-id={m.id}>
                  <td>
                    <div className="row">
                      <span className="avatar" aria-hidden="true">
                        {m.name.slice(0, 1).toUpperCase()}
                      </span>
                      <span className="cell-title">{m.name}</span>
                    </div>
                  </td>
                  <td>
                    <Badge tone={ROLE_TONE[m.role]}>{t(`role.${m.role}`)}</Badge>
                  </td>
                  <td>
                    {m.sectorIds.length > 0 ? (
                      m.sectorIds.map(sectorName).join(', ')
                    ) : (
                      <span className="muted">{m.role === 'WAITER' ? t('staff.noSectors') : '—'}</span>
                    )}
                  </td>
                  <td>
                    {m.active ? (
                      <Badge tone="ok">{t('status.active')}</Badge>
                    ) : (
                      <Badge tone="danger">{t('staff.disabledBadge')}</Badge>
                    )}
                  </td>
                  <td className="actions">
                    <EditButton onClick={() => setDialog({ kind: 'edit', member: m })} />
                    <Button size="sm" variant="ghost" onClick={() => setDialog({ kind: 'pin', member: m })}>
                      {t('staff.resetPin')}
                    </Button>
                    <Button
                      size="sm"
                      variant={m.active ? 'ghost' : 'default'}
                      onClick={() => void setActive(m, !m.active)}
                    >
                      {m.active ? t('staff.disable') : t('staff.enable')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {dialog?.kind === 'edit' ? (
        <StaffForm
          member={dialog.member}
          sectors={(floor.data?.sectors ?? []).filter((s) => s.active)}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'pin' ? (
        <PinResetForm member={dialog.member} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
