"""What the entity finder knows by hand, only what the well-kept data lacks: the aliases news uses for
countries and cities ("UK", "Kiev"), regions that are no state ("Middle East"), the AP's state
abbreviations, organizations that are no listed company (NATO, ministries, outlets), and the word lists
that tell a person's name from a capitalised phrase. Places themselves come from GeoNames and ISO 3166
(`timeline.entities.places`), companies from the stock indices (`timeline.entities.companies`).

Entries are lines ``Canonical | alias | alias``; matching is on whole words and case-sensitive (so "US"
is the country but "us" a pronoun). Demonyms ("Ukrainian", "French") are deliberately *not* places:
"Ukrainian President Zelensky" names a person, not a place; they only stop a person's name from starting
there.

No person is listed here: people are found by shape and evidence (`timeline.entities`). The given
names below are generic evidence ("Marine Le Pen" is a name because "Marine" is a given name), with
those of `timeline.entities.names`.
"""

from __future__ import annotations


def _entries(block: str) -> dict[str, tuple[str, ...]]:
    """``Canonical | alias | alias`` lines (several per line, split by ``;``) -> {canonical: aliases}."""
    table: dict[str, tuple[str, ...]] = {}
    for line in block.strip().splitlines():
        for entry in line.split(";"):
            names = [n.strip() for n in entry.split("|") if n.strip()]
            if names:
                table[names[0]] = tuple(names[1:])
    return table


#: ISO 3166 country -> the name news uses, where pycountry's differs ("Russian Federation", "Türkiye").
COUNTRY_NAMES: dict[str, str] = {
    "RU": "Russia", "TR": "Turkey", "CZ": "Czech Republic", "VA": "Vatican City", "PS": "Palestine",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "BN": "Brunei", "FM": "Micronesia",
    "BO": "Bolivia", "MD": "Moldova", "TZ": "Tanzania", "VE": "Venezuela", "TW": "Taiwan", "IR": "Iran",
    "SY": "Syria", "LA": "Laos", "KR": "South Korea", "KP": "North Korea", "VN": "Vietnam",
    "VG": "British Virgin Islands", "VI": "US Virgin Islands", "FK": "Falkland Islands",
}

#: What ISO 3166 lacks: the short forms and old names news writes (canonical as in COUNTRY_NAMES or pycountry).
COUNTRY_ALIASES = _entries("""
United States | US | U.S. | USA | U.S.A. | United States of America | America
United Kingdom | UK | U.K. | Britain | Great Britain
Russia | Russian Federation; Turkey | Türkiye | Turkiye; Czech Republic | Czechia; Côte d'Ivoire | Ivory Coast
China | PRC | People's Republic of China | Mainland China; North Korea | DPRK | Democratic People's Republic of Korea
South Korea | Republic of Korea; Democratic Republic of the Congo | DR Congo | DRC | Congo-Kinshasa | Congo
Republic of the Congo | Congo-Brazzaville; Myanmar | Burma; Netherlands | Holland | The Netherlands
Bahamas | The Bahamas; Gambia | The Gambia; Philippines | The Philippines; Eswatini | Swaziland
Cabo Verde | Cape Verde; Timor-Leste | East Timor; United Arab Emirates | UAE | U.A.E.; Belarus | Byelorussia
North Macedonia | Macedonia; Vatican City | Vatican | Holy See; Palestine | State of Palestine
Bosnia and Herzegovina | Bosnia | Bosnia-Herzegovina; Ireland | Republic of Ireland; Vietnam | Viet Nam
""")

#: Places of the news that are no ISO 3166 country: treated as countries.
EXTRA_COUNTRIES = _entries("""
Kosovo; Gaza | Gaza Strip; West Bank; England; Scotland; Wales; Northern Ireland; Crimea; Abkhazia; South Ossetia
Transnistria; Northern Cyprus; Somaliland; Soviet Union | USSR | U.S.S.R.; Palestinian territories
""")

