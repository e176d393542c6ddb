"""A month of school days for the demo database, so that every screen shows what it is for.

Each demo centre keeps its records as a real one might: the first exemplary (nearly every
child checked in and screened, lunch with a photo and an activity every day), the second
good, the third lagging (many days with nothing recorded, lunches without photos), the
others in between. Reproducible (fixed seed); dates are relative to the day the demo is
installed. Only loaded with demo data.
"""

import base64
import io
import random
from datetime import timedelta

from PIL import Image
from PIL import ImageDraw

from odoo import api
from odoo import fields
from odoo import models

SCHOOL_DAYS = 30
# per centre, in demo order: share of days recorded at all, check-in rate, lunch photo rate
PROFILES = [(1.0, 0.96, 1.0), (0.95, 0.9, 0.8), (0.55, 0.7, 0.0)]
DEFAULT_PROFILE = (0.85, 0.85, 0.5)
MENUS = [
    ("dish_rice", "dish_clear_soup_chicken", "dish_banana", "dish_milk"),
    ("dish_chicken_porridge", "dish_papaya", "dish_milk"),
    ("dish_rice", "dish_stir_fried_vegetables", "dish_omelette", "dish_milk"),
    ("dish_rice", "dish_chicken_pumpkin_curry", "dish_mung_bean_dessert"),
    ("dish_rice", "dish_fried_tilapia", "dish_clear_soup_tofu", "dish_banana"),
]
ACTIVITIES = [
    ("ร้องเพลงและเคลื่อนไหวตามจังหวะ", "physical"),
    ("ปั้นดินน้ำมันเป็นสัตว์", "intellectual"),
    ("เล่านิทานและเล่นบทบาทสมมติ", "social"),
    ("ปลูกถั่วงอกในแก้ว", "intellectual"),
    ("วาดภาพครอบครัวของฉัน", "emotional"),
    ("เล่นเกมส่งบอลเป็นวงกลม", "physical"),
]


def demo_photo(seed, colour):
    """A small JPEG standing for a photo taken at the centre."""
    image = Image.new("RGB", (480, 360), colour)
    draw = ImageDraw.Draw(image)
    for step in range(6):
        shade = tuple(min(255, c + 20 * step) for c in colour)
        draw.ellipse((40 + 60 * step, 80 + (seed % 5) * 10, 140 + 60 * step, 260), fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=70)
    return base64.b64encode(buffer.getvalue())


class SmartKidsDemoHistory(models.AbstractModel):
    _name = "smart_kids.demo.history"
    _description = "Smart Kids Demo History"

    @api.model
    def _generate(self, days=SCHOOL_DAYS):
        rng = random.Random(2569)
        centres = self.env["smart_kids.centre"].search([], order="id")
        for index, centre in enumerate(centres):
            profile = PROFILES[index] if index < len(PROFILES) else DEFAULT_PROFILE
            self._centre_history(centre, profile, days, rng)
        # today: the exemplary centre has recorded its morning, the second only its check-ins
        for index, centre in enumerate(centres[:2]):
            self._today(centre, complete=index == 0)
        return True

    def _today(self, centre, complete):
        day, now = centre._today(), fields.Datetime.now()
        if not centre._is_open_on(day):
            return
        children = self.env["smart_kids.child"].search(
            [("centre_id", "=", centre.id), ("state", "=", "enrolled")]
        )
        self.env["smart_kids.attendance"].create(
            [
                {
                    "child_id": child.id,
                    "centre_id": centre.id,
                    "date": day,
                    # before now, whenever the demo is installed
                    "check_in": min(centre._local_hour_utc(day, 7.2 + 0.05 * n), now),
                    "health_screened": complete,
                }
                for n, child in enumerate(children)
            ]
        )
        if complete:
            lunch = self.env["smart_kids.lunch"].create(
                {
                    "centre_id": centre.id,
                    "date": day,
                    "cost_per_head": 24,
                    "dish_ids": [
                        fields.Command.set([self.env.ref(f"smart_kids.{x}").id for x in MENUS[0]])
                    ],
                }
            )
            self.env["smart_kids.photo"].create(
                {"lunch_id": lunch.id, "image": demo_photo(1, (230, 160, 60))}
            )
            title, domain = ACTIVITIES[0]
            self.env["smart_kids.day.activity"].create(
                {"centre_id": centre.id, "date": day, "name": title, "development_domain": domain}
            )

    def _school_days(self, centre, days):
        day, found = centre._today() - timedelta(days=1), []
        while len(found) < days:
            if centre._is_open_on(day):
                found.append(day)
            day -= timedelta(days=1)
        return sorted(found)

    def _centre_history(self, centre, profile, days, rng):
        recorded_share, checkin_rate, photo_rate = profile
        children = self.env["smart_kids.child"].search(
            [("centre_id", "=", centre.id), ("state", "=", "enrolled")]
        )
        Attendance = self.env["smart_kids.attendance"]
        attendance_vals, absence_vals = [], []
        recorded_days = []
        for day in self._school_days(centre, days):
            if rng.random() > recorded_share:
                continue  # nothing recorded that day
            recorded_days.append(day)
            for child in children:
                if rng.random() > checkin_rate:
                    if rng.random() < 0.5:
                        reason = rng.choice(["sick", "leave"])
                        absence_vals.append({"child_id": child.id, "date": day, "reason": reason})
                    continue
                arrived = centre._local_hour_utc(day, 7 + rng.random() * 1.2)
                fever = rng.random() < 0.03
                attendance_vals.append(
                    {
                        "child_id": child.id,
                        "centre_id": centre.id,
                        "date": day,
                        "check_in": arrived,
                        "arrival_mode": rng.choice(["guardian", "guardian", "van", "walk"]),
                        "health_screened": rng.random() < checkin_rate,
                        "temperature": 38.1 if fever else 0.0,
                        "symptom_fever": fever,
                        "check_out": centre._local_hour_utc(day, 15 + rng.random()),
                        "collector_partner_id": child.guardian_ids.partner_id[:1].id,
                        "collector_name": child.guardian_ids.partner_id[:1].name,
                    }
                )
        Attendance.create(attendance_vals)
        self.env["smart_kids.absence"].create(absence_vals)
        colours = [(230, 160, 60), (120, 180, 90), (90, 140, 210), (220, 110, 120)]
        for number, day in enumerate(recorded_days):
            if rng.random() < 0.9:
                menu = MENUS[number % len(MENUS)]
                lunch = self.env["smart_kids.lunch"].create(
                    {
                        "centre_id": centre.id,
                        "date": day,
                        "cost_per_head": 24,
                        "dish_ids": [
                            fields.Command.set([self.env.ref(f"smart_kids.{x}").id for x in menu])
                        ],
                    }
                )
                if rng.random() < photo_rate:
                    self.env["smart_kids.photo"].create(
                        {"lunch_id": lunch.id, "image": demo_photo(number, colours[number % 4])}
                    )
            if rng.random() < recorded_share:
                title, domain = ACTIVITIES[number % len(ACTIVITIES)]
                activity = self.env["smart_kids.day.activity"].create(
                    {
                        "centre_id": centre.id,
                        "date": day,
                        "name": title,
                        "development_domain": domain,
                    }
                )
                if rng.random() < photo_rate:
                    self.env["smart_kids.photo"].create(
                        {
                            "day_activity_id": activity.id,
                            "image": demo_photo(number + 7, colours[(number + 1) % 4]),
                            "caption": title,
                        }
                    )
