import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declarablePeriods, parsePeriod, type DeclarationFrequency } from '../../../../../shared/domain/turnover/declaration-period';
import { countryNamer } from '../../../../../shared/format/country-name';
import { DIALECT_TURNOVER_DECLARATIONS, type InsurerDialect } from '../../../../../shared/sync/insurer-dialect';
import { useClock } from '../../../app/app-clock';
import { exportFileName, saveExportFile } from '../../../components/ExportButtons';
import { dataWorker } from '../../../data/data-client';
import { uiDb } from '../../../data/queries/ui-db';
import type { TurnoverPreparation } from '../../../data/turnover/turnover-declarations';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useFormat } from '../../../i18n/use-format';
import { useLanguage } from '../../../i18n/use-language';
import { kredo } from '../../../platform/kredo-api';
import { turnoverExportTable } from './turnover-table';

type Step = { readonly kind: 'choose' } | { readonly kind: 'busy' } | { readonly kind: 'review'; readonly preparation: TurnoverPreparation } | { readonly kind: 'confirm'; readonly preparation: TurnoverPreparation };

/**
 * The turnover (sales) declaration the policy asks for (issue 18 item 4): the controller picks an ended month
 * or quarter, Kredo computes it from the ledger per country of the buyer, the controller reviews the lines and
 * the total, then sends it (canonical API) or saves the file for the insurer's portal (Atradius, Allianz Trade:
 * no public API). Every version is kept; a second send of a period is a correction.
 */