#: City names GeoNames spells otherwise, and old or transliterated names: canonical as in GeoNames.
CITY_ALIASES = _entries("""
Kyiv | Kiev; Washington | Washington, D.C. | Washington D.C. | Washington DC; New York City | New York | NYC
Kharkiv | Kharkov; Odesa | Odessa; Dnipro | Dnipropetrovsk; Zaporizhzhia | Zaporizhia | Zaporozhye
Luhansk | Lugansk; Bakhmut | Artemovsk; Sloviansk | Slavyansk; Mykolaiv | Nikolaev; Izium | Izyum
Sievierodonetsk | Severodonetsk; Saint Petersburg | St. Petersburg | St Petersburg; Chisinau | Kishinev
Tehran | Teheran; Beijing | Peking; Mumbai | Bombay; Kolkata | Calcutta; Chennai | Madras
Bengaluru | Bangalore; Yangon | Rangoon; Ho Chi Minh City | Saigon; Astana | Nur-Sultan; Kraków | Cracow
Sanaa | Sana'a; Ulaanbaatar | Ulan Bator; Naypyidaw | Naypyitaw; Marseille | Marseilles; Lyon | Lyons
St. Louis | Saint Louis; The Hague; Gaza City; Andorra la Vella; Vatican City; West Palm Beach; Palm Beach
""")

#: The AP's abbreviations of US states ("Wayne, Mich."): the state only right after a place and a comma.
US_STATE_ABBREVIATIONS = _entries("""
Alabama | Ala.; Arizona | Ariz.; Arkansas | Ark.; California | Calif.; Colorado | Colo.; Connecticut | Conn.
Delaware | Del.; Florida | Fla.; Georgia | Ga.; Illinois | Ill.; Indiana | Ind.; Kansas | Kan.; Kentucky | Ky.
Louisiana | La.; Maryland | Md.; Massachusetts | Mass.; Michigan | Mich.; Minnesota | Minn.; Mississippi | Miss.
Missouri | Mo.; Montana | Mont.; Nebraska | Neb.; Nevada | Nev.; New Hampshire | N.H.; New Jersey | N.J.
New Mexico | N.M.; New York | N.Y.; North Carolina | N.C.; North Dakota | N.D.; Oklahoma | Okla.; Oregon | Ore.
Pennsylvania | Pa.; Rhode Island | R.I.; South Carolina | S.C.; South Dakota | S.D.; Tennessee | Tenn.
Vermont | Vt.; Virginia | Va.; Washington | Wash.; West Virginia | W.Va.; Wisconsin | Wis.; Wyoming | Wyo.
""")

#: Regions that are no country, state or city ("Middle East"): places of their own.
REGIONS = _entries("""
Middle East; Latin America; North America; South America; Central America; Central Asia; Southeast Asia
East Asia; South Asia; Sub-Saharan Africa; North Africa; West Africa; East Africa; Horn of Africa; Balkans
Caucasus; Scandinavia; Baltics | Baltic states; Donbas | Donbass; Sahel; Persian Gulf; Gulf of Mexico
Black Sea; Baltic Sea; South China Sea; East China Sea; Red Sea; Mediterranean; Arctic; Indo-Pacific
Silicon Valley; Wall Street; Pacific Northwest; Midwest; New England; Eastern Europe; Western Europe; Central Europe
Northern Europe; Southern Europe
""")

