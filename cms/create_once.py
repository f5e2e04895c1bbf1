"""One object per create form, however its requests race.

Wagtail's create views autosave a new page or snippet by POSTing the form in the background
(``WAGTAIL_AUTOSAVE_INTERVAL``); only when that answer arrives does the form switch to the new
object's edit URL. Pressing Publish (or Save draft) before then POSTs the create URL a second
time, and a second object is made: the "duplicate draft" of issue 20.

Each create form carries a one-off token (``CreateOnceFormMixin``). The ``before_create_*`` hook
claims the token for the first request (a unique row, ``CreationClaim``); a later request with
the same token waits until the first one has finished, then:

- an explicit Save or Publish after an autosave replaces the autosaved draft: that draft was
  made from the same form moments before, nobody else has seen it, and the explicit request
  carries everything it held and what was typed since. (Sending it to the draft's edit view
  instead would add its inline rows, such as contact points, a second time: the create form
  does not know their ids yet.)
- an autosave is answered as done without saving anything: the object exists, its content
  is at least as new as this snapshot, and the page moves on to the object's edit view, from
  where later autosaves update it.

If the first request fails validation its claim is released and the next request creates the
object itself.
"""

import time
import uuid
from datetime import timedelta

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.utils import timezone
from wagtail.admin.admin_url_finder import AdminURLFinder

from .models import CreationClaim

TOKEN_FIELD = "roadcase_creation_token"
WAIT_SECONDS = 10
POLL_SECONDS = 0.05
CLAIMS_KEPT = timedelta(days=1)


class CreateOnceFormMixin:
    """Adds the create form's one-off token (a hidden field; an edit form has none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields[TOKEN_FIELD] = forms.CharField(
                widget=forms.HiddenInput, required=False, initial=uuid.uuid4().hex
            )

    def is_valid(self):
        valid = super().is_valid()
        if not valid and self.instance.pk is None:
            claim_release(self.data.get(TOKEN_FIELD))
        return valid


def _token(request):
    if request.method != "POST":
        return None
    token = request.POST.get(TOKEN_FIELD, "")
    return token if 8 <= len(token) <= 64 else None


def _is_autosave(request):
    # As Wagtail's create and edit views tell an autosave from a submitted form.
    return not request.accepts("text/html")


def _claim(token, model, by_autosave):
    """(claim, True) for the request that now owns ``token``; (claim, False) otherwise."""
    try:
        with transaction.atomic():
            claim = CreationClaim.objects.create(
                token=token,
                content_type=ContentType.objects.get_for_model(model),
                by_autosave=by_autosave,
            )
    except IntegrityError:
        return CreationClaim.objects.filter(token=token).first(), False
    CreationClaim.objects.filter(created_at__lt=timezone.now() - CLAIMS_KEPT).delete()
    return claim, True


def claim_release(token):
    """The request holding ``token`` created nothing: let the next one try."""
    if token:
        CreationClaim.objects.filter(token=token, object_id="").delete()


def before_create(request, model):
    token = _token(request)
    if token is None:
        return None
    by_autosave = _is_autosave(request)
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        claim, owned = _claim(token, model, by_autosave)
        if owned:
            return None
        if claim is not None and claim.object_id:
            return _to_existing(request, claim)
        if claim is not None and time.monotonic() > deadline:
            # The first request never finished (it crashed): this one creates the object.
            CreationClaim.objects.filter(pk=claim.pk).update(by_autosave=by_autosave)
            return None
        time.sleep(POLL_SECONDS)


def _to_existing(request, claim):
    instance = claim.content_type.get_object_for_this_type(pk=claim.object_id)
    if not _is_autosave(request) and claim.by_autosave:
        with transaction.atomic():
            instance.delete()
            CreationClaim.objects.filter(pk=claim.pk).update(object_id="", by_autosave=False)
        return None
    edit_url = AdminURLFinder(request.user).get_edit_url(instance)
    if _is_autosave(request):
        return JsonResponse(
            {
                "success": True,
                "pk": instance.pk,
                "url": edit_url,
                "hydrate_url": f"{edit_url}?_w_hydrate_create_view=1",
            }
        )
    # An explicit save after another explicit save (a double click): show what was saved.
    return HttpResponseRedirect(edit_url)


def after_create(request, instance):
    token = _token(request)
    if token is not None:
        CreationClaim.objects.filter(token=token, object_id="").update(object_id=str(instance.pk))
