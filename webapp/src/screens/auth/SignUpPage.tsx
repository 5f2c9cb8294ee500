import { useMutation } from "@apollo/client";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { Field, FormErrors } from "../../components/Field";
import { useForm } from "../../components/useForm";
import { SignUpMutation } from "./operations";
import { rememberForConfirmation } from "./useSignedIn";

/** Sign-up; an invitation link fills in the invited address (`?email=`). */
export function SignUpPage() {
  const [params] = useSearchParams();
  const [signUp] = useMutation(SignUpMutation);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { values, set, errors, busy, handleSubmit } = useForm(
    { displayName: "", email: params.get("email") ?? "", password: "" },
    ["displayName", "email", "password"],
  );

  const onSubmit = handleSubmit(
    async (input) => {
      const { data } = await signUp({ variables: { input } });
      return data?.signUp;
    },
    () => {
      rememberForConfirmation(params.get("next"));
      setSentTo(values.email.trim());
    },
  );

  if (sentTo) {
    return (
      <section className="narrow">
        <h1>Check your mailbox</h1>
        <p role="status">
          We sent an email to {sentTo}. Follow its link to confirm your address; then you are logged in.
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Sign up</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        <Field label="Your name" name="displayName" autoComplete="name" required value={values.displayName} error={errors.byField.displayName} onChange={(e) => set("displayName", e.target.value)} />
        <Field label="Email address" type="email" name="email" autoComplete="email" required value={values.email} error={errors.byField.email} onChange={(e) => set("email", e.target.value)} />
        <Field label="Password (at least 15 characters)" type="password" name="password" autoComplete="new-password" required value={values.password} error={errors.byField.password} onChange={(e) => set("password", e.target.value)} />
        <button type="submit" disabled={busy}>
          Sign up
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
