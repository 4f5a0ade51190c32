"""Hand-built actions and a strategy shared by the analysis tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from joinedup.ingest.records import ActionRecord, PriorityRecord, StrategyRecord


def action(partner: str, ref: str, title: str, **fields) -> ActionRecord:
    return ActionRecord(title=title, partner=partner, reference=ref, **fields)


@pytest.fixture
def strategy() -> StrategyRecord:
    return StrategyRecord(
        name="Seamless Health",
        categories=("Early Intervention & Prevention", "Treatment",
                    "Long-term management & support"),
        priorities=(
            PriorityRecord(6, "Falls", "Prevent falls and fractures in older people"),
            PriorityRecord(9, "Healthy weight", "Reduce obesity and increase physical activity"),
            PriorityRecord(15, "Tobacco", "Reduce smoking prevalence"),
            PriorityRecord(4, "Mental health", "Improve mental wellbeing and access to "
                           "talking therapies"),
        ),
    )


@pytest.fixture
def plans() -> list[ActionRecord]:
    """Two real pairs across partners, a same-partner near copy and unrelated work."""
    return [
        action("Wealdbridge CC", "WCC-1", "Stop smoking service in GP practices",
               description="Commission a stop smoking service in GP practices offering "
               "behavioural support and NRT to adult smokers",
               intended_outcome="Reduce smoking prevalence in adults",
               outcome_measures="Four week quitters; smoking prevalence",
               priority_numbers=(15,), population_groups=("deprived_areas",),
               resource_amount=Decimal("120000")),
        action("Northmere ICB", "ICB-4", "Tobacco cessation support via primary care",
               description="Practices refer smokers to tobacco cessation support and "
               "prescribe nicotine replacement therapy",
               intended_outcome="Fewer adults smoke",
               outcome_measures="4-week quit rate; smoking prevalence",
               priority_numbers=(15,), population_groups=("deprived_areas",),
               resource_amount=Decimal("110000")),
        action("Wealdbridge CC", "WCC-2", "Stop smoking service in community pharmacies",
               description="Commission a stop smoking service in pharmacies offering "
               "behavioural support and NRT to adult smokers",
               intended_outcome="Reduce smoking prevalence in adults",
               outcome_measures="Four week quitters", priority_numbers=(15,)),
        action("Northmere ICB", "ICB-7", "Smoking in pregnancy",
               description="Midwives screen pregnant women for carbon monoxide and refer "
               "them to specialist support", intended_outcome="Fewer women smoking at "
               "time of delivery", outcome_measures="Smoking at time of delivery rate",
               priority_numbers=(15,)),
        action("Trading Standards", "TS-1", "Illicit tobacco enforcement",
               description="Test purchases and seizures of illegal cigarettes from shops",
               intended_outcome="Reduce availability of illegal tobacco",
               outcome_measures="Seizures; premises closed", priority_numbers=(15,)),
        action("Wealdbridge CC", "WCC-3", "Falls prevention classes",
               description="Strength and balance classes for older people at risk of falling",
               intended_outcome="Fewer falls and hip fractures among older people",
               outcome_measures="Falls admissions per 100,000 aged 65 and over",
               priority_numbers=(6,), population_groups=("older_people",),
               resource_amount=Decimal("40000")),
        action("Northmere DC", "NDC-2", "Falls prevention in leisure centres",
               description="Postural stability exercise classes in leisure centres for "
               "older adults who have fallen", intended_outcome="Reduce falls in older people",
               outcome_measures="Falls-related hospital admissions 65+",
               priority_numbers=(6,), population_groups=("older_people",),
               resource_amount=Decimal("30000")),
        action("Northmere DC", "NDC-5", "Air quality action plan",
               description="Reduce traffic emissions near schools",
               intended_outcome="Improve air quality",
               outcome_measures="NO2 levels at monitoring sites"),
        action("Trading Standards", "TS-2", "Doorstep crime prevention",
               description="No cold calling zones and rogue trader awareness",
               intended_outcome="Fewer residents lose money to rogue traders",
               outcome_measures="Reports of doorstep crime"),
        action("Northmere ICB", "ICB-9", "Talking therapies expansion",
               description="Expand IAPT for people with anxiety and depression",
               intended_outcome="More people recover from common mental health problems",
               outcome_measures="IAPT access rate; recovery rate", priority_numbers=(4,)),
    ]
