// tests/e2e/screens-pages.mjs: the states in which `make screenshots` (screenshots.mjs) shows
// the groups and data pages: the membership editor's dry run with a second lead, and an
// import preview that reports an error by line and column. Each takes the page, already on the
// route and rendered.

// #/groups/{id}?edit=1: make U111 a second lead and wait for the dry run's findings.
export async function groupsEditor(page) {
  await page.waitForSelector('#group-live-check');
  await page.selectOption('select[name="role-U111"]', 'lead');
  await page.waitForSelector('#group-live-check li[data-rule="group-shape"].new');
  await page.$eval('#group-editor', (e) => e.scrollIntoView());
}

// #/data (admin: the import tab): preview a cadres.csv whose second row has an impossible date.
export async function importPreview(page) {
  const csv = 'id,name,unit,group,rank,post,start,planned_end,actual_end,predecessor,verified,note\n' +
    'X-S1,示例甲,U048,G2023-440881,section,科员,2025-01-01,2027-12-31,,,0,\n' +
    'X-S2,示例乙,U048,G2023-440881,section,科员,2025-02-30,2027-12-31,,,0,\n';
  await page.setInputFiles('#import-files', { name: 'cadres.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.click('[data-action=preview]');
  await page.waitForSelector('.import-errors');
}

// Before #/reports, #/reports/1: the lead unit's report of 廉江市's group for the current
// quarter, written and submitted, and a returned one for the quarter before (env: the
// harness; over the API as the unit and the planner).
export async function cycleReports(env) {
  const unit = await env.api('unit');
  const office = await env.api('planner');
  const periods = (await unit('GET', '/api/v1/periods')).body.items;
  const today = new Date().toISOString().slice(0, 10);
  const i = Math.max(1, periods.findIndex((p) => p.start <= today && today <= p.end));
  const make = async (p) => (await unit('POST', '/api/v1/group-reports', { group: 'G2023-440881', period: p.id })).body.id;
  const a = await make(periods[i]);
  await unit('PATCH', `/api/v1/group-reports/${a}`, { problems: '冷链物流项目用地审批较慢，影响开工。', next_steps: '下季度完成冷库主体工程，组织两期电商培训。' });
  await unit('POST', `/api/v1/group-reports/${a}/contribution`, { text: '省统计局本季度开展统计业务培训两期，培训基层统计员 120 人次。' });
  await unit('POST', `/api/v1/group-reports/${a}/submit`);
  const b = await make(periods[i - 1]);
  await unit('POST', `/api/v1/group-reports/${b}/submit`);
  await office('POST', `/api/v1/group-reports/${b}/return`, { reason: '请补充冷链项目的资金到位情况。' });
  return a;
}
