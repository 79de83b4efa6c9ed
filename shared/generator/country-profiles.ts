import type { Language } from '../i18n/languages';

/**
 * What makes a generated debtor look Dutch, Swedish or British: firm names built from common surnames and
 * trades, real cities and street patterns, phone and postal-code formats, the currency, VAT rate, usual
 * payment terms and the letter language. The firms are fictitious.
 */
export type GeneratedCountry = 'NL' | 'SE' | 'GB';

export interface CountryProfile {
  readonly currency: 'EUR' | 'SEK' | 'GBP';
  /** How many units of this currency a euro of business is worth, roughly (amounts look native). */
  readonly amountScale: number;
  readonly vatBp: number;
  readonly language: Language;
  readonly paymentTerms: readonly number[];
  readonly legalForms: readonly string[];
  readonly surnames: readonly string[];
  readonly trades: readonly string[];
  readonly cities: readonly { readonly name: string; readonly postalPrefix: string; readonly phonePrefix: string }[];
  readonly streets: readonly string[];
  readonly firstNames: readonly string[];
  readonly roles: readonly string[];
  readonly banks: readonly string[];
}

export const COUNTRY_PROFILES: Readonly<Record<GeneratedCountry, CountryProfile>> = {
  NL: {
    currency: 'EUR',
    amountScale: 1,
    vatBp: 2100,
    language: 'nl',
    paymentTerms: [14, 30, 30, 30, 45, 60],
    legalForms: ['B.V.', 'B.V.', 'B.V.', 'Holding B.V.', 'V.O.F.', 'N.V.'],
    surnames: ['De Jong', 'Jansen', 'De Vries', 'Van den Berg', 'Van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder', 'De Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Van Leeuwen', 'Dekker', 'Brouwer', 'De Wit', 'Dijkstra', 'Smits', 'De Graaf', 'Van der Meer', 'Van der Linden', 'Kok', 'Jacobs', 'De Haan', 'Vermeulen', 'Van den Heuvel', 'Van der Veen', 'Van den Broek', 'De Bruijn', 'Hoekstra', 'Koster', 'Prins', 'Blom', 'Huisman', 'Kuipers'],
    trades: ['Logistiek', 'Bouw', 'Installatietechniek', 'Groothandel', 'Metaalbewerking', 'Voedingsmiddelen', 'Transport', 'Tuinbouw', 'Verpakkingen', 'Elektrotechniek', 'Kunststoffen', 'Bouwmaterialen', 'Machinebouw', 'Catering', 'Drukkerij'],
    cities: [
      { name: 'Rotterdam', postalPrefix: '30', phonePrefix: '+31 10' },
      { name: 'Amsterdam', postalPrefix: '10', phonePrefix: '+31 20' },
      { name: 'Utrecht', postalPrefix: '35', phonePrefix: '+31 30' },
      { name: 'Eindhoven', postalPrefix: '56', phonePrefix: '+31 40' },
      { name: 'Groningen', postalPrefix: '97', phonePrefix: '+31 50' },
      { name: 'Tilburg', postalPrefix: '50', phonePrefix: '+31 13' },
      { name: 'Zwolle', postalPrefix: '80', phonePrefix: '+31 38' },
      { name: 'Venlo', postalPrefix: '59', phonePrefix: '+31 77' },
      { name: 'Apeldoorn', postalPrefix: '73', phonePrefix: '+31 55' },
      { name: 'Breda', postalPrefix: '48', phonePrefix: '+31 76' },
    ],
    streets: ['Industrieweg', 'Havenstraat', 'Nijverheidsweg', 'Stationsweg', 'Kanaalweg', 'Handelskade', 'Ambachtsweg', 'Energieweg'],
    firstNames: ['Sanne', 'Jeroen', 'Marieke', 'Bas', 'Esther', 'Thijs', 'Anouk', 'Ruud', 'Linda', 'Mark'],
    roles: ['Crediteurenadministratie', 'Financieel directeur', 'Inkoop', 'Boekhouding'],
    banks: ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO'],
  },
  SE: {
    currency: 'SEK',
    amountScale: 11,
    vatBp: 2500,
    language: 'sv',
    paymentTerms: [10, 20, 30, 30, 30, 45],
    legalForms: ['AB', 'AB', 'AB', 'Handelsbolag', 'Holding AB'],
    surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Lindqvist', 'Berg', 'Holm', 'Sjöberg', 'Åkesson', 'Nyström', 'Ekström', 'Lundgren', 'Dahl', 'Forsberg', 'Hedlund', 'Sandberg', 'Björk', 'Wallin'],
    trades: ['Bygg', 'Trävaror', 'Transport', 'Verkstad', 'Livsmedel', 'Elteknik', 'Plåt', 'Måleri', 'Maskin', 'Emballage', 'Byggvaror', 'VVS', 'Grafiska', 'Skog', 'Kyl'],
    cities: [
      { name: 'Stockholm', postalPrefix: '11', phonePrefix: '+46 8' },
      { name: 'Göteborg', postalPrefix: '41', phonePrefix: '+46 31' },
      { name: 'Malmö', postalPrefix: '21', phonePrefix: '+46 40' },
      { name: 'Uppsala', postalPrefix: '75', phonePrefix: '+46 18' },
      { name: 'Västerås', postalPrefix: '72', phonePrefix: '+46 21' },
      { name: 'Örebro', postalPrefix: '70', phonePrefix: '+46 19' },
      { name: 'Linköping', postalPrefix: '58', phonePrefix: '+46 13' },
      { name: 'Jönköping', postalPrefix: '55', phonePrefix: '+46 36' },
      { name: 'Umeå', postalPrefix: '90', phonePrefix: '+46 90' },
      { name: 'Sundsvall', postalPrefix: '85', phonePrefix: '+46 60' },
    ],
    streets: ['Industrigatan', 'Hamngatan', 'Verkstadsvägen', 'Storgatan', 'Fabriksgatan', 'Lagervägen', 'Kungsgatan', 'Järnvägsgatan'],
    firstNames: ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Sara', 'Anders', 'Emma', 'Per'],
    roles: ['Ekonomiavdelningen', 'Ekonomichef', 'Inköp', 'Leverantörsreskontra'],
    banks: ['5000', '6000', '8000', '3000', '9500'],
  },
  GB: {
    currency: 'GBP',
    amountScale: 0.86,
    vatBp: 2000,
    language: 'en',
    paymentTerms: [30, 30, 30, 45, 60, 60],
    legalForms: ['Ltd', 'Ltd', 'Ltd', 'Limited', 'PLC', 'LLP'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Harrington', 'Whitfield', 'Ashworth', 'Pemberton', 'Caldwell', 'Fairbairn', 'Thornton', 'Hollis', 'Barlow', 'Kendrick'],
    trades: ['Foods', 'Engineering', 'Packaging', 'Haulage', 'Building Supplies', 'Textiles', 'Fabrications', 'Electrical', 'Print', 'Joinery', 'Plastics', 'Logistics', 'Timber', 'Catering Supplies', 'Precision Tools'],
    cities: [
      { name: 'London', postalPrefix: 'EC1', phonePrefix: '+44 20' },
      { name: 'Manchester', postalPrefix: 'M1', phonePrefix: '+44 161' },
      { name: 'Birmingham', postalPrefix: 'B1', phonePrefix: '+44 121' },
      { name: 'Leeds', postalPrefix: 'LS1', phonePrefix: '+44 113' },
      { name: 'Bristol', postalPrefix: 'BS1', phonePrefix: '+44 117' },
      { name: 'Sheffield', postalPrefix: 'S1', phonePrefix: '+44 114' },
      { name: 'Leicester', postalPrefix: 'LE1', phonePrefix: '+44 116' },
      { name: 'Nottingham', postalPrefix: 'NG1', phonePrefix: '+44 115' },
      { name: 'Newcastle upon Tyne', postalPrefix: 'NE1', phonePrefix: '+44 191' },
      { name: 'Glasgow', postalPrefix: 'G1', phonePrefix: '+44 141' },
    ],
    streets: ['Station Road', 'Mill Lane', 'Park Road', 'Church Street', 'Victoria Road', 'Trading Estate', 'Canal Street', 'Commercial Road'],
    firstNames: ['Oliver', 'Emily', 'James', 'Sophie', 'Harry', 'Charlotte', 'Thomas', 'Hannah', 'George', 'Lucy'],
    roles: ['Accounts Payable', 'Finance Director', 'Purchasing', 'Credit Manager'],
    banks: ['NWBK', 'BARC', 'LOYD', 'HBUK', 'MIDL'],
  },
};
