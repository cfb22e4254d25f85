// Data (web/js/pages/data.js): a CSV with an error is previewed (POST /api/v1/import?dry_run=1):
// the error's file, line and column show in a table, the import button stays off and nothing
// is written; a corrected file previews clean and is then imported. The admin's accounts page
// lists the accounts, creates one with a generated password shown once, and disables it; the
// audit log shows the changes with before and after. It shows and sets an account's e-mail
// address, the API's refusal of a bad one marked on the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, apiSession } from './lib.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

const HEAD = 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\n';
const GOOD = 'X-E1,导入甲,U048,G2023-440881,section,科员,2025-01-01,2027-12-31,,,0,e2e\n';
const BAD = 'X-E2,导入乙,U048,G2023-440881,section,科员,2025-02-30,2027-12-31,,,0,e2e\n';
const file = (text) => ({ name: 'cadres.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an import with an error: the line and column are reported and nothing is written', async () => {
  const admin = await env.api('admin');
  const before = (await admin('GET', '/api/v1/cadres?limit=1')).body.total;
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/data');
  await env.ready(page);
  await page.setInputFiles('#import-files', file(HEAD + GOOD + BAD));
  await page.click('[data-action=preview]');
  await page.waitForSelector('.import-errors');
  const rows = await page.$$eval('.import-errors tbody tr', (trs) => trs.map((tr) => [tr.dataset.line, tr.dataset.column, tr.textContent]));
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], '3');
  assert.equal(rows[0][1], 'start');
  assert.match(rows[0][2], /cadres\.csv.*2025-02-30/);
  assert.ok(await page.isDisabled('[data-action=commit]'));
  assert.equal((await admin('GET', '/api/v1/cadres?limit=1')).body.total, before);
  assert.equal((await admin('GET', '/api/v1/cadres/X-E1')).status, 404, 'the good row was not written either');
  assert.equal((await admin('GET', '/api/v1/audit?entity=import')).body.total, 0);

  // corrected: a clean preview writes nothing, then the import does
  await page.setInputFiles('#import-files', file(HEAD + GOOD));
  assert.equal(await page.$('.import-errors'), null, 'a new file clears the old result');
  await page.click('[data-action=preview]');
  await page.waitForSelector('[data-preview=ok]');
  assert.match(await page.textContent('.import-rows'), /cadres\.csv\s*1/);
  assert.equal((await admin('GET', '/api/v1/cadres/X-E1')).status, 404, 'a preview writes nothing');
  await page.click('[data-action=commit]');
  await page.click('dialog.modal button.primary');
  await page.waitForSelector('[data-imported=ok]');
  const c = await admin('GET', '/api/v1/cadres/X-E1');
  assert.equal(c.status, 200);
  assert.equal(c.body.name, '导入甲');
  assert.equal((await admin('GET', '/api/v1/cadres?limit=1')).body.total, before + 1);
  await page.context().close();
});

test('admin: the accounts page lists the accounts, creates one and disables it', async () => {
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/data?tab=users');
  await env.ready(page);
  const names = await page.$$eval('[data-account]', (els) => els.map((e) => e.dataset.account));
  assert.deepEqual(names.filter((n) => n !== 'wang'), ['admin', 'auditor', 'county', 'planner', 'unit']);
  assert.match(await page.textContent('tr:has([data-account=unit])'), /省统计局/);

  await page.click('[data-action=add-user]');
  const form = 'dialog.modal form';
  await page.waitForSelector(form);
  await page.fill(`${form} [name=name]`, 'lianjiang');
  await page.selectOption(`${form} [name=role]`, 'county');
  await page.click(`${form} button[type=submit]`);   // no target yet: the API names the field
  await page.waitForSelector(`${form} [name=target][aria-invalid=true]`);
  await page.selectOption(`${form} [name=target]`, '440881');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector('[data-password]');
  const pw = await page.textContent('[data-password]');
  assert.equal(pw.length, 16);
  const call = await apiSession(env.url, 'lianjiang', pw);
  assert.equal((await call('GET', '/api/v1/session')).body.user.target, '440881');
  await page.click('dialog.modal button.primary');
  await page.waitForSelector('[data-account=lianjiang]');
  await env.ready(page);

  await page.click('tr:has([data-account=lianjiang]) [data-action=toggle]');
  await page.click('dialog.modal button.primary');
  await page.waitForFunction(() => /已停用/.test(document.querySelector('tr:has([data-account=lianjiang])')?.textContent || ''));
  assert.equal((await call('GET', '/api/v1/session')).status, 401, 'its session ended');
  await assert.rejects(apiSession(env.url, 'lianjiang', pw));

  await page.goto(env.url + '#/data?tab=audit&entity=account');
  await env.ready(page);
  const audit = await page.textContent('.audit table.data tbody');
  assert.match(audit, /lianjiang/);
  assert.match(audit, /新增/);
  assert.match(audit, /修改/);
  assert.doesNotMatch(audit, new RegExp(pw));
  await page.context().close();
});

