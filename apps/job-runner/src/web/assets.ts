/**
 * The page script: follows a running log over server-sent events. Lines are added with
 * textContent (never HTML), and only the newest lines stay in the page so a log of a million
 * lines keeps the browser responsive (earlier ones are a click away).
 */
export const appJs = `'use strict';
(function () {
  var log = document.getElementById('log');
  if (!log || !log.dataset.events) return;
  var labels = JSON.parse(log.dataset.statusLabels || '{}');
  var maxLines = 5000;
  var source = new EventSource(log.dataset.events);
  function atBottom() { return window.innerHeight + window.scrollY >= document.body.scrollHeight - 40; }
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
    document.getElementById('exit-code').textContent = run.exitCode === null ? '' : String(run.exitCode);
    document.getElementById('reason').textContent = run.reason || '';
    document.getElementById('line-count').textContent = String(run.lineCount);
  });
  source.addEventListener('end', function () { source.close(); });
})();
`;

export const appCss = `body{font:15px/1.4 system-ui,sans-serif;margin:0;color:#1b1f24}
header{background:#24292f;padding:.6em 1em}header a{color:#fff;margin-right:1em;text-decoration:none}
main{padding:1em 1.5em;max-width:80em}
.desc{color:#57606a}.req{color:#cf222e}.problems{color:#cf222e}
.field{margin:.8em 0}.field label{display:block;font-weight:600}.field small{display:block;color:#57606a}
.field input[type=text],.field input[type=password],.field input[type=number],.field textarea,.field select{min-width:24em;padding:.3em}
.log{font:13px/1.35 ui-monospace,monospace;background:#0d1117;color:#e6edf3;padding:.6em;white-space:pre-wrap;word-break:break-all}
.log .stderr{color:#ff9492}.log .system{color:#8b949e}
dl.run{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.run dd{margin:0}
form.inline{display:inline}table.runs{border-collapse:collapse}table.runs td,table.runs th{padding:.25em .6em;border-bottom:1px solid #d0d7de;text-align:left}
.status.failed{color:#cf222e}.status.succeeded{color:#1a7f37}`;
