// Node tests of the offline basemap tiles: `node --test tools/portal/`.
import {after, before, it} from 'node:test';
import assert from 'node:assert/strict';
import {startPortal} from './server.mjs';

let portal;
before(async () => {
  portal = await startPortal({port: 0});
});
after(() => portal.close());

it('draws a tile over Orléans with départements, régions and, from level 9, communes', async () => {
  // Level 9, the tile of Orléans (1.909° E, 47.902° N).
  const response = await fetch(`${portal.url}/portal/tiles/9/258/178.svg`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'image/svg+xml');
  const svg = await response.text();
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="256" height="256"/);
  const paths = [...svg.matchAll(/<path d="([^"]*)"/g)].map(([, d]) => d);
  assert.equal(paths.length, 4);
  assert.ok(paths.every((d) => d.startsWith('M')));
  // Far out at sea: the plain background, no outline.
  const sea = await (await fetch(`${portal.url}/portal/tiles/9/200/180.svg`)).text();
  assert.ok(!/<path d="M/.test(sea));
});

it('answers 404 for a tile outside the world or another path', async () => {
  assert.equal((await fetch(`${portal.url}/portal/tiles/2/4/0.svg`)).status, 404);
  assert.equal((await fetch(`${portal.url}/portal/tiles/2/0/0.png`)).status, 404);
});
