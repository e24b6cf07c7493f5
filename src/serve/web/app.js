// SPDX-License-Identifier: MIT
// The page's behaviour: ask the service (/v1/...), show its answers. Every name and sentence goes
// into the page with textContent or DOM APIs, never as markup; diagrams are <img> (an SVG shown
// that way cannot run script). The words come from the service's JSON (the CLI's own sentences):
// this file lays answers out, it does not word them.
'use strict';

// ---- Small DOM helpers ----

// el('p', {className: 'x'}, 'text', child): an element; strings become text nodes. Attributes
// named data-*, aria-* or role go through setAttribute, the rest are properties.
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('data-') || key.startsWith('aria-') || key === 'role' || key === 'for')
      node.setAttribute(key, value === true ? '' : String(value));
    else if (key.startsWith('on'))
      node.addEventListener(key.slice(2), value);
    else
      node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node) {
  node.replaceChildren();
  return node;
}

const byId = (id) => document.getElementById(id);

// The CLI's percentages (src/report/common.c wp_i_percent): whole percent from 10 %, else two
// significant digits as %.2g writes them ("1 %", "0.66 %"). A no-break space keeps the number
// and its sign on one line.
function percent(p) {
  if (typeof p !== 'number' || !isFinite(p)) return '–';
  const n = p >= 0.0995 ? (100 * p).toFixed(0) : String(Number((100 * p).toPrecision(2)));
  return `${n}\u00a0%`;
}

function number(x, digits) {
  return typeof x === 'number' && isFinite(x) ? x.toFixed(digits) : '–';
}

function person(p) {
  // "Bob Smith (VP Finance, Acme)" as the CLI writes a person; missing parts left out.
  const extra = [p.title, p.company].filter(Boolean).join(', ');
  return extra ? `${p.name || p.id} (${extra})` : (p.name || p.id || '');
}

// ---- The service ----

class ApiError extends Error {
  constructor(status, body) {
    const e = body && body.error;
    super((e && e.message) || `the service answered ${status}`);
    this.status = status;
    this.code = e && e.code;
    this.candidates = (e && e.candidates) || [];
  }
}

const TOKEN_KEY = 'warmpath-token';

function headers(extra) {
  const h = Object.assign({Accept: 'application/json'}, extra || {});
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) h.Authorization = `Bearer ${token}`;
  return h;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of [].concat(value)) {
      if (v !== undefined && v !== null && String(v).trim() !== '') q.append(key, String(v).trim());
    }
  }
  return q;
}

async function request(method, path, params, body, signal) {
  const url = params ? `${path}?${query(params)}` : path;
  const init = {method, headers: headers(body ? {'Content-Type': 'application/json'} : {}), signal};
  if (body) init.body = JSON.stringify(body);
  const response = await fetch(url, init);
  let json = null;
  try {
    json = await response.json();
  } catch (_) {
    json = null;
  }
  if (response.status === 401) askForToken();
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const getJson = (path, params, signal) => request('GET', path, params, null, signal);
const postJson = (path, body) => request('POST', path, null, body);

// A service started with --token-file wants a Bearer token: ask once, keep it for the tab.
function askForToken() {
  if (byId('token-form')) return;
  const input = el('input', {id: 'token-input', type: 'password', autocomplete: 'current-password'});
  const form = el('form', {id: 'token-form', className: 'notice', role: 'alert'},
    el('label', {for: 'token-input'}, 'This service needs its access token:'), ' ', input, ' ',
    el('button', {type: 'submit', className: 'primary'}, 'Use token'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    form.remove();
    showHealth();
    detectFeatures().then(() => applyState(readState()));
  });
  byId('main').prepend(form);
  input.focus();
}

// Diagrams are pictures the service draws; with a token they are fetched and shown as data:
// URLs (an <img> cannot send the header), else the <img> asks for them itself.
function diagram(path, params, alt) {
  const src = `${path}?${query(params)}`;
  const img = el('img', {className: 'diagram', alt, decoding: 'async', loading: 'lazy'});
  const figure = el('figure', {className: 'diagram-box'}, img,
    el('figcaption', {}, el('a', {href: src, target: '_blank', rel: 'noopener'}, 'Open full size'),
      ' · ', el('a', {href: src, download: 'warmpath-diagram.svg'}, 'Download SVG')));
  img.addEventListener('error', () => {
    figure.replaceChildren(el('p', {className: 'muted'}, 'The diagram could not be drawn.'));
  });
  if (!sessionStorage.getItem(TOKEN_KEY)) {
    img.src = src;
  } else {
    fetch(src, {headers: headers()}).then((r) => (r.ok ? r.blob() : Promise.reject(r)))
      .then((blob) => new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader.readAsDataURL(blob);
      }))
      .then((url) => { img.src = url; })
      .catch(() => img.dispatchEvent(new Event('error')));
  }
  return figure;
}

