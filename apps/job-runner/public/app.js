'use strict';
(function () {
  var lang = document.documentElement.lang || undefined;
  var finishedStatuses = { succeeded: 1, failed: 1, cancelled: 1 };

  // Times come as the server's local time; show them in the reader's own zone and language.
  function localTime(el) {
    var at = new Date(el.getAttribute('datetime'));
    if (isNaN(at.getTime())) return;
    el.textContent = at.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  }
  function timeElement(iso) {
    var el = document.createElement('time');
    el.setAttribute('datetime', iso);
    el.title =
      iso
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '')
        .replace(/Z$/, '') + ' UTC';
    localTime(el);
    return el;
  }
  var times = document.querySelectorAll('time[datetime]');
  for (var i = 0; i < times.length; i++) localTime(times[i]);

  var log = document.getElementById('log');
  if (!log) return;
  var units = JSON.parse(log.dataset.units || '{"h":"h","min":"min","s":"s"}');
  function elapsed(ms) {
    ms = Math.max(0, ms);
    if (ms < 10000) return (Math.floor(ms / 100) / 10).toFixed(1) + ' ' + units.s;
    var s = Math.floor(ms / 1000);
    if (s < 60) return s + ' ' + units.s;
    var m = Math.floor(s / 60);
    var pad = function (n) {
      return (n < 10 ? '0' : '') + n;
    };
    if (m < 60) return m + ' ' + units.min + ' ' + pad(s % 60) + ' ' + units.s;
    return Math.floor(m / 60) + ' ' + units.h + ' ' + pad(m % 60) + ' ' + units.min;
  }
  var duration = document.getElementById('duration');
  var ticker = null;
  function tick() {
    if (duration && duration.dataset.since)
      duration.textContent = elapsed(Date.now() - new Date(duration.dataset.since).getTime());
  }
  if (duration && duration.dataset.since) ticker = setInterval(tick, 1000);

  if (!log.dataset.events) return;
  var labels = JSON.parse(log.dataset.statusLabels || '{}');
  var maxLines = 5000;
  var source = new EventSource(log.dataset.events);
  function atBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 40;
  }
  function setTime(id, iso) {
    var dd = document.getElementById(id);
    if (!dd || !iso || dd.querySelector('time')) return;
    dd.textContent = '';
    dd.appendChild(timeElement(iso));
  }
  source.addEventListener('lines', function (event) {
    var follow = atBottom();
    var lines = JSON.parse(event.data);
    var frag = document.createDocumentFragment();
    for (var i = 0; i < lines.length; i++) {
      var div = document.createElement('div');
      div.className = 'l ' + lines[i].stream;
      div.dataset.seq = String(lines[i].seq);
      div.textContent = lines[i].line;
      frag.appendChild(div);
    }
    log.appendChild(frag);
    var extra = log.childElementCount - maxLines;
    while (extra-- > 0) log.removeChild(log.firstElementChild);
    if (follow) window.scrollTo(0, document.body.scrollHeight);
  });
  source.addEventListener('status', function (event) {
    var run = JSON.parse(event.data);
    var status = document.getElementById('status');
    status.textContent = labels[run.status] || run.status;
    status.dataset.status = run.status;
    document.getElementById('exit-code').textContent =
      run.exitCode === null ? '' : String(run.exitCode);
    document.getElementById('reason').textContent = run.reason || '';
    document.getElementById('line-count').textContent = String(run.lineCount);
    setTime('started', run.startedAt);
    setTime('finished', run.finishedAt);
    if (run.startedAt && duration) {
      duration.dataset.since = run.startedAt;
      if (!ticker) ticker = setInterval(tick, 1000);
      tick();
    }
    if (finishedStatuses[run.status]) {
      // A finished run cannot be cancelled: the button goes, the duration stops.
      var cancel = document.getElementById('cancel-form');
      if (cancel) cancel.remove();
      if (ticker) clearInterval(ticker);
      if (duration && run.startedAt && run.finishedAt) {
        delete duration.dataset.since;
        duration.textContent = elapsed(
          new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime(),
        );
      }
    }
  });
  source.addEventListener('end', function () {
    source.close();
  });
})();
