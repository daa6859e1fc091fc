import {expect, html, waitUntil} from '@open-wc/testing';
import {render, type TemplateResult} from 'lit';
import '../odw-kpi/define.js';
import {mount, mounted, normalize, part, shadow} from '../../../test/helpers.js';
import {
  FESTIVALS,
  ODS,
  ODS_PATH,
  ORLEANS,
  SINCE_2019,
  axisLabels,
  chartOf,
  drawn,
  jsonFile,
  legendNames,
  marks,
  openTable,
  requestLog,
  summary,
  uniqueTag,
} from './chart-helpers.test.js';
describe('odw-chart', function () {
  this.timeout(40_000);

  describe('types', () => {
    it('tells the page when it is drawn with odw-chart-drawn, bubbling out of shadow roots', async () => {
      const container = await mount(html`<div></div>`);
      const host = container.firstElementChild!.attachShadow({mode: 'open'});
      const heard: Event[] = [];
      container.addEventListener('odw-chart-drawn', (event) => heard.push(event));
      render(html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS}></odw-chart>`, host);
      await waitUntil(() => heard.length > 0, 'odw-chart-drawn', {timeout: 20_000});
      const chart = host.querySelector('odw-chart')!;
      expect(heard[0].composed).to.equal(true);
      expect(marks(chart)).to.have.length(22);
    });

    it('draws columns by ISO week, grouped by the portal', async () => {
      const tag = uniqueTag();
      const el = await chartOf(
        html`<odw-chart
          src=${FESTIVALS.replace('/portal/', `/portal/~tag=${tag}/`)}
          x="date_debut_ancien"
          timeunit="week"
          y="count()"
          where=${SINCE_2019}
        ></odw-chart>`,
      );
      await drawn(el);
      const log = await requestLog(tag);
      expect(log.some((url) => url.includes('date_format(date_debut_ancien, "xxxx-ww")'))).to.equal(true);
      const rows = await openTable(el);
      const total = rows.reduce((sum, row) => sum + Number(row[1]), 0);
      const direct = await fetch(
        `${FESTIVALS}?select=count(*) as n&where=${encodeURIComponent(SINCE_2019)}`,
      ).then((response) => response.json() as Promise<{results: Array<{n: number}>}>);
      expect(total, 'every festival counted in one week').to.equal(direct.results[0].n);
      expect(marks(el)).to.have.length(rows.length);
    });

    it('draws 22 columns for the communes of Orléans Métropole, with a summary and a table', async () => {
      const el = await chartOf(
        html`<odw-chart src=${ODS} x="commune" y="sum(population)" where=${ORLEANS} sort="-y"></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(22);
      expect(summary(el)).to.equal(
        'Diagramme en colonnes, 22 communes. La plus forte valeur est Orléans avec 116 344 ; la plus faible est Combleux avec 524.',
      );
      const svg = shadow(el).querySelector('.vega svg')!;
      expect(svg.getAttribute('role')).to.equal('img');
      expect(normalize(svg.getAttribute('aria-label'))).to.equal(summary(el));
      const rows = await openTable(el);
      expect(rows).to.have.length(22);
      expect(rows[0]).to.deep.equal(['Orléans', '116 344']);
      const head = [...part(el, 'table')!.querySelectorAll('thead th')].map((th) =>
        normalize(th.textContent),
      );
      expect(head).to.deep.equal(['Commune', 'Population municipale']);
      // Labels from the metadata, numbers in French on the axis.
      const titles = [...shadow(el).querySelectorAll('.role-axis-title text')].map(
        (text) => text.textContent,
      );
      expect(titles).to.include.members(['Commune', 'Population municipale']);
      expect(axisLabels(el).map(normalize)).to.include('100 000');
    });

    it('draws horizontal bars with type="bar"', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="bar"
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          height="600"
        ></odw-chart>`,
      );
      await drawn(el);
      const bars = marks(el);
      expect(bars).to.have.length(22);
      expect(summary(el)).to.match(/^Diagramme en barres, 22 communes/);
      // Horizontal: the longest bar is wider than tall.
      const sizes = bars.map((bar) => (bar as SVGGraphicsElement).getBBox());
      const widest = sizes.reduce((a, b) => (a.width > b.width ? a : b));
      expect(widest.width).to.be.greaterThan(widest.height);
    });

    it('draws a line by month with its gaps left empty', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="line"
          src=${FESTIVALS}
          x="date_debut_ancien"
          timeunit="month"
          y="count()"
          where=${SINCE_2019}
        ></odw-chart>`,
      );
      await drawn(el);
      // Ten months have festivals between January 2019 and May 2020.
      expect(marks(el)).to.have.length(10);
      const rows = await openTable(el);
      expect(rows).to.have.length(10);
      expect(rows[0]).to.deep.equal(['janv. 2019', '2']);
      expect(rows[9]).to.deep.equal(['mai 2020', '1']);
      // September 2019 and Nov. 2019 – April 2020 are empty: the line is broken into three pieces.
      const path = shadow(el).querySelector('.mark-line path')!.getAttribute('d')!;
      expect(path.match(/M/g)).to.have.length(3);
      expect(summary(el)).to.equal(
        'Graphique en courbes, 10 mois. Nombre : en baisse de 50 % de janvier 2019 à mai 2020 ; minimum 1 en mars 2019, maximum 3 en avril 2019.',
      );
    });

    it('draws a stacked area of two aggregates with a legend', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="area"
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(44);
      expect(shadow(el).querySelectorAll('.mark-area path')).to.have.length(2);
      expect(legendNames(el)).to.deep.equal(['Population municipale', 'Population comptée à part']);
      const rows = await openTable(el);
      expect(rows.find((row) => row[0] === 'Orléans')!.slice(1)).to.have.length(2);
    });

    for (const type of ['pie', 'donut']) {
      it(`draws a ${type} of the top 5 communes and the others`, async () => {
        const tag = uniqueTag();
        const el = await chartOf(
          html`<odw-chart
            type=${type}
            src=${`/portal/~tag=${tag}/${ODS_PATH}`}
            x="commune"
            y="sum(population)"
            where=${ORLEANS}
            limit="5"
            others
          ></odw-chart>`,
        );
        await drawn(el);
        expect(marks(el)).to.have.length(6);
        const rows = await openTable(el);
        expect(rows.map((row) => row[0])).to.deep.equal([
          'Orléans',
          'Olivet',
          'Saint-Jean-de-Braye',
          'Fleury-les-Aubrais',
          'Saran',
          'Autres',
        ]);
        // The rest computed by the server: 293 673 − 199 950.
        expect(rows[5][1]).to.equal('93 723');
        // The legend at body size, « Autres » last; each slice's share written on or beside it.
        expect(legendNames(el)).to.have.length(6);
        expect(legendNames(el)[5]).to.equal('Autres');
        const legendSize = parseFloat(getComputedStyle(shadow(el).querySelector('.legend button')!).fontSize);
        expect(legendSize).to.equal(parseFloat(getComputedStyle(el).fontSize));
        const shares = [...shadow(el).querySelectorAll('.role-slice-label text')].map((text) =>
          normalize(text.textContent),
        );
        expect(shares).to.have.length(6);
        expect(shares).to.include('39,6 %');
        const grouped = (await requestLog(tag)).filter(
          (url) => url.includes('/records?') && /group_by|select=/.test(url),
        );
        expect(grouped, grouped.join('\n')).to.have.length(2);
      });
    }

    it('draws a scatter plot of records', async () => {
      const el = await chartOf(
        html`<odw-chart
          type="scatter"
          src=${ODS}
          x="population"
          y="population_totale"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(22);
      expect(summary(el)).to.match(
        /^Nuage de points, 22 points, maximum .* 12\d 2\d\d|^Nuage de points, 22 points/,
      );
      const rows = await openTable(el);
      expect(rows).to.have.length(22);
      expect(rows.some((row) => row[0] === '116 344')).to.equal(true);
    });
  });

  describe('grouping', () => {
    it('stacks two aggregates with stack="normal"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
          stack="normal"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(44);
      expect(summary(el)).to.match(/2 séries \(Population municipale et Population comptée à part\)/);
    });

    it('draws shares with stack="percent", each column reaching 100 %', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population), sum(population_comptee_a_part)"
          where=${ORLEANS}
          stack="percent"
        ></odw-chart>`,
      );
      await drawn(el);
      const labels = axisLabels(el).map(normalize);
      expect(labels).to.include('100 %');
      const tops = marks(el).map((bar) => Math.round((bar as SVGGraphicsElement).getBBox().y));
      // The second series' bar of every commune ends at the top of the plot.
      expect(new Set(tops.filter((_, index) => index % 2 === 1)).size).to.equal(1);
    });

    it('breaks categories down by a series field, with a legend', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="code_departement"
          series="epci"
          y="sum(population)"
          where='epci in ("Orléans Métropole", "Dijon Métropole")'
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(2);
      expect(legendNames(el).sort()).to.deep.equal(['Dijon Métropole', 'Orléans Métropole']);
      const rows = await openTable(el);
      expect(rows).to.deep.equal([
        ['21', '258 630', '—'],
        ['45', '—', '293 673'],
      ]);
    });

    it('groups dates by month on the server and keeps empty months on the axis', async () => {
      const tag = uniqueTag();
      const el = await chartOf(
        html`<odw-chart
          src=${`/portal/~tag=${tag}/ods/api/explore/v2.1/catalog/datasets/festivals-du-finistere/records`}
          x="date_debut_ancien"
          timeunit="month"
          where=${SINCE_2019}
        ></odw-chart>`,
        900,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(10);
      const urls = await requestLog(tag);
      expect(
        urls.some((url) => /group_by=date_format\(date_debut_ancien, "yyyy-MM"\)/.test(url)),
        urls.join('\n'),
      ).to.equal(true);
      // 17 bands, January 2019 to May 2020.
      expect(shadow(el).querySelectorAll('.role-axis-label text').length).to.be.greaterThan(17);
    });

    it('keeps the top N after sorting with sort="-y" limit', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="-y"
          limit="3"
        ></odw-chart>`,
      );
      await drawn(el);
      expect(marks(el)).to.have.length(3);
      expect((await openTable(el)).map((row) => row[0])).to.deep.equal([
        'Orléans',
        'Olivet',
        'Saint-Jean-de-Braye',
      ]);
    });

    it('sorts by label with sort="x"', async () => {
      const el = await chartOf(
        html`<odw-chart
          src=${ODS}
          x="commune"
          y="sum(population)"
          where=${ORLEANS}
          sort="x"
          limit="3"
        ></odw-chart>`,
      );
      await drawn(el);
      expect((await openTable(el)).map((row) => row[0])).to.deep.equal([
        'Boigny-sur-Bionne',
        'Bou',
        'Chanteau',
      ]);
    });
  });

  describe('errors', () => {
    const cases: Array<[string, TemplateResult, RegExp]> = [
      ['a missing x', html`<odw-chart src=${ODS} y="sum(population)"></odw-chart>`, /^Indiquez l’attribut x/],
      [
        'an unknown type',
        html`<odw-chart src=${ODS} type="radar" x="commune"></odw-chart>`,
        /^Type de graphique inconnu : « radar »/,
      ],
      [
        'a wrong sort',
        html`<odw-chart src=${ODS} x="commune" sort="population"></odw-chart>`,
        /^sort doit valoir x, -x, y ou -y/,
      ],
      [
        'a wrong timeunit',
        html`<odw-chart src=${ODS} x="commune" timeunit="decade"></odw-chart>`,
        /^timeunit doit valoir/,
      ],
      [
        'a bare field as y',
        html`<odw-chart src=${ODS} x="commune" y="population"></odw-chart>`,
        /^« population » : y doit être un agrégat/,
      ],
      [
        'a broken expression',
        html`<odw-chart src=${ODS} x="commune" y="sum(population"></odw-chart>`,
        /parenthèse fermante attendue/,
      ],
      [
        'a missing dataset',
        html`<odw-chart
          src="/portal/~status=404/ods/api/explore/v2.1/catalog/datasets/inconnu/records"
          x="commune"
        ></odw-chart>`,
        /^Jeu de données introuvable/,
      ],
      [
        'a specification loading data from elsewhere',
        html`<odw-chart src=${ODS} x="commune"
          ><script type="application/json">
            {"data": {"url": "https://evil.example/data.csv"}}
          </script></odw-chart
        >`,
        /^Spécification refusée : elle charge des données depuis « https:\/\/evil\.example\/data\.csv »/,
      ],
      [
        'an unknown colour mode',
        html`<odw-chart src=${ODS} x="commune" color="rainbow"></odw-chart>`,
        /^color doit valoir value, et non « rainbow »/,
      ],
      [
        'color="value" on several series',
        html`<odw-chart src=${ODS} x="commune" y="sum(population), count()" color="value"></odw-chart>`,
        /^color="value" nuance une seule série/,
      ],
      [
        'color="value" on a pie',
        html`<odw-chart src=${ODS} type="pie" x="commune" color="value"></odw-chart>`,
        /^color="value" nuance une seule série/,
      ],
      [
        'an invalid JSON specification',
        html`<odw-chart src=${ODS} x="commune"
          ><script type="application/json">
            {"mark":
          </script></odw-chart
        >`,
        /^La spécification JSON du graphique est invalide/,
      ],
    ];
    for (const [what, template, message] of cases) {
      it(`says what is wrong with ${what}`, async () => {
        const el = await chartOf(template);
        await drawn(el);
        expect(normalize(part(el, 'status')!.textContent)).to.match(message);
      });
    }

    it('refuses a .spec property whose data.url points elsewhere, before any request', async () => {
      const tag = uniqueTag();
      const el = document.createElement('odw-chart');
      el.spec = {data: {url: 'https://evil.example/x.json'}};
      el.src = `/portal/~tag=${tag}/${ODS_PATH}`;
      el.x = 'commune';
      mounted.push(el);
      document.body.append(el);
      await drawn(el);
      expect(normalize(part(el, 'status')!.textContent)).to.match(/^Spécification refusée/);
      expect(await requestLog(tag)).to.deep.equal([]);
    });
  });

  describe('Vega-Lite specification', () => {
    it('merges a .spec into the generated chart', async () => {
      const el = document.createElement('odw-chart');
      el.src = ODS;
      el.x = 'commune';
      el.y = 'sum(population)';
      el.where = ORLEANS;
      el.spec = {
        title: 'Titre ajouté par la spécification',
        mark: {type: 'bar', color: '#aa0000', tooltip: true},
      };
      mounted.push(el);
      document.body.append(el);
      await drawn(el);
      expect(shadow(el).querySelector('.role-title-text text')?.textContent).to.equal(
        'Titre ajouté par la spécification',
      );
      expect(shadow(el).querySelectorAll('.mark-rect path')).to.have.length(22);
      expect(shadow(el).querySelector('.mark-rect path')!.getAttribute('fill')).to.equal('#aa0000');
    });
  });

  describe('states', () => {
    it('is accessible while loading', async () => {
      const el = await chartOf(
        html`<odw-chart
          title="Population"
          src=${`/portal/~latency=3000/${ODS_PATH}`}
          x="commune"
          where=${ORLEANS}
        ></odw-chart>`,
      );
      expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
      expect(part(el, 'body')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says « Aucune donnée » when the filter matches nothing, accessibly', async () => {
      const el = await chartOf(
        html`<odw-chart title="Population" src=${ODS} x="commune" where='epci = "Nulle part"'></odw-chart>`,
      );
      await drawn(el);
      expect(normalize(part(el, 'status')!.textContent)).to.equal('Aucune donnée');
      expect(shadow(el).querySelector('.vega')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says « Aucune donnée » for an empty dataset, and « No data » in English', async () => {
      const src = jsonFile([]);
      const container = await mount(
        html`<odw-chart src=${src} api="json" x="commune"></odw-chart>
          <odw-chart lang="en" src=${src} api="json" x="commune"></odw-chart>`,
      );
      const [french, english] = container.querySelectorAll('odw-chart');
      await drawn(french);
      await drawn(english);
      expect(normalize(part(french, 'status')!.textContent)).to.equal('Aucune donnée');
      expect(normalize(part(english, 'status')!.textContent)).to.equal('No data');
    });

    it('is accessible when loading failed, with « Réessayer »', async () => {
      const el = await chartOf(
        html`<odw-chart title="Population" src=${`/portal/~status=500/${ODS_PATH}`} x="commune"></odw-chart>`,
      );
      await drawn(el, 30_000);
      expect(part(el, 'status')!.getAttribute('role')).to.equal('alert');
      expect(normalize(part(el, 'retry')?.textContent)).to.equal('Réessayer');
      await expect(el).to.be.accessible();
    });
  });
});
