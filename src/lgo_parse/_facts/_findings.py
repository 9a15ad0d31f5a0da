"""Findings: was the complaint investigated, was there fault, did it cause injustice, and why not.

Where findings are read: the summary, then the sections that decide — the
final decision, the assessment, the analysis, the findings and injustice
sections (not "What happened", which tells the story, nor the Ombudsman's
role and powers, which states the law in general). Each sentence there is
read once, from the shared sentence split, and only after a cheap substring
test: a sentence that says none of the words the fault, injustice and
investigation patterns need is skipped without a regular expression. Every
sentence is kept for the reasons, which are read only when the complaint was
not investigated.

Rules, in words:

* **investigated** is ``False`` when a sentence says the Ombudsman will not
  (or did not, cannot) investigate the complaint, ended, discontinued or
  stopped the investigation — about the whole complaint, not "other
  matters" or a part of it; the summary's word wins over the body's.
  Otherwise ``True`` when a sentence states a finding of fault or no fault,
  or that the Ombudsman investigated. When the text says neither, the
  ``Decision :`` header decides: upheld and not upheld were investigated,
  closed after initial enquiries was not.
* **fault** is ``FOUND`` when any sentence finds fault ("We found fault",
  "The Council was at fault", "There was some fault", fault the authority
  accepted); ``NOT_FOUND`` when sentences find no fault and none finds
  fault ("There was no fault ... However, there was fault in ..." is found).
  "Not enough evidence of fault" and "unlikely to find fault" are reasons
  for not investigating, not findings; a hypothetical ("we would find
  fault") and what the complainant says are neither.
* **injustice** is ``CAUSED`` when a sentence says the fault caused
  injustice, distress, frustration or the like, or that injustice was (or
  is to be) remedied, or when an apology or payment is agreed after fault
  was found; ``NOT_CAUSED`` when it says the fault caused no (significant)
  injustice and nothing says it caused some.
* **reasons** are read only when the complaint was not investigated, from
  every sentence that decides (each reason once, in the order of ``Reason``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from .._layout import Span
from .._model import Decision, LooseLine, OutcomeKind, Section, SectionKind
from ._lazy_regex import Lazy
from ._make import findings as make_findings
from ._model import Fault, Findings, Injustice, Reason, RemedyKind
from ._patterns import Worded, lowered
from ._text import Context, context_of, sub_span

_DECIDING: Final = (
    SectionKind.FINAL_DECISION,
    SectionKind.ASSESSMENT,
    SectionKind.ANALYSIS,
    SectionKind.FINDINGS,
    SectionKind.INJUSTICE,
)
# Headings that are not a known kind but decide: "Conclusions", "Decision and reasons".
_DECIDING_HEADING: Final = Lazy(r"\s*(?:my\s+|our\s+)?(?:conclusions?|decision|reasons?)\b", re.I)
_SKIPPED: Final = (
    SectionKind.WHAT_HAPPENED,
    SectionKind.ROLE_AND_POWERS,
    SectionKind.LEGAL_BACKGROUND,
)

# Tried only where its first words stand (see ``Worded``: a test checks them).
_NOT_INVESTIGATED: Final = Worded(
    Lazy(
        r"\b(?:will|shall|can|could|did|do|does|have|has|would|should)\s*(?:not|n[o’']t)\s+"
        r"(?:be\s+)?(?:investigat\w*|start\w*\s+an\s+investigation|consider\w*\s+(?:this|the|your))"
        r"|\bwon[’']t\s+investigate|\bcannot\s+investigate|\bnot\s+to\s+investigate"
        r"|\b(?:ended|discontinued|stopped|closed|concluded|end|discontinue|stop)\s+"
        r"(?:our|my|the|this|its)\s+investigation|\binvestigation\s+(?:has\s+)?(?:ended|discontinued)"
        r"|\b(?:stopped|ceased|ended)\s+(?:our\s+|my\s+)?investigating"
        r"|\bno\s+(?:legal\s+)?(?:power|jurisdiction)\s+to\s+investigate"
        r"|\bnot\s+(?:appropriate|possible|proportionate|justified)\s+for\s+(?:us|me|the\s+Ombudsman)"
        r"\s+to\s+investigate"
        r"|\bdecided\s+not\s+to\s+(?:investigate|continue)|\bwill\s+not\s+(?:be\s+)?(?:taking|take)\s+"
        r"(?:this|the)\s+complaint\s+(?:further|forward)",
        re.IGNORECASE,
    ),
    "will", "shall", "can", "could", "did", "do", "have", "has", "would", "should", "won",
    "not ", "ended ", "end ", "discontinued ", "discontinue ", "stopped ", "stop ", "closed ",
    "concluded ", "investigation ", "ceased ", "no ", "decided ",
)  # fmt: skip
# "We did not investigate other matters": a part, not the complaint.
_PART: Final = Lazy(
    r"\b(?:other|part|parts|some|aspects?|remaining|rest|points?|elements?|issues?|matters?)\b"
    r"(?!\s+(?:this|the)\s+complaint\b)",
    re.IGNORECASE,
)
_INVESTIGATED: Final = Worded(
    Lazy(
        r"\b(?:I|we|the\s+Ombudsmen?)\s+(?:have\s+)?(?:now\s+)?(?:investigated|completed\s+"
        r"(?:my|our|the)\s+investigation)|\b(?:my|our)\s+investigation\s+(?:found|has\s+found|shows)"
        r"|\bthe\s+Ombudsman[’']s\s+decision\s+is\b",
        re.IGNORECASE,
    ),
    "i ",
    "we ",
    "the ",
    "my ",
    "our ",
)

# Fault: read leftmost first, so "no fault ... fault in" reads "no fault" and goes on after it.
# Where a match of _FAULT can start (see ``Worded``: a test checks them); a word the pattern
# follows with white space is written with it ("was "), so "wash" is no place to try.
# fmt: off
_FAULT_STARTS: Final = (
    # the reasons for not investigating
    "no ", "not ", "insufficient ", "little ", "any ", "sufficient ", "unlikely ", "would ",
    "could", "might ", "may ", "likely ", "minded ", "whether ",
    # no fault
    "did", "do", "can", "have", "has", "without ", "find ", "finds ", "found ", "acted ",
    # fault found
    "council", "it ", "authority", "provider", "agency ", "school ", "home ", "there ", "accept",
    "acknowledged ", "recognised ", "admitted ", "was ", "is ", "were ", "are ", "been ", "be ",
    "which ", "amount", "fault", "i ", "we ", "upheld ",
)
# fmt: on
_FAULT: Final = Worded(
    Lazy(
        # Reasons for not investigating, not findings.
        r"(?P<unlikely>(?:not\s+enough|insufficient|little|no|any|sufficient|not\s+seen(?:\s+any)?)\s+"
        r"(?:evidence|sign)s?\s+"
        r"(?:of\s+|that\s+)?(?:\w+\s+){0,2}?fault|unlikely\s+(?:to\s+|that\s+(?:we|I|the\s+Ombudsman)"
        r"\s+(?:would|will)\s+|(?:we|I)\s+(?:would|will)\s+)?(?:\w+\s+){0,3}?(?:find|finding)\s+"
        r"(?:of\s+)?(?:any\s+)?fault|(?:would|could|might|may|likely)\s+(?:\w+\s+)?find\s+fault"
        r"|minded\s+to\s+find\s+(?:no\s+)?fault|whether\s+(?:there\s+(?:was|is)\s+)?(?:any\s+)?fault)"
        r"|(?P<no>\bno\s+(?:procedural\s+|administrative\s+|other\s+|further\s+)?(?:fault|maladministration)"
        r"|\bnot\s+(?:at\s+)?fault\b|\b(?:did|do|does|could|can|have|has)\s*(?:not|n[o’']t)\s+"
        r"(?:find|found|uphold|identif\w+)\s+(?:\S+\s+){0,3}?(?:at\s+)?(?:fault|the\s+complaint)"
        r"|\bwithout\s+(?:any\s+)?fault\b|\bnot\s+the\s+result\s+of\s+(?:any\s+)?fault"
        r"|\bfinds?\s+no\s+fault|\bfound\s+no\s+fault|\bnot\s+uphold|\bnot\s+upheld"
        r"|\bdid\s+nothing\s+wrong|\bacted\s+(?:properly|reasonably|correctly|appropriately"
        r"|in\s+line\s+with|in\s+accordance\s+with))"
        r"|(?P<found>\bfound\s+(?:some\s+|evidence\s+of\s+|there\s+(?:was|were)\s+(?:some\s+)?)?"
        r"(?:fault|faults|maladministration|delay|service\s+failure)"
        r"|\b(?:finds?|found)\s+(?:(?!no\b|not\b|nothing\b)\S+\s+){0,3}?(?:at\s+)?(?:fault|maladministration|delay)\b"
        # A failure stated as a finding, not as what the complainant says (checked on the match).
        r"|\b(?:Council|it|authority|provider|[Aa]gency|[Ss]chool|[Hh]ome)\s+(?:also\s+|then\s+)?"
        r"(?:failed|delayed|did\s+not\s+(?:properly|follow|provide|complete|consider|act|issue|secure"
        r"|tell|respond|keep|carry|deal)|(?:has|had)\s+not\s+properly|was\s+wrong|was\s+not\s+entitled)"
        r"|\bthere\s+(?:was|were|has\s+been|have\s+been)\s+(?:some\s+|an?\s+)?(?:\w+\s+)?"
        r"(?:delays?|errors?|failures?)\b|\b(?:accepts?|accepted|acknowledged|recognised|admitted)\s+"
        r"(?:it\s+|that\s+it\s+)?(?:\w+\s+){0,2}?(?:fault|failed|error|delay|was\s+wrong|oversight)"
        r"|\b(?:was|is|were|are|been|be)\s+(?:also\s+)?(?:partly\s+)?at\s+fault"
        r"|\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:some\s+|also\s+)?"
        r"(?:fault|faults|maladministration|service\s+failure)\b"
        r"|\bwhich\s+(?:is|was|were|amounts?\s+to)\s+(?:also\s+)?fault|\bamount(?:s|ed)?\s+to\s+fault"
        r"|\bfault\s+(?:causing|which\s+caused|that\s+caused|caused)"
        r"|\baccept(?:s|ed)?\s+(?:that\s+)?(?:it\s+was\s+at\s+fault|fault|there\s+was\s+fault)"
        r"|\bfault\s+(?:by|with|in|on\s+the\s+part\s+of)\s+(?:the|its|how|a)\b"
        r"|\bfound\s+(?:the|that\s+the)\s+\w+\s+(?:was\s+)?at\s+fault"
        r"|\b(?:I|we)\s+uphold|\bupheld\s+(?:the|Mr|Mrs|Ms|Miss|her|his)\b"
        # "The Council should have told her"; "the Council's failure to": findings, unless reported.
        r"|\b(?:Council|it|authority|provider)\s+should\s+have\s+(?!been\s+able)"
        r"|\b(?:Council|authority|provider)[’']s\s+(?:\w+\s+)?(?:failures?|delays?|errors?)\b"
        # Fault the authority's own complaint process found: "the faults found", "the fault
        # identified".
        r"|\bfaults?\s+(?:(?:it|we|they|the\s+\w+)\s+)?(?:found|identified|accepted|acknowledged|admitted)\b)",
        re.IGNORECASE,
    ),
    *_FAULT_STARTS,
)

# Every alternative starts at a word boundary, tested once before them all:
# at the many places inside a word, the engine tries no alternative at all.
# Where a match of _INJUSTICE can start.
# fmt: off
_INJUSTICE_STARTS: Final = (
    # no injustice
    "did", "does", "has", "have", "had", "would", "could", "no ", "not ", "without ",
    "injustice ", "outcome ", "decision ", "result ",
    # injustice caused
    "caus", "an ", "the ", "some ", "this ", "that ", "avoidable ", "significant ", "remed",
    "suffered", "put ", "suitable ", "appropriate ", "sufficient ", "proportionate ", "fair ",
    "reasonable ", "further ", "already ", "apologised", "distress ", "frustration ",
    "inconvenience ", "uncertainty ", "anxiety ", "trouble ", "recommend", "agree ", "agreed ",
    "offer", "meant ", "means ", "longer ", "time ", "out ", "unnecessary ",
)
# fmt: on
_INJUSTICE: Final = Worded(
    Lazy(
        r"\b(?:(?P<none>(?:did|does|has|have|had|would|could)\s*(?:not|n[o’']t)\s+(?:\w+\s+){0,2}?"
        r"caused?\b(?:[^.;]{0,60}?)\binjustice|no\s+(?:significant\s+|personal\s+|further\s+)?"
        r"injustice|not\s+caused?\s+(?:\w+\s+){0,3}?injustice|without\s+(?:causing\s+)?"
        r"(?:any\s+)?injustice|injustice\s+(?:was|is)\s+not\s+significant"
        r"|not\s+(?:cause|caused)\s+(?:\w+\s+){0,3}?(?:significant\s+)?(?:harm|loss|distress)"
        # The fault made no difference to what was decided.
        r"|(?:outcome|decision|result)\s+would\s+(?:still\s+)?(?:have\s+been|be)\s+the\s+same"
        r"|did\s+not\s+(?:affect|change)\s+the\s+(?:outcome|decision|result)"
        r"|would\s+not\s+have\s+(?:been\s+)?(?:different|changed))"
        r"|(?P<caused>caus(?:ed|ing|es)\b(?:[^.;]{0,80}?)\b(?:injustice|distress|frustration|"
        r"uncertainty|inconvenience|anxiety|time\s+and\s+trouble|loss|harm|missed\s+opportunit\w*"
        r"|worry|upset|stress|confusion|hardship)"
        r"|(?:an|the|some|this|that|avoidable|significant)\s+injustice\b"
        r"|remed(?:y|ies|ied)\s+(?:\w+\s+)?(?:the|this|her|his|their|Mr|Mrs|Ms|Miss)\b|suffered\b"
        r"|put\s+(?:this|things|matters)\s+right|(?:suitable|appropriate|sufficient|proportionate"
        r"|fair|reasonable|further)\s+remedy|remedy\s+(?:already|(?:it\s+)?(?:has\s+)?(?:already\s+)?"
        r"(?:provided|offered))|remedy\s+for\s+(?:her|his|their|the)\b"
        r"|(?:has\s+|have\s+)?(?:already\s+)?apologised\b"
        r"|(?:distress|frustration|inconvenience|injustice|uncertainty|anxiety|trouble)\s+"
        r"(?:\w+\s+)?caused\b"
        # A remedy recommended or agreed after fault; a consequence the person bore.
        r"|(?:recommend\w*|agreed?|offer\w*)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?remedy\b"
        r"|(?:meant|means)\s+(?:that\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|he|she|they)\b"
        r"|longer\s+than\s+(?:is\s+|was\s+)?(?:necessary|reasonable|it\s+should)"
        r"|time\s+and\s+trouble\b|out\s+of\s+pocket\b|(?:avoidable|unnecessary)\s+"
        r"(?:distress|frustration|uncertainty|time|stress|worry|delay|anxiety|inconvenience)))",
        re.IGNORECASE,
    ),
    *_INJUSTICE_STARTS,
)
# What the complainant says, asks or fears is not a finding.
# Where a match of _REPORTED can start.
# fmt: off
_REPORTED_STARTS: Final = (
    "say", "said", "complain", "claim", "believe", "feel", "felt", "alleg", "think", "consider",
    "want", "ask", "argue", "would", "concerned", "dissatisfied", "unhappy",
)
# fmt: on
_REPORTED: Final = Worded(
    Lazy(
        r"\b(?:says?|said|complain(?:s|ed|ing)?|complaints?\s+that|claim(?:s|ed|ing)?|believes?|feels?|felt|alleg\w*"
        r"|thinks?|considers?"
        r"|wants?|asks?|asked|argues?|would\s+like|concerned|dissatisfied|unhappy)\b",
        re.IGNORECASE,
    ),
    *_REPORTED_STARTS,
)
_OTHER_BODY_NAMED: Final = Lazy(
    r"Commissioner|Housing\s+Ombudsman|Ofsted|Care\s+Quality|\bCQC\b|\bICO\b|regulator", re.I
)
# A sentence names one of these words (case matters) before it is searched for
# injustice or fault: substring tests, where a regular expression made of the
# same words would test every character of the sentence.
_INJUSTICE_WORDS: Final = (
    "njustice", "caus", "remed", "suffered", "right", "apologised", "mean", "longer", "trouble",
    "pocket", "voidable", "unnecessar", "outcome", "same", "different", "changed", "affect",
)  # fmt: skip
_FAULT_WORDS: Final = (
    "fault", "fail", "delay", "error", "wrong", "entitled", "properly", "uphold", "upheld",
    "maladmin", "oversight", "acted",
)  # fmt: skip
# The two words of _FAULT_WORDS with a space between (of any length).
_DID_NOT: Final = Lazy(r"did\s+not")
_SHOULD_HAVE: Final = Lazy(r"should\s+have")
_FINDER: Final = Lazy(r"\b(?:I|we|Ombudsm[ae]n|investigation)\b")
_LONGEST_FINDER: Final = len("investigation")

_REASONS: Final[tuple[tuple[Reason, Lazy], ...]] = (
    (
        Reason.UNLIKELY_FAULT,
        Lazy(
            r"(?:not\s+enough|insufficient|little|no|not\s+seen(?:\s+any)?|not\s+found(?:\s+any)?)"
            r"\s+(?:evidence|sign|suggestion|indication)s?\s+(?:of\s+|that\s+)?"
            r"(?:\S+\s+){0,4}?(?:fault|acted\s+wrongly|did\s+anything\s+wrong)"
            r"|unlikely\s+(?:\S+\s+){0,6}?fault|without\s+fault|no\s+fault\s+in\s+(?:how|the\s+way)"
            r"|(?:followed|applied)\s+(?:the\s+|its\s+)?(?:correct|proper|right|relevant)\s+"
            r"(?:process|procedure|law|policy|guidance)"
            r"|(?:cannot|can\s*not|could\s+not|will\s+not|would\s+not)\s+(?:\w+\s+)?(?:question|criticise)"
            r"|(?:decision|it)\s+(?:was\s+)?(?:properly|correctly)"
            r"|(?:reached|made|took)\s+(?:its|the|their)\s+decisions?\s+(?:\w+\s+)?(?:properly|correctly)"
            r"|no\s+(?:grounds|reason)\s+to\s+(?:question|criticise)"
            r"|decisions?\s+(?:it|the\s+Council)\s+(?:was|is)\s+entitled\s+to\s+(?:make|reach|take)"
            r"|evidence\s+of\s+fault\s+(?:is|was)\s+not"
            r"|no\s+(?:evidence|sign)s?\s+of\s+(?:any\s+)?(?:maladministration|wrongdoing|error)"
            r"|acted\s+(?:properly|correctly|reasonably|in\s+line\s+with)",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.NO_SIGNIFICANT_INJUSTICE,
        Lazy(
            r"(?:not|insufficient|no|little)\s+(?:\S+\s+){0,8}?(?:significant|enough|sufficient"
            r"|serious|evidence\s+of)\s+"
            r"(?:\w+\s+){0,2}?(?:injustice|harm|loss|impact)"
            r"|injustice\s+(?:\S+\s+){0,5}?not\s+(?:\w+\s+)?(?:significant|sufficient|serious|enough)"
            r"|not\s+significant\s+enough|unlikely\s+(?:to\s+|that\s+)(?:\w+\s+){0,5}?(?:lead\s+to|"
            r"achieve|result\s+in|make|add|provide|get)\s+(?:a|an|any|anything|further|something|the|to)"
            r"\s*(?:\w+\s+){0,2}?(?:different|additional|further|more|meaningful|worthwhile"
            r"|significant|outcome|remedy|difference|response)"
            r"|(?:cannot|can\s*not|could\s+not|would\s+not|will\s+not)\s+(?:\w+\s+){0,2}?achieve"
            r"|remedy\s+for\s+a\s+significant\s+injustice|no\s+worthwhile\s+outcome"
            r"|(?:would|could)\s+not\s+(?:\w+\s+){0,2}?(?:lead\s+to|add|make)\s+(?:a\s+|any\s+)?"
            r"(?:different|more|further|difference)|nothing\s+(?:\w+\s+)?(?:more|further|significant"
            r"|worthwhile|meaningful)\s+(?:\w+\s+){0,3}?achieve"
            r"|not\s+(?:significant|sufficient|serious)\s+enough|\b(?:minor|limited)\s+injustice"
            r"|significant\s+enough\s+to\s+(?:warrant|justify)|(?:achieve|lead\s+to|add)\s+"
            r"(?:anything|something)\s+(?:more|further|different|significant)|(?:different|additional"
            r"|meaningful|worthwhile)\s+(?:outcome|result)"
            r"|not\s+(?:sufficient|enough)\s+to\s+(?:warrant|justify)"
            r"|(?:cannot|can\s*not|could\s+not|would\s+not)\s+(?:usefully\s+)?add\s+(?:to|anything)",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.ALREADY_REMEDIED,
        Lazy(
            r"(?:provides?|provided|offered|offers|agreed|given|made)\s+(?:\w+\s+){0,3}?"
            r"(?:suitable|fair|appropriate|reasonable|proportionate|satisfactory|sufficient)\s+"
            r"(?:remedy|response|apology)|already\s+(?:\w+\s+)?(?:remedied|apologised|put\s+right|"
            r"provided|agreed|offered|taken)|(?:offered|agreed|provided)\s+(?:\w+\s+){0,3}?remedy"
            r"|remedy\s+(?:\w+\s+){0,3}?(?:is|was)\s+(?:suitable|appropriate|fair|proportionate)"
            r"|provides\s+a\s+suitable|put\s+(?:things|this|matters)\s+right"
            # An early resolution: "we will not investigate because the Council has agreed to ...".
            r"|(?:Council|it|authority|provider)\s+(?:has\s+)?(?:now\s+|already\s+)?agreed\s+to"
            r"|(?:offer|apology|payment|response|action)\s+(?:\S+\s+){0,5}?(?:is|was)\s+(?:a\s+|an\s+)?"
            r"(?:suitable|appropriate|proportionate|fair|reasonable|sufficient|satisfactory)"
            r"|(?:has|have)\s+(?:now\s+|already\s+)?(?:remedied|resolved|put\s+right)",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.COURT_OR_TRIBUNAL,
        Lazy(
            r"(?:could|can|should|may|might|would)\s+(?:have\s+)?(?:been\s+)?(?:appeal|challenge"
            r"|go|apply|ask|take|pursue|use|put)\w*[^.]{0,60}?(?:tribunal|court|appeal|review)"
            r"|reasonabl[ey]\s+(?:for|to\s+expect)[^.]{0,80}?(?:tribunal|court|appeal|review|claim)"
            r"|right\s+(?:of|to)\s+(?:appeal|review|challenge)|(?:for|to)\s+the\s+courts?\b"
            r"|(?:court|tribunal)[^.]{0,40}?(?:best|better)\s+placed|\bappealed\s+to\s+the"
            r"|(?:statutory|judicial)\s+review|insurance\s+claim|\binsurers?\b"
            r"|(?:tribunal|court)s?\s+(?:is|are)\s+(?:the\s+)?(?:right|proper|appropriate)"
            r"|Planning\s+Inspectorate|adjudicat\w+|(?:county|magistrates[’']?|small\s+claims)\s+court"
            r"|legal\s+(?:remedy|route|claim)|(?:court|legal)\s+(?:proceedings|action)|(?:ask|request|asked|requested)\s+(?:for\s+)?"
            r"a\s+review|\bto\s+court\b|\btribunal\b",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.LATE,
        Lazy(
            # Not "her late husband": a late complaint, not a late relative or payment.
            r"\blate\b(?!\s+(?:husband|wife|mother|father|son|daughter|partner|brother|sister|aunt"
            r"|uncle|grand\w+|parents?|relative|friend|Mr|Mrs|Ms|Miss|payments?|fees?|charges?"
            r"|night|evening|afternoon|stage|notice|in\s+the\s+(?:day|evening|year)))"
            r"|more\s+than\s+(?:twelve|12|a)\s+(?:months|year)|too\s+long\s+ago|out\s+of\s+time"
            r"|time\s+limit|\bwaited\s+too\s+long|\bsooner\b|\bearlier\s+complaint",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.PREMATURE,
        Lazy(
            r"premature|complaints?\s+(?:procedure|process)\s+(?:\w+\s+){0,3}?(?:not|yet)"
            r"|(?:chance|opportunity)\s+to\s+(?:respond|consider|deal|resolve|put)"
            r"|not\s+(?:yet\s+)?(?:completed|finished|exhausted|been\s+through|used)\s+(?:\S+\s+){0,3}?"
            r"complaints|not\s+(?:yet\s+)?(?:complained|made\s+a\s+complaint)\s+to\s+the\s+"
            r"(?:Council|authority|provider|school|care\s+provider)"
            r"|complain\w*\s+to\s+the\s+(?:Council|authority|provider)\s+first"
            r"|(?:still|currently)\s+(?:considering|investigating|dealing\s+with)\s+(?:\S+\s+){0,3}?complaint",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.OUTSIDE_JURISDICTION,
        Lazy(
            r"(?:outside|not\s+within|beyond)\s+(?:\S+\s+){0,2}?(?:jurisdiction|remit|powers)"
            r"|law\s+(?:says\s+(?:we|I|the\s+Ombudsman)\s+(?:cannot|can\s*not|must\s+not|may\s+not)"
            r"|does\s+not\s+allow|prevents|stops)|no\s+(?:legal\s+)?(?:power|jurisdiction)"
            r"|not\s+(?:something|a\s+matter)\s+(?:we|I|the\s+Ombudsman)\s+can\s+(?:investigate|consider)"
            r"|not\s+allowed\s+to\s+investigate|cannot\s+investigate\s+(?:\w+\s+){0,6}?(?:because|as)"
            r"\s+(?:the\s+law|it\s+is\s+outside)",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.OTHER_BODY,
        Lazy(
            r"Information\s+Commissioner|\bICO\b|Housing\s+Ombudsman|Parliamentary|Ofsted"
            r"|Care\s+Quality\s+Commission|\bCQC\b|Local\s+Government\s+and\s+Social\s+Care\s+"
            r"Ombudsman\s+cannot|regulator|Financial\s+Ombudsman|(?:better|best)\s+placed"
            r"|Department\s+for\s+Education|Education\s+and\s+Skills\s+Funding"
            r"|\bOf(?:qual|wat|com|gem)\b|Pensions\s+Ombudsman|Health\s+Service\s+Ombudsman"
            r"|Secretary\s+of\s+State|Independent\s+Office\s+for\s+Police|Social\s+Work\s+England"
            r"|(?:matter|one)\s+for\s+the\s+police|\bpolice\s+(?:are|is)\s+(?:\w+\s+)?(?:better|best)"
            r"|Commissioner\b(?!\s+for\s+Local)",
            re.IGNORECASE,
        ),
    ),
    (
        Reason.OTHER,
        Lazy(
            r"\bongoing\b|too\s+(?:far\s+)?removed|no\s+provision|not\s+justified|"
            r"good\s+use\s+of\s+(?:public\s+|our\s+)?(?:resources|money)|disproportionate|"
            r"(?:matter|issue)s?\s+(?:\w+\s+){0,3}?already\s+(?:been\s+)?(?:considered|investigated)",
            re.IGNORECASE,
        ),
    ),
)
# Where a match of each reason's pattern can begin: each is tried only there (see
# ``Worded``; a test reads every beginning from the pattern).
# fmt: off
_REASON_STARTS: Final = {
    Reason.UNLIKELY_FAULT: (
        "acted", "applied", "can", "could", "decision", "evidence", "followed", "insufficient",
        "little", "made", "not", "reached", "took", "unlikely", "will", "without", "would",
        "it ", "no ",
    ),
    Reason.NO_SIGNIFICANT_INJUSTICE: (
        "achieve", "add", "can", "could", "different", "injustice", "insufficient", "lead",
        "limited", "little", "meaningful", "minor", "not", "remedy", "significant", "unlikely",
        "will", "worthwhile", "would", "no ",
    ),
    Reason.ALREADY_REMEDIED: (
        "action", "agreed", "already", "apology", "authority", "council", "given", "has", "have",
        "made", "offer", "payment", "provide", "put", "remedy", "response", "it ",
    ),
    Reason.COURT_OR_TRIBUNAL: (
        "adjudicat", "appealed", "ask", "can", "could", "county", "court", "for", "insurance",
        "insurer", "judicial", "legal", "magistrates", "may", "might", "planning", "reasonabl",
        "request", "right", "should", "small", "statutory", "tribunal", "would", "to ",
    ),
    Reason.LATE: (
        "earlier", "late", "more", "out", "sooner", "time", "too", "waited",
    ),
    Reason.PREMATURE: (
        "chance", "complain", "currently", "not", "opportunity", "premature", "still",
    ),
    Reason.OUTSIDE_JURISDICTION: (
        "beyond", "cannot", "law", "not", "outside", "no ",
    ),
    Reason.OTHER_BODY: (
        "best", "better", "care", "commissioner", "cqc", "department", "education", "financial",
        "health", "housing", "ico", "independent", "information", "local", "matter", "ofcom",
        "ofgem", "ofqual", "ofsted", "ofwat", "one", "parliamentary", "pensions", "police",
        "regulator", "secretary", "social",
    ),
    Reason.OTHER: (
        "disproportionate", "good", "issue", "matter", "not", "ongoing", "too", "no ",
    ),
}
# fmt: on
_STARTED_REASONS: Final = tuple(
    (reason, Worded(pattern, *_REASON_STARTS[reason])) for reason, pattern in _REASONS
)


class _Sentence:
    """A sentence to read; its span is narrowed only if a finding keeps it.

    ``index`` is its place among the sentences read, in document order.
    """

    __slots__ = ("end", "from_summary", "index", "place", "start", "text", "whole")

    def __init__(
        self, text: str, whole: Span | None, start: int, end: int, place: str, index: int
    ) -> None:
        self.text = text
        self.whole = whole
        self.start = start
        self.end = end
        self.place = place
        self.from_summary = place == "summary"
        self.index = index

    @property
    def span(self) -> Span | None:
        return None if self.whole is None else sub_span(self.whole, self.start, self.end)


def find_findings(decision: Decision) -> Findings:
    """Return what the Ombudsman decided about a decision's complaint.

    Examples:
        >>> import lgo_parse
        >>> d = lgo_parse.Decision(summary="We found fault by the Council. "
        ...     "This caused Mrs X distress. The Council has agreed to apologise.")
        >>> f = find_findings(d)
        >>> f.investigated, f.fault.value, f.injustice.value
        (True, 'found', 'caused')
    """
    return read_findings(context_of(decision))


class _Seen:
    """The sentences that said each thing, in document order (``_Sentence.index``)."""

    def __init__(self) -> None:
        self.not_investigated: list[_Sentence] = []
        self.investigated: list[_Sentence] = []
        self.found: list[_Sentence] = []
        self.no_fault: list[_Sentence] = []
        self.caused: list[_Sentence] = []
        self.not_caused: list[_Sentence] = []
        self.sentences: list[_Sentence] = []  # every sentence read, for the reasons
        # ``given_reasons`` and how many sentences and stops it was read from.
        self._reasons: tuple[int, int, tuple[tuple[Reason, ...], list[_Sentence]]] | None = None

    def read(self, sentence: _Sentence) -> None:
        """Read one sentence.

        Cheap tests before any regular expression: a sentence with none of the
        investigation words, ``_FAULT_WORDS``, "did not", "should have" and
        ``_INJUSTICE_WORDS`` says nothing here. Each is tested only when its
        answer can matter: the fault words not once fault is found, the
        injustice words not once injustice is caused (a sentence with one of
        the fault words is searched for fault whatever else it holds).
        """
        text = sentence.text
        investigation = "nvestigat" in text or "consider" in text or "take" in text
        if investigation:
            stop = _search_not_investigated(text)
            if stop is not None and not _PART.search(text, stop.end(), stop.end() + 30):
                self.not_investigated.append(sentence)
            elif _INVESTIGATED.search(text):
                self.investigated.append(sentence)
        reported = _reported(text)
        # Fault found, and injustice caused, win over anything read later: once
        # read, later sentences are not searched for them again.
        if not self.found and (
            _has_fault_word(text)
            # "did  not", "should\nhave": searched only in a sentence that says something.
            or (
                _says_did_not_or_should_have(text)
                and (
                    investigation
                    or "did not" in text
                    or "should have" in text
                    or _says_injustice(text)
                )
            )
        ):
            # "We do not find further fault": some fault was found already.
            kind = _first_kind(_FAULT, text, reported, "found", "no", "further fault" in text)
            if kind == "found":
                self.found.append(sentence)
            elif kind == "no":
                self.no_fault.append(sentence)
        if not self.caused and _says_injustice(text):
            kind = _first_kind(_INJUSTICE, text, reported, "caused", "none", False)
            if kind == "caused":
                self.caused.append(sentence)
            elif kind == "none":
                self.not_caused.append(sentence)

    def investigated_or_not(self, decision: Decision) -> tuple[bool | None, list[_Sentence]]:
        """The summary's word first, then the body's; in one place, whichever comes first."""
        decided = sorted((*self.investigated, *self.found, *self.no_fault), key=_index)
        for in_summary in (True, False):
            decides = [s for s in decided if s.from_summary is in_summary]
            stops = [s for s in self.not_investigated if s.from_summary is in_summary]
            # "We will not investigate ... We have not seen fault in ..." was not investigated.
            if decides and (not stops or decides[0].index < stops[0].index):
                return True, decides[:1]
            if stops:
                return False, stops
        return _from_outcome(decision), []

    def settled(self, decision: Decision) -> bool:
        """Whether what was read so far decides everything, so the rest need not be read.

        Read in order: the summary, the final decision, then the other deciding
        sections. A stop with a reason, fault found with injustice (said, or an
        apology or payment agreed), or no fault settles it; a cut-off summary
        or a finding left unsaid does not.
        """
        if self.not_investigated:
            return bool(self.given_reasons()[0]) and not (self.found or self.no_fault)
        if self.found:
            return bool(self.caused or self.not_caused) or _personal_remedy(decision)
        return bool(self.no_fault)

    def given_reasons(self) -> tuple[tuple[Reason, ...], list[_Sentence]]:
        """The reasons the summary gives, if any; else the final decision's; else the rest's.

        Read once for what was read so far (``settled`` asks, then
        ``read_findings``): they follow from the sentences and the stops alone,
        and these lists only grow.
        """
        kept = self._reasons
        if (
            kept is not None
            and kept[0] == len(self.sentences)
            and kept[1] == len(self.not_investigated)
        ):
            return kept[2]
        given = self._read_reasons()
        self._reasons = (len(self.sentences), len(self.not_investigated), given)
        return given

    def _read_reasons(self) -> tuple[tuple[Reason, ...], list[_Sentence]]:
        """``given_reasons``, read from every sentence.

        In the summary, reasons are read from the first sentence that stops on
        (the sentences before tell the complaint); in a sentence that stops, not
        from what the complaint is about ("We will not investigate Mrs X's
        complaint about her late husband's care because ..." is not late). In
        the body, reported speech ("She appealed against ...") is the story.
        """
        stops = {id(s) for s in self.not_investigated}
        first_stop = min((s.index for s in self.not_investigated if s.from_summary), default=-1)
        places: dict[str, dict[Reason, list[_Sentence]]] = {}
        for sentence in self.sentences:
            if sentence.from_summary:
                if sentence.index < first_stop:
                    continue
            elif _reported(sentence.text)(0):
                continue
            text = _without_subject(sentence.text) if id(sentence) in stops else sentence.text
            said = {reason for reason, pattern in _STARTED_REASONS if pattern.search(text)}
            if not said:
                continue
            if Reason.COURT_OR_TRIBUNAL in said and not _OTHER_BODY_NAMED.search(text):
                said.discard(Reason.OTHER_BODY)  # "the courts are better placed"
            given = places.setdefault(sentence.place, {})
            for reason in said:
                given.setdefault(reason, []).append(sentence)
        for place in ("summary", "final", "body"):
            stated = places.get(place)
            if stated:
                chosen = tuple(r for r in Reason if r in stated)
                return chosen, _distinct(s for r in chosen for s in stated[r])
        return (), []


_SUBJECT: Final = Lazy(r"\b(?:about|that|regarding|concerning|into)\b")
_BECAUSE: Final = Lazy(r"\b(?:because|as|since)\b|[;:]")


def _without_subject(text: str) -> str:
    """A sentence that stops, without what the complaint is about: the reason words only."""
    stop = _NOT_INVESTIGATED.search(text)
    if stop is None:
        return text
    subject = _SUBJECT.search(text, stop.end(), stop.end() + 40)
    if subject is None:
        return text
    because = _BECAUSE.search(text, subject.end())
    return text[: subject.start()] + (text[because.start() :] if because is not None else "")


def read_findings(context: Context) -> Findings:
    """Return the findings in the decision's shared reading (the registered finder)."""
    decision = context.decision
    seen = _Seen()
    _read(context, seen)
    investigated, investigated_from = seen.investigated_or_not(decision)
    fault: Fault | None = None
    fault_from: list[_Sentence] = []
    injustice: Injustice | None = None
    injustice_from: list[_Sentence] = []
    reasons: tuple[Reason, ...] = ()
    reasons_from: list[_Sentence] = []
    if investigated is False:
        reasons, reasons_from = seen.given_reasons()
        if seen.caused and Reason.ALREADY_REMEDIED in reasons:
            injustice, injustice_from = Injustice.CAUSED, seen.caused
    else:
        if seen.found:
            fault, fault_from = Fault.FOUND, seen.found
        elif seen.no_fault:
            fault, fault_from = Fault.NOT_FOUND, seen.no_fault
        if fault is Fault.FOUND:
            if seen.caused:
                injustice, injustice_from = Injustice.CAUSED, seen.caused
            elif seen.not_caused:
                injustice, injustice_from = Injustice.NOT_CAUSED, seen.not_caused
            elif _personal_remedy(decision):
                injustice = Injustice.CAUSED
    return make_findings(
        investigated,
        fault,
        injustice,
        reasons,
        _spans(investigated_from),
        _spans(fault_from),
        _spans(injustice_from),
        _spans(reasons_from),
    )


def _says_fault(text: str) -> bool:
    """Whether ``text`` holds one of ``_FAULT_WORDS``, "did not" or "should have"."""
    return _has_fault_word(text) or _says_did_not_or_should_have(text)


def _has_fault_word(text: str) -> bool:
    """Whether ``text`` holds one of ``_FAULT_WORDS``."""
    for word in _FAULT_WORDS:  # noqa: SIM110 - a generator for each sentence is slower
        if word in text:
            return True
    return False


def _says_did_not_or_should_have(text: str) -> bool:
    """Whether ``text`` holds "did" and "not", or "should" and "have", with white space between."""
    return ("did" in text and _DID_NOT.search(text) is not None) or (
        "should" in text and _SHOULD_HAVE.search(text) is not None
    )


# A match of ``_FAULT`` starts at a word's first letter (each alternative is led by
# ``\b``), except a reason for not investigating (the group ``unlikely``), which may
# start inside a word: with one of these words ("casino evidence of fault").
_FAULT_INSIDE_A_WORD: Final = (
    "no", "insufficient", "little", "any", "sufficient", "unlikely", "would", "could", "might",
    "may", "likely", "minded", "whether",
)  # fmt: skip
# Every match of ``_INJUSTICE`` starts at a word's first letter (``\b`` leads it all).
_INJUSTICE_INSIDE_A_WORD: Final[tuple[str, ...]] = ()
# A longer text is read by ``Worded.finditer``, which finds its places a window at a time.
_LONGEST_SENTENCE_READ: Final = 8192


# Words of a pattern that start only alternatives needing one of some letters
# further on: in a text whose lower-case copy holds none of them, no match starts
# where only these words stand, and they are not looked for (most sentences hold
# "the", few "injustice"). For each pattern, ``(words, what they need)`` in turn.
# fmt: off
_FAULT_NEEDS: Final = (
    # Reasons for not investigating ("insufficient evidence of fault", "unlikely to find
    # fault", "would find fault", "whether there was fault"), "without fault", "which
    # is fault", "amounts to fault", "fault by", "be at fault", "been at fault".
    (
        ("insufficient ", "little ", "any ", "sufficient ", "unlikely ", "would ", "might ",
         "may ", "likely ", "minded ", "whether ", "without ", "which ", "amount", "fault",
         "be ", "been "),
        ("fault",),
    ),
    # "We uphold", "I uphold".
    (("we ", "i "), ("uphold",)),
    # "It was at fault", "there has been maladministration", "were service failures".
    (("is ", "are ", "were ", "was "), ("fault", "maladministration", "failure")),
    # "There was a delay", "there were errors", "there has been a failure".
    (("there ",), ("delay", "error", "failure")),
    # "It failed", "it delayed", "it did not", "it has not properly", "it was wrong",
    # "it was not entitled", "it should have" (and the school, home or agency).
    (
        ("it ", "school ", "home ", "agency "),
        ("did", "should", "failed", "properly", "wrong", "delayed", "entitled"),
    ),
)
_INJUSTICE_NEEDS: Final = (
    # "The injustice", "no injustice", "had not caused ... injustice", "injustice was not
    # significant", "injustice caused".
    (
        ("the ", "this ", "that ", "an ", "some ", "no ", "significant ", "injustice ", "had",
         "does", "could"),
        ("injustice",),
    ),
    # "Agreed a remedy", "a suitable remedy", "further remedy".
    (
        ("agree ", "agreed ", "offer", "recommend", "suitable ", "appropriate ", "sufficient ",
         "proportionate ", "fair ", "reasonable ", "further "),
        ("remedy",),
    ),
    # "Distress caused", "the trouble this caused".
    (
        ("distress ", "frustration ", "inconvenience ", "uncertainty ", "anxiety ", "trouble "),
        ("caused",),
    ),
    # "The outcome would have been the same".
    (("outcome ", "decision ", "result "), ("same",)),
    # "Has not caused injustice", "has already apologised".
    (("has", "have", "already "), ("injustice", "apologised")),
)
# fmt: on


_Needs = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def _narrowing(
    pattern: Worded, needs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], bits: int
) -> Worded:
    """``pattern`` without the words of each set of ``needs`` whose bit is set."""
    left: set[str] = set()
    for index, (words, _) in enumerate(needs):
        if bits & (1 << index):
            left.update(words)
    kept = [w for w in pattern.words if w not in left]
    # With no word left, no match can start: a NUL stands for none (a place where it
    # stands is tried and fails, as every alternative starts with a letter).
    return Worded(pattern.pattern, *(kept or ["\0"]))


