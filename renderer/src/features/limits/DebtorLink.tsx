import { useNavigationStore } from '../../app/navigation-store';
import type { DebtorRef } from './use-limits-overview';

/** A debtor's name that opens its page (Escape there comes back to the portfolio). */
export function DebtorLink({ debtor, fallback }: { readonly debtor: DebtorRef | undefined; readonly fallback: string }) {
  const openDebtor = useNavigationStore((state) => state.openDebtor);
  if (!debtor) return <>{fallback}</>;
  return (
    <button type="button" className="link-button" onClick={() => openDebtor(debtor.debtorId, debtor.chunkId)}>
      {debtor.name}
    </button>
  );
}
