import type { ReactNode } from 'react';

/** What a screen shows before there is anything to show: what will appear here, and how to get it. */
export function EmptyState({ message, children }: { readonly message: string; readonly children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{message}</p>
      {children}
    </div>
  );
}
