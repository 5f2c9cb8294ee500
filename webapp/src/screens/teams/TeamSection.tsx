import { useMutation } from "@apollo/client";
import { useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Field, FormErrors } from "../../components/Field";
import { NO_ERRORS, requestFailed, sortErrors, type ErrorsByField, type UserErrorLike } from "../../components/errors";
import { CloseIcon } from "../../components/icons";
import { useForm } from "../../components/useForm";
import type { TeamFieldsFragment, TeamRole } from "../../gql/graphql";
import { AddTeamMembersMutation, DeleteTeamMutation, RemoveTeamMemberMutation, UpdateTeamMemberMutation, UpdateTeamMutation } from "./operations";

interface TeamSectionProps {
  team: TeamFieldsFragment;
  viewerEmail: string;
  /** The viewer left or deleted the team. */
  onGone: () => void;
}

type Confirming = "leave" | "delete" | null;

/** Addresses typed in one box, separated by commas, spaces or new lines. */
function addressesIn(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** One team: its members with their roles; managers rename, add, remove, change roles, delete. */
export function TeamSection({ team, viewerEmail, onGone }: TeamSectionProps) {
  const manager = team.viewerRole === "MANAGER";
  const [updateTeam] = useMutation(UpdateTeamMutation);
  const [addMembers] = useMutation(AddTeamMembersMutation);
  const [updateMember] = useMutation(UpdateTeamMemberMutation);
  const [removeMember] = useMutation(RemoveTeamMemberMutation);
  const [deleteTeam] = useMutation(DeleteTeamMutation);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [memberErrors, setMemberErrors] = useState<ErrorsByField>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const rename = useForm({ name: team.name }, ["name"]);
  const adding = useForm({ emails: "" }, ["emails"]);

  const onRename = rename.handleSubmit(
    async ({ name }) => (await updateTeam({ variables: { input: { id: team.id, name } } })).data?.updateTeam,
    () => undefined,
  );
  const onAdd = adding.handleSubmit(
    async ({ emails }) => (await addMembers({ variables: { input: { teamId: team.id, emails: addressesIn(emails) } } })).data?.addTeamMembers,
    () => adding.set("emails", ""),
  );

  const change = async (send: () => Promise<readonly UserErrorLike[]>) => {
    setBusy(true);
    try {
      setMemberErrors(sortErrors(await send(), []));
    } catch (error) {
      setMemberErrors(requestFailed(error));
    } finally {
      setBusy(false);
    }
  };
  const setRole = (email: string, role: TeamRole) =>
    change(async () => (await updateMember({ variables: { input: { teamId: team.id, email, role } } })).data?.updateTeamMember.errors ?? []);
  const remove = (email: string) =>
    change(async () => (await removeMember({ variables: { input: { teamId: team.id, email } } })).data?.removeTeamMember.errors ?? []);

  const headingId = `team-${team.id}-heading`;
  return (
    <section className="team" aria-labelledby={headingId}>
      <h2 id={headingId}>{team.name}</h2>
      {team.description && <p>{team.description}</p>}
      {manager && (
        <form onSubmit={onRename} noValidate className="inline-form">
          <FormErrors messages={rename.errors.general} />
          <Field label={`New name for ${team.name}`} name="name" value={rename.values.name} error={rename.errors.byField.name} onChange={(e) => rename.set("name", e.target.value)} />
          <button type="submit" disabled={rename.busy}>
            Rename
          </button>
        </form>
      )}
      <FormErrors messages={memberErrors.general} />
      <table className="members">
        <caption className="visually-hidden">Members of {team.name}</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {team.members.map((member) => (
            <tr key={member.email}>
              <th scope="row">
                {member.user ? `${member.user.displayName} (${member.email})` : member.email}
                {member.pending && <span className="tag">Invitation pending</span>}
              </th>
              <td>
                {manager ? (
                  <select aria-label={`Role of ${member.email}`} value={member.role} disabled={busy} onChange={(e) => setRole(member.email, e.target.value as TeamRole)}>
                    <option value="MEMBER">Member</option>
                    <option value="MANAGER">Manager</option>
                  </select>
                ) : member.role === "MANAGER" ? (
                  "Manager"
                ) : (
                  "Member"
                )}
              </td>
              <td>
                {manager && member.email !== viewerEmail && (
                  <button type="button" className="icon-button" aria-label={`Remove ${member.email} from ${team.name}`} title="Remove from the team" disabled={busy} onClick={() => remove(member.email)}>
                    <CloseIcon />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manager && (
        <form onSubmit={onAdd} noValidate className="inline-form">
          <FormErrors messages={adding.errors.general} />
          {Object.entries(adding.errors.byField).map(([field, message]) => (
            <p className="field-error" key={field}>
              {message}
            </p>
          ))}
          <Field label={`Add to ${team.name} by email`} name="emails" placeholder="name@example.org, …" value={adding.values.emails} onChange={(e) => adding.set("emails", e.target.value)} />
          <button type="submit" disabled={adding.busy}>
            Add members
          </button>
        </form>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => setConfirming("leave")}>
          Leave {team.name}
        </button>
        {manager && (
          <button type="button" className="danger" onClick={() => setConfirming("delete")}>
            Delete {team.name}
          </button>
        )}
      </div>
      {confirming === "leave" && (
        <ConfirmDialog
          title={`Leave ${team.name}?`}
          confirmLabel="Leave"
          cancelLabel="Stay"
          onConfirm={async () => (await removeMember({ variables: { input: { teamId: team.id, email: viewerEmail } } })).data?.removeTeamMember.errors ?? []}
          onDone={onGone}
          onClose={() => setConfirming(null)}
        >
          <p>You lose access to every dataset shared with this team.</p>
        </ConfirmDialog>
      )}
      {confirming === "delete" && (
        <ConfirmDialog
          title={`Delete ${team.name}?`}
          confirmLabel="Delete"
          cancelLabel="Keep"
          onConfirm={async () => (await deleteTeam({ variables: { input: { id: team.id } } })).data?.deleteTeam.errors ?? []}
          onDone={onGone}
          onClose={() => setConfirming(null)}
        >
          <p>Every dataset shared with this team stops being shared with its members.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