// ---- Optional parts: the ledger's endpoints land after the page; until then they answer 404
// and the parts that need them stay hidden. ----

const features = {ledger: false};

async function detectFeatures() {
  try {
    const r = await fetch('/v1/followups', {headers: headers()});
    // 401: not known yet (asked again once the token is given).
    features.ledger = ![401, 404, 405, 501].includes(r.status);
  } catch (_) {
    features.ledger = false;
  }
  for (const node of document.querySelectorAll('[data-needs="ledger"]')) node.hidden = !features.ledger;
}

async function showHealth() {
  const status = byId('health');
  try {
    const r = await fetch('/healthz', {headers: headers()});
    const health = await r.json().catch(() => ({}));
    const people = typeof health.people === 'number' ? `${health.people.toLocaleString('en')} people` : 'Network';
    status.textContent = r.ok ? `${people} loaded` : 'Loading the network…';
    // A failed reload: the old network is still served; say why on hover.
    status.dataset.state = !r.ok || health.status === 'degraded' ? 'busy' : 'ok';
    status.title = health.last_load_error || '';
  } catch (_) {
    status.textContent = 'Service unreachable';
    status.dataset.state = 'down';
  }
}

// ---- Page state in the URL: /?from=...&to=...&at=... renders that answer ----

const VIEWS = {
  path: {form: 'path-form', fields: ['from', 'to', 'at'], ready: (s) => s.from && s.to, run: runPath},
  account: {form: 'account-form', fields: ['from', 'company'], ready: (s) => s.from && s.company,
            run: runAccount},
  territory: {form: 'territory-form', fields: ['from', 'where', 'plan'], ready: (s) => s.from,
              run: runTerritory},
  followups: {form: null, fields: [], ready: () => true, run: runFollowups},
};

function readState() {
  const q = new URLSearchParams(location.search);
  const state = {view: VIEWS[q.get('view')] ? q.get('view') : 'path'};
  for (const [key, value] of q) {
    if (key === 'view') continue;
    state[key] = key === 'where' && state.where ? `${state.where}; ${value}` : value;
  }
  return state;
}

function writeState(state, push) {
  const q = new URLSearchParams();
  if (state.view !== 'path') q.set('view', state.view);
  for (const key of VIEWS[state.view].fields) {
    if (key === 'where') {
      for (const w of splitWhere(state.where)) q.append('where', w);
    } else if (state[key]) {
      q.set(key, state[key]);
    }
  }
  const url = q.toString() ? `/?${q}` : '/';
  if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](state, '', url);
}

function splitWhere(text) {
  return (text || '').split(';').map((s) => s.trim()).filter(Boolean);
}

function showView(name) {
  for (const section of document.querySelectorAll('.view')) section.hidden = section.dataset.view !== name;
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.view === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const title = document.querySelector(`#view-${name} h1`);
  document.title = `warmpath — ${title ? title.textContent : ''}`;
}

function fillForm(view, state) {
  const form = VIEWS[view].form && byId(VIEWS[view].form);
  if (!form) return;
  // The address is the truth: a field it leaves out is emptied (no plan, no account).
  for (const key of VIEWS[view].fields) {
    if (form.elements[key]) form.elements[key].value = state[key] ?? '';
  }
}

// The view and its form as @state says; nothing is asked yet.
function showState(state) {
  showView(state.view);
  fillForm(state.view, state);
  // The seller typed in one view is the seller in the others.
  if (state.from) {
    for (const id of ['path-from', 'account-from', 'territory-from']) {
      if (!byId(id).value) byId(id).value = state.from;
    }
  }
}

function runState(state) {
  const view = VIEWS[state.view];
  if (view.ready(state)) view.run(state);
}

function applyState(state) {
  showState(state);
  runState(state);
}

function formState(view) {
  const form = byId(VIEWS[view].form);
  const state = {view};
  for (const key of VIEWS[view].fields) state[key] = form.elements[key].value.trim();
  return state;
}

