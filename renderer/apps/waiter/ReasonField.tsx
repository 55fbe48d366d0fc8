// The reason every manager action asks for (void, discount, refund): required by the hub, and kept in
// its log, so the dialogs share one field with the same limit as the hub's note (280 characters).
import { useI18n } from '../../shared/i18n.js';

export function ReasonField(props: { value: string; onChange: (text: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="field">
      {t('manage.reason')}
      <textarea
        className="input"
        maxLength={280}
        required
        placeholder={t('manage.reasonHint')}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** A reason counts once it has more than blanks in it (the hub takes the text as typed). */
export function reasonOk(text: string): boolean {
  return text.trim().length > 0;
}
