#!/usr/bin/env python3
"""Build a synthetic province for benchmarks: Nong Bua Lam Phu's size, or 2x / 4x.

At --scale 1: 6 districts, 67 LAOs, 210 centres, 7,837 children, 6,664 guardians, and 22
school days of check-ins/check-outs, health screens, lunches (with dishes and a photo
record) and activities.
Scale multiplies LAOs, centres, children and guardians. Reproducible: the same --seed gives
the same data. The tree and guardians go through the ORM (so rules and computed fields
hold); the bulk history (children, attendance, lunches, activities) is inserted in batches
with SQL, filling every stored field, because the ORM would take minutes per scale.

    python data/generate_province.py --database smart_kids_bench_1x --scale 1 [--seed 39]

The database is created with smart_kids (no demo data) when it does not exist. Run with the
project's venv (scripts/env.sh: $SK_VENV/bin/python) so that Odoo is importable.
"""

import argparse
import base64
import os
import random
import sys
import time
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from project_env import create_database  # noqa: E402
from project_env import env_value  # noqa: E402

DISTRICTS = [
    ("3901", "เมืองหนองบัวลำภู"),
    ("3902", "นากลาง"),
    ("3903", "โนนสัง"),
    ("3904", "ศรีบุญเรือง"),
    ("3905", "สุวรรณคูหา"),
    ("3906", "นาวัง"),
]
BASE = {"laos": 67, "centres": 210, "children": 7837, "guardians": 6664, "days": 22}
FIRST = ["ภูมิ", "ต้นกล้า", "ธนากร", "กิตติพัฒน์", "ปริยากร", "กัญญาณัฐ", "ณัฐธิดา", "พิมพ์ชนก", "อรอุมา", "ศุภกร"]
LAST = ["ศรีสุข", "พรมมา", "บุญมา", "แก้วมณี", "ทองดี", "สายบุญ", "จันทร์หอม", "วงศ์ศรี", "คำภา", "โพธิ์ศรี"]


def school_days(count, until):
    days, day = [], until
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def insert(cr, table, columns, rows, returning=False):
    from psycopg2.extras import execute_values  # noqa: PLC0415 - Odoo's own dependency

    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES %s" + (
        " RETURNING id" if returning else ""
    )
    result = execute_values(cr._obj, sql, rows, page_size=5000, fetch=returning)
    return [r[0] for r in result] if returning else None


