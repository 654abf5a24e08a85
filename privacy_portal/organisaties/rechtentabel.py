"""Render the role table (rollen.py) as the Markdown in docs/rechten.md."""

from .rollen import RASCI, RECHTEN, ROL_BEREIK, ROL_RECHTEN, Rol

KOP = """# Rollen en rechten

Gegenereerd uit `privacy_portal/organisaties/rollen.py` met `python manage.py rechtentabel > docs/rechten.md`;
een test bewaakt dat dit bestand en de code gelijk blijven. De server controleert elk recht bij elke
pagina en elke API-aanroep. Wat buiten het bereik van een rol valt, bestaat voor die gebruiker niet
(404). Een teammanager kan één verwerking delegeren aan een medewerker van het team (objectrecht);
die medewerker mag dan alleen die verwerking inzien en wijzigen, niet indienen.

RASCI (DOMAIN.md, seeds 001 en 002): R = Responsible, A = Accountable, S = Supporting,
C = Consulted, I = Informed. Inwoners, raad en AP zijn Informed via de openbare pagina en rapportages.
"""


def markdown():
    rollen = list(Rol)
    regels = [KOP, "| recht | " + " | ".join(rol.label for rol in rollen) + " |"]
    regels.append("|---|" + "---|" * len(rollen))
    regels.append("| RASCI | " + " | ".join(RASCI[rol] for rol in rollen) + " |")
    regels.append("| bereik | " + " | ".join(ROL_BEREIK[rol].label.lower() for rol in rollen) + " |")
    for perm, omschrijving in RECHTEN.items():
        cellen = ["✔" if perm in ROL_RECHTEN[rol] else "" for rol in rollen]
        regels.append(f"| {omschrijving} (`{perm}`) | " + " | ".join(cellen) + " |")
    return "\n".join(regels) + "\n"
