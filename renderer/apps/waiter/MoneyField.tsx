// An amount typed in the currency ("12,50"): a labelled field with the decimal keypad on tablets.
// Callers parse it with parseMoneyInput (check-math.ts) into integer cents.
export function MoneyField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  return (
    <label className="field">
      {props.label}
      <input
        className="input input-money"
        inputMode="decimal"
        placeholder={props.placeholder}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}
