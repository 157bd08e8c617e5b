/* Names for the parts of the admin's autocompletes that select2 leaves unnamed.
 *
 * Django's admin ships select2 4.0.13. Its combobox is named after the chosen value only
 * ("Commentary", not "Content type"), and in a box that takes several values (centers,
 * topics, regions…) it renders the search field without a label and puts its "remove all"
 * cross inside the list of chosen values, so a screen reader meets an unnamed text field and
 * a list holding a stray element (axe: label, list). This names each combobox and search field
 * after the form field's own label and keeps the cross beside the list instead of in it. It
 * watches the page, because select2 redraws whenever a value is added or removed and inline
 * rows add boxes.
 */
"use strict";
{
    function fieldSelect(selection) {
        const select = selection.closest(".select2-container").previousElementSibling;
        return select && select.tagName === "SELECT" ? select : null;
    }

    function fieldName(select) {
        const label = select.labels && select.labels[0];
        return label ? label.textContent.replace(/:\s*$/, "").trim() : select.getAttribute("aria-label") || "";
    }

    function labelId(select) {
        const label = select.labels && select.labels[0];
        if (!label) {
            return "";
        }
        label.id = label.id || `${select.id}-label`;
        return label.id;
    }

    function nameCombobox(selection, select) {
        // The field's label, then (for a single choice) the value select2 shows. Inline rows
        // have no <label>: their selects carry an aria-label, which a multiple box copies.
        const id = labelId(select);
        const single = selection.classList.contains("select2-selection--single");
        const rendered = selection.querySelector(".select2-selection__rendered[id]");
        if (id) {
            const ids = single && rendered ? `${id} ${rendered.id}` : id;
            if (selection.getAttribute("aria-labelledby") !== ids) {
                selection.setAttribute("aria-labelledby", ids);
            }
        } else if (!single && !selection.hasAttribute("aria-label") && fieldName(select)) {
            selection.setAttribute("aria-label", fieldName(select));
        }
        // A single box shows its value in a span with role="textbox", named only by the title
        // select2 gives it once a value is chosen: while empty it has no name at all (axe:
        // aria-input-field-name). The field's label names it; its text is its value.
        if (single && rendered && rendered.getAttribute("role") === "textbox") {
            if (id) {
                if (rendered.getAttribute("aria-labelledby") !== id) {
                    rendered.setAttribute("aria-labelledby", id);
                }
            } else if (!rendered.hasAttribute("aria-label") && fieldName(select)) {
                rendered.setAttribute("aria-label", fieldName(select));
            }
        }
    }

    function repair() {
        document.querySelectorAll(".select2-container .select2-selection").forEach((selection) => {
            const select = fieldSelect(selection);
            if (select) {
                nameCombobox(selection, select);
            }
        });
        document.querySelectorAll(".select2-container .select2-selection--multiple").forEach((selection) => {
            const select = fieldSelect(selection);
            const search = selection.querySelector(".select2-search__field");
            if (select && search && !search.hasAttribute("aria-label")) {
                const name = fieldName(select);
                if (name) {
                    search.setAttribute("aria-label", name);
                }
            }
            const list = selection.querySelector(".select2-selection__rendered");
            if (!list) {
                return;
            }
            const fresh = list.querySelector(":scope > .select2-selection__clear");
            // select2 empties the list and draws a new cross on every change: drop the old one.
            const moved = selection.querySelectorAll(":scope > .select2-selection__clear");
            if (fresh || !list.querySelector(".select2-selection__choice")) {
                moved.forEach((cross) => cross.remove());
            }
            if (fresh) {
                list.before(fresh);
            }
        });
    }

    document.addEventListener("DOMContentLoaded", () => {
        repair();
        new MutationObserver(repair).observe(document.body, {childList: true, subtree: true});
    });
}
