// The title row of every page: what it is, a line saying what for, and the page's main actions.
import type { ReactNode } from 'react';

export function PageHeader(props: { title: string; subtitle?: string; actions?: ReactNode }) {
  return (
    <header className="page-head">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle ? <p className="muted">{props.subtitle}</p> : null}
      </div>
      <div className="page-actions">{props.actions}</div>
    </header>
  );
}
