/** The parts a dashboard forwards from the widgets it builds from its JSON configuration. */
import {expect} from '@open-wc/testing';
import {exportedParts} from './dashboard-widgets.js';

describe('dashboard widgets: exported parts', () => {
  it('forwards every part odw-map declares, its zoom buttons included, prefixed with map-', () => {
    const exported = exportedParts('odw-map').split(', ');
    // The @csspart list of src/elements/odw-map/odw-map.ts.
    for (const part of [
      'base',
      'title',
      'description',
      'body',
      'actions',
      'zoom',
      'map',
      'popup',
      'search',
      'notice',
      'legend',
      'summary',
      'table',
      'status',
      'retry',
      'footer',
    ]) {
      expect(exported).to.include(`${part}: map-${part}`);
    }
  });
});
