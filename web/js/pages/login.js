// login: the sign-in form (POST /api/v1/session) with clear errors: wrong name or password,
// slowed down (429, counting down the wait), session ended or account disabled.
export async function render(el, ctx, params) {
  const { h, mount, errorBox } = ctx.ui;
  const { t } = ctx;
  const msg = h('div', { class: 'login-msg', 'aria-live': 'assertive' });
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  let timer = null;

  if (params.expired) msg.append(h('p', { class: 'muted', role: 'status' }, t('login.expired')));
  if (params.disabled) msg.append(h('div', { class: 'error', role: 'alert', 'data-error': 'disabled' }, t('login.disabled')));

  function countdown(seconds) {
    let s = seconds;
    const line = h('span', { class: 'wait' });
    const tick = () => {
      line.textContent = t('login.slowed', { s });
      submit.disabled = s > 0;
      if (s-- <= 0) { clearInterval(timer); submit.disabled = false; }
    };
    clearInterval(timer);
    mount(msg, h('div', { class: 'error', role: 'alert', 'data-error': 'slowed' }, line));
    tick();
    timer = setInterval(() => { if (!line.isConnected) clearInterval(timer); else tick(); }, 1000);
  }

  async function signIn(e) {
    e.preventDefault();
    mount(msg);
    if (!user.value || !pass.value) {
      (user.value ? pass : user).focus();
      mount(msg, h('div', { class: 'error', role: 'alert', 'data-error': 'missing' }, t('ui.required')));
      return;
    }
    submit.disabled = true;
    try {
      const r = await ctx.api('POST', '/session', { username: user.value, password: pass.value });
      ctx.signedIn(r.user, r.csrf, r.capabilities);
      const next = sessionStorage.getItem('bangfu.next');
      sessionStorage.removeItem('bangfu.next');
      ctx.navigate(next && !next.startsWith('#/login') ? next : '#/overview');
    } catch (err) {
      submit.disabled = false;
      if (err.status === 429) { countdown(err.retryAfter || 1); return; }
      if (err.status === 401) {
        const disabled = /disabled/.test(err.message || '');
        mount(msg, h('div', { class: 'error', role: 'alert', 'data-error': disabled ? 'disabled' : 'wrong' },
          t(disabled ? 'login.disabled' : 'login.wrong')));
        pass.select();
        pass.focus();
        return;
      }
      mount(msg, errorBox(err));
    }
  }

  mount(el, h('section', { class: 'panel login' },
    h('h1', {}, t('login.title')),
    h('p', { class: 'muted' }, t('login.intro')),
    h('form', { class: 'form', onsubmit: signIn, novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'login-user' }, t('login.username')), user),
      h('div', { class: 'field' }, h('label', { for: 'login-pass' }, t('login.password')), pass),
      msg,
      h('div', { class: 'actions' }, submit))));
  user.focus();
}
