"""Background work of the media library, run by the task worker (`manage.py db_worker`)."""

from django.tasks import task


@task
def make_image_renditions(image_id: int) -> list[str]:
    """Make an uploaded, replaced or re-focused image's renditions; return why any failed.

    Queued by the admin in the save's transaction (the queue is a table of the same database), so
    it runs only once the image is committed. Until it has run, pages show the original file
    (cms/media/renditions.py:find_renditions); then the pages showing the image are purged, so a page
    cached meanwhile with the original is rendered again with the renditions. A broken file is
    not retried: the failures are logged and returned, and `make_renditions` reports them too.
    """
    from cms.media.models import Image
    from cms.media.renditions import make_renditions
    from cms.pagecache.cache import model_tag, purge, row_tag

    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return []  # deleted before the worker reached it
    failures = make_renditions(image)
    purge(row_tag(Image, image.pk), model_tag(Image))  # as a save of the image would
    return failures
