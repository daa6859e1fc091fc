import {expect} from '@open-wc/testing';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatShortDate,
  formatTime,
  normalizeSpaces,
  toDate,
  type NumberFormatOptions,
} from './format.js';
import type {Lang} from './i18n.js';

const cases: Array<[number, NumberFormatOptions, string, string]> = [
  // value, options, French, English
  [116344, {}, '116 344', '116,344'],
  [293673, {unit: 'hab.'}, '293 673 hab.', '293,673 hab.'],
  [12.5, {}, '12,5', '12.5'],
  [12.3456, {}, '12,35', '12.35'],
  [12.5, {format: 'decimal', decimals: 2}, '12,50', '12.50'],
  [116344.6, {format: 'integer'}, '116 345', '116,345'],
  [0.125, {format: 'percent'}, '12,5 %', '12.5%'],
  [0.1, {format: 'percent'}, '10 %', '10%'],
  [0.125, {format: 'percent', decimals: 0}, '13 %', '13%'],
  [1234567, {format: 'compact'}, '1,2 M', '1.2M'],
  [293673, {format: 'compact'}, '293,7 k', '293.7K'],
  [293673, {format: 'compact', decimals: 0}, '294 k', '294K'],
  [-1234, {}, '-1 234', '-1,234'],
  [0.032, {format: 'percent', signed: true}, '+3,2 %', '+3.2%'],
  [0, {format: 'percent', signed: true}, '0 %', '0%'],
  [0.00001, {format: 'percent', signed: true}, '0 %', '0%'],
  // Halves round away from zero as written, not as stored in binary (0.285 is 0.28499…).
  [0.285, {}, '0,29', '0.29'],
  [-0.285, {}, '-0,29', '-0.29'],
  [2979.555, {}, '2 979,56', '2,979.56'],
  [2.5, {format: 'integer'}, '3', '3'],
  [0.285, {format: 'percent', decimals: 0}, '29 %', '29%'],
  // What rounds to zero has no minus sign.
  [-0.004, {format: 'decimal'}, '0', '0'],
  [-0.4, {format: 'integer'}, '0', '0'],
  // Without a format, a small value keeps 3 significant digits (a CKAN numeric 0.000384 is not « 0 »).
  [0.000384, {}, '0,000384', '0.000384'],
  [-0.0123456, {}, '-0,0123', '-0.0123'],
  [0.05, {}, '0,05', '0.05'],
  [0.123456, {}, '0,12', '0.12'],
  [1e-25, {}, '0', '0'],
  [Number.NaN, {}, 'NaN', 'NaN'],
  [-Infinity, {}, '-∞', '-∞'],
];

