/**
 * The controllers of a data widget on their own, on a bare Lit host: the data task's states, the
 * source binding's, the refresh timer (on a fake clock) and the widget's own filter.
 */
import {expect, waitUntil} from '@open-wc/testing';
import {LitElement} from 'lit';
import FakeTimers from '@sinonjs/fake-timers';
import type {QueryResult} from '../data/types.js';
import {
  BUSY_DELAY,
  DataTaskController,
  type DataView,
  type Loaded,
  type RunOptions,
} from './data-task-controller.js';
import {RefreshController} from './refresh-controller.js';
import {SourceBindingController} from './source-binding-controller.js';
import {OwnFilter} from './own-filter.js';
import '../elements/odw-source/define.js';
import type {OdwSource} from '../elements/odw-source/odw-source.js';
import {uniqueTag} from '../../test/helpers.js';

const RESULT: QueryResult = {rows: [], total: 0, fields: []} as unknown as QueryResult;

/** A load the test settles by hand. */
interface PendingRun {
  options: RunOptions;
  resolve: (loaded: Loaded<string>) => void;
  reject: (error: unknown) => void;
}

class TaskHost extends LitElement {
  query = 'a';
  keeps = false;
  ready = true;
  runs: PendingRun[] = [];
  updates = 0;
  readonly task = new DataTaskController<string>(this, {
    key: () => [this.query],
    ready: () => this.ready,
    run: (options) =>
      new Promise<Loaded<string>>((resolve, reject) => this.runs.push({options, resolve, reject})),
    keepsDataWhileLoading: () => this.keeps,
  });

  protected override updated(): void {
    this.updates++;
  }
}
customElements.define('test-task-host', TaskHost);

async function taskHost(): Promise<TaskHost> {
  const host = document.createElement('test-task-host') as TaskHost;
  document.body.append(host);
  await host.updateComplete;
  return host;
}

function kind(view: DataView<string>): string {
  return view.kind === 'data'
    ? `data:${view.loaded.data}${view.stale ? ':stale' : ''}${view.busy ? ':busy' : ''}`
    : view.kind;
}

async function settle(host: TaskHost): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await host.updateComplete;
}

describe('DataTaskController', () => {
  afterEach(() => document.querySelectorAll('test-task-host').forEach((host) => host.remove()));

  it('shows the placeholder, then the data, and fires odw-load', async () => {
    const host = await taskHost();
    const loads: Event[] = [];
    host.addEventListener('odw-load', (event) => loads.push(event));
    expect(kind(host.task.view())).to.equal('placeholder');
    host.runs[0].resolve({data: 'first', result: RESULT});
    await settle(host);
    expect(kind(host.task.view())).to.equal('data:first');
    expect(loads).to.have.length(1);
  });

  it('keeps data on screen while reloading, marks it stale after a failed reload, then live again', async () => {
    const host = await taskHost();
    host.runs[0].resolve({data: 'first', result: RESULT});
    await settle(host);
    host.task.reload();
    await host.updateComplete;
    expect(host.runs[1].options.fresh, 'a reload bypasses the cache').to.equal(true);
    expect(host.runs[1].options.live, 'live data is being refreshed').to.equal(true);
    expect(kind(host.task.view())).to.equal('data:first:busy');
    const errors: Event[] = [];
    host.addEventListener('odw-error', (event) => errors.push(event));
    host.runs[1].reject(new Error('portal down'));
    await settle(host);
    expect(kind(host.task.view())).to.equal('data:first:stale');
    expect(errors).to.have.length(1);
    host.task.reload();
    await host.updateComplete;
    expect(kind(host.task.view()), 'still stale while retrying').to.equal('data:first:stale:busy');
    host.runs[2].resolve({data: 'second', result: RESULT});
    await settle(host);
    expect(kind(host.task.view())).to.equal('data:second');
  });

  it('shows the error when a new query fails, and the placeholder while it loads unless the widget keeps its data', async () => {
    const host = await taskHost();
    host.runs[0].resolve({data: 'first', result: RESULT});
    await settle(host);
    host.query = 'b';
    host.requestUpdate();
    await host.updateComplete;
    expect(kind(host.task.view())).to.equal('placeholder');
    host.runs[1].reject(new Error('bad query'));
    await settle(host);
    expect(host.task.view().kind).to.equal('error');
    host.keeps = true;
    host.query = 'c';
    host.requestUpdate();
    await host.updateComplete;
    expect(kind(host.task.view()), 'a table keeps its rows while paging').to.equal('data:first:busy');
  });

  it('marks the data on screen busy only when the new answer is slow, and renders a quick one once', async () => {
    const host = await taskHost();
    host.keeps = true;
    host.runs[0].resolve({data: 'first', result: RESULT});
    await settle(host);
    const clock = FakeTimers.install({toFake: ['setTimeout', 'clearTimeout']});
    const loaded = () => new Promise((resolve) => host.addEventListener('odw-load', resolve, {once: true}));
    try {
      const before = host.updates;
      // As a source's filter event does: the load starts outside any update.
      host.query = 'b';
      expect(host.task.runIfQueryChanged(), 'a new query starts a load').to.equal(true);
      await host.updateComplete;
      clock.tick(BUSY_DELAY - 1);
      await host.updateComplete;
      expect(host.updates, 'nothing to render while a quick answer may come').to.equal(before);
      clock.tick(1);
      await host.updateComplete;
      expect(host.updates).to.equal(before + 1);
      expect(kind(host.task.view())).to.equal('data:first:busy');
      const second = loaded();
      host.runs[1].resolve({data: 'second', result: RESULT});
      await second;
      await host.updateComplete;
      expect(kind(host.task.view())).to.equal('data:second');
      expect(host.updates).to.equal(before + 2);

      host.query = 'c';
      host.task.runIfQueryChanged();
      expect(host.task.runIfQueryChanged(), 'the same query again starts nothing').to.equal(false);
      const third = loaded();
      host.runs[2].resolve({data: 'third', result: RESULT});
      await third;
      await host.updateComplete;
      clock.tick(BUSY_DELAY);
      await host.updateComplete;
      expect(kind(host.task.view())).to.equal('data:third');
      expect(host.updates, 'a quick answer: one render, never busy').to.equal(before + 3);
    } finally {
      clock.uninstall();
    }
  });

  it('marks data from the offline copy stale', async () => {
    const host = await taskHost();
    host.runs[0].resolve({data: 'copy', result: RESULT, copiedAt: new Date(2026, 0, 1)});
    await settle(host);
    expect(kind(host.task.view())).to.equal('data:copy:stale');
  });

  it('aborts a running load when removed, and loads again when put back', async () => {
    const host = await taskHost();
    const {signal} = host.runs[0].options;
    host.remove();
    expect(signal.aborted).to.equal(true);
    document.body.append(host);
    await host.updateComplete;
    expect(host.runs).to.have.length(2);
  });

  it('waits while not ready', async () => {
    const host = document.createElement('test-task-host') as TaskHost;
    host.ready = false;
    document.body.append(host);
    await host.updateComplete;
    expect(host.runs).to.have.length(0);
    expect(kind(host.task.view())).to.equal('placeholder');
  });
});

