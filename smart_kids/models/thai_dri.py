"""Daily nutrient references for children of centre age, used to judge lunches.

Energy and protein: Thai Dietary Reference Intake 2563 (2020), Bureau of Nutrition,
Department of Health, by age group and sex (1-3 y boys 1,050 kcal / 16 g, girls 980 kcal /
15 g; 4-5 y boys 1,290 kcal, girls 1,200 kcal, 19 g protein).
Fat and carbohydrate: the DRI's recommended energy shares (fat 30 %, carbohydrate 55 %)
converted at 9 and 4 kcal/g.
Calcium, iron and vitamin A: Thai DRI 2546 (2003) tables for ages 1-3 and 4-5
(calcium 500 / 600 mg, iron 5.8 / 6.3 mg, vitamin A 400 / 450 µg RAE).
A lunch is compared with a share of these (30 % by default, a setting per centre).
"""

ENERGY_PROTEIN = {
    ("1-3", "male"): (1050, 16),
    ("1-3", "female"): (980, 15),
    ("4-5", "male"): (1290, 19),
    ("4-5", "female"): (1200, 19),
}
MICRONUTRIENTS = {
    "1-3": {"calcium": 500, "iron": 5.8, "vitamin_a": 400},
    "4-5": {"calcium": 600, "iron": 6.3, "vitamin_a": 450},
}
FAT_ENERGY_SHARE = 0.30
CARBOHYDRATE_ENERGY_SHARE = 0.55


def age_group(age_months):
    return "1-3" if age_months < 48 else "4-5"


def daily_reference(age_months, sex):
    """Per-day reference of every nutrient for one child."""
    group = age_group(age_months)
    energy, protein = ENERGY_PROTEIN[(group, sex or "female")]
    return {
        "energy": energy,
        "protein": protein,
        "fat": energy * FAT_ENERGY_SHARE / 9,
        "carbohydrate": energy * CARBOHYDRATE_ENERGY_SHARE / 4,
        **MICRONUTRIENTS[group],
    }
