"""Crisis phrases added to the shipped synonyms (cms/data/search_synonyms.json) after hubs had
theirs: "end my life" and "I can't go on" in more languages. A fresh hub gets them from the file
(``ensure_search_synonyms``, after migrating); a hub with synonyms gets them here, once."""

from django.db import migrations

from cms.reference_data import add_crisis_phrases

PHRASES = {
    "ar": ["أنهي حياتي", "إنهاء حياتي", "أنتحر", "أؤذي نفسي", "لا أستطيع الاستمرار"],
    "es": ["acabar con mi vida", "no puedo más", "no puedo seguir"],
    "fr": ["mettre fin à mes jours", "je n'en peux plus"],
    "de": ["mein leben beenden", "ich kann nicht mehr"],
    "pt-br": ["acabar com minha vida", "acabar com a minha vida", "não aguento mais"],
    "sv": ["ta livet av mig"],
}


def add(apps, schema_editor):
    add_crisis_phrases(apps.get_model("roadcase", "SearchSynonym"), PHRASES)


class Migration(migrations.Migration):
    dependencies = [("roadcase", "0012_resource_expiry_index")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
