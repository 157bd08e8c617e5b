"""A catalogue of XSS payloads from real advisories (Django, Wagtail, Bleach/ammonia, OWASP).

Each one goes into every text field (tests/security/world.py); none may come out as live markup
or an executable URL on any surface (tests/security/checks.py). NUL is left out: PostgreSQL
cannot store it, and NUL in requests is tested on its own (test_web.py).
"""

PAYLOADS = [
    # SECURITY-CASES P: the basic set.
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "'-alert(1)-'",
    "{{7*7}}",
    "]]>",
    "\u202egnp.exe",
    # Elements that run or embed code.
    '<iframe src="javascript:alert(1)"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<template><script>alert(1)</script></template>",
    # Links with executable schemes, disguised.
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href=" &#14;  javascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "javascript:alert(1)",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    '<img srcset="javascript:alert(1) 1x">',
    # Event handlers and inline style.
    '<p onclick="alert(1)">x</p>',
    "<img src=x:alert(1) onerror=eval(src)>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<xss id=x tabindex=1 onfocusin=alert(1)></xss>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    # Attribute breakouts (alt text, credits, meta content).
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    # Breaking out of JSON-LD, comments, CDATA; parser confusion (mXSS).
    "</script><script>alert(1)</script>",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<scr<script>ipt>alert(1)</script>",
    # Control characters XML 1.0 cannot carry (feeds must still parse).
    "\x08\x0b<b>bell</b>\x1f",
]
