// accounts: the data page's account tab for admins (GET/POST /api/v1/users, PATCH
// /api/v1/users/{name}): the list with filters, adding an account with its role and unit or
// target and its e-mail address (the inbox's digests, `bangfu digest send`), changing a role or
// the address, disabling, resetting a password (shown once). The one page that names the
// roles: they are what an account is given. The API checks an address and names the field.
import { loadRefs, unitLabel, targetLabel } from './common.js';

const ROLES = ['admin', 'planner', 'unit', 'county', 'auditor'];

// ---- users ----------------------------------------------------------------------------------

export async function usersTab(el, ctx) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const [res, refs] = await Promise.all([ctx.api('GET', '/users'), loadRefs(ctx, ['units', 'targets'])]);
  if (!ctx.current()) return;
  const unitOpts = [...refs.units.values()].map((u) => ({ value: u.code, label: `${u.code} ${unitLabel(refs.units, u.code)}` }));
  const targetOpts = [...refs.targets.values()].map((x) => ({ value: x.adcode, label: `${x.adcode} ${targetLabel(refs.targets, x.adcode)}` }));
  const roleOpts = ROLES.map((r) => ({ value: r, label: `${ctx.tv('role', r)} (${r})` }));
  const reload = () => ctx.navigate('#/data?tab=users');

  // A password the server generated, shown once.
  function showPassword(name, pw) {
    const m = ui.modal({ title: t('us.password_title', { name }), body: h('div', {},
      h('p', {}, t('us.password_once')),
      h('p', {}, h('code', { class: 'secret', 'data-password': '1' }, pw)),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: () => m.close() }, t('ui.ok')))) });
  }

  async function create() {
    const made = await ui.openForm({
      title: t('us.add_title'),
      submitLabel: t('us.add'),
      fields: [
        { name: 'name', label: t('us.name'), required: true, help: t('us.name_help'), autocomplete: 'off' },
        { name: 'role', label: t('us.role'), type: 'select', required: true, value: 'unit', options: roleOpts },
        { name: 'unit', label: t('us.unit'), type: 'select', options: unitOpts, help: t('us.unit_help') },
        { name: 'target', label: t('us.target'), type: 'select', options: targetOpts, help: t('us.target_help') },
        { name: 'email', label: t('us.email'), type: 'email', autocomplete: 'off', help: t('us.email_help') },
        { name: 'password', label: t('us.password'), type: 'password', autocomplete: 'new-password', help: t('us.password_help') },
      ],
      onSubmit: (v) => ctx.api('POST', '/users', v),
    });
    if (!made) return;
    ui.toast(t('us.added', { name: made.name }));
    if (made.password) showPassword(made.name, made.password);
    reload();
  }

  async function change(u) {
    const saved = await ui.openForm({
      title: t('us.edit_title', { name: u.name }),
      fields: [
        { name: 'role', label: t('us.role'), type: 'select', required: true, value: u.role, options: roleOpts },
        { name: 'unit', label: t('us.unit'), type: 'select', value: u.unit, options: unitOpts, help: t('us.unit_help') },
        { name: 'target', label: t('us.target'), type: 'select', value: u.target, options: targetOpts, help: t('us.target_help') },
        { name: 'email', label: t('us.email'), type: 'email', value: u.email, autocomplete: 'off', help: t('us.email_help') },
      ],
      onSubmit: (v) => ctx.api('PATCH', '/users/' + encodeURIComponent(u.name), v),
    });
    if (saved) { ui.toast(t('us.saved', { name: u.name })); reload(); }
  }

  async function toggle(u) {
    const ok = await ui.confirmBox(t(u.disabled ? 'us.enable_confirm' : 'us.disable_confirm', { name: u.name }), t(u.disabled ? 'us.enable' : 'us.disable'));
    if (!ok) return;
    try {
      await ctx.api('PATCH', '/users/' + encodeURIComponent(u.name), { disabled: !u.disabled });
      ui.toast(t(u.disabled ? 'us.enabled' : 'us.disabled_done', { name: u.name }));
      reload();
    } catch (e) { ui.toast(e.message, 'bad'); }
  }

  async function reset(u) {
    const ok = await ui.confirmBox(t('us.reset_confirm', { name: u.name }), t('us.reset'));
    if (!ok) return;
    try {
      const r = await ctx.api('PATCH', '/users/' + encodeURIComponent(u.name), { reset_password: true });
      showPassword(u.name, r.password);
    } catch (e) { ui.toast(e.message, 'bad'); }
  }

  const tbl = ui.table({
    rows: res.items,
    sort: 'name',
    search: true,
    columns: [
      { key: 'name', label: t('us.name'), sort: true, render: (u) => h('strong', { 'data-account': u.name }, u.name) },
      { key: 'role', label: t('us.role'), sort: true, render: (u) => ctx.tv('role', u.role) },
      { key: 'scope', label: t('us.scope'), value: (u) => u.unit || u.target || '',
        render: (u) => (u.unit ? h('a', { href: '#/units/' + u.unit }, unitLabel(refs.units, u.unit)) : u.target ? h('a', { href: '#/targets/' + u.target }, targetLabel(refs.targets, u.target)) : '') },
      { key: 'email', label: t('us.email'), sort: true, value: (u) => u.email || '',
        render: (u) => (u.email ? h('span', { 'data-email': u.email }, u.email) : h('span', { class: 'muted' }, '–')) },
      { key: 'disabled', label: t('us.state'), sort: true, text: (u) => (u.disabled ? t('us.st_disabled') : t('us.st_active')),
        render: (u) => h('span', { class: u.disabled ? 'bad-text' : 'ok-text' }, u.disabled ? t('us.st_disabled') : t('us.st_active')) },
      { key: 'created', label: t('us.created'), sort: true, render: (u) => (u.created || '').replace('T', ' ').replace(/:\d\dZ$/, ' UTC') },
      { key: 'actions', label: t('us.actions'), render: (u) => h('span', { class: 'row-actions' },
        h('button', { type: 'button', 'data-action': 'change', onclick: () => change(u), 'aria-label': t('us.edit_title', { name: u.name }) }, t('us.change')),
        h('button', { type: 'button', 'data-action': 'toggle', onclick: () => toggle(u) }, t(u.disabled ? 'us.enable' : 'us.disable')),
        h('button', { type: 'button', 'data-action': 'reset', onclick: () => reset(u) }, t('us.reset'))) },
    ],
    filters: [{ key: 'role', label: t('us.role'), options: roleOpts }],
  });
  mount(el, h('section', { class: 'panel users' },
    h('div', { class: 'page-head' }, h('h2', {}, t('us.title')), h('span', { class: 'muted' }, t('us.count', { n: res.total })),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'data-action': 'add-user', onclick: create }, t('us.add')))),
    h('p', { class: 'muted' }, t('us.intro')),
    tbl));
}

