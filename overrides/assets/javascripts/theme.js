// Material's state globals and the stored colour scheme (overrides/partials/javascripts/palette.html)
"use strict"

globalThis.__md_scope = new URL("../..", document.currentScript.src)
globalThis.__md_hash = text => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0)
globalThis.__md_get = (key, storage = localStorage, scope = __md_scope) =>
  JSON.parse(storage.getItem(`${scope.pathname}.${key}`))
globalThis.__md_set = (key, value, storage = localStorage, scope = __md_scope) => {
  try {
    storage.setItem(`${scope.pathname}.${key}`, JSON.stringify(value))
  } catch {} // storage full or disabled: not remembered
}

{
  const palette = __md_get("__palette")
  if (palette && palette.color) {
    if (palette.color.media === "(prefers-color-scheme)") { // "follow the system": its scheme now
      const media = matchMedia("(prefers-color-scheme: light)").matches ? "light" : "dark"
      const input = document.querySelector(`[data-md-color-media='(prefers-color-scheme: ${media})']`)
      for (const key of ["media", "scheme", "primary", "accent"]) {
        palette.color[key] = input.getAttribute(`data-md-color-${key}`)
      }
    }
    for (const [key, value] of Object.entries(palette.color)) {
      document.body.setAttribute(`data-md-color-${key}`, value)
    }
  }
}
