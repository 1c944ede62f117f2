// The dashboard page. Every value from the tuning job (names, hyperparameters, reasons) reaches the
// document through textContent or a DOM property, never through HTML parsing; chart tooltips are
// built the same way (ECharts accepts an element from a formatter).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var job = data.job, objective = data.objective, ranges = data.ranges, jobs = data.jobs;
  var maximize = objective.type !== 'Minimize';
  var stateKey = 'hpo-report:' + job.name;
  var charts = [], pending = 0, allCreated = false;
  // set once every chart has drawn, for people's scripts and the browser test to wait on
  function markRendered() {
    if (allCreated && pending === 0) document.body.setAttribute('data-charts-rendered', String(charts.length));
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function fmt(v) {
    if (v === null || v === undefined) return '';
    if (typeof v !== 'number') return String(v);
    if (Number.isInteger(v)) return String(v);
    var a = Math.abs(v);
    return (a !== 0 && (a < 1e-3 || a >= 1e6)) ? v.toExponential(4) : String(+v.toPrecision(6));
  }
  function duration(s) {
    s = Math.round(s);
    if (s < 60) return s + ' s';
    if (s < 3600) return Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
    return Math.floor(s / 3600) + ' h ' + Math.floor((s % 3600) / 60) + ' min';
  }
  // Instants arrive as ISO text with up to nine fraction digits; people read seconds, in UTC
  function stamp(iso) {
    if (!iso) return '';
    var m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(iso);
    return m ? m[1] + ' ' + m[2] + ' UTC' : String(iso);
  }
  function numeric(range, text) {
    if (range.kind === 'Categorical') return text;
    var v = parseFloat(text);
    return isFinite(v) ? v : null;
  }
  function tooltipBox(title, rows) {
    var box = el('div');
    box.appendChild(el('strong', title));
    rows.forEach(function (r) {
      var line = el('div');
      line.appendChild(el('span', r[0] + ': '));
      line.appendChild(el('span', fmt(r[1])));
      box.appendChild(line);
    });
    return box;
  }
  function jobTooltip(j) {
    var rows = [['status', j.status + (j.earlyStopped ? ' (early stopped)' : '')], [objective.metric, j.objective]];
    ranges.forEach(function (r, i) { rows.push([r.name, j.hp[i]]); });
    return tooltipBox(j.name, rows);
  }
  // ECharts gives every axis name a hover tooltip of its own, which it would parse as HTML: every axis
  // named from user data (hyperparameters, the metric) gets this one, built as text
  var nameTip = { show: true, formatter: function (p) { return el('div', p.name); } };
  function chart(node, option) {
    var c = echarts.init(node, null, { renderer: 'canvas' });
    pending++;
    c.on('finished', function once() {
      c.off('finished', once);
      pending--;
      markRendered();
    });
    option.animation = false;
    charts.push(c);
    c.setOption(option);
    return c;
  }
  var visual = function (dimension) {
    var values = jobs.filter(function (j) { return j.objective !== undefined; }).map(function (j) { return j.objective; });
    var lo = Math.min.apply(null, values.length ? values : [0]), hi = Math.max.apply(null, values.length ? values : [1]);
    if (lo === hi) { hi = lo + 1e-9; }
    var colours = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'];
    return { type: 'continuous', min: lo, max: hi, dimension: dimension, calculable: false, orient: 'vertical', right: 0, top: 'center',
             itemHeight: 120, precision: 4, inRange: { color: maximize ? colours : colours.slice().reverse() } };
  };

  // --- the status line, counters and budget -------------------------------------------------------
  document.getElementById('title').textContent = job.name;
  var line = document.getElementById('status-line');
  line.appendChild(el('span', job.status, 'badge ' + job.status));
  line.appendChild(document.createTextNode('  ' + job.strategy + ' search · objective ' + objective.type + ' ' + objective.metric
      + ' · started ' + stamp(job.creationTime) + (job.endTime ? ' · ended ' + stamp(job.endTime)
      : job.interrupted ? ' · last change ' + stamp(job.lastModifiedTime) : '')));
  document.getElementById('reason').textContent = job.failureReason ? 'Failed: ' + job.failureReason
      : job.completionReason ? 'Ended because: ' + job.completionReason
      : job.interrupted ? 'No tuner is running this job any more: it was interrupted (elapsed time counts to its last change, '
        + stamp(job.lastModifiedTime) + '), and this page no longer reloads. Continue it with hpo tune <config> --resume.'
      : (data.refreshSeconds ? 'Running; this page reloads every ' + data.refreshSeconds + ' s.' : '');
  var c = job.counters, total = c.Completed + c.InProgress + c.Failed + c.Stopped;
  var cards = [
    ['Training jobs', total + (job.maxTrainingJobs ? ' / ' + job.maxTrainingJobs : '')],
    ['Completed', c.Completed], ['In progress', c.InProgress], ['Failed', c.Failed], ['Stopped', c.Stopped],
    ['Objective failed', c.ObjectiveFailed],
    [job.interrupted ? 'Elapsed (interrupted)' : 'Elapsed', duration(job.elapsedSeconds)],
    ['Remaining time', job.maxRuntimeSeconds ? duration(job.remainingSeconds) + ' of ' + duration(job.maxRuntimeSeconds) : 'no limit'],
    ['Remaining jobs', job.remainingTrainingJobs !== undefined ? job.remainingTrainingJobs : '—'],
    ['Best ' + objective.metric, data.best ? fmt(data.best.objective) : '—']
  ];
  var cardsNode = document.getElementById('cards');
  cards.forEach(function (card) {
    var node = el('div', null, 'card');
    node.appendChild(el('div', card[0], 'label'));
    node.appendChild(el('div', card[1], 'value'));
    cardsNode.appendChild(node);
  });

  // --- the best training job -------------------------------------------------------------------------
  var bestNode = document.getElementById('best');
  if (data.best) {
    var kv = el('table', null, 'kv');
    var addRow = function (k, v, href) {
      var tr = el('tr');
      tr.appendChild(el('td', k));
      var td = el('td');
      if (href) { var a = el('a', v); a.href = href; td.appendChild(a); } else { td.textContent = fmt(v); }
      tr.appendChild(td);
      kv.appendChild(tr);
    };
    addRow('training job', data.best.name);
    addRow(objective.metric, data.best.objective);
    Object.keys(data.best.hyperParameters).forEach(function (k) { addRow(k, data.best.hyperParameters[k]); });
    Object.keys(data['static']).forEach(function (k) { addRow(k + ' (static)', data['static'][k]); });
    addRow('log', 'output.log', data.best.log);
    bestNode.appendChild(kv);
  } else {
    bestNode.appendChild(el('p', 'No training job has produced the objective yet.', 'note'));
  }

  // --- objective per training job with the best so far ----------------------------------------------
  var points = [], bestLine = [], best = null;
  jobs.forEach(function (j) {
    if (j.objective === undefined) return;
    points.push({ value: [j.index + 1, j.objective], job: j,
                  itemStyle: j.earlyStopped ? { color: '#b26a00' } : (j.status === 'Completed' ? undefined : { color: '#999' }) });
    if (best === null || (maximize ? j.objective > best : j.objective < best)) best = j.objective;
    bestLine.push([j.index + 1, best]);
  });
  chart(document.getElementById('chart-objective'), {
    grid: { left: 60, right: 20, top: 30, bottom: 40 },
    legend: { data: ['training job', 'best so far'] },
    tooltip: { trigger: 'item', formatter: function (p) { return p.data.job ? jobTooltip(p.data.job) : tooltipBox('best so far', [['after job', p.data[0]], [objective.metric, p.data[1]]]); } },
    xAxis: { type: 'value', name: 'start order', nameLocation: 'middle', nameGap: 25, minInterval: 1 },
    yAxis: { type: 'value', name: objective.metric, scale: true, tooltip: nameTip },
    series: [
      { name: 'training job', type: 'scatter', symbolSize: jobs.length > 500 ? 4 : 8, data: points, large: jobs.length > 2000 },
      { name: 'best so far', type: 'line', step: 'end', showSymbol: false, data: bestLine, lineStyle: { width: 2, color: '#1a7f37' }, itemStyle: { color: '#1a7f37' } }
    ]
  });

  // --- parallel coordinates ----------------------------------------------------------------------------
  var scored = jobs.filter(function (j) { return j.objective !== undefined; });
  // an axis name gets the room between two axes, cut with an ellipsis; the tooltip names it in full
  var parallelNode = document.getElementById('chart-parallel');
  var nameWidth = Math.max(40, Math.floor((parallelNode.clientWidth - 190) / Math.max(1, ranges.length)) - 8);
  var axisName = { fontSize: 11 }, cut = { maxWidth: nameWidth, ellipsis: '\u2026' };
  var parallelAxes = ranges.map(function (r, i) {
    var axis = { dim: i, name: r.name, nameTextStyle: axisName, nameTruncate: cut, tooltip: nameTip };
    if (r.kind === 'Categorical') { axis.type = 'category'; axis.data = r.values; }
    else if (r.log) { axis.type = 'log'; }
    else { axis.type = 'value'; axis.scale = true; }
    return axis;
  });
  parallelAxes.push({ dim: ranges.length, name: objective.metric, type: 'value', scale: true, nameTextStyle: axisName, nameTruncate: cut,
                     tooltip: nameTip });
  chart(parallelNode, {
    parallel: { left: 80, right: 110, top: 40, bottom: 30 },
    parallelAxis: parallelAxes,
    visualMap: visual(ranges.length),
    tooltip: { trigger: 'item', formatter: function (p) { return jobTooltip(scored[p.dataIndex]); } },
    series: [{ type: 'parallel', lineStyle: { width: scored.length > 500 ? 0.5 : 1.5, opacity: scored.length > 500 ? 0.35 : 0.8 },
               progressive: 500, smooth: false,
               data: scored.map(function (j) { return ranges.map(function (r, i) { return numeric(r, j.hp[i]); }).concat([j.objective]); }) }]
  });

  // --- objective against each hyperparameter ----------------------------------------------------------
  var multiples = document.getElementById('charts-scatter');
  ranges.forEach(function (r, i) {
    var figure = el('figure');
    figure.appendChild(el('figcaption', r.name + (r.log ? ' (log scale)' : '')));
    var node = el('div', null, 'chart');
    figure.appendChild(node);
    multiples.appendChild(figure);
    // every category is labelled (ECharts would skip the ones it finds crowded), cut to its share of the width
    var xAxis = r.kind === 'Categorical'
        ? { type: 'category', data: r.values, axisLabel: { interval: 0, hideOverlap: false, rotate: r.values.length > 4 ? 30 : 0,
                                                          width: r.values.length > 4 ? 70 : Math.max(30, Math.floor(230 / r.values.length)),
                                                          overflow: 'truncate', ellipsis: '\u2026' } }
        : (r.log ? { type: 'log' } : { type: 'value', scale: true });
    xAxis.name = ''; // the caption above names it, as text
    chart(node, {
      grid: { left: 55, right: 15, top: 15, bottom: r.kind === 'Categorical' && r.values.length > 4 ? 50 : 30 },
      tooltip: { trigger: 'item', formatter: function (p) { return jobTooltip(p.data.job); } },
      xAxis: xAxis,
      yAxis: { type: 'value', scale: true },
      series: [{ type: 'scatter', symbolSize: scored.length > 500 ? 4 : 7,
                 data: scored.map(function (j) { return { value: [numeric(r, j.hp[i]), j.objective], job: j }; }) }]
    });
  });
  if (!ranges.length) multiples.appendChild(el('p', 'This tuning job tunes no hyperparameter.', 'note'));

  // --- learning curves -----------------------------------------------------------------------------------
  var withCurves = jobs.filter(function (j) { return j.curve && j.curve.length; });
  var stoppedEnds = [], series = [];
  withCurves.forEach(function (j) { if (j.earlyStopped) stoppedEnds.push({ value: j.curve[j.curve.length - 1], job: j }); });
  var earlyCount = jobs.filter(function (j) { return j.earlyStopped; }).length;
  document.getElementById('curves-note').textContent = withCurves.length + ' training jobs reported intermediate values of '
      + objective.metric + '; ' + earlyCount + ' were stopped early (dashed, ending in a triangle).';
  var longest = withCurves.reduce(function (n, j) { return Math.max(n, j.curve[j.curve.length - 1][0]); }, 0);
  if (withCurves.length <= 60) {
    withCurves.forEach(function (j) {
      // a job that printed one value has no line to draw: its symbol shows the value
      series.push({ name: j.name, type: 'line', showSymbol: j.curve.length === 1, symbolSize: 7, data: j.curve, job: j,
                    lineStyle: { width: data.best && j.name === data.best.name ? 3 : 1.2, type: j.earlyStopped ? 'dashed' : 'solid' } });
    });
  } else {
    // thousands of separate series would make the chart crawl: two series whose curves are cut apart by gaps
    var joined = function (list) {
      var out = [];
      list.forEach(function (j) { j.curve.forEach(function (p) { out.push(p); }); out.push([null, null]); });
      return out;
    };
    series.push({ name: 'ran to the end', type: 'line', showSymbol: false, connectNulls: false, data: joined(withCurves.filter(function (j) { return !j.earlyStopped; })),
                  lineStyle: { width: 0.6, opacity: 0.4, color: '#4575b4' }, itemStyle: { color: '#4575b4' } });
    series.push({ name: 'early stopped', type: 'line', showSymbol: false, connectNulls: false, data: joined(withCurves.filter(function (j) { return j.earlyStopped; })),
                  lineStyle: { width: 0.6, opacity: 0.5, type: 'dashed', color: '#b26a00' }, itemStyle: { color: '#b26a00' } });
    // lines cut apart by gaps draw nothing for a single value: those are points of their own
    series.push({ name: 'single value', type: 'scatter', symbolSize: 5, itemStyle: { color: '#4575b4', opacity: 0.6 },
                  data: withCurves.filter(function (j) { return j.curve.length === 1; }).map(function (j) { return { value: j.curve[0], job: j }; }) });
  }
  series.push({ name: 'early-stopped end', type: 'scatter', symbol: 'triangle', symbolSize: 9, itemStyle: { color: '#b26a00' }, data: stoppedEnds, z: 5 });
  chart(document.getElementById('chart-curves'), {
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    tooltip: { trigger: 'item', formatter: function (p) {
      var j = p.data && p.data.job ? p.data.job : (series[p.seriesIndex] && series[p.seriesIndex].job);
      return j ? jobTooltip(j) : tooltipBox(p.seriesName, [['step', p.data[0]], [objective.metric, p.data[1]]]);
    } },
    xAxis: { type: 'value', name: 'step (round or epoch)', nameLocation: 'middle', nameGap: 25, minInterval: 1,
             min: 0, max: longest < 2 ? 2 : undefined },
    yAxis: { type: 'value', name: objective.metric, scale: true, tooltip: nameTip },
    series: series
  });

  // --- hyperparameter importance -------------------------------------------------------------------------
  var imp = data.importance;
  document.getElementById('importance-note').textContent = imp.items.length
      ? 'Share of the objective\u2019s variance each hyperparameter explains on its own, from ' + imp.observations
        + ' training jobs. Method: ' + imp.method + '.'
      : 'Needs at least ' + imp.minimumObservations + ' training jobs with an objective (' + imp.observations + ' so far).';
  var impItems = imp.items.slice().reverse();
  var impNode = document.getElementById('chart-importance');
  impNode.style.height = Math.max(120, 40 + 28 * impItems.length) + 'px';
  chart(impNode, {
    grid: { left: 160, right: 40, top: 10, bottom: 30 },
    tooltip: { trigger: 'item', formatter: function (p) { return tooltipBox(impItems[p.dataIndex].name, [['share', impItems[p.dataIndex].share]]); } },
    xAxis: { type: 'value', min: 0, max: 1 },
    yAxis: { type: 'category', data: impItems.map(function (x) { return x.name; }), axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{ type: 'bar', data: impItems.map(function (x) { return x.share; }), itemStyle: { color: '#4575b4' },
               label: { show: true, position: 'right', formatter: function (p) { return (p.value * 100).toFixed(0) + '%'; } } }]
  });

  // --- the table of every training job -------------------------------------------------------------------
  var columns = [
    { title: '#', value: function (j) { return j.index + 1; }, num: true },
    { title: 'training job', value: function (j) { return j.name; } },
    { title: 'status', value: function (j) { return j.status; }, render: function (td, j) {
        td.textContent = j.status;
        if (j.earlyStopped) td.appendChild(el('span', ' early stopped', 'mark'));
      } },
    { title: objective.metric, value: function (j) { return j.objective; }, num: true }
  ];
  ranges.forEach(function (r, i) {
    columns.push({ title: r.name, value: function (j) { return numeric(r, j.hp[i]); }, text: function (j) { return j.hp[i]; }, num: r.kind !== 'Categorical' });
  });
  data.metricNames.forEach(function (m, i) {
    if (m === objective.metric) return;
    columns.push({ title: m, value: function (j) { return j.metrics[i]; }, num: true });
  });
  columns.push({ title: 'started', value: function (j) { return j.started ? Date.parse(j.started) : undefined; },
                 text: function (j) { return stamp(j.started); } });
  columns.push({ title: 'seconds', value: function (j) { return j.seconds; }, num: true });
  columns.push({ title: 'failure reason', value: function (j) { return j.reason || ''; }, cls: 'reason-cell', render: function (td, j) {
    if (!j.reason) return;
    // two lines at most in the row; the whole reason on hover (a DOM property: the text is never parsed as HTML)
    var clamp = el('div', j.reason, 'clamp');
    td.title = j.reason;
    td.appendChild(clamp);
  } });
  columns.push({ title: 'log', value: function () { return ''; }, render: function (td, j) {
    var a = el('a', 'output.log'); a.href = j.log; td.appendChild(a);
  } });

  var saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(stateKey) || '{}'); } catch (e) { saved = {}; }
  var sortColumn = saved.sortColumn >= 0 && saved.sortColumn < columns.length ? saved.sortColumn : 0, sortDir = saved.sortDir || 1;
  var statusFilter = document.getElementById('status-filter'), nameFilter = document.getElementById('name-filter');
  ['all'].concat(['Completed', 'InProgress', 'Failed', 'Stopping', 'Stopped', 'early stopped'].filter(function (s) {
    return jobs.some(function (j) { return s === 'early stopped' ? j.earlyStopped : j.status === s; });
  })).forEach(function (s) { var o = el('option', s); o.value = s; statusFilter.appendChild(o); });
  if (saved.status) statusFilter.value = saved.status;
  if (saved.name) nameFilter.value = saved.name;

  var head = document.getElementById('jobs-head');
  columns.forEach(function (col, ci) {
    var th = el('th', col.title);
    th.addEventListener('click', function () {
      sortDir = sortColumn === ci ? -sortDir : 1;
      sortColumn = ci;
      renderRows();
    });
    head.appendChild(th);
  });
  var body = document.getElementById('jobs-body');
  function compare(a, b) {
    var x = columns[sortColumn].value(a), y = columns[sortColumn].value(b);
    var xm = x === undefined || x === null || x === '', ym = y === undefined || y === null || y === '';
    if (xm || ym) return xm === ym ? a.index - b.index : (xm ? 1 : -1); // blanks last, either way
    if (x < y) return -sortDir;
    if (x > y) return sortDir;
    return a.index - b.index;
  }
  function renderRows() {
    var wanted = statusFilter.value, needle = nameFilter.value.toLowerCase();
    var rows = jobs.filter(function (j) {
      var statusOk = wanted === 'all' || (wanted === 'early stopped' ? j.earlyStopped : j.status === wanted);
      return statusOk && (!needle || j.name.toLowerCase().indexOf(needle) >= 0);
    }).sort(compare);
    Array.prototype.forEach.call(head.children, function (th, ci) {
      th.setAttribute('aria-sort', ci === sortColumn ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (j) {
      var tr = el('tr', null, data.best && j.name === data.best.name ? 'best' : '');
      tr.setAttribute('data-job', j.name);
      columns.forEach(function (col) {
        var td = el('td', null, col.cls || (col.num ? 'num' : ''));
        if (col.render) col.render(td, j); else td.textContent = col.text ? (col.text(j) || '') : fmt(col.value(j));
        tr.appendChild(td);
      });
      fragment.appendChild(tr);
    });
    body.textContent = '';
    body.appendChild(fragment);
    document.getElementById('row-count').textContent = rows.length + ' of ' + jobs.length + ' training jobs';
    document.body.setAttribute('data-table-rows', String(rows.length));
  }
  statusFilter.addEventListener('change', renderRows);
  nameFilter.addEventListener('input', renderRows);
  renderRows();

  document.getElementById('footer').textContent = 'Generated ' + stamp(data.generatedAt) + ' by hpo report from the tuning job\u2019s directory.';
  window.addEventListener('resize', function () { charts.forEach(function (ch) { ch.resize(); }); });
  window.addEventListener('beforeunload', function () {
    try {
      sessionStorage.setItem(stateKey, JSON.stringify({ sortColumn: sortColumn, sortDir: sortDir, status: statusFilter.value, name: nameFilter.value, scroll: window.scrollY }));
    } catch (e) { /* private mode: the page still works, it just forgets */ }
  });
  if (saved.scroll) window.scrollTo(0, saved.scroll);
  allCreated = true;
  markRendered();
  document.body.setAttribute('data-ready', 'true');
})();
