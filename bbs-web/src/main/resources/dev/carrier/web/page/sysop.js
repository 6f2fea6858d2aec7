// The sysop dashboard: logs in with the sysop's own account (POST api/login), then reads
// api/sysop/dashboard every few seconds and draws who is on (with Kick), the server's health,
// the last hour as two uPlot charts, and the latest audit entries. User text is only ever set
// as textContent, never as markup.
(() => {
  'use strict';

  const REFRESH_MS = 2000;
  const TOKEN_KEY = 'carrier-sysop-token';
  const $ = (id) => document.getElementById(id);

  let token = sessionStorage.getItem(TOKEN_KEY);
  let timer = null;
  const charts = {};
  // What the page last drew, for a test in the browser to read.
  window.carrierSysop = { charts, last: null };

  async function api(path, options = {}) {
    const headers = {};
    if (token) headers.Authorization = 'Bearer ' + token;
    if (options.body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method: options.method || 'GET', headers, body: options.body });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error((body.error && body.error.message) || response.statusText);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showLogin(message) {
    token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    if (timer) clearInterval(timer);
    timer = null;
    $('desk').hidden = true;
    $('logout').hidden = true;
    $('signed-in').textContent = '';
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function showDesk() {
    $('login').hidden = true;
    $('desk').hidden = false;
    $('logout').hidden = false;
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  }

  async function refresh() {
    try {
      render(await api('api/sysop/dashboard'));
      $('problem').textContent = '';
    } catch (error) {
      if (error.status === 401) showLogin('Your login has ended; log in again.');
      else if (error.status === 403) showLogin('Only sysops may use this page.');
      else $('problem').textContent = 'Cannot reach the server: ' + error.message;
    }
  }

  function render(data) {
    window.carrierSysop.last = data;
    renderHealth(data.status);
    renderWho(data.nodes);
    renderCharts(data.lastHour);
    renderAudit(data.audit);
  }

  function renderHealth(status) {
    const mib = (bytes) => (bytes / 1048576).toFixed(0) + ' MiB';
    const rows = [
      ['Version', status.server.version],
      ['Up', duration(status.server.uptimeSeconds)],
      ['Nodes', status.nodesInUse + ' of ' + status.maxNodes],
      ['Users online', String(status.usersOnline)],
      ['Messages per minute', String(status.messagesPerMinute)],
      ['Memory', mib(status.memoryUsedBytes) + ' of ' + mib(status.memoryMaxBytes)],
      ['Listening', status.server.listeners.join(', ')],
    ];
    const list = $('health-list');
    list.replaceChildren(...rows.flatMap(([name, value]) => [cell('dt', name), cell('dd', value)]));
  }

  function renderWho(nodes) {
    $('who-count').textContent = '(' + nodes.length + ')';
    $('who').tBodies[0].replaceChildren(...nodes.map((node) => {
      const row = document.createElement('tr');
      row.dataset.node = String(node.node);
      row.dataset.handle = node.handle || '';
      for (const value of [node.node, node.handle || '-', node.transport, node.address,
        time(node.connectedAt), duration(node.idleSeconds), node.status, node.activity]) {
        row.append(cell('td', String(value)));
      }
      const actions = cell('td', '');
      actions.append(...rowActions(node));
      row.append(actions);
      return row;
    }));
  }

  // The buttons of one who row. A break-in button (join the caller's chat) goes here, beside
  // Kick, once rooms and break-in chat are in.
  function rowActions(node) {
    const kick = document.createElement('button');
    kick.type = 'button';
    kick.className = 'kick';
    kick.textContent = 'Kick';
    kick.title = 'Hang up node ' + node.node;
    kick.addEventListener('click', async () => {
      kick.disabled = true;
      try {
        await api('api/sysop/kick', { method: 'POST', body: JSON.stringify({ node: node.node }) });
      } catch (error) {
        $('problem').textContent = 'Kick failed: ' + error.message;
      }
      refresh();
    });
    return [kick];
  }

  function renderCharts(hour) {
    drawChart('callers', 'Callers', '#5c5', hour.minutes, hour.callers);
    drawChart('messages', 'Messages', '#59d', hour.minutes, hour.messages);
  }

  function drawChart(name, label, colour, minutes, values) {
    const data = [minutes, values];
    if (charts[name]) {
      charts[name].setData(data);
      return;
    }
    const box = $('chart-' + name);
    charts[name] = new uPlot({
      width: Math.max(300, box.clientWidth || 600),
      height: 160,
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [{ stroke: '#999', grid: { stroke: '#222' } }, { stroke: '#999', grid: { stroke: '#222' } }],
      series: [{}, { label: label + ' per minute', stroke: colour, width: 2, fill: colour + '33' }],
    }, data, box);
  }

  function renderAudit(entries) {
    // Newest first: what just happened is what a sysop looks for.
    $('audit').tBodies[0].replaceChildren(...entries.slice().reverse().map((entry) => {
      const row = document.createElement('tr');
      row.append(cell('td', time(entry.at)), cell('td', entry.actor || 'server'), cell('td', entry.action));
      const detail = cell('td', entry.detail || '');
      detail.className = 'detail';
      row.append(detail);
      return row;
    }));
  }

  function cell(tag, text) {
    const element = document.createElement(tag);
    element.textContent = text;
    return element;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : '-';
  }

  function duration(seconds) {
    if (seconds < 60) return seconds + ' s';
    if (seconds < 3600) return Math.floor(seconds / 60) + ' min';
    return Math.floor(seconds / 3600) + ' h ' + Math.floor((seconds % 3600) / 60) + ' min';
  }

  $('login').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('login-error').textContent = '';
    const handle = $('handle').value.trim();
    try {
      const answer = await api('api/login', {
        method: 'POST', body: JSON.stringify({ handle, password: $('password').value }),
      });
      token = answer.token;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('password').value = '';
      $('signed-in').textContent = 'Logged in as ' + handle;
      showDesk();
    } catch (error) {
      $('login-error').textContent = error.message;
    }
  });

  $('logout').addEventListener('click', async () => {
    try {
      await api('api/logout', { method: 'POST' });
    } finally {
      showLogin('Logged out.');
    }
  });

  if (token) showDesk();
  else showLogin('');
})();
