import type { LetterCreditor } from '../../letters/dunning-letter';
import type { KredoDb } from '../db/kredo-db';

/** Where the letterhead is kept in the meta table (as JSON text). */
export const CREDITOR_KEY = 'creditor';

/**
 * The demo company's letterhead: a Dutch seller invoicing Dutch, Swedish and British customers. The
 * registration and bank numbers are the banks' published example numbers, valid in form and nobody's.
 */
export const DEMO_CREDITOR: LetterCreditor = {
  name: 'Kredo Demo B.V.',
  addressLines: ['Keizersgracht 100', '1015 AA Amsterdam', 'Nederland'],
  country: 'NL',
  registration: { scheme: 'kvk', number: '12345678' },
  vatNumber: 'NL123456782B01',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  bankgiro: '5050-1055',
  email: 'debiteuren@demo.kredo.invalid',
  phone: '+31 20 555 0100',
};

export async function loadCreditor(db: KredoDb): Promise<LetterCreditor> {
  const stored = (await db.meta.get(CREDITOR_KEY))?.value;
  return typeof stored === 'string' ? (JSON.parse(stored) as LetterCreditor) : DEMO_CREDITOR;
}