ORGANIZATIONS = _entries("""
NATO | North Atlantic Treaty Organization | North Atlantic Alliance | the Alliance
European Union | EU | E.U.; United Nations | UN | U.N.
UN Security Council | Security Council | United Nations Security Council | U.N. Security Council
UN General Assembly | General Assembly | United Nations General Assembly
G7 | G-7 | Group of Seven; G20 | G-20 | Group of 20 | Group of Twenty; BRICS; ASEAN; African Union
OSCE | Organization for Security and Co-operation in Europe; Council of Europe
European Commission | EU Commission; European Parliament; European Council; Council of the European Union
European Central Bank | ECB; European Investment Bank; NATO Parliamentary Assembly; Munich Security Conference
State Department | US State Department | U.S. State Department | Department of State
Pentagon | Department of Defense | Defense Department | US Defense Department | U.S. Defense Department
White House; Kremlin; Congress | US Congress | U.S. Congress; US Senate | U.S. Senate
House of Representatives; House of Commons; House of Lords
Treasury Department | US Treasury | U.S. Treasury | Department of the Treasury
National Security Council; CIA; FBI; Federal Reserve | the Fed; Bundestag; Bundeswehr
Élysée | Elysee | Élysée Palace | Elysee Palace; Downing Street; Verkhovna Rada | Rada; State Duma | Duma
Knesset; IMF | International Monetary Fund; World Bank; WTO | World Trade Organization
WHO | World Health Organization; IAEA | International Atomic Energy Agency
ICC | International Criminal Court; International Court of Justice | ICJ; OPEC | OPEC+
Red Cross | ICRC | International Committee of the Red Cross; Amnesty International; Human Rights Watch
World Economic Forum; Coalition of the Willing; Ukraine Defense Contact Group | Ramstein group
Hamas; Hezbollah; Houthis; Taliban; Islamic State | ISIS | ISIL; al-Qaeda | Al Qaeda | al Qaeda
Wagner Group | Wagner; SBU | Security Service of Ukraine; FSB; GRU; Gazprom; Rosneft; Naftogaz; Rosatom
SpaceX; Starlink; Boeing; Lockheed Martin; Rheinmetall; BlackRock; Bank of America; Dow Jones; Merrill Lynch
Goldman Sachs; Morgan Stanley; JPMorgan | JPMorgan Chase | JP Morgan; Lehman Brothers; Philip Morris; DuPont | Du Pont
Financial Times | FT; The Washington Post | Washington Post | WaPo | The Post
The New York Times | New York Times | NYT; The Wall Street Journal | Wall Street Journal | WSJ; Reuters
Associated Press | AP; Agence France-Presse | AFP; Bloomberg | Bloomberg News; BBC; CNN; Fox News; Fox Business; CNBC
NBC News | NBC; CBS News | CBS; ABC News; MSNBC; NPR; Politico; Axios; Semafor; The Hill; Newsweek
The Telegraph | Telegraph | Daily Telegraph; The Guardian | Guardian; The Economist | Economist
Der Spiegel | Spiegel; Le Monde; Bild; Daily Mail; Sky News; Euronews; Deutsche Welle | DW
Radio Free Europe/Radio Liberty | RFE/RL | Radio Liberty; Voice of America | VOA; Kyiv Independent
Ukrainska Pravda; Kyiv Post; Ukrinform; Euromaidan Press; RBC-Ukraine; TASS; RIA Novosti; Interfax; Sputnik
RT | Russia Today; Xinhua; Al Jazeera; Al Mayadeen; Kyodo; Yonhap; NHK; USA Today; Los Angeles Times | LA Times
Seattle Times | The Seattle Times; The Atlantic; Business Insider; Forbes
""")

#: Organizations that are news outlets: cited as a source ("according to Reuters"), they are no actor.
OUTLETS = frozenset("""
Financial Times | The Washington Post | The New York Times | The Wall Street Journal | Reuters | Associated Press
Agence France-Presse | Bloomberg | BBC | CNN | Fox News | Fox Business | CNBC | NBC News | CBS News | ABC News
MSNBC | NPR | Politico | Axios | Semafor | The Hill | Newsweek | The Telegraph | The Guardian | The Economist
Der Spiegel | Le Monde | Bild | Daily Mail | Sky News | Euronews | Deutsche Welle | Radio Free Europe/Radio Liberty
Voice of America | Kyiv Independent | Ukrainska Pravda | Kyiv Post | Ukrinform | Euromaidan Press | RBC-Ukraine
TASS | RIA Novosti | Interfax | Sputnik | RT | Xinhua | Al Jazeera | Al Mayadeen | Kyodo | Yonhap | NHK
USA Today | Los Angeles Times | Seattle Times | The Atlantic | Business Insider | Forbes
""".replace("\n", " | ").split(" | ")) - {""}

#: Aliases too vague to count alone: they name the entity only where the same article names it
#: plainly ("The Post" is the Washington Post only if the article mentions the Washington Post).
CONTEXTUAL = frozenset({"The Post", "the Alliance", "Wagner", "Rada", "Duma", "Guardian"})

#: Phrases that contain a place's name but are no place of ours: matched and dropped.
NOT_PLACES = frozenset("""
Americas | Near East | Far East | Sea of Japan | Gulf of Guinea | Captain America | America First | Europe | Asia
Africa | Oceania | Antarctica
Georgia Tech | Jordan River | Jordan Valley | Mobile World Congress | Reading Room
""".replace("\n", " | ").split(" | ")) - {""}

