from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    # A phone: the web client switches to its mobile layout below 768 px.
    browser_size = "390x844"
    touch_enabled = True

    def test_child_registration_tour_on_phone(self):
        Area = self.env["smart_kids.area"]
        province = Area.create({"name": "Tour Province", "area_type": "province"})
        lao = Area.create({"name": "Tour LAO", "area_type": "lao", "parent_id": province.id})
        centre = self.env["smart_kids.centre"].create({"name": "Tour Centre", "lao_id": lao.id})
        head = self.env["res.users"].create(
            {
                "name": "Tour Head",
                "login": "tour_head",
                "password": "tour_head",
                "groups_id": [Command.set([self.ref("smart_kids.smart_kids_group_centre_head")])],
            }
        )
        self.env["smart_kids.teacher"].create(
            {
                "name": "Tour Head",
                "user_id": head.id,
                "position": "head",
                "centre_ids": [Command.set(centre.ids)],
            }
        )
        self.start_tour(
            "/odoo/action-smart_kids.smart_kids_child_action",
            "smart_kids_child_registration",
            login="tour_head",
        )
        child = self.env["smart_kids.child"].search([("national_id", "=", "1101700230708")])
        self.assertEqual(child.name, "ข้าวฟ่าง ทดสอบทัวร์")
        self.assertEqual(child.centre_id, centre)
        self.assertEqual(child.title, "girl")
