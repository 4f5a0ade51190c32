"""Lay out the hand-written unseen test set into xlsx / docx / csv files.

Every row, label and pair below was written by hand. This script only places
those rows into files (and writes the gold CSVs from the hand-assigned labels
kept next to each row, so that the action text in the gold files is always
byte-identical to the text in the plan files). It generates no text.

Run:  .venv/bin/python eval/unseen/build.py
"""
import csv
import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent

F_HA = "harrowfield/harrowfield_council_hwb_action_plan_2025-26.xlsx"
F_HB = "harrowfield/harrowfield_place_partnership_delivery_plan_2025-26.docx"
F_HC = "harrowfield/harrowfield_together_vcs_action_plan.csv"
F_LD = "lynmouth/tarnside_dc_health_wellbeing_delivery_plan_2025-27.xlsx"
F_LE = "lynmouth/tarnside_kelbrook_csp_partnership_plan_2025-26.xlsx"
F_LF = "lynmouth/lynmouth_bay_hwb_joint_action_plan_2025-26.xlsx"

# ---------------------------------------------------------------------------
# (a) Harrowfield Council HWB action plan (xlsx)
# key, Ref, Priority, What we will do, Lead, Partners involved, Timescale,
# How we will know, Baseline, Target, RAG, Update, | gold main, gold others
# ---------------------------------------------------------------------------
HA = [
    ("A01", "HWB01", "Best start for every child",
     "Expand infant feeding support in all six Family Hubs, incl. peer supporter drop-ins",
     "Head of Early Help & Family Hubs", "Health Visiting; Midwifery; Harrowfield Together",
     "Q4 2025/26", "Breastfeeding prevalence at 6-8 wks", "38.2%", "45%", "A",
     "Peer support contract out to tender, award expected Nov 25", 1, []),
    ("A02", "HWB02", "Best start for every child",
     "Financial incentive scheme for pregnant smokers (vouchers on CO-verified quit at 4 and 12 wks and post-birth)",
     "Consultant in Public Health (Tobacco)", "Maternity; Stop Smoking Service",
     "Ongoing", "Smoking at time of delivery (SATOD)", "11.9%", "<6% by 2027", "A",
     "74 women enrolled since April. Data lag from maternity system", 1, [4]),
    ("A03", "HWB03", "",
     "Supervised toothbrushing in nurseries and infant schools in the most deprived wards",
     "Public Health Principal (CYP)", "Early years settings; Community Dental Service",
     "From Sept 2025", "No. of settings taking part", 14, 40, "G", "", 1, []),
    ("A04", "HWB04", "Best start for every child",
     "Raise uptake of Healthy Start food cards and free vitamins",
     "Public Health Officer", "Family Hubs; food banks; community pharmacy",
     "Q3 2025/26", "Healthy Start uptake (NHSBSA data)", "61%", "75%", "", "", 1, [3]),
    ("A05", "HWB05", "",
     "Holiday Activities and Food (HAF) programme - Easter, summer and Christmas",
     "Head of Early Help & Family Hubs", "Schools; VCS providers; Leisure",
     "Each school holiday", "HAF places taken up by FSM-eligible children", "3,100 (summer 24)", "3,500", "G",
     "Summer 25: 3,420 places, 61 providers", 2, [4, 3]),
    ("A06", "HWB06", "Children and young people who thrive",
     "Whole-school approach to emotional wellbeing via the Healthy Schools programme",
     "Healthy Schools Lead", "MHSTs; Educational Psychology",
     "2025-27", "Schools achieving Healthy Schools wellbeing award", 22, 45, "A",
     "Secondary sign-up slow", 2, [5]),
    ("A07", "HWB07", "",
     "Review young people's substance misuse pathway from schools and Youth Justice Service",
     "Commissioning Manager - Substance Misuse", "Youth Justice Service; schools; Harrowfield Recovery",
     "March 2026", "", "", "", "", "Not started", 2, [4]),
    ("A08", "HWB08", "Good work and enough money",
     "Embed welfare rights advisers in GP practices serving the 10 most deprived LSOAs",
     "Head of Revenues & Benefits", "PCNs; Harrowfield Advice Centre",
     "Pilot to Mar 26", "£ additional income secured for residents", "n/a", "£500k", "G",
     "£212k secured Q1-Q2", 3, [5]),
    ("A09", "HWB09", "Good work and enough money",
     "Harrowfield Works - supported employment for care leavers and young people who are NEET",
     "Employment & Skills Manager", "DWP; Leaving Care Team; FE college",
     "2025/26", "Number into work, apprenticeship or training", 41, 60, "A", "", 3, [2]),
    ("A10", "HWB10", "",
     "Workplace wellbeing charter - council plus 20 local employers signed up",
     "HR Director", "Chamber of Commerce",
     "Q2 2026/27", "Employers signed up", 3, 20, "R", "Slipped - HR capacity", 3, [5]),
    ("A11", "HWB11", "Healthier lifestyles",
     "Recommission integrated lifestyle service (stop smoking, weight management, physical activity)",
     "Consultant in Public Health", "Procurement; Legal",
     "Go-live 1 April 2026", "Contract awarded on time", "", "", "A", "Soft market testing done", 4, []),
    ("A12", "HWB12", "Healthier lifestyles",
     "Tier 2 adult weight management - increase referrals from primary care and completion rates",
     "Public Health Principal (Healthy Weight)", "PCNs; lifestyle provider",
     "Q3 2025/26", "Referrals / % completing 12 wks", "520 / 41%", "800 / 60%", "", "", 4, []),
    ("A13", "HWB13", "",
     "Free swimming for under-16s in school holidays at all council pools",
     "Leisure Services Manager", "Leisure operator",
     "Summer 2025", "Free swims", "", "", "Complete", "9,870 swims summer 25", 2, [4]),
    ("A14", "HWB14", "",
     "Strength and balance classes (FaME) in three leisure centres and two community venues",
     "Leisure Services Manager / PH Principal", "Falls service; Age-friendly Harrowfield",
     "Ongoing", "No. completing 12-week course", "", 200, "G", "", 7, [4]),
    ("A15", "HWB15", "Healthier lifestyles",
     "Increase the number of adults in structured alcohol treatment",
     "Commissioning Manager - Substance Misuse", "Harrowfield Recovery; Alcohol Care Team",
     "March 2026", "Adults in alcohol treatment (NDTMS)", 412, 500, "A", "", 4, []),
    ("A16", "HWB16", "",
     "Expand take-home naloxone via community pharmacies and hostels",
     "Commissioning Manager - Substance Misuse", "Pharmacies; hostel providers",
     "Q2 2025/26", "Kits issued", 610, 900, "G", "", 4, []),
    ("A17", "HWB17", "Good mental wellbeing",
     "Suicide prevention awareness training for frontline staff across partners and community organisations",
     "Public Health Principal (Mental Health)", "ICB; Police; VCS",
     "Ongoing", "No. trained", 310, 600, "G", "", 5, []),
    ("A18", "HWB18", "Good mental wellbeing",
     "Refresh suicide prevention action plan following audit of 2022-24 deaths",
     "Director of Public Health", "Coroner's office; ICB; Police",
     "Dec 2025", "Plan to HWB", "", "", "A", "Audit complete", 5, []),
    ("A19", "HWB19", "",
     "Five Ways to Wellbeing campaign, January 2026",
     "Communications Manager", "All HWB partners",
     "Jan 2026", "Reach / engagement", "", "", "", "", 5, []),
    ("A20", "HWB20", "Finding illness early and living well with it",
     "Increase NHS Health Check uptake among eligible 40-74 year olds in the most deprived 20% of the borough",
     "Public Health Principal (Health Improvement)", "GP practices; outreach provider",
     "2025/26", "% of eligible population receiving a check", "38%", "50%", "A", "", 6, [4]),
    ("A21", "HWB21", "",
     "Pilot NHS Health Checks in large workplaces (distribution and warehousing)",
     "Public Health Officer", "Employers; outreach provider",
     "Q4 2025/26", "Checks delivered", 0, 400, "", "", 6, []),
    ("A22", "HWB22", "Staying independent in later life",
     "Reduce waiting times for Disabled Facilities Grant adaptations",
     "Head of Housing Services", "OT team; Home Improvement Agency",
     "March 2026", "Average days from referral to completion", 212, 150, "R",
     "OT assessment backlog", 7, [8]),
    ("A23", "HWB23", "",
     "Expand reablement capacity to support hospital discharge",
     "Director of Adult Social Care", "Harrowfield & Vale Hospitals; ICB (BCF)",
     "Winter 2025/26", "% of older people still at home 91 days after discharge into reablement",
     "79%", "84%", "A", "", 7, []),
    ("A24", "HWB24", "Staying independent in later life",
     "Carers: refresh the carers' strategy and increase the number of carers' assessments",
     "Head of Commissioning, Adult Social Care", "Harrowfield Carers Centre",
     "Q4 2025/26", "Carers' assessments completed", "", "+20%", "", "", 7, [5]),
    ("A25", "HWB25", "Warm, safe and connected communities",
     "Warm Homes: retrofit insulation and heating in fuel-poor homes (ECO4 and Warm Homes Local Grant)",
     "Head of Housing Services", "Harrowfield Homes; energy suppliers",
     "2025-28", "Homes improved", 180, "650 by 2028", "A", "", 8, [3]),
    ("A26", "HWB26", "",
     "Proactive damp and mould inspection programme in the private rented sector",
     "Private Sector Housing Manager", "Environmental Health; Health Visiting",
     "Ongoing", "Category 1 hazards removed", "", "", "G", "", 8, []),
    ("A27", "HWB27", "Warm, safe and connected communities",
     "Community hub grants for neighbourhood groups tackling isolation",
     "Stronger Communities Manager", "Harrowfield Together",
     "Rounds Oct 25 and Feb 26", "Grants awarded; people reached", "", "", "", "", 8, [5]),
    ("A28", "HWB28", "",
     "Extend the rough sleeping health outreach nurse post",
     "Housing Options Manager", "ICB; Harrowfield & Vale Hospitals",
     "March 2026", "Rough sleepers registered with a GP", "", "", "A",
     "Funding agreed to Mar 26 only", 6, [8]),
    ("A29", "HWB29", "",
     "Healthier food advertising policy - restrict HFSS adverts on council-owned sites",
     "Public Health Principal (Healthy Weight)", "Property Services; Legal",
     "Q1 2026/27", "Policy adopted", "", "", "", "", 4, []),
    ("A30", "HWB30", "",
     "Hot food takeaway SPD - limit new takeaways within 400m of secondary schools",
     "Planning Policy Manager", "Public Health",
     "Local Plan timetable", "", "", "", "", "", 4, [2]),
]
HA_HEADER = ["Ref", "Priority", "What we will do", "Lead", "Partners involved", "Timescale",
             "How we will know", "Baseline", "Target", "RAG", "Update"]

