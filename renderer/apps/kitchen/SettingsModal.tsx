// Screen settings: the timer thresholds (kept on this screen), sound, language, and the paired device.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { LangSwitch } from '../../shared/ui/LangSwitch.js';
import { Modal } from '../../shared/ui/Modal.js';
import { validThresholds, type Thresholds } from './timer-thresholds.js';

export function SettingsModal(props: {
  thresholds: Thresholds;
  muted: boolean;
  paired: boolean;
  onSave: (th: Thresholds) => void;
  onMuted: (muted: boolean) => void;
  onForgetDevice: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [warn, setWarn] = useState(String(props.thresholds.warnMin));
  const [late, setLate] = useState(String(props.thresholds.lateMin));
  const parsed = validThresholds({ warnMin: Number(warn), lateMin: Number(late) });
  const save = () => {
    if (!parsed) return;
    props.onSave(parsed);
    props.onClose();
  };
  return (
    <Modal
      title={t('settings.title')}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button onClick={props.onClose}>{t('cancel')}</Button>
          <Button variant="primary" disabled={!parsed} onClick={save}>
            {t('save')}
          </Button>
        </>
      }
    >
      <form
        className="stack settings"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="settings-row">
          <label className="field">
            <span>
              <span className="swatch swatch-warn" /> {t('settings.warn')}
            </span>
            <input
              className="input"
              type="number"
              min={1}
              max={180}
              value={warn}
              onChange={(e) => setWarn(e.target.value)}
              autoFocus
            />
          </label>
          <label className="field">
            <span>
              <span className="swatch swatch-late" /> {t('settings.late')}
            </span>
            <input
              className="input"
              type="number"
              min={1}
              max={180}
              value={late}
              onChange={(e) => setLate(e.target.value)}
            />
          </label>
        </div>
        {parsed ? null : <p className="settings-error">{t('settings.invalid')}</p>}
        <label className="row">
          <input type="checkbox" checked={!props.muted} onChange={(e) => props.onMuted(!e.target.checked)} />
          {t('settings.sound')}
        </label>
        <div className="row">
          <span>{t('settings.lang')}</span>
          <LangSwitch />
        </div>
        {props.paired ? (
          <div className="row">
            <span>{t('settings.device')}</span>
            <span className="spacer" />
            <Button variant="danger" size="sm" onClick={props.onForgetDevice}>
              {t('settings.forgetDevice')}
            </Button>
          </div>
        ) : null}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}
