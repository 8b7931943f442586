"""Danish words of decisions and dissent in minutes (DOMAIN.md; DAS, eDoc and FirstAgenda minutes).

Each outcome is a list of regular expressions searched in the decision text (not
anchored: "Udvalget godkendte indstillingen" and "Godkendt." both count). The order of
OUTCOME_PATTERNS is the order of precedence: a negation ("ikke godkendt") is tested
before the bare word, a change ("godkendt med den ændring") before plain approval, a
postponement before anything else ("Sagen udsættes; godkendt ..." never happens, while
"udsat" inside an approval almost never does).

Left out on purpose: "behandlet", "orienterede" and "orienteret" alone (someone spoke;
they say nothing about the result) and bare "ja"/"nej" (vote tallies are read from "For stemte"/"Imod stemte").
"""
from __future__ import annotations

import re

# Outcome codes (models.Outcome), stored as text in the archive and faceted in Datasette.
APPROVED = "approved"  # approved as recommended
APPROVED_WITH_CHANGES = "approved_with_changes"
NOTED = "noted"  # taken note of, discussed
RECOMMENDED = "recommended"  # recommended to another body ("Anbefales over for byrådet")
SENT_ON = "sent_on"  # sent on to another body without a recommendation
POSTPONED = "postponed"
REJECTED = "rejected"
OTHER = "other"

_F = re.IGNORECASE

OUTCOME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (POSTPONED, re.compile(r"\b(?:udsat|udsættes|udsatte|udsætte|blev udskudt|udskydes|"
                           r"tages op (?:igen )?på (?:et )?(?:senere|næste) møde|genoptages)\b", _F)),
    (REJECTED, re.compile(r"\b(?:ikke (?:godkendt|godkendes|tiltrådt|tiltrådte|anbefalet|anbefales|vedtaget|"
                          r"imødekommet|bevilget)|kan ikke (?:godkendes|anbefales|tiltrædes)|forkastet|forkastes|"
                          r"afvist|afvises|afviste|forslaget faldt)\b", _F)),
    (SENT_ON, re.compile(r"\b(?:oversendes|oversendt|videresendes|videresendt|sendes videre|sendt videre|"
                         r"henvises|henvist|sendes til|overgives til)\b", _F)),
    (RECOMMENDED, re.compile(r"\b(?:anbefales|anbefalet|anbefaler|anbefalede|indstilles til|"
                             r"indstiller til|indstillede til|indstilles godkendt|indstilles vedtaget)\b", _F)),
    (APPROVED_WITH_CHANGES, re.compile(
        r"\b(?:godkendt|godkendes|godkendte|tiltrådt|tiltrådte|vedtaget)\b[^.]{0,80}?\b(?:med (?:den|de|følgende|"
        r"enkelte|en|flg\.?)?\s*(?:[a-zæøå]+e\s+)?(?:ændring|ændringer|tilføjelse|tilføjelser|præcisering|"
        r"præciseringer|justering|justeringer|rettelse|rettelser)|dog således|dog med|idet\b)", _F)),
    (APPROVED_WITH_CHANGES, re.compile(r"\b(?:med (?:følgende|den|de) (?:ændring|ændringer|tilføjelse|"
                                       r"tilføjelser)|ændringsforslag(?:et)? (?:blev )?vedtaget)\b", _F)),
    (APPROVED, re.compile(r"\b(?:godkendt|godkendes|godkendte|godkender|tiltrådt|tiltrådte|tiltrædes|vedtaget|"
                          r"vedtoges|vedtages|bevilget|bevilges|som indstillet|indstillingen følges|"
                          r"imødekommet)\b", _F)),
    (NOTED, re.compile(r"\b(?:til efterretning|til orientering|taget til orientering|orienteringen|"
                       r"drøftet|drøftede|drøftes|drøftelsen|blev orienteret|"
                       r"tog [^.]{0,40} til efterretning|tages til efterretning)\b", _F)),
)

