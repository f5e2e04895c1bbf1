"""Caching: ETag and Last-Modified with 304s, Cache-Control, a server-side response cache, and
its purge when content is published, unpublished or deleted (every response, every locale).
"""

import gzip

import time_machine
from django.utils.http import http_date

from tests.api.factories import make_guide, translate
from tests.factories import make_resource, make_topic


def test_responses_carry_validators_and_cache_control(api):
    make_resource()
    response = api.get("/api/v1/resources/")
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=60" in cache_control
    assert "stale-while-revalidate=300" in cache_control


def test_matching_etag_is_a_304_without_a_body(api):
    make_resource()
    first = api.get("/api/v1/topics/")
    again = api.get("/api/v1/topics/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    other = api.get("/api/v1/topics/", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_if_modified_since_is_a_304_until_content_changes(api):
    first = api.get("/api/v1/topics/")
    since = first["Last-Modified"]
    assert api.get("/api/v1/topics/", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    past = http_date(0)
    assert api.get("/api/v1/topics/", HTTP_IF_MODIFIED_SINCE=past).status_code == 200


def test_a_repeated_request_is_served_from_the_cache_without_a_query(
    api, django_assert_num_queries
):
    make_resource()
    make_topic()
    first = api.get("/api/v1/resources/?locale=ar&topic=anxiety&country=gb")
    assert first.status_code == 200
    with django_assert_num_queries(0):  # no validation query, no content query
        cached = api.get("/api/v1/resources/?country=gb&locale=ar&topic=anxiety")
    assert cached.status_code == 200 and cached.content == first.content


def test_the_cache_keeps_locales_and_partner_defaults_apart(api):
    make_resource(name="Samaritans")
    spanish = api.get("/api/v1/widget/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")
    assert spanish.json()["locale"] == "es"
    assert api.get("/api/v1/widget/", HTTP_ACCEPT_LANGUAGE="de").json()["locale"] == "de"
    assert api.get("/api/v1/widget/").json()["locale"] == "en"
    assert api.get("/api/v1/widget/?locale=ar").json()["locale"] == "ar"


def test_bad_parameters_are_refused_even_after_good_ones_were_cached(api):
    assert api.get("/api/v1/resources/?country=GB").status_code == 200
    response = api.get("/api/v1/resources/?country=XX")
    assert response.status_code == 400 and "country" in response.json()["errors"]
    assert api.get("/api/v1/resources/?country=XX").status_code == 400


# The clock stands still, so "open now" responses stay in one cache slot: only a purge can
# make them change.
@time_machine.travel("2026-03-11 12:00:00+00:00", tick=False)
def test_publishing_purges_cached_detail_and_lists_in_every_locale(
    api, django_capture_on_commit_callbacks
):
    resource = make_resource(name="Samaritans")
    translate(resource, "ar", {"Samaritans": "السامريون"})
    urls = [
        "/api/v1/resources/",
        "/api/v1/resources/?locale=ar",
        f"/api/v1/resources/{resource.pk}/?locale=ar",
        "/api/v1/crisis-lines/?country=GB&locale=fr",
    ]
    etags = {url: api.get(url)["ETag"] for url in urls}

    resource.hours = "Mo-Fr 09:00-17:00"
    with django_capture_on_commit_callbacks(execute=True):
        resource.save_revision().publish()

    for url in urls:
        response = api.get(url, HTTP_IF_NONE_MATCH=etags[url])
        assert response.status_code == 200, url
        assert "Mo-Fr 09:00-17:00" in response.content.decode()


@time_machine.travel("2026-03-11 12:00:00+00:00", tick=False)
def test_unpublishing_and_deleting_purge_the_cache(api):
    live = make_resource(name="Samaritans")
    other = make_resource(name="Shout", contact_points=[("sms", "85258", "GB")])
    assert api.get("/api/v1/resources/").json()["count"] == 2

    live.unpublish()
    assert [r["name"] for r in api.get("/api/v1/resources/").json()["results"]] == ["Shout"]
    assert api.get(f"/api/v1/resources/{live.pk}/").status_code == 404

    other.delete()
    assert api.get("/api/v1/resources/").json()["count"] == 0


def test_editing_a_topic_purges_the_topic_list(api):
    topic = make_topic(name="Grief")
    assert api.get("/api/v1/topics/").json()["results"][0]["name"] == "Grief"
    topic.name = "Grief and loss"
    topic.save()
    assert api.get("/api/v1/topics/").json()["results"][0]["name"] == "Grief and loss"


def test_writes_to_content_the_api_does_not_serve_keep_the_cache(
    api, django_user_model, django_assert_num_queries
):
    first = api.get("/api/v1/topics/")
    django_user_model.objects.create_user("someone", "someone@example.org", "pw")
    with django_assert_num_queries(0):  # still cached
        again = api.get("/api/v1/topics/")
    assert again["ETag"] == first["ETag"]


def test_unknown_parameters_share_one_cache_entry_and_stay_out_of_links(
    api, django_assert_num_queries
):
    for n in range(3):
        make_guide(title=f"Guide {n}", slug=f"guide-{n}")
    first = api.get("/api/v1/guides/?page_size=1&utm_source=mail")
    assert first.json()["next"] == "http://testserver/api/v1/guides/?page=2&page_size=1"
    with django_assert_num_queries(0):
        for n in range(5):
            again = api.get(f"/api/v1/guides/?utm_source={n}&page_size=1&format=x")
            assert again.status_code == 200
            assert again.content == first.content


def test_answers_are_gzipped_for_clients_that_accept_it_and_validate_as_such(api):
    for n in range(8):
        make_resource(name=f"Helpline {n}")
    url = "/api/v1/resources/?country=GB"
    plain = api.get(url)
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    for round_ in ("rendered", "from the cache"):
        gzipped = api.get(url, HTTP_ACCEPT_ENCODING="br, gzip;q=0.9")
        assert gzipped["Content-Encoding"] == "gzip", round_
        assert gzip.decompress(gzipped.content) == plain.content, round_
        assert len(gzipped.content) < len(plain.content) / 2
        assert gzipped["ETag"] == f"W/{plain['ETag']}"
        assert "Accept-Encoding" in gzipped["Vary"]
    again = api.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=gzipped["ETag"])
    assert again.status_code == 304 and again["ETag"] == gzipped["ETag"]
    # A tiny answer is not worth compressing.
    small = api.get("/api/v1/nowhere/", HTTP_ACCEPT_ENCODING="gzip")
    assert small.status_code == 404 and "Content-Encoding" not in small
