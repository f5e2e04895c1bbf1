from django.apps import AppConfig


class HostAppConfig(AppConfig):
    name = "tests.host_site.hostapp"
    label = "hostapp"
