import { APP_NAME } from '../../../shared/app-identity';

/** Kredo's mark and name, in the sidebar and (larger) on the welcome screen. */
export function Brand({ isLarge = false }: { readonly isLarge?: boolean }) {
  return (
    <div className={isLarge ? 'brand brand-large' : 'brand'}>
      <span className="brand-mark" aria-hidden="true" />
      <span className="brand-name">{APP_NAME}</span>
    </div>
  );
}
