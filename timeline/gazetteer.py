"""Names the entity finder knows without a model: countries, cities, organizations, and the
capitalised words that are never part of a person's name (titles, demonyms, institutions).

Each entry maps a canonical name to its aliases; matching is on whole words, case-sensitive
for short aliases (so "US" is the country but "us" is a pronoun).
"""

from __future__ import annotations

COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    "United Kingdom": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "Russia": ("Russian Federation",), "Ukraine": (), "France": (), "Germany": (), "Italy": (), "Spain": (),
    "Poland": (), "Lithuania": (), "Latvia": (), "Estonia": (), "Finland": (), "Sweden": (), "Norway": (),
    "Denmark": (), "Netherlands": ("Holland", "the Netherlands"), "Belgium": (), "Luxembourg": (), "Austria": (),
    "Switzerland": (), "Portugal": (), "Greece": (), "Turkey": ("Türkiye",), "Bulgaria": (), "Romania": (),
    "Hungary": (), "Czech Republic": ("Czechia",), "Slovakia": (), "Slovenia": (), "Croatia": (), "Serbia": (),
    "Bosnia and Herzegovina": ("Bosnia",), "Montenegro": (), "North Macedonia": ("Macedonia",), "Albania": (),
    "Kosovo": (), "Moldova": (), "Belarus": (), "Georgia": (), "Armenia": (), "Azerbaijan": (), "Ireland": (),
    "Iceland": (), "Malta": (), "Cyprus": (), "Canada": (), "Mexico": (), "Brazil": (), "Argentina": (),
    "Chile": (), "Colombia": (), "Venezuela": (), "Peru": (), "Cuba": (), "China": ("PRC",), "Japan": (),
    "South Korea": ("Republic of Korea",), "North Korea": ("DPRK",), "Taiwan": (), "India": (), "Pakistan": (),
    "Afghanistan": (), "Iran": (), "Iraq": (), "Syria": (), "Israel": (), "Lebanon": (), "Jordan": (),
    "Saudi Arabia": (), "United Arab Emirates": ("UAE",), "Qatar": (), "Kuwait": (), "Yemen": (), "Oman": (),
    "Egypt": (), "Libya": (), "Tunisia": (), "Algeria": (), "Morocco": (), "Sudan": (), "Ethiopia": (),
    "Kenya": (), "Nigeria": (), "South Africa": (), "Tanzania": (), "Uganda": (), "Somalia": (), "Mali": (),
    "Niger": (), "Indonesia": (), "Malaysia": (), "Singapore": (), "Thailand": (), "Vietnam": (),
    "Philippines": ("the Philippines",), "Australia": (), "New Zealand": (), "Kazakhstan": (), "Uzbekistan": (),
    "Palestine": ("Palestinian territories",), "Gaza": ("Gaza Strip",), "Crimea": (),
}

CITIES: dict[str, tuple[str, ...]] = {
    "Kyiv": ("Kiev",), "Moscow": (), "Washington": ("Washington, D.C.", "Washington DC"), "Brussels": (),
    "Paris": (), "London": (), "Berlin": (), "Rome": (), "Madrid": (), "Warsaw": (), "Vilnius": (), "Riga": (),
    "Tallinn": (), "Helsinki": (), "Stockholm": (), "Oslo": (), "Copenhagen": (), "Amsterdam": (), "The Hague": (),
    "Vienna": (), "Geneva": (), "Zurich": (), "Bern": (), "Lisbon": (), "Athens": (), "Ankara": (),
    "Istanbul": (), "Sofia": (), "Bucharest": (), "Budapest": (), "Prague": (), "Bratislava": (), "Belgrade": (),
    "Minsk": (), "Chisinau": (), "Tbilisi": (), "Munich": (), "Frankfurt": (), "Hamburg": (), "Milan": (),
    "Dublin": (), "Edinburgh": (), "Kharkiv": ("Kharkov",), "Odesa": ("Odessa",), "Lviv": (), "Dnipro": (),
    "Zaporizhzhia": ("Zaporozhye",), "Kherson": (), "Mariupol": (), "Donetsk": (), "Luhansk": ("Lugansk",),
    "Bakhmut": (), "Sevastopol": (), "St. Petersburg": ("Saint Petersburg",), "New York": ("New York City",),
    "Los Angeles": (), "Chicago": (), "San Francisco": (), "Miami": (), "Boston": (), "Dayton": (),
    "Ottawa": (), "Toronto": (), "Beijing": (), "Shanghai": (), "Hong Kong": (), "Tokyo": (), "Seoul": (),
    "Pyongyang": (), "Taipei": (), "New Delhi": (), "Delhi": (), "Mumbai": ("Bombay",), "Islamabad": (),
    "Kabul": (), "Tehran": (), "Baghdad": (), "Damascus": (), "Jerusalem": (), "Tel Aviv": (), "Beirut": (),
    "Riyadh": (), "Doha": (), "Dubai": (), "Abu Dhabi": (), "Cairo": (), "Nairobi": (),
    "Addis Ababa": (), "Johannesburg": (), "Sydney": (), "Canberra": (), "Jakarta": (), "Bangkok": (),
    "Havana": (), "Mexico City": (), "Brasilia": (), "Buenos Aires": (), "Davos": (), "Anchorage": (),
    "Jeddah": (), "Minneapolis": (), "Atlanta": (), "Houston": (), "Dallas": (), "Seattle": (),
}

ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "NATO": ("North Atlantic Treaty Organization", "the Alliance"), "European Union": ("EU", "E.U."),
    "United Nations": ("UN", "U.N."), "UN Security Council": ("Security Council",), "G7": ("G-7", "Group of Seven"),
    "G20": ("G-20",), "European Commission": (), "European Parliament": (), "European Council": (),
    "State Department": ("US State Department", "U.S. State Department", "Department of State"),
    "Pentagon": ("Department of Defense",), "White House": (), "Kremlin": (), "Congress": (), "Senate": (),
    "House of Representatives": (), "Bundestag": (), "Elysee": ("Élysée",), "Downing Street": (),
    "IMF": ("International Monetary Fund",), "World Bank": (), "OSCE": (), "IAEA": (),
    "WHO": ("World Health Organization",), "Coalition of the Willing": (), "Financial Times": ("FT",),
    "The Washington Post": ("Washington Post", "WaPo", "The Post"),
    "The New York Times": ("New York Times", "NYT"), "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "Reuters": (), "Associated Press": ("AP",), "AFP": ("Agence France-Presse",), "Bloomberg": (), "BBC": (),
    "CNN": (), "Fox News": (), "Fox Business": (), "Politico": (), "Axios": (), "The Telegraph": ("Telegraph",),
    "The Guardian": ("Guardian",), "TASS": (), "RIA Novosti": (), "Xinhua": (), "Al Jazeera": (), "RT": (),
    "Munich Security Conference": (), "NATO Parliamentary Assembly": (), "FBI": (), "CIA": (), "Hamas": (),
    "Hezbollah": (), "Wagner Group": (), "OPEC": (), "European Central Bank": ("ECB",),
    "Federal Reserve": ("the Fed",), "Supreme Court": (), "Clash Report": (),
}

