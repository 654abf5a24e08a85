"""Import a questionnaire definition in the assessment-definition v2 format of the government's DPIA tool.

    manage.py importeer_dpia_model                      # the Model DPIA Rijksdienst in dpia/model_rijksdienst/
    manage.py importeer_dpia_model dpia/model_rijksdienst/prescan.yaml
    manage.py importeer_dpia_model prescan.yaml --schema schemas/assessment-definition.v2.schema.json

Without a file it imports `dpia.yaml` from `dpia/model_rijksdienst/`, the government's model
vendored unchanged in this app (see SOURCE.md there).

The file is checked against the format's JSON Schema (found beside the file or in ../schemas/, or
given with --schema) before anything is stored. A DPIA definition (urn:nl:dpia) can then be chosen
when a DPIA is started; other definitions (such as the pre-scan) are kept for reference.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from dpia import services
from dpia.uitwisseling import OngeldigeDefinitie, lees_definitie
from privacy_portal.core.audit import audit
from privacy_portal.core.models import AuditEvent

MODEL_RIJKSDIENST = Path(settings.BASE_DIR) / "dpia" / "model_rijksdienst" / "dpia.yaml"


class Command(BaseCommand):
    help = "Importeert een vragenlijst (assessment-definition v2, YAML of JSON) na controle tegen het schema."

    def add_arguments(self, parser):
        parser.add_argument(
            "bestand",
            nargs="?",
            default=str(MODEL_RIJKSDIENST),
            help="Het YAML- of JSON-bestand met de vragenlijst (standaard: de Model DPIA Rijksdienst in de dpia-app).",
        )
        parser.add_argument("--schema", default=None, help="Pad naar assessment-definition.v2.schema.json.")
        parser.add_argument(
            "--vervang",
            action="store_true",
            help="Vervang een eerder geïmporteerde vragenlijst met dezelfde urn en versie.",
        )

    def handle(self, *args, bestand, schema=None, vervang=False, **options):
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        try:
            definitie = lees_definitie(pad, schema)
        except FileNotFoundError as fout:
            raise CommandError(str(fout)) from fout
        except OngeldigeDefinitie as fout:
            regels = "\n".join(f"  - {regel}" for regel in fout.fouten[:20])
            raise CommandError(f"{pad.name} is geen geldige vragenlijst:\n{regels}") from fout
        try:
            vragenlijst = services.vragenlijst_importeren(definitie=definitie, bestandsnaam=pad.name, vervang=vervang)
        except ValidationError as fout:
            raise CommandError(" ".join(fout.messages) + " Gebruik --vervang om hem te vervangen.") from fout
        audit(
            actor=None,
            actie=AuditEvent.Actie.IMPORTEREN,
            obj=vragenlijst,
            herkomst="opdrachtregel",
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Vragenlijst '{vragenlijst.naam}' ({vragenlijst.urn}:{vragenlijst.versie}) geïmporteerd."
            )
        )