# ---------------------------------------------------------------------------
# (b) NHS Harrowfield Place partnership delivery plan (docx)
# key, Commitment, Deliverables, Lead organisation, Key milestones,
# Success measure, | gold main, gold others
# ---------------------------------------------------------------------------
HB_T1 = [
    "Ambition 1: Children and young people get the best start and the right support early",
    ("B01",
     "Implement the tobacco dependence treatment pathway in maternity, with opt-out CO monitoring at booking and 36 weeks",
     "In-house tobacco dependence advisers in post\nNRT supplied on ward and for home use\nCO readings recorded in the maternity information system",
     "Harrowfield & Vale Hospitals NHS FT (Maternity)",
     "Q2 advisers recruited; Q3 full pathway live",
     "SATOD below 6% by March 2027; % CO tested at booking", 1, [4]),
    ("B02",
     "Improve breastfeeding continuation through the LMNS infant feeding plan",
     "UNICEF Baby Friendly reaccreditation (hospital and community)\nInfant feeding specialist midwife\nWarm handover to Family Hub peer supporters before discharge",
     "LMNS / H&VH FT",
     "BFI assessment Feb 2026",
     "Breastfeeding at 6-8 weeks (baseline 38.2%)", 1, []),
    ("B03",
     "Improve MMR2 uptake at 5 years in practices below 85%",
     "Practice-level call/recall using CHIS data\nCatch-up clinics in Family Hubs\nTranslated invitations",
     "NHS Harrowfield Place (Primary Care)",
     "Catch-up campaign Sept-Nov 2025",
     "MMR2 at 5 years >=90%", 1, []),
    ("B04",
     "Deliver the CYP asthma bundle of care, including home environment checks and referral to housing for damp and mould",
     "Asthma friendly schools\nEvery child admitted with asthma has a personalised action plan and home environment check\nReferral route into council private sector housing team",
     "ICB CYP Lead / Children's Community Nursing",
     "Pathway agreed Q2; audit Q4",
     "Asthma-related emergency admissions, 0-17 yrs", 2, [8]),
    ("B05",
     "Extend Mental Health Support Teams (MHSTs) to cover 70% of pupils",
     "Two additional MHSTs mobilised\nEMHP trainees recruited (Sept 2025 cohort)\nAligned with council Healthy Schools wellbeing award",
     "North Vale Mental Health Partnership NHS FT",
     "New teams live Sept 2026",
     "% of pupils covered by an MHST (48% now)", 2, [5]),
    ("B06",
     "CYP mental health: pilot a four-week wait standard for community CAMHS",
     "Single point of access triage within 72 hours\nInterim support offer while waiting",
     "North Vale Mental Health Partnership NHS FT",
     "Pilot Oct 2025 - Sept 2026",
     "% of CYP seen within 4 weeks; waiting list size", 2, [5]),
    ("B07",
     "Specialist weight management (CEW clinic) for children and young people with complications of excess weight",
     "MDT clinic: paediatrician, dietitian, psychologist\nReferral criteria agreed with primary care",
     "H&VH FT (Paediatrics)",
     "Clinic open Jan 2026",
     "CYP on caseload; BMI SDS reduction at 12 months", 2, [4]),
    "Ambition 2: Reduce unwarranted variation in CVD, respiratory disease and other LTCs",
    ("B08",
     "Hypertension case-finding in Core20PLUS5 communities through PCN-led community BP checks",
     "BP checks in community pharmacies, mosques and community centres\nHome BP monitors loaned via practices\nResults fed back to registered practice",
     "PCNs / ICB Primary Care",
     "Q3 outreach plan agreed per PCN",
     "% hypertension treated to target (77% to 80%); new diagnoses", 6, []),
    ("B09",
     "Increase uptake of annual health checks for people with a learning disability, aged 14 and over",
     "Practice LD registers validated\nHealth action plan issued after every check",
     "NHS Harrowfield Place",
     "Ongoing - quarterly reporting",
     "75% of people on LD register have a check", 6, []),
    ("B10",
     "Lipid optimisation: statins offered in line with NICE to people at high CVD risk",
     "Searches run in all practices\nPCN pharmacist reviews",
     "PCN clinical pharmacists",
     "Q4",
     "", 6, []),
    ("B11",
     "Roll out the targeted lung health check programme to Harrowfield",
     "Invitations to 55-74 year olds with a smoking history\nMobile CT unit at two retail parks\nOpt-out stop smoking referral",
     "ICB Cancer Lead / Cancer Alliance",
     "Invitations from Jan 2026",
     "Uptake; % of lung cancers diagnosed at stage 1 or 2", 6, [4]),
    ("B12",
     "Improve the dementia diagnosis rate to the national ambition of 66.7%",
     "Memory assessment service waiting list cleared\nDiagnosis in care homes",
     "North Vale MHP NHS FT / PCNs",
     "March 2026",
     "Dementia diagnosis rate (currently 58.9%)", 6, [7]),
    ("B13",
     "Opt-out tobacco dependence treatment for all smokers admitted to Harrowfield General",
     "Tobacco dependence advisers on wards 7 days\nDischarge referral to community stop smoking service",
     "H&VH FT",
     "Full coverage by Q3",
     "% of smokers identified and seen; 28-day quit rate", 4, [6]),
    ("B14",
     "Alcohol Care Team at Harrowfield General: extend to 7-day cover, with direct referral into community treatment",
     "Two additional alcohol nurse specialists\nDirect booking into Harrowfield Recovery",
     "H&VH FT",
     "Recruitment Q2; 7-day from Q3",
     "Alcohol-related admissions (narrow); % referred who engage with community treatment", 4, [6]),
    "Ambition 3: Better mental health and wellbeing",
    ("B15",
     "SMI physical health checks: at least 60% of people on the SMI register receive all six checks",
     "Practice-based clinics with community mental health nurse support\nOutreach for people not engaged",
     "PCNs / North Vale MHP NHS FT",
     "Quarterly",
     "% receiving all 6 checks (currently 47%)", 6, [5]),
    ("B16",
     "Offer stop smoking support to every smoker on the SMI register",
     "Smoking status recorded at each health check\nSpecialist adviser in community mental health teams",
     "North Vale MHP NHS FT",
     "Q4",
     "SMI smokers setting a quit date", 4, [5]),
    ("B17",
     "Increase access to NHS Talking Therapies, with integrated pathways for people with LTCs (diabetes, COPD, cardiac)",
     "Therapists co-located in diabetes and respiratory clinics\nSelf-referral promoted through PCNs",
     "North Vale MHP NHS FT",
     "Ongoing",
     "Access rate; recovery rate >=50%", 5, [6]),
    ("B18",
     "Expand Individual Placement and Support (IPS) employment support within secondary mental health services",
     "Two additional IPS employment specialists",
     "North Vale MHP NHS FT",
     "Q3",
     "People with SMI supported into paid work", 3, [5]),
    ("B19",
     "Open a crisis cafe as an alternative to A&E for adults in mental health crisis",
     "Evening opening 7 days a week, run by a VCS partner\nDirect access from NHS 111 (option 2)",
     "ICB Mental Health Commissioning",
     "Opens Jan 2026",
     "MH attendances at ED; repeat attendances", 5, []),
    ("B20",
     "Community mental health transformation: peer support workers in every PCN mental health team",
     "VCS peer support workers attached to PCN MH practitioners",
     "ICB / North Vale MHP NHS FT",
     "Q4",
     "People supported; DIALOG score change", 5, []),
]
HB_T2 = [
    ("B21",
     "Non-injury falls pick-up service, with onward referral to the community strength and balance programme",
     "Falls response car staffed by technician and OT\nReferral to falls clinic or strength & balance classes",
     "Harrowfield Community Services / Ambulance Trust",
     "Go-live Nov 2025",
     "Conveyances for non-injury falls; repeat falls at 90 days", 7, []),
    ("B22",
     "Virtual ward (hospital at home) for frailty and respiratory patients",
     "Step-up from INTs and step-down from wards\nRemote monitoring for respiratory patients",
     "H&VH FT",
     "40 virtual beds by March 2026",
     "Occupancy >=80%; admissions avoided", 7, [6]),
    ("B23",
     "Home from Hospital: commission settle-in support from the VCS for people discharged without a package of care",
     "Six-week settle-in and check-in offer\nReferral from the discharge hub",
     "ICB / Adult Social Care (BCF)",
     "Contract from Oct 2025",
     "Readmissions within 30 days", 7, [8]),
    ("B24",
     "Integrated neighbourhood teams in all five PCNs, with proactive care for people with moderate or severe frailty",
     "Risk stratification of practice lists\nMDT huddles with social care and VCS",
     "NHS Harrowfield Place",
     "INTs live by April 2026",
     "Emergency admissions, 65+", 7, [6]),
    ("B25",
     "Social prescribing link workers in every PCN, taking referrals from community services and ED",
     "",
     "PCNs",
     "Ongoing",
     "Referrals; ONS4 wellbeing change", 5, [8, 3]),
    ("B26",
     "Inclusion health: GP outreach clinic for people sleeping rough or living in temporary accommodation",
     "Weekly clinic at the day centre\nSame-day registration",
     "NHS Harrowfield Place (Primary Care)",
     "Weekly from Sept 2025",
     "New GP registrations; A&E attendances by people of no fixed abode", 6, [8]),
    ("B27",
     "Warm homes on prescription: GPs refer patients with COPD or heart conditions on low incomes into the council's Warm Homes retrofit scheme",
     "Practice searches for eligible patients\nReferral form agreed with council housing",
     "ICB / Harrowfield Council Housing",
     "Pilot winter 2025/26",
     "Homes referred; GP and ED contacts for referred patients", 8, [6]),
]