// The browser has checked the required fields (it says what is missing, accessibly).
function submitView(view, event) {
  event.preventDefault();
  const state = formState(view);
  writeState(state, false);
  VIEWS[view].run(state);
}

// ---- Showing a question's progress and failures ----

const inFlight = new Map(); // answer element -> the AbortController of the answer it awaits

// A new question in a view cancels the one it was still waiting for.
function begin(target) {
  if (inFlight.has(target)) inFlight.get(target).abort();
  const controller = new AbortController();
  inFlight.set(target, controller);
  target.setAttribute('aria-busy', 'true');
  clear(target).append(el('p', {className: 'loading'}, 'Working it out…'));
  return controller.signal;
}

function finish(target) {
  target.removeAttribute('aria-busy');
}

// An error as the service words it; for an unknown or ambiguous person, the candidates as
// buttons that put the chosen one in the form and ask again.
function showError(target, error, retry) {
  finish(target);
  if (error.name === 'AbortError') return;
  const box = el('div', {className: 'error', role: 'alert'}, el('p', {}, error.message));
  if (error.candidates.length && retry) {
    const list = el('ul', {className: 'candidates'});
    for (const c of error.candidates) {
      const label = typeof c === 'string' ? c : c.detail ? `${c.name} (${c.detail})` : person(c);
      list.append(el('li', {}, el('button', {type: 'button', className: 'link',
        onclick: () => retry(typeof c === 'string' ? {name: c} : c)}, label)));
    }
    box.append(el('p', {}, error.status === 409 ? 'Which one?' : 'Did you mean:'), list);
  }
  clear(target).append(box);
}

// Which field a candidate replaces: the service's message names the option ("--to: ...").
function fieldOf(error, fields) {
  const m = /^--?([a-z_-]+)/.exec(error.message);
  const name = m ? m[1].replace(/-/g, '_') : '';
  return fields.includes(name) ? name : null;
}

function retryWith(view, state, error) {
  const field = fieldOf(error, VIEWS[view].fields);
  if (!field) return null;
  // A buyer is named with the account (readable in the link); anyone else by id when known.
  return (c) => {
    const next = Object.assign({}, state);
    if (field === 'to' && c.name && c.company) {
      next.to = c.name;
      next.at = c.company;
    } else {
      next[field] = c.id || c.name;
    }
    fillForm(view, next);
    writeState(next, false);
    VIEWS[view].run(next);
  };
}

// ---- Who can introduce me ----

async function runPath(state) {
  const target = byId('path-answer');
  const signal = begin(target);
  const params = {from: state.from, to: state.to, at: state.at};
  try {
    const answer = await getJson('/v1/paths', params, signal);
    finish(target);
    clear(target).append(renderPaths(answer, params));
  } catch (error) {
    showError(target, error, retryWith('path', state, error));
  }
}

function renderPaths(answer, params) {
  const out = el('div', {className: 'result'});
  const query = answer.query || {};
  const paths = answer.paths || [];
  const who = query.target ? person(query.target) : params.to;
  const seller = paths.length && paths[0].names ? paths[0].names[0] : params.from;
  out.append(el('div', {className: 'result-head'},
    el('div', {},
      el('h2', {}, `Introductions to ${who}`),
      el('p', {className: 'muted limits'}, limits(query, seller))),
    shareButton()));

  const direct = (answer.direct || []).map((d) => d.sentence).concat(answer.direct_advice || []);
  if (direct.length) out.append(el('div', {className: 'callout'}, direct.map((t) => el('p', {}, t))));
  if (paths.length === 0) {
    out.append(renderNoPath(answer.no_path));
    return out;
  }
  const one = answer.at_least_one;
  if (one && one.sentence) {
    out.append(el('p', {className: 'summary'}, one.sentence, ' ',
      el('span', {className: 'muted'}, `assuming ${one.assumes}.`)));
  }
  const layout = el('div', {className: 'columns'});
  const list = el('ol', {className: 'paths', 'aria-label': 'Paths, best first'});
  paths.forEach((p, i) => list.append(renderPath(p, i, query)));
  layout.append(list, el('div', {className: 'side'},
    el('h3', {}, 'Diagram'),
    diagram('/v1/diagrams/path.svg', params, `Diagram of the introduction paths to ${who}`)));
  out.append(layout);
  return out;
}

