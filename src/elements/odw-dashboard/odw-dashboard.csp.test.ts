import {expect, waitUntil} from '@open-wc/testing';

type CspWindow = Window & {cspViolations?: string[]};

function normalize(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('odw-dashboard under a strict Content-Security-Policy', function () {
  this.timeout(60_000);

  it('lays out, themes and builds a JSON dashboard with zero violations', async () => {
    const frame = document.createElement('iframe');
    frame.width = '1000';
    frame.height = '800';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
    frame.src = '/test/csp/dashboard.html';
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as CspWindow;
      const page = win.document;
      const declared = page.getElementById('declared')!;
      const configured = page.getElementById('configured')!;
      const value = (kpi: Element | null | undefined) =>
        normalize(kpi?.shadowRoot?.querySelector('[part~=value]')?.textContent);
      const [population, communes] = declared.querySelectorAll('odw-kpi');
      await waitUntil(() => value(population) === '293 673' && value(communes) === '22', 'declared KPIs', {
        timeout: 20_000,
      });
      await waitUntil(
        () => value(configured.shadowRoot!.querySelector('odw-kpi')) === '308 806',
        'configured KPI',
        {
          timeout: 20_000,
        },
      );
      await waitUntil(
        () => configured.shadowRoot!.querySelector('odw-table')!.shadowRoot!.querySelector('tbody'),
        'table',
        {
          timeout: 20_000,
        },
      );
      // The constructable stylesheets applied: grid columns, spans and theme tokens.
      const grid = declared.shadowRoot!.querySelector('[part~=grid]')!;
      expect(win.getComputedStyle(grid).gridTemplateColumns.split(' ')).to.have.length(3);
      expect(population.getBoundingClientRect().width).to.be.greaterThan(
        communes.getBoundingClientRect().width * 1.8,
      );
      expect(population.getAttribute('theme')).to.equal('dsfr');
      expect(win.getComputedStyle(population).getPropertyValue('--_odw-accent').trim()).to.equal('#000091');
      expect(configured.getAttribute('theme')).to.equal('dark');
      expect(win.cspViolations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