#: Capitalised words after a place that make it a feature or region of its own ("Dnipro River").
PLACE_FEATURES = frozenset("""
River Sea Lake Bay Gulf Strait Mountains Valley Canal Street Avenue Square Airport Stadium
""".split())

#: Nationality words: never places by themselves, never the start of a person's name.
DEMONYMS = frozenset("""
American Americans Ukrainian Ukrainians Russian Russians British Briton Britons English Scottish Welsh Irish
French German Germans Italian Italians Spanish Portuguese Dutch Belgian Swiss Austrian Polish Pole Poles Czech
Slovak Hungarian Romanian Bulgarian Greek Greeks Turkish Turk Turks Serbian Serb Serbs Croatian Croat Bosnian
Albanian Macedonian Montenegrin Slovenian Slovene Moldovan Belarusian Georgian Armenian Azerbaijani Azeri
Lithuanian Latvian Estonian Finnish Finn Finns Swedish Swede Swedes Norwegian Danish Dane Icelandic Baltic
Nordic Scandinavian European Europeans Western Eastern Northern Southern Soviet Chinese Japanese Korean
Taiwanese Indian Pakistani Afghan Iranian Iraqi Syrian Israeli Israelis Palestinian Palestinians Lebanese
Jordanian Saudi Emirati Qatari Kuwaiti Yemeni Omani Egyptian Libyan Tunisian Algerian Moroccan Sudanese
Ethiopian Kenyan Nigerian African Africans Asian Arab Arabs Canadian Mexican Brazilian Argentine Argentinian
Chilean Colombian Venezuelan Cuban Peruvian Australian Kazakh Uzbek Mongolian Vietnamese Thai Indonesian
Filipino Malaysian Singaporean Crimean Chechen Kurdish Kurd Kurds Persian Latin Hispanic Atlantic
Transatlantic Euro-Atlantic Allied Allies Western-backed Kremlin-backed Russian-backed
""".split())

#: Role words before a name: evidence that a person follows ("envoy Keith Kellogg", "Gen. Smith").
TITLES = frozenset("""
president prime minister secretary general chancellor ambassador envoy special deputy vice foreign defense
defence chief head leader spokesman spokeswoman spokesperson adviser advisor official commander senator
governor chairman chairwoman chair director ceo founder pope king queen prince princess sir dame judge
justice colonel major captain lieutenant admiral sergeant mayor premier representative congressman
congresswoman mr mrs ms dr professor president-elect minister-designate analyst lawmaker mp mep negotiator
diplomat counterpart correspondent reporter editor columnist economist ayatollah sheikh emir crown marshal
commissioner undersecretary under-secretary attorney treasurer speaker superintendent inspector detective
sheriff prosecutor bishop archbishop cardinal rabbi imam reverend councilman councilwoman councillor councilor
alderman ceo cfo coo chairperson
""".split())

#: Abbreviated titles: titles only with their period ("Sen. Jones"; "Hun Sen" is a name).
TITLE_ABBREVIATIONS = frozenset("sen rep gov gen col maj capt lt adm sgt prof pres rev supt insp det cmdr".split())

SPEECH_VERBS = frozenset("""
said says told tells added noted wrote writes stated asked announced argued warned claimed insisted explained
suggested stressed emphasized emphasised confirmed denied declared replied responded remarked tweeted posted
urged called vowed pledged signed met visited threatened praised criticized criticised
""".split())

#: Lower-case words that join a surname ("Ursula von der Leyen", "Charles de Gaulle").
PARTICLES = frozenset("von van der den de da di du del della le la bin ibn al el ben dos das ter ten".split())

