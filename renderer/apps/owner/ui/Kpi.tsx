// One headline figure with its label and a line of context.
export function Kpi(props: {
  label: string;
  value: string;
  hint?: string;
  tone?: 'brand' | 'default';
  testId?: string;
}) {
  return (
    <div className={`kpi card${props.tone === 'brand' ? ' kpi-brand' : ''}`} data-testid={props.testId}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">{props.value}</div>
      {props.hint && <div className="kpi-hint">{props.hint}</div>}
    </div>
  );
}
