// The bump-bar shortcuts, in big type, on H or ?.
import { useI18n } from '../../shared/i18n.js';
import { Modal } from '../../shared/ui/Modal.js';

const KEYS: ReadonlyArray<[string[], string]> = [
  [['←', '→', '↑', '↓'], 'help.move'],
  [['1', '…', '9'], 'help.digit'],
  [['Tab', '⇧ Tab'], 'help.item'],
  [['Enter', 'Espacio / Space'], 'help.bump'],
  [['E'], 'help.start'],
  [['R'], 'help.recall'],
  [['A'], 'help.allDay'],
  [['S'], 'help.station'],
  [['M'], 'help.mute'],
  [['T'], 'help.settings'],
  [['H', '?'], 'help.help'],
  [['Esc'], 'help.close'],
];

export function HelpOverlay(props: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('help.title')} onClose={props.onClose} closeLabel={t('close')}>
      <dl className="help-keys">
        {KEYS.map(([keys, label]) => (
          <div key={label}>
            <dt>
              {keys.map((k) => (
                <kbd key={k}>{k}</kbd>
              ))}
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}
