import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_TITLES, type Contact, type ContactTitle, type PostalAddress } from '../../../../shared/domain/debtors/debtor';
import { nameParts } from '../../../../shared/domain/debtors/debtor-master-data';
import { useClock } from '../../app/app-clock';
import { useCheckedSave } from '../../components/use-checked-save';
import { useFieldProblems } from '../../components/use-field-problems';
import { dataWorker } from '../../data/data-client';
import type { StoredDebtor } from '../../data/db/schema';
import { kredo } from '../../platform/kredo-api';

interface ContactRow {
  readonly title: ContactTitle | '';
  readonly givenName: string;
  readonly surname: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
  readonly isPrimary: boolean;
  readonly receivesReminders: boolean;
}
type AddressRow = { readonly [K in keyof PostalAddress]: string };

const CONTACT_FIELDS = ['givenName', 'surname', 'role', 'email', 'phone'] as const;
const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'country'] as const;
const ADDRESS_KINDS = ['address', 'invoiceAddress'] as const;
const emptyAddress = (country: string): AddressRow => ({ street: '', postalCode: '', city: '', country });
const rowOf = (contact: Contact): ContactRow => ({ title: contact.title ?? '', ...nameParts(contact), role: contact.role, email: contact.email, phone: contact.phone, isPrimary: contact.isPrimary, receivesReminders: contact.receivesReminders ?? false });
const isBlank = (address: AddressRow) => ADDRESS_FIELDS.every((field) => field === 'country' || address[field].trim() === '');

/**
 * The debtor's contacts (title, name, role, e-mail, phone, who receives reminders) and its postal and
 * invoice addresses, as the controller corrects them. The data worker checks each field; a problem is
 * shown next to its field and nothing is saved. Imports leave what is saved here (edited by hand).
 */
export function DebtorMasterDataForm({ debtor, onDone }: { readonly debtor: StoredDebtor; readonly onDone: () => void }) {
  const { t } = useTranslation('debtor');
  const clock = useClock();
  const first = useRef<HTMLSelectElement>(null);
  const [contacts, setContacts] = useState<readonly ContactRow[]>(() => debtor.contacts.map(rowOf));
  const [address, setAddress] = useState<AddressRow>(() => debtor.address ?? emptyAddress(debtor.country));
  const [invoiceAddress, setInvoiceAddress] = useState<AddressRow>(() => debtor.invoiceAddress ?? emptyAddress(debtor.country));
  useEffect(() => first.current?.focus(), []);
  const { errors, failure, isSaving, save } = useCheckedSave(async () => {
    const data = {
      contacts: contacts.map(({ title, ...contact }) => ({ ...contact, ...(title && { title }) })),
      ...(!isBlank(address) && { address }),
      ...(!isBlank(invoiceAddress) && { invoiceAddress }),
    };
    const { homeCurrency } = await kredo.importGetSettings();
    return dataWorker().saveDebtorMasterData({ debtorId: debtor.id, data, today: clock.today(), at: clock.now().toISOString(), homeCurrency });
  }, onDone);

  const paths: Record<string, string> = { contacts: 'contacts' };
  contacts.forEach((_contact, index) => CONTACT_FIELDS.forEach((field) => (paths[`contacts.${index}.${field}`] = `contacts.${index}.${field}`)));
  for (const kind of ['address', 'invoiceAddress'] as const) for (const field of ADDRESS_FIELDS) paths[`${kind}.${field}`] = `${kind}.${field}`;
  const field = useFieldProblems(errors, paths, (error) => t(`masterData.errors.${error.code}`, { ...error.params, defaultValue: t('masterData.errors.invalid') }));

  const setContact = (index: number, change: Partial<ContactRow>) => setContacts((current) => current.map((contact, at) => (at === index ? { ...contact, ...change } : change.receivesReminders ? { ...contact, receivesReminders: false } : contact)));

  const addressFields = (kind: 'address' | 'invoiceAddress', value: AddressRow, set: (next: AddressRow) => void) => (
    <fieldset className="debtor-settings">
      <legend>{t(kind === 'address' ? 'masterData.postal' : 'masterData.invoice')}</legend>
      {ADDRESS_FIELDS.map((name) => (
        <label key={name} className="policy-field">
          <span>{t(`masterData.${name}`)}</span>
          <input value={value[name]} maxLength={name === 'country' ? 2 : undefined} onChange={(event) => set({ ...value, [name]: event.target.value })} {...field[`${kind}.${name}`]!.props} />
          {field[`${kind}.${name}`]!.message}
        </label>
      ))}
    </fieldset>
  );

  const postalFields = addressFields(ADDRESS_KINDS[0], address, setAddress);
  const invoiceFields = addressFields(ADDRESS_KINDS[1], invoiceAddress, setInvoiceAddress);

  return (
    <form
      className="master-data-form"
      aria-label={t('masterData.title')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {contacts.map((contact, index) => (
        <fieldset key={index} className="debtor-settings">
          <legend>{t('masterData.contact', { number: index + 1 })}</legend>
          <label className="policy-field">
            <span>{t('masterData.salutation')}</span>
            <select ref={index === 0 ? first : undefined} value={contact.title} onChange={(event) => setContact(index, { title: CONTACT_TITLES.find((title) => title === event.target.value) ?? '' })}>
              <option value="">{t('masterData.titles.none')}</option>
              {CONTACT_TITLES.map((title) => <option key={title} value={title}>{t(`masterData.titles.${title}`)}</option>)}
            </select>
          </label>
          {CONTACT_FIELDS.map((name) => (
            <label key={name} className="policy-field">
              <span>{t(`masterData.${name}`)}</span>
              <input type={name === 'email' ? 'email' : name === 'phone' ? 'tel' : 'text'} value={contact[name]} onChange={(event) => setContact(index, { [name]: event.target.value })} {...field[`contacts.${index}.${name}`]!.props} />
              {field[`contacts.${index}.${name}`]!.message}
            </label>
          ))}
          <label className="checkbox-label">
            <input type="radio" name="receives-reminders" checked={contact.receivesReminders} onChange={() => setContact(index, { receivesReminders: true })} />
            {t('masterData.receivesReminders')}
          </label>
          <button type="button" className="button button-small" onClick={() => setContacts((current) => current.filter((_contact, at) => at !== index))}>{t('masterData.removeContact', { number: index + 1 })}</button>
        </fieldset>
      ))}
      {field.contacts!.message}
      <div className="button-row">
        <button type="button" className="button" onClick={() => setContacts((current) => [...current, { title: '', givenName: '', surname: '', role: '', email: '', phone: '', isPrimary: current.length === 0, receivesReminders: false }])}>{t('masterData.addContact')}</button>
      </div>
      {postalFields}
      {invoiceFields}
      <p className="note">{t('masterData.hint')}</p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={isSaving}>{t('masterData.save')}</button>
        <button type="button" className="button" onClick={onDone}>{t('masterData.cancel')}</button>
      </div>
      {failure && <p role="alert" className="error-text">{failure}</p>}
    </form>
  );
}
