/* Site search: the header's search box, with Pagefind loaded on first use only.
 *
 * Nothing of the index is fetched until the reader focuses or types in the box; then Pagefind's
 * script (pagefind/pagefind.js) loads and fetches only the index chunks and result fragments a
 * query needs. Results show title, kind, date and an excerpt with the terms marked; filters by
 * kind and category. Keys: ArrowDown/ArrowUp move between the box and the results, Escape closes.
 */
(function () {
  "use strict";
  var dialog = document.querySelector("[data-ts-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var labels = JSON.parse(dialog.getAttribute("data-labels") || "{}");
  var root = new URL(dialog.getAttribute("data-root") || "./", document.baseURI);
  var form = dialog.querySelector("form");
  var input = form.querySelector("input");
  var status = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var more = dialog.querySelector(".ts-search__more");
  var filters = dialog.querySelector(".ts-search__filters");
  var kindSelect = filters.querySelector("select[name=kind]");
  var categorySelect = filters.querySelector("select[name=category]");
  var loading = null;
  var results = [];
  var shown = 0;
  var PAGE = 10;

  function load() {
    if (!loading) {
      status.textContent = labels.loading;
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (pagefind) {
        // noWorker: Pagefind's web worker would download a second copy of its code (41 KB);
        // a query on this site's index takes milliseconds on the page's own thread.
        return pagefind.options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true }).then(function () {
          return pagefind.filters();
        }).then(function (found) {
          Object.keys((found && found.category) || {}).sort(function (a, b) {
            return a.localeCompare(b);
          }).forEach(function (name) {
            var option = document.createElement("option");
            option.value = name;
            option.textContent = name;
            categorySelect.appendChild(option);
          });
          filters.hidden = false;
          return pagefind;
        });
      });
      loading.catch(function () {
        status.textContent = labels.failed;
        loading = null;
      });
    }
    return loading;
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load();
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  // The excerpt as text with <mark> kept: parsed inert, rebuilt from text nodes, nothing else.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var body = new DOMParser().parseFromString("<body>" + html, "text/html").body;
    body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function item(data) {
    var url = new URL(String(data.url || "").replace(/^\/+/, ""), new URL("/", root));
    if (url.origin !== root.origin) return null;
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url.href;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || url.pathname;
    var about = document.createElement("p");
    about.className = "ts-search__about";
    var kind = (data.meta && data.meta.kind) || "page";
    about.textContent = [labels["kind_" + kind] || kind, data.meta && data.meta.date].filter(Boolean).join(" · ");
    article.append(title, about, excerpt(data.excerpt || ""));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function showMore() {
    var next = results.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = shown >= results.length;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (found) {
      found.forEach(function (data) {
        var li = item(data);
        if (li) list.appendChild(li);
      });
    });
  }

  function count(total) {
    if (!total) return labels.none;
    return total === 1 ? labels.one : labels.many.replace("{count}", total);
  }

  function run() {
    var term = input.value.trim();
    load().then(function (pagefind) {
      var chosen = {};
      if (kindSelect.value) chosen.kind = kindSelect.value;
      if (categorySelect.value) chosen.category = categorySelect.value;
      if (!term) {
        list.textContent = "";
        more.hidden = true;
        status.textContent = labels.hint;
        return null;
      }
      return pagefind.debouncedSearch(term, { filters: chosen }, 250);
    }).then(function (search) {
      if (!search || input.value.trim() !== term) return; // a newer query took over
      results = search.results;
      shown = 0;
      list.textContent = "";
      status.textContent = count(results.length);
      return showMore();
    });
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () { open(); run(); });
  kindSelect.addEventListener("change", run);
  categorySelect.addEventListener("change", run);
  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  form.addEventListener("reset", function () {
    list.textContent = "";
    more.hidden = true;
    status.textContent = labels.hint;
    close();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load();
      if (document.activeElement !== input) input.focus();
    }
  });
  dialog.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      event.preventDefault();
      if (links[at + 1]) links[at + 1].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (links[at - 1] || input).focus();
    }
  });
  // A search box in a page (the 404 page's): its words go to the header's search, which opens.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-ts-search-open]"), function (other) {
    other.addEventListener("submit", function (event) {
      event.preventDefault();
      var words = other.querySelector("input[type=search]");
      input.value = words ? words.value : "";
      open();
      input.focus();
      run();
    });
  });
  // "/" opens the search from anywhere but a text field.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "/" && !event.ctrlKey && !event.metaKey &&
        !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ||
          target instanceof HTMLSelectElement || (target && target.isContentEditable))) {
      event.preventDefault();
      open();
      input.focus();
    }
  });
}());
