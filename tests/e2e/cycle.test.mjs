// The reporting cycle in the browser (issue 12 §3, §8; docs/cycle.md): the lead unit of 廉江市's
// group (U048 省统计局) drafts the report of the period holding one of its resources (the
// figures the API counted are on the page), writes the narrative and its paragraph, attaches a
// PNG (a text file named .pdf is refused with the type named) and submits; the office
// (planner) finds it in the list filtered by status, returns it with a reason; the unit finds
// it in its inbox with the reason, opens it from there, fixes it and submits again; the office
// approves it with the list's bulk approval and reads the summary; the period is locked: the resource dated in it
// can no longer be edited on the resources page (the refusal names the period and who can
// reopen it); an admin reopens the report with a reason and the same edit goes through.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const GROUP = 'G2023-440881';
const clean = (errors) => errors.filter((e) => !/status of 4(01|09|13|15)/.test(e));   // signed out before the login; the refusals asked for
// 1×1 PNG
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

// Opens the address (reloads it when the page is there already: a hash alone would not).
async function go(page, hash) {
  if (page.url() === env.url + hash) await page.reload(); else await page.goto(env.url + hash);
  await env.ready(page);
}

// Fills the open dialog's form and submits it.
async function dialogForm(page, fields) {
  const form = page.locator('dialog.modal form');
  await form.waitFor();
  for (const [name, value] of Object.entries(fields)) {
    const el = form.locator(`[name=${name}]`);
    if (await el.evaluate((x) => x.tagName) === 'SELECT') await el.selectOption(String(value));
    else await el.fill(String(value));
  }
  await form.locator('button[type=submit]').click();
}

async function confirmDialog(page) {
  await page.locator('dialog.modal button.primary').click();
}

