// Muru web console: runs SQL through POST /v1/query (NDJSON, read as it streams), renders
// rows, EXPLAIN ANALYZE as an operator tree, and the running queries with progress and cancel.
'use strict';

const MAX_RENDERED_ROWS = 2000;
const $ = (id) => document.getElementById(id);
let current = null; // the AbortController of the running statement

function authHeaders() {
  const token = localStorage.getItem('muru.token') || '';
  return token ? { Authorization: 'Bearer ' + token } : {};
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { ...authHeaders(), ...(options.headers || {}) } });
  if (response.status === 401) {
    $('token-box').hidden = false;
  }
  return response;
}

function errorText(e) {
  const where = e.line ? ` at line ${e.line}, column ${e.column}` : '';
  return `${e.code}${where}: ${e.message}`;
}

function showError(text) {
  $('error').textContent = text;
  $('error').hidden = false;
}

function clearOutput() {
  $('error').hidden = true;
  $('plan').hidden = true;
  $('plan').replaceChildren();
  $('truncated').hidden = true;
  $('result').tHead.replaceChildren();
  $('result').tBodies[0].replaceChildren();
}

const NUMERIC = /^(INTEGER|BIGINT|DOUBLE|DECIMAL)/;

function renderHead(columns) {
  const tr = document.createElement('tr');
  for (const c of columns) {
    const th = document.createElement('th');
    th.textContent = c.name;
    const type = document.createElement('small');
    type.textContent = c.type;
    th.appendChild(type);
    tr.appendChild(th);
  }
  $('result').tHead.replaceChildren(tr);
}

function renderRows(columns, rows) {
  const fragment = document.createDocumentFragment();
  for (const row of rows) {
    const tr = document.createElement('tr');
    row.forEach((v, i) => {
      const td = document.createElement('td');
      if (v === null) {
        td.textContent = 'NULL';
        td.className = 'null';
      } else {
        td.textContent = String(v);
        if (NUMERIC.test(columns[i].type)) td.className = 'num';
      }
      tr.appendChild(td);
    });
    fragment.appendChild(tr);
  }
  $('result').tBodies[0].appendChild(fragment);
}

// Reads an NDJSON body line by line as it arrives; calls onLine with each parsed line.
async function readLines(response, onLine) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (line) onLine(JSON.parse(line));
    }
  }
  if (pending.trim()) onLine(JSON.parse(pending));
}

async function run(sql) {
  if (current) return;
  sql = sql.trim().replace(/;\s*$/, '');
  if (!sql) return;
  clearOutput();
  current = new AbortController();
  $('run').disabled = $('explain').disabled = true;
  $('stop').disabled = false;
  $('status').textContent = 'Running…';
  const started = performance.now();
  let columns = [];
  let rendered = 0;
  let received = 0;
  let summary = null;
  let failure = null;
  let planLines = null;
  let batch = [];
  const flush = () => { renderRows(columns, batch); batch = []; };
  try {
    const response = await api('/v1/query?format=ndjson', {
      method: 'POST', body: sql, headers: { 'Content-Type': 'text/plain' }, signal: current.signal });
    if (!response.ok) {
      failure = await response.json();
    } else {
      await readLines(response, (line) => {
        if (Array.isArray(line)) {
          received++;
          if (planLines) planLines.push(line[0]);
          if (rendered < MAX_RENDERED_ROWS) {
            batch.push(line);
            rendered++;
            if (batch.length >= 200) flush();
          }
        } else if (line.columns) {
          columns = line.columns;
          renderHead(columns);
          if (columns.length === 1 && columns[0].name === 'plan' && /^\s*explain\b/i.test(sql)) planLines = [];
        } else if (line.error) {
          failure = line.error;
        } else {
          summary = line;
        }
      });
      flush();
    }
  } catch (e) {
    if (e.name !== 'AbortError') failure = { code: 'CLIENT_ERROR', message: String(e) };
    else failure = { code: 'QUERY_CANCELLED', message: 'stopped by the console' };
  } finally {
    current = null;
    $('run').disabled = $('explain').disabled = false;
    $('stop').disabled = true;
  }
  const total = performance.now() - started;
  if (failure) {
    showError(errorText(failure));
  }
  if (planLines && planLines.length) {
    renderPlan(planLines);
  }
  if (received > rendered) {
    $('truncated').textContent = `Showing the first ${rendered} of ${received} rows.`;
    $('truncated').hidden = false;
  }
  if (summary && planLines) {
    $('status').textContent = `Plan in ${summary.elapsedMillis.toFixed(1)} ms (${total.toFixed(1)} ms in the browser)`;
  } else if (summary) {
    const what = summary.updateCount !== undefined ? `${summary.updateCount} row(s) affected`
      : `${summary.rowCount} row${summary.rowCount === 1 ? '' : 's'}`;
    $('status').textContent = `${what} in ${summary.elapsedMillis.toFixed(1)} ms (${total.toFixed(1)} ms in the browser)`;
  } else {
    $('status').textContent = failure ? `Failed after ${total.toFixed(1)} ms` : '';
  }
  refreshRunning();
}