# ---------------------------------------------------------------------------
# (c) Harrowfield Together VCS alliance plan (csv)
# key, Area of work, What we will do, Who is leading, Working with, When,
# How will we know it's working, Where are we now, | gold main, gold others
# ---------------------------------------------------------------------------
HC = [
    ("C01", "Families", "Weekly breastfeeding peer support groups in Family Hubs and community centres",
     "Bumps and Babies Harrowfield", "Family Hubs, health visitors", "Ongoing",
     "More mums still breastfeeding when baby is 6-8 weeks old. Number of groups running",
     "4 groups running, 2 more from October", 1, []),
    ("C02", "Families", "Holiday clubs with a hot meal and fun activities for children who get free school meals",
     "Harrowfield Youth Trust", "Council HAF team", "Easter, summer and Christmas holidays",
     "How many children come, and what children and parents tell us", "14 clubs this summer", 2, [4, 3]),
    ("C03", "Families", "Help families sign up for Healthy Start cards and free vitamins when they visit food banks and baby banks",
     "Harrowfield Food Network", "Health visitors", "All year",
     "Number of families helped to apply", "", 1, [3]),
    ("C04", "Young people", "Free drop-in counselling for 11-25 year olds - no referral needed",
     "Open Door Youth Counselling", "Schools, CAMHS", "Tuesday and Thursday evenings, Saturday mornings",
     "Young people seen, how long they wait, their own feedback", "Waiting list is 6 weeks at the moment", 2, [5]),
    ("C05", "Young people", "Friday night youth clubs on the Eastbrook, Millgate and Old Quarry estates",
     "Harrowfield Youth Trust", "Police, council youth service", "Every week",
     "Attendance. Fewer ASB calls on Friday nights", "Old Quarry club needs a new venue", 2, [8]),
    ("C06", "Young people", "Support for young carers - days out, a break from caring, and someone to talk to at school",
     "Harrowfield Carers Centre", "Schools", "Ongoing",
     "Number of young carers we know about", "87 young carers registered", 2, [5]),
    ("C07", "Money", "Advice workers in GP surgeries helping patients claim the benefits they're entitled to and sort out debts",
     "Harrowfield Advice Centre", "PCNs, council", "Until March 2026 (funding ends)",
     "Money gained for people. People telling us they feel less stressed", "", 3, [5]),
    ("C08", "Money", "Food banks and community pantries helping people move on to longer-term support",
     "Harrowfield Food Network", "Advice Centre, churches", "Ongoing",
     "People moving from food bank to pantry membership", "", 3, []),
    ("C09", "Money", "Warm spaces in community centres and libraries over winter, with free hot drinks and someone to talk to",
     "Harrowfield Together", "Libraries, council", "November 2025 to March 2026",
     "Visits. People referred on for advice", "", 8, [3, 5]),
    ("C10", "Work", "Volunteering-to-work programme for people who have been out of work for a long time",
     "Harrowfield Volunteer Centre", "Jobcentre", "2025-26",
     "People moving into paid work", "23 people started so far", 3, [5]),
    ("C11", "Healthy living", "Blood pressure checks at mosques, barbers and the market, with anyone with a high reading sent to their GP",
     "Harrowfield Together (health champions)", "PCNs, pharmacies", "Once a month at each venue",
     "Number of checks. Number of people referred to their GP", "", 6, []),
    ("C12", "Healthy living", "Walking football and walking netball for over-50s",
     "Harrowfield Sports Forum", "Leisure centres", "Weekly",
     "Numbers taking part", "", 4, [7]),
    ("C13", "Healthy living", "Cook and eat courses for parents on a budget",
     "Harrowfield Food Network", "Family Hubs", "Every term",
     "Parents finishing the 6 week course, and how confident they feel cooking from scratch", "", 4, [1, 3]),
    ("C14", "Healthy living", "Recovery cafe run by people in recovery from drugs and alcohol",
     "Harrowfield Recovery Community", "Harrowfield Recovery (treatment service)", "Saturdays",
     "People coming along. People staying in recovery", "", 4, [5]),
    ("C15", "Mental wellbeing", "Free suicide awareness sessions for community groups, faith groups and small businesses",
     "Harrowfield Mental Health Forum", "Public Health", "Monthly",
     "People trained. People saying they would feel confident asking someone about suicide", "", 5, []),
    ("C16", "Mental wellbeing", "Run the Harrowfield Haven - an evening drop-in (6pm to midnight) for adults who are struggling and don't know where to turn",
     "Harrowfield Mental Health Forum", "Mental health trust, ICB (funding)", "Opening January 2026",
     "Number of visits.\nFewer people going to A&E in crisis", "Premises found, recruiting staff", 5, []),
    ("C17", "Mental wellbeing", "Peer support groups for people living with anxiety or low mood",
     "Harrowfield Mental Health Forum", "", "Weekly", "", "", 5, []),
    ("C18", "Mental wellbeing", "Men's sheds in Eastbrook and Millgate",
     "Harrowfield Together", "", "", "People coming regularly", "", 8, [5]),
    ("C19", "Older people", "Volunteers help older people settle back in at home after a stay in hospital - shopping, putting the heating on, and check-in calls for six weeks",
     "Harrowfield Later Life Trust", "Hospital discharge team", "Ongoing",
     "People helped. People not going back into hospital within 30 days", "", 7, [8]),
    ("C20", "Older people", "Telephone and face-to-face befriending for older people living alone",
     "Harrowfield Later Life Trust", "GP social prescribers", "Ongoing",
     "Loneliness scores before and after (UCLA 3 question scale)", "", 8, [5, 7]),
    ("C21", "Older people", "Chair-based exercise and tai chi in church halls",
     "Harrowfield Later Life Trust", "Leisure centres", "Weekly",
     "Numbers coming. Fewer falls reported by members", "", 7, [4]),
    ("C22", "Older people", "Dementia-friendly Harrowfield - training shops, bus drivers and GP receptionists",
     "Harrowfield Dementia Action Alliance", "", "Ongoing",
     "Organisations signed up", "", 7, [8]),
    ("C23", "Communities", "Community connectors who take referrals from GP link workers and help people find local groups",
     "Harrowfield Together", "PCN social prescribers", "Ongoing",
     "Referrals received. People linked into a group", "", 8, [5]),
    ("C24", "Communities", "Community health champions talking to parents about MMR and other childhood jabs in Polish, Romanian and Urdu",
     "Harrowfield Together", "GP practices, health visitors", "Ongoing",
     "Conversations held", "", 1, []),
    ("C25", "Communities", "Help small community groups get set up properly - safeguarding, DBS checks, insurance, applying for funding",
     "Harrowfield Together", "Council", "Ongoing",
     "Groups supported", "", 8, []),
    ("C26", "Housing", "Help private renters report damp and mould and get repairs done, including referring to the council's housing team",
     "Harrowfield Advice Centre", "Council private sector housing", "Ongoing",
     "Repairs completed. Cases referred to the council", "", 8, []),
    ("C27", "Housing", "Advice and support for private renters facing eviction",
     "Harrowfield Advice Centre", "Council housing options", "Ongoing",
     "Evictions prevented", "", 8, [3]),
]
HC_HEADER = ["Area of work", "What we will do", "Who is leading", "Working with", "When",
             "How will we know it's working", "Where are we now"]

