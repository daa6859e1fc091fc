import {expect} from '@open-wc/testing';
import type {FieldType, Row} from '../types.js';
import {parseCsv, parseRows, sniffDelimiter} from './csv.js';

describe('CSV: splitting rows', () => {
  const cases: Array<[string, string, string, string[][]]> = [
    [
      'plain cells',
      'a;b\n1;2\n',
      ';',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and a last line without newline',
      'a,b\r\n1,2\r\n3,4',
      ',',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'a lone CR ends a line',
      'a,b\r1,2',
      ',',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted delimiter, newline and doubled quotes',
      'a;b\n"x;y";"l1\nl2 ""q"""\n',
      ';',
      [
        ['a', 'b'],
        ['x;y', 'l1\nl2 "q"'],
      ],
    ],
    [
      'an empty quoted cell and empty cells',
      'a,b,c\n"",,\n',
      ',',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
    [
      'tabs',
      'a\tb\n1\t2',
      '\t',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['an unterminated quote takes the rest', 'a\n"b\nc', ',', [['a'], ['b\nc']]],
    ['text after a closing quote is kept', 'a\n"b"c,d', ',', [['a'], ['bc', 'd']]],
  ];
  for (const [name, text, delimiter, rows] of cases) {
    it(name, () => {
      expect(parseRows(text, delimiter)).to.deep.equal(rows);
    });
  }

  const sniffs: Array<[string, string]> = [
    ['code;nom;population', ';'],
    ['code,nom,population', ','],
    ['code\tnom\tpopulation', '\t'],
    ['"a;b",c,d', ','],
    ['seule', ','],
    ['Identifiant de document|Reference document|No disposition|Date mutation|Valeur fonciere', '|'],
  ];
  for (const [header, delimiter] of sniffs) {
    it(`sniffs ${JSON.stringify(delimiter)} from ${JSON.stringify(header)}`, () => {
      expect(sniffDelimiter(header)).to.equal(delimiter);
    });
  }
});

describe('CSV: parsing and typing', () => {
  const cases: Array<{name: string; text: string; types: Record<string, FieldType>; rows: Row[]}> = [
    {
      name: 'INSEE style: BOM, comment lines, ;, CRLF, no-break-space thousands',
      text: '\uFEFF# Populations légales\r\n# Source : Insee\r\ncode_insee;commune;population\r\n45234;Orléans;116\u00a0344\r\n45232;Olivet;22\u202f539\r\n',
      types: {code_insee: 'text', commune: 'text', population: 'int'},
      rows: [
        {code_insee: '45234', commune: 'Orléans', population: 116_344},
        {code_insee: '45232', commune: 'Olivet', population: 22_539},
      ],
    },
    {
      name: 'thousands with a plain space',
      text: 'ville,habitants\nParis,2 113 705\nLyon,522 250\n',
      types: {ville: 'text', habitants: 'int'},
      rows: [
        {ville: 'Paris', habitants: 2_113_705},
        {ville: 'Lyon', habitants: 522_250},
      ],
    },
    {
      name: 'decimal commas (quoted in a , file), decimal points, negatives',
      text: 'x;y\n12,5;-3\n"1 234,75";0.5\n',
      types: {x: 'double', y: 'double'},
      rows: [
        {x: 12.5, y: -3},
        {x: 1234.75, y: 0.5},
      ],
    },
    {
      name: 'leading zeros and Corsican codes stay text',
      text: 'dep;commune\n01;01001\n2A;2A004\n45;45234\n',
      types: {dep: 'text', commune: 'text'},
      rows: [
        {dep: '01', commune: '01001'},
        {dep: '2A', commune: '2A004'},
        {dep: '45', commune: '45234'},
      ],
    },
    {
      name: 'a column of numbers and text is text, as written',
      text: 'v\n12\nn.c.\n"3,5"\n',
      types: {v: 'text'},
      rows: [{v: '12'}, {v: 'n.c.'}, {v: '3,5'}],
    },
    {
      name: 'null and empty cells are null and do not decide the type',
      text: 'canton;population\nnull;10\n;\n12;NULL\n',
      types: {canton: 'int', population: 'int'},
      rows: [
        {canton: null, population: 10},
        {canton: null, population: null},
        {canton: 12, population: null},
      ],
    },
    {
      name: 'a code-named column of numbers stays text (SIREN, id…)',
      text: 'epci_siren;id;annee\n244500468;7;2024\n200069193;8;2025\n',
      types: {epci_siren: 'text', id: 'text', annee: 'int'},
      rows: [
        {epci_siren: '244500468', id: '7', annee: 2024},
        {epci_siren: '200069193', id: '8', annee: 2025},
      ],
    },
    {
      name: 'ISO dates and French dates (to ISO)',
      text: 'debut;fin;maj\n2025-03-01;01/03/2025;2025-03-01T10:30:00\n2024-12-31;31/12/2024;2025-03-01\n',
      types: {debut: 'date', fin: 'date', maj: 'datetime'},
      rows: [
        {debut: '2025-03-01', fin: '2025-03-01', maj: '2025-03-01T10:30:00'},
        {debut: '2024-12-31', fin: '2024-12-31', maj: '2025-03-01'},
      ],
    },
    {
      name: 'French date-times; impossible dates are text',
      text: 'quand;faux\n05/03/2025 14:30;31/02/2025\n',
      types: {quand: 'datetime', faux: 'text'},
      rows: [{quand: '2025-03-05T14:30:00', faux: '31/02/2025'}],
    },
    {
      name: 'booleans',
      text: 'a,b\ntrue,VRAI\nfalse,faux\n',
      types: {a: 'boolean', b: 'boolean'},
      rows: [
        {a: true, b: true},
        {a: false, b: false},
      ],
    },
    {
      name: 'blank lines skipped, short rows filled with null, blank and repeated headers named',
      text: 'a,,a\n\n1,2\n',
      types: {a: 'int', column_2: 'int', a_2: 'text'},
      rows: [{a: 1, column_2: 2, a_2: null}],
    },
    {
      name: 'quoted cells with the delimiter and newlines',
      text: 'nom;note\n"Dupont; Jean";"ligne 1\r\nligne 2"\n',
      types: {nom: 'text', note: 'text'},
      rows: [{nom: 'Dupont; Jean', note: 'ligne 1\r\nligne 2'}],
    },
    {
      name: 'DGFiP valeurs foncières: | separator, decimal commas, codes by name, JJ/MM/AAAA dates',
      text:
        'No disposition|Date mutation|Nature mutation|Valeur fonciere|No voie|Code postal|Commune|Code departement|Code commune|Surface reelle bati\n' +
        '000001|03/01/2024|Vente|185000,00|12|45000|ORLEANS|45|234|65\n' +
        '000001|15/02/2024|Vente|92500,50|3|45160|OLIVET|45|232|40\n',
      types: {
        'No disposition': 'text',
        'Date mutation': 'date',
        'Nature mutation': 'text',
        'Valeur fonciere': 'double',
        'No voie': 'int',
        'Code postal': 'text',
        Commune: 'text',
        'Code departement': 'text',
        'Code commune': 'text',
        'Surface reelle bati': 'int',
      },
      rows: [
        {
          'No disposition': '000001',
          'Date mutation': '2024-01-03',
          'Nature mutation': 'Vente',
          'Valeur fonciere': 185_000,
          'No voie': 12,
          'Code postal': '45000',
          Commune: 'ORLEANS',
          'Code departement': '45',
          'Code commune': '234',
          'Surface reelle bati': 65,
        },
        {
          'No disposition': '000001',
          'Date mutation': '2024-02-15',
          'Nature mutation': 'Vente',
          'Valeur fonciere': 92_500.5,
          'No voie': 3,
          'Code postal': '45160',
          Commune: 'OLIVET',
          'Code departement': '45',
          'Code commune': '232',
          'Surface reelle bati': 40,
        },
      ],
    },
    {
      name: 'SCDL grants: camelCase identifiers (idBeneficiaire) and SIRET stay text, amounts are numbers',
      text:
        'nomAttribuant;idAttribuant;dateConvention;idBeneficiaire;montant;etablissement\n' +
        'Orléans Métropole;24450046800016;2024-03-21;78012958100010;2000;78012958100010\n',
      types: {
        nomAttribuant: 'text',
        idAttribuant: 'text',
        dateConvention: 'date',
        idBeneficiaire: 'text',
        montant: 'int',
        etablissement: 'text',
      },
      rows: [
        {
          nomAttribuant: 'Orléans Métropole',
          idAttribuant: '24450046800016',
          dateConvention: '2024-03-21',
          idBeneficiaire: '78012958100010',
          montant: 2000,
          etablissement: '78012958100010',
        },
      ],
    },
    {
      name: 'Météo-France: compact timestamps are date-times, station numbers codes, AAAAMMJJ a date',
      text:
        'NUM_POSTE;AAAAMMJJHHMN;AAAAMMJJ;AAAAMMJJHH;RR;quantite\n' +
        '45055001;202501010000;20250101;2025010106;0.2;20250101\n' +
        '45055001;202501011430;20250102;2025010223;;12345678\n',
      types: {
        NUM_POSTE: 'text',
        AAAAMMJJHHMN: 'datetime',
        AAAAMMJJ: 'date',
        AAAAMMJJHH: 'datetime',
        RR: 'double',
        quantite: 'int',
      },
      rows: [
        {
          NUM_POSTE: '45055001',
          AAAAMMJJHHMN: '2025-01-01T00:00:00',
          AAAAMMJJ: '2025-01-01',
          AAAAMMJJHH: '2025-01-01T06:00:00',
          RR: 0.2,
          quantite: 20_250_101,
        },
        {
          NUM_POSTE: '45055001',
          AAAAMMJJHHMN: '2025-01-01T14:30:00',
          AAAAMMJJ: '2025-01-02',
          AAAAMMJJHH: '2025-01-02T23:00:00',
          RR: null,
          quantite: 12_345_678,
        },
      ],
    },
  ];
  for (const {name, text, types, rows} of cases) {
    it(name, () => {
      const table = parseCsv(text);
      expect(Object.fromEntries(table.fields.map((field) => [field.name, field.type]))).to.deep.equal(types);
      expect(table.rows).to.deep.equal(rows);
    });
  }

  it('labels are the header names', () => {
    expect(parseCsv('Code région;Nom\n24;Centre\n').fields).to.deep.equal([
      {name: 'Code région', label: 'Code région', type: 'text'},
      {name: 'Nom', label: 'Nom', type: 'text'},
    ]);
  });
});

describe('CSV: a file read as one column', () => {
  it('remembers the separator met in it, for the error to name', () => {
    const table = parseCsv('Valeurs foncières 2024\nDate mutation;Valeur fonciere\n03/01/2024;185000,00\n');
    expect(table.fields.map((field) => field.name)).to.deep.equal(['Valeurs foncières 2024']);
    expect(table.unsplitSeparator).to.equal(';');
  });

  it('says nothing of a genuine one-column file', () => {
    expect(parseCsv('commune\nOrléans\nOlivet\n').unsplitSeparator).to.equal(undefined);
  });
});
