// Turns the hub's `{code, message, details}` into messages beside the fields that caused them. INVALID
// names each failing path (`payload.name.es`); other codes (CONFLICT, FORBIDDEN) belong to the field the
// form says, or to the form as a whole.
import type { HubError } from './hub-commands.js';

export interface FormErrors {
  fields: Record<string, string>;
  general?: string;
}

export const NO_ERRORS: FormErrors = { fields: {} };

interface Issue {
  path: string;
  message: string;
}

function issuesOf(details: unknown): Issue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is Issue => typeof (i as Issue)?.path === 'string' && typeof (i as Issue)?.message === 'string',
  );
}

export function errorsFromHub(
  error: HubError,
  options: {
    /** The form's fields, by the payload path they fill (`name.es`, `priceCents`). */
    fields: readonly string[];
    /** Where a refusal without a path goes, by code: CreateStaff's FORBIDDEN is about the role. */
    codeField?: Partial<Record<string, string>>;
  },
): FormErrors {
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const issue of issuesOf(error.details)) {
    const path = issue.path.replace(/^payload\.?/, '');
    // The deepest form field that the path falls under: `modifierGroups.0.name.es` → `modifierGroups`.
    const field = [...options.fields]
      .sort((a, b) => b.length - a.length)
      .find((f) => path === f || path.startsWith(`${f}.`));
    if (field && !fields[field]) fields[field] = issue.message;
    else if (!field) unplaced.push(`${path}: ${issue.message}`);
  }
  const byCode = options.codeField?.[error.code];
  if (Object.keys(fields).length === 0 && byCode && options.fields.includes(byCode)) {
    fields[byCode] = error.message;
    return { fields };
  }
  if (Object.keys(fields).length === 0) return { fields, general: error.message };
  return unplaced.length > 0 ? { fields, general: unplaced.join('; ') } : { fields };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.general !== undefined || Object.keys(errors.fields).length > 0;
}
