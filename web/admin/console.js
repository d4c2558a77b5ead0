// Operator console: talks only to the operator API through the gateway, with the bearer token from /api/admin/login.
// The token lives in sessionStorage (gone when the tab closes); money is shown in yuan, computed from integer fen.
(() => {
  const $ = (id) => document.getElementById(id);
  const yuan = (fen) => fen == null ? '' : (fen / 100).toFixed(2);
  const todayInShanghai = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

  async function api(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + sessionStorage.getItem('aggpay-token') };
    if (body) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (res.status === 401) { logout(); }
    if (!res.ok) { throw new Error((data.code || res.status) + ': ' + (data.detail || 'request failed')); }
    return data;
  }

  function show(loggedIn) {
    $('login-view').hidden = loggedIn;
    $('console-view').hidden = !loggedIn;
    $('logout').hidden = !loggedIn;
    $('who').textContent = loggedIn ? sessionStorage.getItem('aggpay-operator') : '';
  }

  function logout() {
    sessionStorage.removeItem('aggpay-token');
    show(false);
  }

  function cell(row, text, cls) {
    const td = row.insertCell();
    td.textContent = text;
    if (cls) td.className = cls;
  }

  async function loadChannels() {
    const channels = await api('GET', '/api/admin/channels');
    const body = $('channels').tBodies[0];
    body.replaceChildren();
    const select = $('recon-channel');
    const chosen = select.value;
    select.replaceChildren();
    for (const c of channels) {
      const row = body.insertRow();
      cell(row, c.name);
      cell(row, c.type);
      cell(row, c.enabled ? 'yes' : 'no');
      cell(row, c.samples, 'num');
      cell(row, c.samples ? (c.success_rate * 100).toFixed(1) + ' %' : '–', 'num');
      cell(row, c.samples ? `${c.latency_p50_ms} / ${c.latency_p95_ms} / ${c.latency_p99_ms}` : '–', 'num');
      cell(row, c.circuit_state, 'state-' + c.circuit_state);
      cell(row, yuan(c.quota_used_today), 'num');
      cell(row, c.daily_cap == null ? 'none' : yuan(c.daily_cap), 'num');
      select.add(new Option(c.name, c.name, false, c.name === chosen));
    }
  }

  async function reconcile(event) {
    event.preventDefault();
    $('recon-error').textContent = '';
    const form = new FormData(event.target);
    try {
      const report = await api('POST', '/api/admin/reconciliations',
        { channel: form.get('channel'), date: form.get('date') });
      $('recon-summary').textContent = `${report.channel} on ${report.date}: ${report.matched_count} matched, `
        + `${yuan(report.matched_amount)} yuan; ${report.discrepancies.length} discrepancies`;
      const body = $('discrepancies').tBodies[0];
      body.replaceChildren();
      for (const d of report.discrepancies) {
        const row = body.insertRow();
        cell(row, d.type);
        cell(row, d.out_trade_no || d.out_refund_no || '');
        cell(row, yuan(d.platform_amount), 'num');
        cell(row, yuan(d.channel_amount), 'num');
        cell(row, d.note || '');
      }
      $('recon-result').hidden = false;
    } catch (e) {
      $('recon-error').textContent = e.message;
    }
  }

  $('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const form = new FormData(event.target);
    const res = await fetch('/api/admin/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: form.get('username'), password: form.get('password') }) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) { $('login-error').textContent = data.detail || 'Login failed'; return; }
    sessionStorage.setItem('aggpay-token', data.token);
    sessionStorage.setItem('aggpay-operator', form.get('username'));
    show(true);
    loadChannels().catch((e) => { $('recon-error').textContent = e.message; });
  });
  $('logout').addEventListener('click', logout);
  $('refresh-channels').addEventListener('click', () => loadChannels().catch((e) => alert(e.message)));
  $('recon-form').addEventListener('submit', reconcile);
  $('recon-date').value = todayInShanghai();

  if (sessionStorage.getItem('aggpay-token')) {
    show(true);
    loadChannels().catch(() => logout());
  } else {
    show(false);
  }
})();