def generate(env, scale, seed):
    rng = random.Random(seed)
    size = {k: v * (scale if k != "days" else 1) for k, v in BASE.items()}
    Area = env["smart_kids.area"]
    tag = f"GEN{scale}x"
    if Area.search_count([("code", "=", f"{tag}-P")]):
        return "already generated"
    province = Area.create(
        {
            "name": f"หนองบัวลำภู ({scale}x)",
            "code": f"{tag}-P",
            "area_type": "province",
            "state_id": env.ref("base.state_th_034").id,
        }
    )
    districts = Area.create(
        [
            {
                "name": name,
                "code": f"{tag}-{code}",
                "area_type": "district",
                "parent_id": province.id,
            }
            for code, name in DISTRICTS
        ]
    )
    laos = Area.create(
        [
            {
                "name": f"อปท.{i + 1:03d}",
                "code": f"{tag}-L{i:04d}",
                "area_type": "lao",
                "lao_type": rng.choice(["subdistrict", "sao", "sao"]),
                "parent_id": districts[i % len(districts)].id,
            }
            for i in range(size["laos"])
        ]
    )
    centres = env["smart_kids.centre"].create(
        [
            {
                "name": f"ศพด.{i + 1:04d}",
                "code": f"{tag}-C{i:05d}",
                "lao_id": laos[i % len(laos)].id,
            }
            for i in range(size["centres"])
        ]
    )
    env["res.lang"]._activate_lang("th_TH")  # guardians read Thai, as real ones do
    guardians = env["res.partner"].create(
        [
            {"name": f"ผู้ปกครอง {rng.choice(FIRST)} {rng.choice(LAST)} {i}", "lang": "th_TH"}
            for i in range(size["guardians"])
        ]
    )
    env.flush_all()
    cr = env.cr
    today = date.today()
    now = datetime.now()
    children = []
    for i in range(size["children"]):
        boy = rng.random() < 0.5
        first, last = rng.choice(FIRST), rng.choice(LAST)
        birth = today - timedelta(days=rng.randint(2 * 365, 5 * 365))
        children.append(
            (
                "boy" if boy else "girl",
                f"{first}{i}",
                last,
                f"{first}{i} {last}",
                "male" if boy else "female",
                birth,
                "enrolled",
                today - timedelta(days=300),
                centres[i % len(centres)].id,
                base64.urlsafe_b64encode(rng.randbytes(18)).decode(),
                "unknown",
                True,
                False,
                False,
                today,
                1,
                1,
                now,
                now,
            )
        )
    child_ids = insert(
        cr,
        "smart_kids_child",
        [
            "title",
            "first_name",
            "last_name",
            "name",
            "sex",
            "birth_date",
            "state",
            "enrolment_date",
            "centre_id",
            "qr_token",
            "blood_group",
            "active",
            "photo_consent",
            "line_consent",
            "card_issued_date",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ],
        children,
        returning=True,
    )
    centre_of = {cid: centres[i % len(centres)].id for i, cid in enumerate(child_ids)}
    insert(
        cr,
        "smart_kids_child_guardian",
        [
            "child_id",
            "partner_id",
            "centre_id",
            "relationship",
            "is_primary",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ],
        [
            (cid, guardians[i % len(guardians)].id, centre_of[cid], "mother", True, 1, 1, now, now)
            for i, cid in enumerate(child_ids)
        ],
    )
    days = school_days(size["days"], today - timedelta(days=1))
    attendance = []
    for day in days:
        for cid in child_ids:
            if rng.random() < 0.9:
                arrive = datetime.combine(day, datetime.min.time()) + timedelta(
                    minutes=rng.randint(0, 90)
                )
                leave = arrive + timedelta(hours=7, minutes=rng.randint(0, 60))
                attendance.append(
                    (
                        cid,
                        centre_of[cid],
                        day,
                        arrive,
                        leave,
                        rng.choice(["guardian", "van", "walk"]),
                        rng.random() < 0.95,
                        False,
                        "left",
                        1,
                        1,
                        now,
                        now,
                    )
                )
    insert(
        cr,
        "smart_kids_attendance",
        [
            "child_id",
            "centre_id",
            "date",
            "check_in",
            "check_out",
            "arrival_mode",
            "health_screened",
            "health_abnormal",
            "state",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ],
        attendance,
    )
    dishes = env["smart_kids.dish"].search([]).ids
    lunches = [
        (c.id, day, rng.randint(20, 40), round(rng.uniform(20, 30), 2), 1, 1, now, now)
        for day in days
        for c in centres
        if rng.random() < 0.85
    ]
    lunch_ids = insert(
        cr,
        "smart_kids_lunch",
        [
            "centre_id",
            "date",
            "served_count",
            "cost_per_head",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ],
        lunches,
        returning=True,
    )
    # a photo row for most lunches (the image itself is not needed by the reports' figures)
    insert(
        cr,
        "smart_kids_photo",
        [
            "centre_id",
            "lunch_id",
            "caption",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ],
        [
            (lunch[0], lid, "อาหารกลางวัน", 1, 1, now, now)
            for lunch, lid in zip(lunches, lunch_ids, strict=True)
            if rng.random() < 0.9
        ],
    )
    insert(
        cr,
        "smart_kids_dish_smart_kids_lunch_rel",
        ["smart_kids_lunch_id", "smart_kids_dish_id"],
        [(lid, dish) for lid in lunch_ids for dish in rng.sample(dishes, 3)],
    )
    insert(
        cr,
        "smart_kids_day_activity",
        [
            "name",
            "centre_id",
            "date",
            "development_domain",
            "create_uid",
            "write_uid",
            "create_date",
            "write_date",
        ],
        [
            (
                "กิจกรรม",
                c.id,
                day,
                rng.choice(["physical", "emotional", "social", "intellectual"]),
                1,
                1,
                now,
                now,
            )
            for day in days
            for c in centres
            if rng.random() < 0.8
        ],
    )
    env.invalidate_all()
    return (
        f"{len(centres)} centres, {len(child_ids)} children, {len(guardians)} guardians, "
        f"{len(attendance)} attendances, {len(lunch_ids)} lunches over {len(days)} school days"
    )


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", required=True)
    parser.add_argument("--scale", type=int, default=1, choices=[1, 2, 4, 16])
    parser.add_argument("--seed", type=int, default=39)
    args = parser.parse_args()
    os.environ["TZ"] = "UTC"
    create_database(args.database, "smart_kids")
    import odoo  # noqa: PLC0415 - importable only from the project's venv
    from odoo import api  # noqa: PLC0415

    odoo.tools.config.parse_config(
        [
            f"--addons-path={env_value('(sk_addons_path)')}",
            f"--data-dir={env_value('SK_STATE')}/filestore",
            "-d",
            args.database,
        ]
    )
    begin = time.perf_counter()
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(
            cr, odoo.SUPERUSER_ID, {"tracking_disable": True, "mail_create_nolog": True}
        )
        summary = generate(env, args.scale, args.seed)
    elapsed = time.perf_counter() - begin
    print(f"{args.database} ({args.scale}x, seed {args.seed}): {summary} in {elapsed:.0f} s")


if __name__ == "__main__":
    main()