# ---------------------------------------------------------------------------
# (d) Tarnside District Council delivery plan (xlsx, merged theme cells)
# key, Action, Responsible officer, Key partners, Start, Complete by,
# Output / KPI, Progress to date, Status, | gold main, gold others
# ---------------------------------------------------------------------------
D = dt.datetime
LD = [
    ("Healthy Homes", [
        ("D01", "Reduce the average time to deliver Disabled Facilities Grant adaptations from referral to completion",
         "Private Sector Housing Manager", "County Council OTs; Home Improvement Agency",
         D(2025, 4, 1), D(2026, 3, 31), "Avg weeks referral to completion (34 wks -> 26 wks)",
         "Fast-track for stairlifts under £10k agreed Jun 25", "Amber", 5, [8]),
        ("D02", "Handyperson service - small repairs, grab rails and key safes for residents aged 65+",
         "Home Improvement Agency Manager", "Age-friendly forum; County ASC",
         "Ongoing", "", "Jobs completed", "312 jobs Q1-Q2", "Green", 8, [5]),
        ("D03", "Private rented sector - HHSRS inspections targeting damp, mould and excess cold",
         "Environmental Health Team Leader", "Landlord forum",
         D(2025, 4, 1), D(2026, 3, 31), "Cat 1 hazards removed", "", "Green", 5, []),
        ("D04", "Warm Homes grant for off-gas and low-income households",
         "Climate & Energy Officer", "County Council; installers",
         D(2025, 6, 1), D(2028, 3, 31), "Homes retrofitted", "41 homes surveyed", "Amber", 5, [9]),
        ("D05", "Homelessness prevention - increase proportion of households prevented from homelessness at the 56-day stage",
         "Housing Options Manager", "Registered providers; Probation; hospital trust",
         "Ongoing", "", "% prevention duty ended positively (58% -> 65%)", "", "Amber", 5, [9]),
        ("D06", "Hoarding protocol and multi-agency hoarding panel",
         "Environmental Health Team Leader", "LBFRS; County ASC; Coastway MH",
         D(2025, 9, 1), D(2025, 12, 31), "Protocol signed off; cases heard",
         "Draft protocol out to partners", "Amber", 5, [1]),
    ]),
    ("Active Tarnside", [
        ("D07", "GP exercise referral scheme at Tarnside Leisure Centre and Ashcombe Pool",
         "Leisure Contract Manager", "PCNs; leisure operator",
         "Ongoing", "", "Referrals; % completing 12 weeks", "286 referrals 24/25", "Green", 2, []),
        ("D08", "Free family activity sessions in parks over the summer holidays",
         "Sport & Physical Activity Officer", "Town and parish councils",
         D(2025, 7, 21), D(2025, 8, 31), "Attendances", "2,150 attendances", "Complete", 2, []),
        ("D09", "Deliver LCWIP priority cycle route: Tarnside town centre to station",
         "Transport & Regeneration Manager", "County Highways",
         D(2025, 10, 1), D(2027, 3, 31), "Route completed; cycle counts", "Design stage", "Green", 2, []),
        ("D10", "Play area refurbishment programme (5 sites)",
         "Parks & Open Spaces Manager", "",
         D(2025, 4, 1), D(2026, 3, 31), "Sites refurbished", "2 of 5 complete", "Green", 2, []),
        ("D11", "Local Plan review: restrict new hot food takeaways within 400m of secondary schools",
         "Planning Policy Manager", "County Public Health",
         "", "Local Plan adoption 2027", "Policy in adopted plan", "Reg 18 consultation done", "Green", 2, []),
        ("D12", "Aqua-fit and swimming lessons for over-60s at reduced price",
         "Leisure Contract Manager", "Leisure operator",
         "Ongoing", "", "Attendances 60+", "", "", 2, [8]),
    ]),
    ("Supporting Residents", [
        ("D13", "Distribute Household Support Fund through the Tarnside local welfare scheme",
         "Revenues & Benefits Manager", "Tarnside Advice; food larders",
         D(2025, 4, 1), D(2026, 3, 31), "Awards made; £ spent", "£311k of £420k allocated", "Green", 9, []),
        ("D14", "Pension Credit take-up campaign targeting households on Housing Benefit only",
         "Revenues & Benefits Manager", "Tarnside Advice",
         D(2025, 9, 1), D(2026, 1, 31), "New Pension Credit awards", "Letters sent to 1,140 households", "Green", 9, []),
        ("D15", "Council Tax Support scheme review - protect lowest-income households",
         "Revenues & Benefits Manager", "",
         D(2025, 6, 1), D(2026, 2, 28), "Scheme approved by Council", "", "Amber", 9, []),
        ("D16", "Grant to Tarnside Advice for debt and benefits advice (3-year SLA)",
         "Communities Manager", "Tarnside Advice",
         D(2025, 4, 1), D(2028, 3, 31), "Clients advised; £ gains", "", "Green", 9, [1]),
        ("D17", "Support the network of 8 community food larders across the district with surplus food and volunteer training",
         "Communities Manager", "Lynmouth Bay Food Partnership",
         "Ongoing", "", "Larders operating; members", "8 larders, 1,900 members", "Green", 9, []),
        ("D18", "Jobs fairs with DWP in Tarnside and Ashcombe",
         "Economic Development Officer", "DWP; employers",
         D(2025, 10, 1), D(2026, 3, 31), "Attendees; job offers", "", "", 9, []),
    ]),
    ("Strong and Safe Communities", [
        ("D19", "Connected Tarnside fund - small grants for community groups reducing loneliness",
         "Communities Manager", "Lynmouth Bay CVS",
         D(2025, 7, 1), D(2026, 3, 31), "Grants awarded; people reached", "Round 1: 14 grants", "Green", 7, []),
        ("D20", "Warm welcome spaces network in village halls and community centres (Nov-Mar)",
         "Communities Manager", "Parish councils; VCS",
         D(2025, 11, 1), D(2026, 3, 31), "Spaces open; visits", "", "", 7, [9]),
        ("D21", "Publicise and review the Community Trigger process",
         "Community Safety Officer", "Police; housing providers",
         D(2025, 4, 1), D(2025, 12, 31), "Trigger applications; outcomes", "", "Amber", 6, []),
        ("D22", "Upgrade town centre CCTV in Tarnside",
         "Community Safety Officer", "Police",
         D(2025, 6, 1), D(2026, 6, 30), "Cameras upgraded", "Procurement underway", "Amber", 6, []),
        ("D23", "Review the cumulative impact assessment for Tarnside town centre",
         "Licensing Manager", "Police; County Public Health",
         D(2025, 9, 1), D(2026, 3, 31), "CIA reviewed; alcohol-related violence in CIA zone", "", "", 4, [6]),
        ("D24", "Extend smoke-free zones to play areas, school gates and the market square",
         "Environmental Health Team Leader", "County Public Health; schools",
         D(2025, 10, 1), D(2026, 6, 30), "Sites signed", "", "", 3, []),
        ("D25", "Safeguarding and exploitation training for all licensed taxi and private hire drivers",
         "Licensing Manager", "Police; Safeguarding Partnership",
         "Ongoing", "", "% licensed drivers trained", "71%", "Amber", 6, []),
    ]),
]
LD_HEADER = ["Theme", "Action", "Responsible officer", "Key partners", "Start", "Complete by",
             "Output / KPI", "Progress to date", "Status"]

