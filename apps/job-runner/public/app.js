'use strict';
(function () {
  var log = document.getElementById('log');
  if (!log || !log.dataset.events) return;
  var labels = JSON.parse(log.dataset.statusLabels || '{}');
  var maxLines = 5000;
  var source = new EventSource(log.dataset.events);
  function atBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 40;
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
  });
  source.addEventListener('end', function () {
    source.close();
  });
})();
