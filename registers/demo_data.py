"""Demo content for a gemeente's register van verwerkingen (AVG art. 30), written by us: fictional but realistic."""

VERWERKINGEN = [
    # ------------------------------------------------------------------ Burgerzaken
    {
        "naam": "Basisregistratie Personen (BRP)",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente houdt bij wie er in de gemeente woont, met onder meer naam, adres en geboortedatum. Andere "
            "overheidsorganisaties gebruiken deze gegevens zodat u ze niet steeds opnieuw hoeft te geven."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": (
            "Wet basisregistratie personen, art. 1.2 en hoofdstuk 2 (bijhouding van de basisregistratie)."
        ),
        "categorieen_betrokkenen": (
            "Ingezetenen van de gemeente en personen die uit de gemeente zijn vertrokken of overleden."
        ),
        "categorieen_persoonsgegevens": (
            "BSN, naam, geboortedatum en -plaats, geslacht, adres, nationaliteit, verblijfstitel, burgerlijke staat, "
            "ouders, kinderen en (ex-)partners."
        ),
        "ontvangers": (
            "Afnemers die daartoe bij wet zijn aangewezen, zoals de Belastingdienst, UWV, SVB en DUO, via de "
            "Rijksdienst voor Identiteitsgegevens (RvIG); andere afdelingen van de gemeente voor hun wettelijke "
            "taken."
        ),
        "verwerkers": "Leverancier Burgerzakensoftware B.V. (BRP-applicatie en hosting).",
        "bewaartermijn": (
            "Gegevens in de BRP blijven bewaard, ook na vertrek of overlijden (Wet BRP); aanvraagdossiers en "
            "bewijsstukken volgens de Selectielijst gemeenten en intergemeentelijke organen 2020."
        ),
        "herkomst": (
            "De betrokkene zelf (aangifte verhuizing, geboorte), andere gemeenten, de IND en de ambtenaar van de "
            "burgerlijke stand."
        ),
        "beveiligingsmaatregelen": (
            "Maatregelen volgens de Baseline Informatiebeveiliging Overheid (BIO) en de jaarlijkse ENSIA-audit; "
            "rolgebaseerde toegang, logging van raadplegingen en versleutelde verbindingen met de landelijke "
            "voorzieningen."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Reisdocumenten (paspoort en identiteitskaart)",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente neemt uw aanvraag voor een paspoort of identiteitskaart aan, controleert wie u bent en reikt "
            "het document aan u uit."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Paspoortwet, art. 3, art. 26 en art. 40; Paspoortuitvoeringsregeling Nederland 2001.",
        "categorieen_betrokkenen": (
            "Aanvragers van een reisdocument, ouders of gezaghouders die toestemming geven voor minderjarigen."
        ),
        "categorieen_persoonsgegevens": (
            "BSN, naam, geboortedatum, lengte, handtekening, pasfoto, vingerafdrukken, documentnummer en gegevens "
            "over vermiste of gestolen documenten."
        ),
        "ontvangers": (
            "Rijksdienst voor Identiteitsgegevens (RvIG) en de documentproducent die in opdracht van de Staat het "
            "document maakt."
        ),
        "verwerkers": "Leverancier Burgerzakensoftware B.V. (aanvraagstation en balieapplicatie).",
        "bewaartermijn": (
            "Vingerafdrukken worden na uitreiking van het document verwijderd; de aanvraaggegevens worden 11 jaar "
            "bewaard in de reisdocumentenadministratie."
        ),
        "herkomst": "De aanvrager zelf en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": (
            "Beveiligde aanvraagstations volgens de eisen van RvIG, toegang alleen voor geautoriseerde "
            "baliemedewerkers met een persoonlijke pas, logging en versleutelde verzending."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["biometrisch"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Rijbewijzen",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "vastgesteld",
        "doeleinden": "De gemeente neemt uw aanvraag voor een (nieuw) rijbewijs aan en reikt het rijbewijs aan u uit.",
        "grondslagen": ["c"],
        "grondslag_toelichting": "Wegenverkeerswet 1994, hoofdstuk VI, en het Reglement rijbewijzen.",
        "categorieen_betrokkenen": "Aanvragers en houders van een rijbewijs.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, geboortedatum, adres, pasfoto, handtekening, rijbewijscategorieën en de verklaring van "
            "geschiktheid (alleen of die er is, niet de medische gegevens zelf)."
        ),
        "ontvangers": "Dienst Wegverkeer (RDW), die het rijbewijs maakt en het rijbewijzenregister beheert.",
        "verwerkers": "Leverancier Burgerzakensoftware B.V. (balieapplicatie).",
        "bewaartermijn": (
            "Aanvraaggegevens bij de gemeente 1 jaar na uitreiking; het rijbewijzenregister wordt beheerd door de RDW."
        ),
        "herkomst": "De aanvrager zelf, de RDW en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor geautoriseerde baliemedewerkers, beveiligde koppeling met de RDW en "
            "logging van alle handelingen."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Burgerlijke stand: geboorte en erkenning",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente maakt een geboorteakte op als er een kind wordt geboren en legt een erkenning vast. Zo staat "
            "officieel vast wie het kind is en wie de ouders zijn."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Burgerlijk Wetboek Boek 1, titel 4 (burgerlijke stand), onder meer art. 1:16 en art. 1:19e."
        ),
        "categorieen_betrokkenen": "Pasgeboren kinderen, ouders, erkenners en personen die aangifte doen.",
        "categorieen_persoonsgegevens": (
            "Naam, geboortedatum, -tijd en -plaats, geslacht, gegevens van de ouders en BSN."
        ),
        "ontvangers": (
            "De Basisregistratie Personen; op verzoek van rechthebbenden afschriften en uittreksels van akten."
        ),
        "verwerkers": "Leverancier Burgerzakensoftware B.V. (applicatie burgerlijke stand).",
        "bewaartermijn": (
            "Akten van de burgerlijke stand worden permanent bewaard en na 100 jaar overgebracht naar de "
            "archiefbewaarplaats (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": (
            "De aangever (meestal een ouder), het ziekenhuis of de verloskundige, en de Basisregistratie Personen."
        ),
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, alleen beëdigde ambtenaren van de burgerlijke stand hebben toegang, logging en "
            "brandveilige opslag van papieren registers."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Burgerlijke stand: huwelijk en geregistreerd partnerschap",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente neemt uw melding van een voorgenomen huwelijk of partnerschap aan, controleert of u mag "
            "trouwen, plant de ceremonie en maakt de akte op."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": "Burgerlijk Wetboek Boek 1, art. 1:43 en art. 1:80a; Besluit burgerlijke stand 1994.",
        "categorieen_betrokkenen": "Aanstaande echtgenoten en partners, getuigen en trouwambtenaren (babs).",
        "categorieen_persoonsgegevens": (
            "Naam, geboortedatum en -plaats, adres, nationaliteit, burgerlijke staat, BSN, gegevens van de ouders en "
            "kopieën van identiteitsbewijzen van getuigen."
        ),
        "ontvangers": "De Basisregistratie Personen en (buitengewoon) ambtenaren van de burgerlijke stand.",
        "verwerkers": (
            "Leverancier Burgerzakensoftware B.V.; Planningsdienst Ceremonies B.V. (online reserveren van "
            "trouwlocaties)."
        ),
        "bewaartermijn": (
            "Huwelijksakten permanent; de melding voorgenomen huwelijk en kopieën van identiteitsbewijzen 1 jaar na "
            "de ceremonie (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": "De aanstaande echtgenoten of partners zelf en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, rolgebaseerde toegang, logging en een verwerkersovereenkomst met de planningsdienst; "
            "gegevens worden versleuteld verzonden."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Burgerlijke stand: overlijden en lijkbezorging",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente maakt een overlijdensakte op en geeft verlof tot begraven of cremeren, zodat het overlijden "
            "officieel is vastgelegd en de uitvaart kan plaatsvinden."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Burgerlijk Wetboek Boek 1, art. 1:19f; Wet op de lijkbezorging, art. 12 en art. 16.",
        "categorieen_betrokkenen": "Overleden personen, nabestaanden en de aangever (meestal de uitvaartondernemer).",
        "categorieen_persoonsgegevens": (
            "Naam, geboortedatum, datum en plaats van overlijden, BSN, laatste adres, gegevens van de partner en de "
            "verklaring van overlijden van de arts (zonder doodsoorzaak)."
        ),
        "ontvangers": (
            "De Basisregistratie Personen, de uitvaartondernemer en de beheerder van de begraafplaats of het "
            "crematorium."
        ),
        "verwerkers": "Leverancier Burgerzakensoftware B.V.",
        "bewaartermijn": (
            "Overlijdensakten permanent; het verlof tot begraven of cremeren 10 jaar (Selectielijst gemeenten en "
            "intergemeentelijke organen 2020)."
        ),
        "herkomst": (
            "De uitvaartondernemer, de behandelend arts of gemeentelijk lijkschouwer en de Basisregistratie Personen."
        ),
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor ambtenaren van de burgerlijke stand en logging."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Naturalisatie en optie",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente neemt uw verzoek om Nederlander te worden aan, stuurt het met een advies naar de IND en "
            "organiseert de naturalisatieceremonie."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Rijkswet op het Nederlanderschap, art. 6 (optie) en art. 8 (naturalisatie); Besluit naturalisatietoets."
        ),
        "categorieen_betrokkenen": "Verzoekers en hun meenaturaliserende minderjarige kinderen.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, geboortegegevens, nationaliteit, verblijfstitel, inburgeringsdiploma, inkomen en antwoorden "
            "over eerdere strafrechtelijke veroordelingen."
        ),
        "ontvangers": (
            "Immigratie- en Naturalisatiedienst (IND); de Basisregistratie Personen na het verkrijgen van het "
            "Nederlanderschap."
        ),
        "verwerkers": "Leverancier Burgerzakensoftware B.V.",
        "bewaartermijn": (
            "Het naturalisatiedossier bij de gemeente 5 jaar na de beslissing (Selectielijst gemeenten en "
            "intergemeentelijke organen 2020)."
        ),
        "herkomst": "De verzoeker zelf, de Basisregistratie Personen en DUO (inburgeringsdiploma).",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor medewerkers naturalisatie, versleutelde uitwisseling met de IND en "
            "logging."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": True,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Verkiezingen en kandidaatstelling",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente stuurt kiezers hun stempas, regelt volmachten en kiezerspassen, werft stembureauleden en "
            "verwerkt de ondersteuningsverklaringen voor kandidatenlijsten."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": (
            "Kieswet, hoofdstuk J (stemming) en art. H 4 (ondersteuningsverklaringen); Kiesbesluit."
        ),
        "categorieen_betrokkenen": (
            "Kiesgerechtigden, gemachtigden, stembureauleden, kandidaten en ondersteuners van kandidatenlijsten."
        ),
        "categorieen_persoonsgegevens": (
            "Naam, adres, geboortedatum, stempasnummer, gegevens over volmachten, bankrekeningnummer van "
            "stembureauleden en de politieke partij die iemand ondersteunt."
        ),
        "ontvangers": (
            "Het centraal stembureau, de Kiesraad (bij Tweede Kamer- en Europese verkiezingen) en de drukker van "
            "stempassen."
        ),
        "verwerkers": "Drukkerij Stembescheiden B.V. (stempassen); Leverancier Verkiezingssoftware B.V.",
        "bewaartermijn": (
            "Stembescheiden en ondersteuningsverklaringen worden na de termijn uit de Kieswet vernietigd; het "
            "register van ongeldige stempassen 3 maanden na de verkiezing."
        ),
        "herkomst": "De Basisregistratie Personen, de kiezers zelf en de indieners van kandidatenlijsten.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, afgesloten opslag van stembescheiden, toegang alleen voor het verkiezingsteam en een "
            "verwerkersovereenkomst met de drukker."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["politiek"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Cameratoezicht openbare ruimte",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "vastgesteld",
        "doeleinden": (
            "In het centrum en bij het station hangen camera's om de openbare orde te handhaven en overlast en "
            "criminaliteit te voorkomen."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": (
            "Gemeentewet, art. 151c, en het aanwijzingsbesluit cameratoezicht van de burgemeester."
        ),
        "categorieen_betrokkenen": "Iedereen die zich in het aangewezen cameragebied bevindt.",
        "categorieen_persoonsgegevens": "Camerabeelden van personen en voertuigen, met datum, tijd en locatie.",
        "ontvangers": (
            "De politie, die live meekijkt, en het Openbaar Ministerie als beelden nodig zijn voor opsporing."
        ),
        "verwerkers": "Leverancier Beveiligingscamera's B.V. (onderhoud en opslag).",
        "bewaartermijn": "28 dagen; beelden van een incident worden langer bewaard tot de afhandeling is afgerond.",
        "herkomst": "De camera's in de openbare ruimte.",
        "beveiligingsmaatregelen": (
            "Beelden staan versleuteld op een afgeschermde server, alleen aangewezen medewerkers en de politie kunnen "
            "ze bekijken, en elk gebruik wordt gelogd."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Aanwijzingsbesluit loopt af op 31 december; evaluatie met de politie staat gepland.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": True,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "APV-vergunningen en evenementen",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente beoordeelt aanvragen voor evenementen, horeca-exploitatie en andere vergunningen uit de "
            "Algemene Plaatselijke Verordening (APV), zodat die veilig en zonder overlast verlopen."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": "Gemeentewet, art. 174, en de Algemene Plaatselijke Verordening, hoofdstuk 2.",
        "categorieen_betrokkenen": (
            "Aanvragers, organisatoren, leidinggevenden van horecabedrijven en omwonenden die reageren."
        ),
        "categorieen_persoonsgegevens": (
            "Naam, adres, telefoonnummer, e-mailadres, geboortedatum en gegevens over de organisatie."
        ),
        "ontvangers": "Politie, brandweer (veiligheidsregio) en GGD voor advies over de veiligheid van het evenement.",
        "verwerkers": "Leverancier Zaaksysteem B.V.",
        "bewaartermijn": (
            "5 jaar na afloop van de vergunning (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": "De aanvrager zelf en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, rolgebaseerde toegang in het zaaksysteem, logging en versleutelde opslag."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Klachtenafhandeling",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente behandelt uw klacht over hoe een medewerker of afdeling u heeft behandeld en leert daarvan."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Algemene wet bestuursrecht, hoofdstuk 9 (klachtrecht), en de klachtenregeling van de gemeente."
        ),
        "categorieen_betrokkenen": "Klagers, medewerkers over wie geklaagd wordt en eventuele getuigen.",
        "categorieen_persoonsgegevens": (
            "Naam, adres, telefoonnummer, e-mailadres, de inhoud van de klacht en de afhandeling."
        ),
        "ontvangers": "De betrokken afdeling en, als u het niet eens bent met de afhandeling, de Nationale ombudsman.",
        "verwerkers": "Leverancier Zaaksysteem B.V.",
        "bewaartermijn": (
            "1 jaar na afhandeling van de klacht (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": "De klager zelf en de betrokken medewerkers.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor de klachtencoördinator en de behandelaar, logging."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Woo-verzoeken",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente behandelt verzoeken om overheidsinformatie openbaar te maken en lakt daarbij "
            "persoonsgegevens die niet openbaar mogen worden."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Wet open overheid, art. 4.1 en art. 5.1.",
        "categorieen_betrokkenen": (
            "Verzoekers, derde-belanghebbenden en personen die in de gevraagde documenten voorkomen."
        ),
        "categorieen_persoonsgegevens": (
            "Naam en contactgegevens van de verzoeker en persoonsgegevens die in de documenten staan."
        ),
        "ontvangers": (
            "Derde-belanghebbenden voor een zienswijze; de openbaar gemaakte (gelakte) documenten worden gepubliceerd."
        ),
        "verwerkers": "Leverancier Zaaksysteem B.V.; Lakdienst Documenten B.V. (software om te lakken).",
        "bewaartermijn": "5 jaar na het besluit (Selectielijst gemeenten en intergemeentelijke organen 2020).",
        "herkomst": "De verzoeker zelf en de eigen archieven van de gemeente.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, vier-ogencontrole op het lakken, rolgebaseerde toegang en logging."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Bezwaar en beroep",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "Als u het niet eens bent met een besluit van de gemeente, behandelt de gemeente uw bezwaar en verdedigt "
            "zij het besluit zo nodig bij de rechter."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Algemene wet bestuursrecht, hoofdstuk 6 en 7 (bezwaar) en hoofdstuk 8 (beroep).",
        "categorieen_betrokkenen": (
            "Bezwaarmakers, hun gemachtigden, derde-belanghebbenden en leden van de bezwaarschriftencommissie."
        ),
        "categorieen_persoonsgegevens": (
            "Naam, adres, contactgegevens, BSN en de gegevens uit het dossier van het besluit, zoals inkomens- of "
            "gezondheidsgegevens bij een bezwaar over een uitkering of voorziening."
        ),
        "ontvangers": (
            "De onafhankelijke bezwaarschriftencommissie, de rechtbank en de Centrale Raad van Beroep of Raad van "
            "State."
        ),
        "verwerkers": "Leverancier Zaaksysteem B.V.",
        "bewaartermijn": (
            "Het bezwaardossier volgt de bewaartermijn van het onderliggende besluit, met een minimum van 5 jaar."
        ),
        "herkomst": "De bezwaarmaker zelf en het dossier van de afdeling die het besluit nam.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor juristen van het team bezwaar, logging en versleutelde uitwisseling "
            "met rechtbanken."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Meldingen openbare ruimte",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "U kunt kapotte lantaarnpalen, zwerfafval of losliggende tegels melden; de gemeente lost het op en houdt "
            "u op de hoogte."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": (
            "Gemeentewet, art. 160, in samenhang met de zorgplicht voor wegen (Wegenwet, art. 15)."
        ),
        "categorieen_betrokkenen": "Melders.",
        "categorieen_persoonsgegevens": (
            "Naam, e-mailadres, telefoonnummer, de locatie van de melding en eventueel een foto."
        ),
        "ontvangers": "De aannemer die het probleem oplost, zonder contactgegevens van de melder.",
        "verwerkers": "Leverancier Meldingensoftware B.V.",
        "bewaartermijn": "1 jaar na afhandeling van de melding.",
        "herkomst": "De melder zelf, via de website, de app of de telefoon.",
        "beveiligingsmaatregelen": "BIO-maatregelen, rolgebaseerde toegang, logging en versleutelde verbindingen.",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Personeelsadministratie",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente houdt als werkgever gegevens van medewerkers bij om salaris te betalen, verlof en verzuim te "
            "regelen en aan wettelijke verplichtingen te voldoen."
        ),
        "grondslagen": ["b", "c"],
        "grondslag_toelichting": (
            "Arbeidsovereenkomst (Burgerlijk Wetboek Boek 7, titel 10); Wet op de loonbelasting 1964, art. 28; Wet "
            "verbetering poortwachter."
        ),
        "categorieen_betrokkenen": "Medewerkers, oud-medewerkers, sollicitanten en stagiairs.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, bankrekeningnummer, functie, salaris, beoordelingen, verlof, verzuimgegevens (zonder "
            "diagnose) en kopie van het identiteitsbewijs."
        ),
        "ontvangers": "Belastingdienst, pensioenfonds ABP, de arbodienst en UWV.",
        "verwerkers": "Leverancier HR- en Salarissoftware B.V.; Arbodienst Gezond Werk B.V.",
        "bewaartermijn": (
            "Het personeelsdossier 10 jaar na uitdiensttreding, loongegevens 7 jaar (fiscale bewaarplicht) en "
            "sollicitatiegegevens 4 weken na de procedure."
        ),
        "herkomst": "De medewerker zelf, leidinggevenden en de arbodienst.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor HR en de eigen leidinggevende, twee-factorauthenticatie en logging; "
            "medische gegevens blijven bij de arbodienst."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Raadsgriffie: raads- en commissievergaderingen",
        "team": "Burgerzaken",
        "verantwoordelijke": "raad",
        "status": "vastgesteld",
        "doeleinden": (
            "De griffie bereidt de vergaderingen van de gemeenteraad voor, publiceert stukken en verslagen en zendt "
            "de openbare vergaderingen uit, ook als inwoners inspreken."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": "Gemeentewet, art. 16 (reglement van orde) en art. 23 (openbare vergaderingen).",
        "categorieen_betrokkenen": (
            "Raadsleden, commissieleden, insprekers, briefschrijvers en bezoekers op de publieke tribune."
        ),
        "categorieen_persoonsgegevens": (
            "Naam, fractie, beeld en geluid van de vergadering, en contactgegevens van insprekers en indieners van "
            "brieven aan de raad."
        ),
        "ontvangers": "Het publiek, via de website en de livestream van de gemeenteraad.",
        "verwerkers": "Leverancier Raadsinformatiesysteem B.V.; Streamingdienst Vergaderingen B.V.",
        "bewaartermijn": "Vergaderstukken en besluitenlijsten permanent; beeld- en geluidsopnamen 10 jaar.",
        "herkomst": "Raadsleden, insprekers en briefschrijvers zelf.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, insprekers worden vooraf geïnformeerd over de uitzending, en ingekomen brieven worden "
            "voor publicatie geanonimiseerd."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["politiek"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Chatbot op de gemeentelijke website",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "ter_beoordeling",
        "doeleinden": (
            "Een digitale assistent op de website beantwoordt algemene vragen van inwoners, ook buiten kantoortijden, "
            "en verwijst zo nodig door naar een medewerker."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": "Gemeentewet, art. 160 (dienstverlening aan inwoners als taak van het college).",
        "categorieen_betrokkenen": "Bezoekers van de website die de chatbot gebruiken.",
        "categorieen_persoonsgegevens": (
            "De tekst van het gesprek, IP-adres en tijdstip; inwoners kunnen zelf naam of andere gegevens in het "
            "gesprek typen."
        ),
        "ontvangers": "Medewerkers van het Klantcontactcentrum als het gesprek wordt overgedragen.",
        "verwerkers": (
            "Chatdienst Nederland B.V.; subverwerker Cloud Dialog Inc. (Verenigde Staten) voor het taalmodel."
        ),
        "bewaartermijn": "Gespreksteksten 3 maanden; daarna alleen geanonimiseerde statistieken.",
        "herkomst": "De websitebezoeker zelf.",
        "beveiligingsmaatregelen": (
            "Versleutelde verbindingen, automatische verwijdering van BSN's en telefoonnummers uit gesprekken, geen "
            "gebruik van gesprekken om het model te trainen, en logging."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": (
            "Let op: taalmodel draait deels in de VS; de privacy officer wil de doorgiftetoets (TIA) nog zien."
        ),
        "doorgifte_waarborgen": (
            "Doorgifte naar de Verenigde Staten op basis van het EU-VS Data Privacy Framework (de subverwerker is "
            "gecertificeerd); aanvullend zijn standaardcontractbepalingen (SCC's) van de Europese Commissie "
            "afgesloten."
        ),
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": True,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": True,
        "dpia_status": "in_uitvoering",
    },
    {
        "naam": "Webstatistieken gemeentelijke website",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "ter_beoordeling",
        "doeleinden": (
            "De gemeente meet hoe de website wordt gebruikt, zodat pagina's beter vindbaar en begrijpelijk worden."
        ),
        "grondslagen": ["f"],
        "grondslag_toelichting": (
            "Gerechtvaardigd belang van de gemeente bij een goed werkende en gebruiksvriendelijke website."
        ),
        "categorieen_betrokkenen": "Bezoekers van de gemeentelijke website.",
        "categorieen_persoonsgegevens": "Ingekort IP-adres, bezochte pagina's, tijdstip, browser en type apparaat.",
        "ontvangers": "Geen; alleen de webredactie ziet de statistieken.",
        "verwerkers": "Webanalyse Nederland B.V. (statistiekdienst, servers in Nederland).",
        "bewaartermijn": "Ruwe gegevens 13 maanden; daarna alleen geaggregeerde cijfers.",
        "herkomst": "De browser van de websitebezoeker.",
        "beveiligingsmaatregelen": (
            "IP-adressen worden ingekort, er worden geen gegevens gedeeld voor advertenties, en toegang is beperkt "
            "tot de webredactie."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Ingediend door de webredactie.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Bodycams handhavers (boa's)",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "ter_beoordeling",
        "doeleinden": (
            "Handhavers dragen een bodycam om agressie tegen hen te voorkomen en om incidenten vast te leggen. De "
            "camera neemt alleen op als de handhaver hem aanzet."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": (
            "Gemeentewet, art. 125 en art. 160 (bestuurlijke handhaving); voor beelden die voor opsporing worden "
            "gebruikt geldt de Wet politiegegevens."
        ),
        "categorieen_betrokkenen": "Personen met wie handhavers in contact komen en omstanders.",
        "categorieen_persoonsgegevens": "Beeld en geluid, met datum, tijd en locatie van de opname.",
        "ontvangers": "Politie en Openbaar Ministerie bij een aangifte of strafbaar feit.",
        "verwerkers": "Leverancier Bodycams B.V. (apparatuur en beveiligde opslag).",
        "bewaartermijn": "28 dagen; beelden van een incident tot de afhandeling is afgerond.",
        "herkomst": "De bodycam van de handhaver.",
        "beveiligingsmaatregelen": (
            "Opnamen zijn versleuteld en niet te bekijken of te wissen op de camera zelf; alleen de teamleider "
            "handhaving kan ze inzien, en elk gebruik wordt gelogd."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Gebruiksprotocol bodycams is nog in concept; DPIA wordt afgerond met de OR.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": True,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "in_uitvoering",
    },
    {
        "naam": "Wet Bibob-onderzoeken",
        "team": "Burgerzaken",
        "verantwoordelijke": "burgemeester",
        "status": "concept",
        "doeleinden": (
            "Bij aanvragen voor bijvoorbeeld een horecavergunning onderzoekt de gemeente of het risico bestaat dat de "
            "vergunning wordt misbruikt voor criminele activiteiten."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": "Wet Bibob, art. 3 en art. 7.",
        "categorieen_betrokkenen": "Aanvragers van vergunningen, bestuurders, financiers en zakelijke relaties.",
        "categorieen_persoonsgegevens": "",
        "ontvangers": "",
        "verwerkers": "",
        "bewaartermijn": "",
        "herkomst": "De aanvrager (Bibob-vragenformulier), het Landelijk Bureau Bibob en openbare bronnen.",
        "beveiligingsmaatregelen": "",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Nog afstemmen met het RIEC welke gegevens we zelf bewaren.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": True,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Adresonderzoek BRP (Landelijke Aanpak Adreskwaliteit)",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "concept",
        "doeleinden": (
            "De gemeente onderzoekt of mensen echt wonen op het adres waar ze ingeschreven staan, onder meer met "
            "huisbezoeken, zodat de BRP klopt."
        ),
        "grondslagen": [],
        "grondslag_toelichting": "",
        "categorieen_betrokkenen": (
            "Ingeschrevenen op een adres waarover een signaal is ontvangen en de bewoners van dat adres."
        ),
        "categorieen_persoonsgegevens": "",
        "ontvangers": "",
        "verwerkers": "Leverancier Burgerzakensoftware B.V.",
        "bewaartermijn": "",
        "herkomst": (
            "Signalen van RvIG (LAA), andere afdelingen, woningcorporaties en eigen waarnemingen bij huisbezoeken."
        ),
        "beveiligingsmaatregelen": "BIO-maatregelen en rolgebaseerde toegang.",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Subsidieverstrekking",
        "team": "Burgerzaken",
        "verantwoordelijke": "college",
        "status": "concept",
        "doeleinden": (
            "De gemeente beoordeelt subsidieaanvragen van inwoners en organisaties en betaalt de subsidie uit."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": (
            "Algemene wet bestuursrecht, titel 4.2, en de Algemene subsidieverordening van de gemeente."
        ),
        "categorieen_betrokkenen": "Aanvragers, contactpersonen en bestuurders van organisaties.",
        "categorieen_persoonsgegevens": "Naam, adres, contactgegevens en bankrekeningnummer.",
        "ontvangers": "",
        "verwerkers": "",
        "bewaartermijn": "",
        "herkomst": "De aanvrager zelf.",
        "beveiligingsmaatregelen": "",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    # ------------------------------------------------------------------ Sociaal Domein
    {
        "naam": "Wmo maatwerkvoorzieningen",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente onderzoekt welke ondersteuning u nodig hebt om zelfstandig te blijven wonen en mee te doen, "
            "zoals huishoudelijke hulp, een scootmobiel of een woningaanpassing, en regelt die."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": "Wet maatschappelijke ondersteuning 2015, art. 2.3.2, art. 2.3.5 en art. 5.1.1.",
        "categorieen_betrokkenen": "Aanvragers, hun mantelzorgers en wettelijk vertegenwoordigers.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, contactgegevens, gezinssituatie, gegevens over gezondheid en beperkingen, en de "
            "verstrekte voorziening."
        ),
        "ontvangers": "Gecontracteerde zorgaanbieders en het CAK (voor de eigen bijdrage).",
        "verwerkers": "Leverancier Sociaal Domein Software B.V.",
        "bewaartermijn": (
            "15 jaar na beëindiging van de voorziening (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": "De aanvrager zelf, de Basisregistratie Personen, zorgaanbieders en (met toestemming) de huisarts.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor Wmo-consulenten met een dossier van de betrokkene, "
            "twee-factorauthenticatie, logging en berichtenverkeer met aanbieders via het beveiligde GGK."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Jeugdhulp (Jeugdwet)",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente zorgt dat kinderen, jongeren en ouders de hulp krijgen die zij nodig hebben bij opgroeien en "
            "opvoeden, en betaalt de jeugdhulpaanbieders."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": "Jeugdwet, art. 2.3 (voorzieningen) en art. 7.4.0 (verwerking persoonsgegevens).",
        "categorieen_betrokkenen": "Jeugdigen, hun ouders of gezaghouders en andere gezinsleden.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, gezinssituatie, school, gegevens over gezondheid en ontwikkeling, en justitiële "
            "gegevens bij jeugdbescherming of jeugdreclassering."
        ),
        "ontvangers": (
            "Jeugdhulpaanbieders, gecertificeerde instellingen en (geanonimiseerd) het CBS voor beleidsinformatie."
        ),
        "verwerkers": "Leverancier Sociaal Domein Software B.V.",
        "bewaartermijn": "20 jaar na beëindiging van de jeugdhulp, in lijn met de Jeugdwet (art. 7.3.8).",
        "herkomst": (
            "De jeugdige en ouders zelf, huisartsen en andere verwijzers, jeugdhulpaanbieders en de Basisregistratie "
            "Personen."
        ),
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, strikte scheiding van dossiers, toegang alleen voor betrokken jeugdconsulenten, "
            "twee-factorauthenticatie en logging."
        ),
        "gezamenlijke_verantwoordelijken": (
            "Gemeenten in de jeugdregio, voor de gezamenlijke inkoop en het contractbeheer."
        ),
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": True,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Bijstand (Participatiewet)",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente beoordeelt of u recht hebt op een bijstandsuitkering, betaalt die uit en helpt u zo mogelijk "
            "aan werk."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": (
            "Participatiewet, art. 7, art. 11 en art. 17; Wet structuur uitvoeringsorganisatie werk en inkomen "
            "(SUWI), art. 62."
        ),
        "categorieen_betrokkenen": "Aanvragers en ontvangers van bijstand en hun gezinsleden.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, gezinssituatie, inkomen, vermogen, bankafschriften, woonlasten, opleiding en "
            "arbeidsverleden; zo nodig gegevens over gezondheid in verband met arbeidsvermogen."
        ),
        "ontvangers": "UWV, Belastingdienst en SVB via Suwinet en het Inlichtingenbureau; re-integratiebedrijven.",
        "verwerkers": "Leverancier Sociaal Domein Software B.V.",
        "bewaartermijn": (
            "10 jaar na beëindiging van de uitkering (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": "De aanvrager zelf, de Basisregistratie Personen, UWV, Belastingdienst en het Inlichtingenbureau.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, Suwinet-normenkader, rolgebaseerde toegang per functie, logging en periodieke controle "
            "op raadplegingen."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Schuldhulpverlening",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente helpt inwoners met (dreigende) problematische schulden, bijvoorbeeld met advies, "
            "budgetbeheer of een schuldregeling met schuldeisers."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": (
            "Wet gemeentelijke schuldhulpverlening, art. 2, art. 4a en art. 5; Besluit gemeentelijke "
            "schuldhulpverlening."
        ),
        "categorieen_betrokkenen": "Inwoners die hulp vragen, hun partners en huisgenoten, en schuldeisers.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, inkomen, vaste lasten, schulden en schuldeisers, bankgegevens en de gezinssituatie."
        ),
        "ontvangers": "Schuldeisers (bij een schuldregeling), de rechtbank (bij een Wsnp-verzoek) en de kredietbank.",
        "verwerkers": "Leverancier Schuldhulpsoftware B.V.; Kredietbank Regio B.V.",
        "bewaartermijn": (
            "7 jaar na afronding van het traject (Selectielijst gemeenten en intergemeentelijke organen 2020)."
        ),
        "herkomst": "De inwoner zelf, schuldeisers, de Basisregistratie Personen en het Inlichtingenbureau.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor schuldhulpverleners, logging en versleutelde uitwisseling met "
            "schuldeisers."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Risicoanalyse bijstandsfraude",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "ter_beoordeling",
        "doeleinden": (
            "Een rekenmodel geeft elke bijstandsaanvraag een risicoscore. Aanvragen met een hoge score worden "
            "automatisch geselecteerd voor een extra controle op onjuiste of onvolledige informatie."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": (
            "Participatiewet, art. 17 (inlichtingenplicht) en art. 53a (onderzoek naar rechtmatigheid)."
        ),
        "categorieen_betrokkenen": "Aanvragers en ontvangers van bijstand en hun gezinsleden.",
        "categorieen_persoonsgegevens": (
            "Inkomen, vermogen, woonsituatie, gezinssamenstelling, duur van de uitkering en eerdere terugvorderingen."
        ),
        "ontvangers": "Medewerkers handhaving en de sociale recherche.",
        "verwerkers": "Leverancier Analysesoftware B.V.",
        "bewaartermijn": (
            "Risicoscores 1 jaar; bij een onderzoek volgt de score de bewaartermijn van het uitkeringsdossier."
        ),
        "herkomst": "Het uitkeringsdossier, de Basisregistratie Personen en het Inlichtingenbureau.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor handhavingsmedewerkers, logging van elke score en een jaarlijkse "
            "toets op ongelijke behandeling."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": (
            "Toets op art. 22 AVG en discriminatietoets nog niet afgerond; nationaliteit is als variabele "
            "uitgesloten. DPIA moet vóór ingebruikname klaar zijn."
        ),
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": True,
        "algoritme_of_ai": True,
        "dpia_status": "nodig",
    },
    {
        "naam": "Inburgering",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "concept",
        "doeleinden": (
            "De gemeente begeleidt nieuwkomers bij hun inburgering, met een brede intake, een persoonlijk plan en "
            "taallessen."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Wet inburgering 2021, art. 14 (brede intake) en art. 15 (persoonlijk plan inburgering en participatie)."
        ),
        "categorieen_betrokkenen": "Inburgeringsplichtigen en hun gezinsleden.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, nationaliteit, opleiding, werkervaring, taalniveau, gezinssituatie en gegevens over "
            "gezondheid die invloed hebben op de inburgering."
        ),
        "ontvangers": "DUO, taalscholen en het Centraal Orgaan opvang asielzoekers (COA).",
        "verwerkers": "Leverancier Sociaal Domein Software B.V.",
        "bewaartermijn": "",
        "herkomst": "De inburgeraar zelf, DUO, het COA en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": "",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Vroegsignalering van schulden",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "concept",
        "doeleinden": (
            "Als u een betalingsachterstand hebt bij de huur, energie, water of zorgverzekering, krijgt de gemeente "
            "een signaal en biedt zij u hulp aan."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Wet gemeentelijke schuldhulpverlening, art. 3 en art. 5; Besluit gemeentelijke schuldhulpverlening, § 2."
        ),
        "categorieen_betrokkenen": "",
        "categorieen_persoonsgegevens": "Naam, adres, contactgegevens en de hoogte van de achterstand.",
        "ontvangers": "",
        "verwerkers": "Leverancier Vroegsignaleringsplatform B.V.",
        "bewaartermijn": "",
        "herkomst": "Woningcorporaties, energie- en drinkwaterbedrijven en zorgverzekeraars.",
        "beveiligingsmaatregelen": "",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Gehandicaptenparkeerkaart en -parkeerplaats",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "concept",
        "doeleinden": (
            "De gemeente beoordeelt of u met een medische beperking een gehandicaptenparkeerkaart of een eigen "
            "parkeerplaats bij uw woning krijgt."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "",
        "categorieen_betrokkenen": "Aanvragers met een beperking en hun vaste chauffeurs.",
        "categorieen_persoonsgegevens": "",
        "ontvangers": "",
        "verwerkers": "Medisch Adviesbureau Keuringen B.V. (medische beoordeling).",
        "bewaartermijn": "",
        "herkomst": "De aanvrager zelf en het medisch adviesbureau.",
        "beveiligingsmaatregelen": "BIO-maatregelen; medische gegevens blijven bij het medisch adviesbureau.",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Leerplicht en RMC",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "gewijzigd",
        "doeleinden": (
            "De gemeente ziet erop toe dat kinderen en jongeren naar school gaan en helpt jongeren tot 23 jaar zonder "
            "startkwalificatie terug naar school of werk."
        ),
        "grondslagen": ["c", "e"],
        "grondslag_toelichting": (
            "Leerplichtwet 1969, art. 16 en art. 21; Wet educatie en beroepsonderwijs, hoofdstuk 8, titel 3 "
            "(regionale meld- en coördinatiefunctie)."
        ),
        "categorieen_betrokkenen": (
            "Leerplichtige kinderen en jongeren, jongeren tot 23 jaar zonder startkwalificatie, en hun ouders."
        ),
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, geboortedatum, school, verzuimmeldingen, vrijstellingen en, waar nodig, gegevens over "
            "gezondheid of gezinssituatie."
        ),
        "ontvangers": "Scholen, het Openbaar Ministerie (bij proces-verbaal) en de Raad voor de Kinderbescherming.",
        "verwerkers": "Leverancier Leerplichtsoftware B.V.",
        "bewaartermijn": (
            "5 jaar nadat de jongere niet meer leerplichtig of RMC-doelgroep is (Selectielijst gemeenten en "
            "intergemeentelijke organen 2020)."
        ),
        "herkomst": "Scholen via DUO (verzuimloket), de Basisregistratie Personen en de ouders en jongeren zelf.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, toegang alleen voor leerplichtambtenaren en RMC-trajectbegeleiders, logging."
        ),
        "gezamenlijke_verantwoordelijken": "De gemeenten in de RMC-regio, met de centrumgemeente als coördinator.",
        "interne_notitie": (
            "Wijziging: overstap naar nieuw leerplichtsysteem en uitwisseling via het Register onderwijsdeelnemers."
        ),
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": ["gezondheid"],
        "strafrechtelijke_gegevens": True,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Energietoeslag 2022",
        "team": "Sociaal Domein",
        "verantwoordelijke": "college",
        "status": "gearchiveerd",
        "doeleinden": (
            "De gemeente betaalde in 2022 een eenmalige energietoeslag uit aan huishoudens met een laag inkomen."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Participatiewet, art. 36b (tijdelijke regeling, inmiddels vervallen).",
        "categorieen_betrokkenen": "Aanvragers en ontvangers van de energietoeslag.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, inkomen, samenstelling van het huishouden en bankrekeningnummer."
        ),
        "ontvangers": "Geen externe ontvangers.",
        "verwerkers": "Leverancier Sociaal Domein Software B.V.",
        "bewaartermijn": "7 jaar na de uitbetaling (Selectielijst gemeenten en intergemeentelijke organen 2020).",
        "herkomst": "De aanvrager zelf, het bijstandsbestand en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": "BIO-maatregelen, rolgebaseerde toegang en logging.",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Regeling beëindigd; alleen nog archiefbeheer tot het einde van de bewaartermijn.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    # ------------------------------------------------------------------ Belastingen
    {
        "naam": "WOZ-waardering",
        "team": "Belastingen",
        "verantwoordelijke": "heffingsambtenaar",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente bepaalt elk jaar de WOZ-waarde van woningen en andere panden. Die waarde wordt gebruikt voor "
            "gemeentelijke belastingen, de inkomstenbelasting en de waterschapsbelasting."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Wet waardering onroerende zaken, art. 17 en art. 22.",
        "categorieen_betrokkenen": "Eigenaren en gebruikers van onroerende zaken in de gemeente.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, objectkenmerken, verkoopprijzen, foto's van de buitenkant van het pand en de "
            "vastgestelde waarde."
        ),
        "ontvangers": (
            "Landelijke Voorziening WOZ, waaronder de Belastingdienst en het waterschap; de Waarderingskamer "
            "(toezicht)."
        ),
        "verwerkers": "Leverancier Belastingsoftware B.V.; Taxatiebureau Vastgoedwaarde B.V.",
        "bewaartermijn": "7 jaar na het belastingjaar (Selectielijst gemeenten en intergemeentelijke organen 2020).",
        "herkomst": "De Basisregistratie Personen, de BAG, het Kadaster en de eigenaar of gebruiker zelf.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, rolgebaseerde toegang, logging en versleutelde aansluiting op de Landelijke Voorziening "
            "WOZ."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": True,
        "dpia_status": "uitgevoerd",
    },
    {
        "naam": "Onroerendezaakbelastingen (OZB)",
        "team": "Belastingen",
        "verantwoordelijke": "heffingsambtenaar",
        "status": "vastgesteld",
        "doeleinden": (
            "De gemeente legt eigenaren van woningen en andere panden, en gebruikers van niet-woningen, een aanslag "
            "OZB op."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Gemeentewet, art. 220 tot en met 220i, en de Verordening onroerendezaakbelastingen.",
        "categorieen_betrokkenen": "Eigenaren van onroerende zaken en gebruikers van niet-woningen.",
        "categorieen_persoonsgegevens": "BSN of KvK-nummer, naam, adres, WOZ-waarde en aanslaggegevens.",
        "ontvangers": "Geen externe ontvangers, behalve de drukker en verzender van aanslagbiljetten.",
        "verwerkers": "Leverancier Belastingsoftware B.V.; Printservice Aanslagen B.V.",
        "bewaartermijn": "7 jaar na het belastingjaar (fiscale bewaarplicht).",
        "herkomst": "De WOZ-administratie, het Kadaster en de Basisregistratie Personen.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, rolgebaseerde toegang, logging en een verwerkersovereenkomst met de drukker."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Afvalstoffenheffing en rioolheffing",
        "team": "Belastingen",
        "verantwoordelijke": "heffingsambtenaar",
        "status": "gewijzigd",
        "doeleinden": (
            "De gemeente legt huishoudens een aanslag op voor het ophalen van afval en voor het riool. Bij de "
            "afvalstoffenheffing telt mee hoe vaak uw container wordt geleegd."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Wet milieubeheer, art. 15.33 (afvalstoffenheffing); Gemeentewet, art. 228a (rioolheffing)."
        ),
        "categorieen_betrokkenen": "Gebruikers van woningen en eigenaren van aangesloten panden.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, samenstelling van het huishouden, containernummer, aantal ledigingen en aanslaggegevens."
        ),
        "ontvangers": "Geen externe ontvangers.",
        "verwerkers": "Leverancier Belastingsoftware B.V.; Afvalinzameling Regio N.V. (registratie ledigingen).",
        "bewaartermijn": "7 jaar na het belastingjaar; registraties van ledigingen 2 jaar.",
        "herkomst": "De Basisregistratie Personen, de WOZ-administratie en de chip in de container.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, rolgebaseerde toegang, logging en versleutelde uitwisseling met de afvalinzamelaar."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": (
            "Wijziging: invoering van diftar per 1 januari; registratie van ledigingen per container toegevoegd."
        ),
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Invordering en kwijtschelding",
        "team": "Belastingen",
        "verantwoordelijke": "college",
        "status": "ter_beoordeling",
        "doeleinden": (
            "De gemeente int de gemeentelijke belastingen en beoordeelt of u, bij een laag inkomen, geen of minder "
            "belasting hoeft te betalen."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": (
            "Gemeentewet, art. 231 en art. 255; Invorderingswet 1990, art. 26, en de Uitvoeringsregeling "
            "Invorderingswet 1990, hoofdstuk 5."
        ),
        "categorieen_betrokkenen": "Belastingplichtigen, aanvragers van kwijtschelding en hun partners.",
        "categorieen_persoonsgegevens": (
            "BSN, naam, adres, openstaande bedragen, betalingen, inkomen, vermogen, vaste lasten en bankrekeningnummer."
        ),
        "ontvangers": (
            "Gerechtsdeurwaarders bij dwanginvordering en het Inlichtingenbureau voor de toets op kwijtschelding."
        ),
        "verwerkers": "Leverancier Belastingsoftware B.V.; Incassobureau Gemeentelijke Vorderingen B.V.",
        "bewaartermijn": "7 jaar na het belastingjaar (fiscale bewaarplicht).",
        "herkomst": "De belastingplichtige zelf, het Inlichtingenbureau, UWV en de Belastingdienst.",
        "beveiligingsmaatregelen": (
            "BIO-maatregelen, rolgebaseerde toegang, logging en versleutelde uitwisseling met het Inlichtingenbureau."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Hondenbelasting",
        "team": "Belastingen",
        "verantwoordelijke": "heffingsambtenaar",
        "status": "concept",
        "doeleinden": "De gemeente legt houders van een hond een aanslag hondenbelasting op.",
        "grondslagen": ["c"],
        "grondslag_toelichting": "Gemeentewet, art. 226, en de Verordening hondenbelasting.",
        "categorieen_betrokkenen": "",
        "categorieen_persoonsgegevens": "",
        "ontvangers": "",
        "verwerkers": "Leverancier Belastingsoftware B.V.",
        "bewaartermijn": "7 jaar na het belastingjaar.",
        "herkomst": "",
        "beveiligingsmaatregelen": "",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Nagaan of we nog huis-aan-huiscontroles doen.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Toeristenbelasting",
        "team": "Belastingen",
        "verantwoordelijke": "heffingsambtenaar",
        "status": "ter_beoordeling",
        "doeleinden": (
            "De gemeente legt aanbieders van overnachtingen, zoals hotels, campings en verhuurders via online "
            "platforms, een aanslag toeristenbelasting op."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Gemeentewet, art. 224, en de Verordening toeristenbelasting.",
        "categorieen_betrokkenen": "Exploitanten van logiesverblijven en particuliere verhuurders.",
        "categorieen_persoonsgegevens": "Naam, adres, KvK-nummer of BSN, aantal overnachtingen en aanslaggegevens.",
        "ontvangers": "Geen externe ontvangers.",
        "verwerkers": "Leverancier Belastingsoftware B.V.",
        "bewaartermijn": "7 jaar na het belastingjaar (fiscale bewaarplicht).",
        "herkomst": "De aanbieders zelf (aangifte), het gemeentelijk registratiesysteem vakantieverhuur en de BRP.",
        "beveiligingsmaatregelen": "BIO-maatregelen, rolgebaseerde toegang en logging.",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": True,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "niet_nodig",
    },
    {
        "naam": "Parkeervergunningen",
        "team": "Belastingen",
        "verantwoordelijke": "college",
        "status": "concept",
        "doeleinden": (
            "Bewoners en bedrijven in betaald-parkeergebied kunnen een parkeervergunning aanvragen voor hun auto."
        ),
        "grondslagen": ["e"],
        "grondslag_toelichting": "Gemeentewet, art. 225, en de Parkeerverordening.",
        "categorieen_betrokkenen": "Aanvragers en houders van een parkeervergunning en hun bezoekers.",
        "categorieen_persoonsgegevens": "Naam, adres, kenteken, e-mailadres en bankrekeningnummer.",
        "ontvangers": "",
        "verwerkers": "Leverancier Parkeersoftware B.V.",
        "bewaartermijn": "",
        "herkomst": "De aanvrager zelf, de Basisregistratie Personen en de RDW (kentekenregister).",
        "beveiligingsmaatregelen": "",
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": False,
        "dpia_status": "onbekend",
    },
    {
        "naam": "Parkeerbelasting en naheffingsaanslagen",
        "team": "Belastingen",
        "verantwoordelijke": "heffingsambtenaar",
        "status": "gewijzigd",
        "doeleinden": (
            "De gemeente controleert of voor geparkeerde auto's is betaald en legt een naheffingsaanslag op als dat "
            "niet zo is."
        ),
        "grondslagen": ["c"],
        "grondslag_toelichting": "Gemeentewet, art. 225 en art. 234; Verordening parkeerbelastingen.",
        "categorieen_betrokkenen": "Bestuurders en kentekenhouders van geparkeerde voertuigen.",
        "categorieen_persoonsgegevens": (
            "Kenteken, locatie en tijdstip, foto's van het voertuig, en naam en adres van de kentekenhouder bij een "
            "naheffingsaanslag."
        ),
        "ontvangers": "RDW (voor het opvragen van de kentekenhouder) en het Nationaal Parkeer Register.",
        "verwerkers": "Leverancier Parkeersoftware B.V.; Scanauto Diensten B.V.",
        "bewaartermijn": "Scangegevens van betaalde voertuigen worden direct verwijderd; naheffingsaanslagen 7 jaar.",
        "herkomst": "Scanauto's en handhavers, het Nationaal Parkeer Register en de RDW.",
        "beveiligingsmaatregelen": (
            "Kentekens worden versleuteld vergeleken, foto's tonen geen inzittenden, elke naheffing wordt door een "
            "medewerker gecontroleerd, en alle handelingen worden gelogd."
        ),
        "gezamenlijke_verantwoordelijken": "",
        "interne_notitie": "Wijziging: inzet van scanauto's met kentekenherkenning; DPIA is geactualiseerd.",
        "doorgifte_waarborgen": "",
        "bijzondere_categorieen": [],
        "strafrechtelijke_gegevens": False,
        "gebruikt_bsn": False,
        "doorgifte_buiten_eer": False,
        "geautomatiseerde_besluitvorming": False,
        "algoritme_of_ai": True,
        "dpia_status": "uitgevoerd",
    },
]
