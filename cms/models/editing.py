"""What the admin's editing screens keep between requests: which object a create form made.

Wagtail autosaves a new object by POSTing its create form in the background; until that answer
arrives the form still points at the create URL, so pressing Publish meanwhile created a second
object (issue 20). A ``CreationClaim`` ties a create form's one-off token to the object its
first successful request made; ``cms.create_once`` sends later requests with that token to the
object instead of creating another.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class CreationClaim(models.Model):
    token = models.CharField(max_length=64, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    # Empty while the first request is still creating the object.
    object_id = models.CharField(max_length=64, blank=True)
    # Made by an autosave (its content may be older than a later explicit save or publish).
    by_autosave = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"{self.content_type} {self.object_id or '(being created)'}"
