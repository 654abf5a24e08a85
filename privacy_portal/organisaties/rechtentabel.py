"""Render the role table (rollen.py) as the Markdown in docs/rechten.md."""

from .rollen import RASCI, RECHTEN, ROL_BEREIK, ROL_RECHTEN, Rol

KOP = """# Rollen en rechten

Gegenereerd uit `privacy_portal/organisaties/rollen.py` met `python manage.py rechtentabel > docs/rechten.md`;
een test bewaakt dat dit bestand en de code gelijk blijven. De server controleert elk recht bij elke
pagina en elke API-aanroep. Wat buiten het bereik van een rol valt, bestaat voor die gebruiker niet
(404). Een teammanager kan één verwerking delegeren aan een medewerker van het team (objectrecht);
die medewerker mag dan alleen die verwerking inzien en wijzigen, niet indienen, en alleen zolang een
van zijn rollen de verwerking nog bereikt (rol weg of naar een ander team of een andere gemeente:
delegatie voorbij).

De technische beheerder (superuser) heeft in deze tabel geen kolom: hij beheert gebruikers, rollen en
instellingen, maar heeft geen van deze rechten, tenzij een gemeente hem een rol gaf. Vier ogen: wie een
verwerking opstelde, wijzigde of indiende, stelt haar niet vast; wie een convenantdocument openbaar
maakte, geeft het niet vrij (behalve bij de uitzondering van een gemeente voor één persoon, die de
historie dan noemt).

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
