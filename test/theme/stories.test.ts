import {expect, waitUntil} from '@open-wc/testing';
import {render, type TemplateResult} from 'lit';
import * as chartStories from '../../stories/odw-chart.stories.js';
import * as dashboardStories from '../../stories/odw-dashboard.stories.js';
import * as filterStories from '../../stories/odw-filter.stories.js';
import * as kpiStories from '../../stories/odw-kpi.stories.js';
import * as mapStories from '../../stories/odw-map.stories.js';
import * as sourceStories from '../../stories/odw-source.stories.js';
import * as tableStories from '../../stories/odw-table.stories.js';
import {deepElements} from './colour.js';

/**
 * Storybook has a story for every state of every element — loading, empty, error, stale — and
 * each one shows that state, drawn from the portal emulator as Storybook serves it.
 */

interface StoryLike {
  args?: Record<string, unknown>;
  loaders?: Array<() => Promise<Record<string, unknown>>>;
  render?: (args: Record<string, unknown>, context: {loaded: Record<string, unknown>}) => unknown;
}

interface StoryModule {
  default: {args?: Record<string, unknown>; render?: StoryLike['render']};
  [name: string]: unknown;
}

const MODULES: Record<string, StoryModule> = {
  'odw-source': sourceStories as unknown as StoryModule,
  'odw-kpi': kpiStories as unknown as StoryModule,
  'odw-chart': chartStories as unknown as StoryModule,
  'odw-map': mapStories as unknown as StoryModule,
  'odw-table': tableStories as unknown as StoryModule,
  'odw-filter': filterStories as unknown as StoryModule,
  'odw-dashboard': dashboardStories as unknown as StoryModule,
};

const WIDGETS = 'odw-kpi, odw-chart, odw-map, odw-table, odw-filter';

/** What each state looks like inside one widget's shadow root. */
const STATES: Record<string, (root: ShadowRoot) => boolean> = {
  Loading: (root) => Boolean(root.querySelector('[part~=body][aria-busy=true] .skeleton')),
  Empty: (root) =>
    Boolean(root.querySelector('.status.empty, td.empty')) ||
    // A filter keeps its control, with no choice.
    Boolean(root.querySelector('fieldset[part~=control]') && !root.querySelector('.choice')),
  Error: (root) => Boolean(root.querySelector('.status.error')),
  Stale: (root) => Boolean(root.querySelector('.status.stale')),
};

const containers: HTMLElement[] = [];

afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});

/** Renders a story as Storybook does: its loaders first, then its render with the merged args. */
async function renderStory(module: StoryModule, story: StoryLike): Promise<HTMLElement> {
  const loaded = Object.assign({}, ...(await Promise.all((story.loaders ?? []).map((loader) => loader()))));
  const args = {...module.default.args, ...story.args};
  const drawn = (story.render ?? module.default.render)!(args, {loaded});
  const container = document.createElement('div');
  containers.push(container);
  document.body.append(container);
  if (drawn instanceof HTMLElement) container.append(drawn);
  else render(drawn as TemplateResult, container);
  return container;
}

/** The story named `state`, or for errors the first whose name starts with `Error`. */
function storyOf(module: StoryModule, state: string): StoryLike | undefined {
  const name = Object.keys(module).find((key) =>
    state === 'Error' ? key.startsWith('Error') : key === state,
  );
  return name ? (module[name] as StoryLike) : undefined;
}

describe('Storybook states', function () {
  this.timeout(60_000);

  for (const [tag, module] of Object.entries(MODULES)) {
    for (const state of Object.keys(STATES)) {
      it(`${tag}: the ${state} story shows the ${state.toLowerCase()} state`, async () => {
        const story = storyOf(module, state);
        expect(story, `${tag} has a ${state} story`).not.to.equal(undefined);
        const container = await renderStory(module, story!);
        const shows = () =>
          deepElements(container)
            .filter((el) => el.matches(WIDGETS) && el.shadowRoot)
            .some((el) => STATES[state](el.shadowRoot!));
        await waitUntil(shows, `${tag} ${state}`, {timeout: 45_000, interval: 100});
      });
    }
  }

  it('has a story for every chart type, map mode and filter type', () => {
    const argsOf = (module: StoryModule) =>
      Object.values(module)
        .filter((value): value is StoryLike => typeof value === 'object' && value !== null && 'args' in value)
        .map((story) => ({...module.default.args, ...story.args}));
    const values = (module: StoryModule, variant: (args: Record<string, unknown>) => unknown) => [
      ...new Set(argsOf(module).map(variant)),
    ];
    expect(values(MODULES['odw-chart'], (args) => args.type ?? 'column')).to.include.members([
      'column',
      'bar',
      'line',
      'area',
      'pie',
      'donut',
      'scatter',
    ]);
    // Without `mode`, a map with outlines is a choropleth, one without draws the data's points.
    const mode = (args: Record<string, unknown>) => args.mode ?? (args.shapes ? 'choropleth' : 'points');
    expect(values(MODULES['odw-map'], mode)).to.include.members(['choropleth', 'points']);
    expect(values(MODULES['odw-filter'], (args) => args.type ?? 'select')).to.include.members([
      'select',
      'checkboxes',
      'search',
      'range',
      'date-range',
    ]);
  });
});
