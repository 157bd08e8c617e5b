/* Names for the parts of the admin's multiple-choice autocompletes that select2 leaves unnamed.
 *
 * Django's admin ships select2 4.0.13. In a box that takes several values (centers, topics,
 * regions…) it renders the search field without a label and puts its "remove all" cross
 * inside the list of chosen values, so a screen reader meets an unnamed text field and a list
 * holding a stray element (axe: label, list). This names the search field after the form
 * field's own label and keeps the cross beside the list instead of in it. It watches the page,
 * because select2 redraws both whenever a value is added or removed and inline rows add boxes.
 */
"use strict";
{
    function fieldName(container) {
        const select = container.previousElementSibling;
        if (!select || select.tagName !== "SELECT") {
            return "";
        }
        const label = select.labels && select.labels[0];
        return label ? label.textContent.replace(/:\s*$/, "").trim() : select.getAttribute("aria-label") || "";
    }

    function repair() {
        document.querySelectorAll(".select2-container .select2-selection--multiple").forEach((selection) => {
            const search = selection.querySelector(".select2-search__field");
            if (search && !search.hasAttribute("aria-label")) {
                const name = fieldName(selection.closest(".select2-container"));
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
