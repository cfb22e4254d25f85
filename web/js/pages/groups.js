// groups: the round's groups (组团): a list with target, lead, members, cadres on post and the
// demonstration marker; a group's detail with its members, cadres and rule findings; and for
// planners and admins an editor of the membership (add or remove a unit, change the lead)
// that previews the rule checks with a dry run of POST /api/v1/changes before saving every
// change in one transaction. The rules themselves stay on the server.
import { may, writes } from '../can.js';
import { nameOf } from '../i18n.js';
import { useCss, loadRefs, unitLabel, targetLabel, cadreState, membersByGroup, recordHash } from './common.js';

// who edits memberships (all of them) and who reads the checks and reports: the session's
// capabilities (can.js)
const edits = (ctx) => writes(ctx.user, 'members') === 'all';
const readsChecks = (ctx) => may(ctx.user, 'check');

export async function render(el, ctx, params) {
  useCss();
  if (params.id) return detail(el, ctx, params.id, params.edit === '1');
  return list(el, ctx);
}

// ---- the list ------------------------------------------------------------------------------

async function list(el, ctx) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const [refs, members, cadres] = await Promise.all([
    loadRefs(ctx), ctx.apiAll('/members'), ctx.apiAll('/cadres')]);
  if (!ctx.current()) return;
  const today = ui.today();
  const byGroup = membersByGroup(members);
  const rows = [...refs.groups.values()].map((g) => {
    const ms = byGroup.get(g.id) || [];
    const lead = ms.filter((m) => m.role === 'lead');
    const target = refs.targets.get(g.target);
    return {
      ...g,
      target_name: targetLabel(refs.targets, g.target),
      prefecture: target ? target.prefecture : '',
      leads: lead.map((m) => m.unit),
      lead_name: lead.map((m) => unitLabel(refs.units, m.unit)).join('、'),
      member_units: ms.filter((m) => m.role !== 'lead').map((m) => m.unit),
      n_units: ms.length,
      cadres_on: cadres.filter((c) => c.group === g.id && cadreState(c, today) === 'on').length,
    };
  });
  const unitTags = (codes, lead) => codes.map((u) => h('a', { class: ['tag', lead && 'lead'], href: '#/units/' + encodeURIComponent(u) }, unitLabel(refs.units, u)));
  const tbl = ui.table({
    rows,
    sort: 'target_name',
    search: true,
    columns: [
      { key: 'target_name', label: t('gp.target'), sort: true,
        render: (r) => [h('a', { href: '#/groups/' + encodeURIComponent(r.id) }, r.target_name), ' ', h('span', { class: 'muted small' }, r.prefecture)] },
      { key: 'lead_name', label: t('gp.lead'), sort: true,
        render: (r) => (r.leads.length ? unitTags(r.leads, true) : h('span', { class: 'bad-text' }, t('gp.no_lead'))) },
      { key: 'members', label: t('gp.members'), value: (r) => r.member_units.map((u) => unitLabel(refs.units, u)).join(' '),
        render: (r) => unitTags(r.member_units, false) },
      { key: 'n_units', label: t('gp.n_units'), sort: true, align: 'num' },
      { key: 'cadres_on', label: t('gp.cadres_on'), sort: true, align: 'num' },
      { key: 'verified', label: t('gp.verified'), sort: true,
        text: (r) => (r.verified ? t('gp.verified_yes') : t('demo.mark')),
        render: (r) => (r.verified ? h('span', { class: 'ok-text' }, t('gp.verified_yes')) : ctx.demo(r)) },
    ],
    filters: [
      { key: 'prefecture', label: t('gp.prefecture'), options: ui.optionsOf(rows, 'prefecture') },
      { key: 'verified', label: t('gp.verified'), options: [{ value: '1', label: t('gp.verified_yes') }, { value: '0', label: t('demo.mark') }] },
    ],
    onRow: (r) => ctx.navigate('#/groups/' + encodeURIComponent(r.id)),
  });
  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('gp.title')),
      h('span', { class: 'muted' }, t('gp.count', { n: rows.length })),
      h('div', { class: 'actions' }, h('button', { type: 'button', 'data-download': 'csv', onclick: () => ctx.downloadCsv('/reports/groups', 'groups-report.csv'), hidden: !may(ctx.user, 'reports') }, t('ui.csv')),
        h('button', { type: 'button', 'data-download': 'xlsx', onclick: () => ctx.downloadCsv('/reports/groups', 'groups-report.xlsx', 'xlsx'), hidden: !may(ctx.user, 'reports') }, t('ui.xlsx')))),
    h('p', { class: 'muted' }, edits(ctx) ? t('gp.intro_edit') : t('gp.intro')),
    tbl);
}

