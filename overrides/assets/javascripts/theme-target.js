// A link to a tab of a tabbed block (#__tabbed_1_2) opens that tab; a link to any other
// radio or checkbox leaves it unchecked.  Runs right after the page's content, where
// Material puts its inline script of the same job; loaded by
// overrides/partials/javascripts/content.html.
"use strict"
{
  const target = document.getElementById(location.hash.slice(1))
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_")
}