_NOT_INVESTIGATED_NEEDS: Final = (
    # "Will not investigate", "cannot investigate", "won't investigate", "decided not to".
    (
        ("will", "shall", "can", "could", "did", "do", "have", "has", "would", "should", "won",
         "not ", "decided "),
        ("not", "n’t", "n't"),
    ),
    # "Ended our investigation", "stopped investigating", "no power to investigate".
    (
        ("ended ", "end ", "discontinued ", "discontinue ", "stopped ", "stop ", "closed ",
         "concluded ", "investigation ", "ceased ", "no "),
        ("investigat",),
    ),
)  # fmt: skip
# Each narrowing, by its bits: made on first use.
_FAULT_NARROWED: Final[list[Worded | None]] = [None] * (1 << len(_FAULT_NEEDS))
_INJUSTICE_NARROWED: Final[list[Worded | None]] = [None] * (1 << len(_INJUSTICE_NEEDS))
_NOT_INVESTIGATED_NARROWED: Final[list[Worded | None]] = [None] * (
    1 << len(_NOT_INVESTIGATED_NEEDS)
)


def _search_not_investigated(text: str) -> re.Match[str] | None:
    """``_NOT_INVESTIGATED.search(text)``, tried only where a match can start.

    Where its words stand, less those whose needed letters the text lacks
    (``_NOT_INVESTIGATED_NEEDS``), and not inside a word (every alternative is
    led by ``\b`` and a letter).
    """
    low, odd = lowered(text)
    if odd or len(low) != len(text) or len(low) > _LONGEST_SENTENCE_READ:
        return _NOT_INVESTIGATED.search(text)
    match = _NOT_INVESTIGATED.pattern.match
    for at in _places(_NOT_INVESTIGATED, _narrowed(_NOT_INVESTIGATED, low), text, low):
        found = match(text, at)
        if found is not None:
            return found
    return None


