import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import './define.js';
import type {OdwTable} from './odw-table.js';
import {ODS, ORLEANS, root, showsRange} from '../../../test/table-helpers.js';
import {chooseAction, menuButton, menuItems} from '../../../test/menu-helpers.js';

const VALUES_CSV = '/test/fixtures/table-values.csv';

describe('odw-table: actions', function () {
  this.timeout(30_000);

  describe('actions', () => {
    it('exports the whole filtered result as CSV, not just the page, in the order shown', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune,population"
          sort="-population"
          page-size="5"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 5 sur 22');
      const csv = await el.exportCsv();
      const lines = csv
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines).to.have.length(23);
      expect(lines[0]).to.equal('commune,population');
      expect(lines[1]).to.equal('Orléans,116344');
      expect(csv.charCodeAt(0), 'byte-order mark for spreadsheets').to.equal(0xfeff);
    });

    it('quotes CSV fields and defuses spreadsheet formulas', async () => {
      const el = await fixture<OdwTable>(html`<odw-table src=${VALUES_CSV} columns="nom,note"></odw-table>`);
      await showsRange(el, 'Lignes 1 à 3 sur 3');
      const lines = (await el.exportCsv()).replace(/^\ufeff/, '').split('\r\n');
      expect(lines[1]).to.equal('"<img src=x onerror=""window.__odwXss=1"">",javascript:alert(1)');
      expect(lines[2]).to.equal("Saint-Jean-de-Braye,'=SUM(A1:A2)");
    });

    it('offers the CSV and the dataset page in its actions menu, the same as the chart’s and the map’s', async () => {
      const el = await fixture<OdwTable>(
        html`<odw-table
          src=${ODS}
          where=${ORLEANS}
          columns="commune"
          title="Communes d’Orléans Métropole"
        ></odw-table>`,
      );
      await showsRange(el, 'Lignes 1 à 20 sur 22');
      expect(menuButton(el).getAttribute('aria-label')).to.equal('Actions : Communes d’Orléans Métropole');
      expect(menuItems(el)).to.deep.equal(['Télécharger les données (CSV)', 'Page du jeu de données']);
      await expect(el).to.be.accessible();
      const link = root(el).querySelector<HTMLAnchorElement>('[role=menuitem].action-dataset')!;
      expect(link.getAttribute('href')).to.match(
        /\/portal\/ods\/explore\/dataset\/populations-legales-2025\/$/,
      );
      const downloads: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      };
      try {
        await chooseAction(el, 'csv');
        expect(menuButton(el).getAttribute('aria-expanded'), 'closed once chosen').to.equal('false');
        await waitUntil(() => downloads.length === 1, 'the download');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(downloads).to.deep.equal(['communes-d-orleans-metropole.csv']);
      menuButton(el).click();
      await el.updateComplete;
      expect(menuButton(el).getAttribute('aria-expanded')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });
});
