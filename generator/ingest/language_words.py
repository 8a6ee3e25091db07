"""The words other languages state figures with (issue 16): terms after and before a number per kind,
civilians, sub-counts, qualifiers, fillers, scale words, number words, quantities in words (ACLED's
reading), months and common words for detection; :mod:`.languages` compiles and reads them."""

from __future__ import annotations

KILLED, WOUNDED, DISPLACED = "killed", "wounded", "displaced"

# (kind, words) per language; a term is a word stem matched at a word start ("tué" matches "tuées")
_AFTER = {
    "fr": [(KILLED, "morts|mortes|mort|tués|tuées|tué|décès|décédés"), (WOUNDED, "blessés|blessées|blessé"),
           (DISPLACED, "déplacés|déplacées|déplacé|ont fui|réfugiés|à fuir|fuir leur foyer|fuir leurs foyers")],
    "de": [(KILLED, "tote|toten|todesopfer|getötet*|ums leben|starben|gestorben|umgekommen"),
           (WOUNDED, "verletzt|verwundet|verletzte|verletzten"),
           (DISPLACED, "vertrieben|in die flucht|geflohen|geflüchtet|flüchtlinge|auf der flucht|heimat verlassen")],
    "it": [(KILLED, "morti|morte|morto|uccisi|uccise|ucciso|decessi|perso la vita"), (WOUNDED, "feriti|ferite|ferito"),
           (DISPLACED, "sfollati|sfollate|sfollato|lasciato le proprie case|lasciato le loro case|abbandonare le proprie case|"
                       "abbandonare le loro case|fuggit*")],
    "es": [(KILLED, "muertos|muertas|murieron|muerto|muertes|fallecid*|han muerto"),
           (WOUNDED, "heridos|heridas|herido|lesionados"), (DISPLACED, "desplazad*|desplazarse|dejar sus hogares|huido|huyeron")],
    "pt": [(KILLED, "mortos|mortas|morreram|morto|mortes"), (WOUNDED, "feridos|feridas|ferido"),
           (DISPLACED, "deslocad*|deixar suas casas|fugiram|desalojad*")],
    "nl": [(KILLED, "doden|dode|gedood|om het leven|het leven|omgekomen"), (WOUNDED, "gewonden|gewond|verwondingen"),
           (DISPLACED, "ontheemd*|ontvlucht|gevlucht|op de vlucht")],
    "ar": [(KILLED, "قتيل*|قتلى|قتلوا|لقوا حتفهم|حتفهم|مصرعهم|شهيد*|شهداء"), (WOUNDED, "جريح*|جرحى|جرحوا|مصاب*|أصيب*|إصابة|إصابات"),
           (DISPLACED, "نازح*|الفرار من منازلهم|الفرار من ديارهم|ترك ديارهم|ترك منازلهم|نزحوا")],
}
# terms right before the number (only qualifiers between): "Morreram 562", "la morte di 55"
_BEFORE = {
    "fr": [(KILLED, "la mort de|la mort d'|tué|tuant|morts sont"), (WOUNDED, "blessé|blessant|blessés sont"),
           (DISPLACED, "déplacé|déplacés sont")],
    "de": [(KILLED, "getötet|tötete|toten sind"), (WOUNDED, "verletzt|verletzte|verletzten sind"),
           (DISPLACED, "vertrieben|vertriebenen sind")],
    "it": [(KILLED, "la morte di|uccidendo|ucciso|morti sono"), (WOUNDED, "il ferimento di|ferendo|ferito|feriti sono"),
           (DISPLACED, "lo sfollamento di|sfollati sono")],
    "es": [(KILLED, "murieron|la muerte de|matando|mató|muertos son"), (WOUNDED, "hiriendo|hirió|heridos son"),
           (DISPLACED, "el desplazamiento de|desplazó|desplazado a|desplazaron a|desplazados son")],
    "pt": [(KILLED, "morreram|a morte de|matando|matou|matado|mataram|mortos são"), (WOUNDED, "ficaram feridas|ficaram feridos|feriu"),
           (DISPLACED, "deslocou|o deslocamento de")],
    "nl": [(KILLED, "het leven gekost aan|doodde"), (WOUNDED, "verwondde"), (DISPLACED, "")],
    "ar": [(KILLED, "بمقتل|مقتل|قتل|قتلى|القتلى|استشهاد|شهداء"), (WOUNDED, "وجرح|جرح|إصابة|وإصابة|أصيب|وأصيب|جرحى|الجرحى|مصابين"),
           (DISPLACED, "نزوح|نزوح داخلي|نزح")],
}
_CIVILIANS = {"fr": "civils civil", "de": "zivilisten zivilist", "it": "civili civile", "es": "civiles civil",
              "pt": "civis civil", "nl": "burgers burger", "ar": "مدني"}
_SUBCOUNT = {"fr": "dont|parmi lesquels|parmi eux", "de": "darunter|unter ihnen", "it": "tra cui|di cui|tra loro",
             "es": "entre ellos|entre ellas|de ellos|incluidos", "pt": "entre eles|incluindo|dos quais",
             "nl": "onder wie|onder hen|waaronder", "ar": "بينهم|من بينهم"}
# a count of families or households is not a count of people (the ledger counts people)
_FAMILIES = r"(?:familles|foyers|familien|haushalte|famiglie|nuclei|familias|hogares|famílias|gezinnen|families|"\
            r"huishoudens|عائلة|عائلات|أسرة|أسر)(?!\w)"
