interface TeamPickerProps {
  teams: readonly { id: string; name: string }[];
  chosen: string[];
  errors: Record<string, string>;
  onChange: (teamIds: string[]) => void;
}

/** The viewer's teams beside the addresses: each one chosen gets one grant, and no email. */
export function TeamPicker({ teams, chosen, errors, onChange }: TeamPickerProps) {
  if (teams.length === 0) return null;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((old) => old !== id));
  return (
    <fieldset className="teams-picker">
      <legend>Teams</legend>
      {teams.map((team) => {
        const error = errors[`teamIds.${chosen.indexOf(team.id)}`];
        return (
          <div key={team.id}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.includes(team.id)} onChange={(e) => toggle(team.id, e.target.checked)} /> Team {team.name}
            </label>
            {chosen.includes(team.id) && error && <p className="field-error">{error}</p>}
          </div>
        );
      })}
      <p className="hint">Members of a team see the dataset in their lists; they get no email.</p>
    </fieldset>
  );
}