#: Capitalised words that are never a person's name: function words, titles, demonyms, institutions.
NOT_NAMES = frozenset("""
The A An And Or But Of In On At For With From By To As After Before Since Until During Under Over About Into
This That These Those His Her Its Their Our We They He She It I You If When While Where Why How What Who Which
Despite Although Though However Meanwhile Moreover Also Only Even Still Yet Then Now Today Yesterday Tomorrow
Mr Mrs Ms Dr Gen Sen Rep Gov Prof President Prime Minister Ministers Secretary General Chancellor Ambassador
Envoy Special Deputy Vice Foreign Defense Defence Interior Finance Affairs Chief Head Leader Spokesman
Spokeswoman Spokesperson Adviser Advisor Official Officials Commander Senator Governor Chairman Director Pope
King Queen Prince Princess Sir Lord Lady Judge Justice Colonel Major Captain Lieutenant Admiral Sergeant
Mayor Premier Representative Ukrainian Russian American European Western Eastern Northern Southern French
German Italian British Polish Baltic Nordic Chinese Israeli Palestinian Iranian Turkish Dutch Belgian
Spanish Swedish Finnish Norwegian Danish Lithuanian Latvian Estonian Hungarian Czech Slovak Romanian
Bulgarian Greek Georgian Canadian Japanese Korean Indian Arab Saudi Syrian Iraqi Egyptian African Asian
Atlantic Pacific Middle East West North South Central Black Sea River Ocean Mountains Republic Federation
Union Kingdom States State Department Ministry Council Commission Conference Assembly Parliament Congress
Senate House Party Agency Bank Forces Force Army Navy Guard Alliance Coalition Willing Organization Group
Office Court Committee Fund Institute University College Center Centre Foundation Corporation Company
Inc Ltd News Post Times Press Report Reports Journal Business Agency Service Network Read More Related Posts
Photo Photos Share Subscribe Support Become Patron Thank Please Article Section Chapter Q&A Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Christmas Easter God Lord Security Peace War Ceasefire Operation Mission Plan
Initiative Summit Treaty Agreement Accord Talks Process Program Programme Strategy Policy Doctrine Act Law
Bill Resolution Declaration Charter Protocol Convention Index Market Exchange Stock Dollar Euro
""".split())

TITLES = frozenset("""
president prime minister secretary general chancellor ambassador envoy special deputy vice foreign defense
defence chief head leader spokesman spokeswoman spokesperson adviser advisor official commander senator sen
governor gov chairman chairwoman director ceo founder pope king queen prince princess sir judge justice
colonel col major maj captain capt lieutenant lt admiral adm general gen sergeant sgt mayor premier
representative rep mr mrs ms dr prof professor president-elect minister-designate analyst lawmaker
mp mep negotiator diplomat counterpart
""".split())

SPEECH_VERBS = frozenset("""
said says told added noted wrote stated asked announced argued warned claimed insisted explained
suggested stressed emphasized emphasised confirmed denied declared replied responded remarked tweeted posted
""".split())

#: First names that differ between transliterations or as nicknames: variant -> the form they join.
FIRST_NAME_VARIANTS: dict[str, str] = {
    "volodymyr": "vladimir", "oleksandr": "alexander", "oleksiy": "alexei", "andriy": "andrei", "mykola": "nikolai",
    "serhiy": "sergei", "sergey": "sergei", "dmytro": "dmitry", "dmitri": "dmitry", "yuriy": "yuri",
    "steve": "stephen", "steven": "stephen", "mike": "michael", "mick": "michael", "bill": "william",
    "will": "william", "bob": "robert", "rob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james",
    "joe": "joseph", "tom": "thomas", "tony": "anthony", "alex": "alexander", "ed": "edward", "dan": "daniel",
    "dave": "david", "chris": "christopher", "nick": "nicholas", "andy": "andrew", "ben": "benjamin",
    "sam": "samuel", "matt": "matthew", "pat": "patrick", "ron": "ronald", "don": "donald", "jeff": "jeffrey",
    "greg": "gregory", "liz": "elizabeth", "kate": "katherine", "kathy": "katherine", "jen": "jennifer",
    "dick": "richard", "rick": "richard", "rich": "richard", "larry": "lawrence", "jerry": "gerald",
    "chuck": "charles", "charlie": "charles", "fred": "frederick", "ted": "edward", "tim": "timothy",
}
