import base64
import io

from PIL import Image

from odoo import Command
from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SmartKidsCase


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


# A small real photo is enough to put an image (and its attachment) on a child.
PIXEL = _png()

# Role -> children it may read (by centre), and whether it may change a child's records.
CHILD_MATRIX = {
    "user_teacher": ({"child_1"}, True),
    "user_head": ({"child_1"}, True),
    "user_executive": ({"child_1", "child_2"}, False),
    "user_district": ({"child_1", "child_2"}, False),
    "user_province": ({"child_1", "child_2", "child_3"}, False),
    "user_admin": ({"child_1", "child_2", "child_3", "child_4"}, True),
}
CHILDREN = ("child_1", "child_2", "child_3", "child_4")


@tagged("post_install", "-at_install")
class TestAccessRights(SmartKidsCase):
    def setUp(self):
        super().setUp()
        # every denial is logged; the assertions below are what matter
        self.enterContext(
            mute_logger(
                "odoo.models", "odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model"
            )
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        vaccine = cls.env.ref("smart_kids.vaccine_mmr")
        milk = cls.env.ref("smart_kids.allergen_milk")
        cls.child_records = {}
        for name in CHILDREN:
            child = getattr(cls, name)
            child.image_1920 = PIXEL
            cls.child_records[name] = {
                "smart_kids.child": child,
                "smart_kids.child.guardian": child.guardian_ids,
                "smart_kids.child.pickup": cls.env["smart_kids.child.pickup"].create(
                    {"child_id": child.id, "name": "Grandma"}
                ),
                "smart_kids.child.allergy": cls.env["smart_kids.child.allergy"].create(
                    {"child_id": child.id, "allergen_id": milk.id}
                ),
                "smart_kids.child.vaccination": cls.env["smart_kids.child.vaccination"].create(
                    {"child_id": child.id, "vaccine_id": vaccine.id, "date": child.birth_date}
                ),
                "smart_kids.growth.measurement": cls.env["smart_kids.growth.measurement"].create(
                    {"child_id": child.id, "date": fields.Date.today(), "weight": 14, "height": 95}
                ),
            }
        cls.note_file = cls.env["ir.attachment"].create(
            {
                "name": "medical.pdf",
                "datas": PIXEL,
                "res_model": "smart_kids.child",
                "res_id": cls.child_4.id,
            }
        )

    def _writable_values(self, model):
        return {
            "smart_kids.child": {"nickname": "Nick"},
            "smart_kids.child.guardian": {"relationship": "father"},
            "smart_kids.child.pickup": {"phone": "0800000000"},
            "smart_kids.child.allergy": {"reaction": "rash"},
            "smart_kids.child.vaccination": {"notes": "checked"},
            "smart_kids.growth.measurement": {"notes": "after lunch"},
        }[model]

    def test_child_records_matrix(self):
        """Every role reads exactly its scope and writes only where it may, per model."""
        for role, (readable, may_write) in CHILD_MATRIX.items():
            user = getattr(self, role)
            for name in CHILDREN:
                for model, record in self.child_records[name].items():
                    as_user = record.with_user(user)
                    with self.subTest(role=role, child=name, model=model):
                        if name in readable:
                            as_user.read(["display_name"])
                            self.assertIn(record.id, as_user.search([]).ids)
                        else:
                            with self.assertRaises(AccessError):
                                as_user.read(["display_name"])
                            self.assertNotIn(record.id, as_user.search([]).ids)
                        if name in readable and may_write:
                            as_user.write(self._writable_values(model))
                        else:
                            with self.assertRaises(AccessError):
                                as_user.write(self._writable_values(model))

    def test_outsider_without_role_sees_nothing(self):
        for model in (
            "smart_kids.area",
            "smart_kids.centre",
            "smart_kids.classroom",
            "smart_kids.child",
            "smart_kids.child.guardian",
            "smart_kids.child.pickup",
            "smart_kids.child.allergy",
            "smart_kids.child.vaccination",
            "smart_kids.growth.measurement",
            "smart_kids.teacher",
            "smart_kids.teacher.qualification",
            "smart_kids.teacher.work",
            "smart_kids.teacher.vaccination",
            "smart_kids.allergen",
            "smart_kids.vaccine",
        ):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.user_internal).search([])

    def test_child_creation_and_deletion(self):
        vals = {
            "title": "girl",
            "first_name": "New",
            "last_name": "Kid",
            "birth_date": self.child_1.birth_date,
        }
        Child = self.env["smart_kids.child"]
        with self.assertRaises(AccessError):
            Child.with_user(self.user_teacher).create({**vals, "centre_id": self.centre_1.id})
        Child.with_user(self.user_head).create({**vals, "centre_id": self.centre_1.id})
        with self.assertRaises(AccessError):
            Child.with_user(self.user_head).create({**vals, "centre_id": self.centre_2.id})
        with self.assertRaises(AccessError):
            Child.with_user(self.user_province).create({**vals, "centre_id": self.centre_1.id})
        with self.assertRaises(AccessError):
            self.child_1.with_user(self.user_head).unlink()
        self.child_4.with_user(self.user_admin).write({"nickname": "admin"})

    def test_photos_and_attachments_out_of_scope(self):
        Attachment = self.env["ir.attachment"]
        teacher_env = Attachment.with_user(self.user_teacher)
        photo_domain = [("res_model", "=", "smart_kids.child"), ("res_field", "=", "image_1920")]
        visible = teacher_env.search(
            [*photo_domain, ("res_id", "in", (self.child_1 | self.child_4).ids)]
        )
        self.assertEqual(visible.mapped("res_id"), self.child_1.ids)
        self.assertTrue(self.child_1.with_user(self.user_teacher).image_128)
        with self.assertRaises(AccessError):
            self.child_4.with_user(self.user_teacher).image_128  # noqa: B018
        self.assertFalse(teacher_env.search([("id", "=", self.note_file.id)]))
        with self.assertRaises(AccessError):
            self.note_file.with_user(self.user_teacher).read(["datas"])
        with self.assertRaises(AccessError):
            self.note_file.with_user(self.user_executive).read(["datas"])
        self.note_file.with_user(self.user_admin).read(["datas"])

    def test_hierarchy_visibility(self):
        Area = self.env["smart_kids.area"]
        teacher_areas = Area.with_user(self.user_teacher).search([])
        self.assertEqual(
            teacher_areas,
            self.centre_1.area_id | self.lao_1 | self.district_1 | self.province,
            "a teacher sees their centre and the nodes above it, nothing beside it",
        )
        district_areas = Area.with_user(self.user_district).search([])
        self.assertIn(self.centre_2.area_id, district_areas)
        self.assertNotIn(self.lao_2, district_areas)
        self.assertNotIn(self.province_2, district_areas)
        Centre = self.env["smart_kids.centre"]
        self.assertEqual(
            Centre.with_user(self.user_executive).search([]), self.centre_1 | self.centre_2
        )
        self.assertEqual(
            Centre.with_user(self.user_province).search([]),
            self.centre_1 | self.centre_2 | self.centre_3,
        )
        self.centre_1.with_user(self.user_head).write({"capacity": 45, "name": "Ban Non Sa-at 1"})
        self.assertEqual(self.centre_1.area_id.name, "Ban Non Sa-at 1")
        for user, centre in (
            (self.user_head, self.centre_2),
            (self.user_executive, self.centre_1),
            (self.user_teacher, self.centre_1),
        ):
            with self.subTest(user=user.login, centre=centre.name), self.assertRaises(AccessError):
                centre.with_user(user).write({"capacity": 1})
        with self.assertRaises(AccessError):
            self.lao_1.with_user(self.user_head).write({"name": "Renamed"})

    def test_teacher_records(self):
        Teacher = self.env["smart_kids.teacher"]
        self.assertEqual(Teacher.with_user(self.user_teacher).search([]), self.teacher | self.head)
        self.assertEqual(
            Teacher.with_user(self.user_province).search([]),
            self.teacher | self.head | self.teacher_c3,
        )
        with self.assertRaises(AccessError):
            self.teacher.with_user(self.user_teacher).write({"phone": "1"})
        self.teacher.with_user(self.user_head).write({"phone": "0811111111"})
        with self.assertRaises(AccessError):
            self.teacher_c3.with_user(self.user_head).write({"phone": "1"})

        Work = self.env["smart_kids.teacher.work"]
        mine = Work.with_user(self.user_teacher).create(
            {"teacher_id": self.teacher.id, "name": "Storybook"}
        )
        heads = Work.create({"teacher_id": self.head.id, "name": "Garden"})
        far = Work.create({"teacher_id": self.teacher_c3.id, "name": "Songs"})
        self.assertEqual(Work.with_user(self.user_teacher).search([]), mine)
        with self.assertRaises(AccessError):
            Work.with_user(self.user_teacher).create(
                {"teacher_id": self.head.id, "name": "Not mine"}
            )
        self.assertEqual(Work.with_user(self.user_head).search([]), mine | heads)
        self.assertEqual(Work.with_user(self.user_province).search([]), mine | heads | far)
        with self.assertRaises(AccessError):
            mine.with_user(self.user_executive).write({"name": "x"})

    def test_scope_change_takes_effect_at_once(self):
        Child = self.env["smart_kids.child"]
        executive = Child.with_user(self.user_executive)
        self.assertNotIn(self.child_3, executive.search([]))
        self.user_executive.write({"smart_kids_area_ids": [Command.link(self.lao_2.id)]})
        self.assertIn(self.child_3, executive.search([]))
        self.user_executive.write({"smart_kids_area_ids": [Command.unlink(self.lao_2.id)]})
        self.assertNotIn(self.child_3, executive.search([]))

        teacher = Child.with_user(self.user_teacher)
        self.assertNotIn(self.child_2, teacher.search([]))
        self.teacher.centre_ids = [Command.link(self.centre_2.id)]
        self.assertIn(self.child_2, teacher.search([]))
        self.teacher.user_id = False
        self.assertFalse(
            teacher.search([]), "a user no longer linked to a teacher loses the centres"
        )


