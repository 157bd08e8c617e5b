from django.http import Http404


# Placeholders being replaced in this change; each raises 404 until its page is built.
def center_index(request):
    raise Http404


def center_detail(request, slug):
    raise Http404


def topic_index(request):
    raise Http404


def topic_detail(request, slug):
    raise Http404


def region_index(request):
    raise Http404


def region_detail(request, slug):
    raise Http404


def program_detail(request, slug):
    raise Http404


def project_detail(request, slug):
    raise Http404


def collection_detail(request, slug):
    raise Http404


def newsletter_detail(request, slug):
    raise Http404