// ---- EXPLAIN ANALYZE as a tree ----

// Parses EXPLAIN's text (see ExplainFormatter): the logical plan by indentation, then one
// block per pipeline with its decision, figures and source/step/sink operators.
function parsePlan(lines) {
  const logical = [];
  const pipelines = [];
  let section = null;
  for (const line of lines) {
    if (line.startsWith('Logical plan:')) { section = 'logical'; continue; }
    if (line.startsWith('Pipelines')) { section = 'pipelines'; continue; }
    if (section === 'logical') {
      const depth = (line.length - line.trimStart().length) / 2;
      logical.push({ depth, text: line.trim() });
      continue;
    }
    const head = line.match(/^\s*Pipeline (\d+) \[(.*)\]\s*(.*)$/);
    if (head) {
      const decision = head[2];
      pipelines.push({
        id: Number(head[1]), decision,
        mode: /^parallel/.test(decision) ? 'parallel' : /^sequential/.test(decision) ? 'sequential' : 'unknown',
        figures: head[3], operators: [], notes: [],
      });
      continue;
    }
    const p = pipelines[pipelines.length - 1];
    if (!p) continue;
    const op = line.match(/^\s*(source|step|sink):\s*(.*?)(?:\s{2}\|\s(.*))?$/);
    if (op) {
      p.operators.push({ kind: op[1], text: op[2], figures: op[3] || '' });
    } else if (line.trim()) {
      p.notes.push(line.trim());
    }
  }
  return { logical, pipelines };
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

// Pipelines a pipeline reads from: "output(s) of pipeline(s) ..." sources and probed hash tables.
function inputsOf(p) {
  const ids = [];
  for (const op of p.operators) {
    const out = op.text.match(/^outputs? of pipelines? \[?([\d, ]+)\]?/);
    if (op.kind === 'source' && out) out[1].split(',').forEach((s) => ids.push(Number(s.trim())));
    const probe = op.text.match(/with pipeline (\d+)'s hash table/);
    if (probe) ids.push(Number(probe[1]));
  }
  return ids;
}

function pipelineNode(p, byId, seen) {
  const li = el('li', 'pipeline');
  li.dataset.pipeline = p.id;
  const head = el('div', 'pipeline-head');
  head.append(el('span', null, `Pipeline ${p.id}`), el('span', `mode ${p.mode}`, p.mode));
  if (p.figures) head.append(el('span', 'figures', p.figures));
  head.append(el('span', 'reason', p.decision));
  li.append(head);
  for (const n of p.notes) li.append(el('div', 'notes', n));
  // The sink on top, the source at the bottom, as plans are drawn.
  const ops = el('ul');
  for (const op of [...p.operators].reverse()) {
    const row = el('li', 'operator');
    row.append(el('span', 'kind', op.kind), el('span', 'text', op.text), el('span', 'figures', op.figures));
    ops.append(row);
  }
  li.append(ops);
  const inputs = inputsOf(p).filter((id) => byId.has(id) && !seen.has(id));
  if (inputs.length) {
    const children = el('ul');
    for (const id of inputs) {
      seen.add(id);
      children.append(pipelineNode(byId.get(id), byId, seen));
    }
    li.append(children);
  }
  return li;
}

function logicalTree(nodes) {
  const root = el('ul', 'tree');
  const stack = [{ depth: 0, list: root }];
  for (const n of nodes) {
    while (stack.length > 1 && stack[stack.length - 1].depth >= n.depth) stack.pop();
    const li = el('li', null, n.text);
    stack[stack.length - 1].list.append(li);
    const ul = el('ul');
    li.append(ul);
    stack.push({ depth: n.depth, list: ul });
  }
  return root;
}

function renderPlan(lines) {
  const plan = parsePlan(lines);
  const box = $('plan');
  box.replaceChildren();
  if (plan.pipelines.length) {
    box.append(el('h3', null, 'Pipelines'));
    const byId = new Map(plan.pipelines.map((p) => [p.id, p]));
    const last = plan.pipelines[plan.pipelines.length - 1];
    const seen = new Set([last.id]);
    const tree = el('ul', 'tree pipelines');
    tree.append(pipelineNode(last, byId, seen));
    // Pipelines no other reads from (e.g. subqueries) still show, as further roots.
    for (const p of plan.pipelines) {
      if (!seen.has(p.id)) { seen.add(p.id); tree.append(pipelineNode(p, byId, seen)); }
    }
    box.append(tree);
  }
  if (plan.logical.length) {
    box.append(el('h3', null, 'Logical plan'));
    box.append(logicalTree(plan.logical));
  }
  const raw = el('details', 'raw');
  raw.append(el('summary', null, 'EXPLAIN text'), el('pre', null, lines.join('\n')));
  box.append(raw);
  box.hidden = false;
  $('result').tHead.replaceChildren();
  $('result').tBodies[0].replaceChildren();
}

// ---- running queries ----

async function refreshRunning() {
  let queries = [];
  try {
    const response = await api('/v1/queries');
    if (!response.ok) return;
    queries = (await response.json()).queries;
  } catch (e) {
    return;
  }
  const list = $('running');
  list.replaceChildren();
  for (const q of queries) {
    const li = el('li', 'running-query');
    li.dataset.queryId = q.queryId;
    const sql = el('code', null, q.sql);
    sql.title = q.sql;
    const line = el('div', 'line');
    const bar = el('div', 'bar');
    const fill = el('div');
    fill.style.width = (q.progress * 100).toFixed(1) + '%';
    bar.append(fill);
    bar.title = q.pipelines.map((p) => `pipeline ${p.pipeline}: ${p.morselsDone}/${p.morselsTotal < 0 ? '?' : p.morselsTotal} morsels`).join('\n');
    const cancel = el('button', 'cancel', 'Cancel');
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      await api('/v1/queries/' + encodeURIComponent(q.queryId), { method: 'DELETE' });
      refreshRunning();
    });
    line.append(el('span', 'id', q.queryId), bar, el('span', 'elapsed', (q.elapsedMillis / 1000).toFixed(1) + ' s'), cancel);
    li.append(sql, line);
    list.append(li);
  }
  $('running-empty').hidden = queries.length > 0;
}

// ---- wiring ----

$('sql').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    run($('sql').value);
  }
});
$('run').addEventListener('click', () => run($('sql').value));
$('explain').addEventListener('click', () => {
  const sql = $('sql').value.trim();
  run(/^explain\b/i.test(sql) ? sql : 'EXPLAIN ANALYZE ' + sql);
});
$('stop').addEventListener('click', () => current && current.abort());
$('token').value = localStorage.getItem('muru.token') || '';
$('token').addEventListener('change', () => {
  localStorage.setItem('muru.token', $('token').value);
  refreshRunning();
});
setInterval(() => { if (!document.hidden) refreshRunning(); }, 1000);
refreshRunning();
