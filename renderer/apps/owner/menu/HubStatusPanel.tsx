// Per hub of the branch: which menu version it has applied and when, against the cloud's newest.
import type { CatalogEditorView } from '../../../../protocol/owner-api.js';
import { useI18n } from '../../../shared/i18n.js';
import { Badge } from '../../../shared/ui/Badge.js';
import { relativeTime } from '../format.js';

export function HubStatusPanel(props: { view: CatalogEditorView; nowMs: number }) {
  const { t, lang, time, date } = useI18n();
  const { view, nowMs } = props;
  return (
    <section className="card card-pad" data-testid="hub-catalog-status">
      <h2 className="section-title">{t('menu.hubs')}</h2>
      <p className="muted small">{t('menu.head', { version: view.headVersion })}</p>
      <ul className="hub-list">
        {view.hubs.map((h) => {
          const behind = view.headVersion - (h.appliedVersion ?? 0);
          return (
            <li key={h.hubId}>
              <div className="row">
                <strong>{h.name}</strong>
                <span className="spacer" />
                {h.appliedVersion === null && view.headVersion === 0 ? null : behind > 0 ? (
                  <Badge tone="warn">
                    {behind === 1 ? t('menu.hubBehindOne') : t('menu.hubBehind', { n: behind })}
                  </Badge>
                ) : (
                  <Badge tone="ok">{t('menu.hubCurrent')}</Badge>
                )}
              </div>
              <div className="muted small" data-testid="hub-applied">
                {h.appliedVersion === null || h.appliedAt === null
                  ? t('menu.hubNever')
                  : t('menu.hubApplied', {
                      version: h.appliedVersion,
                      when: `${date(h.appliedAt)} ${time(h.appliedAt)} (${relativeTime(h.appliedAt, nowMs, lang)})`,
                    })}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