class RefreshHost extends LitElement {
  refresh?: number;
  ticks = 0;
  readonly timer = new RefreshController(this, () => this.ticks++);
}
customElements.define('test-refresh-host', RefreshHost);

describe('RefreshController', () => {
  let clock: FakeTimers.InstalledClock;
  beforeEach(() => {
    clock = FakeTimers.install({toFake: ['setInterval', 'clearInterval']});
  });
  afterEach(() => clock.uninstall());

  it('ticks every `refresh` seconds while connected, and stops when removed', async () => {
    const host = document.createElement('test-refresh-host') as RefreshHost;
    host.refresh = 30;
    document.body.append(host);
    await host.updateComplete;
    clock.tick(90_000);
    expect(host.ticks).to.equal(3);
    host.remove();
    clock.tick(90_000);
    expect(host.ticks).to.equal(3);
    expect(host.timer.running).to.equal(false);
  });

  it('restarts only when `refresh` changes, not at every render', async () => {
    const host = document.createElement('test-refresh-host') as RefreshHost;
    host.refresh = 10;
    document.body.append(host);
    await host.updateComplete;
    for (let second = 0; second < 25; second++) {
      clock.tick(1000);
      host.requestUpdate();
      await host.updateComplete;
    }
    expect(host.ticks, 'renders do not reset the period').to.equal(2);
    host.refresh = 0;
    host.requestUpdate();
    await host.updateComplete;
    clock.tick(60_000);
    expect(host.ticks).to.equal(2);
    host.remove();
  });
});

class BindingHost extends LitElement {
  source?: string;
  refreshes = 0;
  readonly binding = new SourceBindingController(this, () => this.refreshes++);
  protected override willUpdate(): void {
    this.binding.bind();
  }
}
customElements.define('test-binding-host', BindingHost);

describe('SourceBindingController and OwnFilter', () => {
  const added: Element[] = [];
  afterEach(() => added.splice(0).forEach((element) => element.remove()));

  function add<E extends Element>(element: E): E {
    document.body.append(element);
    added.push(element);
    return element;
  }

  it('is missing until a source with that id is connected, then bound; unbinds when removed', async () => {
    const id = uniqueTag('src');
    const host = add(document.createElement('test-binding-host') as BindingHost);
    host.source = id;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.binding.state).to.equal('missing');
    const source = add(document.createElement('odw-source') as OdwSource);
    source.id = id;
    await waitUntil(() => host.binding.state === 'bound', 'bound once the source is connected');
    source.reload();
    expect(host.refreshes).to.equal(1);
    host.remove();
    source.reload();
    expect(host.refreshes, 'no listener left behind').to.equal(1);
  });

  it('leaves out only the widget’s own filter, and toggles it', async () => {
    const id = uniqueTag('src');
    const source = add(document.createElement('odw-source') as OdwSource);
    source.id = id;
    source.where = 'population > 1000';
    source.setFilter('other', {type: 'null', field: 'b'});
    const widget = {sourceElement: source, where: 'code = "45"'};
    const own = new OwnFilter(widget, () => 'mine');
    const mine = {type: 'null' as const, field: 'a'};
    expect(own.toggle(mine)).to.equal(true);
    expect(own.current).to.deep.equal(mine);
    const without = JSON.stringify(own.whereWithoutOwn());
    expect(without).to.contain('"field":"b"').and.contain('population').and.contain('code');
    expect(without).not.to.contain('"field":"a"');
    expect(own.toggle(mine), 'the same filter again removes it').to.equal(false);
    expect(source.getFilter('mine')).to.equal(undefined);
  });
});
