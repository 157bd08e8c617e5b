// Our extensions to django-prose-editor: the link rules, pull quotes, library images, notes,
// paste cleaning and the setup the admin's Content Security Policy needs.
//
// Loaded by django-prose-editor's "configurable" preset (cms/richtext/editor.py lists this module in the
// widget's js_modules); every named export becomes an extension the profiles can enable. The HTML
// each node renders is what cms/richtext/editor.py's processors allow, so it survives the sanitizer as is.
// No inline styles or scripts: the admin's CSP allows neither.

import {
  Extension,
  Link,
  Node,
  Plugin,
  crel,
  gettext,
  updateAttrsDialog,
} from "django-prose-editor/editor"

const csrfToken = (element) =>
  element.closest("form")?.querySelector("input[name=csrfmiddlewaretoken]")?.value ||
  document.querySelector("input[name=csrfmiddlewaretoken]")?.value ||
  ""

// The sanitizer's URL rule (nh3): a relative address, or one of the allowed schemes. URL parsers
// ignore tabs, newlines and leading control characters, so "jav\tascript:" is checked as one word.
// A toolbar button with a short name for screen readers and a longer tooltip.
const textButton = (buttons, text, tooltip) => {
  const button = buttons.text(text, tooltip)
  button.setAttribute("aria-label", text)
  return button
}

// "3 images" with the language's plural forms: the admin's JavaScript catalog (admin:jsi18n) has ngettext.
const imageCount = (count) => {
  const format = window.ngettext ? window.ngettext("%(count)s image", "%(count)s images", count) : count === 1 ? "%(count)s image" : "%(count)s images"
  return format.replace("%(count)s", count.toLocaleString(document.documentElement.lang || undefined))
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
export const allowedUrl = (url, schemes) => {
  const compact = String(url ?? "").replace(/[\u0000-\u0020\u007f]+/g, "")
  const match = SCHEME.exec(compact)
  return !match || schemes.includes(match[1].toLowerCase())
}

// Tiptap injects a <style> element, which the CSP refuses; static/css/desk.css carries those rules.
// The editor's contenteditable area takes the field's label as its accessible name.
export const DeskSetup = Extension.create({
  name: "deskSetup",

  onBeforeCreate() {
    this.editor.options.injectCSS = false
  },

  onCreate() {
    const area = this.editor.view.dom
    const textarea = area.closest(".prose-editor")?.querySelector("textarea")
    const label = textarea?.id && document.querySelector(`label[for="${textarea.id}"]`)
    area.setAttribute("aria-multiline", "true")
    if (label) {
      label.id ||= `${textarea.id}-label`
      area.setAttribute("aria-labelledby", label.id)
      label.addEventListener("click", () => this.editor.commands.focus())
    }
  },
})

const linkDialog = (editor, attrs, problem) =>
  updateAttrsDialog(
    {
      href: {
        type: "string",
        title: gettext("Address"),
        required: true,
        description:
          problem ||
          gettext("https://…, mailto:…, or an address on this site such as /experts/"),
      },
      title: { type: "string", title: gettext("Title (optional)") },
    },
    { title: gettext("Link"), submitText: gettext("Apply") },
  )(editor, attrs)

// Links with the sanitizer's URL rules and rel: what the editor shows is what readers get.
export const DeskLink = Link.extend({
  addOptions() {
    return {
      ...this.parent?.(),
      openOnClick: false,
      enableTarget: false,
      schemes: ["http", "https", "mailto"],
      rel: "noopener noreferrer",
      HTMLAttributes: { target: null, rel: "noopener noreferrer", class: null },
    }
  },

  // Typing right after a link does not extend it (Tiptap does when autolinking is on).
  inclusive() {
    return false
  },

  onBeforeCreate() {
    // Read by Tiptap when it parses, autolinks and renders links.
    this.options.isAllowedUri = (url) => allowedUrl(url, this.options.schemes)
  },

  renderHTML({ HTMLAttributes }) {
    const { href, title } = HTMLAttributes
    return [
      "a",
      {
        href: allowedUrl(href, this.options.schemes) ? href : null,
        title: title || null,
        rel: this.options.rel,
      },
      0,
    ]
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "link",
      groups: "link",
      command: (editor) => editor.commands.addLink(),
      enabled: (editor) => !editor.state.selection.empty || editor.isActive("link"),
      button: buttons.material("insert_link", gettext("Link (Ctrl+K)")),
      active: (editor) => editor.isActive("link"),
    })
    menu.defineItem({
      name: "unlink",
      groups: "link",
      command: (editor) => editor.chain().focus().extendMarkRange("link").unsetLink().run(),
      button: buttons.material("link_off", gettext("Remove link")),
      hidden: (editor) => !editor.isActive("link"),
    })
  },

  addCommands() {
    return {
      ...this.parent?.(),
      addLink:
        () =>
        ({ editor }) => {
          if (editor.state.selection.empty && !editor.isActive("link")) return false
          const ask = (attrs, problem) =>
            linkDialog(editor, attrs, problem).then((result) => {
              if (!result) return
              const href = result.href.trim()
              if (!allowedUrl(href, this.options.schemes)) {
                ask(
                  result,
                  gettext(
                    "That address cannot be used. Start it with https://, http:// or mailto:, or give a path on this site such as /experts/.",
                  ),
                )
                return
              }
              const attrs = { href, title: result.title.trim() || null }
              const chain = editor.chain().focus()
              if (editor.isActive("link")) {
                chain.extendMarkRange("link").updateAttributes("link", attrs).run()
              } else {
                chain.setMark("link", attrs).run()
              }
            })
          ask(editor.getAttributes("link"))
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      "Mod-k": ({ editor }) => {
        window.event?.preventDefault()
        return editor.commands.addLink()
      },
    }
  },
})

