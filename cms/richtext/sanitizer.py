"""One allow-list for every rich-text field: what editors may store is what readers may see.

The allow-list is derived from the admin's editor (cms/richtext/editor.py): each profile's editor
extensions declare the HTML they produce, and the sanitizer lets through exactly that, so
everything the editor makes survives a save unchanged and nothing else does.

Sanitizing happens when a value is saved (admin, importer, demo content, bulk inserts), so
stored HTML is always safe to render and no template needs to clean it again.
"""

import html
import re

import nh3
from django.core.exceptions import ValidationError
from django.db import models

from cms.richtext.editor import FULL, LINK_REL, URL_SCHEMES, allowlist


def sanitize_html(value: str, *, profile: str = FULL) -> str:
    """Return `value` with every tag, attribute, class and URL outside `profile`'s editor removed."""
    if not value:
        return ""
    rules = allowlist(profile)
    return nh3.clean(
        value.replace("\x00", ""),
        tags=rules["tags"],
        attributes=rules["attributes"],
        allowed_classes=rules.get("allowed_classes"),
        url_schemes=rules["url_schemes"],
        link_rel=LINK_REL,
        attribute_filter=_attribute_filter,
        strip_comments=True,
    ).strip()


# What a browser does to an address before it resolves it (WHATWG URL): drops tabs and newlines
# anywhere, C0 controls and spaces at either end, and reads "\" as "/" in web and relative
# addresses. So "/\evil.example", "/<tab>/evil.example" and " //evil.example" all mean
# "//evil.example": another site, though they look like a page of ours.
_TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_WEB_SCHEMES = ("http", "https")


def explicit_url(value: str) -> str | None:
    """Return `value` as the address a browser would go to, written so that readers see where.

    An address that leaves the site while looking relative ("//evil.example/x",
    "/\\evil.example/x", tabs or backslashes in "https:/\\evil.example") becomes
    "https://evil.example/x"; other addresses are only cleaned of what browsers ignore. Returns
    None for an address whose scheme is not allowed once cleaned.
    """
    url = _TABS_AND_NEWLINES.sub("", value).strip("".join(map(chr, range(0x21))))
    scheme = _SCHEME.match(url)
    scheme_name = scheme.group(1).lower() if scheme else ""
    if scheme and scheme_name not in URL_SCHEMES:
        return None
    if scheme_name and scheme_name not in _WEB_SCHEMES:
        return url  # mailto: backslashes and slashes mean nothing special there
    # Backslashes count as slashes up to the query or fragment only.
    cut = min((at for at in (url.find("?"), url.find("#")) if at != -1), default=len(url))
    head, tail = url[:cut].replace("\\", "/"), url[cut:]
    if scheme_name:
        head = f"{scheme_name}://{head[len(scheme_name) + 1 :].lstrip('/')}"
    elif head.startswith("//"):
        head = f"https://{head.lstrip('/')}"
    return head + tail


# Links stored before explicit_url existed (issue 13) may still look relative while leaving the
# site. A stored value can only do that if it starts with "/" ("//", "/\\", "/<tab>/"), holds a
# backslash or starts with white space, so data migrations read only rows holding one of these.
DISGUISE_MARKERS = ('="/', "\\", '=" ', '="\t', '="\n', '="\r')
# Stored HTML is the sanitizer's output: text escapes "<", attribute values are double-quoted
# with "&" and '"' escaped (a ">" may stay inside one).
_STORED_TAG = re.compile(r'<[A-Za-z][^">]*(?:"[^"]*"[^">]*)*>')
_STORED_LINK = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def explicit_links(stored: str) -> str:
    """Stored (sanitized) HTML with every href and src rewritten as a save writes it now."""

    def link(match: re.Match) -> str:
        address = html.unescape(match[2])
        explicit = explicit_url(address)
        if explicit == address:
            return match[0]
        if explicit is None:
            return ""
        return f"{match[1]}{explicit.replace('&', '&amp;').replace(chr(34), '&quot;')}{match[3]}"

    return _STORED_TAG.sub(lambda tag: _STORED_LINK.sub(link, tag[0]), stored or "")


