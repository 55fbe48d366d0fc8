// An amount typed in the currency ("12,50"): a labelled field with the decimal keypad on tablets.
// Callers parse it with parseMoneyInput (check-math.ts) into integer cents.
export function MoneyField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <label className="field">
      {props.label}
      <input
        className="input input-money"
        inputMode="decimal"
        placeholder={props.placeholder}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
