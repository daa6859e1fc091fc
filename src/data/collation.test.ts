import {expect} from '@open-wc/testing';
import {collationKey, compareText} from './collation.js';

const EXPORT =
  '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/exports/json?select=commune,epci,region';

describe('collation', () => {
  it('sorts every French commune, EPCI and region name as Intl.Collator("fr") does', async () => {
    const rows = (await (await fetch(EXPORT)).json()) as Array<Record<string, string | null>>;
    const names = [...new Set(rows.flatMap((row) => [row.commune, row.epci, row.region]))].filter(
      (name): name is string => Boolean(name),
    );
    expect(names.length).to.be.greaterThan(30_000);
    const collator = new Intl.Collator('fr');
    const expected = [...names].sort(collator.compare);
    const ours = names
      .map((name) => ({name, key: collationKey(name)}))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({name}) => name);
    const first = ours.findIndex((name, index) => name !== expected[index]);
    expect(first, `${ours[first]} where the collator puts ${expected[first]}`).to.equal(-1);
  });

  it('puts accents, case and ligatures after the letters, and the apostrophe after the hyphen', () => {
    const names = [
      'Écully',
      'Zoufftgen',
      'écully',
      'ecully',
      'Ecully',
      'Œuilly',
      'Oeting',
      'Grand’Combe',
      'Grand-Camp',
    ];
    const sorted = [...names].sort(compareText);
    expect(sorted).to.deep.equal([...names].sort(new Intl.Collator('fr').compare));
    expect(sorted.slice(0, 4)).to.deep.equal(['ecully', 'Ecully', 'écully', 'Écully']);
    expect(compareText('Orléans', 'Orléans')).to.equal(0);
  });

  it('compares numbers by value with numeric', () => {
    const names = ['Paris 10e', 'Paris 2e', 'Paris 1er', '45', '5', '100', 'Lyon 9e', 'Lyon 10e'];
    const sorted = [...names].sort((a, b) => compareText(a, b, {numeric: true}));
    expect(sorted).to.deep.equal([...names].sort(new Intl.Collator('fr', {numeric: true}).compare));
    expect(sorted.slice(0, 3)).to.deep.equal(['5', '45', '100']);
  });
});