def make_stored_links_explicit(model, field_names, *, batch_size: int = 500) -> int:
    """Rewrite disguised links in `model`'s stored rich text (for data migrations); returns rows changed.

    Writes bypass RichTextField's sanitizing on purpose: a migration's historical field does
    not know its profile (it is left out of migrations), and the stored value is already clean.
    """
    changed = 0
    for name in field_names:
        candidates = models.Q()
        for marker in DISGUISE_MARKERS:
            candidates |= models.Q(**{f"{name}__contains": marker})
        pks = list(model._base_manager.filter(candidates).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), batch_size):
            rows = model._base_manager.filter(pk__in=pks[start : start + batch_size]).values_list("pk", name)
            for pk, stored in rows.iterator(chunk_size=batch_size):
                rewritten = explicit_links(stored)
                if rewritten != stored:
                    model._base_manager.filter(pk=pk).update(
                        **{name: models.Value(rewritten, output_field=models.TextField())}
                    )
                    changed += 1
    return changed


def _attribute_filter(element: str, attribute: str, value: str) -> str | None:
    # nh3 calls this after its scheme check, so explicit_url checks the scheme again.
    if attribute in {"href", "src"}:
        return explicit_url(value)
    return value


# Deeper than any editor's markup (a list in a list in a quote in a table cell is ~10 levels),
# and shallow enough that nh3's parser stays linear: it slows by the square of the depth of
# open elements (40,000 nested <div>s, 200 KB, took 11 s; see bench/writing_aids.py).
MAX_HTML_NESTING = 200

# The guard reads markup the way the HTML tokenizer does (what nh3's html5ever does), because any
# difference is a way past it: a "/" that the parser ignores, a "</div>" the parser sees as text
# inside a comment or an attribute, a closing tag the parser drops. Where it cannot tell what the
# parser does it counts an element as open: refusing a strange body is cheap, parsing one is not.
_SPACE = "\t\n\f\r "
_ATTRIBUTE = (
    rf"[^{_SPACE}/>][^{_SPACE}/>=]*+"
    # After "=" a value always follows (an unclosed quote runs to the end of the text).
    rf"(?:[{_SPACE}]*+=[{_SPACE}]*+(?>\"[^\"]*+\"|'[^']*+'|[^{_SPACE}>\"'][^{_SPACE}>]*+|(?=>))|(?![{_SPACE}]*+=))"
)
# One token of markup per match, in the tokenizer's terms.
_TOKEN = re.compile(
    r"<(?:"
    r"(?P<comment>!--(?>>|->|(?s:.*?)--!?>|(?s:.*)))"
    r"|(?P<cdata>!\[CDATA\[)"
    r"|(?P<bogus>[!?]|/(?![A-Za-z]))[^>]*+>?"
    rf"|(?P<closing>/?)(?P<name>[A-Za-z][^{_SPACE}/>]*+)(?>[{_SPACE}]++|/(?!>)|(?>{_ATTRIBUTE}))*+(?P<self_closing>/?)>"
    r"|(?P<unfinished>/?[A-Za-z])"
    r")"
)
# The only elements whose "/>" the parser honours in HTML content (svg and math close at once
# when written "<svg/>"). Inside svg or math every element may self-close, but telling where
# foreign content ends takes the whole tree builder, so there a "<path/>" counts as open.
_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr keygen param basefont bgsound frame".split()
)
_SELF_CLOSING = _VOID | {"svg", "math"}
# Elements whose next sibling closes them: an unclosed <p> or <li> from a pasted document does
# not nest (each nests at most once inside the counted elements around it). Not <rb>, <rt> or
# <optgroup>: outside <ruby> or <select> the parser nests them (<rt>×20,000 took 7 s).
_FLAT = frozenset("p li dt dd tr td th option thead tbody tfoot colgroup caption".split())
# The HTML parser's "special" elements: a closing tag of another element is ignored when one of
# these is open inside it, so the guard does not close past them either.
_SPECIAL = frozenset(
    "address applet area article aside base basefont bgsound blockquote body br button caption center col "
    "colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 "
    "h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav "
    "noembed noframes noscript object ol p param plaintext pre script search section select source style "
    "summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp "
    "mi mo mn ms mtext annotation-xml foreignobject desc".split()
)
# Formatting elements the parser reopens after a closing tag that skipped them, so they stay counted.
_FORMATTING = frozenset("a b big code em font i nobr s small strike strong tt u".split())
# Elements whose content is text up to their own closing tag (in HTML content; in svg or math
# they hold markup, and in a <select> the parser may ignore them, which is why the guard refuses
# them there unless their content has no "<").
_RAW_TEXT = frozenset("style xmp iframe noembed noframes textarea title script".split())


