// Choose the station (or expo, every station): 0 for expo, 1–n for the stations, arrows and Enter.
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Modal } from '../../shared/ui/Modal.js';

export interface StationChoice {
  id: string | null;
  name: string;
}

export function StationPicker(props: {
  stations: readonly StationChoice[];
  current: string | null;
  locked: boolean;
  onPick: (station: string | null) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { stations, onPick, locked } = props;
  const [cursor, setCursor] = useState(() =>
    Math.max(
      0,
      stations.findIndex((s) => s.id === props.current),
    ),
  );
  useEffect(() => {
    if (locked) return;
    const onKey = (e: KeyboardEvent) => {
      if (/^\d$/.test(e.key) && Number(e.key) < stations.length) {
        e.preventDefault();
        onPick(stations[Number(e.key)]!.id);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowRight') {
        e.preventDefault();
        setCursor((c) => Math.min(stations.length - 1, c + 1));
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
        e.preventDefault();
        setCursor((c) => Math.max(0, c - 1));
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        const s = stations[cursor];
        if (s) onPick(s.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [cursor, locked, onPick, stations]);
  return (
    <Modal title={t('station.choose')} onClose={props.onClose} closeLabel={t('close')}>
      {locked ? (
        <p className="muted">{t('station.lockedByDevice')}</p>
      ) : (
        <>
          <div className="station-list" role="listbox">
            {stations.map((s, k) => (
              <button
                key={s.id ?? 'expo'}
                role="option"
                aria-selected={k === cursor}
                className={`station-option${s.id === props.current ? ' current' : ''}${k === cursor ? ' cursor' : ''}`}
                onClick={() => onPick(s.id)}
              >
                <kbd>{k}</kbd>
                <span>{s.name}</span>
              </button>
            ))}
          </div>
          <p className="muted">{t('station.hint')}</p>
        </>
      )}
    </Modal>
  );
}
