// The reader's chosen colour scheme, applied before the page is drawn (no flash of the
// other scheme).  Runs right after the header's palette form (it reads the form's
// inputs), where Material puts its inline script of the same job; loaded by
// overrides/partials/javascripts/palette.html.
"use strict"
{
  const palette = __md_get("__palette")
  if (palette && palette.color) {
    if (palette.color.media === "(prefers-color-scheme)") {
      // "follow the system": take the colours of the option for the system's scheme now
      const light = matchMedia("(prefers-color-scheme: light)").matches
      const media = light ? "(prefers-color-scheme: light)" : "(prefers-color-scheme: dark)"
      const input = document.querySelector(`[data-md-color-media='${media}']`)
      for (const key of ["media", "scheme", "primary", "accent"]) {
        palette.color[key] = input.getAttribute(`data-md-color-${key}`)
      }
    }
    for (const [key, value] of Object.entries(palette.color)) {
      document.body.setAttribute(`data-md-color-${key}`, value)
    }
  }
}
