/* Click-to-load video: swap the placeholder link for the player only when the reader asks for it.
   Without JavaScript the link simply opens the video on the host's own site. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-ts-embed]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  var frame = document.createElement("iframe");
  frame.src = link.getAttribute("data-ts-embed");
  frame.title = link.getAttribute("data-ts-title") || "Video";
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.setAttribute("allowfullscreen", "");
  frame.className = "ts-video__frame";
  link.closest("[data-ts-video]").classList.add("ts-video--playing");
  link.replaceWith(frame);
  frame.focus();
});
