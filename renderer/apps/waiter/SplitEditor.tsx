// Choosing how the check is split: one check, equal parts, by seat, or dish by dish (a line of several
// units can go to several people). The hub computes the shares; this only says how.
import { useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { Button } from '../../shared/ui/Button.js';
import { byItemAssignments, unitsOf, type SplitUnit } from './check-math.js';
import type { CheckLine } from './hub-types.js';

type Mode = 'NONE' | 'EQUAL' | 'BY_SEAT' | 'BY_ITEM';
const MODES: readonly Mode[] = ['NONE', 'EQUAL', 'BY_SEAT', 'BY_ITEM'];

export function SplitEditor(props: {
  lines: readonly CheckLine[];
  guests: number;
  current: string | null;
  onApply: (split: Record<string, unknown>) => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>(
    (MODES as readonly string[]).includes(props.current ?? '') ? (props.current as Mode) : 'NONE',
  );
  const [parts, setParts] = useState(Math.max(2, props.guests));
  const lines = props.lines.filter((l) => l.status !== 'VOIDED');
  const [units, setUnits] = useState<SplitUnit[]>(() => unitsOf(lines));
  const shareCount = Math.max(2, Math.min(parts, 8));
  const assigned = units.length > 0 && units.every((u) => u.share > 0);

  const setShare = (index: number, share: number) =>
    setUnits((list) => list.map((u, i) => (i === index ? { ...u, share } : u)));

  const apply = () => {
    if (mode === 'EQUAL') props.onApply({ mode, parts });
    else if (mode === 'BY_ITEM') props.onApply({ mode, assignments: byItemAssignments(units) });
    else props.onApply({ mode });
  };

  return (
    <div className="split-editor stack">
      <div className="seg seg-wrap" role="group" aria-label={t('check.split')}>
        {MODES.map((m) => (
          <button key={m} aria-pressed={mode === m} onClick={() => setMode(m)}>
            {t(`split.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'EQUAL' || mode === 'BY_ITEM' ? (
        <div className="row">
          <span className="field-label">{t('split.parts')}</span>
          <div className="stepper">
            <button
              className="btn"
              aria-label={t('cart.less')}
              onClick={() => setParts((p) => Math.max(2, p - 1))}
            >
              −
            </button>
            <output className="stepper-value">{parts}</output>
            <button
              className="btn"
              aria-label={t('cart.more')}
              onClick={() => setParts((p) => Math.min(mode === 'BY_ITEM' ? 8 : 50, p + 1))}
            >
              +
            </button>
          </div>
        </div>
      ) : null}
      {mode === 'BY_ITEM' ? (
        <div className="stack">
          <p className="muted small">{t('split.assignHint')}</p>
          <ul className="unit-list">
            {units.map((u, index) => {
              const line = lines.find((l) => l.itemId === u.itemId);
              return (
                <li key={`${u.itemId}-${u.unit}`} className="unit-row">
                  <span className="grow">
                    {line?.name}
                    {line && line.qty > 1 ? (
                      <span className="muted">
                        {' '}
                        ({u.unit + 1}/{line.qty})
                      </span>
                    ) : null}
                  </span>
                  <span className="chips">
                    {Array.from({ length: shareCount }, (_, i) => i + 1).map((n) => (
                      <button
                        key={n}
                        className="chip chip-num"
                        aria-pressed={u.share === n}
                        aria-label={t('split.share', { n })}
                        onClick={() => setShare(index, n)}
                      >
                        {n}
                      </button>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>
          {!assigned ? <p className="muted small">{t('split.unassigned')}</p> : null}
        </div>
      ) : null}
      <Button variant="primary" onClick={apply} disabled={mode === 'BY_ITEM' && !assigned}>
        {t('split.apply')}
      </Button>
    </div>
  );
}