#: Capitalised words that are never part of a person's name.
STOPWORDS = frozenset("""
The A An And Or But Nor Of In On At For With From By To As After Before Since Until During Under Over About
Into Onto Upon Via Per Than Through Across Against Among Amid Between Beyond Without Within Towards Toward Us Me
Him Them This That These Those His Her Its Their Our Your My We They He She It I You If When While Where Why How What
Who Whom Whose Which Whether Whatever Despite Although Though However Meanwhile Moreover Furthermore Also Only
Even Still Yet Then Now Today Tonight Yesterday Tomorrow Earlier Later Last Next This Every Each All Both Some
Any Many Much Most More Few Several Other Another Such No Not None Nothing Here There Thus Hence Instead Indeed
Perhaps Maybe Please Thank Thanks Yes Oh Well So Just Very Too Already Again Once Twice Soon Often Never
One Two Three Four Five Six Seven Eight Nine Ten First Second Third Fourth Fifth Dozens Hundreds Thousands
Mr Mrs Ms Dr St Jr Sr Superintendent Inspector Detective Sheriff Bishop Archbishop Cardinal Rabbi Imam
Reverend Prosecutor Professor Exchequer Space Shuttle International Global Worldwide
President President-elect Presidents Prime Minister Ministers Secretary Secretaries General Chancellor
Ambassador Ambassadors Envoy Envoys Special Deputy Vice Foreign Defense Defence Interior Finance Affairs Chief
Head Leader Leaders Spokesman Spokeswoman Spokesperson Adviser Advisor Official Officials Commander Senator
Senators Governor Chairman Chairwoman Director Pope King Queen Prince Princess Sir Dame Lord Lady Judge Justice
Colonel Major Captain Lieutenant Admiral Sergeant Marshal Mayor Premier Representative Representatives
Congressman Congresswoman Speaker Emir Sheikh Ayatollah Crown Commissioner Attorney Negotiator Diplomat
National Security Intelligence Homeland Energy Trade Economy Economic Justice Health Education Labor Labour
Republic Federation Union Kingdom States State Department Ministry Council Commission Conference Assembly
Parliament Congress Senate House Party Agency Bank Forces Force Army Navy Air Guard Alliance Coalition Willing
Organization Organisation Group Office Court Committee Fund Institute University College School Center Centre
Foundation Corporation Company Inc Ltd Co Corp News Post Times Press Journal Business Service Network Media
Television Radio Report Reports Review Daily Weekly Magazine Online Live Update Updates Breaking Exclusive
Read More Related Posts Post Photo Photos Image Images Video Videos Share Subscribe Support Become Patron
Donate Follow Comment Comments Click Sign Login Log Menu Home Search Tags Tag Source Sources Credit Getty
Article Section Chapter Clause Paragraph Annex Q&A FAQ Editor Editors Note Opinion Analysis Explainer
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn
Fall Winter Christmas Easter New Year Day Week Month Year Weekend Morning Evening Night Era Age
God Security Peace War Wars Ceasefire Truce Operation Mission Plan Initiative Summit Treaty Agreement
Agreements Accord Accords Talks Process Program Programme Strategy Policy Doctrine Act Law Resolution
Declaration Charter Protocol Convention Format Deal Framework Guarantees Guarantee Index Market Markets
Exchange Stock Dollar Dollars Euro Euros Budget Tax Tariff Tariffs Sanctions Aid
Atlantic Pacific Arctic Indian Ocean Middle East West North South Central Eastern Western Northern Southern
Black Red Baltic Caspian Mediterranean Sea River Lake Gulf Bay Strait Mountains Island Islands Peninsula
Region Oblast Province County District City Town Village Capital Front Line Frontline Border Territory
Territories Zone Donbas Donbass Kursk Europe Asia Africa Oceania Antarctica Balkans Caucasus Scandinavia
Church Cathedral Palace Tower Square Street Avenue Airport Station Bridge Plant Base Camp Fort Hospital
Olympic Olympics Cup League Championship Games Prize Award Awards
Covid COVID Internet Web Online Twitter Facebook Telegram Instagram YouTube TikTok WhatsApp Google Apple
Microsoft Amazon Meta Tesla Netflix Bitcoin AI Islam Islamic Muslim Muslims Christians Jewish Jew
Catholic Orthodox Protestant Christianity Democrat Democrats Democratic Republican Republicans Conservative
Conservatives Liberal Liberals Socialist Socialists Communist Communists Green Greens Labour Tory Tories Nazi Nazis
Soldiers Soldier Troops Officials People Citizens Residents Children Women Men Refugees Civilians
Ukraine-Russia Russia-Ukraine Pro-Russian Anti-Russian Ceasefire Peacekeeping Peacekeepers Reassurance
""".split()) | DEMONYMS

