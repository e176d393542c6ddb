from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .common import SmartKidsCase
from .common import recent_monday

DAY = recent_monday()
INFANT_DOSES = [
    ("bcg", 1),
    ("hb", 1),
    ("dtwp_hb_hib", 1),
    ("dtwp_hb_hib", 2),
    ("dtwp_hb_hib", 3),
    ("opv", 1),
    ("opv", 2),
    ("opv", 3),
    ("ipv", 1),
    ("rota", 1),
    ("rota", 2),
]


@tagged("post_install", "-at_install")
class TestVaccinationPlan(SmartKidsCase):
    """The national schedule is data; each child is up to date, due or overdue against it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.baby = cls._child(cls.centre_1, "Baby", birth_date=DAY - relativedelta(months=10))
        cls.baby.vaccination_ids = [
            Command.create(
                {
                    "vaccine_id": cls.env.ref(f"smart_kids.vaccine_{code}").id,
                    "dose": dose,
                    "date": cls.baby.birth_date + relativedelta(months=min(dose * 2, 6)),
                }
            )
            for code, dose in INFANT_DOSES
        ]

    def _statuses(self, child, day):
        return {
            (dose.vaccine_id.code, dose.dose): status
            for dose, status in child._vaccination_plan(day)[child]
        }

    def test_a_dose_is_due_then_overdue_after_its_grace(self):
        mmr = self.env.ref("smart_kids.vaccine_mmr")
        at_10 = self._statuses(self.baby, DAY)
        self.assertEqual(at_10["mmr", 1], "due", "9 months + 1 month of grace")
        self.assertEqual(at_10["laje", 1], "not_yet")
        self.assertEqual(at_10["bcg", 1], "given")
        self.assertEqual(
            self._statuses(self.baby, DAY + relativedelta(months=1))["mmr", 1], "overdue"
        )
        with freeze_time(DAY):
            self.assertEqual(self.baby.vaccination_state, "due")
            self.assertEqual(self.baby.vaccination_todo, f"{mmr.name} dose 1")
        with freeze_time(DAY + relativedelta(months=1, days=3)):
            self.baby.invalidate_recordset(["vaccination_state", "vaccination_todo"])
            self.assertEqual(self.baby.vaccination_state, "overdue")
            self.assertIn("(overdue)", self.baby.vaccination_todo)
            worklist = self.env["smart_kids.child"].search(
                [("vaccination_state", "in", ("due", "overdue"))]
            )
            self.assertIn(self.baby, worklist)
            self.baby.vaccination_ids = [
                Command.create({"vaccine_id": mmr.id, "dose": 1, "date": DAY})
            ]
            self.assertEqual(self.baby.vaccination_state, "up_to_date")

    def test_a_dose_past_its_catch_up_age_is_missed_not_overdue(self):
        self.baby.vaccination_ids.filtered(lambda v: v.vaccine_id.code == "rota").unlink()
        statuses = self._statuses(self.baby, DAY)
        self.assertEqual(statuses["rota", 1], "missed", "rotavirus is not given after 8 months")
        self.assertNotIn("overdue", statuses.values())

    def test_monthly_reminder_lists_the_children_for_the_head(self):
        seen = []
        Hooks = type(self.env["smart_kids.hooks"])
        original = Hooks._on_vaccination_overdue

        def spy(model, children):
            seen.append(children)
            return original(model, children)

        self.patch(Hooks, "_on_vaccination_overdue", spy)
        with freeze_time(DAY + relativedelta(months=1, days=3)):
            self.env["smart_kids.child"]._cron_vaccination_reminders()
        self.assertIn(self.baby, seen[0])
        activity = self.centre_1.activity_ids
        self.assertEqual(activity.user_id, self.user_head)
        self.assertIn(self.baby.name, activity.note)
