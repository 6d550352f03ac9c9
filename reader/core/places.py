"""Places the engine knows by name: US states, countries, regions and big cities.

A small gazetteer, lower case, for two questions: is a capitalised name a place
(the fact detector's kind of a name) and can it be a person (a pronoun's
antecedent in the quotation attribution)? Not a full list: a name not here is
simply not known to be a place. Why a list: no NER model is available, and place
names are few and stable.
"""

from __future__ import annotations

PLACES = frozenset(
    [
        s.strip()
        for s in (
            "alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,"
            "hawaii,idaho,illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,"
            "massachusetts,michigan,minnesota,mississippi,missouri,montana,nebraska,nevada,"
            "new hampshire,new jersey,new mexico,new york,"
            "north carolina,north dakota,ohio,oklahoma,"
            "oregon,pennsylvania,rhode island,south carolina,south dakota,tennessee,texas,utah,"
            "vermont,virginia,washington,west virginia,wisconsin,"
            "wyoming,united states,mexico,canada,"
            "china,russia,japan,india,germany,france,italy,spain,britain,england,scotland,ireland,"
            "united kingdom,iran,iraq,syria,israel,afghanistan,pakistan,ukraine,north korea,"
            "south korea,korea,cuba,venezuela,brazil,argentina,colombia,guatemala,honduras,"
            "el salvador,nicaragua,turkey,egypt,saudi arabia,yemen,libya,europe,asia,africa,"
            "latin america,middle east,chicago,los angeles,"
            "houston,phoenix,philadelphia,san antonio,"
            "san diego,dallas,miami,atlanta,boston,seattle,denver,detroit,baltimore,new orleans,"
            "las vegas,san francisco,brooklyn,manhattan,london,paris,berlin,moscow,beijing,tokyo,"
            "jerusalem,baghdad,kabul,tehran,havana,ottawa,toronto,mexico city,el paso,tijuana,"
            "washington dc,dc,puerto rico,america,palm beach,charlotte,cleveland,pittsburgh"
        ).split(",")
    ]
)