#: Last words of companies, buildings and the like: a capitalised phrase before one names no person.
NAME_ENDERS = frozenset("""
Securities Communications Projects Industries Laboratories Labs Textile Textiles Insights Savings Partnership
Partners Holdings Capital Associates Systems Technologies Technology Enterprises Airlines Airways Motors Electric
Electronics Energy Foods Oil Petroleum Steel Pharmaceuticals Pharma Entertainment Pictures Brothers Cos Co Corp
Inc Ltd LLC PLC AG SA GmbH Oy AB NV Library Theater Theatre Museum Garden Gardens Federal Medical Investment
Investments Insurance Financial Trust Stores Products Mining Resources Solutions Services Software Computer
Computers Cellular Broadcasting Publishing Hall Arena Park Building Hotel Chapel Prize Award Awards Doctrine Act
Plan Center Centre Institute Foundation Fund University College School Airport Station Street Avenue Road
Square Bridge Tower Hospital Stadium Memorial Cathedral Church Palace
""".split())

#: Given names (generic, many languages): a capitalised pair starting with one is very likely a person.
FIRST_NAMES = frozenset("""
Aaron Abdel Abdul Abdullah Abraham Adam Adrian Ahmed Ahmad Alain Alan Albert Alberto Aleksandr Aleksander
Aleksei Alessandro Alexander Alexandra Alexandre Alexei Alexey Alexis Ali Alice Alicia Alina Alison Amanda Amir
Amy Ana Anders Andrea Andreas Andrei Andrej Andrew Andrii Andriy Andrzej Andy Angela Ann Anna Anne Annalena
Anthony Antonio Antony Antti Anwar Arnold Arseniy Arthur Ashley Austin Barack Barbara Beata Ben Benjamin Benny
Bernard Bernie Beth Betty Bill Billy Bob Boris Brad Brendan Brian Bruce Bruno Carl Carlos Carlo Caroline Catherine
Charles Charlie Chad Chen Chris Christian Christine Christopher Chuck Claire Claudia Colin Craig Dan Daniel
Daniela Danny Dario David Dean Denis Denys Dennis Diana Dick Dieter Dmitri Dmitriy Dmitro Dmitry Dmytro Don
Donald Doug Douglas Ebrahim Ed Edward Edi Elena Eli Elizabeth Ellen Elon Emily Emma Emmanuel Enrico Eric Erik
Ethan Eva Evan Fabio Fatima Federica Felipe Fernando Florence Francesca Francesco Francis Francisco Frank Franz
Fred Friedrich Gabriel Gabrielius Gary Gavin George Georgia Gerald Gerhard Giorgia Giovanni Gitanas Giuseppe
Grant Greg Gregory Guido Gustavo Hakan Hannah Hans Harry Heather Heinz Helen Helmut Henry Herman Hillary Howard
Hugo Hunter Ian Igor Israel Ilham Ilya Ivan Jack Jacob Jacques Jake James Jamie Jan Jane Janet Jared Jason Javier
Jay Jean Jeff Jeffrey Jennifer Jens Jeremy Jerome Jerry Jessica Jim Jimmy Joachim Joan Joe Johann Johannes John
Johnny Jon Jonathan Jordan Jorge Jose José Josef Joseph Josh Joshua Juan Judith Julia Julian Julie Justin Kai
Kaja Kamala Karen Karin Karl Kate Katherine Kathleen Katie Kay Keir Keith Kelly Ken Kenneth Kevin Kim Kirill
Klaus Kristi Kristen Kurt Kyle Lara Larry Laura Lauren Lee Leo Leon Leonid Linda Lindsey Lisa Lloyd Lorenzo
Louis Lucas Luis Luigi Luis Luke Magnus Maia Manuel Marc Marco Marcus Margaret Maria Marie Marine Mario Mark
Marko Marta Martin Mary Mateusz Matteo Matthew Matthias Max Maxim Maxime Mette Michael Michel Michelle Miguel
Mike Mikhail Mikheil Milan Mitch Mohamed Mohammad Mohammed Muhammad Mykhailo Mykola Nancy Naftali Nancy Nathan
Neil Nicholas Nick Nicola Nicolas Nicolás Nikita Nikki Nikol Nikolai Nikolay Noah Olaf Olena Oleg Oleksandr
Oleksii Oleksiy Olga Oliver Olivia Omar Oscar Pablo Pam Pamela Paolo Pascal Patricia Patrick Paul Pedro Pekka
Pete Peter Petr Petro Petteri Phil Philip Philippe Pierre Pietro Rachel Rafael Ralph Ramzan Randy Raphael
Rashid Ray Rebecca Recep Richard Rick Rishi Rob Robert Roberta Roberto Rodrigo Roger Roman Ron Ronald Rose Ruslan
Ruth Ryan Sadiq Sam Samantha Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei Sergey Sergiy Serhii Serhiy
Shinzo Shigeru Simon Sophie Stefan Stephen Steve Steven Stuart Susan Sviatlana Svetlana Tamara Taras Ted Teresa
Thierry Thomas Tim Timothy Tina Todd Tom Tommy Tony Ulrich Ursula Valentin Valerii Valery Vasyl Victor Viktor
Vincent Vitali Vitaliy Vladimir Vladislav Volodymyr Walter Wang Wayne William Wolfgang Xavier Yulia Yuri Yuriy
Yusuf Zbigniew Zoe Zoran
""".split())

