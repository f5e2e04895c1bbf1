"""Every validation rule of the content model rejects bad values with its message."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.codes import (
    SHORT_NUMBERS_FILE,
    CodeError,
    country_codes,
    normalize_language,
    normalize_phone,
    parse_phone,
    validate_country,
)
from cms.models import ContactPoint, Partner
from tests.factories import make_event, make_resource

pytestmark = pytest.mark.django_db


def messages(error):
    return {field: " ".join(msgs) for field, msgs in error.value.message_dict.items()}


class TestPhoneNumbers:
    def test_full_numbers_are_stored_as_e164(self):
        assert normalize_phone("020 7946 0000", "GB") == "+442079460000"
        assert normalize_phone("+1 (615) 555-0100", "") == "+16155550100"

    @pytest.mark.parametrize(
        ("typed", "region", "value", "display"),
        [
            ("116 123", "GB", "116123", "116 123"),
            ("116123", "DE", "116123", "116 123"),
            ("988", "US", "988", "988"),
            ("024", "ES", "024", "024"),
            ("3114", "FR", "3114", "3114"),
            ("1737", "NZ", "1737", "1737"),
            ("85258", "GB", "85258", "85258"),
        ],
    )
    def test_valid_short_numbers_are_kept_as_dialled_in_their_country(
        self, typed, region, value, display
    ):
        phone = parse_phone(typed, region)
        assert (phone.value, phone.region, phone.display, phone.href) == (
            value,
            region,
            display,
            f"tel:{value}",
        )

    @pytest.mark.parametrize(
        ("typed", "region", "value", "display"),
        [
            # Valid numbers that cannot be dialled from abroad: tel:+61131114 reaches nobody.
            ("13 11 14", "AU", "131114", "13 11 14"),
            ("+61 13 11 14", "AU", "131114", "13 11 14"),
            ("1800 959 500", "AU", "1800959500", "1800 959 500"),
            ("1800 891 4416", "IN", "18008914416", "1800 891 4416"),
        ],
    )
    def test_national_only_numbers_are_kept_as_dialled_at_home(self, typed, region, value, display):
        phone = parse_phone(typed, region)
        assert (phone.value, phone.region, phone.display) == (value, region, display)
        assert phone.href == f"tel:{value}"

    def test_a_short_number_libphonenumber_does_not_know_needs_two_sources(self, settings):
        # IN 14416 is listed in cms/data/short_numbers.json with two agreeing sources.
        assert parse_phone("14416", "IN").value == "14416"
        # UA 7334 is not: it is rejected like any other unknown short number...
        with pytest.raises(CodeError, match="neither a valid phone number nor a known short"):
            parse_phone("7334", "UA")
        # ...until a hub adds it with its sources.
        settings.ROADCASE = {"EXTRA_SHORT_NUMBERS": ["UA:7334"]}
        assert parse_phone("7334", "UA").value == "7334"

    def test_a_mobile_short_code_is_accepted_only_from_the_list(self, settings):
        with pytest.raises(CodeError, match="not a known short code in CL"):
            parse_phone("*4242", "CL")
        settings.ROADCASE = {"EXTRA_SHORT_NUMBERS": ["CL:*4242"]}
        phone = parse_phone("*4242", "CL")
        assert (phone.value, phone.display, phone.href) == ("*4242", "*4242", "tel:*4242")

    def test_the_shipped_short_numbers_each_have_two_sources(self):
        shipped = json.loads(SHORT_NUMBERS_FILE.read_text(encoding="utf-8"))
        assert shipped
        for entry in shipped:
            assert entry["region"] in country_codes()
            assert entry["number"].removeprefix("*").isdigit(), entry
            assert len({source["url"] for source in entry["sources"]}) >= 2, entry
            assert all(source["read_on"] for source in entry["sources"]), entry

    @pytest.mark.parametrize(
        ("typed", "region", "message"),
        [
            ("+44 20 79", "GB", "too short for a phone number in GB"),
            ("+44 20 7946 00000000", "GB", "too long for a phone number in GB"),
            ("2079", "GB", "neither a valid phone number nor a known short number in GB"),
            ("13 11", "AU", "neither a valid phone number nor a known short number in AU"),
            ("988", "", "choose the country it is dialled in"),
            # libphonenumber would complete this with Jersey's area code: +44 1534 116123.
            ("116 123", "JE", "only a local number in JE"),
        ],
    )
    def test_truncated_or_unknown_numbers_are_rejected_with_the_reason(
        self, typed, region, message
    ):
        with pytest.raises(CodeError, match=message):
            parse_phone(typed, region)

    def test_the_operators_own_grouping_is_kept_for_display(self):
        assert parse_phone("0800 111 0 111", "DE").display == "0800 111 0 111"
        assert parse_phone("0808 164 0123", "GB").display == "0808 164 0123"
        # Typed in international form, it is shown as people in the country write it.
        assert parse_phone("+44 808 164 0123", "GB").display == "0808 164 0123"

    def test_garbage_is_rejected(self):
        with pytest.raises(CodeError, match="is not a phone number"):
            normalize_phone("call us", "GB")

    def test_contact_point_normalises_and_names_the_field(self):
        point = ContactPoint(method="phone", value="0800 068 4141", region="gb")
        point.clean()
        assert (point.value, point.region, point.display) == (
            "+448000684141",
            "GB",
            "0800 068 4141",
        )
        # Saved again as the form shows it (+448000684141), the grouping typed first stays.
        point.clean()
        assert point.display == "0800 068 4141"
        bad = ContactPoint(method="phone", value="12", region="GB")
        with pytest.raises(ValidationError) as error:
            bad.clean()
        assert "value" in messages(error)

    def test_whatsapp_needs_a_full_number(self):
        with pytest.raises(ValidationError, match="full international number"):
            ContactPoint(method="whatsapp", value="988", region="US").clean()

    @pytest.mark.parametrize(
        ("method", "value", "message"),
        [
            ("email", "not-an-address", "Enter an email address"),
            ("chat", "javascript:alert(1)", "web address"),
            ("web", "example.org", "web address"),
        ],
    )
    def test_addresses_are_checked_by_method(self, method, value, message):
        with pytest.raises(ValidationError, match=message):
            ContactPoint(method=method, value=value).clean()

    def test_contact_point_hours_are_checked(self):
        with pytest.raises(ValidationError, match="closes before it opens"):
            ContactPoint(method="web", value="https://example.org", hours="Mo 18:00-09:00").clean()


class TestCodes:
    def test_countries(self):
        assert validate_country("GB") == "GB"
        with pytest.raises(CodeError, match="ISO 3166-1"):
            validate_country("UK")

    @pytest.mark.parametrize(("tag", "normal"), [("pt-br", "pt-BR"), ("ase", "ase"), ("EN", "en")])
    def test_languages_are_normalised(self, tag, normal):
        assert normalize_language(tag) == normal

    @pytest.mark.parametrize("tag", ["english", "xx", "en-ZZ", "e1"])
    def test_unknown_languages_are_rejected(self, tag):
        with pytest.raises(CodeError, match="BCP 47"):
            normalize_language(tag)


class TestResource:
    def test_a_valid_crisis_line_saves_and_publishes(self):
        resource = make_resource()
        assert resource.live
        assert resource.contact_points.get().value == "116123"
        assert resource.revisions.count() == 1

    def test_crisis_line_without_contact_points_is_rejected(self):
        with pytest.raises(ValidationError, match="at least one contact point"):
            make_resource(contact_points=())

    def test_crisis_line_without_hours_is_rejected(self):
        with pytest.raises(ValidationError) as error:
            make_resource(hours="")
        assert "hours" in messages(error)

    def test_crisis_line_may_carry_hours_on_every_contact_point_instead(self):
        resource = make_resource(
            hours="",
            contact_points=(
                ("phone", "116123", "GB", "24/7"),
                ("chat", "https://example.org/chat", "", "Mo-Fr 09:00-17:00"),
            ),
        )
        assert [p.hours for p in resource.contact_points.all()] == ["24/7", "Mo-Fr 09:00-17:00"]
        with pytest.raises(ValidationError):
            make_resource(
                hours="",
                contact_points=(("phone", "116123", "GB", "24/7"), ("email", "a@b.org", "", "")),
            )

    def test_inverted_hours_are_rejected(self):
        with pytest.raises(ValidationError) as error:
            make_resource(hours="Mo-Fr 17:00-09:00")
        assert "closes before it opens" in messages(error)["hours"]

    def test_unknown_time_zone_is_rejected(self):
        with pytest.raises(ValidationError) as error:
            make_resource(time_zone="Mars/Olympus_Mons")
        assert "IANA" in messages(error)["time_zone"]

    def test_needs_countries_or_worldwide(self):
        with pytest.raises(ValidationError) as error:
            make_resource(countries=())
        assert "worldwide" in messages(error)["countries"]
        assert make_resource(countries=(), worldwide=True).pk

    def test_needs_a_language(self):
        with pytest.raises(ValidationError) as error:
            make_resource(languages=())
        assert "language" in messages(error)["languages"]

    def test_bad_contact_point_is_named_by_position_and_nothing_is_written(self):
        from cms.models import Resource

        with pytest.raises(ValidationError) as error:
            make_resource(contact_points=(("phone", "116123", "GB"), ("email", "nope", "")))
        assert "contact_points[1].value" in messages(error)
        assert not Resource.objects.exists()

    def test_last_verified_cannot_be_in_the_future(self):
        with pytest.raises(ValidationError) as error:
            make_resource(last_verified=timezone.localdate() + timedelta(days=1))
        assert "future" in messages(error)["last_verified"]

    def test_review_is_due_six_months_after_verifying_a_crisis_line(self):
        from datetime import date

        resource = make_resource(last_verified=date(2026, 8, 31))
        assert resource.review_due == date(2027, 2, 28)
        other = make_resource(
            name="Podcast",
            kind="media",
            hours="",
            contact_points=(("web", "https://example.org", ""),),
            last_verified=date(2026, 1, 15),
        )
        assert other.review_due == date(2027, 1, 15)


class TestEvent:
    def test_an_event_must_end_after_it_starts(self):
        event = make_event()
        event.ends_at = event.starts_at - timedelta(minutes=1)
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "end after it starts" in messages(error)["ends_at"]

    def test_online_event_needs_a_link(self):
        event = make_event()
        event.kind = "online_session"
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "online link" in messages(error)["online_url"]

    def test_unknown_time_zone(self):
        event = make_event()
        event.time_zone = "Europe/Atlantis"
        with pytest.raises(ValidationError) as error:
            event.full_clean()
        assert "time_zone" in messages(error)


class TestPartner:
    def partner(self, **fields):
        values = {"name": "Festival", "slug": "festival", "allowed_origins": "https://a.example"}
        values.update(fields)
        return Partner(**values)

    def test_origins_are_normalised(self):
        partner = self.partner(allowed_origins="https://A.example/\n\nhttp://localhost:8001")
        partner.full_clean()
        assert partner.origins == ["https://a.example", "http://localhost:8001"]

    @pytest.mark.parametrize("origin", ["ftp://a.example", "https://a.example/path", "a.example"])
    def test_bad_origins_are_rejected(self, origin):
        with pytest.raises(ValidationError) as error:
            self.partner(allowed_origins=origin).full_clean()
        assert "is not an origin" in messages(error)["allowed_origins"]

    def test_unknown_kinds_and_locales_are_rejected(self):
        with pytest.raises(ValidationError) as error:
            self.partner(default_kinds="crisis_line,rave", default_locale="xx").full_clean()
        found = messages(error)
        assert "rave" in found["default_kinds"]
        assert "pt-br" in found["default_locale"]

    def test_accent_colour_must_be_a_hex_colour(self):
        with pytest.raises(ValidationError) as error:
            self.partner(accent_colour="blue").full_clean()
        assert "accent_colour" in messages(error)


class TestMessagesNameTheRealProblem:
    def test_an_invalid_contact_point_shows_its_own_error_not_a_missing_one(self, admin_client):
        from django.urls import reverse

        response = admin_client.post(
            reverse("wagtailsnippets_roadcase_resource:add"),
            {
                "name": "Backstage Line",
                "kind": "crisis_line",
                "summary": "Someone to talk to.",
                "countries": "GB",
                "languages": "en",
                "time_zone": "Europe/London",
                "hours": "24/7",
                "cost": "free",
                "contact_points-TOTAL_FORMS": "1",
                "contact_points-INITIAL_FORMS": "0",
                "contact_points-MIN_NUM_FORMS": "0",
                "contact_points-MAX_NUM_FORMS": "1000",
                "contact_points-0-method": "phone",
                "contact_points-0-value": "call us",
                "contact_points-0-region": "GB",
            },
        )
        assert response.status_code == 200
        page = response.content.decode()
        assert "needs at least one contact point" not in page
        formset = response.context["form"].formsets["contact_points"]
        assert formset.forms[0].errors["value"]

    def test_a_crisis_line_with_no_contact_point_is_still_told(self):
        from cms.models import Resource

        with pytest.raises(ValidationError, match="at least one contact point"):
            Resource(kind="crisis_line", hours="24/7", worldwide=True).clean_related(
                contact_points=[], countries=[], languages=["en"]
            )

    @pytest.mark.parametrize(
        ("typed", "quoted"),
        [
            ("Mo-Fr 9:00 - 17:00", "“9:00 - 17:00”"),
            ("Mo-Fr 18:00 - 09:00", "“18:00 - 09:00” closes before it opens"),
            ("Mo\u2013Fr 09:00-17:00", "“Mo\u2013Fr”"),  # an en dash
        ],
    )
    def test_hours_errors_quote_what_was_typed(self, typed, quoted):
        with pytest.raises(ValidationError) as error:
            make_resource(hours=typed)
        assert quoted in messages(error)["hours"]

    def test_hours_errors_are_in_the_editors_language(self):
        from django.utils import translation

        with translation.override("fr"), pytest.raises(ValidationError) as error:
            make_resource(hours="Mo-Fr 18:00-09:00")
        assert "« 18:00-09:00 » ferme avant d'ouvrir" in messages(error)["hours"]
