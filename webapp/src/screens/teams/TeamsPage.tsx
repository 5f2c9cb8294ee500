import { useMutation, useQuery } from "@apollo/client";
import { Link } from "react-router-dom";
import { useViewer } from "../../app/session";
import { Field, FormErrors, TextAreaField } from "../../components/Field";
import { useForm } from "../../components/useForm";
import { CreateTeamMutation, TeamsQuery } from "./operations";
import { TeamSection } from "./TeamSection";

/** The viewer's teams: create one, and manage those they are in. */
export function TeamsPage() {
  const { viewer, loading: viewerLoading } = useViewer();
  const { data, loading, refetch } = useQuery(TeamsQuery, { skip: !viewer });
  const [createTeam] = useMutation(CreateTeamMutation);
  const { values, set, errors, busy, handleSubmit } = useForm({ name: "", description: "" }, ["name", "description"]);

  const onCreate = handleSubmit(
    async ({ name, description }) => (await createTeam({ variables: { input: { name, description } } })).data?.createTeam,
    async () => {
      set("name", "");
      set("description", "");
      await refetch();
    },
  );

  if (!viewerLoading && !viewer) {
    return (
      <section className="narrow">
        <h1>Teams</h1>
        <p>
          <Link to="/login?next=%2Fteams">Log in</Link> to see your teams.
        </p>
      </section>
    );
  }
  const teams = data?.teams ?? [];
  return (
    <section className="teams">
      <h1>Teams</h1>
      <p>Share a dataset with a team, and everyone in it has access for as long as they are a member.</p>
      {loading && <p aria-live="polite">Loading…</p>}
      {!loading && teams.length === 0 && <p>You are in no team yet.</p>}
      {teams.map((team) => (
        <TeamSection key={team.id} team={team} viewerEmail={viewer?.email ?? ""} onGone={() => refetch()} />
      ))}
      <form onSubmit={onCreate} noValidate className="narrow">
        <h2>New team</h2>
        <FormErrors messages={errors.general} />
        <Field label="Team name" name="name" required value={values.name} error={errors.byField.name} onChange={(e) => set("name", e.target.value)} />
        <TextAreaField label="Team description" name="description" value={values.description} error={errors.byField.description} onChange={(e) => set("description", e.target.value)} />
        <button type="submit" disabled={busy}>
          Create team
        </button>
      </form>
    </section>
  );
}
