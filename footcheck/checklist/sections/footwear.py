"""Section `footwear`: what the person wears on most days."""

from __future__ import annotations

from footcheck.checklist.question import Question, SectionInfo, choices

SECTION = SectionInfo("footwear", "Your footwear", "What you wear on most days.")

QUESTIONS: tuple[Question, ...] = (
    Question(
        "main_footwear",
        "footwear",
        "choice",
        "What do you wear on your feet on most days?",
        "Supportive: firm heel counter, cushioned sole, some arch support (e.g. walking "
        "shoes). Athletic: trainers / running shoes. Flat unsupportive: ballet flats, "
        "slip-ons, flip-flops, thin canvas shoes. High heels: heels over about 5 cm. "
        "Minimal: barefoot-style shoes with thin, flexible soles. Work boots: safety or "
        "work boots.",
        choices=choices(
            ("supportive", "athletic", "flat_unsupportive", "high_heels", "minimal", "work_boots"),
            {"flat_unsupportive": "flat, unsupportive", "high_heels": "high heels"},
            hints={
                "supportive": "e.g. walking shoes",
                "athletic": "trainers, running shoes",
                "flat_unsupportive": "ballet flats, slip-ons, flip-flops",
                "high_heels": "over about 5 cm",
                "minimal": "barefoot-style, thin flexible soles",
            },
        ),
        short="Main footwear",
    ),
    Question(
        "shoes_worn_out",
        "footwear",
        "boolean",
        "Are the shoes you wear on most days worn out?",
        "Signs of a worn-out shoe: the midsole is creased and squashed, the tread is worn "
        "smooth, the shoe leans to one side on a table, or the back of the heel (the heel "
        "counter) has gone soft and folds when you squeeze it.",
        short="Shoes worn out",
    ),
    Question(
        "insoles",
        "footwear",
        "choice",
        "Do you use insoles or arch supports?",
        "Off the shelf: bought in a shop or online. Custom: made or fitted for your feet by "
        "a podiatrist or orthotist.",
        choices=choices(("none", "off_the_shelf", "custom"), {"off_the_shelf": "off the shelf"}),
        short="Insoles",
    ),
)
