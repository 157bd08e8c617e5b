// The publication form's desk: writing aids beside the form, autosave, and restoring an autosave.
//
// A static module (the admin's Content Security Policy allows no inline script). Its settings
// come from data attributes of #desk-aids (templates/admin/publications/publication/desk_aids.html);
// the server does the work (publications/admin/desk_views.py: aids_view, autosave_view).
// Its words are translated by the admin's JavaScript catalog (Django's JavaScriptCatalog at
// admin:jsi18n, which the change form loads before this module): gettext, ngettext, interpolate.
// Numbers and dates are written in the admin's language (<html lang>).

const gettext = window.gettext || ((text) => text)
const ngettext = window.ngettext || ((singular, plural, count) => (count === 1 ? singular : plural))
const interpolate = window.interpolate || ((format, values) => format.replace(/%\((\w+)\)s/g, (_, name) => values[name]))
const locale = document.documentElement.lang || undefined

const panel = document.getElementById("desk-aids")
const form = document.getElementById("publication_form")

const AIDS_FIELDS = [
  "title",
  "slug",
  "dek",
  "body",
  "lead_image",
  "lead_image_credit",
  "lead_image_alt",
  "primary_center",
  "publication_type",
  "disclaimer_override",
]
const AUTOSAVE_FIELDS = ["title", "dek", "body", "lead_image_credit", "lead_image_alt", "source_name", "source_url"]
const AUTOSAVE_EVERY_MS = 5000
const AIDS_DELAY_MS = 600

const value = (name) => {
  const field = form.elements.namedItem(name)
  return field && "value" in field ? field.value : ""
}
const values = (names) => Object.fromEntries(names.map((name) => [name, value(name)]))
const csrfToken = () => value("csrfmiddlewaretoken")

const post = (url, data, options = {}) =>
  fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
    body: JSON.stringify(data),
    ...options,
  }).then(async (response) => {
    // An expired session answers with the sign-in page (a redirect, then HTML): that is a
    // failure, never a success with an empty answer.
    const isJson = (response.headers.get("Content-Type") || "").startsWith("application/json")
    if (response.redirected || !isJson) {
      throw Object.assign(new Error(gettext("You were signed out. Sign in again in another tab; this text is kept here meanwhile.")), {
        signedOut: true,
        response,
      })
    }
    const payload = await response.json().catch(() => ({}))
    if (!response.ok) throw Object.assign(new Error(payload.error || response.statusText), { payload, response })
    return payload
  })

// Whether the byline in the form has an author: a chosen person, role "author", not deleted.
const hasAuthor = () => {
  for (const select of form.querySelectorAll("select[name^='authorships-'][name$='-person']")) {
    const prefix = select.name.slice(0, -"person".length)
    if (prefix.includes("__prefix__") || !select.value) continue
    const removed = form.elements.namedItem(`${prefix}DELETE`)
    if (removed?.checked) continue
    if (value(`${prefix}role`) === "author") return true
  }
  return false
}

const bodyEditor = () => document.querySelector(".field-body .ProseMirror[contenteditable]")?.editor

// --- Writing aids ----------------------------------------------------------------------

const aid = (name) => panel.querySelector(`[data-aid="${name}"]`)

function showAids(aids) {
  aid("words").textContent = aids.words.toLocaleString(locale)
  aid("minutes").textContent = aids.reading_minutes
    ? interpolate(ngettext("%(minutes)s min", "%(minutes)s min", aids.reading_minutes), { minutes: aids.reading_minutes.toLocaleString(locale) }, true)
    : "–"
  const url = aid("url")
  url.textContent = aids.url || gettext("Give the piece a title first.")
  url.classList.toggle("desk-aids__muted", !aids.is_live)
  aid("url-note").textContent = aids.is_live ? gettext("Live now.") : gettext("Readers see this address once it is published.")
  aid("search-title").textContent = aids.search.title
  aid("search-url").textContent = aids.search.url
  aid("search-description").textContent = aids.search.description || gettext("No dek yet: search engines pick text themselves.")
  aid("card-title").textContent = aids.card.title
  aid("card-description").textContent = aids.card.description
  const image = aid("card-image")
  image.hidden = !aids.card.image
  if (aids.card.image) {
    image.src = aids.card.image
    image.alt = aids.card.image_alt
  }
  const list = aid("problems")
  list.replaceChildren(...aids.problems.map((problem) => Object.assign(document.createElement("li"), { textContent: problem })))
  aid("ready").hidden = aids.problems.length > 0
  panel.classList.remove("desk-aids--loading")
}

