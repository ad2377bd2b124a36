// A centred message with optional actions, for screens with nothing to show yet.
import type { ReactNode } from 'react';

interface Props {
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

export function EmptyState({ title, children, actions, testId }: Props) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-art" aria-hidden="true" />
      <h2>{title}</h2>
      {children ? <div className="empty-text">{children}</div> : null}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </div>
  );
}