_AND = {"fr": "et", "de": "und", "it": "e|ed", "es": "y|e", "pt": "e", "nl": "en", "ar": "و"}
_OTHER_PEOPLE = {"fr": "enfants|femmes|soldats|militaires|combattants|policiers|secouristes",
                 "de": "kinder|frauen|soldaten|kämpfer|polizisten|helfer", "it": "bambini|donne|soldati|militari|combattenti",
                 "es": "niños|mujeres|soldados|militares|combatientes|policías", "pt": "crianças|mulheres|soldados|militares|combatentes",
                 "nl": "kinderen|vrouwen|soldaten|militairen|strijders", "ar": "أطفال|طفل|نساء|جنود|عسكري|مقاتل"}
# "die Zahl der getöteten Palästinenser ist ... auf 7.028 gestiegen": a count, a kind term, then "to" N
_TOLL = {"fr": "nombre|bilan", "de": "zahl|anzahl|bilanz", "it": "numero|bilancio", "es": "número|cifra|balance",
         "pt": "número|balanço", "nl": "aantal|dodental|dodentol", "ar": "عدد|حصيلة"}
_TO = {"fr": "à|atteint|dépasse|dépassé", "de": "auf", "it": "a", "es": "a", "pt": "para", "nl": "tot|op",
       "ar": "إلى|الى|تجاوز|تخطى|بلغ"}
_OF_THEM = {"de": "davon", "it": "dei quali", "es": "de ellos", "fr": "d'entre eux", "nl": "van hen", "pt": "deles"}
_QUALIFIERS = {
    "more-than": "plus de|mehr als|über|oltre|più di|más de|mais de|meer dan|ruim|أكثر من|اكثر من|ما يزيد عن|ما يزيد على",
    "at-least": "تجاوز|يتجاوز|تخطى|au moins|mindestens|wenigstens|almeno|al menos|por lo menos|pelo menos|ao menos|minstens|zeker|"
                "على الأقل",
    "about": "environ|quelque|rund|etwa|ungefähr|circa|alrededor de|cerca de|unos|unas|cerca de|ongeveer|"
             "حوالى|حوالي|نحو|زهاء",
    "nearly": "près de|presque|fast|beinahe|quasi|casi|quase|bijna|ما يقارب|قرابة",
}
_FILLER = {"fr": "personnes|autres|de plus", "de": "menschen|weitere|personen", "it": "persone|altre|altri",
           "es": "personas|más|individuos", "pt": "pessoas|mais", "nl": "mensen|personen|nog eens",
           "ar": "شخص|أشخاص|آخرين|إلى|الى"}
_SCALES = {"fr": {"mille": 1000, "millions": 10**6, "million": 10**6}, "de": {"tausend": 1000, "millionen": 10**6},
           "it": {"mila": 1000, "mille": 1000, "milioni": 10**6, "milione": 10**6},
           "es": {"mil": 1000, "millones": 10**6, "millón": 10**6},
           "pt": {"mil": 1000, "milhões": 10**6}, "nl": {"duizend": 1000, "miljoen": 10**6},
           "ar": {"ألف": 1000, "الف": 1000, "آلاف": 1000, "ألفا": 1000, "ألفًا": 1000, "مليون": 10**6, "ملايين": 10**6}}
_WORDS = {
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
           "cent": 100, "mille": 1000},
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
           "hundert": 100, "tausend": 1000},
    "it": {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
           "cento": 100, "mille": 1000},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
           "cien": 100, "mil": 1000},
    "pt": {"dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9,
           "dez": 10, "cem": 100, "mil": 1000},
    "nl": {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
           "honderd": 100, "duizend": 1000},
    "ar": {"مليون": 10**6, "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9,
           "عشرة": 10, "مئة": 100, "مائة": 100, "مئتي": 200, "مئتين": 200, "مائتي": 200, "ألف": 1000},
}
# quantities in words, read as ACLED does (the most conservative value, at-least)
_VAGUE = {"fr": {"dizaines": 12, "centaines": 100, "milliers": 1000}, "de": {"dutzende": 12, "hunderte": 100,
          "tausende": 1000, "zehntausende": 10000}, "it": {"decine": 12, "centinaia": 100, "migliaia": 1000},
          "es": {"decenas": 12, "docenas": 12, "cientos": 100, "centenares": 100, "miles": 1000},
          "pt": {"dezenas": 12, "centenas": 100, "milhares": 1000}, "nl": {"tientallen": 12, "honderden": 100,
          "duizenden": 1000}, "ar": {"عشرات": 12, "مئات": 100, "آلاف": 1000}}
_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ar": "يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
# common words, to tell the language of a seed among the configured ones
_COMMON = {
    "en": "the and of to in is was were have has said that with from by people at least more than",
    "fr": "le la les des et est dans du une pour qui sont ont été selon depuis personnes au moins plus",
    "de": "der die das und ist sind wurden nach mit von den im bei seit sich menschen mindestens mehr als",
    "it": "il la le di e che sono della del per nel dei gli ha è persone almeno oltre",
    "es": "el la los las y que en del por para según se han fueron personas al menos más",
    "pt": "o os as e que em do da dos para com foram segundo desde pessoas pelo menos mais ao",
    "nl": "de het een en van is zijn op te met door volgens hebben werd mensen zeker minstens meer dan bij dit "
          "dat niet ook nog er wordt deze al",
    "ar": "في من على إلى الى عن مع أن التي الذي",
}
_CLITICS = r"(?:[وفبل]?(?:ال|لل)?)"  # Arabic: "and", "so", "with", "to", "the" written joined to the word