# ---------------------------------------------------------------------------
# (e) Tarnside and Kelbrook Community Safety Partnership plan (xlsx)
# Priority / Objective are only written on the first row of each block.
# key, Action, Lead agency, Owner, Due, Performance measure, Q1 update, RAG,
# | gold main, gold others
# ---------------------------------------------------------------------------
LE = [
    ("Serious violence", "Reduce serious violence, with a focus on under-25s", [
        ("E01", "Refresh the Serious Violence Duty strategic needs assessment and response strategy",
         "CSP / Police", "CSP Manager; Supt Partnerships", "Dec-25", "SNA signed off by CSP Board",
         "Data request out to health partners", "A", 6, []),
        ("E02", "Youth workers in Lynmouth Bay General ED to engage 11-25 year olds attending with violence-related injuries",
         "Violence Reduction Partnership", "VRP Coordinator", "Ongoing",
         "YP engaged; re-attendance within 12 months", "37 YP engaged Q1", "G", 6, []),
        ("E03", "Knife crime: weapons sweeps and knife arches at NTE hotspots, test purchase ops on knife retailers",
         "Police", "Ch Insp Neighbourhoods", "Quarterly ops", "Knife crime offences (rolling 12m)",
         "Op carried out 14/06, 2 blades recovered", "G", 6, []),
        ("E04", "Youth diversion scheme for 10-17 year olds arrested for a first-time offence",
         "Police / Youth Justice Service", "Insp Youth & Schools", "Ongoing",
         "First-time entrants to YJS; reoffending at 12m", "58 referrals", "G", 6, []),
        ("E05", "Deliver knife crime and county lines sessions to Year 7-9 pupils in all secondary schools",
         "Police / Schools", "Schools Liaison Officers", "Academic year 25/26",
         "Schools covered; sessions delivered", "6 of 9 schools booked", "A", 6, []),
    ]),
    ("VAWG (incl. domestic abuse)", "Reduce repeat victimisation and hold perpetrators to account", [
        ("E06", "MARAC: increase referrals from health agencies and reduce repeat cases",
         "Police", "DI Safeguarding / MARAC Chair", "Mar-26", "Referrals from health; repeat rate",
         "Health referrals only 4% of total", "R", 6, []),
        ("E07", "Commission a domestic abuse perpetrator programme for medium-risk perpetrators",
         "Probation / OPCC", "Head of PDU", "Sep-25", "Completions; reoffending",
         "Provider in place", "G", 6, []),
        ("E08", "Safe accommodation: maintain refuge and dispersed units across both districts",
         "District councils", "Housing Options Managers", "Ongoing", "Units available; occupancy",
         "11 units", "G", 6, [5]),
        ("E09", "Night-time economy safe space in Tarnside town centre (Fri/Sat) with trained volunteers, plus licensed premises accreditation scheme",
         "CSP / Police", "NTE Coordinator", "Ongoing", "Violent offences in NTE; premises accredited",
         "Safe space open 24 nights Q1", "G", 6, [4]),
    ]),
    ("Anti-social behaviour", "Reduce ASB and improve victim confidence", [
        ("E10", "ASB Case Reviews - ensure victims of persistent ASB know they can request a review, with quarterly scrutiny of outcomes",
         "District councils / Police", "ASB Lead Officers", "Quarterly",
         "Case reviews requested; % meeting threshold", "3 requests Q1", "A", 6, []),
        ("E11", "Deliberate fire setting: joint patrols and firesetter intervention for young people",
         "LBFRS", "Station Manager Prevention", "Ongoing", "Deliberate secondary fires",
         "Down 14% on last year", "G", 6, []),
        ("E12", "Hotspot patrols in the 6 ASB hotspots identified by the problem profile",
         "Police", "Insp Neighbourhoods", "Ongoing", "ASB incidents in hotspot areas", "", "A", 6, []),
    ]),
    ("Drugs and exploitation", "Cut drug-related harm and disrupt supply", [
        ("E13", "Drug testing on arrest for trigger offences, with required assessment by the treatment service",
         "Police", "DI Custody", "Ongoing", "Positive tests; % attending required assessment", "", "A", 4, [6]),
        ("E14", "Continuity of care: prison leavers with substance misuse needs engaged in community treatment within 3 weeks of release",
         "Probation", "Head of PDU", "Mar-26", "% engaging within 3 weeks (currently 46%)",
         "Treatment service in-reach to HMP Westmere agreed", "A", 4, [6]),
        ("E15", "County lines: closure orders on cuckooed addresses and safeguarding referrals for exploited adults",
         "Police", "DI Proactive", "Ongoing", "Closure orders; lines closed; adult safeguarding referrals",
         "3 closure orders", "G", 6, [4]),
        ("E16", "Illicit tobacco and vapes: joint operations with Trading Standards on shops selling illegal or under-age products",
         "Police / Trading Standards", "Sgt Licensing", "Quarterly", "Seizures; test purchase failures",
         "14,000 cigarettes seized in June op", "G", 3, [6]),
        ("E17", "Naloxone: carry on all response vehicles and train response officers",
         "Police", "Ch Insp Response", "Dec-25", "% response officers trained; administrations", "", "A", 4, []),
    ]),
    ("Vulnerability and safeguarding", "Right agency, right response for vulnerable people", [
        ("E18", "Right Care, Right Person - phase 3 (concern for welfare) with Coastway MH and County ASC",
         "Police", "Supt Vulnerability", "Jan-26", "Concern for welfare calls attended; s136 detentions",
         "Phase 2 complete", "A", 1, [6]),
        ("E19", "Safe and Well visits targeted at over-65s, including falls risk screening and referral to the county falls service",
         "LBFRS", "Group Manager Prevention", "Ongoing", "Visits completed; falls referrals made",
         "1,204 visits Q1; 96 falls referrals", "G", 8, [5]),
        ("E20", "Hoarding: fire service to lead district hoarding panels and train partners in the clutter image rating",
         "LBFRS", "Station Manager Prevention", "Mar-26", "Panels held; staff trained", "", "A", 5, [1]),
        ("E21", "Suicide prevention: police share suspected suicide notifications with County Public Health within 48 hours for real-time surveillance",
         "Police", "DI Major Investigations", "Ongoing", "% notifications within 48h", "92%", "G", 1, []),
        ("E22", "Fraud and scams: protect older and vulnerable residents from doorstep crime and scam calls",
         "Police / Trading Standards", "", "", "", "", "", 6, [9]),
    ]),
    ("Reducing reoffending", "", [
        ("E23", "Accommodation for prison leavers: CAS3 referrals and joint pathway with district housing options teams",
         "Probation", "Head of PDU", "Ongoing", "% leaving prison to settled accommodation", "", "A", 5, [6]),
        ("E24", "Women's centre: gender-specific provision for community sentences",
         "Probation", "", "Ongoing", "", "", "", 6, []),
        ("E25", "Employment for people on probation: employment hubs with DWP prison work coaches",
         "Probation", "Employment Lead", "Ongoing", "People on probation in employment at 6 months", "", "A", 9, [6]),
    ]),
]
LE_HEADER = ["Priority", "Objective", "Action", "Lead agency", "Owner", "Due",
             "Performance measure", "Q1 update", "RAG"]