// ---- the detail ----------------------------------------------------------------------------

// edit: open the editor at once (#/groups/{id}?edit=1), for a planner or an admin.
async function detail(el, ctx, id, edit) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const g = await ctx.api('GET', '/groups/' + encodeURIComponent(id));
  const [refs, allMembers, cadres, check] = await Promise.all([
    loadRefs(ctx), ctx.apiAll('/members'), ctx.apiAll('/cadres'),
    readsChecks(ctx) ? ctx.api('GET', '/check').catch(() => null) : null]);
  if (!ctx.current()) return;
  const today = ui.today();
  const members = membersByGroup(allMembers).get(id) || [];
  // targets each unit assists in this group's round, as the server's capacity rule counts them
  const assists = new Map();
  for (const m of allMembers) {
    const mg = refs.groups.get(m.group);
    if (mg && mg.round === g.round) assists.set(m.unit, (assists.get(m.unit) || 0) + 1);
  }
  const gCadres = cadres.filter((c) => c.group === id);
  const target = refs.targets.get(g.target);
  const title = targetLabel(refs.targets, g.target);

  const memberTable = ui.table({
    rows: members.map((m) => ({ ...m, name: unitLabel(refs.units, m.unit), unitRec: refs.units.get(m.unit) })),
    columns: [
      { key: 'name', label: t('gp.unit'), render: (r) => [h('a', { href: '#/units/' + encodeURIComponent(r.unit) }, r.name), ' ', h('span', { class: 'muted small' }, r.unit)] },
      { key: 'role', label: t('gp.role'), render: (r) => h('span', { class: ['tag', r.role === 'lead' && 'lead'] }, ctx.tv('mrole', r.role)) },
      { key: 'capacity', label: t('gp.capacity'), align: 'num',
        render: (r) => (r.unitRec ? `${assists.get(r.unit) || 0} / ${r.unitRec.capacity}` : '–') },
      { key: 'cadres', label: t('gp.cadres_on'), align: 'num',
        render: (r) => String(gCadres.filter((c) => c.unit === r.unit && cadreState(c, today) === 'on').length) },
    ],
  });
  const cadreTable = ui.table({
    rows: gCadres,
    sort: 'start',
    columns: [
      { key: 'name', label: t('cd.name'), sort: true, render: (c) => [h('a', { href: '#/cadres/' + encodeURIComponent(c.id) }, c.name), ctx.demo(c)] },
      { key: 'unit', label: t('cd.unit'), sort: true, render: (c) => unitLabel(refs.units, c.unit) },
      { key: 'rank', label: t('cd.rank'), render: (c) => ctx.tv('rank', c.rank) },
      { key: 'post', label: t('cd.post') },
      { key: 'start', label: t('cd.start'), sort: true },
      { key: 'planned_end', label: t('cd.planned_end'), sort: true },
      { key: 'state', label: t('cdx.status'), value: (c) => cadreState(c, today), render: (c) => t('cdx.state_' + cadreState(c, today)) },
    ],
  });
  const relevant = (it) => it.key === id || (it.subject === 'target' && it.key === g.target) ||
    (it.subject === 'unit' && members.some((m) => m.unit === it.key)) ||
    (it.subject === 'cadre' && gCadres.some((c) => c.id === it.key)) || (it.message || '').includes(id);

  const page = h('div', { class: 'group-detail' },
    h('p', { class: 'no-print' }, h('a', { href: '#/groups' }, '← ', t('gp.back'))),
    h('div', { class: 'page-head' },
      h('h1', {}, t('gp.detail_title', { target: title })), ctx.demo(g)),
    h('dl', { class: 'facts' },
      h('dt', {}, t('gp.id')), h('dd', {}, g.id),
      h('dt', {}, t('gp.round')), h('dd', {}, g.round),
      h('dt', {}, t('gp.target')), h('dd', {}, h('a', { href: '#/targets/' + encodeURIComponent(g.target) }, title), ' ',
        h('span', { class: 'muted small' }, target ? `${g.target} · ${target.prefecture}` : g.target)),
      h('dt', {}, t('gp.verified')), h('dd', {}, g.verified ? t('gp.verified_yes') : t('gp.verified_no')),
      g.note ? [h('dt', {}, t('gp.note')), h('dd', {}, g.note)] : null),
    h('section', { class: 'panel', 'aria-labelledby': 'gp-members-h' },
      h('div', { class: 'page-head' }, h('h2', { id: 'gp-members-h' }, t('gp.members_title')),
        edits(ctx) ? h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', 'data-action': 'edit', onclick: () => openEditor() }, t('gp.edit'))) : null),
      memberTable),
    h('div', { id: 'group-editor' }),
    check ? h('section', { class: 'panel', 'aria-labelledby': 'gp-checks-h' },
      h('h2', { id: 'gp-checks-h' }, t('gp.checks_title')),
      violationList(ctx, check, relevant, null)) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'gp-cadres-h' },
      h('h2', { id: 'gp-cadres-h' }, t('gp.cadres_title')),
      h('p', {}, h('a', { href: '#/cadres?view=timeline&target=' + encodeURIComponent(g.target) }, t('gp.timeline_link'))),
      cadreTable));
  mount(el, page);
  if (edit && edits(ctx)) openEditor();

  function openEditor() {
    const box = el.querySelector('#group-editor');
    if (box.firstChild) { box.querySelector('button, select')?.focus(); return; }
    editor(box, ctx, { g, members, refs, assists, check, relevant, reload: () => ctx.reload() });
  }
}

