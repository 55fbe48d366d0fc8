// The PIN entry of the staff apps: big keys, dots for digits typed, the keyboard works too.
import { useEffect, useState } from 'react';
import { Button } from './Button.js';

export function PinPad(props: {
  length?: number;
  disabled?: boolean;
  onComplete: (pin: string) => void;
  labels: { clear: string; back: string; pin: string };
}) {
  const length = props.length ?? 4;
  const [pin, setPin] = useState('');
  const { onComplete, disabled } = props;

  useEffect(() => {
    if (pin.length === length) {
      onComplete(pin);
      setPin('');
    }
  }, [pin, length, onComplete]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (disabled) return;
      if (/^\d$/.test(e.key)) setPin((p) => (p.length < length ? p + e.key : p));
      else if (e.key === 'Backspace') setPin((p) => p.slice(0, -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [disabled, length]);

  const press = (d: string) => setPin((p) => (p.length < length ? p + d : p));
  return (
    <div>
      <div className="pin-dots" aria-label={props.labels.pin} role="status">
        {Array.from({ length }, (_, i) => (
          <span key={i} className={i < pin.length ? 'on' : ''} />
        ))}
      </div>
      <div className="pinpad">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <Button key={d} onClick={() => press(d)} disabled={disabled} aria-label={d}>
            {d}
          </Button>
        ))}
        <Button
          variant="ghost"
          onClick={() => setPin('')}
          disabled={disabled}
          aria-label={props.labels.clear}
        >
          C
        </Button>
        <Button onClick={() => press('0')} disabled={disabled} aria-label="0">
          0
        </Button>
        <Button
          variant="ghost"
          onClick={() => setPin((p) => p.slice(0, -1))}
          disabled={disabled}
          aria-label={props.labels.back}
        >
          ⌫
        </Button>
      </div>
    </div>
  );
}
