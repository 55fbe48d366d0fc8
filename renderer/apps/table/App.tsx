// The diner app's screens by phase: joining the table, seated (menu, shared order, bill), or the table
// has been closed.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useStore } from '../../shared/use-store.js';
import { Button } from '../../shared/ui/Button.js';
import { JoinScreen } from './JoinScreen.js';
import { useRuntime } from './runtime-context.js';
import { SeatedScreen } from './SeatedScreen.js';
import { Icon } from './icons.js';

export function App() {
  const runtime = useRuntime();
  const phase = useStore(runtime.store, (s) => s.phase);
  const { t } = useI18n();
  switch (phase.kind) {
    case 'loading':
      return (
        <div className="t-center" aria-busy="true">
          <div className="t-spinner" />
        </div>
      );
    case 'join':
      return <JoinScreen />;
    case 'seated':
      return <SeatedScreen />;
    case 'bad-code':
      return (
        <div className="t-center t-pad">
          <div className="t-hero-icon">
            <Icon name="search" size={44} />
          </div>
          <p className="t-lead">{t('join.badCode')}</p>
        </div>
      );
    case 'ended':
      return <EndedScreen />;
  }
}

function EndedScreen() {
  const runtime = useRuntime();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <div className="t-center t-pad">
      <div className="t-hero-icon">
        <Icon name="heart" size={44} />
      </div>
      <h1 className="t-title">{t('ended.title')}</h1>
      <p className="t-lead">{t('ended.text')}</p>
      <Button
        variant="primary"
        size="lg"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void runtime.lookUp().finally(() => setBusy(false));
        }}
      >
        {t('ended.again')}
      </Button>
    </div>
  );
}
