// The inbox (web/js/badge.js, web/js/pages/inbox.js; docs/cycle.md): the header's badge shows
// the number of items GET /api/v1/inbox counts; it opens #/inbox, which lists the items by kind
// in Chinese with the English beside them, each linking to its record. A returned report is
// in the lead unit's inbox with the office's reason, and goes when it is submitted again. The
// auditor, whose inbox holds no kinds, gets no badge. The office's inbox of more than a page
// comes a page at a time, the next on demand, while the badge counts it whole.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('the badge counts the inbox; the page lists its items with links', async () => {
  const unit = await env.api('unit');
  const planner = await env.api('planner');
  const made = await unit('POST', '/api/v1/group-reports', { group: 'G2023-440881', period: 2 });
  assert.equal(made.status, 201);
  assert.equal((await unit('POST', `/api/v1/group-reports/${made.body.id}/submit`)).status, 200);
  assert.equal((await planner('POST', `/api/v1/group-reports/${made.body.id}/return`, { reason: '请补充资金到位情况' })).status, 200);
  const want = (await unit('GET', '/api/v1/inbox?limit=500')).body;
  assert.ok(want.total > 0 && want.counts.report_returned === 1);

  const page = await env.page();
  await env.login(page, 'unit');
  await page.waitForSelector('.who .inbox-badge:not([hidden]) .count[data-inbox-count]');
  assert.equal(await page.textContent('.who .inbox-badge .count'), String(want.total));
  await page.click('.who .inbox-badge');
  await env.ready(page);
  assert.equal(await page.getAttribute('main .page', 'data-page'), 'inbox');
  assert.equal(await page.$$eval('.inbox-items li', (l) => l.length), want.items.length);
  const returned = '.inbox-items li[data-kind="report_returned"]';
  const text = await page.textContent(returned);
  assert.ok(text.includes('请补充资金到位情况') && text.includes('was returned'), text);
  assert.equal(await page.getAttribute(`${returned} a`, 'href'), `#/reports/${made.body.id}`);
  for (const k of want.kinds.filter((x) => want.counts[x])) {
    const chip = await page.textContent(`.inbox-kinds [data-kind="${k}"] .n`);
    assert.equal(chip, String(want.counts[k]), k);
  }
  // a kind's filter shows only its items
  await page.click('.inbox-kinds [data-kind="report_returned"]');
  await env.ready(page);
  assert.equal(await page.$$eval('.inbox-items li', (l) => l.length), 1);
  // submitted again: no longer returned, and the badge counts one item less
  assert.equal((await unit('POST', `/api/v1/group-reports/${made.body.id}/submit`)).status, 200);
  await page.goto(env.url + '#/inbox');
  await env.ready(page);
  await page.waitForSelector(`.who .inbox-badge .count[data-inbox-count="${want.total - 1}"]`);
  assert.equal(await page.$$eval(returned, (l) => l.length), 0);
  assert.deepEqual(page.errors.filter((e) => !/status of 401/.test(e)), []);  // the session asked before signing in
  await page.context().close();
});

test('the auditor has no badge and a read-only inbox page', async () => {
  const page = await env.page();
  await env.login(page, 'auditor');
  await page.goto(env.url + '#/inbox');
  await env.ready(page);
  assert.equal(await page.$$eval('.who .inbox-badge:not([hidden])', (l) => l.length), 0);
  assert.ok((await page.textContent('main .page')).includes('只读'));
  await page.context().close();
});

test('the office’s inbox comes in pages; the badge counts all of it', async () => {
  // 130 more reports waiting for the office, beside the one the first test left submitted
  execFileSync('sqlite3', [env.server.db, `INSERT INTO group_report ("group", period, status, created, updated, submitted, submitted_by)
    SELECT g.id, p.id, 'submitted', '2024-04-01T00:00:00Z', '2024-04-01T00:00:00Z', '2024-04-02T00:00:00Z', 'x'
    FROM grp g JOIN period p ON p.round = g.round AND p.id IN (2, 3, 4) WHERE g.id <> 'G2023-440881' ORDER BY g.id, p.id LIMIT 130`]);
  const planner = await env.api('planner');
  const all = (await planner('GET', '/api/v1/inbox?limit=1000')).body;
  assert.equal(all.matched, 131);
  assert.equal(all.total, 131);

  const page = await env.page();
  await env.login(page, 'planner');
  await page.waitForSelector('.who .inbox-badge .count[data-inbox-count="131"]');
  await page.goto(env.url + '#/inbox');
  await env.ready(page);
  assert.equal(await page.$$eval('.inbox-items li', (l) => l.length), 100);
  assert.equal(await page.getAttribute('[data-matched]', 'data-shown'), '100');
  assert.ok((await page.textContent('[data-matched]')).includes('100 / 共 131'));
  assert.equal(await page.textContent('.inbox-kinds [data-kind="report_waiting"] .n'), '131');
  await page.click('button[data-more]');
  await page.waitForSelector('[data-matched][data-shown="131"]');
  const shown = await page.$$eval('.inbox-items li', (l) => l.map((x) => x.getAttribute('data-record')));
  assert.deepEqual(shown, all.items.map((it) => `${it.record.type}:${it.record.id}`));
  assert.ok(await page.$eval('button[data-more]', (b) => b.hidden));
  assert.equal(await page.textContent('.who .inbox-badge .count'), '131');
  assert.deepEqual(page.errors.filter((e) => !/status of 401/.test(e)), []);
  await page.context().close();
});
