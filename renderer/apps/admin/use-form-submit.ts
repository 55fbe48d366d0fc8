// The save step every admin form shares: check locally, send, and turn the answer into field errors,
// a "sent later" notice or a closed form with a toast.
import { useCallback, useState } from 'react';
import { useI18n } from '../../shared/i18n.js';
import { useToast } from '../../shared/ui/Toasts.js';
import { errorsFromHub, NO_ERRORS, type FormErrors } from './form-errors.js';
import type { CommandAnswer, HubError } from './hub-commands.js';

export interface FormSubmit {
  errors: FormErrors;
  busy: boolean;
  setErrors: (e: FormErrors) => void;
  /** Local check (field → text key) first; `send` runs only when it found nothing. */
  submit: (
    check: () => Record<string, string>,
    send: () => Promise<CommandAnswer | 'done'>,
    onDone: () => void,
  ) => Promise<void>;
}

export function useFormSubmit(
  fields: readonly string[],
  codeField?: Partial<Record<string, string>>,
): FormSubmit {
  const { t } = useI18n();
  const toast = useToast();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = useCallback<FormSubmit['submit']>(
    async (check, send, onDone) => {
      // Clear first and let the form render without errors, so a field the person edited (and whose
      // error it hid) shows the same error again if it is still wrong.
      setErrors(NO_ERRORS);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const local = check();
      if (Object.keys(local).length > 0) {
        const translated = Object.fromEntries(Object.entries(local).map(([k, v]) => [k, t(v)]));
        setErrors({ fields: translated, general: t('form.fixFields') });
        return;
      }
      setBusy(true);
      try {
        const answer = await send();
        if (answer !== 'done' && answer.status === 'refused') {
          setErrors(refusal(explained(answer.error, t), fields, codeField));
          return;
        }
        toast(answer !== 'done' && answer.status === 'queued' ? t('form.queued') : t('form.saved'), 'ok');
        onDone();
      } finally {
        setBusy(false);
      }
    },
    [codeField, fields, t, toast],
  );
  return { errors, busy, setErrors, submit };
}

/** The hub's messages are English and terse: lead them with what the code means, in the person's language. */
const EXPLAINED = ['FORBIDDEN', 'CONFLICT', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'];
function explained(error: HubError, t: (key: string) => string): HubError {
  return EXPLAINED.includes(error.code)
    ? { ...error, message: `${t(`err.${error.code}`)} (${error.message})` }
    : error;
}

function refusal(
  error: HubError,
  fields: readonly string[],
  codeField?: Partial<Record<string, string>>,
): FormErrors {
  return errorsFromHub(error, { fields, ...(codeField ? { codeField } : {}) });
}