// A list of findings grouped by rule; base (another check answer) marks the findings that are
// new compared with it.
function violationList(ctx, check, keep, base) {
  const { t, ui } = ctx;
  const { h } = ui;
  const known = new Set();
  if (base) for (const r of base.rules) for (const it of r.items) known.add(r.tag + '|' + it.message);
  const lists = check.rules.map((r) => ({ r, items: r.items.filter(keep) })).filter((x) => x.items.length);
  if (!lists.length) return h('p', { class: 'ok-text', 'data-violations': '0' }, t('gp.no_violations'));
  return h('ul', { class: 'finding-list', 'data-violations': String(lists.reduce((n, x) => n + x.items.length, 0)) },
    lists.map(({ r, items }) => items.map((it) => {
      const isNew = base && !known.has(r.tag + '|' + it.message);
      const href = recordHash(it.subject, it.key);
      return h('li', { 'data-rule': r.tag, class: isNew ? 'new' : null },
        h('span', { class: 'rule-tag' }, r.source, ' ', ctx.lang === 'en' ? r.title_en : r.title_zh),
        isNew ? h('strong', { class: 'new-mark' }, t('gp.new_violation')) : null,
        ' ', href ? h('a', { href }, it.key) : it.key, ': ', ctx.lang === 'en' ? it.message : (it.message_zh || it.message));
    })));
}

// ---- the editor ----------------------------------------------------------------------------

// The refused rules: the server marks a finding blocking (a second lead, a unit over its
// capacity: a change that adds one is refused); the others are findings of an incomplete round.
function refused(r, it) {
  return it.blocking === true;
}