#: Given names that differ between transliterations or as nicknames: variant -> the form they join.
FIRST_NAME_VARIANTS: dict[str, str] = {
    "volodymyr": "vladimir", "oleksandr": "alexander", "aleksandr": "alexander", "oleksiy": "alexei",
    "oleksii": "alexei", "alexey": "alexei", "andriy": "andrei", "andrii": "andrei", "mykola": "nikolai",
    "nikolay": "nikolai", "serhiy": "sergei", "serhii": "sergei", "sergey": "sergei", "sergiy": "sergei",
    "dmytro": "dmitry", "dmitri": "dmitry", "dmitriy": "dmitry", "yuriy": "yuri", "mykhailo": "mikhail",
    "petro": "pyotr", "petr": "pyotr", "vitaliy": "vitali", "valerii": "valery",
    "steve": "stephen", "steven": "stephen", "mike": "michael", "mick": "michael", "bill": "william",
    "will": "william", "bob": "robert", "rob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james",
    "joe": "joseph", "tom": "thomas", "tony": "anthony", "alex": "alexander", "ed": "edward", "dan": "daniel",
    "dave": "david", "chris": "christopher", "nick": "nicholas", "andy": "andrew", "ben": "benjamin",
    "sam": "samuel", "matt": "matthew", "pat": "patrick", "ron": "ronald", "don": "donald", "jeff": "jeffrey",
    "greg": "gregory", "liz": "elizabeth", "kate": "katherine", "kathy": "katherine", "jen": "jennifer",
    "dick": "richard", "rick": "richard", "rich": "richard", "larry": "lawrence", "jerry": "gerald",
    "chuck": "charles", "charlie": "charles", "fred": "frederick", "ted": "edward", "tim": "timothy",
    "pete": "peter", "phil": "philip", "doug": "douglas", "josh": "joshua", "jon": "jonathan",
}

#: Last words of a company's name: "American Airlines", "General Motors", "Spirit Aerospace Systems".
COMPANY_HEADS = frozenset("""
Airlines Airways Motors Industries Holdings Technologies Systems Aerospace Pharmaceuticals Laboratories Energy
Petroleum Entertainment Communications Electric Airlines Financial Insurance Semiconductor Steel Automotive
""".split())

#: Last words of an organization's name ("NATO Parliamentary Assembly", "Russian Defense Ministry").
ORG_HEADS = frozenset("""
Ministry Department Council Commission Conference Assembly Agency Party Bank Forces Army Navy Alliance Institute
University Committee Court Tribunal Parliament Organization Organisation Fund Office Service Guard Group Union
Corporation Company Authority Administration Directorate Command Brigade Regiment Movement Foundation
Association Federation Cabinet Bureau Corps Police Coalition Forum Secretariat Fleet Staff Inc Ltd Corp Board
Center Centre Workers Unions Caucus Senate
News Times Post Press Journal Herald Tribune Gazette Network Radio Television
""".split())
