// Node tests of the portal-outage switches: `node --test tools/portal/`.
import {after, before, it} from 'node:test';
import assert from 'node:assert/strict';
import {startPortal} from './server.mjs';

const RECORDS_PATH = 'ods/api/explore/v2.1/catalog/datasets/populations-legales-2025/records?limit=1';
const RECORDS = `/portal/${RECORDS_PATH}`;

let portal;
before(async () => {
  portal = await startPortal({port: 0});
});
after(() => portal.close());

const post = (body) => fetch(`${portal.url}/portal/__outage`, {method: 'POST', body});
const setDown = (down, name) => post(JSON.stringify(name === undefined ? {down} : {down, name}));
const get = (path) => fetch(`${portal.url}${path}`);
/** The records URL under a fault segment, e.g. `~outage=a`. */
const under = (segment) => `/portal/${segment}/${RECORDS_PATH}`;

it('drops every data request while the portal is down, and answers again once it is back', async () => {
  assert.equal((await get(RECORDS)).status, 200);
  assert.deepEqual(await (await setDown(true)).json(), {down: true});
  await assert.rejects(get(RECORDS), TypeError);
  await assert.rejects(get(under('~outage=elsewhere')), TypeError);
  // The switch and the request log still answer.
  assert.deepEqual(await (await get('/portal/__outage')).json(), {down: true});
  assert.equal((await get('/portal/__requests')).status, 200);
  await setDown(false);
  assert.equal((await get(RECORDS)).status, 200);
});

it('drops only the requests that carry the name of an outage that is on', async () => {
  assert.deepEqual(await (await setDown(true, 'scoped-a')).json(), {down: true, name: 'scoped-a'});
  await assert.rejects(get(under('~outage=scoped-a')), TypeError);
  // With other faults in the same segment, anywhere in it.
  await assert.rejects(get(under('~tag=scoped-log,outage=scoped-a')), TypeError);
  await assert.rejects(get(under('~outage=scoped-a,status=500')), TypeError);
  // Another name, and URLs that carry none, are answered.
  assert.equal((await get(under('~outage=scoped-b'))).status, 200);
  assert.equal((await get(RECORDS)).status, 200);
  assert.equal((await get(under('~tag=scoped-log'))).status, 200);
  // The global switch did not move; each name reads back.
  assert.deepEqual(await (await get('/portal/__outage')).json(), {down: false});
  assert.deepEqual(await (await get('/portal/__outage?name=scoped-a')).json(), {
    name: 'scoped-a',
    down: true,
  });
  assert.deepEqual(await (await get('/portal/__outage?name=scoped-b')).json(), {
    name: 'scoped-b',
    down: false,
  });
  // A dropped request never reached the portal: it is not in the log.
  const logged = await (await get('/portal/__requests?tag=scoped-log')).json();
  assert.equal(logged.requests.length, 1);

  assert.deepEqual(await (await setDown(false, 'scoped-a')).json(), {down: false, name: 'scoped-a'});
  assert.equal((await get(under('~outage=scoped-a'))).status, 200);
  assert.equal((await get(under('~tag=scoped-log,outage=scoped-a'))).status, 200);
});

it('keeps the outages of two names apart', async () => {
  await setDown(true, 'pair-a');
  await setDown(true, 'pair-b');
  await setDown(false, 'pair-a');
  assert.equal((await get(under('~outage=pair-a'))).status, 200);
  await assert.rejects(get(under('~outage=pair-b')), TypeError);
  await setDown(false, 'pair-b');
  assert.equal((await get(under('~outage=pair-b'))).status, 200);
});

it('takes no fault of a sequence for a request it drops', async () => {
  const sequence = await fetch(`${portal.url}/portal/__faults`, {
    method: 'POST',
    body: JSON.stringify({name: 'outage-seq', faults: ['status=503']}),
  });
  assert.equal(sequence.status, 200);
  await setDown(true, 'seq-outage');
  await assert.rejects(get(under('~seq=outage-seq,outage=seq-outage')), TypeError);
  await setDown(false, 'seq-outage');
  assert.equal((await get(under('~seq=outage-seq,outage=seq-outage'))).status, 503);
});

it('refuses a body that does not say down or up, or a name no URL can carry', async () => {
  for (const body of [
    '{"down": "yes"}',
    'not json',
    '',
    'null',
    '{"name": "a"}',
    '{"down": true, "name": ""}',
    '{"down": true, "name": 3}',
    '{"down": true, "name": "a,b"}',
    '{"down": true, "name": "a b"}',
  ]) {
    const response = await post(body);
    assert.equal(response.status, 400, body);
    assert.match((await response.json()).message, /^Body must be/, body);
  }
  // Nothing was switched.
  assert.deepEqual(await (await get('/portal/__outage')).json(), {down: false});
  assert.equal((await get(under('~outage=a'))).status, 200);
});

it('refuses an outage segment without a name', async () => {
  const response = await get(under('~outage='));
  assert.equal(response.status, 400);
  assert.match((await response.json()).message, /outage=<name>/);
});