# ---------------------------------------------------------------------------
# (f) Lynmouth Bay HWB joint partnership action plan (xlsx, mixed leads)
# key, Action, Lead organisation, Lead (role), Contributing partners,
# Timescale, Measure, Progress (Sept 2025), RAG, | gold main, gold others
# ---------------------------------------------------------------------------
LF = [
    "A. Prevention and healthy lives",
    ("F01", "Stop smoking service targeted at routine and manual workers and social housing tenants, including a vape swap offer",
     "Lynmouth Bay County Council", "Consultant in Public Health", "Housing associations; employers",
     "2025/26", "4-week quits (CO-verified) in R&M group", "", "A", 3, []),
    ("F02", "Test purchasing and enforcement against shops selling illegal tobacco and selling vapes to under-18s",
     "Lynmouth Bay County Council (Trading Standards)", "Trading Standards Manager", "Police; HMRC",
     "Ongoing", "Test purchases; seizures; prosecutions", "", "G", 3, [6]),
    ("F03", "Opt-out tobacco dependence treatment for inpatients and in maternity",
     "Lynmouth Bay Healthcare NHS Trust", "Director of Nursing", "ICB",
     "Q4 2025/26", "% smokers seen by TDA; SATOD", "", "A", 3, []),
    ("F04", "Exercise referral for adults with long-term conditions - single countywide referral form for GPs",
     "Lynmouth Bay County Council", "Public Health Principal", "District leisure teams; PCNs",
     "Sept 2025", "Referrals; completions", "", "G", 2, []),
    ("F05", "Increase referrals to the NHS Digital Weight Management Programme for people with diabetes or hypertension",
     "Lynmouth Bay & Westmere ICB", "Head of Primary Care", "PCNs",
     "Ongoing", "Referrals per 100k", "", "A", 2, []),
    ("F06", "Healthy weight declaration - sign-up from the county and all district councils",
     "LBCC Public Health", "Public Health Principal", "District councils",
     "March 2026", "Councils signed up", "1 of 4", "A", 2, []),
    ("F07", "Home safety checks and free safety equipment (stair gates, fireguards, blind cord cleats) for families with children under 5",
     "Lynmouth Bay County Council (Children's Services)", "Head of Early Help", "Health visitors; LBFRS",
     "Ongoing", "Checks carried out; under-5 admissions for unintentional injury", "", "", 5, []),
    "B. Care closer to home",
    ("F08", "Falls prevention service: multifactorial falls assessment and 12-week community strength and balance programme",
     "Lynmouth Bay Healthcare NHS Trust", "Clinical Lead, Falls", "County ASC; leisure providers",
     "Ongoing", "Completions; falls-related admissions 65+", "", "G", 8, [2]),
    ("F09", "Integrated community equipment service - next-day delivery to support hospital discharge",
     "LBCC - Adult Social Care", "Head of Commissioning", "Trust; equipment provider",
     "Q3 2025/26", "% delivered next day", "82%", "A", 8, []),
    ("F10", "Frailty same-day emergency care and virtual ward for people living with frailty",
     "Lynmouth Bay Healthcare NHS Trust", "Clinical Director, Medicine", "ICB",
     "March 2026", "Admissions avoided; LOS 75+", "", "A", 8, []),
    ("F11", "Joint OT assessment for Disabled Facilities Grants across county and district councils, ending duplicate visits",
     "LBCC - Adult Social Care", "Principal OT", "Tarnside DC; Kelbrook BC",
     "Q4 2025/26", "Weeks from referral to OT assessment", "14 wks", "R", 5, [8]),
    ("F12", "Housing link workers on wards so that no one is discharged to the street",
     "Lynmouth Bay Healthcare NHS Trust", "Discharge Lead", "District housing options teams",
     "Ongoing", "Patients with NFA discharged with a housing plan", "", "G", 5, []),
    "C. Mental health and wellbeing",
    ("F13", "24/7 mental health crisis line via NHS 111 option 2, plus crisis sanctuary alternatives",
     "Coastway Mental Health NHS Foundation Trust", "Director of Operations", "Police; VCS",
     "Ongoing", "Calls answered; ED MH attendances", "", "G", 1, []),
    ("F14", "Early intervention in psychosis - meet the two-week referral to treatment standard",
     "Coastway Mental Health NHS Foundation Trust", "Service Manager EIP", "",
     "Ongoing", "% starting treatment within 2 wks", "63%", "G", 1, []),
    ("F15", "Suicide prevention: real-time surveillance of suspected suicides, with bereavement support offered to families",
     "Lynmouth Bay County Council", "Public Health Principal (MH)", "Police; Coroner; VCS",
     "Ongoing", "Time from death to bereavement offer", "", "G", 1, []),
    ("F16", "Increase access to NHS Talking Therapies for adults in coastal towns",
     "Lynmouth Bay & Westmere ICB", "MH Commissioning Manager", "Coastway MH",
     "March 2026", "Access rate; recovery rate", "", "A", 1, []),
    ("F17", "Youth mental health drop-ins for 10-17 year olds in Tarnside and Kelbrook youth centres",
     "Lynmouth Bay CVS", "Youth Network Coordinator", "Coastway CAMHS; schools",
     "From Oct 2025", "Young people attending; outcome scores", "", "", 1, [7]),
    ("F18", "Befriending for isolated older people - weekly phone calls and home visits",
     "Bayside Wellbeing Trust", "Chief Executive", "GP practices; ASC",
     "Ongoing", "People befriended; loneliness score", "", "G", 7, [1]),
    ("F19", "Community navigators in every PCN, linking people into local groups, warm spaces and activities",
     "Lynmouth Bay CVS", "Social Prescribing Manager", "PCNs",
     "Ongoing", "Referrals; people connected", "", "G", 7, [1]),
    "D. Safer and fairer communities",
    ("F20", "Continuity of care - raise the % of prison leavers engaging with community treatment within 3 weeks to 75%",
     "Lynmouth Bay County Council", "Substance Misuse Commissioner", "Probation; treatment provider",
     "March 2026", "% engaging within 3 weeks", "46%", "A", 4, []),
    ("F21", "Alcohol Care Team: 7-day cover at Lynmouth Bay General with brief advice for all admissions",
     "Lynmouth Bay Healthcare NHS Trust", "Lead Nurse, Alcohol", "County Council",
     "Q3 2025/26", "Alcohol-specific admissions", "", "A", 4, []),
    ("F22", "Fund 'reachable moment' caseworkers in the emergency department for young people hurt in fights or stabbings",
     "Lynmouth Bay Constabulary", "Supt Partnerships", "OPCC; Trust; youth services",
     "Ongoing", "YP engaged; repeat injury", "", "G", 6, []),
    ("F23", "Hospital IDVAs based in ED and maternity, referring high-risk cases to MARAC",
     "Lynmouth Bay Healthcare NHS Trust", "Head of Safeguarding", "Police; DA service",
     "Ongoing", "Disclosures; MARAC referrals from health", "", "G", 6, []),
    ("F24", "Clear, Hold, Build in the Ashcombe estate - disrupt the organised crime group, then community investment",
     "Lynmouth Bay Constabulary", "Ch Insp Neighbourhoods", "Tarnside DC; housing association",
     "2025-27", "OCG disruptions; resident confidence survey", "", "A", 6, []),
    ("F25", "Welfare benefits advice on hospital wards and in cancer services",
     "Lynmouth Bay CVS", "Advice Services Manager", "Trust",
     "Ongoing", "£ income gained for patients", "", "G", 9, []),
    ("F26", "Household Support Fund - countywide scheme allocated through district councils and VCS",
     "Lynmouth Bay County Council", "Head of Welfare Support", "District councils; VCS",
     "April 2025 - March 2026", "Households supported", "", "G", 9, []),
    ("F27", "Train 500 frontline staff across health, councils and VCS in Making Every Contact Count (MECC)",
     "Lynmouth Bay & Westmere ICB", "Prevention Programme Lead", "All partners",
     "March 2026", "Staff trained", "210", "A", 2, [3, 4, 1]),
    ("F28", "Grow the community pantry network in Tarnside and Kelbrook",
     "Lynmouth Bay Food Partnership", "Coordinator", "District councils; supermarkets",
     "2025/26", "Pantries open; members", "", "G", 9, []),
]
LF_HEADER = ["No.", "Action", "Lead organisation", "Lead (role)", "Contributing partners",
             "Timescale", "Measure", "Progress (Sept 2025)", "RAG"]

