// Says why data may be missing or stale, with a retry; the page keeps showing the last good data.
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';

export function LoadError(props: { error: Error | undefined; onRetry: () => void }) {
  const { t } = useI18n();
  if (!props.error) return null;
  return (
    <div className="load-error" role="alert">
      <span>{t('error.load', { message: props.error.message })}</span>
      <Button size="sm" onClick={props.onRetry}>
        {t('retry')}
      </Button>
    </div>
  );
}