// "For Alice Carter · at most 4 hops · chance at least 1 % · default model as of 2026-11-01":
// the query's limits, from its numbers.
function limits(query, seller) {
  const parts = [];
  if (seller) parts.push(`For ${seller}`);
  if (query.max_hops) parts.push(`at most ${query.max_hops} hops`);
  if (typeof query.min_probability === 'number') parts.push(`chance at least ${percent(query.min_probability)}`);
  if (query.model) parts.push(`${query.model} model${query.as_of ? ` as of ${query.as_of}` : ''}`);
  return parts.join(' · ');
}

// The library's headline ends with the chance, which the card shows large beside it.
function withoutChance(headline) {
  return headline.replace(/ — [^—]* chance$/, '');
}

function renderPath(p, i, query) {
  const names = p.names || [];
  const source = p.source ? names[1] : names[names.length - 1];
  const item = el('li', {className: 'path card', 'data-probability': p.probability,
                         'data-source': p.source || ''});
  item.append(el('div', {className: 'path-head'},
    el('span', {className: 'rank', 'aria-hidden': 'true'}, String(i + 1)),
    el('div', {className: 'path-title'},
      el('p', {className: 'headline'}, p.headline ? withoutChance(p.headline) : `Ask ${source}`),
      el('p', {className: 'route'}, names.join(' → '))),
    meter(p.probability)));
  const hops = el('ul', {className: 'hops'});
  for (const hop of p.hops || []) {
    const warn = hop.gone_cold || hop.never_interacted || hop.social_only;
    hops.append(el('li', {className: warn ? 'hop warn' : 'hop'}, hop.sentence));
  }
  if (p.passing_on) hops.append(el('li', {className: 'hop passing'}, p.passing_on));
  item.append(hops);
  const people = p.people || [];
  if (features.ledger && !p.direct && p.source) {
    const at = query.target && query.target.company;
    item.append(el('div', {className: 'ledger-actions'},
      askButton(people[0], p.source, people[people.length - 1], at),
      draftButton(people[0], p.source, people[people.length - 1], at)));
  }
  return item;
}

function meter(p) {
  const fill = el('span', {className: 'fill'});
  // Through the CSSOM, which the Content-Security-Policy allows (a style attribute it would not).
  fill.style.width = `${Math.max(0, Math.min(100, 100 * (p || 0)))}%`;
  return el('div', {className: 'chance'},
    el('span', {className: 'chance-value'}, percent(p)),
    el('span', {className: 'chance-label'}, 'chance'),
    el('span', {className: 'bar', role: 'presentation'},
      fill));
}

function renderNoPath(noPath) {
  const box = el('div', {className: 'callout empty'});
  for (const sentence of (noPath && noPath.sentences) || ['No introduction path within these limits.'])
    box.append(el('p', {}, sentence));
  const list = el('ol', {className: 'paths'});
  for (const p of [].concat((noPath && noPath.beyond_limits) || [], (noPath && noPath.colleagues) || [])) {
    list.append(el('li', {className: 'path card'},
      el('p', {className: 'headline'}, p.headline), el('p', {className: 'route'}, (p.names || []).join(' → '))));
  }
  if (list.childElementCount) box.append(list);
  return box;
}

function shareButton() {
  const button = el('button', {type: 'button', className: 'secondary share'}, 'Copy link');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      button.textContent = 'Link copied';
    } catch (_) {
      button.textContent = location.href;
    }
    setTimeout(() => { button.textContent = 'Copy link'; }, 2500);
  });
  return button;
}

// ---- Account map ----

async function runAccount(state) {
  const target = byId('account-answer');
  const signal = begin(target);
  try {
    const answer = await getJson('/v1/paths', {from: state.from, to_company: state.company}, signal);
    finish(target);
    const out = el('div', {className: 'result'});
    const paths = answer.paths || [];
    const seller = paths.length && paths[0].names ? paths[0].names[0] : state.from;
    out.append(el('div', {className: 'result-head'},
      el('div', {}, el('h2', {}, `Ways into ${state.company}`),
        el('p', {className: 'muted limits'}, limits(answer.query || {}, seller))),
      shareButton()));
    out.append(diagram('/v1/diagrams/account.svg', {from: state.from, company: state.company},
      `Account map of ${state.company}`));
    out.append(accountTable(paths));
    clear(target).append(out);
  } catch (error) {
    showError(target, error, retryWith('account', state, error));
  }
}

