import { useMutation } from "@apollo/client";
import { Link, useSearchParams } from "react-router-dom";
import { Field, FormErrors } from "../../components/Field";
import { useForm } from "../../components/useForm";
import { LogInMutation } from "./operations";
import { useSignedIn } from "./useSignedIn";

export function LogInPage() {
  const [params] = useSearchParams();
  const [logIn] = useMutation(LogInMutation);
  const signedIn = useSignedIn();
  const { values, set, errors, busy, handleSubmit } = useForm({ email: params.get("email") ?? "", password: "" }, ["email", "password"]);

  const onSubmit = handleSubmit(async (input) => {
    const { data } = await logIn({ variables: { input } });
    return data?.logIn;
  }, () => signedIn());

  const next = params.get("next");
  return (
    <section className="narrow">
      <h1>Log in</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        <Field label="Email address" type="email" name="email" autoComplete="email" required value={values.email} error={errors.byField.email} onChange={(e) => set("email", e.target.value)} />
        <Field label="Password" type="password" name="password" autoComplete="current-password" required value={values.password} error={errors.byField.password} onChange={(e) => set("password", e.target.value)} />
        <button type="submit" disabled={busy}>
          Log in
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to datashare? <Link to={next ? `/signup?next=${encodeURIComponent(next)}` : "/signup"}>Sign up</Link>
      </p>
    </section>
  );
}
