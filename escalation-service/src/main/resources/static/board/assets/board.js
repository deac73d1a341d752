/*
 * The live SLA board: one EventSource (a snapshot, then upserts and removals; the browser resumes with
 * Last-Event-ID), one timer for every countdown, and only the visible rows in the DOM. Business time is counted
 * here from each calendar's open intervals, which the server sends once (see escalation-service/README.md).
 * No framework, no build step; served from this service only (CSP script-src 'self').
 */
(function () {
  'use strict';

  var ROW_HEIGHT = 76;
  var OVERSCAN = 4;
  var SYNC_TOLERANCE = 2000;
  var main = document.getElementById('board');
  var spacer = document.getElementById('spacer');
  var statusLine = document.getElementById('status');
  var count = document.getElementById('count');
  var filters = {
    customer: document.getElementById('f-customer'),
    severity: document.getElementById('f-severity'),
    metric: document.getElementById('f-metric')
  };
  var rows = new Map();
  var calendars = {};
  var offset = 0;
  var order = [];
  var orderStale = true;
  var frame = 0;
  var shown = new Map();
  var optionKeys = {customer: '', severity: '', metric: ''};
  var dueFormat = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo', weekday: 'short', hour: '2-digit', minute: '2-digit'
  });

  function now() {
    return Date.now() + offset;
  }

  /** Follows the server's clock; a drift under SYNC_TOLERANCE is left alone, so countdowns never stutter. */
  function sync(message) {
    if (message.now) {
      var server = Date.parse(message.now);
      if (Math.abs(server - now()) > SYNC_TOLERANCE) {
        offset = server - Date.now();
      }
    }
  }

  function setStatus(text, kind) {
    statusLine.textContent = text;
    statusLine.className = kind || '';
  }

  /** Open time of the calendar between two instants (ms); negative when to is before from. */
  function business(calendar, from, to) {
    if (to < from) {
      return -business(calendar, to, from);
    }
    var sum = 0;
    var open = calendar.open;
    for (var i = 0; i < open.length; i++) {
      var start = open[i][0];
      var end = open[i][1];
      if (end <= from) {
        continue;
      }
      if (start >= to) {
        break;
      }
      sum += Math.min(end, to) - Math.max(start, from);
    }
    return sum;
  }

  function isOpen(calendar, t) {
    var open = calendar.open;
    for (var i = 0; i < open.length; i++) {
      if (open[i][0] <= t && t < open[i][1]) {
        return true;
      }
    }
    return false;
  }

  /** What a row shows at instant t: its state, business time and clock time left, warning level. */
  function figures(row, t) {
    var calendar = calendars[row.calendar];
    var tail = row.tailSeconds * 1000;
    var result = {state: row.state, text: '', business: 0, clock: row.due - t, level: row.warningPercent};
    if (row.breached) {
      var overdue = calendar ? business(calendar, row.due, t) + (row.due < calendar.from ? tail : 0) : 0;
      result.state = 'breached';
      result.text = 'breached +' + duration(t - row.due);
      result.business = -overdue;
      result.level = 100;
      return result;
    }
    if (row.paused) {
      result.state = 'paused';
      result.text = row.pauseText;
      result.business = row.businessRemainingSeconds * 1000;
    } else {
      result.business = calendar ? business(calendar, t, row.due) + (row.due > calendar.until ? tail : 0) : 0;
      var open = calendar ? isOpen(calendar, t) : true;
      result.state = open ? 'running' : 'outside-hours';
      result.text = open ? 'running' : 'outside opening hours';
    }
    var target = row.targetSeconds * 1000;
    if (target > 0) {
      var used = 100 * (target - result.business) / target;
      [50, 75, 90].forEach(function (threshold) {
        if (used >= threshold && threshold > result.level) {
          result.level = threshold;
        }
      });
    }
    return result;
  }

  function duration(ms) {
    var negative = ms < 0;
    var s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400);
    var h = Math.floor(s % 86400 / 3600);
    var m = Math.floor(s % 3600 / 60);
    var sec = s % 60;
    var text = d > 0 ? d + 'd ' + pad(h) + 'h ' + pad(m) + 'm' : h + 'h ' + pad(m) + 'm ' + pad(sec) + 's';
    return (negative ? '−' : '') + text;
  }

  function pad(n) {
    return n < 10 ? '0' + n : '' + n;
  }

  function rank(row) {
    return row.breached ? 0 : row.paused ? 2 : 1;
  }

  function byTimeToBreach(a, b) {
    var r = rank(a) - rank(b);
    if (r !== 0) {
      return r;
    }
    var d = rank(a) === 2 ? a.businessRemainingSeconds - b.businessRemainingSeconds : a.due - b.due;
    return d !== 0 ? d : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  }

  function matches(row) {
    return (!filters.customer.value || row.customerId === filters.customer.value)
      && (!filters.severity.value || row.severity === filters.severity.value)
      && (!filters.metric.value || row.metric === filters.metric.value);
  }

  function refreshOptions() {
    var customers = new Map();
    var severities = new Map();
    var metrics = new Map();
    rows.forEach(function (row) {
      customers.set(row.customerId, row.customer);
      severities.set(row.severity, {name: row.severityName, level: row.severityLevel});
      metrics.set(row.metric, row.metricName);
    });
    options('customer', Array.from(customers.entries()).sort(function (a, b) {
      return a[1].localeCompare(b[1]);
    }));
    options('severity', Array.from(severities.entries()).sort(function (a, b) {
      return a[1].level - b[1].level;
    }).map(function (e) {
      return [e[0], e[1].name];
    }));
    options('metric', Array.from(metrics.entries()));
  }

  function options(name, entries) {
    var key = entries.map(function (e) {
      return e[0] + '=' + e[1];
    }).join('\n');
    if (key === optionKeys[name]) {
      return;
    }
    optionKeys[name] = key;
    var select = filters[name];
    var selected = select.value;
    while (select.options.length > 1) {
      select.remove(1);
    }
    entries.forEach(function (e) {
      var option = document.createElement('option');
      option.value = e[0];
      option.textContent = e[1];
      select.appendChild(option);
    });
    select.value = entries.some(function (e) {
      return e[0] === selected;
    }) ? selected : '';
  }

  function cell(el, name) {
    var span = document.createElement('span');
    span.className = name;
    el.appendChild(span);
    return span;
  }

  function make() {
    var el = document.createElement('div');
    el.className = 'row';
    ['sev', 'cust', 'ticket', 'metric', 'state', 'biz', 'clock', 'pages'].forEach(function (name) {
      cell(el, name);
    });
    return el;
  }

  function set(span, text) {
    if (span.textContent !== text) {
      span.textContent = text;
    }
  }

  function fill(el, row, t) {
    var f = figures(row, t);
    var c = el.children;
    el.dataset.id = row.id;
    el.dataset.state = f.state;
    var className = 'row ' + f.state + ' sev' + row.severityLevel + (f.level >= 50 && f.level < 100 ? ' w' + f.level : '');
    if (el.className !== className) {
      el.className = className;
    }
    set(c[0], row.severityName);
    set(c[1], row.customer);
    set(c[2], row.title + ' · ' + (row.reference || row.ticketId));
    set(c[3], row.metricName);
    // the level in words too, not only as a colour: 'running · warning 75 %'
    set(c[4], f.text + (f.level >= 50 && f.level < 100 ? ' · warning ' + f.level + ' %' : ''));
    set(c[5], f.state === 'breached' ? '+' + duration(-f.business) : duration(f.business));
    set(c[6], (f.state === 'paused' ? '—' : f.clock < 0 ? '+' + duration(-f.clock) : duration(f.clock))
      + '\ndue ' + dueFormat.format(new Date(row.due)));
    set(c[7], row.pages.length === 0 ? '—' : row.pages.map(function (p) {
      return (p.acknowledged ? '✔ ' : '☎ ') + p.name;
    }).join(', '));
  }

  function render() {
    frame = 0;
    if (orderStale) {
      orderStale = false;
      refreshOptions();
      order = [];
      rows.forEach(function (row) {
        if (matches(row)) {
          order.push(row);
        }
      });
      order.sort(byTimeToBreach);
      spacer.style.height = order.length * ROW_HEIGHT + 'px';
      count.textContent = order.length === rows.size ? order.length + ' clocks'
        : order.length + ' of ' + rows.size + ' clocks';
    }
    var t = now();
    var first = Math.max(0, Math.floor(main.scrollTop / ROW_HEIGHT) - OVERSCAN);
    var last = Math.min(order.length, Math.ceil((main.scrollTop + main.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    var visible = new Set();
    for (var i = first; i < last; i++) {
      var row = order[i];
      visible.add(row.id);
      var el = shown.get(row.id);
      if (!el) {
        el = make();
        shown.set(row.id, el);
        main.appendChild(el);
      }
      el.style.top = i * ROW_HEIGHT + 'px';
      fill(el, row, t);
    }
    shown.forEach(function (el, id) {
      if (!visible.has(id)) {
        el.remove();
        shown.delete(id);
      }
    });
  }

  function schedule() {
    if (!frame) {
      frame = window.requestAnimationFrame(render);
    }
  }

  function changed() {
    orderStale = true;
    schedule();
  }

  function put(row) {
    row.due = Date.parse(row.dueAt);
    row.paused = row.pauseText != null;
    rows.set(row.id, row);
  }

  var source = new EventSource(main.dataset.events);
  source.addEventListener('snapshot', function (e) {
    var message = JSON.parse(e.data);
    sync(message);
    calendars = message.calendars;
    rows.clear();
    message.rows.forEach(put);
    setStatus('Live', 'live');
    changed();
  });
  source.addEventListener('upsert', function (e) {
    var message = JSON.parse(e.data);
    sync(message);
    if (message.calendar) {
      calendars[message.calendarId] = message.calendar;
    }
    put(message.row);
    changed();
  });
  source.addEventListener('remove', function (e) {
    var message = JSON.parse(e.data);
    sync(message);
    rows.delete(message.id);
    changed();
  });
  source.addEventListener('now', function (e) {
    sync(JSON.parse(e.data));
    schedule();
  });
  source.addEventListener('revoked', function () {
    source.close();
    setStatus('This board link is no longer valid (revoked or expired). Ask the desk for a new one.', 'error');
  });
  source.onopen = function () {
    setStatus('Live', 'live');
  };
  source.onerror = function () {
    if (source.readyState === EventSource.CLOSED) {
      setStatus('Disconnected: this board link is no longer valid. Ask the desk for a new one.', 'error');
    } else {
      setStatus('Reconnecting…', 'warn');
    }
  };

  Object.keys(filters).forEach(function (name) {
    filters[name].addEventListener('change', function () {
      main.scrollTop = 0;
      changed();
    });
  });
  main.addEventListener('scroll', schedule, {passive: true});
  window.addEventListener('resize', schedule);
  window.setInterval(schedule, 1000);
}());
