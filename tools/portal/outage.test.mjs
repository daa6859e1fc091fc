// Node tests of the portal-outage switch: `node --test tools/portal/`.
import {after, before, it} from 'node:test';
import assert from 'node:assert/strict';
import {startPortal} from './server.mjs';

const RECORDS = '/portal/ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records?limit=1';

let portal;
before(async () => {
  portal = await startPortal({port: 0});
});
after(() => portal.close());

const setDown = (down) =>
  fetch(`${portal.url}/portal/__outage`, {method: 'POST', body: JSON.stringify({down})});

it('drops every data request while the portal is down, and answers again once it is back', async () => {
  assert.equal((await fetch(`${portal.url}${RECORDS}`)).status, 200);
  assert.deepEqual(await (await setDown(true)).json(), {down: true});
  await assert.rejects(fetch(`${portal.url}${RECORDS}`), TypeError);
  // The switch and the request log still answer.
  assert.deepEqual(await (await fetch(`${portal.url}/portal/__outage`)).json(), {down: true});
  assert.equal((await fetch(`${portal.url}/portal/__requests`)).status, 200);
  await setDown(false);
  assert.equal((await fetch(`${portal.url}${RECORDS}`)).status, 200);
});

it('refuses a body that does not say down or up', async () => {
  const response = await fetch(`${portal.url}/portal/__outage`, {method: 'POST', body: '{"down": "yes"}'});
  assert.equal(response.status, 400);
});
