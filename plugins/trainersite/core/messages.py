"""Every message of ours in the site's language: one catalogue, English text -> Dutch text.

The English text is the message id (as in gettext), so code keeps raising
`ContentError(source, key, f"an author key from mkdocs.yml ({known})")` and the catalogue holds
the template `"an author key from mkdocs.yml ({known})"` once. `translate` finds the template a
finished English text was made from (placeholders match any text), translates the filled-in
values that are messages themselves, and fills the Dutch template. Adding a message is one entry
in `NL`; `tests/test_messages.py` fails for a `ContentError` text in the code that has none.
Key names, file names and values are never translated: they are what the trainer typed.
"""

from __future__ import annotations

import re
from functools import lru_cache

NL: dict[str, str] = {
    # -- the frame of every error line (core/errors.py) -------------------------------------------
    "expected {expected}": "verwacht {expected}",
    ", got {got}": ", maar er staat {got}",
    "; hint: {hint}": "; tip: {hint}",
    # -- posts: reading the file and its front matter ---------------------------------------------
    "UTF-8 text (undecodable byte at position {position})": "UTF-8-tekst (onleesbaar teken op positie {position})",
    "valid YAML (line {line}): {problem}": "geldige YAML (regel {line}): {problem}",
    "valid YAML: {problem}": "geldige YAML: {problem}",
    "valid YAML values ({problem})": "geldige YAML-waarden ({problem})",
    "syntax error": "schrijffout",
    # PyYAML's own words for the usual mistakes
    "mapping values are not allowed here": "hier mag geen dubbele punt staan",
    "found character '\\t' that cannot start any token": "een tab mag hier niet staan",
    "found character '\t' that cannot start any token": "een tab mag hier niet staan",
    "could not find expected ':'": "er ontbreekt een ':'",
    "mapping values are not allowed in this context": "hier mag geen dubbele punt staan",
    "found character that cannot start any token": "hier staat een teken waarmee niets kan beginnen",
    "found a tab character that violates indentation": "een tab verstoort het inspringen",
    "found undefined alias": "onbekende alias",
    "key '{key}' appears twice": "de sleutel '{key}' staat er twee keer in",
    "a YAML block between '---' lines at the top of the file":
        "bovenaan het bestand een YAML-blok tussen twee regels '---'",
    "a closing '---' line after the front matter": "een afsluitende regel '---' na de front matter",
    "keys with values (key: value)": "sleutels met waarden (sleutel: waarde)",
    "a non-empty text": "een tekst (niet leeg)",
    "a text": "een tekst",
    "a list of texts": "een lijst van teksten",
    "a list of non-empty texts": "een lijst van teksten (niet leeg)",
    "true or false": "true of false",
    "either 'author' or 'authors', not both": "'author' of 'authors', niet allebei",
    "an author key from mkdocs.yml ({known})": "een auteur uit mkdocs.yml ({known})",
    "(none configured)": "(geen ingesteld)",
    "replies nested at most 20 levels deep": "antwoorden die hoogstens 20 niveaus diep genest zijn",
    "a list of comments with author, date and text": "een lijst van reacties met author, date en text",
    "author, date and text": "author, date en text",
    "a date like 2024-03-05": "een datum zoals 2024-03-05",
    "a publication date like 2024-03-05": "een publicatiedatum zoals 2024-03-05",
    "a date like 2024-03-05 or 2024-03-05 14:30": "een datum zoals 2024-03-05 of 2024-03-05 14:30",
    "a title or slug with at least one letter or digit": "een titel of slug met minstens één letter of cijfer",
    "names with at least one letter or digit": "namen met minstens één letter of cijfer",
    "a slug of its own, but '{slug}' is also the slug of {other}":
        "een eigen slug, maar '{slug}' is ook de slug van {other}",
    "a table of authors (key: {name, bio, avatar, email})": "een tabel met auteurs (sleutel: {name, bio, avatar, email})",
    "name, bio, avatar and email": "name, bio, avatar en email",
    "only name, bio, avatar and email": "alleen name, bio, avatar en email",
    "one of the authors ({authors})": "een van de auteurs ({authors})",
    "a time zone name like Europe/Amsterdam": "een tijdzone zoals Europe/Amsterdam",
    "old addresses like /2011/09/06/titel/ or /?p=123": "oude adressen zoals /2011/09/06/titel/ of /?p=123",
    "an old address of its own, but /{url} is also an alias of {other}":
        "een eigen oud adres, maar /{url} is ook een alias van {other}",
    "an old address, but /{url} is the post itself": "een oud adres, maar /{url} is het bericht zelf",
    "an old address that is free, but /{url} is {what}": "een oud adres dat nog vrij is, maar /{url} is {what}",
    "the page docs/{src}": "de pagina docs/{src}",
    "the file {src}": "het bestand {src}",
    "a YouTube or Vimeo link like https://www.youtube.com/watch?v=... or https://vimeo.com/123456":
        "een YouTube- of Vimeo-link zoals https://www.youtube.com/watch?v=... of https://vimeo.com/123456",
    "a free address, but /{url} is also docs/{src}": "een vrij adres, maar /{url} is ook docs/{src}",
    "the blog": "de blog",
    # -- site settings (mkdocs.yml) ---------------------------------------------------------------
    "a whole number of at least 1": "een heel getal van minstens 1",
    "0 (one per core) or more": "0 (één per processorkern) of meer",
    "a URL pattern with {field} and no other braces": "een adrespatroon met {field} en verder geen accolades",
    "the site's address, e.g. https://www.example.nl/": "het adres van de site, bijvoorbeeld https://www.example.nl/",
    "trainersite-blog before trainersite-feeds": "trainersite-blog vóór trainersite-feeds",
    "no file here, the feed is written to /{path}": "hier geen bestand: de feed wordt naar /{path} geschreven",
    "no file here, the agenda's {kind} is written to /{path}": "hier geen bestand: de {kind} van de agenda wordt naar /{path} geschreven",
    "the contact data (name, email, phone, address, kvk, social) for docs/{src}":
        "de contactgegevens (name, email, phone, address, kvk, social) voor docs/{src}",
    "signup_url, email_field, honeypot_field, privacy_url": "signup_url, email_field, honeypot_field, privacy_url",
    "only signup_url, email_field, honeypot_field and privacy_url":
        "alleen signup_url, email_field, honeypot_field en privacy_url",
    "an http(s) address of the provider's signup form": "een http(s)-adres van het aanmeldformulier van je nieuwsbriefdienst",
    "a table with {keys}": "een tabel met {keys}",
    "only {keys}": "alleen {keys}",
    "a web address starting with https://": "een webadres dat begint met https://",
    "an e-mail address like info@example.nl": "een e-mailadres zoals info@example.nl",
    "a chamber of commerce (KvK) number of 8 digits": "een KvK-nummer van 8 cijfers",
    "a two-letter country code like NL": "een landcode van twee letters zoals NL",
    "a phone number like 030 123 45 67 or +31 30 123 45 67": "een telefoonnummer zoals 030 123 45 67 of +31 30 123 45 67",
    "a list of links with name and url": "een lijst van links met name en url",
    # -- courses -----------------------------------------------------------------------------------
    "one of the course keys ({keys})": "een van de sleutels van een training ({keys})",
    # -- the home page (docs/index.md, courses/home.py) -------------------------------------------
    "one of the home page keys ({keys})": "een van de sleutels van de startpagina ({keys})",
    "a list of course slugs": "een lijst van slugs van trainingen",
    "a table with title, text, image, image_alt and buttons": "een tabel met title, text, image, image_alt en buttons",
    "a list of buttons with label and url": "een lijst van knoppen met label en url",
    "a list of buttons with label and url (at most 2)": "een lijst van knoppen met label en url (hoogstens 2)",
    "buttons with label and url": "knoppen met label en url",
    "a page of the site or an https:// address": "een pagina van de site of een https://-adres",
    "an image file in docs/, like /assets/images/portret.svg": "een afbeelding in docs/, zoals /assets/images/portret.svg",
    "at most two buttons, the first one stands out": "hoogstens twee knoppen; de eerste valt het meest op",
    "false: no newsletter signup on the home page": "false: geen aanmelding voor de nieuwsbrief op de startpagina",
    "how many of the newest posts are shown": "hoeveel van de nieuwste berichten er staan",
    "how many quotes from the courses' testimonials are shown": "hoeveel uitspraken van deelnemers (testimonials van de trainingen) er staan",
    "one sentence: what you do, for whom": "één zin: wat je doet en voor wie",
    "the big heading at the top of the home page": "de grote kop bovenaan de startpagina",
    "the button's text": "de tekst op de knop",
    "the courses shown as cards (default: all, in catalogue order)": "de trainingen die als kaart getoond worden (standaard: alle, in de volgorde van de catalogus)",
    "the heading above the course cards": "de kop boven de trainingen",
    "the privacy statement, linked from the footer and the forms": "de privacyverklaring, gelinkt vanuit de voettekst en de formulieren",
    "the sentence of the contact block at the bottom": "de zin in het contactblok onderaan",
    "the top of the home page": "het bovenste deel van de startpagina",
    "what the portrait shows, for screen readers": "wat het portret laat zien, voor schermlezers",
    "where the button leads": "waar de knop naartoe gaat",
    "your portrait beside the heading": "je portret naast de kop",
    "a list of {what}": "een lijst van {what}",
    "an amount in euro excl. btw as a number, like 1295 (or no price: on request)":
        "een bedrag in euro excl. btw als getal, zoals 1295 (of geen prijs: op aanvraag)",
    "a whole number": "een heel getal",
    "a whole number of at least {minimum}": "een heel getal van minstens {minimum}",
    "sessions with start, end, location and seats_left": "sessies met start, end, location en seats_left",
    "testimonials with quote, name and role": "ervaringen met quote, name en role",
    "a date and time like 2027-03-09 09:30": "een datum en tijd zoals 2027-03-09 09:30",
    "a time if and only if the start has one": "een tijd als (en alleen als) het begin er een heeft",
    "a moment after the start ({start})": "een moment na het begin ({start})",
    "at most max_participants ({maximum})": "hoogstens max_participants ({maximum})",
    "the slug of a course ({known})": "de slug van een training ({known})",
    "(no courses in docs/trainingen/)": "(geen trainingen in docs/trainingen/)",
    "a file name in lower case with hyphens, like {name}": "een bestandsnaam in kleine letters met streepjes, zoals {name}",
    # pictures (media/images.py, media/social_cards.py)
    "an image file that exists": "een afbeeldingsbestand dat bestaat",
    "a readable image file ({reason})": "een leesbaar afbeeldingsbestand ({reason})",
    "a colour like '#4051b5' for background, text or accent": "een kleur zoals '#4051b5' voor background, text of accent",
    "a JPEG, PNG, WebP, GIF or SVG image file": "een JPEG-, PNG-, WebP-, GIF- of SVG-afbeelding",
    "{expected} (this file is no picture Pillow can read)": "{expected} (dit bestand is geen afbeelding die Pillow kan lezen)",
    "{expected} (this one is {format})": "{expected} (dit is {format})",
    "an image of at most {count} megapixels": "een afbeelding van hoogstens {count} megapixels",
    "an image of at most {count} megapixels ({size} is more)": "een afbeelding van hoogstens {count} megapixels ({size} is meer)",
    "a complete, undamaged image file ({reason})": "een volledig, onbeschadigd afbeeldingsbestand ({reason})",
    "a social card drawn into {path} ({reason})": "een social card, getekend in {path} ({reason})",
    "a folder the build can write to": "een map waarin de build kan schrijven",
    "an image file in docs/, like /assets/images/trainingen/x.svg":
        "een afbeelding in docs/, zoals /assets/images/trainingen/x.svg",
    # -- hints (core/hints.py) ---------------------------------------------------------------------
    'put the text in quotes: {line}': 'zet de tekst tussen aanhalingstekens: {line}',
    "use spaces instead of a tab (line {line})": "gebruik spaties in plaats van een tab (regel {line})",
    "write the date as year-month-day: {iso}": "schrijf de datum als jaar-maand-dag: {iso}",
    "write a list in square brackets: {key}: [{items}]": "schrijf een lijst tussen vierkante haken: {key}: [{items}]",
    "a list like [{items}]": "een lijst zoals [{items}]",
    # -- warnings ----------------------------------------------------------------------------------
    "categories '{first}' ({first_source}) and '{second}' ({second_source}) differ only in spelling; "
    "use one of them": "de categorieën '{first}' ({first_source}) en '{second}' ({second_source}) verschillen "
    "alleen in schrijfwijze; gebruik er één",
    # -- the preview's error page (core/problem_page.py) ------------------------------------------
    "The site has 1 problem": "De site heeft 1 probleem",
    "The site has {count} problems": "De site heeft {count} problemen",
    "The preview cannot show this page yet: fix what is listed below and save the file. "
    "This page reloads by itself.":
        "De voorbeeldweergave kan deze pagina nog niet tonen: los op wat hieronder staat en sla het "
        "bestand op. Deze pagina laadt daarna vanzelf opnieuw.",
    "File": "Bestand",
    "Line": "Regel",
    "Key": "Sleutel",
    "Expected": "Verwacht",
    "Found": "Gevonden",
    "Hint": "Tip",
    "Example": "Voorbeeld",
    "Problem": "Probleem",
    # -- the trainersite command (tools/cli.py) ---------------------------------------------------
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "commands": "opdrachten",
    "show this help and stop": "toon deze hulp en stop",
    "FILE": "BESTAND",
    "DATE": "DATUM",
    "write the digest e-mail of the posts since a date (HTML and plain text)":
        "schrijf de nieuwsbriefmail met de berichten sinds een datum (HTML en platte tekst)",
    "the first day of posts to include, e.g. 2026-11-01": "de eerste dag waarvan berichten meegaan, bijvoorbeeld 2026-11-01",
    "the HTML file to write (default: nieuwsbrief-<date>.html)": "het HTML-bestand dat wordt geschreven (standaard: nieuwsbrief-<datum>.html)",
    "TITLE": "TITEL",
    "PATH": "PAD",
    "The trainer's website: write, preview, check and publish.":
        "De website van de trainer: schrijven, bekijken, controleren en publiceren.",
    "the site's settings file (default: mkdocs.yml in this folder or above)":
        "het instellingenbestand van de site (standaard: mkdocs.yml in deze map of erboven)",
    "start a new post (as a draft)": "begin een nieuw bericht (als concept)",
    "the title, in quotes: \"Title of the post\"": "de titel, tussen aanhalingstekens: \"Titel van het bericht\"",
    "an image for the post: it is copied to the site's image folder": "een afbeelding bij het bericht: die wordt naar de afbeeldingenmap van de site gekopieerd",
    "preview the site in the browser (drafts included)": "bekijk de site in de browser (concepten ook)",
    "the port of the preview (default 8000)": "de poort van de voorbeeldweergave (standaard 8000)",
    "do not open the browser": "open de browser niet",
    "check all content and settings without building": "controleer alle inhoud en instellingen zonder te bouwen",
    "build, check and publish the site": "bouw, controleer en publiceer de site",
    "a folder, or git:<remote>[#branch]": "een map, of git:<remote>[#branch]",
    "releases to keep (folder target)": "aantal bewaarde versies (bij een map)",
    "go back to the previous release (folder target)": "ga terug naar de vorige versie (bij een map)",
    "import posts from a WordPress export (.xml)": "haal berichten uit een WordPress-export (.xml)",
    "the WordPress export file (.xml)": "het WordPress-exportbestand (.xml)",
    "where to write the posts (default: the blog's posts folder)": "waar de berichten komen (standaard: de berichtenmap van de blog)",
    "overwrite post files that already exist": "overschrijf berichten die al bestaan",
    "map a WordPress login to an author key of mkdocs.yml (repeatable)":
        "koppel een WordPress-login aan een auteur uit mkdocs.yml (mag vaker)",
    "New draft: {path}": "Nieuw concept: {path}",
    "Image copied to {path}": "Afbeelding gekopieerd naar {path}",
    "See it with: trainersite {command} (drafts are only shown there).":
        "Bekijk het met: trainersite {command} (concepten zijn alleen daar te zien).",
    "Ready to publish? Remove the line 'draft: true' and run: trainersite {command}":
        "Klaar om te publiceren? Haal de regel 'draft: true' weg en draai: trainersite {command}",
    "{path} already exists; choose another title or edit that file.":
        "{path} bestaat al; kies een andere titel of bewerk dat bestand.",
    "the title needs at least one letter or digit": "de titel moet minstens één letter of cijfer bevatten",
    "{path}: no such image file": "{path}: dat afbeeldingsbestand bestaat niet",
    "{path}: not an image (expected {kinds})": "{path}: geen afbeelding (verwacht {kinds})",
    "{path}: no such config file": "{path}: dat instellingenbestand bestaat niet",
    "no mkdocs.yml found here or in a folder above; go to the site's folder or use --config-file":
        "geen mkdocs.yml gevonden in deze map of erboven; ga naar de map van de site of gebruik --config-file",
    "The preview is at {url} (stop it with Ctrl+C).": "De voorbeeldweergave staat op {url} (stoppen met Ctrl+C).",
    "Everything is in order: {posts} posts, {courses} courses, settings checked.":
        "Alles in orde: {posts} berichten, {courses} trainingen, instellingen gecontroleerd.",
    "1 problem found; nothing was built.": "1 probleem gevonden; er is niets gebouwd.",
    "{count} problems found; nothing was built.": "{count} problemen gevonden; er is niets gebouwd.",
    "warning: {text}": "waarschuwing: {text}",
    "'{key}': expected LOGIN=KEY, got {pair}": "'{key}': verwacht LOGIN=SLEUTEL, maar er staat {pair}",
    "--author {login}={key}: '{key2}' is not an author in mkdocs.yml":
        "--author {login}={key}: '{key2}' is geen auteur in mkdocs.yml",
    "{path}: no such file": "{path}: dat bestand bestaat niet",
    "FOLDER": "MAP",
    "a copy of the old site's wp-content/uploads: pictures are copied into the site":
        "een kopie van wp-content/uploads van de oude site: de afbeeldingen worden naar de site gekopieerd",
    "--uploads {path}: expected the folder holding a copy of wp-content/uploads":
        "--uploads {path}: verwacht de map met een kopie van wp-content/uploads",
    "{path}: not readable as the site's mkdocs.yml ({reason})": "{path}: niet leesbaar als mkdocs.yml van de site ({reason})",
    "{path} is not a WordPress export: {reason}": "{path} is geen WordPress-export: {reason}",
    # -- deploy and the WordPress import (tools/deploy.py, tools/wordpress.py) ---------------------
    "rolled back: {target} -> {release}": "teruggezet: {target} -> {release}",
    "published: {target} -> {release}": "gepubliceerd: {target} -> {release}",
    "published to {remote} branch {branch} (commit {commit})": "gepubliceerd naar {remote}, branch {branch} (commit {commit})",
    "nothing changed: {remote} {branch} already has this build": "niets veranderd: {remote} {branch} heeft deze versie al",
    "the build failed (see the message above); nothing was published":
        "het bouwen is mislukt (zie de melding hierboven); er is niets gepubliceerd",
    "the check found {count} problem(s) in the build; nothing was published":
        "de controle vond {count} probleem/problemen in de gebouwde site; er is niets gepubliceerd",
    "... and {more} more": "... en nog {more}",
    "'{text}': expected git:<remote URL or path>[#branch]": "'{text}': verwacht git:<remote-adres of pad>[#branch]",
    "expected a folder path or git:<remote>[#branch] to publish to": "verwacht een map of git:<remote>[#branch] om naar te publiceren",
    "{target} is not a published symlink; there is nothing to roll back":
        "{target} is geen gepubliceerde symlink; er valt niets terug te zetten",
    "no release before {name} is kept; nothing was changed": "er is geen versie vóór {name} bewaard; er is niets veranderd",
    "git is not installed; nothing was published": "git is niet geïnstalleerd; er is niets gepubliceerd",
    "git {command} failed: {line}; nothing was published": "git {command} is mislukt: {line}; er is niets gepubliceerd",
    "{path}: no such config file; nothing was published": "{path}: dat instellingenbestand bestaat niet; er is niets gepubliceerd",
    "publishing to {target} failed ({reason}); the published site is unchanged":
        "publiceren naar {target} is mislukt ({reason}); de gepubliceerde site is ongewijzigd",
    "--rollback works for folder targets; for git, revert the commit on the branch":
        "--rollback werkt bij een map; draai bij git de commit op de branch terug",
    "{target} is a real folder, not a published symlink: move it away (or publish to a new path) "
    "so deploy can manage it; nothing was published":
        "{target} is een echte map, geen gepubliceerde symlink: verplaats hem (of publiceer naar een nieuw pad) "
        "zodat publiceren hem kan beheren; er is niets gepubliceerd",
    "{written} posts written ({drafts} as draft), {comments} comments.":
        "{written} berichten geschreven ({drafts} als concept), {comments} reacties.",
    "{count} skipped:": "{count} overgeslagen:",
    "{count} skipped.": "{count} overgeslagen.",
    "note: {note}": "let op: {note}",
    "  - {label}: {why}": "  - {label}: {why}",
    "WordPress author '{login}' is not in mkdocs.yml: {count} post(s) now by '{author}' (add the author, or use --author {login}=KEY)":
        "WordPress-auteur '{login}' staat niet in mkdocs.yml: {count} bericht(en) nu van '{author}' "
        "(voeg de auteur toe, of gebruik --author {login}=SLEUTEL)",
    "no <wp:wxr_version> in the channel (export it with Tools > Export in WordPress)":
        "geen <wp:wxr_version> in het kanaal (exporteer via Extra > Exporteren in WordPress)",
    "not readable as XML ({reason})": "niet leesbaar als XML ({reason})",
    "expected an <rss> file with a <channel>, found <{tag}>": "verwacht een <rss>-bestand met een <channel>, gevonden: <{tag}>",
    "type '{kind}', not a post": "type '{kind}', geen bericht",
    "status {status}": "status {status}",
    "no valid date": "geen geldige datum",
    "{target} exists (use --force to overwrite)": "{target} bestaat al (gebruik --force om te overschrijven)",
    "no valid date (a date between {first} and {last})": "geen geldige datum (een datum tussen {first} en {last})",
    "{target} could not be written ({reason})": "{target} kon niet worden geschreven ({reason})",
    "not readable ({reason})": "niet leesbaar ({reason})",
    "{label}: old address {link} is not a plain path, so no alias was made":
        "{label}: oud adres {link} is geen gewoon pad, dus er is geen alias van gemaakt",
    "{label}: had a password in WordPress, so it is a draft here (check it first)":
        "{label}: had in WordPress een wachtwoord, dus het is hier een concept (bekijk het eerst)",
    "{count} pictures copied, {missing} not found in the uploads folder:":
        "{count} afbeeldingen gekopieerd, {missing} niet gevonden in de uploads-map:",
    "{count} pictures copied, {missing} not found in the uploads folder.":
        "{count} afbeeldingen gekopieerd, {missing} niet gevonden in de uploads-map.",
    # -- newer messages of the deploy tool and the digest ----------------------------------------
    "'{text}': a git remote cannot start with '-' (for a folder of that name write ./{remote})":
        "'{text}': een git-remote kan niet met '-' beginnen (schrijf voor een map met die naam ./{remote})",
    "'{text}': the git remote contains a control character": "'{text}': de git-remote bevat een stuurteken",
    "'{text}': '{branch}' is not a usable branch name (letters, digits, '-', '_', '.', '/')":
        "'{text}': '{branch}' is geen bruikbare branchnaam (letters, cijfers, '-', '_', '.', '/')",
    "{target} is a symlink deploy did not make (it points to {link}): move it away so deploy can manage it; nothing was published":
        "{target} is een symlink die publiceren niet heeft gemaakt (hij wijst naar {link}): verplaats hem zodat "
        "publiceren hem kan beheren; er is niets gepubliceerd",
    "{target} is a symlink deploy did not make (it points to {link}); nothing was changed":
        "{target} is een symlink die publiceren niet heeft gemaakt (hij wijst naar {link}); er is niets veranderd",
    "{target} {what}: deploy did not publish there, so there is nothing to roll back":
        "{target} {what}: daar is niet gepubliceerd, dus er valt niets terug te zetten",
    "does not exist": "bestaat niet",
    "is not a published symlink": "is geen gepubliceerde symlink",
    "--keep {keep}: expected a whole number of at least 1 (the live release); nothing was published":
        "--keep {keep}: verwacht een heel getal van minstens 1 (de live versie); er is niets gepubliceerd",
    "rolling back {target} failed ({reason}); check the folder by hand":
        "terugzetten van {target} is mislukt ({reason}); controleer de map zelf",
    "a date with at least one published post on or after it": "een datum met op of na die dag minstens één gepubliceerd bericht",
    "unknown key '{key}': did you mean '{suggestion}'?": "onbekende sleutel '{key}': bedoel je '{suggestion}'?",
    "a list of author keys from mkdocs.yml": "een lijst van auteurs uit mkdocs.yml",
    "an author key from mkdocs.yml": "een auteur uit mkdocs.yml",
    "a YouTube or Vimeo link": "een YouTube- of Vimeo-link",
    "the slug of a course": "de slug van een training",
    "a whole number of at least 0": "een heel getal van minstens 0",
    "tags with at least one letter or digit": "trefwoorden met minstens één letter of cijfer",
    "an author key with at least one letter or digit": "een auteurssleutel met minstens één letter of cijfer",
    "a key of its own, but its address is that of '{other}'": "een eigen sleutel, maar het adres is dat van '{other}'",
    "letters, digits and hyphens, like voorjaar-2027": "letters, cijfers en streepjes, zoals voorjaar-2027",
    "an id of its own, but sessions[{number}] has it too": "een eigen id, maar sessions[{number}] heeft die ook",
    "an 'id' (e.g. id: {example}), because sessions[{number}] has the same {what} and the calendar tells sessions apart by their start day":
        "een 'id' (bijvoorbeeld id: {example}), want sessions[{number}] heeft {what} en de agenda onderscheidt sessies op hun begindag",
    "start": "hetzelfde begin",
    "start day": "dezelfde begindag",
    "not readable ({reason})": "niet leesbaar ({reason})",
    "keeps the session's calendar UID when its day is corrected (else the start day is used)":
        "houdt de agenda-UID van de sessie vast als de dag wordt verbeterd (anders telt de begindag)",
    # -- what each front-matter key means (core/schema.py; HANDLEIDING.md is made from these) ------
    "who wrote the comment": "wie de reactie schreef",
    "when it was written": "wanneer die geschreven is",
    "the comment itself, shown as plain text": "de reactie zelf, getoond als platte tekst",
    "answers to this comment, same keys": "antwoorden op deze reactie, met dezelfde sleutels",
    "the post's title": "de titel van het bericht",
    "publication date (and time); a future date waits": "publicatiedatum (en tijd); een datum in de toekomst wacht tot die dag",
    "date of the last real change, shown and used in feeds": "datum van de laatste echte wijziging, getoond en gebruikt in feeds",
    "author key from the authors table (default: the site's default author)":
        "auteur uit de auteurstabel in mkdocs.yml (standaard: de standaardauteur van de site)",
    "several authors; use either author or authors": "meerdere auteurs; gebruik author of authors, niet allebei",
    "categories as readers see them; the address is derived": "categorieën zoals lezers ze zien; het adres wordt ervan afgeleid",
    "tags": "trefwoorden",
    "short text for listings, search engines and the newsletter": "korte tekst voor overzichten, zoekmachines en de nieuwsbrief",
    "older name for summary (used when summary is absent)": "oudere naam voor summary (gebruikt als summary ontbreekt)",
    "featured image: page header, social cards, feed": "hoofdafbeelding: bovenaan de pagina, bij delen en in de feed",
    "a video shown as click-to-load": "een video die pas na een klik laadt",
    "the last part of the address (default: from the title)": "het laatste deel van het adres (standaard: uit de titel)",
    "true: only shown in the preview (scripts/serve), never published":
        "true: alleen te zien in de voorbeeldweergave (trainersite bekijk), nooit gepubliceerd",
    "true: only shown in the preview (trainersite bekijk), never published":
        "true: alleen te zien in de voorbeeldweergave (trainersite bekijk), nooit gepubliceerd",
    "old addresses that redirect to this post": "oude adressen die naar dit bericht doorverwijzen",
    "a course promoted under the post": "een training die onder het bericht wordt aangeraden",
    "archived comments, shown read-only": "reacties uit het archief, alleen te lezen",
    "keeps the feed identity of an imported or renamed post": "houdt de feed-identiteit van een geïmporteerd of hernoemd bericht vast",
    "when the session starts": "wanneer de sessie begint",
    "when it ends (a time if and only if the start has one)": "wanneer die eindigt (met een tijd als het begin er een heeft)",
    "where it is held": "waar die plaatsvindt",
    "places still free; 0 shows 'Vol'": "aantal vrije plaatsen; 0 toont 'Vol'",
    "what a participant said": "wat een deelnemer zei",
    "who said it": "wie het zei",
    "their role": "diens functie",
    "the course's name": "de naam van de training",
    "short text for the catalogue card": "korte tekst voor de kaart in het overzicht",
    "how long it takes": "hoe lang de training duurt",
    "open enrolment, online and/or in-company": "open inschrijving, online en/of incompany",
    "price in euro excl. btw; absent: on request": "prijs in euro excl. btw; weglaten: prijs op aanvraag",
    "who it is for": "voor wie de training is",
    "learning goals": "leerdoelen",
    "largest group size": "grootste groep",
    "planned dates": "geplande data",
    "what participants said": "wat deelnemers zeiden",
    "picture for the card and page": "afbeelding voor de kaart en de pagina",
    "blog categories: their posts are listed under the course": "blogcategorieën: hun berichten staan onder de training",
    "place in the catalogue (then by title)": "plaats in het overzicht (daarna op titel)",
    "the name shown with posts": "de naam die bij berichten staat",
    "a line about the author, shown under posts": "een regel over de auteur, onder berichten",
    "a portrait": "een portret",
    "shown as a mail link in the author box": "getoond als maillink in het auteursblok",
    "street and number": "straat en huisnummer",
    "postal code": "postcode",
    "city": "plaats",
    "country code (default NL)": "landcode (standaard NL)",
    "the network's name": "de naam van het netwerk",
    "the profile address": "het adres van het profiel",
    "the business's name": "de naam van het bedrijf",
    "the trainer behind it": "de trainer erachter",
    "e-mail address": "e-mailadres",
    "phone number": "telefoonnummer",
    "postal address": "postadres",
    "chamber of commerce number": "KvK-nummer",
    "social media profiles": "profielen op sociale media",
    "where the contact form is sent (absent: the visitor's mail program)":
        "waar het contactformulier heen gaat (weglaten: het mailprogramma van de bezoeker)",
    "the spam-trap field the form service checks": "het spamvalveld dat de formulierdienst controleert",
    "the provider's signup form (absent: RSS link only)": "het aanmeldformulier van je nieuwsbriefdienst (weglaten: alleen de RSS-link)",
    "the provider's name for the e-mail field (default: email)": "de naam van het e-mailveld bij je dienst (standaard: email)",
    "a field bots fill in and people never see (default: website)": "een veld dat robots invullen en mensen nooit zien (standaard: website)",
    "where the privacy line links to": "waar de privacyregel naartoe linkt",
    "the provider's unsubscribe merge tag, for the digest e-mail": "de afmeldcode van je dienst, voor de nieuwsbriefmail",
    # -- output paths: one owner per path, nothing outside the site (core/output_paths.py) ---------
    "an address inside the site, like blog/mijn-bericht/ (no '..', no leading '/', no control characters)":
        "een adres binnen de site, zoals blog/mijn-bericht/ (geen '..', geen '/' vooraan, geen stuurtekens)",
    "names of at most {count} bytes in an address": "namen van hoogstens {count} bytes in een adres",
    "an address inside the site folder": "een adres binnen de map van de site",
    "an address that is free, but {url} is {what}": "een adres dat nog vrij is, maar {url} is {what}",
    "old addresses like /2011/09/06/titel/ or /?p=123 inside the site (no '..', no control characters)":
        "oude adressen zoals /2011/09/06/titel/ of /?p=123 binnen de site (geen '..', geen stuurtekens)",
    "the theme's file {src}": "het bestand {src} van het thema",
    "the theme's {name}": "de {name} van het thema",
    "the page {url}": "de pagina {url}",
    "the search index": "de zoekindex",
    "the RSS feed": "de RSS-feed",
    "the Atom feed": "de Atom-feed",
    "the feed of the {kind} {name}": "de feed van {kind} {name}",
    "the newsletter preview": "het voorbeeld van de nieuwsbrief",
    "the blog's {kind} page": "de {kind}-pagina van de blog",
    "the category overview": "het overzicht van de categorieën",
    "the tag overview": "het overzicht van de tags",
    "the post {source}": "het bericht {source}",
    "an old address of {source}": "een oud adres van {source}",
    "the calendar of {source}": "het agendabestand van {source}",
    "the vCard of the contact page": "de vCard van de contactpagina",
    "the agenda's {path}": "het agendabestand {path}",
    # -- addresses a template prints (core/safe_urls.py, blog/images.py) -----------------------------
    "an https:// address or a path to a file in docs/, like /assets/images/foto.jpg":
        "een https://-adres of het pad van een bestand in docs/, zoals /assets/images/foto.jpg",
    "an https:// address or a path to a file in docs/, like /assets/images/foto.jpg (inside docs/)":
        "een https://-adres of het pad van een bestand in docs/, zoals /assets/images/foto.jpg (binnen docs/)",
    "{what} in docs/ that exists, like /assets/images/foto.jpg": "{what} in docs/ die bestaat, zoals /assets/images/foto.jpg",
    "an image file": "een afbeelding",
    "a page": "een pagina",
    "an address starting with https://": "een adres dat begint met https://",
    "an https:// address of the provider's signup form": "een https://-adres van het aanmeldformulier van de nieuwsbriefdienst",
    "an https:// address or a page of the site": "een https://-adres of een pagina van de site",
    "an https:// address or an image file in docs/ that exists": "een https://-adres of een afbeelding in docs/ die bestaat",
    "pictures in docs/ (copy it there, e.g. with scripts/import_wordpress.py --uploads), but this one is still on {host}":
        "afbeeldingen in docs/ (kopieer hem daarheen, bijvoorbeeld met scripts/import_wordpress.py --uploads), "
        "maar deze staat nog op {host}",
    # -- hostile or unlucky input (blog/posts.py, core/dates.py) ---------------------------------------
    "a guid of its own, but it is also the guid of {other}": "een eigen guid, maar het is ook de guid van {other}",
    "text below the front matter (or a video), but the post is empty":
        "tekst onder de front matter (of een video), maar het bericht is leeg",
    "at most {count} values once YAML aliases (&name, *name) are expanded":
        "hoogstens {count} waarden als de YAML-aliassen (&naam, *naam) zijn uitgeschreven",
    "a readable file ({reason})": "een leesbaar bestand ({reason})",
    "a date between the years {first} and {last}": "een datum tussen de jaren {first} en {last}",
}

