// One hub's sync health in a line or two: online or not, how far behind, anything held back, and which
// menu version it runs.
import type { OverviewHub } from '../../../../protocol/owner-api.js';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { duration, relativeTime } from '../format.js';

export function HubHealth(props: { hub: OverviewHub; catalogHead: number; nowMs: number }) {
  const { t, lang } = useI18n();
  const { hub, catalogHead, nowMs } = props;
  const never = hub.lastSeenAt === null;
  return (
    <div className="hub-health" data-testid="hub-health">
      <div className="row hub-line">
        <span
          className={`dot ${hub.online ? 'dot-ok' : never ? 'dot-muted' : 'dot-danger'}`}
          aria-hidden="true"
        />
        <strong className="hub-name">{hub.name}</strong>
        <Badge tone={hub.online ? 'ok' : never ? 'neutral' : 'danger'}>
          {hub.online ? t('hub.online') : never ? t('hub.never') : t('hub.offline')}
        </Badge>
      </div>
      {!never && (
        <div className="row hub-badges">
          <span className="muted small nowrap">
            {t('hub.lastSeen', { when: relativeTime(hub.lastSeenAt, nowMs, lang) })}
          </span>
          {hub.lagEvents > 0 ? (
            <Badge
              tone="warn"
              title={
                hub.oldestPendingAgeMs === null
                  ? undefined
                  : t('hub.lagAge', { age: duration(hub.oldestPendingAgeMs, lang) })
              }
            >
              {t('hub.lag', { n: hub.lagEvents })}
            </Badge>
          ) : (
            <Badge tone="ok">{t('hub.upToDate')}</Badge>
          )}
          {hub.deadLetters > 0 && <Badge tone="danger">{t('hub.deadLetters', { n: hub.deadLetters })}</Badge>}
          {!hub.auditOk && <Badge tone="danger">{t('hub.auditBroken')}</Badge>}
          {catalogHead > 0 &&
            (hub.catalogVersion !== null && hub.catalogVersion >= catalogHead ? (
              <Badge tone="info">{t('hub.catalogUpToDate', { head: catalogHead })}</Badge>
            ) : (
              <Badge tone="warn">
                {t('hub.catalog', { applied: hub.catalogVersion ?? 0, head: catalogHead })}
              </Badge>
            ))}
        </div>
      )}
    </div>
  );
}
