import { CloseIcon } from "../../components/icons";

interface AddressListProps {
  addresses: string[];
  errors: Record<string, string>;
  onChange: (addresses: string[]) => void;
}

/** Several addresses, one per input, each with its own message (`emails.N`). */
export function AddressList({ addresses, errors, onChange }: AddressListProps) {
  const update = (index: number, value: string) => onChange(addresses.map((old, at) => (at === index ? value : old)));
  return (
    <fieldset className="addresses">
      <legend>Email addresses</legend>
      {errors.emails && <p className="field-error">{errors.emails}</p>}
      {addresses.map((address, index) => {
        const error = errors[`emails.${index}`];
        const id = `share-address-${index}`;
        return (
          <div className="address-row" key={index}>
            <label htmlFor={id} className="visually-hidden">
              Email address {index + 1}
            </label>
            <input
              id={id}
              type="email"
              value={address}
              placeholder="name@example.org"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => update(index, e.target.value)}
            />
            {addresses.length > 1 && (
              <button type="button" className="icon-button" aria-label={`Remove address ${index + 1}`} onClick={() => onChange(addresses.filter((_, at) => at !== index))}>
                <CloseIcon />
              </button>
            )}
            {error && (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...addresses, ""])}>
        Add another address
      </button>
    </fieldset>
  );
}
