// The alarm when the hub is lost: a red band across the top that no cook can miss, with a sound every
// few seconds (see use-hub-lost), because a silent screen that stopped updating is the worst failure.
import { useI18n } from '../../shared/i18n.js';

export function HubLostBanner(props: {
  since: number;
  unauthorized: boolean;
  /** Over plain HTTP no service worker keeps the page: a reload would leave a blank screen. */
  reloadNeedsHub: boolean;
}) {
  const { t, time } = useI18n();
  return (
    <div className="hub-lost" role="alert" aria-live="assertive">
      <span className="hub-lost-icon" aria-hidden="true">
        ⚠
      </span>
      <div>
        <strong>{t('lost.title')}</strong>
        <p>{props.unauthorized ? t('lost.unauthorized') : t('lost.body')}</p>
        {props.reloadNeedsHub && !props.unauthorized ? (
          <p className="hub-lost-reload">{t('lost.reloadNeedsHub')}</p>
        ) : null}
        <p className="hub-lost-since">{t('lost.since', { time: time(props.since) })}</p>
      </div>
    </div>
  );
}