function accountTable(paths) {
  if (!paths.length) return el('p', {className: 'callout empty'}, 'No one at this account is reachable within the limits.');
  const body = el('tbody');
  for (const p of paths) {
    const names = p.names || [];
    body.append(el('tr', {},
      el('td', {}, names[names.length - 1] || ''),
      el('td', {className: 'num'}, percent(p.probability)),
      el('td', {}, p.source ? names[1] : 'you, directly'),
      el('td', {className: 'route'}, names.join(' → '))));
  }
  return el('div', {className: 'table-wrap'}, el('table', {},
    el('caption', {}, 'The best route into each person'),
    el('thead', {}, el('tr', {}, el('th', {scope: 'col'}, 'Person'), el('th', {scope: 'col', className: 'num'}, 'Chance'),
      el('th', {scope: 'col'}, 'Ask'), el('th', {scope: 'col'}, 'Route'))),
    body));
}

// ---- Territory ranking and the ask plan ----

async function runTerritory(state) {
  const target = byId('territory-answer');
  const signal = begin(target);
  const params = {from: state.from, where: splitWhere(state.where), plan: state.plan || undefined, top: 15};
  try {
    const answer = await getJson('/v1/rank', params, signal);
    finish(target);
    clear(target).append(renderRank(answer));
  } catch (error) {
    showError(target, error, retryWith('territory', state, error));
  }
}

function renderRank(r) {
  const out = el('div', {className: 'result'});
  const sellers = (r.sellers || []).map((s) => s.name || s.id).join(', ');
  const where = r.where && r.where.length ? ` (${r.where.join('; ')})` : '';
  out.append(el('div', {className: 'result-head'},
    el('div', {}, el('h2', {}, 'Referral sources for the territory'),
      el('p', {className: 'muted limits'},
        `${r.selected} people in the territory${where} · ${r.contacts} direct contacts of ${sellers} · ` +
        `at most ${r.max_hops} hops · paths under ${percent(r.min_probability)} not counted`)),
    shareButton()));
  if (r.plan && r.plan.picks && r.plan.picks.length) out.append(renderPlan(r.plan, r));
  out.append(sourcesTable(r.sources || []));
  if (r.cold_companies && r.cold_companies.length) {
    out.append(el('h3', {}, 'Accounts with no way in'),
      el('p', {}, r.cold_companies.map((c) => `${c.company} (${c.targets})`).join(', ')));
  }
  return out;
}

function renderPlan(plan, r) {
  const box = el('section', {className: 'plan', 'aria-label': 'Ask plan'});
  box.append(el('h3', {}, 'Ask plan'),
    el('p', {className: 'summary'}, el('strong', {}, number(plan.expected, 2)),
      ` introductions expected from ${plan.picks.length} sources, at most ${plan.max_asks} asks each`));
  const list = el('ol', {className: 'picks'});
  for (const pick of plan.picks) {
    const asks = el('ul', {className: 'asks'});
    for (const ask of pick.asks || []) {
      asks.append(el('li', {},
        el('span', {}, `about ${person(ask)}: `),
        el('strong', {}, percent(ask.probability)), el('span', {className: 'muted'}, ` chance, +${number(ask.gain, 2)}`),
        features.ledger && ask.route ? askButton(ask.route[0], pick.id, ask.id) : null));
    }
    list.append(el('li', {className: 'card'},
      el('p', {className: 'headline'}, `Ask ${person(pick)}`, el('span', {className: 'gain'}, ` +${number(pick.gain, 2)} expected`)),
      asks));
  }
  box.append(list);
  return box;
}

function sourcesTable(sources) {
  const body = el('tbody');
  for (const s of sources) {
    body.append(el('tr', {},
      el('td', {className: 'num'}, String(s.rank)),
      el('td', {}, el('span', {className: 'name'}, s.name || s.id), el('br'), el('span', {className: 'muted'}, [s.title, s.company].filter(Boolean).join(', '))),
      el('td', {}, `${(s.relationship || '').replace(/_/g, ' ')} ${percent(s.tie_effective_strength)}`),
      el('td', {className: 'num'}, number(s.score, 2)),
      el('td', {className: 'num'}, String(s.targets_reached)),
      el('td', {}, (s.best_targets || []).map((t) => `${t.name} (${t.company}) ${percent(t.probability)}`).join('; '))));
  }
  return el('div', {className: 'table-wrap'}, el('table', {},
    el('caption', {}, 'Sources ranked by expected introductions'),
    el('thead', {}, el('tr', {}, ...['#', 'Referral source', 'Tie to you', 'Expected intros', 'Reached', 'Best targets']
      .map((h, i) => el('th', {scope: 'col', className: [0, 3, 4].includes(i) ? 'num' : ''}, h)))),
    body));
}