test('draft, submit, return with a reason, resubmit, bulk approval, the lock, reopening', async () => {
  const admin = await env.api('admin');
  // a resource of U048 for 廉江市 dated in a period that has ended, and that period
  const res = (await admin('GET', '/api/v1/resources?target=440881&unit=U048&limit=1000')).body.items
    .filter((r) => r.date < new Date().toISOString().slice(0, 10)).sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  assert.ok(res, 'a resource of U048 for 440881');
  const periods = (await admin('GET', '/api/v1/periods?round=' + res.round)).body.items;
  const period = periods.find((p) => p.start <= res.date && res.date <= p.end);
  assert.ok(period, 'the period of ' + res.date);

  // ---- the lead unit drafts
  const unit = await env.page();
  await env.login(unit, 'unit');
  await unit.click('nav.nav a[data-route=reports]');
  await env.ready(unit);
  await unit.click('[data-action=new-report]');
  await dialogForm(unit, { group: GROUP, period: period.id });
  await unit.waitForSelector('article.report[data-status=draft]');
  await env.ready(unit);
  const id = Number(unit.url().split('/').pop());
  assert.ok(id > 0);
  const api = (await admin('GET', '/api/v1/group-reports/' + id)).body;
  const shown = Number(await unit.getAttribute(`[data-fig="resources.${res.kind}"]`, 'data-value'));
  assert.equal(shown, api.figures.resources[res.kind].amount, 'the figures as the API counts them');
  assert.ok(shown >= Number(res.amount));
  assert.deepEqual(await unit.$$eval('[data-section=transitions] button', (b) => b.map((x) => x.dataset.action)), ['submit']);

  await unit.fill('[data-edit=problems]', '冷链物流项目用地审批较慢');
  await unit.fill('[data-edit=next_steps]', '下季度完成冷库主体工程');
  await unit.click('[data-action=save-narrative]');
  await unit.waitForSelector('[data-section=narrative] [data-edit=problems]');
  await env.ready(unit);
  await unit.fill('[data-edit=paragraph]', '省统计局本季度开展统计业务培训两期。');
  await unit.click('[data-action=save-paragraph]');
  await unit.waitForSelector('[data-paragraph=U048]');
  await env.ready(unit);

  // a text file named .pdf is refused by content; a PNG is taken and offered for download
  await unit.setInputFiles('[data-edit=attachment]', { name: '报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all\n') });
  await unit.click('[data-action=upload]');
  const refusal = await unit.waitForSelector('[data-refusal="415"]');
  assert.match(await refusal.textContent(), /报告\.pdf.*不是允许的文件类型/);
  await unit.setInputFiles('[data-edit=attachment]', { name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
  await unit.click('[data-action=upload]');
  await unit.waitForSelector('[data-section=attachments] a[data-file="现场照片.png"]');
  await env.ready(unit);
  const [download] = await Promise.all([unit.waitForEvent('download'), unit.click('a[data-file="现场照片.png"]')]);
  assert.equal(download.suggestedFilename(), '现场照片.png');

  await unit.click('[data-action=submit]');
  await confirmDialog(unit);
  await unit.waitForSelector('article.report[data-status=submitted]');

  // ---- the office returns it with a reason
  const office = await env.page();
  await env.login(office, 'planner');
  await go(office, `#/reports?status=submitted&round=${encodeURIComponent(res.round)}`);
  const row = office.locator(`tr:has(a[href="#/reports/${id}"])`);
  await row.waitFor();
  assert.match(await row.textContent(), /已提交/);
  await row.locator(`a[href="#/reports/${id}"]`).first().click();
  await env.ready(office);
  await office.waitForSelector('article.report[data-status=submitted]');
  assert.deepEqual((await office.$$eval('[data-section=transitions] button', (b) => b.map((x) => x.dataset.action))).sort(), ['approve', 'return']);
  assert.equal(await office.$('[data-edit=problems]'), null, 'the office does not write the narrative');
  await office.click('[data-action=return]');
  const REASON = '请补充冷链项目的资金到位情况';
  await dialogForm(office, { reason: REASON });
  await office.waitForSelector('article.report[data-status=returned]');

  // ---- the unit sees it in its inbox with the reason, opens it, fixes it and submits again
  await go(unit, '#/inbox');
  const item = unit.locator(`.inbox-items li[data-kind="report_returned"]:has(a[href="#/reports/${id}"])`);
  await item.waitFor();
  assert.ok((await item.textContent()).includes(REASON));
  await item.locator(`a[href="#/reports/${id}"]`).click();
  await env.ready(unit);
  await unit.waitForSelector('article.report[data-status=returned]');
  assert.equal(await unit.textContent('[data-reason=returned]').then((x) => x.includes(REASON)), true);
  assert.match(await unit.textContent('.page-head [data-status=returned]'), /已退回/);
  await unit.fill('[data-edit=problems]', '冷链物流项目用地审批较慢；省级资金已到位 60%');
  await unit.click('[data-action=save-narrative]');
  await env.ready(unit);
  await unit.waitForSelector('[data-action=submit]');
  await unit.click('[data-action=submit]');
  await confirmDialog(unit);
  await unit.waitForSelector('article.report[data-status=submitted]');

  // ---- the office approves it in bulk from the list
  await go(office, `#/reports?status=submitted&round=${encodeURIComponent(res.round)}`);
  await office.check(`input[data-pick="${id}"]`);
  assert.equal(await office.textContent('[data-action=bulk-approve]'), '批量通过所选（1）');
  await office.click('[data-action=bulk-approve]');
  await confirmDialog(office);
  const summary = await office.waitForSelector('[data-section=bulk-summary] [data-approved]');
  assert.equal(await summary.getAttribute('data-approved'), '1');
  assert.match(await summary.textContent(), /已审核通过 1 份报告/);
  assert.equal((await admin('GET', '/api/v1/group-reports/' + id)).body.status, 'approved');

  // ---- the period is locked: the resource dated in it cannot be edited
  await go(unit, '#/reports/' + id);
  await unit.waitForSelector('[data-locked-notice]');
  assert.equal(await unit.$('[data-edit=problems]'), null, 'nothing to write in a locked report');
  const editAmount = async (page, amount) => {
    await go(page, `#/resources?target=440881&unit=U048`);
    await page.locator(`tr:has(td:first-child:text-is("${res.id}")) [data-action=edit-resource]`).click();
    await dialogForm(page, { amount });
  };
  await editAmount(unit, '1,234,567');
  const err = unit.locator('dialog.modal .form-error .error');
  await err.waitFor();
  const text = await err.textContent();
  assert.match(text, new RegExp(period.name));
  assert.match(text, /重新开放|reopen/);
  assert.equal((await admin('GET', '/api/v1/resources/' + res.id)).body.amount, res.amount);
  await unit.keyboard.press('Escape');

  // ---- an admin reopens it with a reason; the edit goes through
  const boss = await env.page();
  await env.login(boss, 'admin');
  await go(boss, '#/reports/' + id);
  await boss.click('[data-action=reopen]');
  await dialogForm(boss, { reason: '县里更正了资金到位数' });
  await boss.waitForSelector('article.report[data-status=draft] [data-reason=reopened]');
  await editAmount(unit, '1,234,567');
  await unit.waitForSelector('dialog.modal', { state: 'detached' });
  assert.equal(Number((await admin('GET', '/api/v1/resources/' + res.id)).body.amount), 1234567);

  const audit = (await admin('GET', '/api/v1/audit?entity=group_report&limit=100')).body.items
    .filter((a) => a.key === String(id)).map((a) => a.action);
  for (const a of ['create', 'submit', 'return', 'approve', 'reopen']) assert.ok(audit.includes(a), 'audit ' + a + ' in ' + audit);
  for (const p of [unit, office, boss]) assert.deepEqual(clean(p.errors), []);
});

test('periods: an admin sees the round cut, changes a due date, and cutting again is refused once reports exist; a county reads without forms', async () => {
  const admin = await env.api('admin');
  const round = (await admin('GET', '/api/v1/rounds')).body.items[0].name;
  const periods = (await admin('GET', '/api/v1/periods?round=' + round)).body.items;
  const boss = await env.page();
  await env.login(boss, 'admin');
  await go(boss, '#/periods?round=' + encodeURIComponent(round));
  assert.equal(await boss.locator('table.data tbody tr').count(), periods.length);
  assert.match(await boss.textContent('[data-section=cut]'), new RegExp(`季度.*${periods.length}`));
  // a period's due date
  const p = periods[1];
  await boss.locator(`tr:has(a:text-is("${p.name}")) [data-action=edit-period]`).click();
  await dialogForm(boss, { due: '2024-04-20' });
  await boss.waitForSelector('dialog.modal', { state: 'detached' });
  await env.ready(boss);
  assert.equal((await admin('GET', '/api/v1/periods/' + p.id)).body.due, '2024-04-20');
  // the first test's report sits on the round: cutting it again is refused, in the form
  assert.ok((await admin('GET', '/api/v1/group-reports?round=' + round)).body.total > 0);
  await boss.click('[data-action=generate]');
  await dialogForm(boss, { kind: 'monthly', due_days: 15 });
  const err = boss.locator('dialog.modal .form-error .error');
  await err.waitFor();
  assert.match(await err.textContent(), /不能重新划分|cannot be cut again/);
  await boss.keyboard.press('Escape');
  assert.equal((await admin('GET', '/api/v1/periods?round=' + round)).body.total, periods.length);

  // a county reads its target's reports: no ticks, no new report, no forms, no transitions
  const county = await env.page();
  await env.login(county, 'county');
  await go(county, '#/reports');
  const rows = county.locator('table.data tbody tr');
  assert.ok(await rows.count() >= 1);
  assert.equal(await county.$('[data-action=bulk-approve]'), null);
  assert.equal(await county.$('[data-action=new-report]'), null);
  assert.equal(await county.$('input[data-pick]'), null);
  await rows.first().locator('a').first().click();
  await env.ready(county);
  await county.waitForSelector('article.report');
  assert.equal(await county.$('[data-section=transitions]'), null);
  assert.equal(await county.$('[data-edit]'), null);
  assert.equal(await county.$('[data-action=generate]'), null);
  // a period not of the round shown (the round changed in the filters) is dropped
  await county.goto(env.url + '#/reports?period=99999');
  await county.waitForFunction(() => /^#\/reports\?round=/.test(location.hash) && !location.hash.includes('period'));
  await env.ready(county);
  assert.ok(await rows.count() >= 1);
  await go(county, '#/periods');
  assert.equal(await county.$('[data-action=generate]'), null);
  assert.equal(await county.$('[data-action=edit-period]'), null);
  for (const x of [boss, county]) assert.deepEqual(clean(x.errors), []);
});

test('an attachment over the server\'s size limit is refused with its size said', async () => {
  const small = await setup({ args: ['--attachment-max', '1024'] });
  try {
    const unit = await small.page();
    await small.login(unit, 'unit');
    const api = await small.api('unit');
    const period = (await api('GET', '/api/v1/periods')).body.items[1];
    const r = await api('POST', '/api/v1/group-reports', { group: GROUP, period: period.id });
    assert.equal(r.status, 201);
    await unit.goto(small.url + '#/reports/' + r.body.id);
    await small.ready(unit);
    const big = Buffer.concat([PNG, Buffer.alloc(3000)]);
    await unit.setInputFiles('[data-edit=attachment]', { name: '大照片.png', mimeType: 'image/png', buffer: big });
    await unit.click('[data-action=upload]');
    const refusal = await unit.waitForSelector('[data-refusal="413"]');
    assert.match(await refusal.textContent(), /大照片\.png（3 KiB）超过大小上限/);
    assert.equal((await api('GET', `/api/v1/group-reports/${r.body.id}/attachments`)).body.items.length, 0);
    assert.deepEqual(clean(unit.errors), []);
  } finally {
    await small.close();
  }
});
