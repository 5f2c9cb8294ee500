import { useState, type FormEvent } from "react";
import { NO_ERRORS, requestFailed, sortErrors, type ErrorsByField, type UserErrorLike } from "./errors";

/**
 * A form's values, its server-side errors and its submission. The values stay as typed
 * whatever the answer; `submit` returns the payload's errors sorted onto `fields`.
 */
export function useForm<Values extends Record<string, string | boolean>>(initial: Values, fields: readonly string[]) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ErrorsByField>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const set = <Key extends keyof Values>(name: Key, value: Values[Key]) => setValues((old) => ({ ...old, [name]: value }));

  const handleSubmit =
    (send: (values: Values) => Promise<readonly UserErrorLike[] | undefined>, done: () => void | Promise<void>) =>
    async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      try {
        const found = (await send(values)) ?? [];
        setErrors(sortErrors(found, fields));
        if (found.length === 0) await done();
      } catch (error) {
        setErrors(requestFailed(error));
      } finally {
        setBusy(false);
      }
    };

  return { values, set, errors, setErrors, busy, handleSubmit };
}