def _raw_text_end(value: str, name: str, start: int) -> int:
    """Where the text content of raw-text element `name` opened before `start` ends (len at EOF)."""
    end_tag = re.compile(rf"</{name}[{_SPACE}/>]", re.IGNORECASE)
    if name != "script":
        found = end_tag.search(value, start)
        return found.start() if found else len(value)
    # Script data has the parser's "escaped" states: inside "<!--", a "<script>" hides the next
    # "</script>" (WHATWG HTML, script data escaped and double escaped states).
    marker = re.compile(rf"<!--|-->|</script[{_SPACE}/>]|<script[{_SPACE}/>]", re.IGNORECASE)
    state, at = "data", start
    while found := marker.search(value, at):
        token = found.group().lower()
        at = found.end()
        if token == "<!--":
            if state == "data":
                state, at = "escaped", found.start() + 2  # "<!-->" ends where it starts
        elif token == "-->":
            if state != "data":
                state = "data"
        elif token.startswith("</"):
            if state == "double":
                state = "escaped"
            else:
                return found.start()
        elif state == "escaped":
            state = "double"
    return len(value)


def too_deeply_nested(value: str, *, limit: int = MAX_HTML_NESTING) -> bool:
    """Whether `value`'s elements may nest deeper than `limit`: one linear pass, no tree.

    Errs towards "too deep" wherever the parser's reading is not certain.
    """
    value = (value or "").replace("\x00", "")  # as sanitize_html does before parsing
    open_elements: list[str] = []
    at = 0
    while token := _TOKEN.search(value, at):
        at = token.end()
        name = token["name"]
        if name is None:
            if token["unfinished"] or (token["comment"] and not token["comment"].endswith(">")):
                return False  # an unfinished tag or comment takes the rest of the text with it
            if token["cdata"]:
                end = value.find(">", token.end())
                # In svg or math a CDATA section ends at "]]>", in HTML at the first ">".
                if end != -1 and _in_foreign(open_elements) and value.find("]]>", token.end()) != end - 2:
                    return True
                at = end + 1 if end != -1 else len(value)
            continue  # a comment, a doctype or a bogus comment
        name = name.lower()
        if token["closing"]:
            _close(open_elements, name)
        elif name in _VOID or name in _FLAT or (token["self_closing"] and name in _SELF_CLOSING):
            continue
        elif name in _RAW_TEXT:
            at = _raw_text_end(value, name, token.end())
            if _in_foreign(open_elements) and "<" in value[token.end() : at]:
                return True
        elif name == "plaintext":
            return _in_foreign(open_elements)  # the rest is text, unless the parser ignores the tag
        else:
            open_elements.append(name)
            if len(open_elements) > limit:
                return True
    return False


def _in_foreign(open_elements: list[str]) -> bool:
    """Whether the parser may be reading foreign content (svg, math) or a select's, where raw text differs."""
    return "svg" in open_elements or "math" in open_elements or "select" in open_elements


def _close(open_elements: list[str], name: str) -> None:
    """Close `name` as the parser would, or less: never past a special element."""
    for index in range(len(open_elements) - 1, -1, -1):
        if open_elements[index] == name:
            reopened = [element for element in open_elements[index + 1 :] if element in _FORMATTING]
            del open_elements[index:]
            open_elements.extend(reopened)
            return
        if open_elements[index] in _SPECIAL:
            return


NESTED_TOO_DEEPLY = (
    f"This text nests too deeply to clean (elements more than {MAX_HTML_NESTING} levels inside each other). "
    "Nothing was saved: remove the nesting, or paste the text as plain text."
)


def validate_nesting(value: str) -> None:
    """Refuse HTML the sanitizer would take minutes over, before it is sanitized."""
    if too_deeply_nested(value):
        raise ValidationError(NESTED_TOO_DEEPLY, code="nested_too_deeply")


def paragraphs_to_html(text: str) -> str:
    """Turn plain text with one paragraph per line into escaped `<p>` paragraphs."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)