@tagged("post_install", "-at_install")
class TestCentreRecordsAccess(SmartKidsCase):
    """The day's records of a centre: reachable in scope only, read-only for officers."""

    def test_centre_records_matrix(self):
        records = {
            self.centre_1: self._centre_records(self.centre_1, self.child_1),
            self.centre_4: self._centre_records(self.centre_4, self.child_4),
        }
        head_only = {"smart_kids.centre.closure", "smart_kids.centre", "smart_kids.classroom"}
        # resolved by a scan or an absence only, never by hand (see test_scope_attacks)
        by_workflow_only = {"smart_kids.unaccounted.case"}
        for role, may_write in (
            ("user_teacher", True),
            ("user_head", True),
            ("user_province", False),
        ):
            user = getattr(self, role)
            for model, (record, vals) in records[self.centre_1].items():
                with self.subTest(role=role, model=model, centre="own"):
                    record.with_user(user).read(["id"])
                    if (
                        may_write
                        and model not in by_workflow_only
                        and (model not in head_only or role == "user_head")
                    ):
                        record.with_user(user).write(vals)
                    else:
                        with self.assertRaises(AccessError):
                            record.with_user(user).write(vals)
            for model, (record, vals) in records[self.centre_4].items():
                with self.subTest(role=role, model=model, centre="other province"):
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["id"])
                    with self.assertRaises(AccessError):
                        record.with_user(user).write(vals)
        for record, _vals in records[self.centre_4].values():
            record.with_user(self.user_admin).read(["id"])
