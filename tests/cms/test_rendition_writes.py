"""Reads never render and templates never write (issue 14, step 5): when renditions are made.

An upload, a replaced file or a moved focal point queues `cms/media/tasks.py:make_image_renditions`
with the save; until the worker runs it, pages show the original file. The `make_renditions`
command makes what is missing (or everything again) on demand.
"""

import io
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command, load_command_class
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage

from cms.media.models import Image
from cms.media.renditions import SPECS, find_renditions, missing_specs
from cms.media.tasks import make_image_renditions
from tests.factories import DisclaimerFactory, ImageFactory, PersonFactory, PublicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test gets an empty media directory, so files it finds are files it made."""
    settings.MEDIA_ROOT = tmp_path
    settings.MEDIA_URL = "/media/"
    return tmp_path


def jpeg(width=1200, height=800, colour=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    picture = PILImage.new("RGB", (width, height), colour)
    picture.paste((30, 30, 200), (width // 2, 0, width, height))
    picture.save(buffer, "JPEG")
    return buffer.getvalue()


def stored_files(media_root) -> dict[str, int]:
    """Every file under the media directory, with its modification time."""
    return {
        str(path.relative_to(media_root)): path.stat().st_mtime_ns
        for path in Path(media_root).rglob("*")
        if path.is_file()
    }


def rendition_names(media_root) -> set[str]:
    folder = Path(media_root) / "renditions"
    return {name for name in os.listdir(folder) if not name.startswith(".")} if folder.exists() else set()


def spec_of(name: str) -> str:
    """The spec of a rendition file: `<image>-<version>-<spec>-<width>.<ext>` or `…-<spec>.json`."""
    return name.split("-")[2].removesuffix(".json")


def queued_renditions() -> list[list]:
    return [
        result.args_kwargs["args"]
        for result in DBTaskResult.objects.filter(task_path=make_image_renditions.module_path, status="READY")
    ]


# The worker closes the database connection when it is done: the tests that run it need real transactions.
with_worker = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def upload_through_the_admin(admin_client, **fields) -> Image:
    response = admin_client.post(
        reverse("admin:media_image_add"),
        {
            "title": "Aktau port",
            "alt_text": "Cranes over the port",
            "credit": "Reuters",
            "tags": "",
            "file": SimpleUploadedFile("port.jpg", jpeg(), content_type="image/jpeg"),
            **fields,
        },
    )
    assert response.status_code == 302
    return Image.objects.get(title="Aktau port")


def change_in_the_admin(admin_client, image, **fields):
    data = {"title": image.title, "alt_text": image.alt_text, "credit": image.credit, "tags": "", **fields}
    response = admin_client.post(reverse("admin:media_image_change", args=[image.pk]), data)
    assert response.status_code == 302


# --- The write path: the upload's task ---


@with_worker
def test_an_upload_in_the_admin_queues_the_renditions_and_the_worker_makes_every_spec(admin_client, media_root):
    image = upload_through_the_admin(admin_client)

    assert queued_renditions() == [[image.pk]]
    assert missing_specs(image) == list(SPECS)  # the request itself resized nothing

    run_worker()

    assert missing_specs(image) == []
    assert queued_renditions() == []
    result = DBTaskResult.objects.get(task_path=make_image_renditions.module_path)
    assert result.status == "SUCCESSFUL" and result.return_value == []
    assert {spec_of(name) for name in rendition_names(media_root)} == set(SPECS)


@with_worker
def test_before_the_worker_runs_the_page_shows_the_original_and_afterwards_the_renditions(admin_client, media_root):
    image = upload_through_the_admin(admin_client)
    DisclaimerFactory()
    piece = PublicationFactory(published=True, lead_image=image)
    reader = Client()

    before = reader.get(piece.get_absolute_url()).content.decode()  # now in the page cache

    assert f'<img src="{image.file.url}" srcset="{image.file.url} 1200w"' in before
    assert 'width="1200" height="800"' in before and "renditions/" not in before

    run_worker()
    after = reader.get(piece.get_absolute_url()).content.decode()

    assert '<source type="image/webp"' in after and "-lead-1200.jpg 1200w" in after
    assert f'src="{image.file.url}"' not in after


@with_worker
def test_moving_the_focal_point_in_the_admin_makes_new_crops_and_keeps_the_old_files(admin_client, media_root):
    image = upload_through_the_admin(admin_client)
    run_worker()
    card, lead = find_renditions(image, "card"), find_renditions(image, "lead")
    before = rendition_names(media_root)

    change_in_the_admin(admin_client, image, focal_x="0.1", focal_y="0.5")
    image.refresh_from_db()
    assert queued_renditions() == [[image.pk]]
    run_worker()

    moved = find_renditions(image, "card")
    assert moved.made and moved.src != card.src  # a new version: cached copies of the old URL stay right
    assert find_renditions(image, "lead").src == lead.src  # the lead image is not cropped
    assert before < rendition_names(media_root)  # the old files are still there
    new = rendition_names(media_root) - before
    assert {spec_of(name) for name in new} == {"card", "headshot"}


@with_worker
def test_replacing_the_file_in_the_admin_queues_new_renditions(admin_client):
    image = upload_through_the_admin(admin_client)
    run_worker()
    old = find_renditions(image, "card").src

    change_in_the_admin(
        admin_client, image, file=SimpleUploadedFile("new.jpg", jpeg(colour=(20, 200, 20)), content_type="image/jpeg")
    )
    image.refresh_from_db()
    assert find_renditions(image, "card").made is False  # a new file: its renditions are not made yet
    run_worker()

    assert find_renditions(image, "card").made and find_renditions(image, "card").src != old


@with_worker
def test_editing_only_the_words_queues_nothing(admin_client):
    image = upload_through_the_admin(admin_client)
    run_worker()

    change_in_the_admin(admin_client, image, title="Aktau port at dawn", credit="AP")

    assert queued_renditions() == []


def test_saving_the_model_makes_no_renditions(media_root):
    image = Image.objects.create(title="Saved", file=ContentFile(jpeg(), name="saved.jpg"))
    image.focal_x, image.focal_y = 0.2, 0.2
    image.save()

    assert rendition_names(media_root) == set()
    assert queued_renditions() == []


def test_the_task_reports_a_broken_file_without_failing_and_skips_a_deleted_image(media_root):
    image = ImageFactory(file=ContentFile(jpeg(), name="gone.jpg"), renditions=False)
    os.remove(media_root / image.file.name)

    assert make_image_renditions.call(image.pk) == ["the file is missing from the media storage"]
    assert make_image_renditions.call(image.pk + 1000) == []


# --- The read path: lookup only, the original until the renditions exist ---


def test_a_page_whose_images_have_no_renditions_writes_nothing_and_shows_the_originals(client, media_root):
    DisclaimerFactory()
    lead = ImageFactory(file=ContentFile(jpeg(), name="lead.jpg"), renditions=False)
    body_image = ImageFactory(file=ContentFile(jpeg(1600, 900), name="inline.jpg"), renditions=False)
    author = PersonFactory(headshot=ImageFactory(file=ContentFile(jpeg(400, 400), name="face.jpg"), renditions=False))
    stored_tag = f'<img src="{body_image.file.url}" alt="The port" width="1600" height="900">'
    piece = PublicationFactory(
        published=True,
        lead_image=lead,
        authors=[author],
        body=f'<figure class="inline-image" data-image="{body_image.pk}">{stored_tag}</figure>',
    )
    files = stored_files(media_root)

    response = client.get(piece.get_absolute_url())
    expert = client.get(author.get_absolute_url())

    assert response.status_code == 200 and expert.status_code == 200
    assert stored_files(media_root) == files  # not one file written, not one rewritten
    html = response.content.decode()
    assert "renditions/" not in html and "renditions/" not in expert.content.decode()
    assert f'<img src="{lead.file.url}"' in html
    assert stored_tag in html  # the body keeps the editor's <img> until the renditions exist
    assert f'src="{author.headshot.file.url}"' in expert.content.decode()


def test_an_original_of_unknown_size_gets_no_srcset_and_no_size():
    image = ImageFactory(renditions=False)
    image.width = image.height = None  # a row written before the library stored sizes

    html = render_to_string("components/images.html#picture", {"image": image, "spec": "card", "alt": "A delegate"})

    assert f'<img src="{image.file.url}" alt="A delegate" loading="lazy" decoding="async">' in html
    assert "srcset" not in html and "<source" not in html


def test_looking_up_renditions_never_queries(django_assert_num_queries):
    made, missing = ImageFactory(), ImageFactory(renditions=False)

    with django_assert_num_queries(0):
        assert find_renditions(made, "card").made and not find_renditions(missing, "card").made


# --- On demand: manage.py make_renditions ---


def run_command(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("make_renditions", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_command_makes_only_what_is_missing_by_default(media_root):
    done = ImageFactory()
    todo = [ImageFactory(renditions=False) for _ in range(2)]
    files = stored_files(media_root)

    out, err = run_command()

    assert "2/2 images" in out and "Made the renditions of 2 of 2 images." in out and err == ""
    assert all(missing_specs(image) == [] for image in [done, *todo])
    remade = {name for name, mtime in stored_files(media_root).items() if files.get(name, mtime) != mtime}
    assert remade == set()  # the done image's files were not touched
    assert run_command("--missing")[0].startswith("Made the renditions of 0 of 0 images.")


def test_the_command_remakes_everything_with_all_or_only_the_images_named(media_root):
    first, second = ImageFactory(), ImageFactory()
    files = stored_files(media_root)

    out, _err = run_command("--all", str(second.pk))
    rewritten = {name for name, mtime in stored_files(media_root).items() if files[name] != mtime}
    assert "1/1 images" in out
    assert rewritten and all(name.startswith(f"renditions/{second.pk}-") for name in rewritten)

    out, _err = run_command("--all")
    assert "2/2 images" in out and missing_specs(first) == []


def test_the_command_names_each_broken_image_and_exits_non_zero(media_root, caplog):
    good = ImageFactory(renditions=False)
    gone = ImageFactory(file=ContentFile(jpeg(), name="gone.jpg"), renditions=False)
    os.remove(media_root / gone.file.name)
    garbled = ImageFactory(file=ContentFile(jpeg(), name="garbled.jpg"), renditions=False)
    (media_root / garbled.file.name).write_bytes(b"not a picture")
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("make_renditions", stdout=out, stderr=err)

    assert failed.value.returncode == 1
    assert err.getvalue().splitlines() == [
        f"{gone.file.name}: the file is missing from the media storage",
        f"{garbled.file.name}: the file is not an image Pillow can read",
    ]
    assert "3/3 images" in out.getvalue() and "Made the renditions of 1 of 3 images." in out.getvalue()
    assert missing_specs(good) == []
    warnings = [record for record in caplog.records if record.levelname == "WARNING"]
    assert len(warnings) == 2 and not any(record.exc_info for record in warnings)  # a line each, no traceback


def test_an_unknown_image_id_is_a_failure_line_not_a_traceback():
    err = StringIO()

    with pytest.raises(CommandError) as failed:
        call_command("make_renditions", "999999", stdout=StringIO(), stderr=err)

    assert failed.value.returncode == 1
    assert err.getvalue() == "999999: there is no image with this id, or it has no file\n"


def test_a_failure_on_the_command_line_prints_no_traceback(media_root, capsys):
    gone = ImageFactory(file=ContentFile(jpeg(), name="gone.jpg"), renditions=False)
    os.remove(media_root / gone.file.name)
    with pytest.raises(SystemExit) as exited:  # run as manage.py runs it
        load_command_class("cms.media", "make_renditions").run_from_argv(["manage.py", "make_renditions"])

    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert f"{gone.file.name}: the file is missing from the media storage" in err and "Traceback" not in err
