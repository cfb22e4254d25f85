// Rotations handed over (issue 12 §6, docs/rotations.md), on the cadres page: a cadre whose
// term ends within the session's rotation window (default 90 days) shows the days left and,
// to whoever may write that cadre, the button that names a successor. The office choosing
// another unit for the successor is refused by the server, whose error shows beside the
// predecessor field and nothing is written; the unit names its own successor, arriving by
// default 14 days before the term ends, and the page then shows the overlap; a reader who
// may not write the cadre has no button; a term ending beyond the window has no panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

// Today as the page counts it (the browser's local day), plus n days.
function dayPlus(n) {
  const d = new Date();
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000);
  local.setUTCDate(local.getUTCDate() + n);
  return local.toISOString().slice(0, 10);
}

const cadre = (id, end) => ({ id, name: '测试' + id, unit: 'U048', group: 'G2023-440881', rank: 'section',
  post: '市统计局副局长', start: '2025-01-01', planned_end: end, predecessor: null, verified: 0 });

test('a term ending within the window is handed over to a successor named on the page', async () => {
  const admin = await env.api('admin');
  assert.equal((await admin('POST', '/api/v1/cadres', cadre('C9301', dayPlus(20)))).status, 201);
  assert.equal((await admin('POST', '/api/v1/cadres', cadre('C9303', dayPlus(200)))).status, 201);
  const form = 'dialog.modal form';

  // the office names a successor of another unit (U111): refused, the server's words shown
  const office = await env.page();
  await env.login(office, 'admin');
  await office.goto(env.url + '#/cadres/C9301');
  await env.ready(office);
  assert.equal(await office.getAttribute('[data-handover-due]', 'data-handover-due'), '20');
  await office.click('[data-action=name-successor]');
  await office.waitForSelector(`${form} [name=name]`);
  await office.fill(`${form} [name=id]`, 'C9302');
  await office.fill(`${form} [name=name]`, '接任测试');
  await office.selectOption(`${form} [name=unit]`, 'U111');
  await office.click(`${form} button[type=submit]`);
  await office.waitForSelector(`${form} [name=predecessor][aria-invalid=true]`);
  assert.match(await office.textContent(`${form} [data-field=predecessor] .field-msg`), /U111/);
  assert.match(await office.textContent(`${form} .form-error`), /predecessor|接任|前任/);
  assert.equal((await admin('GET', '/api/v1/cadres/C9302')).status, 404, 'nothing written');
  await office.context().close();

  // the unit names its own successor: the default arrival is 14 days before the end
  const page = await env.page();
  await env.login(page, 'unit');
  await page.goto(env.url + '#/cadres/C9301');
  await env.ready(page);
  assert.match(await page.textContent('[data-handover-due]'), new RegExp(dayPlus(20)));
  await page.click('[data-action=name-successor]');
  await page.waitForSelector(`${form} [name=name]`);
  assert.deepEqual(await page.$$eval(`${form} select[name=unit] option`, (o) => o.map((x) => x.value).filter(Boolean)), ['U048']);
  assert.equal(await page.inputValue(`${form} [name=start]`), dayPlus(7));
  await page.fill(`${form} [name=id]`, 'C9302');
  await page.fill(`${form} [name=name]`, '接任测试');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector('[data-handover-due] [data-handover=overlap]');
  assert.equal(await page.getAttribute('[data-handover-due] [data-handover]', 'data-days'), '-14');
  assert.equal(await page.$('[data-action=name-successor]'), null, 'one successor per post');
  assert.match(await page.textContent('main dl.facts'), /接任测试/);
  const s = await admin('GET', '/api/v1/cadres/C9302');
  assert.equal(s.status, 200);
  assert.deepEqual([s.body.predecessor, s.body.unit, s.body.group, s.body.start, s.body.verified],
    ['C9301', 'U048', 'G2023-440881', dayPlus(7), 0]);

  // beyond the window: no panel
  await page.goto(env.url + '#/cadres/C9303');
  await env.ready(page);
  assert.equal(await page.$('[data-handover-due]'), null);
  assert.deepEqual(page.errors.filter((e) => !/status of 40[01]/.test(e)), []);
  await page.context().close();

  // a reader who may not write the cadre sees the hand-over, not the button
  const auditor = await env.page();
  await env.login(auditor, 'auditor');
  await auditor.goto(env.url + '#/cadres/C9301');
  await env.ready(auditor);
  assert.ok(await auditor.$('[data-handover-due] [data-handover=overlap]'));
  assert.equal(await auditor.$('[data-action=name-successor]'), null);
  await auditor.context().close();
});
