import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
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

export interface PanelTab {
  id: string;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * Panels of one page behind a row of tabs (the WAI-ARIA tabs pattern: arrow keys, Home and End
 * move between them). Hidden panels stay mounted, so what was typed into one survives a look at
 * another and their live data keeps flowing.
 */
export function PanelTabs({
  label,
  tabs,
  className,
  onSelect,
}: {
  label: string;
  tabs: readonly PanelTab[];
  className?: string;
  onSelect?: (id: string) => void;
}) {
  const baseId = useId();
  const [chosen, setChosen] = useState(tabs[0]?.id ?? '');
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.some((tab) => tab.id === chosen) ? chosen : (tabs[0]?.id ?? '');

  const select = (id: string, focus = false) => {
    setChosen(id);
    if (focus) refs.current.get(id)?.focus();
    onSelect?.(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.id === current);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    select(tabs[to]!.id, true);
  };

  return (
    <div className={className ? `panel-tabs ${className}` : 'panel-tabs'}>
      <div className="panel-tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.id}`}
            aria-controls={`${baseId}-panel-${tab.id}`}
            aria-selected={tab.id === current}
            tabIndex={tab.id === current ? 0 : -1}
            className="panel-tabs__tab"
            data-tab={tab.id}
            onClick={() => select(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          hidden={tab.id !== current}
          className="panel-tabs__panel"
          data-panel={tab.id}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