// ---- The ledger: record asks and outcomes; today's follow-ups ----
// The bodies are the ledger commands' options under their URL names, as every endpoint takes
// them (`warmpath ask --from --to --at --via`, `warmpath update ID STATE`; docs/ledger.md): the
// service finds the path and its chance itself.

// The states an ask may move to next (docs/ledger.md "The states of an ask"); the service
// refuses anything else, so this only chooses which buttons to offer.
const NEXT_STATES = {
  asked: ['agreed', 'declined', 'no-answer', 'introduced', 'meeting'],
  agreed: ['introduced', 'no-answer'],
  introduced: ['meeting', 'no-response'],
  meeting: ['opportunity'],
  opportunity: ['won', 'lost'],
};

// What a follow-up's ask may have come to: its action says where the ask stands.
const FOLLOWUP_OUTCOMES = {
  'nudge-source': ['agreed', 'declined', 'no-answer', 'introduced'],
  'thank-source': ['introduced', 'no-answer'],
  'report-to-source': ['meeting', 'no-response', 'opportunity', 'won', 'lost'],
};

const words = (state) => state.replace(/-/g, ' ');

// "Record this ask": asks the service to record that @seller asked @source about @target.
function askButton(seller, source, target, at) {
  const box = el('div', {className: 'record'});
  const button = el('button', {type: 'button', className: 'secondary'}, 'Record this ask');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const ask = await postJson('/v1/asks', {from: seller, to: target, at: at || undefined, via: source});
      box.replaceChildren(outcomes(ask.id, ask.state || 'asked', null));
    } catch (error) {
      button.disabled = false;
      box.append(el('p', {className: 'error', role: 'alert'}, error.message));
    }
  });
  box.append(button);
  return box;
}

// "Draft the request": the message to the source and the note they can forward, as `warmpath
// draft` writes them (GET /v1/drafts), each in a box with a Copy button. Nothing is sent.
function draftButton(seller, source, target, at) {
  const box = el('div', {className: 'draft'});
  const button = el('button', {type: 'button', className: 'secondary'}, 'Draft the request');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const d = await getJson('/v1/drafts', {from: seller, to: target, at, via: source});
      const parts = [];
      if (d.header) parts.push(el('p', {className: 'callout'}, d.header));
      for (const warning of d.warnings || []) parts.push(el('p', {className: 'muted'}, warning));
      const subject = d.to_source && d.to_source.subject;
      parts.push(copyable(`To ${d.source.name}${subject ? ` — ${subject}` : ''}`,
                          (d.to_source && d.to_source.body) || ''));
      parts.push(copyable('Note they can forward', (d.note && d.note.text) || d.note_missing || ''));
      box.replaceChildren(...parts);
    } catch (error) {
      button.disabled = false;
      box.append(el('p', {className: 'error', role: 'alert'}, error.message));
    }
  });
  box.append(button);
  return box;
}

// A titled, read-only text box and a button that copies it.
function copyable(title, text) {
  const area = el('textarea', {className: 'draft-text', readOnly: true, 'aria-label': title,
                               rows: Math.min(14, text.split('\n').length + 1)});
  area.value = text;
  const copy = el('button', {type: 'button', className: 'chip'}, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      copy.textContent = 'Copied';
    } catch (_) { // no clipboard (plain HTTP on another host): select it for Ctrl+C
      area.select();
      copy.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => { copy.textContent = 'Copy'; }, 2500);
  });
  return el('div', {className: 'draft-part'}, el('p', {className: 'draft-title'}, title), area, copy);
}

// The ask's state and one button per state it may move to (@choices, else the ledger's rule).
function outcomes(id, state, choices) {
  const box = el('div', {className: 'outcomes'});
  if (state) box.append(el('span', {className: `state state-${state}`}, `Ask #${id}: ${words(state)}`), ' ');
  const next = choices || NEXT_STATES[state] || [];
  if (next.length) box.append(el('span', {className: 'muted'}, 'What happened? '));
  for (const s of next) {
    box.append(el('button', {type: 'button', className: 'chip', onclick: async (event) => {
      event.currentTarget.disabled = true;
      try {
        const ask = await postJson(`/v1/asks/${encodeURIComponent(id)}/events`, {state: s});
        box.replaceWith(outcomes(id, (ask && ask.state) || s, null));
      } catch (error) {
        box.append(el('p', {className: 'error', role: 'alert'}, error.message));
      }
    }}, words(s)));
  }
  return box;
}

