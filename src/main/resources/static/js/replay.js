// While a replay runs, poll its progress and, once it has ended, swap in the panel with its result.
(function () {
  'use strict';
  function watch() {
    var panel = document.getElementById('replay-panel');
    if (!panel || panel.getAttribute('data-state') !== 'RUNNING') {
      return;
    }
    var base = document.querySelector('form[action$="/audit/replays"]').getAttribute('action');
    fetch(base + '/latest', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.state === 'RUNNING') {
          var progress = document.getElementById('replay-progress');
          if (progress && status.total > 0) {
            progress.textContent = status.text;
          }
          setTimeout(watch, 500);
          return;
        }
        return fetch(base + '/latest/panel', {credentials: 'same-origin'})
          .then(function (response) { return response.text(); })
          .then(function (html) {
            panel.outerHTML = html;
          });
      })
      .catch(function () { setTimeout(watch, 2000); });
  }
  watch();
}());
