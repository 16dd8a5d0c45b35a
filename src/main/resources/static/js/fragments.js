// Fills each element that names a fragment (data-fragment) with that fragment, served by the slice that owns the
// data; the element's own content (a link to the full page) stays when the fragment cannot be had.
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('[data-fragment]'), function (holder) {
    fetch(holder.getAttribute('data-fragment'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { holder.innerHTML = html; } })
      .catch(function () { /* the link to the full page stays */ });
  });
})();
