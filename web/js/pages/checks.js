// checks: every finding of the programme's rules (GET /api/v1/check) for a round on a day,
// grouped by rule with its Chinese and English title and the brief's fact tag (S3 …); each
// finding links to the record to fix. The rules run on the server; this page only shows them.
import { useCss, loadRefs, unitLabel, targetLabel, recordHash } from './common.js';

export async function render(el, ctx, params) {
  useCss();
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const [rounds, refs] = await Promise.all([ctx.apiAll('/rounds'), loadRefs(ctx)]);
  if (!ctx.current()) return;
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(params.as_of || '') ? params.as_of : ui.today();
  const round = params.round || '';
  const q = new URLSearchParams();
  if (round) q.set('round', round);
  q.set('as_of', asOf);
  const check = await ctx.api('GET', '/check?' + q.toString());
  if (!ctx.current()) return;

  const form = h('form', { class: 'filters check-form', onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (form.elements.round.value) p.set('round', form.elements.round.value);
    if (form.elements.as_of.value) p.set('as_of', form.elements.as_of.value);
    ctx.navigate('#/checks?' + p.toString());
  } },
  h('label', {}, t('ck.round'), h('select', { name: 'round' }, h('option', { value: '' }, t('ck.round_current')),
    rounds.map((r) => h('option', { value: r.name, selected: r.name === round }, r.name)))),
  h('label', {}, t('ck.as_of'), h('input', { type: 'date', name: 'as_of', value: asOf, required: true })),
  h('button', { type: 'submit', class: 'primary' }, t('ck.run')));

  const name = (subject, key) => {
    if (subject === 'target') return targetLabel(refs.targets, key);
    if (subject === 'unit') return unitLabel(refs.units, key);
    if (subject === 'group') { const g = refs.groups.get(key); return g ? targetLabel(refs.targets, g.target) : ''; }
    return '';
  };
  const ordered = [...check.rules.filter((r) => r.count), ...check.rules.filter((r) => !r.count)];   // findings first
  const rules = ordered.map((r) => h('section', { class: ['panel', 'rule', r.count ? 'has-findings' : 'clean'], 'data-rule': r.tag, 'aria-labelledby': 'rule-' + r.tag },
    h('div', { class: 'rule-head' },
      h('h2', { id: 'rule-' + r.tag },
        h('span', { class: 'fact-tag', title: t('ck.fact_title') }, r.source), ' ', r.title_zh),
      h('span', { class: ['n', r.count ? 'bad' : 'ok'] }, r.count ? t('ck.n_findings', { n: r.count })
        : r.judged === false ? t('ck.not_judged') : t('ck.passed'))),
    h('p', { class: 'muted small', lang: 'en' }, r.title_en, ' · ', h('code', {}, r.tag)),
    r.items.length ? h('ul', { class: 'findings' }, r.items.map((it) => {
      const href = recordHash(it.subject, it.key);
      const label = [t('ck.subject_' + it.subject), ' ', it.key, name(it.subject, it.key) ? ` ${name(it.subject, it.key)}` : ''];
      return h('li', { 'data-subject': it.subject, 'data-key': it.key },
        href ? h('a', { href, class: 'fix' }, label) : h('span', {}, label),
        h('span', { class: 'msg', lang: ctx.lang === 'en' ? 'en' : 'zh' }, ctx.lang === 'en' ? it.message : (it.message_zh || it.message)));
    })) : null));

  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('ck.title')),
      h('span', { class: 'muted', 'data-as-of': check.as_of }, t('ck.as_of_text', { round: check.round || '–', date: check.as_of }))),
    h('p', { class: 'muted' }, t('ck.intro')),
    // a day outside the round: say which round was judged, or that none was
    check.in_progress === false ? h('p', { class: 'notice', 'data-check-note': '' },
      ctx.lang === 'en' ? check.note : (check.note_zh || check.note)) : null,
    form,
    h('div', { class: ['cards', 'check-summary'] },
      h('div', { class: ['card', check.violations ? 'bad' : 'ok'] },
        h('div', { class: 'label' }, t('ck.total')),
        h('div', { class: 'value', 'data-violations': String(check.violations) }, String(check.violations)),
        h('div', { class: 'note' }, check.violations ? t('ck.total_note') : t('ck.all_passed'))),
      check.rules.map((r) => h('a', { class: ['card', r.count ? 'bad' : 'ok'], href: '#rule-' + r.tag,
        onclick: (e) => { e.preventDefault(); el.querySelector('#rule-' + r.tag).scrollIntoView(); } },
      h('div', { class: 'label' }, r.source, ' ', ctx.lang === 'en' ? r.title_en.split(':')[0] : r.title_zh.split('：')[0]),
      h('div', { class: 'value' }, String(r.count))))),
    rules);
}
