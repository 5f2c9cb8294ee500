import { Field } from "../../components/Field";
import { endDayRange, formatDay } from "../../components/dates";

interface ExpiryFieldProps {
  /** The last day of access, YYYY-MM-DD; "" for no end. */
  day: string;
  /** When the sharer's own access ends, if it does: recipients' access must end by then. */
  ownEnd: string | null;
  error?: string;
  onChange: (day: string) => void;
}

/** The share dialog's expiry date: access ends at the end of the chosen day, or never. */
export function ExpiryField({ day, ownEnd, error, onChange }: ExpiryFieldProps) {
  const { min, max } = endDayRange(new Date(), ownEnd);
  return (
    <div className="expiry-field">
      <Field label="Access ends on (optional)" name="expiresAt" type="date" min={min} max={max} value={day} error={error} onChange={(e) => onChange(e.target.value)} />
      <p className="hint">
        {ownEnd
          ? `Your own access ends on ${formatDay(ownEnd)}: choose a day no later than that.`
          : day
            ? "Recipients lose access when this day ends; they and you are reminded three days before."
            : "Leave empty for access without an end."}
      </p>
    </div>
  );
}
