"""The questionnaires every partnership starts with; administrators may edit them afterwards.

The statements are our own plain-English wording of the elements of effective
partnership working (leadership, organisation, strategy, learning, resources,
programmes), and of a board maturity matrix scored 1 to 5 per domain.
"""

from __future__ import annotations

SIX_ELEMENTS = "Partnership self-assessment: six elements"
MATURITY = "Board maturity matrix"

ELEMENTS: dict[str, list[str]] = {
    "Leadership": [
        "The partnership has a clear, shared vision that members can explain in their own words.",
        "Leaders from every sector champion the partnership's work inside their own organisations.",
        "The chair makes sure every member, large or small, is heard before decisions are taken.",
        "The people who come to meetings are senior enough to commit their organisations.",
    ],
    "Organisation": [
        "Everyone knows who the members are and what each is responsible for.",
        "Papers arrive in good time, and decisions and actions are written down and followed up.",
        "The way the partnership is run helps decisions get made rather than holding them up.",
        "It is clear how the partnership links to the other boards and groups in the area.",
    ],
    "Strategy": [
        "We have agreed a small number of priorities that reflect local needs.",
        "Our priorities rest on evidence about local people's health, including inequalities.",
        "Partners' own plans support the joint priorities rather than pulling in other directions.",
        "We have measurable targets for what we want to achieve.",
    ],
    "Learning": [
        "We regularly check whether the partnership is making a difference.",
        "We learn from what has not worked as well as from what has.",
        "We ask local people and people who use services for their views, and act on them.",
        "We share good practice with each other and with other partnerships.",
    ],
    "Resources": [
        "Partners contribute money, staff time or buildings to the joint work fairly.",
        "We know what the partnership costs to run, including the time spent in meetings.",
        "We pool or align budgets where that gives better results.",
        "The voluntary and community sector gets the support it needs to take part fully.",
    ],
    "Programmes": [
        "Our joint programmes have clear leads, timescales and outcome measures.",
        "We check progress on programmes and act when they slip.",
        "We stop or change programmes that duplicate other work or are not working.",
        "Programmes reach the people and places with the greatest need.",
    ],
}

LEVELS = [
    "Not started: nothing in place yet",
    "Early days: agreed in principle, little in place",
    "Developing: in place for some partners or some services",
    "Established: in place across the partnership and reviewed",
    "Leading: embedded, improving, and an example to others",
]

DOMAINS: dict[str, str] = {
    "Shared leadership and accountability":
        "How far does the board lead as one and hold every partner to account for joint work?",
    "Understanding local needs":
        "How far do the board's priorities rest on a shared, up-to-date picture of local needs?",
    "Joined-up commissioning and delivery":
        "How far do partners plan, fund and deliver services together for the board's priorities?",
    "Involving people and communities":
        "How far do local people and the voluntary sector shape the board's decisions?",
    "Measuring outcomes":
        "How far does the board track outcomes and targets, and change course when needed?",
}
