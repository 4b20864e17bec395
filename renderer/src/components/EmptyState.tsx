// A message for a panel with nothing to show: what is going on, and what to do about it.
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** Buttons or links that fix it. */
  actions?: ReactNode;
  /** 'alert' for failures (announced at once), 'status' for everything else. */
  tone?: 'info' | 'error';
  /** Accessible name of the region, so tests and screen readers can find the message. */
  label?: string;
}

export function EmptyState({ title, children, actions, tone = 'info', label }: EmptyStateProps): ReactNode {
  return (
    <div
      className={tone === 'error' ? 'empty-state empty-state-error' : 'empty-state'}
      role={tone === 'error' ? 'alert' : 'status'}
      aria-label={label}
    >
      <p className="empty-state-title">{title}</p>
      {children && <div className="empty-state-body">{children}</div>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
