"""Hooks for django-axes, which rate-limits admin sign-ins (settings: AXES_*)."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


def client_ip(request) -> str:
    """Return the address a request came from, as far as our own proxies vouch for it.

    X-Forwarded-For is written by the client too, so only the entries our TRUSTED_PROXY_COUNT
    proxies appended are believed; with no proxy, the connection's address is used. Trusting
    the header blindly would let an attacker pick a fresh "address" for every guess.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def lockout_response(request, original_response=None, credentials=None):
    """Answer a locked-out sign-in with 429, a plain explanation and Retry-After.

    The page is the same whether or not the username exists, and says nothing about which
    part of the credentials was wrong.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": "Too many failed sign-ins",
        "minutes": minutes,
    }
    # Rendered at once: django-axes returns this from its middleware, after views have run.
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
