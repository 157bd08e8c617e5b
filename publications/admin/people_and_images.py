"""People and images on desks: subclasses of people's and the platform's admins.

Registered here because whether a person or an image is on the public site, and on whose desk,
takes the pieces that name or show them (publications/scope.py).
"""

from django.contrib import admin

from cms.media.admin import ImageAdmin
from cms.media.models import Image
from people.admin import PersonAdmin
from people.models import Person
from publications.scope import image_change_refusal, is_manager, person_change_refusal


@admin.register(Person)
class PersonOnDeskAdmin(PersonAdmin):
    """People on desks: registered here, like CollectionAdmin, because it takes the pieces that
    name a person to know whether they are on the public site and on whose desk (scope.py).

    Everyone on the staff reads every person and may name them in a byline; a person who is
    public is changed by managers only, and one affiliated with another center by its desk.
    """

    def change_refusal(self, request, obj):
        return person_change_refusal(request.user, obj)

    def may_make_public(self, request):
        return is_manager(request.user)


@admin.register(Image)
class ImageOnDeskAdmin(ImageAdmin):
    """Images on desks: registered here, like PersonOnDeskAdmin, because it takes the pieces and
    people that show an image to know whether it is on the public site and on whose desk."""

    def change_refusal(self, request, obj):
        # Replacing the file of an image a live page shows changes that page at once.
        return image_change_refusal(request.user, obj)
