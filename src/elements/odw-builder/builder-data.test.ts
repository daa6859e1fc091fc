import {expect, waitUntil} from '@open-wc/testing';
import {normalize, shadow} from '../../../test/helpers.js';
import {$, text, builder, datasetShown, typeAddress, ODS_PAGE} from './builder-harness.test.js';

describe('odw-builder, the data', function () {
  this.timeout(60_000);

  describe('step 1, the data', () => {
    it('loads a dataset page URL and shows its title, publisher, licence, update, rows and fields', async () => {
      const el = await builder();
      await typeAddress(el, ODS_PAGE);
      await datasetShown(el);
      const meta = text(el, '#dataset-meta');
      expect(meta).to.include('Populations légales 2025 des communes');
      expect(meta).to.include('Insee');
      expect(meta).to.include('Licence Ouverte v2.0 (Etalab)');
      expect(meta).to.match(/Dernière mise à jour 19 décembre 2024/);
      expect(meta).to.match(/Nombre de lignes \d\d \d{3}/);
      const rows = [...shadow(el).querySelectorAll('#fields tbody tr')].map((row) =>
        normalize(row.textContent),
      );
      expect(rows).to.include('Population municipale population nombre entier');
      expect(text(el, '#status')).to.equal(
        'Jeu de données chargé : « Populations légales 2025 des communes », 10 champs.',
      );
      await expect(el).to.be.accessible();
    });

    it('searches an Opendatasoft portal’s catalogue and loads the dataset picked', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/ods/', 'vélo');
      await waitUntil(() => $(el, '.datasets'), 'catalogue listed', {timeout: 20_000});
      expect(text(el, '#status')).to.equal('1 jeu de données trouvé.');
      expect(text(el, '.datasets')).to.include('Stationnement vélo à Paris');
      expect(text(el, '.datasets')).to.include('Ville de Paris');
      await expect(el).to.be.accessible();
      const choice = $(el, '.datasets button')!;
      expect(choice.getAttribute('aria-label')).to.equal('Choisir « Stationnement vélo à Paris »');
      choice.click();
      await datasetShown(el);
      expect(text(el, '#dataset-meta')).to.include('Open Database License (ODbL)');
      expect(text(el, '#dataset-meta')).to.match(/Nombre de lignes 9 814/);
    });

    it('searches data.gouv.fr and reads a parsed resource through the tabular API', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/datagouv', 'populations');
      await waitUntil(() => $(el, '.datasets button'), 'resources listed', {timeout: 20_000});
      expect(text(el, '.datasets')).to.include('Populations légales 2025');
      $(el, '.datasets button')!.click();
      await datasetShown(el);
      expect(($(el, '#url') as HTMLInputElement).value).to.equal(
        location.origin + '/portal/tabular/api/resources/7d3f6a2e-1c4b-4e8a-9f2d-5b6c7a8e9d01/data/',
      );
      expect(text(el, '#fields')).to.include('population');
    });

    it('lists the resources of a data.gouv.fr dataset page pasted as it is', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/datagouv/fr/datasets/populations-legales-2025/');
      await waitUntil(() => $(el, '.datasets button'), 'resources listed', {timeout: 20_000});
      const buttons = [...shadow(el).querySelectorAll('.datasets button')].map((button) =>
        normalize(button.textContent),
      );
      expect(buttons).to.deep.equal([
        'Choisir : Populations légales 2025 des communes (CSV)',
        'Choisir : Populations légales 2025 des communes (copie)',
      ]);
    });

    it('asks for an address when none is given, the message tied to the field', async () => {
      const el = await builder();
      await typeAddress(el, '  ');
      const input = $(el, '#url')!;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.equal('url-help url-error');
      expect(text(el, '#url-error')).to.equal('Indiquez une adresse.');
      await expect(el).to.be.accessible();
    });

    for (const [what, url, search, message] of [
      [
        'an address that is neither a dataset nor a portal',
        '/portal/files/nothing-here',
        '',
        'Cette adresse n’est ni celle d’un jeu de données ni celle d’un portail reconnu.',
      ],
      [
        'a private dataset',
        '/portal/~status=401/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records',
        '',
        'Jeu de données privé : une clé d’API est nécessaire (attribut api-key).',
      ],
      [
        'an unknown dataset',
        '/portal/ods/explore/dataset/nulle-part/',
        '',
        'Jeu de données introuvable. Vérifiez l’adresse de la source.',
      ],
    ]) {
      it(`says in words what failed for ${what}`, async () => {
        const el = await builder();
        await typeAddress(el, url, search);
        await waitUntil(() => $(el, '#load-error'), 'error shown', {timeout: 20_000});
        expect(text(el, '#load-error')).to.equal(message);
        expect($(el, '#load-error')!.getAttribute('role')).to.equal('alert');
        expect($(el, '#url')!.getAttribute('aria-describedby')).to.equal('url-help load-error');
        expect($(el, '#url'), 'the form stays usable').to.not.equal(null);
      });
    }

    it('says when a catalogue search finds nothing', async () => {
      const el = await builder();
      await typeAddress(el, '/portal/ods', 'zzzintrouvable');
      await waitUntil(() => $(el, '#catalog-empty'), 'empty result', {timeout: 20_000});
      expect(text(el, '#catalog-empty')).to.equal('Aucun jeu de données ne correspond à « zzzintrouvable ».');
      expect(text(el, '#status')).to.equal(text(el, '#catalog-empty'));
    });
  });
});
