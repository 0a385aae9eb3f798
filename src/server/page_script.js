// The page script: the only script a page carries (inline, named in its Content-Security-Policy).
// It brings the page's islands to life, and moves between public pages in place.
// `__JS__` and `__WASM__` are replaced by the bundle's file names (server::bundle).
const d = document, root = d.documentElement, live = 'leptos-island:not([data-live])';
let bundle = null, shown = location.pathname + location.search;

// Islands: the wasm is fetched only when a page has one; until then (or if it never arrives) the
// page works as it does without JavaScript. `data-hydrated` tells that everything on it runs.
function islands() {
  if (!d.querySelector(live)) return root.setAttribute('data-hydrated', '');
  root.removeAttribute('data-hydrated');
  bundle = bundle || import('__JS__').then((m) => m.default({ module_or_path: '__WASM__' }).then(() => (m.hydrate(), m)));
  bundle.then((m) => {
    for (const el of d.querySelectorAll(live)) {
      el.setAttribute('data-live', '');
      const start = m[el.dataset.component];
      if (start) start(el);
    }
    root.setAttribute('data-hydrated', '');
  }, () => { bundle = null; });
}

// What belongs to one person (server::headers::is_private) is always loaded in full, so that it
// gets its own document with its own referrer policy and is never kept by the browser.
const private_ = (u) => u.pathname.startsWith('/track') || u.pathname === '/staff' ||
  u.pathname.startsWith('/staff/') || u.pathname.startsWith('/api/') ||
  u.search.slice(1).split('&').some((p) => p.startsWith('draft='));

let nav = 0;
async function go(url, push) {
  const n = ++nav;
  root.setAttribute('aria-busy', 'true');
  root.removeAttribute('data-hydrated');
  let doc, to;
  try {
    const r = await fetch(url, { headers: { Accept: 'text/html' } });
    to = new URL(r.url);
    // A response's address has no fragment: the one asked for still applies (as it would
    // through a redirect the browser followed itself).
    to.hash = new URL(url, location.href).hash;
    const html = (r.headers.get('content-type') || '').startsWith('text/html') &&
      !/no-store/.test(r.headers.get('cache-control') || '') && !private_(to) && await r.text();
    if (n !== nav) return;
    if (!html) throw to;
    doc = new DOMParser().parseFromString(html, 'text/html');
    // A page in another language brings its own document (its lang, its islands' texts).
    if (doc.documentElement.lang !== root.lang) throw to;
  } catch (e) {
    // Not a public page, or it did not arrive: the browser loads it itself.
    if (n === nav) push ? location.assign(url) : location.reload();
    return;
  }
  if (push) {
    history.replaceState({ y: scrollY }, '');
    history.pushState({ y: 0 }, '', to.href);
  } else if (to.href !== location.href) history.replaceState(history.state, '', to.href);
  history.scrollRestoration = 'manual';
  shown = to.pathname + to.search;
  d.title = doc.title;
  for (const m of doc.head.querySelectorAll('meta[name]')) {
    const old = d.head.querySelector(`meta[name="${m.name}"]`);
    if (old) old.content = m.content;
  }
  d.body.replaceWith(doc.body);
  root.removeAttribute('aria-busy');
  const at = to.hash && d.getElementById(decodeURIComponent(to.hash.slice(1)));
  if (at) at.scrollIntoView();
  else scrollTo(0, push ? 0 : (history.state && history.state.y) || 0);
  // A screen reader starts reading the new page, and Tab goes on from its content.
  const main = d.getElementById('main');
  if (main) main.focus({ preventScroll: true });
  islands();
}

d.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest && e.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || /(^|\s)external(\s|$)/.test(a.rel)) return;
  const u = new URL(a.href, location.href);
  // The language switch sets a cookie and the whole document changes language.
  if (u.origin !== location.origin || private_(u) || private_(location) || u.pathname.startsWith('/lang/') ||
    /\.[A-Za-z0-9]+$/.test(u.pathname)) return;
  // A link within the page (the skip link, an article of a draft) is the browser's own.
  if (u.pathname + u.search === location.pathname + location.search && u.hash) return;
  e.preventDefault();
  go(u.href, true);
});

addEventListener('popstate', () => {
  if (location.pathname + location.search !== shown) go(location.href, false);
});

islands();
