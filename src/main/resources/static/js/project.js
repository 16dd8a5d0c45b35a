// The project page shows the project's history, served as a fragment by the audit side.
(function () {
  'use strict';
  var holder = document.getElementById('timeline-holder');
  if (!holder) { return; }
  fetch(holder.getAttribute('data-src'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
    .then(function (response) { return response.ok ? response.text() : ''; })
    .then(function (html) { holder.innerHTML = html; })
    .catch(function () { holder.textContent = ''; });
})();
