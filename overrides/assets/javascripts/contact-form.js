// Contact form: preselect the course named in ?training=<slug> (a course page's call to action) and the
// session in ?datum=<yyyy-mm-dd> (the agenda's sign-up buttons). Without JavaScript the form works the
// same, only without the preselection.
(function () {
  "use strict";
  if (!window.URLSearchParams) return;
  var params = new URLSearchParams(window.location.search);
  var training = params.get("training");
  var date = params.get("datum");

  function choose(select, matches) {
    if (!select) return;
    for (var i = 0; i < select.options.length; i++) {
      if (matches(select.options[i])) {
        select.selectedIndex = i;
        return;
      }
    }
  }

  if (training) {
    choose(document.getElementById("ts-contact-training"), function (option) {
      return option.value === training;
    });
  }
  if (training && date) {
    choose(document.getElementById("ts-contact-session"), function (option) {
      return option.getAttribute("data-training") === training && option.getAttribute("data-date") === date;
    });
  }
})();