test('admin: the accounts page shows and sets an account’s e-mail; a bad address is refused by the field', async () => {
  const admin = await env.api('admin');
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/data?tab=users');
  await env.ready(page);
  const row = 'tr:has([data-account=unit])';
  assert.equal(await page.$$eval(`${row} [data-email]`, (l) => l.length), 0);
  await page.click(`${row} [data-action=change]`);
  const form = 'dialog.modal form';
  await page.waitForSelector(`${form} [name=email]`);
  await page.fill(`${form} [name=email]`, 'tongji@stats..gd.gov.cn');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(`${form} [name=email][aria-invalid=true]`);
  assert.match(await page.textContent(`${form} [data-field=email] .field-msg`), /不是有效的电子邮件地址/);
  assert.equal((await admin('GET', '/api/v1/users')).body.items.find((u) => u.name === 'unit').email, null);
  await page.fill(`${form} [name=email]`, 'tongji@stats.gd.gov.cn');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector(`${row} [data-email="tongji@stats.gd.gov.cn"]`);
  const unit = (await admin('GET', '/api/v1/users')).body.items.find((u) => u.name === 'unit');
  assert.equal(unit.email, 'tongji@stats.gd.gov.cn');
  assert.equal(unit.role, 'unit');
  assert.equal(unit.unit, 'U048');
  // the form shows it, and emptying it takes it away
  await env.ready(page);
  await page.click(`${row} [data-action=change]`);
  await page.waitForSelector(`${form} [name=email]`);
  assert.equal(await page.inputValue(`${form} [name=email]`), 'tongji@stats.gd.gov.cn');
  await page.fill(`${form} [name=email]`, '');
  await page.click(`${form} button[type=submit]`);
  await page.waitForFunction((r) => !document.querySelector(`${r} [data-email]`) && !document.querySelector('dialog.modal'), row);
  assert.equal((await admin('GET', '/api/v1/users')).body.items.find((u) => u.name === 'unit').email, null);
  // a new account gets its address when it is created
  await env.ready(page);
  await page.click('[data-action=add-user]');
  await page.waitForSelector(`${form} [name=email]`);
  await page.fill(`${form} [name=name]`, 'wang');
  await page.selectOption(`${form} [name=role]`, 'planner');
  await page.fill(`${form} [name=email]`, 'wang@gd.gov.cn');
  await page.click(`${form} button[type=submit]`);
  await page.waitForSelector('[data-password]');
  await page.click('dialog.modal button.primary');
  await page.waitForSelector('tr:has([data-account=wang]) [data-email="wang@gd.gov.cn"]');
  // the session asked before signing in (401), the refused address (400): nothing else
  assert.deepEqual(page.errors.filter((e) => !/status of (401|400)/.test(e)), []);
  await page.context().close();
});

test('the data page offers each role what it may: auditor audit and export, unit export only', async () => {
  for (const [role, tabs] of [['auditor', ['export', 'audit']], ['unit', ['export']], ['planner', ['export']]]) {
    const page = await env.page();
    await env.login(page, role);
    await page.goto(env.url + '#/data');
    await env.ready(page);
    assert.deepEqual(await page.$$eval('[role=tab]', (b) => b.map((x) => x.dataset.tab)), tabs, role);
    assert.ok(await page.$('[data-export="cadres.csv"]'));
    await page.context().close();
  }
});

test('export: a table downloads as CSV with every row (not only the first page)', async () => {
  const admin = await env.api('admin');
  const total = (await admin('GET', '/api/v1/cadres?limit=1')).body.total;
  const page = await env.page();
  await env.login(page, 'admin');
  await page.goto(env.url + '#/data?tab=export');
  await env.ready(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="cadres.csv"]')]);
  assert.equal(dl.suggestedFilename(), 'cadres.csv');
  const text = (await import('node:fs')).readFileSync(await dl.path(), 'utf8');
  assert.ok(text.startsWith('\uFEFFid,name,unit,group,rank'), 'UTF-8 with BOM and the import columns');
  assert.equal(text.trim().split(/\r?\n/).length, total + 1);
  // in pages of 50 records: the same file (one header, every record once)
  await page.evaluate(() => sessionStorage.setItem('bangfu.exportPage', '50'));
  const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="cadres.csv"]')]);
  const paged = (await import('node:fs')).readFileSync(await dl2.path(), 'utf8');
  assert.ok(total > 150);
  assert.equal(paged, text);
  await page.context().close();
});

test('export: a report downloads as XLSX (Chinese headers, read back by tests/bin/xlsx-read)', async () => {
  const page = await env.page();
  await env.login(page, 'planner');
  await page.goto(env.url + '#/data?tab=export');
  await env.ready(page);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="report-groups.xlsx"]')]);
  assert.equal(dl.suggestedFilename(), 'report-groups.xlsx');
  const file = await dl.path();
  const fs = await import('node:fs');
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
  const { execFileSync } = await import('node:child_process');
  const seen = execFileSync('python3', [new URL('../bin/xlsx-read', import.meta.url).pathname, file, '1'], { encoding: 'utf8' });
  assert.match(seen, /^sheet 数据 data: frozen 1 row\(s\), filter A1:J63$/m);
  assert.match(seen, /^A1 s 组团编号$/m);
  assert.match(seen, /^C1 s 帮扶对象$/m);
  assert.deepEqual(page.errors.filter((e) => !/status of 40[134]/.test(e)), []);
  await page.context().close();
});
