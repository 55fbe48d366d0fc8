// The pieces every admin list table repeats: the unlabeled actions column (named for screen readers),
// the active/inactive badge and the row's edit button.
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { Button } from '../../../shared/ui/Button.js';
import { Icon } from './icons.js';

export function ActionsHeader(props: { className?: string }) {
  const { t } = useI18n();
  return (
    <th className={props.className ? `actions ${props.className}` : 'actions'}>
      <span className="sr-only">{t('catalog.colActions')}</span>
    </th>
  );
}

export function ActiveBadge(props: { active: boolean }) {
  const { t } = useI18n();
  return props.active ? <Badge tone="ok">{t('status.active')}</Badge> : <Badge>{t('status.inactive')}</Badge>;
}

/** `label` names the row for screen readers where the button alone would only say "Edit". */
export function EditButton(props: { onClick: () => void; label?: string }) {
  const { t } = useI18n();
  return (
    <Button size="sm" variant="ghost" onClick={props.onClick} aria-label={props.label}>
      <Icon name="edit" size={18} /> {t('edit')}
    </Button>
  );
}