// A pull quote: a sentence of the piece, set large beside the text. Stored as
// <aside class="pull-quote"><p>…</p></aside>.
export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,

  parseHTML() {
    return [{ tag: "aside" }]
  },

  renderHTML() {
    return ["aside", { class: "pull-quote" }, 0]
  },

  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "pullQuote",
      groups: "desk",
      command: (editor) => editor.chain().focus().togglePullQuote().run(),
      button: textButton(buttons, gettext("Pull quote"), gettext("Set a sentence large beside the text")),
      active: (editor) => editor.isActive(this.name),
    })
  },
})

// --- Library images ---------------------------------------------------------------------

const captionOf = (figure) => {
  const caption = figure.querySelector("figcaption")
  if (!caption) return ""
  const copy = caption.cloneNode(true)
  for (const small of copy.querySelectorAll("small")) small.remove()
  return copy.textContent.trim()
}

const libraryDialog = (editor, options, current) =>
  new Promise((resolve) => {
    let chosen = current?.id ? { ...current } : null
    const search = crel("input", {
      type: "search",
      name: "q",
      id: "desk-library-search",
      placeholder: gettext("Title, credit or tag"),
    })
    const results = crel("ul", { className: "desk-library__results" })
    results.setAttribute("aria-label", gettext("Images in the library"))
    const status = crel("p", { className: "desk-library__status" })
    status.setAttribute("role", "status")
    const field = (name, label, value, help) => {
      const input = crel("input", { type: "text", name, id: `desk-library-${name}`, value: value || "" })
      const wrapper = crel("div", { className: "prose-editor-dialog-field" }, [
        crel("label", { htmlFor: input.id, textContent: label }),
        input,
      ])
      if (help) wrapper.append(crel("p", { className: "prose-editor-help", textContent: help }))
      return [wrapper, input]
    }
    const [altField, alt] = field(
      "alt",
      gettext("Alt text"),
      current?.alt,
      gettext("What the picture shows, for readers who cannot see it."),
    )
    const [captionField, caption] = field("caption", gettext("Caption (optional)"), current?.caption)
    const [creditField, credit] = field(
      "credit",
      gettext("Credit"),
      current?.credit,
      gettext('e.g. "Photo: Ana Petrović / Reuters"'),
    )
    const selected = crel("p", { className: "desk-library__selected" })
    const showChosen = () => {
      selected.textContent = chosen
        ? `${gettext("Chosen")}: ${chosen.title || chosen.src}`
        : gettext("No image chosen yet.")
    }
    showChosen()

    const submit = crel("button", { type: "submit", textContent: current ? gettext("Update") : gettext("Insert") })
    const cancel = crel("button", { type: "button", textContent: gettext("Cancel") })
    const form = crel("form", {}, [
      crel("h3", { className: "prose-editor-dialog-title", textContent: gettext("Image from the library") }),
      crel("div", { className: "prose-editor-dialog-field" }, [
        crel("label", { htmlFor: search.id, textContent: gettext("Search the library") }),
        search,
      ]),
      status,
      results,
      selected,
      altField,
      captionField,
      creditField,
      crel("div", { className: "prose-editor-dialog-buttons" }, [submit, cancel]),
    ])
    const dialog = crel("dialog", { className: "prose-editor-dialog desk-library" }, [form])
    const holder = crel("div", {}, [dialog])
    editor.view.dom.parentElement.append(holder)

    let request = 0
    const load = () => {
      const number = ++request
      const url = new URL(options.searchUrl, window.location.href)
      url.searchParams.set("q", search.value.trim())
      status.textContent = gettext("Searching…")
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : Promise.reject(response)))
        .then((data) => {
          if (number !== request) return
          results.replaceChildren()
          for (const image of data.results) {
            const thumb = crel("img", { src: image.thumbnail, alt: "", loading: "lazy" })
            const button = crel("button", { type: "button", className: "desk-library__choice" }, [
              thumb,
              crel("span", { textContent: image.title }),
              crel("small", { textContent: image.credit || gettext("no credit") }),
            ])
            button.setAttribute("aria-pressed", String(chosen?.id === String(image.id)))
            button.addEventListener("click", () => {
              chosen = { ...image, id: String(image.id) }
              for (const other of results.querySelectorAll("button")) other.setAttribute("aria-pressed", "false")
              button.setAttribute("aria-pressed", "true")
              if (!alt.value) alt.value = image.alt || ""
              if (!credit.value) credit.value = image.credit || ""
              showChosen()
            })
            results.append(crel("li", {}, [button]))
          }
          status.textContent = data.results.length
            ? imageCount(data.results.length)
            : gettext("No image matches. Upload it under Media library → Images first.")
        })
        .catch(() => {
          if (number === request) status.textContent = gettext("The library could not be searched. Try again.")
        })
    }
    let timer
    search.addEventListener("input", () => {
      clearTimeout(timer)
      timer = setTimeout(load, 250)
    })
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault()
        load()
      }
    })

    const close = (value) => {
      holder.remove()
      resolve(value)
    }
    cancel.addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => close(null))
    submit.addEventListener("click", (event) => {
      event.preventDefault()
      if (!chosen) {
        status.textContent = gettext("Choose an image first.")
        return
      }
      close({
        id: String(chosen.id),
        src: chosen.src,
        width: chosen.width ? String(chosen.width) : null,
        height: chosen.height ? String(chosen.height) : null,
        alt: alt.value.trim(),
        caption: caption.value.trim(),
        credit: credit.value.trim(),
      })
    })
    dialog.showModal()
    load()
  })

