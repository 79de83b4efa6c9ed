import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROSPECT_SCHEMES, readProspectIdentifier, type ProspectScheme } from '../../../../../shared/domain/identifiers/prospect-identifier';
import type { CompanyIdentifier } from '../../../../../shared/domain/identifiers/identifier-type';
import { parseAmountInput } from '../../../../../shared/format/decimal-input';
import { money } from '../../../../../shared/money/money';
import { statusGivesCover } from '../../../../../shared/domain/limits/credit-limit';
import type { BuyerCheck } from '../../../../../shared/sync/buyer-check';
import type { CheckAnswer, CheckRequestKind } from '../../../../../shared/sync/check-request';
import { useClock } from '../../../app/app-clock';
import { useBootstrap } from '../../../app/bootstrap-context';
import { useNavigationStore } from '../../../app/navigation-store';
import { dataWorker } from '../../../data/data-client';
import { uiDb } from '../../../data/queries/ui-db';
import type { KnownCompany } from '../../../data/store/new-customer';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useFormat } from '../../../i18n/use-format';
import { useLanguage } from '../../../i18n/use-language';
import { kredo, KredoApiError } from '../../../platform/kredo-api';
import { requestLimits } from '../../limits/request-limits';
import { useSyncStore } from '../../sync/sync-store';
import { useInsurerConnection } from '../../sync/use-insurer-connection';

/** What the check found: the insurer's view (or why there is none) and Kredo's own debtors of the same company. */
interface Checked {
  readonly country: string;
  readonly identifier: CompanyIdentifier;
  readonly insurer: { readonly buyer: BuyerCheck | null } | { readonly unreachable: true } | { readonly error: string };
  readonly known: readonly KnownCompany[];
}

/**
 * The credit check before trading (issue 18 item 3, the seeds' kredietwaardigheidscheck): the controller types
 * a prospective customer's KvK number, organisationsnummer, VAT or Companies House number; Kredo checks its form
 * and check digits, asks the insurer (main process, in the policy's dialect) for name, address, grade and any
 * cover, and shows Kredo's own payment experience when the company is already a debtor under another number.
 * The debtor is then created — a second debtor of a known company only when the controller confirms it — and a
 * limit requested through the outbox, which waits while the insurer cannot be reached.
 */
