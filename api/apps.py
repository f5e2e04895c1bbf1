from django.apps import AppConfig


class RoadcaseApiConfig(AppConfig):
    name = "api"
    label = "roadcase_api"
    verbose_name = "Roadcase API"

    def ready(self):
        from corsheaders.signals import check_request_enabled

        from . import signals
        from .cors import partner_origin_allowed

        signals.connect()
        check_request_enabled.connect(partner_origin_allowed, dispatch_uid="roadcase_api_cors")