CATALOGUES = {"nl": NL}
# Placeholders whose values are messages themselves (`a list of {what}`); every other value (a key,
# a file, a title, what the trainer typed) stays exactly as it is.
_MESSAGE_SLOTS = frozenset({"what", "why", "problem", "note", "reason", "known"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def language_of(language: str | None) -> str:
    """`nl`, `nl_NL`, `en-GB` -> `nl` / `en`; a language without a catalogue is English."""
    base = (language or "en").replace("-", "_").split("_")[0].lower()
    return base if base in CATALOGUES else "en"


@lru_cache(maxsize=4)
def _patterns(language: str) -> list[tuple[re.Pattern, str, int]]:
    """(regex of the English template, target template, literal length) for every template with
    placeholders, most specific (longest literal text) first."""
    found = []
    for source, target in CATALOGUES[language].items():
        names = _PLACEHOLDER.findall(source)
        if not names or _PLACEHOLDER.fullmatch(source):
            continue
        parts, used, pos = [], set(), 0
        for match in _PLACEHOLDER.finditer(source):
            parts.append(re.escape(source[pos:match.start()]))
            name = match.group(1)
            parts.append(f"(?P={name})" if name in used else f"(?P<{name}>.+?)")
            used.add(name)
            pos = match.end()
        parts.append(re.escape(source[pos:]))
        literal = len(_PLACEHOLDER.sub("", source))
        found.append((re.compile("".join(parts), re.DOTALL), target, literal))
    return sorted(found, key=lambda item: -item[2])


def lookup(text: str, language: str) -> str | None:
    """The translation of a finished English message, or None when the catalogue has none."""
    table = CATALOGUES.get(language_of(language))
    if table is None:
        return None
    exact = table.get(text)
    if exact is not None and not _PLACEHOLDER.search(text):
        return exact
    for pattern, target, _ in _patterns(language_of(language)):
        match = pattern.fullmatch(text)
        if match:
            values = {name: translate(value, language) if name in _MESSAGE_SLOTS else value
                      for name, value in match.groupdict().items()}
            return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), target)
    return exact


def translate(text: str, language: str | None) -> str:
    """`text` (an English message, finished) in `language`; unchanged for English or when unknown."""
    if language_of(language) == "en" or not text:
        return text
    found = lookup(text, language)
    return text if found is None else found


def say_count(one: str, many: str, count: int, language: str | None, **values: object) -> str:
    """`say` with the singular template for 1 and the plural one for any other count."""
    return say(one if count == 1 else many, language, count=count, **values)


def say(template: str, language: str | None, **values: object) -> str:
    """Fill an English template and translate it: `say("New draft: {path}", "nl", path=p)`."""
    target = CATALOGUES.get(language_of(language), {}).get(template, template)
    return target.format(**{name: str(value) for name, value in values.items()})
