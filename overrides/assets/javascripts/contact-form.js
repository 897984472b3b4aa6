// Contact form: preselect the course named in ?training=<slug> (set by a course page's call to
// action). Without JavaScript the form works the same, only without the preselection.
(function () {
  "use strict";
  var select = document.getElementById("ts-contact-training");
  if (!select || !window.URLSearchParams) return;
  var wanted = new URLSearchParams(window.location.search).get("training");
  if (!wanted) return;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === wanted) {
      select.selectedIndex = i;
      return;
    }
  }
})();
