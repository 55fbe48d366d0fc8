// The admin's edit dialog: a title, the fields, a general error above them, and Cancel / Save below.
// Enter in a field saves like the button does; the browser's own validation is off because each form
// checks its fields itself and shows the hub's refusals next to them.
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { ConfirmModal } from '../../../shared/ui/ConfirmModal.js';
import { FormAlert } from './Field.js';

export function FormModal(props: {
  title: string;
  onClose: () => void;
  onSave: () => void;
  busy: boolean;
  /** An error that belongs to no single field. */
  error?: string;
  /** Defaults to "Save". */
  saveLabel?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ConfirmModal
      title={props.title}
      onClose={props.onClose}
      onConfirm={props.onSave}
      confirmLabel={props.saveLabel ?? t('save')}
      disabled={props.busy}
    >
      <form
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave();
        }}
      >
        <FormAlert message={props.error} />
        {props.children}
      </form>
    </ConfirmModal>
  );
}
