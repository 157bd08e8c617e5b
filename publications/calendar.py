"""The publishing calendar of the admin's schedule screen: scheduled go-lives and expiries by day.

Staff only: it includes pending changes of live pieces, so it is never a public read.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from publications.models import Publication, Status
from publications.scope import on_desks


@dataclass(frozen=True)
class ScheduledEvent:
    time: datetime.datetime  # local time
    kind: str  # "Goes live" or "Expires"
    publication: Publication


@dataclass(frozen=True)
class CalendarDay:
    date: datetime.date
    events: list[ScheduledEvent]
    is_today: bool


def publishing_calendar(
    *, weeks: int, center_slug: str = "", center_ids: frozenset[int] | None = None
) -> list[list[CalendarDay]]:
    """Return `weeks` calendar weeks (Monday first, from this week) of scheduled go-lives and expiries.

    For staff: pending changes of live pieces are included. Optionally one primary center only,
    and only the pieces of `center_ids` (a center's staff; None: every center). Budget: 2 queries.
    """
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=today.weekday())
    start = timezone.now()
    end = timezone.make_aware(datetime.datetime.combine(first_day + datetime.timedelta(weeks=weeks), datetime.time()))
    pieces = Publication.objects.filter(status=Status.PUBLISHED).select_related("primary_center", "publication_type")
    if center_slug:
        pieces = pieces.filter(primary_center__slug=center_slug)
    if center_ids is not None:
        pieces = pieces.filter(on_desks(center_ids))
    events = [
        ScheduledEvent(timezone.localtime(p.go_live_at), "Goes live", p)
        for p in pieces.filter(go_live_at__gt=start, go_live_at__lt=end).defer("body")
    ] + [
        ScheduledEvent(timezone.localtime(p.expire_at), "Expires", p)
        for p in pieces.filter(expire_at__gt=start, expire_at__lt=end).defer("body")
    ]
    by_day: dict[datetime.date, list[ScheduledEvent]] = {}
    for event in sorted(events, key=lambda e: (e.time, e.publication.pk)):
        by_day.setdefault(event.time.date(), []).append(event)
    return [
        [
            CalendarDay(date=day, events=by_day.get(day, []), is_today=day == today)
            for day in (first_day + datetime.timedelta(days=7 * week + offset) for offset in range(7))
        ]
        for week in range(weeks)
    ]
