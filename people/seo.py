"""Structured data (schema.org JSON-LD) for profile pages, built from loaded objects only."""

from people.models import Person
from people.queries import safe_links


def person_structured_data(person: Person, *, canonical_url: str, absolute) -> dict:
    """Return the schema.org Person for a profile; `absolute` turns a path into a full URL. No query.

    Expects affiliations with their centers, topics and links loaded (see people.queries.public_person).
    Alumni name their centers as `alumniOf`, not `worksFor`, and carry no current job title.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": canonical_url,
        "mainEntityOfPage": canonical_url,
    }
    affiliations = list(person.affiliations.all())
    if affiliations and person.is_current:
        data["jobTitle"] = affiliations[0].title_line
    centers = list({row.center.pk: row.center for row in affiliations if row.center}.values())
    if centers:
        data["alumniOf" if not person.is_current else "worksFor"] = [
            {"@type": "Organization", "name": center.name, "url": absolute(center.get_absolute_url())}
            for center in centers
        ]
    if person.short_bio:
        data["description"] = person.short_bio
    if person.headshot and person.headshot.file:
        data["image"] = absolute(person.headshot.file.url)
    topics = [topic.name for topic in person.topics.all()]
    if topics:
        data["knowsAbout"] = topics
    if person.language_list:
        data["knowsLanguage"] = person.language_list
    same_as = [link.url for link in safe_links(person)]
    if same_as:
        data["sameAs"] = same_as
    return data