let aidsTimer
let aidsRequest = 0
function refreshAids() {
  clearTimeout(aidsTimer)
  aidsTimer = setTimeout(() => {
    const number = ++aidsRequest
    post(panel.dataset.aidsUrl, {
      fields: values(AIDS_FIELDS),
      publication: Number(panel.dataset.publication) || null,
      has_author: hasAuthor(),
    })
      .then((aids) => number === aidsRequest && showAids(aids))
      .catch((error) => {
        if (number !== aidsRequest) return
        aid("ready").hidden = true
        // A body too long or too deep for the aids: show the reason where the problems go.
        if (error.response?.status === 413 || error.response?.status === 400) {
          aid("problems").replaceChildren(Object.assign(document.createElement("li"), { textContent: error.message }))
        }
      })
  }, AIDS_DELAY_MS)
}

// --- Autosave --------------------------------------------------------------------------

const status = panel?.querySelector("[data-autosave-status]")
let lastSaved = null
let autosaveTimer = null

function autosave() {
  const fields = values(AUTOSAVE_FIELDS)
  const key = JSON.stringify(fields)
  if (key === lastSaved) return
  post(panel.dataset.autosaveUrl, { expected_version: value("expected_version"), fields })
    .then((result) => {
      lastSaved = key
      status.textContent = result.label
      status.classList.remove("desk-aids__error")
    })
    .catch((error) => {
      status.classList.add("desk-aids__error")
      if (error.signedOut) {
        // Keep trying: once the editor signs in again (in another tab), the next round saves.
        status.textContent = error.message
      } else if (error.response?.status === 409 || error.response?.status === 403) {
        // Someone saved a newer version, or the piece went live: stop, never overwrite.
        clearInterval(autosaveTimer)
        autosaveTimer = null
        status.textContent = error.message
      } else if (error.response?.status === 413 || error.response?.status === 400) {
        // Too long or too deeply nested to autosave: say so, and keep trying in case it shrinks.
        status.textContent = error.message
      } else {
        status.textContent = gettext("Autosave failed; trying again in a few seconds.")
      }
    })
}

// When the tab is closed or hidden, the last seconds of typing go out at once: keepalive lets
// the request finish after the page is gone.
function autosaveBeforeLeaving() {
  if (!autosaveTimer) return
  const fields = values(AUTOSAVE_FIELDS)
  const key = JSON.stringify(fields)
  if (key === lastSaved) return
  lastSaved = key
  post(panel.dataset.autosaveUrl, { expected_version: value("expected_version"), fields }, { keepalive: true }).catch(() => {})
}

function startAutosave() {
  lastSaved = JSON.stringify(values(AUTOSAVE_FIELDS))
  autosaveTimer = setInterval(autosave, AUTOSAVE_EVERY_MS)
  form.addEventListener("submit", () => {
    clearInterval(autosaveTimer)
    autosaveTimer = null
  })
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && autosaveBeforeLeaving())
  window.addEventListener("pagehide", autosaveBeforeLeaving)
}

// --- Restoring an autosave after a crash or a closed tab ---------------------------------

function fillForm(fields) {
  for (const [name, text] of Object.entries(fields)) {
    if (name === "body" && bodyEditor()) {
      bodyEditor().commands.setContent(text, { emitUpdate: true })
      continue
    }
    const field = form.elements.namedItem(name)
    if (field) {
      field.value = text
      field.dispatchEvent(new Event("input", { bubbles: true }))
    }
  }
}

