import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";

interface Labelled {
  label: string;
  error?: string;
}

/** The label, the control and the server's message for it, tied by aria-describedby. */
function FieldFrame({ label, error, render }: Labelled & { render: (aria: AriaProps) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {render({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface AriaProps {
  id: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

export function Field({ label, error, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} error={error} render={(aria) => <input {...input} {...aria} />} />;
}

export function TextAreaField({ label, error, ...area }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} error={error} render={(aria) => <textarea rows={3} {...area} {...aria} />} />;
}

/** Messages that belong to no single field. */
export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="form-errors" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
