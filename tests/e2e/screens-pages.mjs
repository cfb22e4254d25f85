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
