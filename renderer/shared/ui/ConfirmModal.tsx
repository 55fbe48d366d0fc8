// A dialog that ends in Cancel and one button that does the thing: the footer every form dialog of the
// apps shares, so its order, labels and disabled state read the same everywhere.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.js';
import { Button, type ButtonProps } from './Button.js';
import { Modal } from './Modal.js';

export function ConfirmModal(props: {
  title: string;
  onClose: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  /** `danger` for what cannot be taken back lightly (a void, a refund). */
  variant?: Extract<ButtonProps['variant'], 'primary' | 'danger'>;
  size?: ButtonProps['size'];
  disabled?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      closeLabel={t('close')}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t('cancel')}
          </Button>
          <Button
            variant={props.variant ?? 'primary'}
            size={props.size}
            disabled={props.disabled}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </Button>
        </>
      }
    >
      {props.children}
    </Modal>
  );
}
