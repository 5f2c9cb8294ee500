import { useMutation } from "@apollo/client";
import { Link, useSearchParams } from "react-router-dom";
import { Field, FormErrors } from "../../components/Field";
import { useForm } from "../../components/useForm";
import { ResetPasswordMutation } from "./operations";
import { useSignedIn } from "./useSignedIn";

/** The emailed link's page: choose a new password, then carry on logged in. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [resetPassword] = useMutation(ResetPasswordMutation);
  const signedIn = useSignedIn();
  const { values, set, errors, busy, handleSubmit } = useForm({ newPassword: "" }, ["newPassword"]);

  const onSubmit = handleSubmit(async ({ newPassword }) => {
    const { data } = await resetPassword({ variables: { input: { token, newPassword } } });
    return data?.resetPassword;
  }, () => signedIn());

  return (
    <section className="narrow">
      <h1>Choose a new password</h1>
      <form onSubmit={onSubmit} noValidate>
        <FormErrors messages={errors.general} />
        <Field label="New password (at least 15 characters)" type="password" name="newPassword" autoComplete="new-password" required value={values.newPassword} error={errors.byField.newPassword} onChange={(e) => set("newPassword", e.target.value)} />
        <button type="submit" disabled={busy || !token}>
          Save the password
        </button>
      </form>
      {errors.general.length > 0 && (
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </section>
  );
}
