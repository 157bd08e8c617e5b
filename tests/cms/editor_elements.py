"""Every element the admin's editor makes, in exactly the HTML it makes it.

tests/browser/test_editor_desk.py checks in a real browser that the editor gives back each of
these unchanged; tests/cms/test_editor.py checks that the sanitizer keeps each unchanged. So
what the editor produces is what is stored and what readers get.
"""

ELEMENTS = {
    "paragraph": "<p>Plain text with “quotes”, an ampersand &amp; a less-than sign &lt;.</p>",
    "heading 2": "<h2>Findings</h2>",
    "heading 3": "<h3>Trade</h3>",
    "heading 4": "<h4>Rail</h4>",
    "bold and italic": "<p><strong>Bold</strong>, <em>italic</em> and <strong><em>both</em></strong>.</p>",
    "web link": '<p>See <a href="https://carnegieendowment.org/research" rel="noopener noreferrer">the report</a>.</p>',
    "link with a title": (
        '<p><a href="https://www.worldbank.org/en/topic/transport" title="World Bank" rel="noopener noreferrer">'
        "transport</a></p>"
    ),
    "mail link": '<p><a href="mailto:press@example.org" rel="noopener noreferrer">Press office</a></p>',
    "site link": '<p><a href="/experts/yuri-baker/" rel="noopener noreferrer">Yuri Baker</a></p>',
    "bulleted list": (
        "<ul><li><p>New rail ferries</p></li><li><p>Customs</p><ul><li><p>At Aktau</p></li></ul></li></ul>"
    ),
    "numbered list": '<ol data-type="decimal"><li><p>Sign the protocol</p></li><li><p>Open the posts</p></li></ol>',
    "numbered list from 3": '<ol data-type="decimal" start="3"><li><p>Third</p></li></ol>',
    "lettered list": '<ol data-type="lower-alpha" type="a"><li><p>First</p></li></ol>',
    "block quote": "<blockquote><p>We will not be the last to know.</p></blockquote>",
    "pull quote": '<aside class="pull-quote"><p>The corridor is a bet on geography.</p></aside>',
    "table": (
        "<table><tbody><tr><th><p>Year</p></th><th><p>Freight</p></th></tr>"
        "<tr><td><p>2021</p></td><td><p>0.8 Mt</p></td></tr></tbody></table>"
    ),
    "table with merged cells": (
        '<table><tbody><tr><th rowspan="2"><p>Route</p></th><th colspan="2"><p>Freight, Mt</p></th></tr>'
        "<tr><th><p>2021</p></th><th><p>2024</p></th></tr>"
        '<tr><td rowspan="2"><p>Caspian</p></td><td><p>0.8</p></td><td><p>2.7</p></td></tr>'
        "<tr><td><p>0.9</p></td><td><p>3.1</p></td></tr>"
        '<tr><td colspan="3"><p>Source: World Bank</p></td></tr></tbody></table>'
    ),
    "library image": (
        '<figure class="inline-image" data-image="7"><img src="/media/images/ibar.jpg" alt="The bridge over the Ibar at dusk"'
        ' width="640" height="360"><figcaption>Mitrovica, 2024 <small>Photo: Ana Petrović</small></figcaption></figure>'
    ),
    "library image without caption": (
        '<figure class="inline-image" data-image="8"><img src="/media/images/port.jpg" alt="Aktau port"'
        ' width="800" height="600"><figcaption><small>Photo: Reuters</small></figcaption></figure>'
    ),
    "note": (
        '<p>Freight tripled.<sup data-note="World Bank, Middle Corridor, 2023, p. 14. '
        'https://www.worldbank.org/en/topic/transport"></sup> Then it slowed.</p>'
    ),
    "line break": "<p>Carnegie Europe<br>Rue du Congrès 15</p>",
}

# Profiles: bios, descriptions and disclaimers get only the text elements.
BASIC_ELEMENTS = [
    "paragraph",
    "heading 2",
    "heading 3",
    "heading 4",
    "bold and italic",
    "web link",
    "link with a title",
    "mail link",
    "site link",
    "bulleted list",
    "numbered list",
    "numbered list from 3",
    "lettered list",
    "block quote",
    "line break",
]
