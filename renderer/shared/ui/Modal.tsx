// A dialog over the app: Escape and the backdrop close it, focus moves into it, and screen readers
// hear its title.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';
import { sharedTexts } from '../shared-texts.js';

export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  closeLabel?: string;
}) {
  const { lang } = useI18n();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    ref.current?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        ref={ref}
      >
        <div className="modal-head">
          <h2 id={titleId}>{props.title}</h2>
          <button
            className="btn btn-ghost btn-sm"
            onClick={onClose}
            aria-label={props.closeLabel ?? sharedTexts(lang).close}
          >
            ✕
          </button>
        </div>
        <div className="modal-body">{props.children}</div>
        {props.footer ? <div className="modal-foot">{props.footer}</div> : null}
      </div>
    </div>
  );
}