export function NewCustomerSection({ onClose }: { readonly onClose: () => void }) {
  const { t } = useTranslation('portfolio');
  const { t: tDunning } = useTranslation('dunning');
  const { t: tLimits } = useTranslation('limits');
  const format = useFormat();
  const { formatLocale } = useLanguage();
  const clock = useClock();
  const { isClockFixed } = useBootstrap();
  const errorMessage = useErrorMessage();
  const openDebtor = useNavigationStore((state) => state.openDebtor);
  const id = useId();
  const policy = useLiveQuery(async () => (await uiDb.policies.toArray())[0], []);
  const [scheme, setScheme] = useState<ProspectScheme>('NL_KVK');
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string>();
  const [isBusy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked>();
  const [customerCode, setCustomerCode] = useState('');
  const [name, setName] = useState('');
  const [terms, setTerms] = useState('30');
  const [limit, setLimit] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<{ readonly text: string; readonly isError: boolean }>();
  const [created, setCreated] = useState<string>();
  const [answer, setAnswer] = useState<{ readonly answer: CheckAnswer } | { readonly error: string }>();
  const { connection } = useInsurerConnection();
  const currency = policy?.currency ?? 'EUR';

  const check = async () => {
    setMessage(undefined);
    setChecked(undefined);
    setCreated(undefined);
    setAnswer(undefined);
    const read = readProspectIdentifier(scheme, number);
    if (!read.ok) {
      setProblem(t(`newCustomer.problems.${read.problem}`, { scheme: t(`newCustomer.schemes.${scheme}`) }));
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      const identifiers = [read.identifier];
      const known = await dataWorker().findKnownCompany({ identifiers });
      // Offline the insurer cannot answer: say so at once instead of waiting out the client's retries.
      const insurer = !useSyncStore.getState().isOnline
        ? ({ unreachable: true } as const)
        : await kredo.insurerCheckBuyer({ country: read.country, identifiers }).then(
        (answer): Checked['insurer'] => answer,
        (error: unknown): Checked['insurer'] => (error instanceof KredoApiError && error.code === 'insurer.unavailable' ? { unreachable: true } : { error: errorMessage(error) }),
      );
      setChecked({ country: read.country, identifier: read.identifier, insurer, known });
      setName('buyer' in insurer && insurer.buyer ? insurer.buyer.name : (known[0]?.name ?? ''));
      setConfirmed(false);
    } catch (error) {
      setMessage({ text: errorMessage(error), isError: true });
    } finally {
      setBusy(false);
    }
  };

  /**
   * A grade-only request or a credit check on the company found (what the insurer's dialect takes: its
   * capabilities). The answer shows at once; a grade or a credit check's cover joins what the check found, so a
   * limit requested next builds on that cover.
   */
  const requestCheck = async (kind: CheckRequestKind) => {
    if (!checked || !('buyer' in checked.insurer) || !checked.insurer.buyer) return;
    const found = checked.insurer.buyer;
    setAnswer(undefined);
    setBusy(true);
    try {
      const result = await kredo.insurerRequestCheck({ requestId: crypto.randomUUID(), kind, companyId: found.companyId, ...(customerCode.trim() !== '' && { customerCode: customerCode.trim() }) });
      setAnswer({ answer: result });
      const buyer: BuyerCheck = { ...found, ...(result.grade !== undefined && { grade: result.grade }), covers: result.cover ? [...found.covers.filter((cover) => cover.coverId !== result.cover!.coverId), result.cover] : found.covers };
      setChecked({ ...checked, insurer: { buyer } });
    } catch (error) {
      setAnswer({ error: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const create = async () => {
    if (!checked) return;
    setMessage(undefined);
    const termsDays = Number(terms);
    const limitMinor = limit.trim() === '' ? undefined : parseAmountInput(limit, formatLocale, currency);
    if (!Number.isInteger(termsDays) || termsDays < 0 || termsDays > 365) return setMessage({ text: t('newCustomer.termsInvalid'), isError: true });
    if (limit.trim() !== '' && (limitMinor === undefined || limitMinor <= 0)) return setMessage({ text: t('newCustomer.limitInvalid'), isError: true });
    const buyer = 'buyer' in checked.insurer ? checked.insurer.buyer : null;
    setBusy(true);
    try {
      const { homeCurrency } = await kredo.importGetSettings();
      const debtorId = crypto.randomUUID();
      await dataWorker().addNewCustomer({
        id: debtorId,
        today: clock.today(),
        at: clock.now().toISOString(),
        homeCurrency,
        customer: {
          customerCode,
          name: name || buyer?.name || '',
          country: checked.country,
          currency,
          paymentTermsDays: termsDays,
          identifiers: [checked.identifier],
          ...(buyer && { insurerBuyerId: buyer.companyId }),
          ...(buyer?.address && { address: buyer.address }),
          ...(buyer?.grade !== undefined && { grade: buyer.grade }),
          sameCompanyConfirmed: confirmed,
        },
      });
      setCreated(debtorId);
      if (limitMinor === undefined) return setMessage({ text: t('newCustomer.created'), isError: false });
      // A cover the policy already holds on the company (a credit check's, say) is raised or lowered, not asked for again.
      const inForce = buyer?.covers.find((cover) => statusGivesCover(cover.status) && cover.currency === currency);
      if (inForce && inForce.amountMinor === limitMinor) return setMessage({ text: t('newCustomer.created'), isError: false });
      const type = !inForce ? 'NEW' : limitMinor > inForce.amountMinor ? 'INCREASE' : 'REDUCE';
      const [outcome] = await requestLimits([{ debtorId, type, amountMinor: limitMinor, currency }], clock, isClockFixed);
      setMessage(outcome?.queued ? { text: t('newCustomer.createdAndRequested', { amount: format.money(money(limitMinor, currency)) }), isError: false } : { text: errorMessage(new KredoApiError(outcome?.code ?? 'internal')), isError: true });
    } catch (error) {
      setMessage({ text: errorMessage(error), isError: true });
    } finally {
      setBusy(false);
    }
  };

  const insurer = checked?.insurer;
  const buyer = insurer && 'buyer' in insurer ? insurer.buyer : null;
  return (
    <section className="panel new-customer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="section-title">{t('newCustomer.title')}</h2>
      <p className="note">{t('newCustomer.intro')}</p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <label>
          <span>{t('newCustomer.scheme')}</span>
          <select value={scheme} onChange={(event) => setScheme(event.target.value as ProspectScheme)}>
            {PROSPECT_SCHEMES.map((option) => (
              <option key={option} value={option}>
                {t(`newCustomer.schemes.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('newCustomer.number')}</span>
          <input type="text" value={number} onChange={(event) => setNumber(event.target.value)} aria-invalid={problem !== undefined} aria-describedby={problem ? `${id}-problem` : undefined} autoFocus />
        </label>
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {t('newCustomer.check')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('newCustomer.close')}
        </button>
      </form>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error-text">
          {problem}
        </p>
      )}
      {checked && (
        <div className="new-customer-result">
          <h3>{t('newCustomer.insurerTitle')}</h3>
          {'unreachable' in checked.insurer ? (
            <p role="status">{t('newCustomer.unreachable')}</p>
          ) : 'error' in checked.insurer ? (
            <p role="alert" className="error-text">{checked.insurer.error}</p>
          ) : buyer ? (
            <dl className="facts" data-testid="insurer-buyer">
              <dt>{t('newCustomer.name')}</dt>
              <dd>{buyer.name}</dd>
              {buyer.address && (
                <>
                  <dt>{t('newCustomer.address')}</dt>
                  <dd>{[buyer.address.street, `${buyer.address.postalCode} ${buyer.address.city}`.trim()].filter(Boolean).join(', ')}</dd>
                </>
              )}
              <dt>{t('newCustomer.grade')}</dt>
              <dd>{buyer.grade === undefined ? t('newCustomer.gradeUnknown') : t('newCustomer.gradeValue', { grade: buyer.grade })}</dd>
              <dt>{t('newCustomer.cover')}</dt>
              <dd>{buyer.covers.length === 0 ? t('newCustomer.noCover') : buyer.covers.map((cover) => t('newCustomer.coverValue', { amount: format.money(money(cover.amountMinor, cover.currency)), status: tLimits(`stateInSentence.${cover.status}`) })).join('; ')}</dd>
            </dl>
          ) : (
            <p role="status">{t('newCustomer.unknownToInsurer')}</p>
          )}
          {buyer && (connection?.capabilities.checkRequests.length ?? 0) > 0 && (
            <div className="new-customer-requests">
              <p className="note" id={`${id}-requests-hint`}>{t('newCustomer.requests.hint')}</p>
              <div className="button-row">
                {connection!.capabilities.checkRequests.map((kind) => (
                  <button key={kind} type="button" className="button" disabled={isBusy} aria-describedby={`${id}-requests-hint`} onClick={() => void requestCheck(kind)}>
                    {t(`newCustomer.requests.${kind}`)}
                  </button>
                ))}
              </div>
              {answer && ('error' in answer ? (
                <p role="alert" className="error-text">{answer.error}</p>
              ) : (
                <p role="status" data-testid="check-answer">
                  {t(`newCustomer.answers.${answer.answer.outcome}`, { grade: answer.answer.grade, amount: answer.answer.cover ? format.money(money(answer.answer.cover.amountMinor, answer.answer.cover.currency)) : '' })}
                  {answer.answer.outcome !== 'GRADED' && answer.answer.grade !== undefined && ` ${t('newCustomer.answers.withGrade', { grade: answer.answer.grade })}`}
                </p>
              ))}
            </div>
          )}
          <h3>{t('newCustomer.knownTitle')}</h3>
          {checked.known.length === 0 ? (
            <p>{t('newCustomer.notKnown')}</p>
          ) : (
            <ul data-testid="known-debtors">
              {checked.known.map((known) => (
                <li key={known.debtorId}>
                  {t('newCustomer.knownDebtor', {
                    name: known.name,
                    code: known.customerCode,
                    open: format.money(money(known.openMinor, known.currency)),
                    days: known.maxDaysOverdue,
                    dunning: known.dunningStep ? tDunning(`steps.${known.dunningStep}`) : t('newCustomer.noDunning'),
                  })}{' '}
                  <button type="button" className="button button-small" onClick={() => openDebtor(known.debtorId)}>
                    {t('newCustomer.openDebtor', { code: known.customerCode })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form
            className="form-grid"
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <label>
              <span>{t('newCustomer.customerCode')}</span>
              <input type="text" required value={customerCode} onChange={(event) => setCustomerCode(event.target.value)} />
            </label>
            <label>
              <span>{t('newCustomer.name')}</span>
              <input type="text" required value={name} onChange={(event) => setName(event.target.value)} />
            </label>
            <label>
              <span>{t('newCustomer.terms')}</span>
              <input type="text" inputMode="numeric" value={terms} onChange={(event) => setTerms(event.target.value)} />
            </label>
            <label>
              <span>{t('newCustomer.limit', { currency })}</span>
              <input type="text" inputMode="decimal" value={limit} onChange={(event) => setLimit(event.target.value)} aria-describedby={`${id}-limit-hint`} />
            </label>
            <p id={`${id}-limit-hint`} className="note">{t('newCustomer.limitHint')}</p>
            {checked.known.length > 0 && (
              <label className="checkbox-row" style={{ display: "flex" }}>
                <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
                <span>{t('newCustomer.confirmSecond')}</span>
              </label>
            )}
            <button type="submit" className="button button-primary" disabled={isBusy || created !== undefined || (checked.known.length > 0 && !confirmed)}>
              {t('newCustomer.create')}
            </button>
          </form>
        </div>
      )}
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'error-text' : 'note'}>
          {message.text}
        </p>
      )}
      {created && (
        <button type="button" className="button" onClick={() => openDebtor(created)}>
          {t('newCustomer.openCreated')}
        </button>
      )}
    </section>
  );
}
