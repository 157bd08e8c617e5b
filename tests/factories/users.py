import io

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from factory.django import DjangoModelFactory


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(user, create, extracted, **kwargs):
        """`UserFactory(role="Editor")` makes a staff member of that group (roles from setup_roles)."""
        if create and extracted:
            if not Group.objects.filter(name=extracted).exists():
                call_command("setup_roles", stdout=io.StringIO())
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(Group.objects.get(name=extracted))


def signed_in(user) -> Client:
    """A test client signed in as `user` (a fresh one, so that tests can sign in several people at once)."""
    client = Client()
    client.force_login(user)
    return client
