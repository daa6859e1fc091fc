import {expect} from '@open-wc/testing';
import {isCodeField, isDateName, isIdentifierName, nameWords} from './field-names.js';

describe('field names', () => {
  it('splits camelCase, snake_case and spaced French names into words', () => {
    expect(nameWords('idBeneficiaire')).to.deep.equal(['id', 'beneficiaire']);
    expect(nameWords('Code_commune')).to.deep.equal(['code', 'commune']);
    expect(nameWords('No disposition')).to.deep.equal(['no', 'disposition']);
    expect(nameWords('NUM_POSTE')).to.deep.equal(['num', 'poste']);
  });

  const identifiers = [
    'idBeneficiaire',
    'idAttribuant',
    'siret',
    'SIREN',
    'code_insee',
    'codeCommune',
    'Code postal',
    'cp',
    'insee',
    'NUM_POSTE',
    'identifiant',
  ];
  const quantities = [
    'population',
    'montant',
    'Valeur fonciere',
    'Nombre de lots',
    'idee',
    'periode',
    'Surface reelle bati',
    'capacite',
    'no_of_beds',
  ];
  for (const name of identifiers)
    it(`reads « ${name} » as an identifier`, () => expect(isIdentifierName(name)).to.equal(true));
  for (const name of quantities)
    it(`reads « ${name} » as no identifier`, () => expect(isIdentifierName(name)).to.equal(false));

  it('names days: date, jour, AAAAMMJJ', () => {
    expect(['dateConvention', 'Date mutation', 'jour', 'AAAAMMJJ'].map(isDateName)).to.deep.equal([
      true,
      true,
      true,
      true,
    ]);
    expect(isDateName('montant')).to.equal(false);
  });

  it('a code field: typed text (a profile saying string), or named as an identifier', () => {
    expect(isCodeField({name: 'valeur', label: 'valeur', type: 'text'})).to.equal(true);
    expect(isCodeField({name: 'siret', label: 'SIRET', type: 'int'})).to.equal(true);
    expect(isCodeField({name: 'population', label: 'Population', type: 'int'})).to.equal(false);
    expect(isCodeField(undefined)).to.equal(false);
  });
});