export function TurnoverDeclarationSection({ dialect }: { readonly dialect: InsurerDialect }) {
  const { t } = useTranslation('sync');
  const format = useFormat();
  const { language, formatLocale } = useLanguage();
  const errorMessage = useErrorMessage();
  const clock = useClock();
  const today = clock.today();
  const way = DIALECT_TURNOVER_DECLARATIONS[dialect];
  const policy = useLiveQuery(async () => (await uiDb.policies.toArray())[0] as { readonly turnoverDeclarationFrequency?: DeclarationFrequency } | undefined, []);
  const history = useLiveQuery(async () => [...(await uiDb.turnoverDeclarations.toArray())].sort((a, b) => (a.period === b.period ? b.version - a.version : a.period < b.period ? 1 : -1)), []);
  const [chosenFrequency, setChosenFrequency] = useState<DeclarationFrequency>('monthly');
  const frequency = policy?.turnoverDeclarationFrequency ?? chosenFrequency;
  const periods = useMemo(() => declarablePeriods(today, frequency, frequency === 'monthly' ? 12 : 8), [today, frequency]);
  const [period, setPeriod] = useState<string>();
  const periodId = period && parsePeriod(period)?.frequency === frequency ? period : periods[0]!.id;
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [message, setMessage] = useState<{ readonly kind: 'done' | 'failed'; readonly text: string }>();
  const countryName = useMemo(() => countryNamer(formatLocale, t('turnover.unknownCountry')), [formatLocale, t]);
  const periodName = (id: string) => {
    const parsed = parsePeriod(id);
    if (!parsed) return id;
    if (parsed.frequency === 'quarterly') return t('turnover.quarter', { quarter: id.slice(6), year: id.slice(0, 4) });
    return new Intl.DateTimeFormat(formatLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${parsed.from}T00:00:00Z`));
  };

  const prepare = async () => {
    setStep({ kind: 'busy' });
    setMessage(undefined);
    try {
      setStep({ kind: 'review', preparation: await dataWorker().prepareTurnoverDeclaration({ period: periodId }) });
    } catch (error) {
      setStep({ kind: 'choose' });
      setMessage({ kind: 'failed', text: errorMessage(error) });
    }
  };

  const send = async (preparation: TurnoverPreparation) => {
    setStep({ kind: 'busy' });
    const at = clock.now().toISOString();
    try {
      const { record, submission } = await dataWorker().beginTurnoverSend({ period: preparation.draft.period.id, at, mode: 'send' });
      const receipt = await kredo.insurerDeclareTurnover(submission);
      await dataWorker().recordTurnoverReceipt({ id: record.id, receipt, at: clock.now().toISOString() });
      const premium = receipt.premiumMinor === null ? '' : ` ${t('turnover.premium', { amount: format.money({ amountMinor: receipt.premiumMinor, currency: receipt.currency }) })}`;
      setMessage({ kind: 'done', text: `${t(receipt.correctionOf ? 'turnover.correctionSent' : 'turnover.sent', { period: periodName(receipt.period), version: receipt.version })}${premium}` });
      setStep({ kind: 'choose' });
    } catch (error) {
      // The version stays kept as "sending": Send again repeats it under the same key, so the insurer books it once.
      setMessage({ kind: 'failed', text: `${errorMessage(error)} ${t('turnover.sendAgain')}` });
      setStep({ kind: 'confirm', preparation });
    }
  };

  const saveForPortal = async (preparation: TurnoverPreparation) => {
    setStep({ kind: 'busy' });
    try {
      const { draft } = preparation;
      const headers = { period: t('turnover.columns.period'), country: t('turnover.columns.countryCode'), countryName: t('turnover.columns.country'), invoices: t('turnover.columns.invoices'), creditNotes: t('turnover.columns.creditNotes'), invoiced: t('turnover.columns.invoiced'), credited: t('turnover.columns.credited'), declared: t('turnover.columns.declared') };
      const table = turnoverExportTable({ title: t('turnover.title'), period: draft.period.id, currency: draft.currency, lines: draft.lines, headers, countryName });
      const savedTo = await saveExportFile('csv', exportFileName(t('turnover.title'), draft.period.id), await dataWorker().buildExport({ table, format: 'csv', language }));
      if (savedTo) {
        await dataWorker().beginTurnoverSend({ period: draft.period.id, at: clock.now().toISOString(), mode: 'export' });
        setMessage({ kind: 'done', text: t('turnover.exported', { path: savedTo }) });
      }
      setStep(savedTo ? { kind: 'choose' } : { kind: 'confirm', preparation });
    } catch (error) {
      setMessage({ kind: 'failed', text: errorMessage(error) });
      setStep({ kind: 'confirm', preparation });
    }
  };

  const shown = step.kind === 'review' || step.kind === 'confirm' ? step.preparation : undefined;
  const money = (amountMinor: number, currency: string) => format.money({ amountMinor, currency });
  return (
    <section className="panel" aria-labelledby="turnover-title" data-testid="turnover-declaration">
      <h2 id="turnover-title" className="section-title">{t('turnover.title')}</h2>
      <p className="note">{t('turnover.intro')}</p>
      <p className="note" data-testid="turnover-way">{way === 'api' ? t('turnover.viaApi') : t(`turnover.viaPortal.${dialect === 'allianz' ? 'allianz' : 'atradius'}`)}</p>
      <div className="inline-form">
        {policy?.turnoverDeclarationFrequency ? (
          <p className="note">{t(`turnover.policyFrequency.${policy.turnoverDeclarationFrequency}`)}</p>
        ) : (
          <label>
            {t('turnover.frequency')}
            <select value={chosenFrequency} onChange={(event) => setChosenFrequency(event.target.value as DeclarationFrequency)} disabled={step.kind === 'busy'}>
              <option value="monthly">{t('turnover.monthly')}</option>
              <option value="quarterly">{t('turnover.quarterly')}</option>
            </select>
          </label>
        )}
        <label>
          {t('turnover.period')}
          <select value={periodId} onChange={(event) => { setPeriod(event.target.value); setStep({ kind: 'choose' }); }} disabled={step.kind === 'busy'}>
            {periods.map((option) => <option key={option.id} value={option.id}>{periodName(option.id)}</option>)}
          </select>
        </label>
        <button type="button" className="button" onClick={() => void prepare()} disabled={step.kind === 'busy'}>{t('turnover.prepare')}</button>
      </div>
      {shown && (
        <>
          <table className="data-table compact" data-testid="turnover-lines">
            <caption>{t('turnover.linesCaption', { period: periodName(shown.draft.period.id), from: format.date(shown.draft.period.from), to: format.date(shown.draft.period.to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('turnover.columns.country')}</th>
                <th scope="col" className="number">{t('turnover.columns.invoices')}</th>
                <th scope="col" className="number">{t('turnover.columns.creditNotes')}</th>
                <th scope="col" className="number">{t('turnover.columns.invoiced')}</th>
                <th scope="col" className="number">{t('turnover.columns.credited')}</th>
                <th scope="col" className="number">{t('turnover.columns.declared')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.draft.lines.map((line) => (
                <tr key={line.country}>
                  <td>{countryName(line.country)}</td>
                  <td className="number">{format.number(line.invoiceCount)}</td>
                  <td className="number">{format.number(line.creditNoteCount)}</td>
                  <td className="number">{money(line.invoicedMinor, shown.draft.currency)}</td>
                  <td className="number">{money(line.creditedMinor, shown.draft.currency)}</td>
                  <td className="number">{money(line.amountMinor, shown.draft.currency)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>{t('turnover.total')}</th>
                <td className="number" data-testid="turnover-total">{money(shown.draft.totalMinor, shown.draft.currency)}</td>
              </tr>
            </tfoot>
          </table>
          {shown.draft.lines.length === 0 && <p className="note">{t('turnover.nothing')}</p>}
          {shown.draft.cashSalesExcluded > 0 && <p className="note">{t('turnover.cashSalesExcluded', { count: shown.draft.cashSalesExcluded })}</p>}
          {shown.draft.missingRates.length > 0 && (
            <div role="alert" className="error-text" data-testid="turnover-missing-rates">
              <p>{t('turnover.missingRates')}</p>
              <ul>
                {shown.draft.missingRates.map((missing) => (
                  <li key={missing.currency}>{t('turnover.missingRate', { currency: missing.currency, date: format.date(missing.firstDate), count: missing.itemCount, amount: money(missing.amountMinor, missing.currency) })}</li>
                ))}
              </ul>
            </div>
          )}
          {shown.versions[0] && <p className="note">{shown.versions[0].state === 'sending' ? t('turnover.declaredUnanswered', { version: shown.versions[0].version }) : t('turnover.declaredBefore', { version: shown.versions[0].version, next: shown.versions[0].version + 1 })}</p>}
          {step.kind === 'review' && shown.draft.complete && (
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => setStep({ kind: 'confirm', preparation: shown })}>{t('turnover.review')}</button>
            </div>
          )}
          {step.kind === 'confirm' && (
            <div data-testid="turnover-confirm">
              <p>{t(way === 'api' ? 'turnover.confirmSend' : 'turnover.confirmExport', { period: periodName(shown.draft.period.id), total: money(shown.draft.totalMinor, shown.draft.currency), count: shown.draft.lines.length })}</p>
              <div className="button-row">
                {way === 'api' ? (
                  <button type="button" className="button button-primary" onClick={() => void send(shown)}>{t('turnover.send')}</button>
                ) : (
                  <button type="button" className="button button-primary" onClick={() => void saveForPortal(shown)}>{t('turnover.saveForPortal')}</button>
                )}
                <button type="button" className="button" onClick={() => setStep({ kind: 'review', preparation: shown })}>{t('turnover.back')}</button>
              </div>
            </div>
          )}
        </>
      )}
      {message && <p role={message.kind === 'failed' ? 'alert' : 'status'} className={message.kind === 'failed' ? 'error-text' : 'note'} data-testid="turnover-message">{message.text}</p>}
      {history && history.length > 0 && (
        <table className="data-table compact" data-testid="turnover-history">
          <caption>{t('turnover.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('turnover.columns.period')}</th>
              <th scope="col" className="number">{t('turnover.columns.version')}</th>
              <th scope="col">{t('turnover.columns.state')}</th>
              <th scope="col" className="number">{t('turnover.columns.declared')}</th>
              <th scope="col" className="number">{t('turnover.columns.premium')}</th>
              <th scope="col">{t('turnover.columns.when')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((record) => (
              <tr key={record.id}>
                <td>{periodName(record.period)}</td>
                <td className="number">{format.number(record.version)}</td>
                <td>{t(`turnover.state.${record.state}`)}</td>
                <td className="number">{money(record.totalMinor, record.currency)}</td>
                <td className="number">{record.receipt && record.receipt.premiumMinor !== null ? money(record.receipt.premiumMinor, record.receipt.currency) : '–'}</td>
                <td>{format.dateTime(new Date(record.sentAt ?? record.preparedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