def _narrowed(pattern: Worded, low: str) -> Worded:
    """``pattern`` without the words whose needed letters ``low`` lacks (``_FAULT_NEEDS``)."""
    needs: _Needs
    if pattern is _FAULT:
        needs, bits, made = _FAULT_NEEDS, _fault_bits(low), _FAULT_NARROWED
    elif pattern is _INJUSTICE:
        needs, bits, made = _INJUSTICE_NEEDS, _injustice_bits(low), _INJUSTICE_NARROWED
    else:
        needs = _NOT_INVESTIGATED_NEEDS
        bits, made = _needs_bits(needs, low), _NOT_INVESTIGATED_NARROWED
    narrowed = made[bits]
    if narrowed is None:
        narrowed = made[bits] = _narrowing(pattern, needs, bits)
    return narrowed


def _needs_bits(needs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...], low: str) -> int:
    """The bit of each set of ``needs`` none of whose letters ``low`` holds."""
    bits = 0
    for index, (_, letters) in enumerate(needs):
        if not _holds_any(low, letters):
            bits |= 1 << index
    return bits


# ``_needs_bits`` for each pattern, written out: each letters tested once, no tuples
# walked (a test compares them).
def _fault_bits(low: str) -> int:
    fault = "fault" in low
    failure = "failure" in low
    bits = 0 if fault else 1
    if "uphold" not in low:
        bits |= 2
    if not (fault or failure or "maladministration" in low):
        bits |= 4
    if not (failure or "delay" in low or "error" in low):
        bits |= 8
    if not (
        "did" in low
        or "should" in low
        or "failed" in low
        or "properly" in low
        or "wrong" in low
        or "delayed" in low
        or "entitled" in low
    ):
        bits |= 16
    return bits


