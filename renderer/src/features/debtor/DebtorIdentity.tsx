import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredDebtor } from '../../data/db/schema';
import { useCountryName, useLanguageName } from '../../i18n/use-country-name';
import { useFormat } from '../../i18n/use-format';
import { useNavigationStore } from '../../app/navigation-store';
import { DebtorMasterDataForm } from './DebtorMasterDataForm';
import { DebtorSettingsForm } from './DebtorSettingsForm';

/** Who the debtor is: identifiers, address, terms, letter language and law, and the people to talk to. */
export function DebtorIdentity({ debtor }: { readonly debtor: StoredDebtor }) {
  const { t } = useTranslation('debtor');
  const format = useFormat();
  const countryName = useCountryName();
  const languageName = useLanguageName();
  const [isEditing, setEditing] = useState(false);
  // Opened from the worklist's "Add address or e-mail": straight to the contacts and addresses form.
  const [isEditingMasterData, setEditingMasterData] = useState(() => useNavigationStore.getState().debtorSection === 'masterData');
  // What debtors merged into this one were known by: imports under those codes and numbers land here.
  const aliases = debtor.aliases;
  const aliasFacts: [string, string][] = aliases
    ? [
        ...(aliases.names.length > 0 ? [[t('identity.aliases.names'), aliases.names.join(', ')] as [string, string]] : []),
        ...(aliases.customerCodes.length > 0 ? [[t('identity.aliases.customerCodes'), aliases.customerCodes.join(', ')] as [string, string]] : []),
        ...aliases.identifiers.map((identifier): [string, string] => [t('identity.aliases.identifier', { type: t(`identity.identifierTypes.${identifier.type}`) }), identifier.value]),
        ...(aliases.insurerBuyerIds.length > 0 ? [[t('identity.aliases.insurerBuyerIds'), aliases.insurerBuyerIds.join(', ')] as [string, string]] : []),
      ]
    : [];
  const displayName = (contact: StoredDebtor['contacts'][number]) => (contact.title ? `${t(`masterData.titles.${contact.title}`)} ${contact.name}` : contact.name);
  const facts: [string, string][] = [
    [t('identity.customerCode'), debtor.customerCode],
    ...debtor.identifiers.map((identifier): [string, string] => [t(`identity.identifierTypes.${identifier.type}`), identifier.value]),
    ...(debtor.insurerBuyerId ? [[t('identity.insurerBuyerId'), debtor.insurerBuyerId] as [string, string]] : []),
    ...aliasFacts,
    [t('identity.country'), countryName(debtor.country)],
    [t('identity.currency'), debtor.currency],
    [t('identity.paymentTerms'), t('identity.days', { count: debtor.paymentTermsDays, formatted: format.number(debtor.paymentTermsDays) })],
    [t('identity.segment'), debtor.segment || '–'],
    [t('identity.language'), languageName(debtor.language)],
    [t('identity.law'), t(`identity.laws.${debtor.jurisdiction}`)],
    [t('identity.grade'), debtor.grade ? t('identity.gradeValue', { grade: format.number(debtor.grade.value), date: format.date(debtor.grade.updatedOn) }) : '–'],
    [t('identity.customerSince'), format.date(debtor.createdOn)],
  ];
  const address = debtor.address;
  const invoiceAddress = debtor.invoiceAddress;
  const addressText = (value: NonNullable<typeof address>) => `${value.street}, ${value.postalCode} ${value.city}, ${countryName(value.country)}`;
  return (
    <section className="panel" aria-labelledby="identity-title">
      <div className="section-heading">
        <h2 id="identity-title" className="section-title">{t('identity.title')}</h2>
        {!isEditing && !isEditingMasterData && (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setEditing(true)}>{t('settings.edit')}</button>
            <button type="button" className="button" onClick={() => setEditingMasterData(true)}>{t('masterData.edit')}</button>
          </div>
        )}
      </div>
      {isEditingMasterData && <DebtorMasterDataForm debtor={debtor} onDone={() => setEditingMasterData(false)} />}
      {isEditing && <DebtorSettingsForm debtor={debtor} onDone={() => setEditing(false)} />}
      <dl className="facts" hidden={isEditing || isEditingMasterData}>
        {facts.map(([term, value], index) => (
          <div key={`${term}-${index}`}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {address && (
          <div>
            <dt>{t('identity.address')}</dt>
            <dd>{addressText(address)}</dd>
          </div>
        )}
        {invoiceAddress && (
          <div>
            <dt>{t('masterData.invoiceAddress')}</dt>
            <dd>{addressText(invoiceAddress)}</dd>
          </div>
        )}
      </dl>
      <h3 className="subsection-title">{t('identity.contacts')}</h3>
      {debtor.contacts.length === 0 ? (
        <p className="note">{t('identity.noContacts')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table compact" aria-label={t('identity.contacts')}>
            <thead>
              <tr>
                <th scope="col">{t('identity.contactName')}</th>
                <th scope="col">{t('identity.role')}</th>
                <th scope="col">{t('identity.email')}</th>
                <th scope="col">{t('identity.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {debtor.contacts.map((contact) => (
                <tr key={`${contact.name}-${contact.email}`}>
                  <td>{contact.receivesReminders ? t('masterData.reminders', { name: displayName(contact) }) : contact.isPrimary ? t('identity.primary', { name: displayName(contact) }) : displayName(contact)}</td>
                  <td>{contact.role}</td>
                  <td>{contact.email}</td>
                  <td>{contact.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
