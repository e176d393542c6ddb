from odoo.exceptions import AccessError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from .common import SmartKidsCommon


@tagged("post_install", "-at_install")
class TestUserRole(TransactionCase, SmartKidsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpSmartKids()

    def test_one_role_replaces_the_other(self):
        user = self.user_admin
        self.assertEqual(user.smart_kids_role, "admin")
        user.smart_kids_role = "teacher"
        self.assertTrue(user.has_group("smart_kids.smart_kids_group_teacher"))
        for higher in ("admin", "centre_head", "province_officer", "lao_executive"):
            self.assertFalse(user.has_group(f"smart_kids.smart_kids_group_{higher}"), higher)
        self.assertEqual(user.smart_kids_role, "teacher")
        user.smart_kids_role = "province_officer"
        self.assertTrue(user.has_group("smart_kids.smart_kids_group_district_officer"))
        self.assertFalse(user.has_group("smart_kids.smart_kids_group_teacher"))
        user.smart_kids_role = False
        self.assertFalse(user.has_group("smart_kids.smart_kids_group_lao_executive"))
        self.assertTrue(user.has_group("base.group_user"))

    def test_a_user_cannot_give_themselves_a_role(self):
        teacher = self.user_teacher
        with self.assertRaises(AccessError):
            teacher.with_user(teacher).write({"smart_kids_role": "admin"})
        self.assertEqual(teacher.smart_kids_role, "teacher")