describe('formatNumber', () => {
  for (const [value, options, french, english] of cases) {
    it(`formats ${value} ${JSON.stringify(options)} as « ${french} » in French and "${english}" in English`, () => {
      expect(normalizeSpaces(formatNumber(value, 'fr', options))).to.equal(french);
      expect(normalizeSpaces(formatNumber(value, 'en', options))).to.equal(english);
    });
  }

  it('groups French thousands with the narrow no-break space Intl gives', () => {
    expect(formatNumber(116344, 'fr')).to.equal('116\u202f344');
  });

  it('glues the unit to the figure with a no-break space', () => {
    expect(formatNumber(5, 'fr', {unit: 'hab.'})).to.equal('5\u00a0hab.');
  });

  it('puts the no-break space Intl gives before the French percent sign', () => {
    expect(formatNumber(0.125, 'fr', {format: 'percent'})).to.equal('12,5\u00a0%');
  });

  it('writes every figure as Intl.NumberFormat does (2 000 values per style and language)', () => {
    // Deterministic values from 0.0001 to 100 000 000, both signs, up to 4 decimals.
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Array.from({length: 2000}, () => {
      const magnitude = 10 ** (Math.floor(next() * 9) - 3);
      return Math.round((next() - 0.3) * magnitude * 1e4) / 1e4;
    });
    const styles: Array<[NumberFormatOptions, Intl.NumberFormatOptions]> = [
      [{format: 'integer'}, {maximumFractionDigits: 0}],
      [{format: 'decimal'}, {maximumFractionDigits: 2}],
      [
        {format: 'decimal', decimals: 3},
        {minimumFractionDigits: 3, maximumFractionDigits: 3},
      ],
      [{format: 'percent'}, {style: 'percent', maximumFractionDigits: 1}],
    ];
    for (const lang of ['fr', 'en'] as const) {
      for (const [options, intlOptions] of styles) {
        const intl = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en', intlOptions);
        const mismatches = values
          .map((value) => {
            // Intl writes « -0 » for a negative value that rounds to zero; we write « 0 ».
            const expected = intl.format(value).replace(/^-(?=0(\D*|[.,]0+\D*)$)/, '');
            const actual = formatNumber(value, lang, options);
            return actual === expected ? undefined : `${value}: ${actual} ≠ ${expected}`;
          })
          .filter(Boolean);
        expect(mismatches, `${lang} ${JSON.stringify(options)}`).to.deep.equal([]);
      }
    }
  });

  it('reuses one formatter per language and options (same output on repeated calls)', () => {
    const first = formatNumber(0.5, 'fr', {format: 'percent'});
    expect(formatNumber(0.5, 'fr', {format: 'percent'})).to.equal(first);
    expect(normalizeSpaces(formatNumber(0.5, 'en', {format: 'percent'}))).to.equal('50%');
  });
});

describe('formatDate and formatDateTime', () => {
  const table: Array<[Lang, string, string]> = [
    ['fr', '3 mars 2026', '3 mars 2026 à 14:05'],
    ['en', 'March 3, 2026', 'March 3, 2026 at 2:05 PM'],
  ];
  for (const [lang, date, dateTime] of table) {
    it(`formats dates in ${lang}: « ${date} », « ${dateTime} »`, () => {
      expect(formatDate(new Date(2026, 2, 3), lang)).to.equal(date);
      expect(normalizeSpaces(formatDateTime(new Date(2026, 2, 3, 14, 5), lang))).to.equal(dateTime);
    });
  }

  it('writes long dates as Intl does, the first of the month included', () => {
    for (const lang of ['fr', 'en'] as const) {
      const intl = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en', {dateStyle: 'long'});
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 9, 28]) {
          const date = new Date(2026, month, day);
          expect(formatDate(date, lang)).to.equal(intl.format(date));
        }
      }
    }
  });

  it('formats a time alone', () => {
    expect(formatTime(new Date(2026, 2, 3, 14, 5), 'fr')).to.equal('14:05');
    expect(normalizeSpaces(formatTime(new Date(2026, 2, 3, 14, 5), 'en'))).to.equal('2:05 PM');
  });

  it('reads a bare ISO date as that calendar day in any time zone', () => {
    expect(formatDate('2026-03-03', 'fr')).to.equal('3 mars 2026');
    expect(toDate('2026-03-03')!.getDate()).to.equal(3);
  });

  it('reads ISO date-times and epochs', () => {
    const epoch = new Date(2026, 2, 3, 14, 5).getTime();
    expect(formatDate(epoch, 'fr')).to.equal('3 mars 2026');
    expect(formatDate(new Date(epoch).toISOString(), 'fr')).to.equal('3 mars 2026');
  });

  it('gives empty text for an invalid date', () => {
    expect(formatDate('not a date', 'fr')).to.equal('');
    expect(formatDateTime('', 'en')).to.equal('');
  });
});

describe('formatShortDate', () => {
  it('writes every month of a year as Intl does, in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      const intl = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      });
      for (let month = 0; month < 12; month++) {
        const date = new Date(2024, month, month + 1);
        expect(formatShortDate(date, lang), `${lang} ${month + 1}`).to.equal(intl.format(date));
      }
    }
    expect(formatShortDate(new Date(2024, 11, 19), 'fr')).to.equal('19 déc. 2024');
  });
});
