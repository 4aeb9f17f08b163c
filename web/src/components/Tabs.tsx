import { NavLink } from 'react-router';

export interface Tab {
  to: string;
  label: string;
  /** Active only on this exact path, not on the paths below it. */
  end?: boolean;
}

/** A section's pages as a row of links; the current one is marked by NavLink. */
export function Tabs({
  label,
  className,
  tabs,
}: {
  label: string;
  className?: string;
  tabs: readonly Tab[];
}) {
  return (
    <nav className={className ? `tabs ${className}` : 'tabs'} aria-label={label}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} end={tab.end} to={tab.to} className="button button--small">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
