// The review queues' "select all" box: hidden without JavaScript (each row is ticked by hand
// then), shown here and kept in step with the rows. Loaded as a file: no inline script (CSP).
(function () {
  "use strict";
  document.querySelectorAll("form[data-bulk]").forEach(function (form) {
    var all = form.querySelector("input[data-bulk-all]");
    if (!all) return;
    var rows = form.querySelectorAll("tbody input[type=checkbox]");
    function sync() {
      var ticked = Array.prototype.filter.call(rows, function (box) { return box.checked; });
      all.checked = ticked.length > 0 && ticked.length === rows.length;
      all.indeterminate = ticked.length > 0 && ticked.length < rows.length;
    }
    all.hidden = false;
    all.addEventListener("change", function () {
      rows.forEach(function (box) { box.checked = all.checked; });
      sync();
    });
    rows.forEach(function (box) { box.addEventListener("change", sync); });
    sync();
  });
})();