function offerRestore() {
  const banner = document.getElementById("desk-restore")
  const data = document.getElementById("desk-autosave-data")
  if (!banner || !data) return
  const fields = JSON.parse(data.textContent)
  banner.querySelector("[data-restore]").addEventListener("click", () => {
    fillForm(fields)
    banner.querySelector("[data-restore-message]").textContent =
      gettext("Your autosaved text is back in the form. Save to keep it.")
    banner.querySelector("[data-restore-actions]").remove()
  })
  banner.querySelector("[data-dismiss]").addEventListener("click", () => banner.remove())
}

// --- A new piece, before its first save: kept in this browser ------------------------------
// The server keeps autosaves of saved pieces only; until the first save, the text is kept in
// the browser's local storage (per user), offered back on the next new piece, and dropped
// once a piece with that title has been saved.

const newPieceKey = () => `cms-desk:new-piece:${panel.dataset.user}`
const hasText = (fields) => ["title", "dek", "body"].some((name) => (fields[name] || "").replace(/<[^>]*>/g, "").trim())

function readNewPiece() {
  try {
    return JSON.parse(localStorage.getItem(newPieceKey()) || "null")
  } catch {
    return null
  }
}

let keepTimer
function keepNewPiece(submitted = false) {
  clearTimeout(keepTimer)
  const fields = values(AUTOSAVE_FIELDS)
  if (!hasText(fields)) return
  try {
    localStorage.setItem(newPieceKey(), JSON.stringify({ fields, at: new Date().toISOString(), submitted }))
  } catch {
    // Storage full or switched off: the piece is simply not kept.
  }
}

function offerNewPiece() {
  const kept = readNewPiece()
  if (!kept || !hasText(kept.fields)) return
  const current = values(AUTOSAVE_FIELDS)
  if (Object.keys(kept.fields).every((name) => (kept.fields[name] || "") === (current[name] || ""))) return
  const at = new Date(kept.at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })
  const banner = Object.assign(document.createElement("div"), { className: "desk-restore", id: "desk-restore-local" })
  banner.setAttribute("role", "alert")
  const message = document.createElement("p")
  message.append(
    Object.assign(document.createElement("strong"), {
      textContent: interpolate(gettext("You have unsaved text for a new piece from %(when)s"), { when: at }, true),
    }),
    kept.submitted
      ? gettext(", kept in this browser. You sent it, but it may not have been saved (if you were signed out, say).")
      : gettext(", kept in this browser (the tab was closed before the piece was saved)."),
  )
  const restore = Object.assign(document.createElement("button"), { type: "button", className: "button default", textContent: gettext("Restore my text") })
  const discard = Object.assign(document.createElement("button"), { type: "button", className: "button", textContent: gettext("Discard it") })
  const actions = document.createElement("p")
  actions.append(restore, " ", discard)
  banner.append(message, actions)
  form.prepend(banner)
  restore.addEventListener("click", () => {
    fillForm(kept.fields)
    message.textContent = gettext("Your text is back in the form. Save to keep it.")
    actions.remove()
  })
  discard.addEventListener("click", () => {
    localStorage.removeItem(newPieceKey())
    banner.remove()
  })
}

function watchNewPiece() {
  offerNewPiece()
  form.addEventListener("input", () => {
    clearTimeout(keepTimer)
    keepTimer = setTimeout(keepNewPiece, 1000)
  })
  form.addEventListener("submit", () => keepNewPiece(true))
  window.addEventListener("pagehide", () => keepNewPiece())
}

function forgetSavedNewPiece() {
  const kept = readNewPiece()
  if (kept && (kept.fields.title || "") === value("title")) localStorage.removeItem(newPieceKey())
}

if (panel && form) {
  form.addEventListener("input", refreshAids)
  form.addEventListener("change", refreshAids)
  // The admin's autocompletes (select2) announce changes through jQuery only.
  window.django?.jQuery?.(form).on("change", refreshAids)
  refreshAids()
  offerRestore()
  if (panel.dataset.autosaveUrl) startAutosave()
  if (!panel.dataset.publication && panel.dataset.user) watchNewPiece()
  else if (panel.dataset.user) forgetSavedNewPiece()
}
