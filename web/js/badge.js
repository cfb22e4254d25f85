// badge: the inbox's entry in the page header: a link to #/inbox with the number of items,
// from one cheap request (GET /api/v1/inbox?summary=1: the counts only). Hidden for an account
// whose inbox holds no kinds at all (the server says which kinds it holds; no role names here).
import { api } from './api.js';
import { t } from './i18n.js';
import { h } from './ui.js';

export function inboxBadge() {
  const count = h('span', { class: 'count', 'data-inbox-count': '' });
  const link = h('a', { class: 'inbox-badge', href: '#/inbox', 'data-inbox': '', hidden: true, title: t('ib.badge_title') },
    t('nav.inbox'), ' ', count);
  api('GET', '/inbox?summary=1').then((r) => {
    if (!r || !Array.isArray(r.kinds) || !r.kinds.length) return;
    count.textContent = String(r.total);
    count.setAttribute('data-inbox-count', String(r.total));
    count.classList.toggle('zero', !r.total);
    link.setAttribute('aria-label', t('ib.badge_label', { n: r.total }));
    link.hidden = false;
  }).catch(() => { /* an older server or signed out: no badge */ });
  return link;
}
