/** A payload's `errors`, as the screens need them: by input field, and the rest. */
export interface UserErrorLike {
  message: string;
  field?: string | null;
}

export interface ErrorsByField {
  byField: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: ErrorsByField = { byField: {}, general: [] };

export function sortErrors(errors: readonly UserErrorLike[], fields: readonly string[]): ErrorsByField {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = error.field ?? "";
    const known = fields.some((name) => field === name || field.startsWith(`${name}.`));
    if (known && !(field in byField)) byField[field] = error.message;
    else general.push(error.message);
  }
  return { byField, general };
}

/** The message for a failed request (network or server), for people. */
export function requestFailed(error: unknown): ErrorsByField {
  const message = error instanceof Error ? error.message : String(error);
  return { byField: {}, general: [`The request failed: ${message}`] };
}
