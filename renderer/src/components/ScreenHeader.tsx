import type { ReactNode } from 'react';

/** Every screen's title and one-line purpose; the title is the page's only <h1>. */
export function ScreenHeader({ title, intro, children }: { readonly title: string; readonly intro: string; readonly children?: ReactNode }) {
  return (
    <div className="screen-header">
      <div>
        <h1>{title}</h1>
        <p className="screen-intro">{intro}</p>
      </div>
      {children ? <div className="screen-header-actions">{children}</div> : null}
    </div>
  );
}
