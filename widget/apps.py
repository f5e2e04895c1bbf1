from django.apps import AppConfig


class RoadcaseWidgetConfig(AppConfig):
    name = "widget"
    label = "roadcase_widget"
    verbose_name = "Roadcase widget"
