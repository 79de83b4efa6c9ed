import { describe, expect, it } from 'vitest';
import { postalAddressLines } from './postal-address';

const fromNl = { senderCountry: 'NL' };

describe('postalAddressLines', () => {
  it('writes a Dutch address from the Netherlands the PostNL way, without a country line', () => {
    expect(postalAddressLines({ street: 'Industrieweg 12', postalCode: '3512 AB', city: 'Utrecht', country: 'NL' }, fromNl)).toEqual(['Industrieweg 12', '3512 AB  UTRECHT']);
    // A postcode stored without its space, or in small letters, is printed as PostNL writes it.
    expect(postalAddressLines({ street: 'Havenstraat 3', postalCode: '9711ab', city: 'Groningen', country: 'NL' }, fromNl)).toEqual(['Havenstraat 3', '9711 AB  GRONINGEN']);
  });

  it('writes a Swedish address from the Netherlands the PostNord way, ending with SWEDEN', () => {
    expect(postalAddressLines({ street: 'Hamngatan 7', postalCode: '411 10', city: 'Göteborg', country: 'SE' }, fromNl)).toEqual(['Hamngatan 7', '411 10  GÖTEBORG', 'SWEDEN']);
    expect(postalAddressLines({ street: 'Storgatan 1', postalCode: '11122', city: 'Stockholm', country: 'SE' }, fromNl)).toEqual(['Storgatan 1', '111 22  STOCKHOLM', 'SWEDEN']);
  });

  it('writes a Swedish address from Sweden without a country line', () => {
    expect(postalAddressLines({ street: 'Hamngatan 7', postalCode: '411 10', city: 'Göteborg', country: 'SE' }, { senderCountry: 'SE' })).toEqual(['Hamngatan 7', '411 10  GÖTEBORG']);
  });

  it('writes a British address from the Netherlands the Royal Mail way, ending with UNITED KINGDOM', () => {
    expect(postalAddressLines({ street: 'Church Street 229', postalCode: 'EC1 2WH', city: 'London', country: 'GB' }, fromNl)).toEqual(['229 Church Street', 'LONDON', 'EC1 2WH', 'UNITED KINGDOM']);
    expect(postalAddressLines({ street: 'Mill Lane 12a', postalCode: 'ne1 4xy', city: 'Newcastle upon Tyne', country: 'GB' }, fromNl)).toEqual(['12a Mill Lane', 'NEWCASTLE UPON TYNE', 'NE1 4XY', 'UNITED KINGDOM']);
  });

  it('leaves a British street that does not end with a house number as it is', () => {
    const lines = (street: string) => postalAddressLines({ street, postalCode: 'S9 2RX', city: 'Sheffield', country: 'GB' }, { senderCountry: 'GB' });
    expect(lines('12 Marine Parade')).toEqual(['12 Marine Parade', 'SHEFFIELD', 'S9 2RX']);
    expect(lines('Unit 4, Riverside Park')).toEqual(['Unit 4, Riverside Park', 'SHEFFIELD', 'S9 2RX']);
    expect(lines('Riverside Park, Unit 4')).toEqual(['Riverside Park, Unit 4', 'SHEFFIELD', 'S9 2RX']);
  });

  it('turns only British streets round', () => {
    expect(postalAddressLines({ street: 'Church Street 229', postalCode: '10115', city: 'Berlin', country: 'DE' }, fromNl)).toEqual(['Church Street 229', '10115 Berlin', 'GERMANY']);
  });

  it('names the Netherlands for a Dutch debtor of a foreign creditor', () => {
    expect(postalAddressLines({ street: 'Kanaalweg 5', postalCode: '4811 AA', city: 'Breda', country: 'NL' }, { senderCountry: 'GB' })).toEqual(['Kanaalweg 5', '4811 AA  BREDA', 'NETHERLANDS']);
  });

  it('gives an unknown country no country line rather than "UNKNOWN REGION"', () => {
    expect(postalAddressLines({ street: 'Nowhere 1', postalCode: '0000', city: 'Somewhere', country: 'ZZ' }, fromNl)).toEqual(['Nowhere 1', '0000 Somewhere']);
    expect(postalAddressLines({ street: 'Nowhere 1', postalCode: '', city: 'Somewhere', country: 'X1' }, fromNl)).toEqual(['Nowhere 1', 'Somewhere']);
  });
});
