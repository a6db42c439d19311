// The redirect pages of short links and retired slugs (written by mkdocs-redirects):
// go to the page their canonical link names, keeping the #anchor of the old address.
// Without JavaScript their <meta http-equiv="refresh"> does the same, without the anchor.
(function () {
  var target = document.querySelector('link[rel="canonical"]');
  if (target) location.replace(target.href + location.hash);
})();
