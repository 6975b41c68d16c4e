// embrec web page: plain JavaScript, no build step, no external resources.
// Views (hash routes): #/ home, #/movie/ID, #/user[/ID], #/map, #/eval.
'use strict';

(() => {
  // ---------- small helpers ----------

  /** Creates an element; attrs: class, text, href, on<event>, data-*, aria-*, any attribute. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  /** Fetches JSON; non-2xx answers become an ApiError carrying the server's {"error"} message. */
  async function api(path, options) {
    const response = await fetch(path, options);
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, (body && body.error) || response.statusText || 'request failed');
    }
    return body;
  }

  let modelsCache = null;
  /** The catalogue's attributes, genres and years (from /api/models; null until it answered). */
  let catalogInfo = null;
  /** The served models (cached for the page's lifetime). */
  function models() {
    if (!modelsCache) {
      modelsCache = api('/api/models').then((m) => {
        catalogInfo = m.catalog || null;
        if (attributeList().length) {
          document.getElementById('search').placeholder = 'Search an item…  (press / to focus)';
        }
        return m;
      }).catch((e) => {
        modelsCache = null;
        throw e;
      });
    }
    return modelsCache;
  }

  /** The catalogue's own attributes ([] for movies). */
  function attributeList() {
    return (catalogInfo && catalogInfo.attributes) || [];
  }

  /** What the items are called: movies for a catalogue without attributes (MovieLens), else items. */
  function noun(plural) {
    const word = attributeList().length ? 'item' : 'movie';
    return plural ? word + 's' : word;
  }

  function aNoun() {
    return attributeList().length ? 'an item' : 'a movie';
  }

  const fmt = (x, digits = 3) => (typeof x === 'number' ? x.toFixed(digits) : '—');
  const num = (x) => (typeof x === 'number' ? x.toLocaleString('en') : '—');
  const movieHref = (id) => '#/movie/' + encodeURIComponent(id);
  const yearText = (item) => (item.year ? String(item.year) : '');

  function genreChips(genres) {
    return h('span', { class: 'chips' }, (genres || []).map((g) => h('span', { class: 'chip', text: g })));
  }

  function errorBox(e) {
    return h('p', { class: 'error', role: 'alert', text: e instanceof ApiError ? e.message : 'Something went wrong: ' + e });
  }

  function params(query) {
    return new URLSearchParams(query || '');
  }

  // ---------- liked movies (kept in this browser) ----------

  const LIKED_KEY = 'embrec.liked';

  function likedMovies() {
    try {
      const v = JSON.parse(localStorage.getItem(LIKED_KEY) || '[]');
      return Array.isArray(v) ? v : [];
    } catch (e) {
      return [];
    }
  }

  function setLiked(list) {
    localStorage.setItem(LIKED_KEY, JSON.stringify(list.slice(0, 200)));
  }

  function toggleLiked(item) {
    const list = likedMovies();
    const i = list.findIndex((m) => m.id === item.id);
    if (i >= 0) list.splice(i, 1);
    else list.push({ id: item.id, title: item.title, year: item.year });
    setLiked(list);
    return i < 0;
  }

  // ---------- search with autocomplete ----------

  const input = document.getElementById('search');
  const list = document.getElementById('suggestions');
  let suggestions = [];
  let active = -1;
  let pending = null;
  let timer = 0;

  function closeSuggestions() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function showSuggestions(results, query) {
    suggestions = results;
    active = results.length ? 0 : -1;
    list.replaceChildren();
    if (!results.length) {
      list.append(h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', text: 'No title matches “' + query + '”' }));
    }
    results.forEach((r, i) => {
      list.append(h('li', {
        id: 'suggestion-' + i,
        role: 'option',
        class: 'suggestion',
        'data-id': r.id,
        'aria-selected': i === active ? 'true' : 'false',
        onmousedown: (ev) => {
          ev.preventDefault();
          openMovie(r.id);
        },
      },
      h('span', { class: 'title', text: r.title }),
      h('span', { class: 'meta', text: [yearText(r), (r.genres || []).join(', ')].filter(Boolean).join(' · ') }),
      r.models && r.models.length === 0 ? h('span', { class: 'badge', text: 'no vector' }) : null));
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight();
  }

  function highlight() {
    [...list.querySelectorAll('.suggestion')].forEach((li, i) => li.setAttribute('aria-selected', i === active ? 'true' : 'false'));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', 'suggestion-' + active);
      const li = document.getElementById('suggestion-' + active);
      if (li) li.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  async function runSearch() {
    const q = input.value;
    if (!q.trim()) {
      closeSuggestions();
      return;
    }
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const r = await api('/api/items?limit=8&q=' + encodeURIComponent(q), { signal: pending.signal });
      if (input.value === q) showSuggestions(r.results, q);
    } catch (e) {
      if (e.name !== 'AbortError') {
        list.replaceChildren(h('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', text: e.message }));
        list.hidden = false;
      }
    }
  }

  function openMovie(id) {
    closeSuggestions();
    input.value = '';
    location.hash = movieHref(id);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 120);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (list.hidden) {
        runSearch();
        return;
      }
      ev.preventDefault();
      const n = suggestions.length;
      if (n) active = (active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      highlight();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && active >= 0 && suggestions[active]) openMovie(suggestions[active].id);
      else runSearch();
    } else if (ev.key === 'Escape') {
      if (!list.hidden) closeSuggestions();
      else input.value = '';
    }
  });
  input.addEventListener('blur', () => setTimeout(closeSuggestions, 100));
  document.addEventListener('keydown', (ev) => {
    const tag = (ev.target && ev.target.tagName) || '';
    if (ev.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(tag)) {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });

  // ---------- router ----------

  const view = document.getElementById('view');
  let cleanup = null;

  const routes = [
    [/^#\/movie\/([^?]+)(?:\?(.*))?$/, (m) => movieView(decodeURIComponent(m[1]), params(m[2]))],
    [/^#\/user(?:\/([^?]+))?\/?$/, (m) => userView(m[1] ? decodeURIComponent(m[1]) : null)],
    [/^#\/map(?:\?(.*))?$/, (m) => mapView(params(m[1]))],
    [/^#\/eval\/?$/, () => evalView()],
    [/^(#\/?)?$/, () => homeView()],
  ];

  function route() {
    if (cleanup) {
      cleanup();
      cleanup = null;
    }
    const hash = location.hash || '#/';
    const section = (hash.match(/^#\/(\w+)/) || [])[1] || '';
    document.querySelectorAll('[data-nav]').forEach((a) => {
      if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    for (const [re, render] of routes) {
      const m = hash.match(re);
      if (m) {
        render(m);
        return;
      }
    }
    show(h('h1', { text: 'Not found' }), h('p', {}, 'No view at ', h('code', { text: hash }), '. ', h('a', { href: '#/', text: 'Home' })));
  }

  function show(...nodes) {
    view.replaceChildren(...nodes);
  }

  function title(text) {
    document.title = text ? text + ' — embrec' : 'embrec — people who liked this also liked';
  }

  // ---------- home ----------

  async function homeView() {
    title('');
    const examples = h('p', { class: 'examples' }, 'Try: ');
    const cards = h('div', { class: 'cards' });
    show(
      h('h1', { text: 'People who liked this also liked…' }),
      h('p', { class: 'lead' },
        'Search ' + aNoun() + ' above to see the ' + noun(true) + ' most similar to it in each model, side by side. ',
        'Explore the ', h('a', { href: '#/map', text: 'map' }), ' of the whole embedding space, get ',
        h('a', { href: '#/user', text: 'recommendations' }), ' for a user or for your own ' + noun(true) + ', and compare the models\u2019 ',
        h('a', { href: '#/eval', text: 'evaluation' }), '.'),
      examples,
      h('h2', { text: 'Models' }),
      cards);
    for (const q of ['What Women Want (2000)', 'Matrix, The (1999)', 'Toy Story (1995)', 'Amelie']) {
      api('/api/items?limit=1&q=' + encodeURIComponent(q)).then((r) => {
        if (r.results.length) examples.append(h('a', { class: 'example', href: movieHref(r.results[0].id), text: r.results[0].title }), ' ');
      }).catch(() => {});
    }
    try {
      const m = await models();
      for (const model of m.models) {
        cards.append(h('article', { class: 'card' },
          h('h3', { text: model.name + (model.name === m.default_model ? ' (default)' : '') }),
          h('p', { class: 'muted', text: model.algo + ' · ' + num(model.counts.vectors) + ' vectors × ' + model.counts.dim + ' dims' }),
          h('p', { class: 'muted', text: 'trained on ' + model.data.name + (model.created_at ? ' · ' + model.created_at.replace('T', ' ').replace('Z', ' UTC') : '') })));
      }
    } catch (e) {
      cards.append(errorBox(e));
    }
  }

  // ---------- movie ----------

  function resultList(model, results, emptyText) {
    if (!results.length) return h('p', { class: 'muted', text: emptyText || 'No items pass the filters.' });
    const best = Math.max(...results.map((r) => r.score), 1e-9);
    return h('ol', { class: 'results' }, results.map((r) => h('li', { class: 'result', 'data-id': r.id },
      h('div', { class: 'result-row' },
        h('a', { href: movieHref(r.id), class: 'result-title', text: r.title }),
        h('div', { class: 'score', title: 'score ' + fmt(r.score, 4) },
          h('meter', { min: '0', max: '1', value: String(Math.max(0, r.score / best)), 'aria-label': 'score relative to the best' }),
          h('span', { class: 'score-value', text: fmt(r.score, 3) })),
        h('div', { class: 'result-meta' },
          r.year && !r.title.includes('(' + r.year + ')') ? h('span', { class: 'year', text: String(r.year) }) : null,
          genreChips(r.genres),
          attributeChips(r),
          r.cold ? h('span', { class: 'badge cold', title: 'Vector inferred by cold start (content), not learned from ratings', text: 'cold start' }) : null)),
      because(r))));
  }

  /** "Because you liked X" under a recommendation that carries its explanation (?explain=true). */
  function because(r) {
    if (!r.because || !r.because.length) return null;
    const top = r.because[0];
    return h('p', { class: 'because muted small', title: r.because.map((b) => b.title + ' ' + Math.round(b.share * 100) + '%').join(', ') },
      'Because you liked ', h('a', { href: movieHref(top.id), text: top.title }),
      r.because.length > 1 ? ' (' + Math.round(top.share * 100) + '%)' : '');
  }

  /** Chips for an item's category and list attributes, and "name value" for its numbers (text attributes are left out). */
  function attributeChips(item) {
    const out = [];
    const values = item.attributes || {};
    for (const a of attributeList()) {
      const v = values[a.name];
      if (!v || !v.length || a.kind === 'text') continue;
      if (a.kind === 'number') out.push(h('span', { class: 'attr', 'data-attr': a.name, text: a.name + ' ' + v.join(', ') }));
      else out.push(...v.map((x) => h('span', { class: 'chip', 'data-attr': a.name, title: a.name, text: x })));
    }
    return h('span', { class: 'chips attrs' }, out);
  }

  /**
   * The filters form: genre and years (always for movies; else when the catalogue has them) and a
   * facet per catalogue attribute (a choice of its common values, or a number range), sent as
   * filter=NAME:VALUE, filter=NAME>=X and filter=NAME<=Y.
   */
  function filterForm(m, p, onApply) {
    const attrs = attributeList();
    const cat = catalogInfo || {};
    const controls = [];
    const collect = [];
    const allGenres = [...new Set(m.models.flatMap((x) => x.genres || []))].sort();
    if (!attrs.length || cat.genres) {
      const genre = h('select', { id: 'f-genre', name: 'genre' }, h('option', { value: '', text: 'any genre' }),
        allGenres.map((g) => h('option', { value: g, text: g, selected: (p.get('genre') || '').toLowerCase() === g.toLowerCase() })));
      controls.push(h('label', { for: 'f-genre', text: 'Genre' }), genre);
      collect.push((q) => { if (genre.value) q.set('genre', genre.value); });
    }
    if (!attrs.length || cat.years) {
      const from = h('input', { id: 'f-from', name: 'yearFrom', type: 'number', min: '1', max: '9999', placeholder: 'from', value: p.get('yearFrom') || '' });
      const to = h('input', { id: 'f-to', name: 'yearTo', type: 'number', min: '1', max: '9999', placeholder: 'to', value: p.get('yearTo') || '' });
      controls.push(h('label', { for: 'f-from', text: 'Years' }), from, h('span', { text: '–' }), to);
      collect.push((q) => {
        if (from.value) q.set('yearFrom', from.value);
        if (to.value) q.set('yearTo', to.value);
      });
    }
    const given = p.getAll('filter');
    for (const a of attrs) {
      const id = 'f-attr-' + a.name;
      if (a.kind === 'category' || a.kind === 'list') {
        const chosen = given.filter((f) => f.toLowerCase().startsWith(a.name + ':')).map((f) => f.slice(a.name.length + 1).toLowerCase());
        const select = h('select', { id, name: a.name, 'data-facet': a.name }, h('option', { value: '', text: 'any ' + a.name }),
          (a.values || []).map((v) => h('option', { value: v.value, text: v.value + ' (' + v.count + ')', selected: chosen.includes(v.value.toLowerCase()) })));
        controls.push(h('label', { for: id, text: a.name }), select);
        collect.push((q) => { if (select.value) q.append('filter', a.name + ':' + select.value); });
      } else if (a.kind === 'number') {
        const bound = (op) => (given.find((f) => f.startsWith(a.name + op)) || '').slice(a.name.length + op.length);
        const lo = h('input', { id, name: a.name + '-min', type: 'number', step: 'any', 'data-facet': a.name, placeholder: a.min != null ? 'from ' + a.min : 'from', value: bound('>=') });
        const hi = h('input', { id: id + '-max', name: a.name + '-max', type: 'number', step: 'any', placeholder: a.max != null ? 'to ' + a.max : 'to', value: bound('<=') });
        controls.push(h('label', { for: id, text: a.name }), lo, h('span', { text: '–' }), hi);
        collect.push((q) => {
          if (lo.value) q.append('filter', a.name + '>=' + lo.value);
          if (hi.value) q.append('filter', a.name + '<=' + hi.value);
        });
      }
    }
    return h('form', {
      class: 'filters',
      onsubmit: (ev) => {
        ev.preventDefault();
        const q = new URLSearchParams();
        collect.forEach((f) => f(q));
        onApply(q);
      },
    },
    ...controls,
    h('button', { type: 'submit', text: 'Filter' }),
    h('button', { type: 'button', class: 'secondary', text: 'Clear', onclick: () => onApply(new URLSearchParams()) }));
  }

  async function movieView(id, p) {
    show(h('p', { class: 'muted', text: 'Loading…' }));
    let item;
    let m;
    try {
      [item, m] = await Promise.all([api('/api/items/' + encodeURIComponent(id)), models()]);
    } catch (e) {
      show(h('h1', { text: 'Movie ' + id }), errorBox(e));
      return;
    }
    title(item.title);
    const likeButton = h('button', { type: 'button', class: 'like', 'aria-pressed': String(likedMovies().some((x) => x.id === item.id)) });
    const syncLike = () => {
      const on = likedMovies().some((x) => x.id === item.id);
      likeButton.setAttribute('aria-pressed', String(on));
      likeButton.textContent = on ? '♥ In my ' + noun(true) : '♡ Add to my ' + noun(true);
    };
    likeButton.addEventListener('click', () => {
      toggleLiked(item);
      syncLike();
    });
    syncLike();
    const query = new URLSearchParams(p);
    query.set('k', '10');
    const columns = h('div', { class: 'columns' });
    show(
      h('div', { class: 'movie-head' },
        h('h1', { id: 'movie-title', text: item.title }),
        h('p', { class: 'movie-meta' }, h('span', { text: yearText(item) }), genreChips(item.genres), attributeChips(item),
          h('span', { class: 'muted', text: 'id ' + item.id })),
        attributeList().filter((a) => a.kind === 'text' && item.attributes && item.attributes[a.name])
          .map((a) => h('p', { class: 'item-text', 'data-attr': a.name }, h('span', { class: 'muted', text: a.name + ': ' }), item.attributes[a.name].join(' '))),
        h('p', { class: 'actions' }, likeButton, ' ',
          h('a', { class: 'button secondary', href: '#/map?model=' + encodeURIComponent(m.default_model) + '&focus=' + encodeURIComponent(item.id), text: 'Show on map' }))),
      filterForm(m, p, (q) => {
        const s = q.toString();
        location.hash = movieHref(item.id) + (s ? '?' + s : '');
      }),
      h('h2', { text: 'People who liked it also liked' }),
      columns);
    for (const model of m.models) {
      const body = h('div', { class: 'column-body' }, h('p', { class: 'muted', text: 'Loading…' }));
      columns.append(h('section', { class: 'model-column', 'data-model': model.name, 'aria-label': model.name },
        h('h3', {}, model.name, h('span', { class: 'muted small', text: ' ' + model.algo + ' · ' + num(model.counts.vectors) + ' items' })),
        body));
      const q = new URLSearchParams(query);
      q.set('model', model.name);
      api('/api/items/' + encodeURIComponent(item.id) + '/similar?' + q.toString())
        .then((r) => body.replaceChildren(resultList(model, r.results)))
        .catch((e) => body.replaceChildren(h('p', { class: 'muted', text: e.message })));
    }
  }

  // ---------- users ----------

  async function userView(userId) {
    title(userId ? 'User ' + userId : 'Users');
    let m;
    try {
      m = await models();
    } catch (e) {
      show(errorBox(e));
      return;
    }
    const userModels = m.models.filter((x) => x.supports && x.supports.users);
    const idInput = h('input', { id: 'user-id', type: 'text', inputmode: 'numeric', placeholder: 'user id, e.g. 1', value: userId || '', disabled: userModels.length === 0 });
    const userSection = h('section', { class: 'user-section' },
      h('h2', { text: 'A user from the data' }),
      userModels.length === 0
        ? h('p', { class: 'muted', text: 'None of the served models stores user histories; use “My ' + noun(true) + '” below.' })
        : h('form', {
          class: 'inline',
          onsubmit: (ev) => {
            ev.preventDefault();
            if (idInput.value.trim()) location.hash = '#/user/' + encodeURIComponent(idInput.value.trim());
          },
        }, h('label', { for: 'user-id', text: 'User' }), idInput, h('button', { type: 'submit', text: 'Recommend' })));
    const mine = h('section', { class: 'user-section' }, h('h2', { text: 'My ' + noun(true) }));
    show(h('h1', { text: userId ? 'User ' + userId : 'Recommendations' }), userSection, mine);

    if (userId && userModels.length) {
      const history = h('div', { class: 'history' });
      const columns = h('div', { class: 'columns' });
      userSection.append(h('h3', { text: 'Recommended for user ' + userId }), columns, history);
      let shownHistory = false;
      for (const model of userModels) {
        const body = h('div', { class: 'column-body' }, h('p', { class: 'muted', text: 'Loading…' }));
        columns.append(h('section', { class: 'model-column', 'data-model': model.name }, h('h3', { text: model.name }), body));
        api('/api/users/' + encodeURIComponent(userId) + '/recommendations?k=10&explain=true&model=' + encodeURIComponent(model.name))
          .then((r) => {
            body.replaceChildren(resultList(model, r.results));
            if (!shownHistory && r.query && r.query.history) {
              shownHistory = true;
              const total = r.query.history_size || r.query.history.length;
              const shown = r.query.history.length;
              history.replaceChildren(h('details', { class: 'history-box' },
                h('summary', { text: 'History: ' + num(total) + ' liked ' + noun(true) + (shown < total ? ' (the ' + shown + ' most recent shown, oldest first)' : ' (oldest first)') }),
                h('ol', { class: 'history-list' }, r.query.history.map((it) => h('li', {}, h('a', { href: movieHref(it.id), text: it.title }))))));
            }
            if (r.fallback === 'popularity') {
              body.prepend(h('p', { class: 'muted small', text: 'None of this user\u2019s ' + noun(true) + ' has a vector in this model: the most popular ' + noun(true) + ' instead.' }));
            }
          })
          .catch((e) => body.replaceChildren(h('p', { class: 'muted', text: e.message })));
      }
    }
    renderMyMovies(mine, m);
  }

  function renderMyMovies(section, m) {
    const liked = likedMovies();
    const body = h('div');
    section.replaceChildren(h('h2', { text: 'My ' + noun(true) }), body);
    if (!liked.length) {
      body.append(h('p', { class: 'muted' }, 'Open ' + aNoun() + ' and press “♡ Add to my ' + noun(true) + '”; recommendations for your list appear here, from every model.'));
      return;
    }
    body.append(h('ul', { class: 'liked' }, liked.map((it) => h('li', {},
      h('a', { href: movieHref(it.id), text: it.title }), ' ',
      h('button', {
        type: 'button',
        class: 'link',
        'aria-label': 'Remove ' + it.title,
        text: 'remove',
        onclick: () => {
          setLiked(likedMovies().filter((x) => x.id !== it.id));
          renderMyMovies(section, m);
        },
      })))));
    const columns = h('div', { class: 'columns' });
    body.append(h('h3', { text: 'Recommended for my ' + noun(true) }), columns);
    for (const model of m.models) {
      const col = h('div', { class: 'column-body' }, h('p', { class: 'muted', text: 'Loading…' }));
      columns.append(h('section', { class: 'model-column', 'data-model': model.name }, h('h3', { text: model.name }), col));
      api('/api/recommendations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ items: liked.map((x) => x.id), k: 10, model: model.name, explain: true }),
      }).then((r) => {
        col.replaceChildren(resultList(model, r.results, 'None of my ' + noun(true) + ' has a vector in this model.'));
        if (r.fallback === 'popularity') {
          col.prepend(h('p', { class: 'muted small', text: 'None of my ' + noun(true) + ' has a vector in this model: the most popular ' + noun(true) + ' instead.' }));
        }
      })
        .catch((e) => col.replaceChildren(h('p', { class: 'muted', text: e.message })));
    }
  }

  // ---------- map ----------

  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22',
    '#17becf', '#393b79', '#ad494a', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd', '#e6550d', '#31a354', '#756bb1'];
  const NO_GENRE_COLOUR = '#b0b0b0';

  async function mapView(p) {
    title('Map');
    let m;
    try {
      m = await models();
    } catch (e) {
      show(errorBox(e));
      return;
    }
    const modelName = p.get('model') || m.default_model;
    const focusId = p.get('focus');
    const select = h('select', { id: 'map-model', 'aria-label': 'Model' }, m.models.map((x) => h('option', { value: x.name, text: x.name, selected: x.name === modelName })));
    select.addEventListener('change', () => {
      const q = new URLSearchParams({ model: select.value });
      if (focusId) q.set('focus', focusId);
      location.hash = '#/map?' + q.toString();
    });
    const canvas = h('canvas', { id: 'map-canvas', tabindex: '0', role: 'img', 'aria-label': 'Scatter plot of item vectors; hover for titles, click to open ' + aNoun() });
    const tip = h('div', { class: 'tooltip', role: 'status', hidden: true });
    const legend = h('div', { class: 'legend', 'aria-label': 'Genres' });
    const info = h('p', { class: 'muted', id: 'map-info', text: 'Computing the map…' });
    show(
      h('div', { class: 'map-head' }, h('h1', { text: 'Embedding map' }), h('label', { for: 'map-model', text: 'Model' }), select),
      info,
      h('div', { class: 'map-wrap' }, canvas, tip),
      legend,
      h('p', { class: 'muted small', text: 'Scroll or +/− to zoom, drag or arrow keys to pan, 0 to reset; click a point to open the ' + noun() + '.' }));
    let data;
    try {
      data = await api('/api/map?model=' + encodeURIComponent(modelName));
    } catch (e) {
      info.replaceChildren(errorBox(e));
      return;
    }
    const ev = data.explained_variance || [0, 0];
    info.textContent = num(data.points.length) + ' items of model ' + data.model + ', projected on their first two principal components ('
      + Math.round(100 * (ev[0] + ev[1])) + '% of the variance); colour = the ' + noun() + '’s ' + (data.colour_by && data.colour_by !== 'genre' ? data.colour_by + (attributeList().some((a) => a.name === data.colour_by && a.kind === 'list') ? ' (the rarest of its values)' : '') : 'most specific (rarest) genre') + '.';
    cleanup = drawMap(canvas, tip, legend, data, focusId);
  }

  /** Draws the scatter and wires hover, click, zoom and pan; returns a function removing global listeners. */
  function drawMap(canvas, tip, legend, data, focusId) {
    const pts = data.points;
    const colours = data.genres.map((_, i) => PALETTE[i % PALETTE.length]);
    const hidden = new Set();
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const q of pts) {
      minX = Math.min(minX, q.x);
      maxX = Math.max(maxX, q.x);
      minY = Math.min(minY, q.y);
      maxY = Math.max(maxY, q.y);
    }
    const spanX = maxX - minX || 1;
    const spanY = maxY - minY || 1;
    let zoom = 1;
    let panX = 0;
    let panY = 0;
    let hover = -1;
    const focus = pts.findIndex((q) => q.id === focusId);
    let screen = new Float32Array(pts.length * 2);
    let width = 0;
    let height = 0;

    function resize() {
      const rect = canvas.parentElement.getBoundingClientRect();
      width = Math.max(300, rect.width);
      height = Math.max(320, Math.min(window.innerHeight * 0.7, width * 0.7));
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = width + 'px';
      canvas.style.height = height + 'px';
      canvas.getContext('2d').setTransform(dpr, 0, 0, dpr, 0, 0);
      draw();
    }

    function project() {
      const pad = 16;
      const s = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY) * zoom;
      const cx = width / 2 + panX;
      const cy = height / 2 + panY;
      const mx = (minX + maxX) / 2;
      const my = (minY + maxY) / 2;
      for (let i = 0; i < pts.length; i++) {
        screen[i * 2] = cx + (pts[i].x - mx) * s;
        screen[i * 2 + 1] = cy - (pts[i].y - my) * s;
      }
    }

    function draw() {
      project();
      const ctx = canvas.getContext('2d');
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      const r = Math.max(1.5, Math.min(4, 1.8 * Math.sqrt(zoom)));
      let drawn = 0;
      ctx.globalAlpha = 0.75;
      for (let i = 0; i < pts.length; i++) {
        const g = pts[i].genre;
        if (hidden.has(g)) continue;
        const x = screen[i * 2];
        const y = screen[i * 2 + 1];
        if (x < -5 || y < -5 || x > width + 5 || y > height + 5) continue;
        ctx.fillStyle = g >= 0 ? colours[g] : NO_GENRE_COLOUR;
        ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
        drawn++;
      }
      ctx.globalAlpha = 1;
      for (const [i, label] of [[focus, true], [hover, true]]) {
        if (i < 0 || !label) continue;
        const x = screen[i * 2];
        const y = screen[i * 2 + 1];
        ctx.strokeStyle = '#000';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(x, y, 7, 0, 2 * Math.PI);
        ctx.stroke();
        if (i === focus) {
          ctx.font = '600 13px system-ui, sans-serif';
          ctx.fillStyle = '#000';
          ctx.fillText(pts[i].title, x + 10, y - 10);
        }
      }
      canvas.dataset.points = String(drawn);
    }

    function nearest(mx, my) {
      let best = -1;
      let bestD = 64; // within 8 px
      for (let i = 0; i < pts.length; i++) {
        if (hidden.has(pts[i].genre)) continue;
        const dx = screen[i * 2] - mx;
        const dy = screen[i * 2 + 1] - my;
        const d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      }
      return best;
    }

    function showTip(i, x, y) {
      if (i < 0) {
        tip.hidden = true;
        return;
      }
      const q = pts[i];
      tip.replaceChildren(h('strong', { text: q.title }), h('br'), h('span', { text: q.genre >= 0 ? data.genres[q.genre] : 'no ' + (data.colour_by || 'genre') }));
      tip.hidden = false;
      tip.style.left = Math.min(x + 12, width - 220) + 'px';
      tip.style.top = (y + 12) + 'px';
    }

    let drag = null;
    let moved = false;
    canvas.addEventListener('mousemove', (e) => {
      const rect = canvas.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      if (drag) {
        panX = drag.panX + (e.clientX - drag.x);
        panY = drag.panY + (e.clientY - drag.y);
        moved = moved || Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3;
        draw();
        return;
      }
      const i = nearest(x, y);
      if (i !== hover) {
        hover = i;
        draw();
      }
      canvas.style.cursor = i >= 0 ? 'pointer' : 'grab';
      showTip(i, x, y);
    });
    canvas.addEventListener('mouseleave', () => {
      hover = -1;
      tip.hidden = true;
      drag = null;
      draw();
    });
    canvas.addEventListener('mousedown', (e) => {
      drag = { x: e.clientX, y: e.clientY, panX, panY };
      moved = false;
    });
    canvas.addEventListener('mouseup', () => {
      drag = null;
    });
    canvas.addEventListener('click', (e) => {
      if (moved) return;
      const rect = canvas.getBoundingClientRect();
      const i = nearest(e.clientX - rect.left, e.clientY - rect.top);
      if (i >= 0) location.hash = movieHref(pts[i].id);
    });
    function zoomAt(factor, x, y) {
      const nz = Math.min(200, Math.max(0.5, zoom * factor));
      const f = nz / zoom;
      panX = (panX + width / 2 - x) * f - width / 2 + x;
      panY = (panY + height / 2 - y) * f - height / 2 + y;
      zoom = nz;
      draw();
    }
    canvas.addEventListener('wheel', (e) => {
      e.preventDefault();
      const rect = canvas.getBoundingClientRect();
      zoomAt(e.deltaY < 0 ? 1.25 : 0.8, e.clientX - rect.left, e.clientY - rect.top);
    }, { passive: false });
    canvas.addEventListener('keydown', (e) => {
      const step = 40;
      const keys = {
        '+': () => zoomAt(1.25, width / 2, height / 2),
        '=': () => zoomAt(1.25, width / 2, height / 2),
        '-': () => zoomAt(0.8, width / 2, height / 2),
        0: () => {
          zoom = 1;
          panX = 0;
          panY = 0;
          draw();
        },
        ArrowLeft: () => { panX += step; draw(); },
        ArrowRight: () => { panX -= step; draw(); },
        ArrowUp: () => { panY += step; draw(); },
        ArrowDown: () => { panY -= step; draw(); },
        Enter: () => { if (focus >= 0) location.hash = movieHref(pts[focus].id); },
      };
      if (keys[e.key]) {
        e.preventDefault();
        keys[e.key]();
      }
    });

    legend.replaceChildren(...data.genres.map((g, i) => {
      const b = h('button', { type: 'button', class: 'legend-item', 'aria-pressed': 'true', title: 'Show or hide ' + g },
        h('span', { class: 'swatch' }), g);
      b.querySelector('.swatch').style.background = colours[i];
      b.addEventListener('click', () => {
        if (hidden.has(i)) hidden.delete(i);
        else hidden.add(i);
        b.setAttribute('aria-pressed', String(!hidden.has(i)));
        draw();
      });
      return b;
    }));

    window.addEventListener('resize', resize);
    resize();
    return () => window.removeEventListener('resize', resize);
  }

  // ---------- evaluation ----------

  async function evalView() {
    title('Evaluation');
    let m;
    try {
      m = await models();
    } catch (e) {
      show(errorBox(e));
      return;
    }
    const rows = [];
    const seen = new Set();
    let k = null;
    let meta = null;
    for (const model of m.models) {
      const metrics = model.metrics || {};
      if (!Array.isArray(metrics.results)) continue;
      k = k || metrics.k;
      meta = meta || metrics;
      for (const r of metrics.results) {
        const key = r.model + '/' + r.task + '/' + (r.slice || '');
        if (r.slice || seen.has(key) || typeof r.hr !== 'number') continue;
        seen.add(key);
        rows.push(r);
      }
    }
    const body = [h('h1', { text: 'Evaluation' })];
    if (!rows.length) {
      body.push(h('p', { class: 'muted' }, 'The served models carry no evaluation figures. ',
        h('code', { text: './embrec demo' }), ' evaluates every model it trains (leave-last-out, next liked item).'));
      show(...body);
      return;
    }
    body.push(h('p', { class: 'lead' }, 'Leave-last-out: each test user\u2019s last liked ' + noun() + ' is hidden; a model scores a hit when it ranks that ' + noun() + ' in its top ',
      String(k || 10), '. ', meta && meta.test_users ? num(meta.test_users) + ' test users' + (meta.dataset ? ' of ' + meta.dataset : '') + '. ' : '',
      'Bars: HR@', String(k || 10), ' (with 95% interval) and NDCG@', String(k || 10), '.'));
    for (const task of [...new Set(rows.map((r) => r.task))]) {
      const taskRows = rows.filter((r) => r.task === task).sort((a, b) => b.hr - a.hr);
      body.push(h('h2', { text: task === 'i2i' ? 'Related items (i2i): the last training item predicts the next' : task === 'u2i' ? 'Personalised (u2i): the whole history predicts the next' : task }));
      body.push(barChart(taskRows, k || 10, m.models.map((x) => x.name)));
      body.push(evalTable(taskRows, k || 10));
    }
    show(...body);
  }

  function barChart(rows, k, served) {
    const NS = 'http://www.w3.org/2000/svg';
    const s = (tag, attrs, text) => {
      const el = document.createElementNS(NS, tag);
      for (const [a, v] of Object.entries(attrs)) el.setAttribute(a, String(v));
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const labelW = 130;
    const barH = 14;
    const rowH = 2 * barH + 14;
    const chartW = 520;
    const max = Math.max(...rows.map((r) => Math.max(r.hr, (r.hr_ci95 || [0, 0])[1], r.ndcg)), 0.01);
    const scale = (v) => (v / max) * chartW;
    const svg = s('svg', { class: 'chart', viewBox: `0 0 ${labelW + chartW + 90} ${rows.length * rowH + 10}`, role: 'img', 'aria-label': 'HR@' + k + ' and NDCG@' + k + ' per model' });
    rows.forEach((r, i) => {
      const y = i * rowH + 8;
      const isModel = served.includes(r.model) || !['popularity', 'cooccurrence', 'random'].includes(r.model);
      svg.append(s('text', { x: labelW - 8, y: y + barH + 4, 'text-anchor': 'end', class: isModel ? 'label model' : 'label baseline' }, r.model));
      svg.append(s('rect', { x: labelW, y, width: Math.max(1, scale(r.hr)), height: barH, class: 'bar hr' }));
      let hrEnd = r.hr;
      if (Array.isArray(r.hr_ci95)) {
        const [lo, hi] = r.hr_ci95;
        hrEnd = Math.max(hrEnd, hi);
        svg.append(s('line', { x1: labelW + scale(lo), x2: labelW + scale(hi), y1: y + barH / 2, y2: y + barH / 2, class: 'whisker' }));
      }
      svg.append(s('text', { x: labelW + scale(hrEnd) + 6, y: y + barH - 3, class: 'value' }, 'HR ' + fmt(r.hr)));
      svg.append(s('rect', { x: labelW, y: y + barH + 2, width: Math.max(1, scale(r.ndcg)), height: barH, class: 'bar ndcg' }));
      svg.append(s('text', { x: labelW + scale(r.ndcg) + 6, y: y + 2 * barH - 1, class: 'value' }, 'NDCG ' + fmt(r.ndcg)));
    });
    return h('figure', { class: 'chart-wrap' }, svg, h('figcaption', { class: 'muted small' },
      h('span', { class: 'key hr' }), ' HR@' + k + '  ', h('span', { class: 'key ndcg' }), ' NDCG@' + k + ' · baselines in grey italics'));
  }

  function evalTable(rows, k) {
    return h('table', { class: 'eval-table' },
      h('thead', {}, h('tr', {}, ['model', 'HR@' + k, '95% CI', 'NDCG@' + k, 'coverage', 'train s'].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('th', { scope: 'row', text: r.model }),
        h('td', { text: fmt(r.hr, 4) }),
        h('td', { text: Array.isArray(r.hr_ci95) ? fmt(r.hr_ci95[0]) + '–' + fmt(r.hr_ci95[1]) : '' }),
        h('td', { text: fmt(r.ndcg, 4) }),
        h('td', { text: fmt(r.coverage, 3) }),
        h('td', { text: typeof r.train_seconds === 'number' ? r.train_seconds.toFixed(2) : '' })))));
  }

  // ---------- start ----------

  models().then((m) => {
    document.getElementById('status').textContent = m.models.length + (m.models.length === 1 ? ' model' : ' models') + ' · '
      + num(m.items) + ' items';
  }).catch((e) => {
    document.getElementById('status').textContent = e.message;
  });
  window.addEventListener('hashchange', route);
  route();
})();
