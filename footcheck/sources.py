"""Every clinical source footcheck's rules and texts rest on.

Each contributor explanation and each step names the sources it rests on by id; the
exported summary lists exactly the ones it cites (``references``), and `footcheck sources`
lists them all. docs/rules.md says which rule rests on which.
"""

# No ``from __future__ import annotations``: the named tuple below would compile each
# annotation written as text, on every start (footcheck/checklist/question.py says the same).

from collections.abc import Mapping
from typing import NamedTuple


class Source(NamedTuple):
    id: str
    citation: str
    url: str | None
    short: str
    """How the texts name it in a sentence, e.g. "NICE NG59" or "Menz 2013"."""


SOURCES: tuple[Source, ...] = (
    Source(
        "nice_ng59",
        "National Institute for Health and Care Excellence. Low back pain and sciatica in "
        "over 16s: assessment and management. NICE guideline NG59, 2016 (updated 2020).",
        "https://www.nice.org.uk/guidance/ng59",
        "NICE NG59",
    ),
    Source(
        "nhs_back_pain",
        "NHS. Back pain: when to get urgent help, and how to ease it.",
        "https://www.nhs.uk/conditions/back-pain/",
        "NHS",
    ),
    Source(
        "nhs_cauda_equina",
        "NHS. Cauda equina syndrome.",
        "https://www.nhs.uk/conditions/cauda-equina-syndrome/",
        "NHS",
    ),
    Source(
        "nice_cks_back_pain",
        "NICE Clinical Knowledge Summaries. Back pain - low (without radiculopathy): red "
        "flags for serious pathology.",
        "https://cks.nice.org.uk/topics/back-pain-low-without-radiculopathy/",
        "NICE CKS",
    ),
    Source(
        "hill_2008",
        "Hill JC, Dunn KM, Lewis M, et al. A primary care back pain screening tool: "
        "identifying patient subgroups for initial treatment (the Keele STarT Back "
        "Screening Tool). Arthritis Rheum 2008;59(5):632-41.",
        "https://doi.org/10.1002/art.23563",
        "Hill 2008",
    ),
    Source(
        "hill_2011",
        "Hill JC, Whitehurst DGT, Lewis M, et al. Comparison of stratified primary care "
        "management for low back pain with current best practice (STarT Back): a "
        "randomised controlled trial. Lancet 2011;378(9802):1560-71.",
        "https://doi.org/10.1016/S0140-6736(11)60937-9",
        "Hill 2011",
    ),
    Source(
        "redmond_2006",
        "Redmond AC, Crosbie J, Ouvrier RA. Development and validation of a novel rating "
        "system for scoring standing foot posture: the Foot Posture Index. Clin Biomech "
        "2006;21(1):89-98.",
        "https://doi.org/10.1016/j.clinbiomech.2005.08.002",
        "Redmond 2006",
    ),
    Source(
        "redmond_2008",
        "Redmond AC, Crane YZ, Menz HB. Normative values for the Foot Posture Index. "
        "J Foot Ankle Res 2008;1(1):6.",
        "https://doi.org/10.1186/1757-1146-1-6",
        "Redmond 2008",
    ),
    Source(
        "menz_2013",
        "Menz HB, Dufour AB, Riskowski JL, Hillstrom HJ, Hannan MT. Foot posture, foot "
        "function and low back pain: the Framingham Foot Study. Rheumatology (Oxford) "
        "2013;52(12):2275-82.",
        "https://doi.org/10.1093/rheumatology/ket298",
        "Menz 2013",
    ),
    Source(
        "chuter_2014",
        "Chuter V, Spink M, Searle A, Ho A. The effectiveness of shoe insoles for the "
        "prevention and treatment of low back pain: a systematic review and meta-analysis "
        "of randomised controlled trials. BMC Musculoskelet Disord 2014;15:140.",
        "https://doi.org/10.1186/1471-2474-15-140",
        "Chuter 2014",
    ),
    Source(
        "russell_2010",
        "Russell BS. The effect of high-heeled shoes on lumbar lordosis: a narrative "
        "review and discussion of the disconnect between Internet content and "
        "peer-reviewed literature. J Chiropr Med 2010;9(4):166-73.",
        "https://doi.org/10.1016/j.jcm.2010.07.003",
        "Russell 2010",
    ),
    Source(
        "coenen_2018",
        "Coenen P, Willenberg L, Parry S, et al. Associations of occupational standing "
        "with musculoskeletal symptoms: a systematic review with meta-analysis. Br J "
        "Sports Med 2018;52(3):176-83.",
        "https://doi.org/10.1136/bjsports-2016-096795",
        "Coenen 2018",
    ),
    Source(
        "chen_2009",
        "Chen SM, Liu MF, Cook J, Bass S, Lo SK. Sedentary lifestyle as a risk factor for "
        "low back pain: a systematic review. Int Arch Occup Environ Health "
        "2009;82(7):797-806.",
        "https://doi.org/10.1007/s00420-009-0410-0",
        "Chen 2009",
    ),
    Source(
        "wilke_1999",
        "Wilke HJ, Neef P, Caimi M, Hoogland T, Claes LE. New in vivo measurements of "
        "pressures in the intervertebral disc in daily life. Spine 1999;24(8):755-62.",
        "https://doi.org/10.1097/00007632-199904150-00005",
        "Wilke 1999",
    ),
    Source(
        "saraceni_2020",
        "Saraceni N, Kent P, Ng L, et al. To flex or not to flex? Is there a relationship "
        "between lumbar spine flexion during lifting and low back pain? A systematic "
        "review with meta-analysis. J Orthop Sports Phys Ther 2020;50(3):121-30.",
        "https://doi.org/10.2519/jospt.2020.9218",
        "Saraceni 2020",
    ),
    Source(
        "slater_2019",
        "Slater D, Korakakis V, O'Sullivan P, Nolan D, O'Sullivan K. \"Sit up straight\": "
        "time to re-evaluate. J Orthop Sports Phys Ther 2019;49(8):562-4.",
        "https://doi.org/10.2519/jospt.2019.0610",
        "Slater 2019",
    ),
    Source(
        "verbeek_2011",
        "Verbeek JH, Martimo KP, Karppinen J, et al. Manual material handling advice and "
        "assistive devices for preventing and treating back pain in workers. Cochrane "
        "Database Syst Rev 2011;(6):CD005958.",
        "https://doi.org/10.1002/14651858.CD005958.pub3",
        "Verbeek 2011",
    ),
    Source(
        "who_2020",
        "World Health Organization. WHO guidelines on physical activity and sedentary "
        "behaviour. Geneva: WHO, 2020.",
        "https://www.who.int/publications/i/item/9789240015128",
        "WHO 2020",
    ),
    Source(
        "nice_ng19",
        "National Institute for Health and Care Excellence. Diabetic foot problems: "
        "prevention and management. NICE guideline NG19, 2015 (updated 2019).",
        "https://www.nice.org.uk/guidance/ng19",
        "NICE NG19",
    ),
    Source(
        "nhs_plantar_fasciitis",
        "NHS. Plantar fasciitis.",
        "https://www.nhs.uk/conditions/plantar-fasciitis/",
        "NHS",
    ),
)
SOURCE_BY_ID: Mapping[str, Source] = {source.id: source for source in SOURCES}