// An image from the media library, with its alt text, caption and credit. Stored as
// <figure class="inline-image" data-image="ID"><img …><figcaption>caption <small>credit</small>…
// The public page swaps the <img> for the library's renditions.
export const LibraryImage = Node.create({
  name: "libraryImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { searchUrl: null }
  },

  addAttributes() {
    const plain = (fallback = null) => ({ default: fallback, rendered: false, keepOnSplit: false })
    return {
      id: plain(),
      src: plain(""),
      alt: plain(""),
      width: plain(),
      height: plain(),
      caption: plain(""),
      credit: plain(""),
    }
  },

  parseHTML() {
    return [
      {
        tag: "figure.inline-image",
        getAttrs: (figure) => {
          const img = figure.querySelector("img")
          if (!img?.getAttribute("src")) return false
          return {
            id: figure.getAttribute("data-image"),
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt") || "",
            width: img.getAttribute("width"),
            height: img.getAttribute("height"),
            caption: captionOf(figure),
            credit: figure.querySelector("figcaption small")?.textContent.trim() || "",
          }
        },
      },
    ]
  },

  renderHTML({ node }) {
    const { id, src, alt, width, height, caption, credit } = node.attrs
    const figcaption = []
    if (caption) figcaption.push(caption)
    if (caption && credit) figcaption.push(" ")
    if (credit) figcaption.push(["small", {}, credit])
    return [
      "figure",
      { class: "inline-image", "data-image": id },
      ["img", { src, alt: alt || "", width, height }],
      ...(figcaption.length ? [["figcaption", {}, ...figcaption]] : []),
    ]
  },

  addCommands() {
    return {
      editLibraryImage:
        () =>
        ({ editor, state }) => {
          const selected = state.selection.node?.type.name === this.name ? state.selection : null
          libraryDialog(editor, this.options, selected?.node.attrs).then((attrs) => {
            if (!attrs) return
            if (selected) {
              editor.chain().focus().setNodeSelection(selected.from).updateAttributes(this.name, attrs).run()
            } else {
              editor.chain().focus().insertContent({ type: this.name, attrs }).run()
            }
          })
          return true
        },
    }
  },

  addNodeView() {
    return ({ node, editor, getPos }) => {
      const dom = crel("figure", { className: "inline-image desk-inline-image" })
      const render = (current) => {
        const { src, alt, caption, credit } = current.attrs
        const parts = [crel("img", { src, alt: alt || "" })]
        const text = [caption, credit].filter(Boolean).join(" — ")
        parts.push(crel("figcaption", { textContent: text || gettext("(no caption or credit)") }))
        if (!alt) parts.push(crel("p", { className: "desk-warning", textContent: gettext("No alt text yet.") }))
        dom.replaceChildren(...parts)
      }
      render(node)
      dom.addEventListener("dblclick", () => {
        editor.chain().setNodeSelection(getPos()).editLibraryImage().run()
      })
      return {
        dom,
        update(updated) {
          if (updated.type.name !== "libraryImage") return false
          render(updated)
          return true
        },
      }
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "libraryImage",
      groups: "desk",
      command: (editor) => editor.commands.editLibraryImage(),
      button: textButton(buttons, gettext("Image"), gettext("An image from the media library, with its credit")),
      active: (editor) => editor.isActive(this.name),
    })
  },
})

