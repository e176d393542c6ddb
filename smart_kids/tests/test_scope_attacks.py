"""Scope holds on every path: an attacker with a role, talking JSON-RPC, can neither reach,
plant nor redirect anything outside their centres (the outside review's classes 1-8)."""

import logging
from datetime import timedelta

from odoo import Command
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import JsonRpcException
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import JsonRpcAccess
from .common import SmartKidsCommon
from .scope_attack import ScopeAttack

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestScopeAttacks(HttpCase, SmartKidsCommon, JsonRpcAccess, ScopeAttack):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpSmartKids()
        env = cls.env
        cls.own = {
            model: record
            for model, (record, _vals) in cls._centre_records(cls.centre_1, cls.child_1).items()
        }
        cls.far = {
            model: record
            for model, (record, _vals) in cls._centre_records(cls.centre_4, cls.child_4).items()
        }
        cls.user_far = cls._user("sk_far_teacher", "smart_kids.smart_kids_group_teacher")
        cls.teacher_far = env["smart_kids.teacher"].create(
            {
                "name": "Far Away",
                "user_id": cls.user_far.id,
                "centre_ids": [Command.set(cls.centre_4.ids)],
            }
        )
        # a guardian of a child of the other province only
        cls.guardian_far = env["res.partner"].create(
            {"name": "Far Guardian", "mobile": "0899999999", "email": "far@example.com"}
        )
        cls.child_4.guardian_ids = [Command.create({"partner_id": cls.guardian_far.id})]
        allergen = env["smart_kids.allergen"].search([], limit=1)
        vaccine = env["smart_kids.vaccine"].search([], limit=1)
        cls.own.update(
            {
                "smart_kids.area": cls.centre_1.area_id,
                "smart_kids.teacher": cls.teacher,
                "smart_kids.child.allergy": env["smart_kids.child.allergy"].create(
                    {"child_id": cls.child_1.id, "allergen_id": allergen.id}
                ),
                "smart_kids.child.vaccination": env["smart_kids.child.vaccination"].create(
                    {
                        "child_id": cls.child_1.id,
                        "vaccine_id": vaccine.id,
                        "date": fields.Date.today() - timedelta(days=400),
                    }
                ),
                "smart_kids.teacher.qualification": env["smart_kids.teacher.qualification"].create(
                    {"teacher_id": cls.teacher.id, "name": "Early Childhood", "level": "bachelor"}
                ),
                "smart_kids.teacher.work": env["smart_kids.teacher.work"].create(
                    {"teacher_id": cls.teacher.id, "name": "Songs"}
                ),
                "smart_kids.teacher.vaccination": env["smart_kids.teacher.vaccination"].create(
                    {
                        "teacher_id": cls.teacher.id,
                        "vaccine_id": vaccine.id,
                        "date": fields.Date.today() - timedelta(days=90),
                    }
                ),
            }
        )
        cls.targets = {
            "smart_kids.centre": cls.centre_4,
            "smart_kids.area": cls.lao_3,
            "smart_kids.child": cls.child_4,
            "smart_kids.teacher": cls.teacher_far,
            "res.partner": cls.guardian_far,
            "res.users": cls.user_far,
            "smart_kids.lunch": cls.far["smart_kids.lunch"],
            "smart_kids.day.activity": cls.far["smart_kids.day.activity"],
            "smart_kids.child.pickup": cls.far["smart_kids.child.pickup"],
            "smart_kids.classroom": cls.far["smart_kids.classroom"],
        }
        cls.roles = (
            cls.user_teacher,
            cls.user_head,
            cls.user_executive,
            cls.user_district,
            cls.user_province,
        )

    def test_generated_re_pointing_is_refused(self):
        """Every role, every model of the core, every field leading to something scoped."""
        attempts = self._run_scope_attack("smart_kids", self.own, self.targets, self.roles)
        _logger.info("scope attack on smart_kids: %s re-pointing attempts", attempts)
        # 5 roles; the figure is in the issue note: keep it honest if models change
        self.assertGreaterEqual(attempts, 200)

    def test_a_head_cannot_widen_their_own_scope(self):
        head = self.user_head
        self._assert_refused(
            head,
            "smart_kids.teacher",
            "write",
            self.head.ids,
            {"centre_ids": [Command.link(self.centre_4.id)]},
        )
        self._assert_refused(
            head,
            "smart_kids.teacher",
            "create",
            {
                "name": "Me again",
                "user_id": head.id,
                "centre_ids": [Command.set(self.centre_1.ids)],
            },
        )
        self._assert_refused(
            head,
            "smart_kids.teacher",
            "write",
            self.teacher.ids,
            {"centre_ids": [Command.link(self.centre_3.id)]},
        )
        self._assert_refused(
            head,
            "smart_kids.centre",
            "write",
            self.centre_1.ids,
            {"teacher_ids": [Command.link(self.teacher_far.id)]},
        )
        self._assert_refused(
            head, "smart_kids.centre", "write", self.centre_1.ids, {"lao_id": self.lao_3.id}
        )
        self.assertEqual(self.head.centre_ids, self.centre_1)
        self.assertEqual(self.centre_1.lao_id, self.lao_1)
        self._assert_refused(head, "smart_kids.child", "read", self.child_4.ids, ["name"])
        # what a head may do with teachers still works: a new colleague at their own centre
        created = self._execute(
            head,
            "smart_kids.teacher",
            "create",
            {"name": "New caregiver", "centre_ids": [Command.set(self.centre_1.ids)]},
        )
        self.assertTrue(created)

    def test_a_check_in_of_another_centres_child_is_refused(self):
        today = self.centre_3._local_date(fields.Datetime.now())
        case = self.env["smart_kids.unaccounted.case"].create(
            {"child_id": self.child_3.id, "centre_id": self.centre_3.id, "date": today}
        )
        self._assert_refused(
            self.user_teacher,
            "smart_kids.attendance",
            "create",
            {
                "child_id": self.child_3.id,
                "centre_id": self.centre_1.id,
                "date": str(today),
                "check_in": fields.Datetime.to_string(fields.Datetime.now()),
            },
        )
        # the same through the entrance tablet of the teacher's centre
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/smart_kids/kiosk/checkin/scan",
                {"token": self.centre_1.kiosk_token, "payload": self.child_3.card_payload},
            )
        self.assertFalse(
            self.env["smart_kids.attendance"].search([("child_id", "=", self.child_3.id)])
        )
        self.assertEqual(case.state, "open", "the real centre is still looking for the child")

    def test_nobody_plants_a_pickup_adult_on_another_centres_child(self):
        self._assert_refused(
            self.user_teacher,
            "smart_kids.child.pickup",
            "create",
            {"child_id": self.child_4.id, "name": "Stranger"},
        )
        own_pickup = self.own["smart_kids.child.pickup"]
        own_pickup.name = "Planted Uncle"
        self._assert_refused(
            self.user_teacher,
            "smart_kids.child.pickup",
            "write",
            own_pickup.ids,
            {"child_id": self.child_4.id},
        )
        # at the other centre's gate the stranger is not on the list
        centre = self.centre_4
        now = fields.Datetime.now()
        # checked in an hour ago, on the centre's own date (not UTC's, a day behind at night)
        self.far["smart_kids.attendance"].write(
            {"date": centre._local_date(now), "check_in": now - timedelta(hours=1)}
        )
        result = self.make_jsonrpc_request(
            "/smart_kids/kiosk/checkin/scan",
            {"token": centre.kiosk_token, "payload": self.child_4.card_payload},
        )
        self.assertEqual(result["status"], "check_out")
        names = {collector["name"] for collector in result["collectors"]}
        self.assertNotIn("Stranger", names)
        self.assertNotIn(own_pickup.name, names)

    def test_guardians_contacts_are_seen_within_scope_only(self):
        for user in (self.user_internal, self.user_teacher, self.user_executive):
            found = self._execute(
                user, "res.partner", "search_read", [("id", "=", self.guardian_far.id)], ["email"]
            )
            self.assertFalse(found, f"{user.login} must not see the guardian")
            self._assert_refused(
                user, "res.partner", "write", self.guardian_far.ids, {"mobile": "0800000000"}
            )
        own = self._execute(
            self.user_teacher, "res.partner", "read", self.guardian.ids, ["name", "mobile"]
        )
        self.assertEqual(own[0]["mobile"], "0812345678")
        self.assertEqual(
            self._execute(self.user_far, "res.partner", "read", self.guardian_far.ids, ["email"])[
                0
            ]["email"],
            "far@example.com",
        )
        # followers carry the contact's email: the same rule
        self.child_4.message_subscribe(partner_ids=self.guardian_far.ids)
        followers = self._execute(
            self.user_internal,
            "mail.followers",
            "search_read",
            [("partner_id", "=", self.guardian_far.id)],
            ["email"],
        )
        self.assertFalse(followers)

    def test_workflow_fields_change_only_through_their_methods(self):
        case = self.own["smart_kids.unaccounted.case"]
        for vals in (
            {"state": "resolved"},
            {"resolved_by_id": self.user_head.id},
            {"resolution": "absent"},
        ):
            self._assert_refused(
                self.user_teacher, "smart_kids.unaccounted.case", "write", case.ids, vals
            )
        self.assertEqual(case.state, "open")
        attendance = self.own["smart_kids.attendance"]
        attendance.write({"symptom_fever": True})
        for vals in (
            {"check_in_user_id": self.user_head.id},
            {"health_abnormal": False},
            {"collector_unauthorised": False},
            {"check_out_user_id": self.user_teacher.id},
        ):
            self._assert_refused(
                self.user_teacher, "smart_kids.attendance", "write", attendance.ids, vals
            )
        self.assertTrue(attendance.health_abnormal)
        # a withdrawn child is no longer looked for in the morning: heads only
        self._assert_refused(
            self.user_teacher, "smart_kids.child", "write", self.child_1.ids, {"state": "withdrawn"}
        )
        self.assertEqual(self.child_1.state, "enrolled")
        # a card token is the server's secret: a client cannot choose one (e.g. another
        # child's, to be confused with them at the gate)
        stolen = self.child_4.sudo().qr_token
        new_id = self._execute(
            self.user_head,
            "smart_kids.child",
            "create",
            {
                "title": "girl",
                "first_name": "Copy",
                "last_name": "Cat",
                "birth_date": str(self.child_1.birth_date),
                "centre_id": self.centre_1.id,
                "qr_token": stolen,
            },
        )
        self.assertNotEqual(self.env["smart_kids.child"].browse(new_id).qr_token, stolen)
        # the method still records the hand-over, naming the teacher who did it
        attendance.with_user(self.user_teacher).check_out_child(
            other_name="Uncle Dee", reason="mother is ill"
        )
        self.assertTrue(attendance.collector_unauthorised)
        self.assertEqual(attendance.check_out_user_id, self.user_teacher)

    def test_a_teacher_removed_through_the_centre_loses_access_at_once(self):
        self.child_1.with_user(self.user_teacher).read(["name"])
        self.centre_1.with_user(self.user_admin).write(
            {"teacher_ids": [Command.unlink(self.teacher.id)]}
        )
        with self.assertRaises(AccessError), mute_logger("odoo.addons.base.models.ir_rule"):
            self.child_1.with_user(self.user_teacher).read(["name"])

    def test_a_head_without_email_reissues_cards_and_kiosk_addresses(self):
        self.user_head.partner_id.email = False
        old_token = self.centre_1.kiosk_token
        old_card = self.child_1.card_payload
        self._execute(
            self.user_head, "smart_kids.centre", "action_regenerate_kiosk_token", self.centre_1.ids
        )
        self._execute(self.user_head, "smart_kids.child", "action_reissue_card", self.child_1.ids)
        self.centre_1.invalidate_recordset()
        self.child_1.invalidate_recordset()
        self.assertNotEqual(self.centre_1.kiosk_token, old_token)
        self.assertNotEqual(self.child_1.card_payload, old_card)
        self.assertEqual(
            self.url_open(f"/smart_kids/kiosk/{old_token}").status_code, 404, "lost tablet"
        )