# ---------------------------------------------------------------------------
# Gold pairs (hand-picked): area, a key, b key, label, note
# ---------------------------------------------------------------------------
PAIRS = [
    # Harrowfield - positives
    ("harrowfield", "A01", "C01", "duplicate", "breastfeeding peer support in Family Hubs, same mothers"),
    ("harrowfield", "A01", "B02", "synergy", "same 6-8 week breastfeeding outcome; LMNS hands over to Family Hub peer supporters"),
    ("harrowfield", "B02", "C01", "synergy", "maternity hands mothers over to the VCS peer support groups"),
    ("harrowfield", "A02", "B01", "synergy", "same SATOD outcome: council incentives vs maternity tobacco treatment"),
    ("harrowfield", "A04", "C03", "duplicate", "Healthy Start uptake; council lists food banks as partners"),
    ("harrowfield", "A05", "C02", "duplicate", "HAF holiday clubs, paraphrased"),
    ("harrowfield", "A06", "B05", "synergy", "MHSTs aligned with Healthy Schools wellbeing award"),
    ("harrowfield", "A08", "C07", "duplicate", "welfare rights / benefits advice in GP surgeries, paraphrased"),
    ("harrowfield", "A14", "C21", "duplicate", "strength and balance for older people (FaME vs chair exercise and tai chi)"),
    ("harrowfield", "A14", "B21", "synergy", "falls pick-up refers on to the strength and balance programme"),
    ("harrowfield", "A15", "B14", "synergy", "alcohol care team refers directly into community alcohol treatment"),
    ("harrowfield", "A17", "C15", "duplicate", "suicide awareness training for community organisations"),
    ("harrowfield", "A20", "B08", "synergy", "same CVD early-detection outcome in deprived areas, different activity"),
    ("harrowfield", "B08", "C11", "duplicate", "community BP checks in mosques/community venues"),
    ("harrowfield", "A25", "B27", "synergy", "GPs refer into the council Warm Homes retrofit scheme"),
    ("harrowfield", "A26", "B04", "synergy", "asthma home checks refer to council private sector housing for damp and mould"),
    ("harrowfield", "A26", "C26", "synergy", "advice centre refers damp and mould cases to council housing"),
    ("harrowfield", "A28", "B26", "duplicate", "health outreach for people sleeping rough"),
    ("harrowfield", "B19", "C16", "duplicate", "the crisis cafe and the Haven are the same evening crisis alternative"),
    ("harrowfield", "B23", "C19", "duplicate", "home from hospital settle-in support, paraphrased"),
    ("harrowfield", "B25", "C23", "synergy", "community connectors take referrals from PCN link workers"),
    ("harrowfield", "B25", "C20", "synergy", "befriending takes referrals from social prescribers"),
    ("harrowfield", "B03", "C24", "synergy", "same MMR uptake outcome: call/recall vs community conversations"),
    ("harrowfield", "B06", "C04", "synergy", "timely mental health support for young people, CAMHS vs drop-in counselling"),
    ("harrowfield", "A27", "C20", "synergy", "same isolation outcome: community grants vs befriending"),
    ("harrowfield", "A23", "B23", "synergy", "people staying at home after discharge: reablement vs settle-in support"),
    # Harrowfield - hard negatives
    ("harrowfield", "A12", "B07", "negative", "weight management but adults tier 2 vs specialist clinic for children"),
    ("harrowfield", "A20", "B09", "negative", "health checks wording but NHS Health Check 40-74 vs learning disability checks"),
    ("harrowfield", "A02", "B16", "negative", "stop smoking but pregnant women vs people with SMI"),
    ("harrowfield", "A02", "B13", "negative", "tobacco treatment but pregnant women vs hospital inpatients"),
    ("harrowfield", "A09", "B18", "negative", "supported employment but care leavers/NEET vs people with SMI"),
    ("harrowfield", "A09", "C10", "negative", "into work but care leavers vs long-term unemployed adults"),
    ("harrowfield", "A25", "C09", "negative", "'warm' wording: home retrofit vs daytime warm spaces"),
    ("harrowfield", "A24", "C06", "negative", "carers but adult carers' assessments vs young carers"),
    ("harrowfield", "B12", "C22", "negative", "dementia but diagnosis rate vs dementia-friendly community"),
    ("harrowfield", "B17", "A19", "negative", "mental health: therapy access for LTC patients vs population campaign"),
    ("harrowfield", "A13", "C12", "negative", "physical activity but under-16 swimming vs over-50s walking sports"),
    ("harrowfield", "A16", "C14", "negative", "drugs but naloxone supply vs recovery cafe"),
    ("harrowfield", "B22", "C19", "negative", "'hospital at home' vs 'home after hospital': acute virtual ward vs settle-in volunteers"),
    ("harrowfield", "A26", "C27", "negative", "private renters: damp and mould enforcement vs eviction advice"),
    ("harrowfield", "B11", "A20", "negative", "health checks: lung cancer screening vs CVD risk check"),
    # Lynmouth Bay - positives
    ("lynmouth", "D06", "E20", "duplicate", "multi-agency hoarding panel"),
    ("lynmouth", "D07", "F04", "duplicate", "GP exercise referral scheme"),
    ("lynmouth", "D21", "E10", "duplicate", "Community Trigger = ASB Case Review, paraphrased"),
    ("lynmouth", "D23", "E09", "synergy", "same outcome, less alcohol-related violence in the town centre NTE: licensing CIA vs safe space"),
    ("lynmouth", "D01", "F11", "synergy", "joint OT assessment speeds up the district DFG"),
    ("lynmouth", "D05", "F12", "synergy", "ward housing link workers refer into district housing options"),
    ("lynmouth", "D05", "E23", "synergy", "probation accommodation pathway runs through district housing options"),
    ("lynmouth", "D13", "F26", "duplicate", "same Household Support Fund, county scheme allocated via the district"),
    ("lynmouth", "D17", "F28", "duplicate", "community food larders = pantries, same district, same partner"),
    ("lynmouth", "D19", "F18", "synergy", "same loneliness outcome: small grants vs befriending"),
    ("lynmouth", "E02", "F22", "duplicate", "ED youth workers for violence-injured young people, paraphrased"),
    ("lynmouth", "E14", "F20", "duplicate", "prison leavers into community treatment within 3 weeks"),
    ("lynmouth", "E16", "F02", "duplicate", "illicit tobacco and under-age vape enforcement with Trading Standards"),
    ("lynmouth", "E18", "F13", "synergy", "RCRP relies on the MH crisis line/sanctuary as the right agency"),
    ("lynmouth", "E19", "F08", "synergy", "Safe and Well visits refer into the county falls service"),
    ("lynmouth", "E21", "F15", "synergy", "police notifications are the input to public health real-time surveillance"),
    ("lynmouth", "E06", "F23", "synergy", "hospital IDVAs refer high-risk cases to MARAC"),
    ("lynmouth", "D02", "F08", "synergy", "same fewer-falls outcome: grab rails/key safes vs strength and balance"),
    ("lynmouth", "D14", "F25", "synergy", "same income-maximisation outcome, different route"),
    ("lynmouth", "D20", "F19", "synergy", "navigators link people into warm spaces"),
    # Lynmouth Bay - hard negatives
    ("lynmouth", "E19", "F07", "negative", "home safety visits but over-65s/fire/falls vs under-5s accident prevention"),
    ("lynmouth", "E04", "F17", "negative", "10-17 year olds but youth justice diversion vs mental health drop-ins"),
    ("lynmouth", "E07", "F23", "negative", "domestic abuse but perpetrator programme vs victim IDVAs"),
    ("lynmouth", "F01", "D24", "negative", "tobacco but quit support vs smoke-free zones"),
    ("lynmouth", "F01", "E16", "negative", "tobacco but quit support vs illicit supply enforcement"),
    ("lynmouth", "D05", "E08", "negative", "housing but homelessness prevention vs DA refuge units"),
    ("lynmouth", "E13", "F21", "negative", "substance misuse but drug testing on arrest vs hospital alcohol team"),
    ("lynmouth", "E17", "F21", "negative", "substance misuse but police naloxone vs hospital alcohol team"),
    ("lynmouth", "D22", "F24", "negative", "crime but town centre CCTV vs estate organised crime"),
    ("lynmouth", "F16", "E18", "negative", "mental health but therapy access vs police welfare calls"),
    ("lynmouth", "D25", "E15", "negative", "exploitation but taxi driver training vs closure orders"),
    ("lynmouth", "D18", "E25", "negative", "employment but general jobs fairs vs people on probation"),
    ("lynmouth", "F21", "D23", "negative", "alcohol but hospital care team vs licensing policy"),
]

# ---------------------------------------------------------------------------
# Layout helpers
# ---------------------------------------------------------------------------
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
RAG_FILL = {
    "G": "92D050", "Green": "92D050", "A": "FFC000", "Amber": "FFC000",
    "R": "FF0000", "Complete": "8EA9DB",
}


def _hdr(ws, row, values, fill):
    for c, v in enumerate(values, 1):
        cell = ws.cell(row=row, column=c, value=v)
        cell.font = Font(bold=True, color="FFFFFF" if fill != "D9D9D9" else "000000")
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = BORDER


def _row(ws, row, values, rag_col=None):
    for c, v in enumerate(values, 1):
        blank = v == "" or v is None
        cell = ws.cell(row=row, column=c) if blank else ws.cell(row=row, column=c, value=v)
        cell.alignment = WRAP
        cell.border = BORDER
        if isinstance(v, dt.datetime):
            cell.number_format = "dd/mm/yyyy"
        if rag_col and c == rag_col and v in RAG_FILL:
            cell.fill = PatternFill("solid", fgColor=RAG_FILL[v])


def _widths(ws, widths):
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


# ---------------------------------------------------------------------------
def build_ha(gold):
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan 25-26"
    ws["A1"] = "Harrowfield Council - Health and Wellbeing Board Action Plan 2025/26"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:K1")
    ws["A2"] = "Owner: Director of Public Health. Version 0.4 DRAFT for HWB 17 July 2025"
    ws["A3"] = "Rows without a priority are cross-cutting or still to be agreed with the Board."
    ws["A3"].font = Font(italic=True)
    _hdr(ws, 4, HA_HEADER, "1F4E78")
    r = 5
    for row in HA:
        key, *cells, main, others = row
        _row(ws, r, cells, rag_col=10)
        gold.append((key, "harrowfield", F_HA, cells[2], main, others))
        r += 1
    r += 1
    ws.cell(row=r, column=1, value="Key: G = on track, A = some slippage, R = off track / at risk")
    ws.cell(row=r + 1, column=1, value="BCF = Better Care Fund; HFSS = high in fat, salt or sugar; SPD = supplementary planning document")
    _widths(ws, [8, 22, 48, 26, 28, 14, 30, 12, 12, 8, 30])
    ws.freeze_panes = "A5"
    wb.save(HERE / F_HA)


