"""Danish abbreviations that end in a full stop without ending the sentence.

Used to cut a sum of money's sentence out of running text ("ca. 1,5 mio. kr. om året").
Source: Retskrivningsordbogen's list of common abbreviations, and the DAS seeds.
"kr." is left out on purpose: it ends many sentences ("... 3.080 kr. Dertil ...").
"""
from __future__ import annotations

ABBREVIATIONS = frozenset({
    "ca.", "bl.a.", "jf.", "pct.", "nr.", "mio.", "mia.", "mrd.", "fx.", "f.eks.", "dvs.",
    "mv.", "m.v.", "hhv.", "inkl.", "ekskl.", "evt.", "ift.", "mht.", "pr.", "st.", "kl.",
    "d.", "ang.", "vedr.", "iht.", "jfr.", "tlf.", "stk.", "nov.", "dec.", "jan.", "feb.",
    "aug.", "sept.", "okt.", "kvt.", "t.", "t.kr.", "s.", "min.", "max.", "gns.", "årg.",
})
