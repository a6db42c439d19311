// The theme's stored state, for Material's bundle and for theme-palette.js.
//
// Material writes this as an inline script in every page's <head>; the site's policy
// runs no inline script, so it is a file of ours (overrides/partials/javascripts/base.html
// loads it where Material's was).  Material's bundle reads these four globals:
// - __md_scope: the URL under which settings are stored: the site's root (this file is
//   at assets/javascripts/, two folders below it), shared by both languages;
// - __md_hash(text): a small string hash (Material compares announcements with it);
// - __md_get(key, storage, scope) and __md_set(key, value, storage, scope): JSON values
//   in localStorage (or the storage given) under "<scope path>.<key>".
"use strict"

globalThis.__md_scope = new URL("../..", document.currentScript.src)

globalThis.__md_hash = text => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0)

globalThis.__md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(storage.getItem(`${scope.pathname}.${key}`))

globalThis.__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(`${scope.pathname}.${key}`, JSON.stringify(value))
  } catch {
    // storage full or disabled (private mode): the setting is not remembered
  }
}