def _shade(cell, hexcolour):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolour)
    tcPr.append(shd)


def _docx_table(doc, header, rows, gold):
    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    for i, h in enumerate(header):
        c = t.rows[0].cells[i]
        c.text = ""
        run = c.paragraphs[0].add_run(h)
        run.bold = True
        _shade(c, "D9E2F3")
    for item in rows:
        cells = t.add_row().cells
        if isinstance(item, str):
            merged = cells[0].merge(cells[-1])
            merged.text = ""
            run = merged.paragraphs[0].add_run(item)
            run.bold = True
            _shade(merged, "F2F2F2")
            continue
        key, commitment, deliverables, lead, milestones, measure, main, others = item
        cells[0].text = commitment
        # deliverables as one paragraph per bullet, as pasted from a slide
        if deliverables:
            parts = deliverables.split("\n")
            cells[1].text = "\u2022 " + parts[0]
            for p in parts[1:]:
                cells[1].add_paragraph("\u2022 " + p)
        cells[2].text = lead
        cells[3].text = milestones
        cells[4].text = measure
        gold.append((key, "harrowfield", F_HB, commitment, main, others))
    return t


def build_hb(gold):
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = sec.page_height, sec.page_width
    for m in ("left_margin", "right_margin"):
        setattr(sec, m, Cm(1.8))
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    doc.add_heading("Harrowfield Place Partnership", level=0)
    doc.add_paragraph("Delivery Plan 2025/26 | North Vale Integrated Care Board - Harrowfield Place")
    doc.add_heading("1. Introduction", level=1)
    doc.add_paragraph(
        "This plan sets out what NHS partners in Harrowfield will deliver during 2025/26 as our "
        "contribution to the Harrowfield Joint Health and Wellbeing Strategy and the ICB Joint "
        "Forward Plan. It was agreed by the Place Partnership Board in June 2025 and will be "
        "reviewed quarterly. Where a commitment depends on council or voluntary sector partners "
        "this is shown in the deliverables.")
    doc.add_paragraph(
        "Progress against each success measure is reported through the Place Partnership "
        "performance dashboard. Finance for new commitments is subject to the ICB operating plan.")
    doc.add_heading("2. Our commitments for 2025/26", level=1)
    _docx_table(doc, ["Commitment", "Deliverables", "Lead organisation", "Key milestones", "Success measure"],
                HB_T1, gold)
    doc.add_paragraph("")
    doc.add_heading("Ambition 4: Home first, inclusion health and the wider determinants", level=2)
    doc.add_paragraph(
        "These commitments are jointly owned with Harrowfield Council through the Better Care Fund "
        "and the Integrated Neighbourhood Team programme.")
    _docx_table(doc, ["Commitment", "What we will deliver", "Lead", "Milestones", "How we will measure success"],
                HB_T2, gold)
    doc.add_heading("3. Abbreviations", level=1)
    doc.add_paragraph(
        "BCF Better Care Fund; BFI Baby Friendly Initiative; CEW complications of excess weight; "
        "CHIS child health information service; CYP children and young people; EMHP education mental "
        "health practitioner; H&VH FT Harrowfield & Vale Hospitals NHS Foundation Trust; INT integrated "
        "neighbourhood team; LMNS local maternity and neonatal system; LTC long-term condition; "
        "MHP Mental Health Partnership; SATOD smoking at time of delivery; SMI severe mental illness.")
    doc.save(HERE / F_HB)


def build_hc(gold):
    with open(HERE / F_HC, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(["Harrowfield Together - VCS Alliance Action Plan 2025-26 (working draft)"] + [""] * 6)
        w.writerow(HC_HEADER)
        for row in HC:
            key, *cells, main, others = row
            w.writerow(cells)
            gold.append((key, "harrowfield", F_HC, cells[1], main, others))


def build_ld(gold):
    wb = Workbook()
    ws = wb.active
    ws.title = "Delivery plan"
    ws["A1"] = "Tarnside District Council"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Health and Wellbeing Delivery Plan 2025-2027 - supporting the Lynmouth Bay Health and Wellbeing Strategy"
    ws["A3"] = "Last updated: 02/09/2025"
    _hdr(ws, 5, LD_HEADER, "385723")
    r = 6
    for theme, rows in LD:
        first = r
        for row in rows:
            key, *cells, main, others = row
            _row(ws, r, ["", *cells], rag_col=9)
            gold.append((key, "lynmouth", F_LD, cells[0], main, others))
            r += 1
        ws.cell(row=first, column=1, value=theme)
        ws.merge_cells(start_row=first, start_column=1, end_row=r - 1, end_column=1)
        ws.cell(row=first, column=1).alignment = Alignment(vertical="center", horizontal="center",
                                                          wrap_text=True, text_rotation=90)
        ws.cell(row=first, column=1).font = Font(bold=True)
    _widths(ws, [9, 50, 26, 28, 12, 14, 34, 30, 10])
    v = wb.create_sheet("Version control")
    v.append(["Version", "Date", "Author", "Change"])
    v.append(["0.1", D(2025, 3, 10), "Communities Manager", "First draft"])
    v.append(["0.2", D(2025, 4, 28), "Communities Manager", "Comments from County Public Health"])
    v.append(["1.0", D(2025, 6, 12), "Communities Manager", "Approved by Cabinet"])
    v.append(["1.1", D(2025, 9, 2), "Policy Officer", "Q1 progress added"])
    wb.save(HERE / F_LD)


def build_le(gold):
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan 25-26"
    ws["A1"] = "Tarnside and Kelbrook Community Safety Partnership"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Partnership Plan 2025-26 (Year 2 refresh) - OFFICIAL"
    _hdr(ws, 4, LE_HEADER, "002060")
    r = 5
    for prio, obj, rows in LE:
        for i, row in enumerate(rows):
            key, *cells, main, others = row
            lead = [prio, obj] if i == 0 else ["", ""]
            _row(ws, r, lead + cells, rag_col=9)
            if i == 0:
                ws.cell(row=r, column=1).font = Font(bold=True)
            gold.append((key, "lynmouth", F_LE, cells[0], main, others))
            r += 1
    _widths(ws, [18, 26, 50, 22, 24, 12, 32, 30, 6])
    ws.freeze_panes = "C5"
    k = wb.create_sheet("RAG key")
    k.append(["RAG", "Meaning"])
    k.append(["G", "On track"])
    k.append(["A", "Some risk to delivery - owner to update CSP Board"])
    k.append(["R", "Off track - exception report required"])
    wb.save(HERE / F_LE)


def build_lf(gold):
    wb = Workbook()
    ws = wb.active
    ws.title = "Joint action plan"
    ws["A1"] = "Lynmouth Bay Health and Wellbeing Board"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Joint Partnership Action Plan 2025/26 - position at September 2025"
    _hdr(ws, 4, LF_HEADER, "7030A0")
    r = 5
    n = 0
    for item in LF:
        if isinstance(item, str):
            ws.cell(row=r, column=1, value=item).font = Font(bold=True)
            ws.cell(row=r, column=1).fill = PatternFill("solid", fgColor="E4DFEC")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(LF_HEADER))
            r += 1
            continue
        key, *cells, main, others = item
        n += 1
        _row(ws, r, [n, *cells], rag_col=9)
        gold.append((key, "lynmouth", F_LF, cells[0], main, others))
        r += 1
    _widths(ws, [6, 52, 30, 26, 28, 14, 32, 22, 6])
    ws.freeze_panes = "B5"
    wb.save(HERE / F_LF)


def main():
    gold = []
    build_ha(gold)
    build_hb(gold)
    build_hc(gold)
    build_ld(gold)
    build_le(gold)
    build_lf(gold)
    by_key = {g[0]: g for g in gold}
    assert len(by_key) == len(gold), "duplicate keys"
    with open(HERE / "gold_priorities.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["area", "file", "action", "main_priority", "other_priorities"])
        for _key, area, f, action, main_p, others in gold:
            w.writerow([area, f, action, main_p, ";".join(str(o) for o in others)])
    with open(HERE / "gold_pairs.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["area", "a_file", "a_action", "b_file", "b_action", "label", "note"])
        for area, a, b, label, note in PAIRS:
            ga, gb = by_key[a], by_key[b]
            assert ga[1] == gb[1] == area, (a, b)
            w.writerow([area, ga[2], ga[3], gb[2], gb[3], label, note])
    print(f"{len(gold)} actions, {len(PAIRS)} pairs written")


if __name__ == "__main__":
    main()
