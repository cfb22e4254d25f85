// Checks (web/js/pages/checks.js): every finding of GET /api/v1/check, grouped by rule with its
// Chinese and English title and fact tag, for a chosen day; each finding links to the record
// to fix (a group, a cadre …) and the link opens that record's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
// --end-window 0: the lead cadres whose terms end in the round's last weeks need a successor,
// so the bundled round has findings on 2026-12-20 (with the default 90 days it has none).
before(async () => { env = await setup({ args: ['--end-window', '0'] }); });
after(async () => { await env.close(); });

test('findings by rule with titles and fact tags; a finding links to its group', async () => {
  const api = await env.api('auditor');
  const want = (await api('GET', '/api/v1/check?as_of=2026-12-20')).body;
  assert.ok(want.violations > 0);
  const page = await env.page();
  await env.login(page, 'auditor');
  await page.goto(env.url + '#/checks?as_of=2026-12-20');
  await env.ready(page);
  assert.equal(await page.getAttribute('[data-as-of]', 'data-as-of'), '2026-12-20');
  assert.equal(await page.textContent('[data-violations]'), String(want.violations));
  for (const r of want.rules) {
    const sec = `section.rule[data-rule="${r.tag}"]`;
    const text = await page.textContent(sec);
    assert.ok(text.includes(r.source) && text.includes(r.title_zh) && text.includes(r.title_en), r.tag);
    assert.equal(await page.$$eval(`${sec} .findings li`, (l) => l.length), r.count);
  }
  const first = want.rules.find((r) => r.count).items[0];
  const link = `.findings li[data-key="${first.key}"] a.fix`;
  assert.equal(await page.getAttribute(link, 'href'), `#/${first.subject}s/${first.key}`);
  await page.click(link);
  await env.ready(page);
  assert.equal(decodeURIComponent(new URL(page.url()).hash), `#/${first.subject}s/${first.key}`);
  assert.equal(await page.getAttribute('main .page', 'data-page'), `${first.subject}s`);
  await page.context().close();
});

test('a cadre finding links to the cadre; the day is chosen in the form', async () => {
  const admin = await env.api('admin');
  assert.equal((await admin('DELETE', '/api/v1/members/G2023-440222,U052')).status, 204);
  const page = await env.page();
  await env.login(page, 'planner');
  await page.goto(env.url + '#/checks');
  await env.ready(page);
  await page.fill('input[name=as_of]', '2025-06-30');
  await page.click('.check-form button[type=submit]');
  await page.waitForFunction(() => /as_of=2025-06-30/.test(location.hash));
  await env.ready(page);
  assert.equal(await page.getAttribute('[data-as-of]', 'data-as-of'), '2025-06-30');
  const link = '.findings li[data-subject=cadre][data-key=C0002] a.fix';
  assert.match(await page.textContent(`section.rule[data-rule=cadre-quota]`), /C0002/);
  await page.click(link);
  await page.waitForFunction(() => location.hash === '#/cadres/C0002');
  await env.ready(page);
  assert.match(await page.textContent('main h1'), /杨宏泽/);
  await page.context().close();
});

test('an uncovered target (S3) links to the target', async () => {
  const admin = await env.api('admin');
  const made = await admin('POST', '/api/v1/targets', { adcode: '449901', name_zh: '测试县甲', prefecture: '测试市', kind: 'county', old_area: 0, verified: 0 });
  assert.equal(made.status, 201);
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/checks?as_of=2025-06-30');
  await env.ready(page);
  const sec = 'section.rule[data-rule=coverage]';
  assert.match(await page.textContent(sec), /S3/);
  assert.match(await page.textContent(`${sec} .findings li[data-subject=target][data-key="449901"]`), /测试县甲/);
  await page.click(`${sec} a.fix[href="#/targets/449901"]`);
  await page.waitForFunction(() => location.hash === '#/targets/449901');
  await env.ready(page);
  assert.equal(await page.getAttribute('main .page', 'data-page'), 'targets');
  await page.context().close();
});

test('a day outside every round: the page says that no round was judged', async () => {
  const page = await env.page();
  await env.login(page, 'planner');
  await page.goto(env.url + '#/checks?as_of=2027-01-05');
  await env.ready(page);
  assert.match(await page.textContent('[data-check-note]'), /2027-01-05 没有进行中的轮次/);
  assert.equal(await page.textContent('[data-violations]'), '0');
  await page.context().close();
});