function overdue(days) {
  if (typeof days !== 'number') return '';
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} overdue`;
  return days === 0 ? 'due today' : `due in ${-days} day${days === -1 ? '' : 's'}`;
}

async function runFollowups() {
  const target = byId('followups-answer');
  const signal = begin(target);
  try {
    const answer = await getJson('/v1/followups', null, signal);
    finish(target);
    const items = answer.followups || [];
    if (!items.length) {
      clear(target).append(el('p', {className: 'callout empty'}, 'Nothing to follow up today.'));
      return;
    }
    const list = el('ul', {className: 'followups'});
    for (const f of items) {
      const card = el('li', {className: `card followup${f.overdue_days > 0 ? ' overdue' : ''}`},
        el('p', {className: 'meta'}, el('span', {className: 'chip action'}, words(f.action || '')),
          ' ', el('span', {className: 'muted'}, [f.due && `due ${f.due}`, overdue(f.overdue_days)].filter(Boolean).join(' · '))),
        el('p', {className: 'headline'}, f.sentence || ''));
      if (FOLLOWUP_OUTCOMES[f.action]) card.append(outcomes(f.ask, null, FOLLOWUP_OUTCOMES[f.action]));
      if (f.action === 'next-source' && f.person) card.append(askButton(f.seller, f.person, f.target));
      list.append(card);
    }
    clear(target).append(list);
  } catch (error) {
    showError(target, error, null);
  }
}

// ---- Autocomplete for people: an ARIA 1.2 combobox over GET /v1/people?q= ----

function combobox(input) {
  const list = el('ul', {id: `${input.id}-list`, role: 'listbox', className: 'suggestions', hidden: true,
                         'aria-label': `Suggestions for ${input.labels[0].textContent}`});
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  input.autocomplete = 'off';
  let timer = 0;
  let controller = null;
  let active = -1;
  let people = [];

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({block: 'nearest'});
    }
  };
  const choose = (i) => {
    const p = people[i];
    input.value = p.name || p.id;
    const fills = input.dataset.fills && byId(input.dataset.fills);
    if (fills && p.company) fills.value = p.company;
    close();
  };
  const show = (found) => {
    people = found;
    clear(list);
    found.forEach((p, i) => {
      const li = el('li', {id: `${list.id}-${i}`, role: 'option', 'aria-selected': 'false'},
        el('span', {className: 'name'}, p.name || p.id),
        el('span', {className: 'muted'}, [p.title, p.company].filter(Boolean).join(', ')));
      li.addEventListener('mousedown', (event) => { event.preventDefault(); choose(i); });
      list.append(li);
    });
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    active = -1;
  };
  const search = async () => {
    const text = input.value.trim();
    if (controller) controller.abort();
    if (text.length < 2) { show([]); return; }
    controller = new AbortController();
    try {
      const answer = await getJson('/v1/people', {q: text, limit: 8}, controller.signal);
      if (document.activeElement === input) show(answer.people || []);
    } catch (_) {
      show([]);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 200);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && people.length > 0;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      highlight((active + 1) % people.length);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      highlight((active - 1 + people.length) % people.length);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
}

// ---- Start ----

function start() {
  for (const input of document.querySelectorAll('input[data-people]')) combobox(input);
  for (const view of Object.keys(VIEWS)) {
    const form = VIEWS[view].form && byId(VIEWS[view].form);
    if (form) form.addEventListener('submit', (event) => submitView(view, event));
  }
  for (const link of document.querySelectorAll('.tabs a')) {
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const view = link.dataset.view;
      const state = VIEWS[view].form ? formState(view) : {view};
      // The seller typed in one view is the seller in the next.
      if ('from' in state && !state.from) {
        state.from = ['path-from', 'account-from', 'territory-from'].map((id) => byId(id).value.trim())
          .find(Boolean) || '';
      }
      writeState(state, true);
      applyState(state);
    });
  }
  window.addEventListener('popstate', () => applyState(readState()));
  showHealth();
  // The form shows the address's question at once (so nothing typed meanwhile is undone); the
  // answer is asked for once the page knows which optional parts the service has.
  const state = readState();
  showState(state);
  detectFeatures().then(() => runState(state));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
