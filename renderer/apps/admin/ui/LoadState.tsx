// What a page shows before its data arrives or when the hub could not answer: a readable reason and a
// retry, never a blank screen or a raw stack.
import { ApiError } from '../../../shared/api-client.js';
import { useI18n } from '../../../shared/i18n.js';
import { Button } from '../../../shared/ui/Button.js';

export function LoadError(props: { error: Error; onRetry?: () => void; what?: string }) {
  const { t } = useI18n();
  const err = props.error;
  const reason =
    err instanceof ApiError
      ? err.status === 404
        ? t('load.notHere')
        : err.status === 403
          ? t('load.forbidden')
          : `${err.message} (${err.code})`
      : t('load.unreachable');
  return (
    <div className="alert alert-danger load-error" role="alert">
      <div>
        <strong>{props.what ?? t('load.failed')}</strong>
        <div>{reason}</div>
      </div>
      {props.onRetry ? (
        <Button size="sm" onClick={props.onRetry}>
          {t('retry')}
        </Button>
      ) : null}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('load.loading')}
    </div>
  );
}