def _injustice_bits(low: str) -> int:
    injustice = "injustice" in low
    bits = 0 if injustice else 1
    if "remedy" not in low:
        bits |= 2
    if "caused" not in low:
        bits |= 4
    if "same" not in low:
        bits |= 8
    if not (injustice or "apologised" in low):
        bits |= 16
    return bits


def _holds_any(low: str, letters: tuple[str, ...]) -> bool:
    for word in letters:  # noqa: SIM110 - a generator for each sentence is slower
        if word in low:
            return True
    return False


def _first_kind(
    pattern: Worded,
    text: str,
    reported: _Before,
    decisive: str,
    other: str,
    other_decides: bool,
) -> str | None:
    """Return what ``pattern``'s matches in ``text`` that are not ``reported`` say.

    ``decisive`` when one of them is of that group (or of ``other``, when
    ``other_decides``), else ``other`` when one is of that group, else ``None``:
    what the set of their groups says, read only as far as the first decisive
    match. The matches are ``pattern.finditer(text)``'s: tried where the
    pattern's words stand (``Worded``), but not inside a word unless one of the
    pattern's words that may start there stands (``_inside_a_word``): ``\b``
    cannot hold after a letter before a letter.
    """
    low, odd = lowered(text)
    seen_other = False
    if odd or len(low) != len(text) or len(low) > _LONGEST_SENTENCE_READ:
        for found in pattern.finditer(text):
            kind = found.lastgroup
            if kind not in (decisive, other) or reported(found.start()):
                continue
            if kind == decisive or other_decides:
                return decisive
            seen_other = True
        return other if seen_other else None
    match = pattern.pattern.match
    end = 0
    for at in _places(pattern, _narrowed(pattern, low), text, low):
        if at < end:
            continue
        end = at + 1
        hit = match(text, at)
        if hit is None:
            continue
        end = max(hit.end(), end)
        kind = hit.lastgroup
        if kind not in (decisive, other) or reported(at):
            continue
        if kind == decisive or other_decides:
            return decisive
        seen_other = True
    return other if seen_other else None