// --- Notes ------------------------------------------------------------------------------

const noteDialog = (editor, text) =>
  updateAttrsDialog(
    {
      text: {
        type: "string",
        format: "textarea",
        title: gettext("Note"),
        description: gettext(
          "The source or remark, as readers will see it under “Notes”. Web addresses become links. Leave empty to remove the note.",
        ),
      },
    },
    { title: gettext("Note"), submitText: gettext("Save note") },
  )(editor, { text })

// A note (footnote) where the editor cites: <sup data-note="text"></sup>. The editor numbers the
// markers with a CSS counter; the public page numbers them, links them both ways and lists
// them under "Notes" (cms/richtext/rendering.py).
export const Note = Node.create({
  name: "note",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  priority: 200,

  addAttributes() {
    return {
      text: {
        default: "",
        rendered: false,
        parseHTML: (element) => element.getAttribute("data-note") || "",
      },
    }
  },

  parseHTML() {
    return [{ tag: "sup[data-note]", priority: 200 }]
  },

  renderHTML({ node }) {
    return ["sup", { "data-note": node.attrs.text }]
  },

  addNodeView() {
    return ({ node, editor, getPos }) => {
      const dom = crel("sup", { className: "desk-note", title: node.attrs.text })
      dom.setAttribute("data-note", node.attrs.text)
      dom.setAttribute("role", "button")
      dom.setAttribute("aria-label", `${gettext("Note")}: ${node.attrs.text}`)
      dom.addEventListener("dblclick", () => {
        editor.chain().setNodeSelection(getPos()).editNote().run()
      })
      return {
        dom,
        update(updated) {
          if (updated.type.name !== "note") return false
          dom.title = updated.attrs.text
          dom.setAttribute("data-note", updated.attrs.text)
          dom.setAttribute("aria-label", `${gettext("Note")}: ${updated.attrs.text}`)
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      editNote:
        () =>
        ({ editor, state }) => {
          const selected = state.selection.node?.type.name === this.name ? state.selection : null
          noteDialog(editor, selected?.node.attrs.text || "").then((result) => {
            if (!result) return
            const text = result.text.replace(/\s+/g, " ").trim()
            const chain = editor.chain().focus()
            if (selected && !text) {
              chain.setNodeSelection(selected.from).deleteSelection().run()
            } else if (selected) {
              chain.setNodeSelection(selected.from).updateAttributes(this.name, { text }).run()
            } else if (text) {
              // After the cited words, even when some of them are selected.
              chain
                .setTextSelection(state.selection.to)
                .insertContent({ type: this.name, attrs: { text } })
                .run()
            }
          })
          return true
        },
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "note",
      groups: "desk",
      command: (editor) => editor.commands.editNote(),
      button: textButton(buttons, gettext("Note"), gettext("A numbered source or remark, listed at the end")),
      active: (editor) => editor.isActive(this.name),
    })
  },
})

// --- Paste ------------------------------------------------------------------------------

// HTML pasted from Word, Google Docs or a web page goes through the server's cleaner
// (cms/richtext/paste.py), which keeps headings, lists, links, bold and italic and drops the rest;
// the cleaned HTML is then pasted as usual. Copying within the editor is left alone.
export const DeskPaste = Extension.create({
  name: "deskPaste",

  addOptions() {
    return { url: null }
  },

  addProseMirrorPlugins() {
    const { url } = this.options
    return [
      new Plugin({
        props: {
          // A DOM handler, so that it runs before ProseMirror parses the clipboard itself: that
          // parse would apply the pasted inline styles and handlers, which the CSP reports.
          handleDOMEvents: {
            paste(view, event) {
              const data = event.clipboardData
              const html = data?.getData("text/html")
              if (!url || !html || html.includes("data-pm-slice")) return false
              const text = data.getData("text/plain")
              event.preventDefault()
              view.dom.setAttribute("aria-busy", "true")
              fetch(url, {
                method: "POST",
                credentials: "same-origin",
                headers: {
                  "Content-Type": "application/json",
                  Accept: "application/json",
                  "X-CSRFToken": csrfToken(view.dom),
                },
                body: JSON.stringify({ html }),
              })
                .then((response) => (response.ok ? response.json() : Promise.reject(response)))
                .then((cleaned) => view.pasteHTML(cleaned.html))
                .catch(() => view.pasteText(text))
                .finally(() => view.dom.removeAttribute("aria-busy"))
              return true
            },
          },
        },
      }),
    ]
  },
})