function editor(box, ctx, { g, members, refs, assists, check: base, relevant, reload }) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const orig = new Map(members.map((m) => [m.unit, m.role]));
  let work = new Map(orig);
  let seq = 0;
  let timer = null;
  let last = null;   // the newest dry-run answer

  const rowsEl = h('tbody');
  const checkEl = h('div', { class: 'live-check', 'aria-live': 'polite', id: 'group-live-check' });
  const changesEl = h('p', { class: 'muted', 'data-changes': '0' });
  const saveBtn = h('button', { type: 'button', class: 'primary', 'data-action': 'save', onclick: save }, t('gp.save'));
  const resetBtn = h('button', { type: 'button', 'data-action': 'reset', onclick: () => { work = new Map(orig); changed(); } }, t('gp.undo_all'));
  const errEl = h('div', { class: 'form-error', 'aria-live': 'assertive' });
  const addSel = h('select', { id: 'gp-add-unit', name: 'add-unit' });
  const addRole = h('select', { id: 'gp-add-role', name: 'add-role' },
    h('option', { value: 'member' }, ctx.tv('mrole', 'member')), h('option', { value: 'lead' }, ctx.tv('mrole', 'lead')));

  const addFind = h('input', { type: 'search', id: 'gp-add-find', name: 'add-find', autocomplete: 'off',
    oninput: () => fillAdd() });
  function fillAdd() {
    const q = addFind.value.trim().toLowerCase();
    const free = [...refs.units.values()].filter((u) => !work.has(u.code) &&
      (!q || [u.code, u.name_zh, u.name_en, u.strengths].some((x) => String(x || '').toLowerCase().includes(q))));
    mount(addSel, h('option', { value: '' }, t('gp.pick_unit')), free.map((u) => h('option', { value: u.code },
      `${u.code} ${nameOf(u)} (${t('gp.assists', { n: assists.get(u.code) || 0, cap: u.capacity })})`)));
  }

  // The changes that turn orig into work: deletions, demotions, creations, promotions, so
  // that no step on the way gives the group two leads.
  function changes() {
    const key = (u) => `${g.id},${u}`;
    const out = [];
    for (const [u] of orig) if (!work.has(u)) out.push({ op: 'delete', entity: 'members', key: key(u) });
    for (const [u, r] of work) if (orig.has(u) && orig.get(u) !== r && r === 'member') out.push({ op: 'update', entity: 'members', key: key(u), record: { role: r } });
    for (const [u, r] of work) if (!orig.has(u) && r === 'member') out.push({ op: 'create', entity: 'members', record: { group: g.id, unit: u, role: r } });
    for (const [u, r] of work) if (!orig.has(u) && r === 'lead') out.push({ op: 'create', entity: 'members', record: { group: g.id, unit: u, role: r } });
    for (const [u, r] of work) if (orig.has(u) && orig.get(u) !== r && r === 'lead') out.push({ op: 'update', entity: 'members', key: key(u), record: { role: r } });
    return out;
  }

  function drawRows() {
    const units = [...new Set([...orig.keys(), ...work.keys()])];
    mount(rowsEl, units.map((u) => {
      const state = !work.has(u) ? 'removed' : !orig.has(u) ? 'added' : orig.get(u) !== work.get(u) ? 'changed' : 'same';
      const name = unitLabel(refs.units, u);
      const sel = h('select', { name: 'role-' + u, 'aria-label': t('gp.role_of', { unit: name }), disabled: state === 'removed',
        onchange: (e) => { work.set(u, e.target.value); changed(); } },
      ['lead', 'member'].map((r) => h('option', { value: r, selected: (work.get(u) || orig.get(u)) === r }, ctx.tv('mrole', r))));
      const action = state === 'removed'
        ? h('button', { type: 'button', 'data-action': 'restore', onclick: () => { work.set(u, orig.get(u)); changed(); } }, t('gp.restore'))
        : h('button', { type: 'button', 'data-action': 'remove', 'aria-label': t('gp.remove_of', { unit: name }),
          onclick: () => { work.delete(u); changed(); } }, t('gp.remove'));
      // Changing the lead in one step: this unit leads, the lead it replaces becomes a member.
      const makeLead = state !== 'removed' && work.get(u) !== 'lead'
        ? h('button', { type: 'button', 'data-action': 'make-lead', 'aria-label': t('gp.make_lead_of', { unit: name }),
          onclick: () => { for (const [x, r] of work) if (r === 'lead') work.set(x, 'member'); work.set(u, 'lead'); changed(); } }, t('gp.make_lead')) : null;
      const undo = state === 'changed'
        ? h('button', { type: 'button', 'data-action': 'undo', onclick: () => { work.set(u, orig.get(u)); changed(); } }, t('gp.undo')) : null;
      return h('tr', { 'data-unit': u, class: 'st-' + state },
        h('td', { 'data-label': t('gp.unit') }, h('a', { href: '#/units/' + encodeURIComponent(u) }, name), ' ', h('span', { class: 'muted small' }, u)),
        h('td', { 'data-label': t('gp.role') }, sel),
        h('td', { 'data-label': t('gp.change') }, state === 'same' ? '' : h('span', { class: 'chg chg-' + state }, t('gp.st_' + state))),
        h('td', { 'data-label': '' }, h('span', { class: 'row-actions' }, makeLead, action, undo)));
    }));
  }

  function changed() {
    drawRows();
    fillAdd();
    errEl.replaceChildren();
    const n = changes().length;
    changesEl.textContent = n ? t('gp.pending', { n }) : t('gp.no_pending');
    changesEl.dataset.changes = String(n);
    saveBtn.disabled = n === 0;
    resetBtn.disabled = n === 0;
    clearTimeout(timer);
    timer = setTimeout(preview, 150);
  }

  // Asks the server what the checks would find after the changes (nothing is written).
  async function preview() {
    const my = ++seq;
    const ch = changes();
    checkEl.setAttribute('aria-busy', 'true');
    checkEl.dataset.state = 'busy';
    try {
      const res = ch.length ? await ctx.api('POST', '/changes', { dry_run: true, changes: ch }) : { check: base };
      if (my !== seq) return;
      last = res.check;
      drawCheck(res.check, ch.length > 0);
    } catch (e) {
      if (my !== seq) return;
      last = null;
      mount(checkEl, ui.errorBox(e));
    } finally {
      if (my === seq) { checkEl.removeAttribute('aria-busy'); checkEl.dataset.state = 'done'; }
    }
  }

  function drawCheck(check, pending) {
    if (!check) { mount(checkEl, h('p', { class: 'muted' }, t('gp.check_unavailable'))); return; }
    const keep = (it) => relevant(it) || [...work.keys()].some((u) => it.subject === 'unit' && it.key === u) || (it.message || '').includes(g.id);
    const blocking = check.rules.some((r) => r.items.some((it) => keep(it) && refused(r, it) &&
      !(base && base.rules.some((b) => b.tag === r.tag && b.items.some((x) => x.message === it.message)))));
    mount(checkEl,
      h('h3', {}, pending ? t('gp.check_after') : t('gp.check_now')),
      blocking ? h('p', { class: 'bad-text', 'data-blocking': '1' }, t('gp.would_refuse')) : null,
      violationList(ctx, check, keep, pending ? base : null));
  }

  async function save() {
    const ch = changes();
    if (!ch.length) return;
    saveBtn.disabled = true;
    errEl.replaceChildren();
    try {
      const res = await ctx.api('POST', '/changes', { dry_run: false, changes: ch });
      ui.toast(t('gp.saved', { n: res.applied ?? ch.length }));
      reload();
    } catch (e) {
      const at = e.details && Number.isInteger(e.details.index) ? ch[e.details.index] : null;
      mount(errEl, ui.errorBox(e),
        e.details && e.details.rule ? h('p', {}, t('gp.refused_rule', { rule: e.details.rule })) : null,
        at ? h('p', { class: 'muted' }, t('gp.failed_change', { n: e.details.index + 1, what: `${at.op} ${at.key || at.record.unit}` })) : null);
      saveBtn.disabled = false;
    }
  }

  function add() {
    const u = addSel.value;
    if (!u) { addSel.focus(); return; }
    work.set(u, addRole.value);
    changed();
    addSel.focus();
  }

  mount(box, h('section', { class: 'panel editor', 'aria-labelledby': 'gp-editor-h' },
    h('h2', { id: 'gp-editor-h' }, t('gp.editor_title')),
    h('p', { class: 'muted' }, t('gp.editor_intro')),
    h('div', { class: 'editor-grid' },
      h('div', {},
        h('div', { class: 'scroll' }, h('table', { class: 'data edit-members' },
          h('caption', {}, t('gp.members_title')),
          h('thead', {}, h('tr', {}, [t('gp.unit'), t('gp.role'), t('gp.change'), ''].map((x) => h('th', { scope: 'col' }, x)))),
          rowsEl)),
        h('div', { class: 'add-member' },
          h('label', { for: 'gp-add-find' }, t('gp.find_unit')), addFind,
          h('label', { for: 'gp-add-unit' }, t('gp.add_unit')), addSel,
          h('label', { for: 'gp-add-role' }, t('gp.role')), addRole,
          h('button', { type: 'button', 'data-action': 'add', onclick: add }, t('gp.add'))),
        changesEl,
        h('div', { class: 'actions' }, saveBtn, resetBtn,
          h('button', { type: 'button', onclick: () => { box.replaceChildren(); el0()?.focus(); } }, t('gp.close_editor'))),
        errEl),
      checkEl)));
  function el0() { return document.querySelector('[data-action=edit]'); }
  changed();
  addSel.focus();
}