def _places(pattern: Worded, narrowed: Worded, text: str, low: str) -> list[int]:
    """Where ``pattern`` may match ``text`` (``low`` its lower-case copy, aligned with it).

    Where the words of ``narrowed`` (``pattern``'s, or fewer: ``_narrowed``)
    stand (``Worded.places``), but not inside a word unless one of the words
    that may start there stands.
    """
    inside = _inside_a_word(pattern)
    places = narrowed.places(low)
    for at in places:
        if at and _is_word(text[at - 1]) and not _starts_with_any(low, at, inside):
            # Few places are inside a word: the list is made again only then.
            return [
                at
                for at in places
                if not (at and _is_word(text[at - 1])) or _starts_with_any(low, at, inside)
            ]
    return places


def _inside_a_word(pattern: Worded) -> tuple[str, ...]:
    """The words a match of ``pattern`` may start with inside a word."""
    # Every match of ``_NOT_INVESTIGATED`` starts at a word's first letter, as of
    # ``_INJUSTICE``.
    return _FAULT_INSIDE_A_WORD if pattern is _FAULT else _INJUSTICE_INSIDE_A_WORD


def _starts_with_any(low: str, at: int, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 - a generator for each place is slower
        if low.startswith(word, at):
            return True
    return False


def _is_word(char: str) -> bool:
    """Whether the engine reads ``char`` as a word character (for ``\b``)."""
    return char.isalnum() or char == "_"


def _says_injustice(text: str) -> bool:
    """Whether ``text`` holds one of ``_INJUSTICE_WORDS``."""
    for word in _INJUSTICE_WORDS:  # noqa: SIM110 - a generator for each sentence is slower
        if word in text:
            return True
    return False


def _read(context: Context, seen: _Seen) -> None:
    """Read the sentences that decide: the summary's, then the deciding sections'.

    The final decision's sentences, then the other deciding sections', are
    read only if what was read before them does not settle everything
    (``settled``): the rest would only repeat it at length. ``settled`` is
    asked once after each place that had sentences; asked again with nothing
    read since, it would answer the same, and with nothing left to read,
    stopping reads what reading on does. The deciding sections are looked for
    only when the summary does not settle it. One loop, no generators.
    """
    decision = context.decision
    if decision.summary:
        _read_text(context, seen, decision.summary, decision.summary_span, "summary")
    if seen.settled(decision):
        return
    sections: list[Section] = []
    _deciding(decision.sections, context, sections)
    read = len(seen.sentences)
    for section in sections:
        if context.kind(section) is SectionKind.FINAL_DECISION:
            _read_section(context, seen, section, "final")
    if len(seen.sentences) > read and seen.settled(decision):
        return
    for section in sections:
        if context.kind(section) is not SectionKind.FINAL_DECISION:
            _read_section(context, seen, section, "body")


def _read_section(context: Context, seen: _Seen, section: Section, place: str) -> None:
    for block in section.blocks:
        _read_text(context, seen, block.text, block.span, place)
        if not isinstance(block, LooseLine):
            for item in block.items:
                _read_text(context, seen, item.text, item.span, place)


def _read_text(context: Context, seen: _Seen, text: str, span: Span | None, place: str) -> None:
    """Read the sentences of one text (every one is kept for the reasons)."""
    found = seen.sentences
    for start, end in context.sentences(text):
        sentence = _Sentence(text[start:end], span, start, end, place, len(found))
        found.append(sentence)
        seen.read(sentence)


def _deciding(sections: tuple[Section, ...], context: Context, chosen: list[Section]) -> None:
    """Add the sections that decide to ``chosen``, in document order (not the skipped ones)."""
    for section in sections:
        kind = context.kind(section)
        if kind in _SKIPPED:
            continue
        if kind in _DECIDING or (
            kind is SectionKind.OTHER
            and section.heading is not None
            and _DECIDING_HEADING.match(section.heading)
        ):
            chosen.append(section)
        _deciding(section.subsections, context, chosen)


def _reported(text: str) -> _Before:
    return _Before(text)


_NEVER: Final = 1 << 62  # an offset past any text


class _Before:
    """Whether a match at an offset follows reported speech ("Mrs X says ...") without a finder.

    Reported speech is the first match of ``_REPORTED``; it counts before
    ``at`` when it starts before ``at`` and no ``_FINDER`` starts before it.
    Only the places before ``at`` are tried (and no more than once): the first
    match among them is the first of the text if that starts before ``at``,
    and a match at or after ``at`` cannot count. A sentence's finding often
    stands near its start, and the body's reasons ask about offset 0, where
    nothing is read.
    """

    __slots__ = ("_low", "_said", "_text", "_tried")

    def __init__(self, text: str) -> None:
        self._text = text
        self._low: str | None = None  # the lower-case copy, once a place is tried
        self._tried = 0  # the places before this were tried, and none matched
        # Where the first match starts, once found (-1: not found yet; _NEVER: it
        # follows a finder).
        self._said = -1

    def __call__(self, at: int) -> bool:
        said = self._said
        if said < 0:
            if at <= self._tried:
                return False
            said = self._first_said(at)
            if said < 0:
                return False
            if not _no_finder_before(self._text, said):
                said = _NEVER  # a finder first: nothing is reported
            self._said = said
        return said < at

    def _first_said(self, at: int) -> int:
        """Where the first match of ``_REPORTED`` starts, if before ``at``; else -1."""
        text = self._text
        low = self._low
        if low is None:
            low, odd = lowered(text)
            if odd or len(low) != len(text) or len(low) > _LONGEST_SENTENCE_READ:
                # Read the plain way, whole.
                said = _REPORTED.search(text)
                self._tried = len(text) + 1
                return -1 if said is None else said.start()
            self._low = low
        match = _REPORTED.pattern.match
        for place in _REPORTED.places_between(low, self._tried, at):
            # Every alternative is led by ``\b`` and a letter: none starts inside a word.
            if place and _is_word(text[place - 1]):
                continue
            if match(text, place) is not None:
                return place
        self._tried = at
        return -1


def _no_finder_before(text: str, said: int) -> bool:
    """Whether no "we", "I", "Ombudsman" or "investigation" starts at or before ``said``.

    "We found ... Mrs X says" does not make the finding reported; only reported
    speech before any of them does.
    """
    # Searched only as far as a finder starting at ``said`` could run, and one
    # character more for its closing ``\b``: the first finder is found if it
    # starts at or before ``said``.
    finder = _FINDER.search(text, 0, said + _LONGEST_FINDER + 1)
    return finder is None or finder.start() > said


def _index(sentence: _Sentence) -> int:
    return sentence.index


def _from_outcome(decision: Decision) -> bool | None:
    if decision.outcome is None:
        return None
    kind = decision.outcome.kind
    if kind in (OutcomeKind.UPHELD, OutcomeKind.NOT_UPHELD):
        return True
    if kind is OutcomeKind.CLOSED_AFTER_INITIAL_ENQUIRIES:
        return False
    return None


def _personal_remedy(decision: Decision) -> bool:
    """Whether an apology or payment is agreed: a remedy for the complainant's own injustice."""
    return any(r.kind in (RemedyKind.APOLOGY, RemedyKind.PAYMENT) for r in decision.remedies)


def _distinct(sentences: Iterator[_Sentence]) -> list[_Sentence]:
    seen: set[int] = set()
    kept = []
    for sentence in sentences:
        if id(sentence) not in seen:
            seen.add(id(sentence))
            kept.append(sentence)
    return kept


def _spans(sentences: list[_Sentence]) -> tuple[Span, ...]:
    spans = (s.span for s in sentences)
    return tuple(span for span in spans if span is not None)
