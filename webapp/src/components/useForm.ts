import { useState, type FormEvent } from "react";
import { NO_ERRORS, requestFailed, sortErrors, type ErrorsByField, type UserErrorLike } from "./errors";

/**
 * A form's values, its server-side errors and its submission. The values stay as typed
 * whatever the answer; the payload's `errors` are sorted onto `fields`, and `done` runs
 * with the payload when there are none.
 */
export function useForm<Values extends Record<string, string | boolean>>(initial: Values, fields: readonly string[]) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<ErrorsByField>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const set = <Key extends keyof Values>(name: Key, value: Values[Key]) => setValues((old) => ({ ...old, [name]: value }));

  const handleSubmit =
    <Payload extends { errors: readonly UserErrorLike[] }>(
      send: (values: Values) => Promise<Payload | undefined>,
      done: (payload: Payload) => void | Promise<void>,
    ) =>
    async (event: FormEvent) => {
      event.preventDefault();
      setBusy(true);
      try {
        const payload = await send(values);
        const found = payload?.errors ?? [];
        setErrors(sortErrors(found, fields));
        if (payload && found.length === 0) await done(payload);
      } catch (error) {
        setErrors(requestFailed(error));
      } finally {
        setBusy(false);
      }
    };

  return { values, set, errors, setErrors, busy, handleSubmit };
}
