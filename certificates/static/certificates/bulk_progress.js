// The bulk issue page: while a run is going, its progress table is refreshed every 2 seconds
// from the address in data-refresh-url, until the table no longer says data-running.
(function () {
  "use strict";
  var holder = document.getElementById("bulk-progress-holder");
  var url = holder && holder.dataset.refreshUrl;
  if (!url) return;
  var timer = setInterval(function () {
    fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        holder.innerHTML = html;
        if (html.indexOf("data-running") === -1) clearInterval(timer);
      });
  }, 2000);
})();
