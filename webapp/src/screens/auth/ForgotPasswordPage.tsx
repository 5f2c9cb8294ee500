import { useMutation } from "@apollo/client";
import { useState } from "react";
import { Field, FormErrors } from "../../components/Field";
import { useForm } from "../../components/useForm";
import { RequestPasswordResetMutation } from "./operations";

export function ForgotPasswordPage() {
  const [requestReset] = useMutation(RequestPasswordResetMutation);
  const [sent, setSent] = useState(false);
  const { values, set, errors, busy, handleSubmit } = useForm({ email: "" }, ["email"]);

  const onSubmit = handleSubmit(
    async (input) => {
      const { data } = await requestReset({ variables: { input } });
      return data?.requestPasswordReset;
    },
    () => setSent(true),
  );

  return (
    <section className="narrow">
      <h1>Forgot your password?</h1>
      {sent ? (
        <p role="status">If {values.email.trim()} has an account, we sent it a link to choose a new password.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <p>We email you a link to choose a new password.</p>
          <FormErrors messages={errors.general} />
          <Field label="Email address" type="email" name="email" autoComplete="email" required value={values.email} error={errors.byField.email} onChange={(e) => set("email", e.target.value)} />
          <button type="submit" disabled={busy}>
            Send the link
          </button>
        </form>
      )}
    </section>
  );
}
