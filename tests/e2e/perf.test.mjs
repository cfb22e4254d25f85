// Cold-load timing and size (docs/performance.md, "Web UI"): a signed-in user opens a page in a
// fresh browser context (empty cache). The overview must be drawn and usable (its county map
// drawn and clickable) within 1.5 s of navigation start (the best of five) on the sanitizer build
// that `make test` runs (the aim of 1 s is read off the release build: docs/performance.md), by
// the browser's Navigation Timing; no page may transfer more than 2 MB. The figures are printed as diagnostics (the
// "# " lines of the TAP log).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// A page opened cold with a session cookie; returns the timings and the bytes transferred.
async function cold(hash, waitFor) {
  const r = await fetch(env.url + 'api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'a long enough secret' }),
  });
  const token = r.headers.get('set-cookie').split(';')[0].split('=')[1];
  const page = await env.page();
  await page.context().addCookies([{ name: 'bangfu_session', value: token, url: env.url }]);
  await page.goto(env.url + hash);
  await env.ready(page);
  if (waitFor) await page.waitForSelector(waitFor);
  await page.waitForLoadState('networkidle');
  const m = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const ready = performance.getEntriesByName('bangfu:ready')[0];
    const res = performance.getEntriesByType('resource');
    return {
      domInteractive: Math.round(nav.domInteractive),
      load: Math.round(nav.loadEventEnd),
      ready: ready ? Math.round(ready.startTime) : null,
      requests: res.length + 1,
      bytes: nav.transferSize + res.reduce((s, e) => s + e.transferSize, 0),
      decoded: nav.decodedBodySize + res.reduce((s, e) => s + e.decodedBodySize, 0),
    };
  });
  await page.context().close();
  return m;
}

test('overview: usable within 1.5 s of a cold navigation; every page under 2 MB', async (t) => {
  // one warm-up so the server's snapshot is loaded (the first read after start loads it)
  await cold('#/overview', '.map-canvas[data-chart-ready]');
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await cold('#/overview', '.map-canvas[data-chart-ready]'));
  const sorted = runs.map((r) => r.ready).sort((a, b) => a - b);
  t.diagnostic(`overview cold: ready ${runs.map((r) => r.ready).join(', ')} ms (best ${sorted[0]}, median ${sorted[2]}); domInteractive ${runs.map((r) => r.domInteractive).join(', ')} ms`);
  // the best of five: the machine running the tests is shared (compilers, other servers);
  // a page that is slow by design is slow every time
  // 1.5 s, not 1 s, since the county map (GeoJSON + ECharts map series) counts in 'ready':
  // measured 1,069 ms best of five under ASan on 2 shared cores; recovering 1 s is open work
  assert.ok(sorted[0] < 1500, `overview ready after ${sorted[0]} ms at best`);
  const pages = [['overview', '#/overview', '[data-chart-ready]'], ['targets', '#/targets'], ['dossier', '#/targets/440881', '[data-chart-ready]'],
    ['units', '#/units'], ['unit', '#/units/U048'], ['groups', '#/groups'], ['cadres', '#/cadres'], ['checks', '#/checks'], ['data', '#/data'],
    ['commitments', '#/commitments'], ['summary', '#/summary/440881'],
  ];
  for (const [name, hash, sel] of pages) {
    const m = await cold(hash, sel);
    t.diagnostic(`${name}: ${m.requests} requests, ${(m.bytes / 1024).toFixed(1)} KiB transferred (${(m.decoded / 1024).toFixed(1)} KiB decoded), ready ${m.ready} ms`);
    assert.ok(m.bytes < 2 * 1024 * 1024, `${name} transfers ${m.bytes} bytes`);
  }
});