# When the text names no outcome, the recommendation's verb says what was put to the
# meeting; an uncontested item is taken to have gone as recommended (stated=False).
RECOMMENDATION_VERBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (RECOMMENDED, re.compile(r"\b(?:anbefaler|anbefales|indstiller til)\b", _F)),
    (NOTED, re.compile(r"\b(?:drøfter|drøftes|til efterretning|orienteres|orientering|giver input|"
                       r"tager .{0,40}til efterretning)\b", _F)),
    (APPROVED, re.compile(r"\b(?:godkender|godkendes|beslutter|vedtager|tiltræder|bevilger|udpeger)\b", _F)),
)

# Texts that record that nothing was decided.
NOTHING_DECIDED = re.compile(r"^\s*(?:intet|ingen|-|–|ingen bemærkninger|intet at bemærke)\s*\.?\s*$", _F)

# Dissent kinds: what a member or group did instead of joining the majority.
DISAGREED = "disagreed"  # could not agree, voted against
RESERVATION = "reservation"  # took a reservation
DID_NOT_TAKE_PART = "did_not_take_part"  # did not take part, abstained, was disqualified

# The verb phrase that follows who dissented: "<who> kunne ikke tiltræde ...".
DISSENT_VERBS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (DISAGREED, re.compile(r"\b(?:kunne ikke (?:tiltræde|godkende|anbefale|støtte|gå ind for)|"
                           r"kan ikke (?:tiltræde|godkende|anbefale|støtte)|stemte imod|stemmer imod|"
                           r"var imod|er imod|ønskede ikke at tiltræde|tiltrådte ikke|anbefalede ikke|"
                           r"godkendte ikke|ønskede sagen)\b", _F)),
    (RESERVATION, re.compile(r"\b(?:tog|tager|tog et|tager et|med) (?:generelt |politisk )?forbehold\b|"
                             r"\b(?:tog|tager) forbehold\b|\bforbeholdt sig\b", _F)),
    (DID_NOT_TAKE_PART, re.compile(r"\b(?:deltog ikke i|deltager ikke i|undlod at stemme|undlader at stemme|"
                                   r"stemte hverken for eller imod|erklærede sig inhabil|var inhabil|"
                                   r"forlod mødet under)\b", _F)),
)

# "Imod stemte: F og Ø" / "Imod: Enhedslisten" put the dissenters after the verb.
VOTE_AGAINST = re.compile(r"\b(?:imod stemte|stemte imod|imod)\s*:\s*(?P<who>[^.;\n]+)", _F)
VOTE_ABSTAIN = re.compile(r"\b(?:undlod at stemme|hverken for eller imod)\s*:\s*(?P<who>[^.;\n]+)", _F)

# Recommendation points named in a dissent: "at 2", "at-punkt 2 og 3", "indstillingens punkt 1",
# "beslutningspunkt 2", "pkt. 3".
POINTS = re.compile(r"\b(?:at[- ]?(?:punkt(?:erne)?)?|indstillingens punkt(?:er)?|beslutningspunkt(?:erne)?|"
                    r"punkt(?:erne)?|pkt\.?)\s*(?P<list>\d{1,2}(?:\s*(?:,|og|-|–)\s*\d{1,2})*)\)?", _F)

# Words that open a sentence without naming a dissenter (so they are cut off "who").
WHO_LEADS = re.compile(r"^(?:dog|men|idet|hvor|og|samt|mens|medens)\s+", _F)

# Case history inside an item ("Sagsforløb": earlier treatments, one per line or bullet).
HISTORY_HEADING = re.compile(r"^(?:sagsforløb|tidligere behandling(?:er)?|behandlingsforløb)\b", _F)
# "punkt 5", "pkt. 5", "dagsordenspunkt 5" in such a line.
HISTORY_ITEM = re.compile(r"[\s,]*(?:punkt|pkt\.?|dagsordenspunkt)\s*(\d{1,3})\b", _F)

# Standing items that recur at every meeting; never a series of one case.
STANDING_ITEM = re.compile(
    r"^(?:godkendelse af (?:dagsorden(?:en)?|referat(?:et)?)\b.*|"  # "... fra seneste møde"
    r"(?:meddelelser|orientering(?:ssager)?|orientering fra (?:formanden|direktøren|forvaltningen)|"
    r"eventuelt|evt\.?|næste møde|underskrift|underskriftsblad|lukket punkt|gensidig orientering)"
    r"\s*:?\s*$)", _F)
