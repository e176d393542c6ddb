from datetime import timedelta

from odoo import Command
from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged


class TourFixtures:
    """A centre with a user working there, and its children, for the tours."""

    def _tour_centre(self, login, group, position="caregiver"):
        """A centre of its own and a user working there (teacher record, Bangkok time)."""
        Area = self.env["smart_kids.area"]
        province = Area.create({"name": "Tour Province", "area_type": "province"})
        lao = Area.create({"name": "Tour LAO", "area_type": "lao", "parent_id": province.id})
        centre = self.env["smart_kids.centre"].create({"name": "Tour Centre", "lao_id": lao.id})
        user = self.env["res.users"].create(
            {
                "name": login,
                "login": login,
                "password": login,
                "tz": "Asia/Bangkok",
                "groups_id": [Command.set([self.ref(group)])],
            }
        )
        self.env["smart_kids.teacher"].create(
            {
                "name": login,
                "user_id": user.id,
                "position": position,
                "centre_ids": [Command.set(centre.ids)],
            }
        )
        return centre

    def _tour_child(self, centre, first_name, **extra):
        """A three-year-old boy of ``centre``."""
        return self.env["smart_kids.child"].create(
            {
                "title": "boy",
                "first_name": first_name,
                "last_name": "Tour",
                "birth_date": fields.Date.today() - timedelta(days=3 * 365),
                "centre_id": centre.id,
                **extra,
            }
        )


@tagged("post_install", "-at_install")
class TestUi(HttpCase, TourFixtures):
    # A phone: the web client switches to its mobile layout below 768 px.
    browser_size = "390x844"
    touch_enabled = True

    def test_child_registration_tour_on_phone(self):
        centre = self._tour_centre(
            "tour_head", "smart_kids.smart_kids_group_centre_head", position="head"
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

    def test_teacher_day_from_login_on_phone(self):
        """The audit's pilot stopper: a teacher's day from the login page, by taps, in Thai."""
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(["smart_kids"], ["th_TH"])
        centre = self._tour_centre("tour_teacher", "smart_kids.smart_kids_group_teacher")
        teacher = self.env["res.users"].search([("login", "=", "tour_teacher")])
        teacher.lang = "th_TH"
        self.assertEqual(teacher.action_id.id, self.ref("smart_kids.action_smart_kids_home"))
        self._tour_child(centre, "Phum")
        self.start_tour("/web/login", "smart_kids_teacher_day")

    def test_thai_teacher_reads_and_types_dates_in_buddhist_era(self):
        """B.E. on screen, C.E. in the database: the year typed as 25xx is stored 543 less."""
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(["smart_kids"], ["th_TH"])
        centre = self._tour_centre("tour_teacher", "smart_kids.smart_kids_group_teacher")
        self.env["res.users"].search([("login", "=", "tour_teacher")]).lang = "th_TH"
        child = self._tour_child(centre, "Phum")
        born = child.birth_date
        self.start_tour("/web/login", "smart_kids_buddhist_era")
        self.assertEqual(child.birth_date, born.replace(day=15 if born.day == 1 else 1))

    def test_checkin_screen_with_several_centres_from_login(self):
        """The audit's crash: a user of several centres (an administrator) on the screen."""
        centre = self._tour_centre("tour_admin", "smart_kids.smart_kids_group_admin")
        self.env["res.users"].search([("login", "=", "tour_admin")]).action_id = self.ref(
            "smart_kids.smart_kids_checkin_action"
        )
        Area = self.env["smart_kids.area"]
        other_lao = Area.create(
            {"name": "Other LAO", "area_type": "lao", "parent_id": centre.lao_id.parent_id.id}
        )
        self.env["smart_kids.centre"].create({"name": "Other Centre", "lao_id": other_lao.id})
        self._tour_child(centre, "Phum")
        self.start_tour("/web/login", "smart_kids_checkin_several_centres")

    def test_checkin_screen_tour_on_phone(self):
        centre = self._tour_centre("tour_teacher", "smart_kids.smart_kids_group_teacher")
        Child = self.env["smart_kids.child"]
        birth = fields.Date.today() - timedelta(days=3 * 365)

        def child(first, nickname, token):
            return Child.create(
                {
                    "title": "boy",
                    "first_name": first,
                    "last_name": "Tour",
                    "nickname": nickname,
                    "birth_date": birth,
                    "centre_id": centre.id,
                    "qr_token": token,
                }
            )

        phum = child("Phum", "Phum", "tour-card-phum-0001")
        child("Kla", "Kla", "tour-card-kla-0002")
        nok = child("Nok", "Nok", "tour-card-nok-0003")
        child("Mali", "Mali", "tour-card-mali-0004")
        self.env["smart_kids.child.pickup"].create(
            {"child_id": nok.id, "name": "Grandma Bua", "relationship": "grandmother"}
        )
        morning = fields.Datetime.now() - timedelta(hours=3)
        self.env["smart_kids.attendance"].create(
            {
                "child_id": nok.id,
                "centre_id": centre.id,
                "check_in": morning,
                "date": centre._local_date(fields.Datetime.now()),
            }
        )
        self.start_tour(
            "/odoo/action-smart_kids.smart_kids_checkin_action",
            "smart_kids_checkin",
            login="tour_teacher",
        )
        attendance = self.env["smart_kids.attendance"].search([("child_id", "=", phum.id)])
        self.assertEqual((attendance.arrival_mode, attendance.health_screened), ("van", True))
        kla = self.env["smart_kids.attendance"].search([("child_id.first_name", "=", "Kla")])
        self.assertTrue(kla.health_abnormal)
        self.assertEqual(kla.temperature, 38.4)
        self.assertEqual(
            self.env["smart_kids.attendance"].search([("child_id", "=", nok.id)]).collector_name,
            "Grandma Bua",
        )
        self.assertEqual(
            self.env["smart_kids.absence"].search([("centre_id", "=", centre.id)]).reason, "leave"
        )
        self.start_tour(
            "/odoo/action-smart_kids.smart_kids_child_action",
            "smart_kids_health_today",
            login="tour_teacher",
        )

    def test_lunch_tour_on_phone(self):
        centre = self._tour_centre("tour_cook", "smart_kids.smart_kids_group_teacher")
        birth = fields.Date.today() - timedelta(days=3 * 365)
        milk = self.env.ref("smart_kids.allergen_milk")
        today = centre._local_date(fields.Datetime.now())
        for first in ("Phum", "Kla"):
            child = self.env["smart_kids.child"].create(
                {
                    "title": "boy",
                    "first_name": first,
                    "last_name": "Tour",
                    "birth_date": birth,
                    "centre_id": centre.id,
                    "allergy_ids": [Command.create({"allergen_id": milk.id})]
                    if first == "Phum"
                    else [],
                }
            )
            self.env["smart_kids.attendance"].create(
                {
                    "child_id": child.id,
                    "centre_id": centre.id,
                    "date": today,
                    "check_in": fields.Datetime.now(),
                }
            )
        self.start_tour(
            "/odoo/action-smart_kids.smart_kids_lunch_action/new",
            "smart_kids_lunch",
            login="tour_cook",
        )
        lunch = self.env["smart_kids.lunch"].search([("centre_id", "=", centre.id)])
        self.assertEqual(
            lunch.dish_ids,
            self.env.ref("smart_kids.dish_rice") | self.env.ref("smart_kids.dish_milk"),
        )
        self.assertEqual((lunch.served_count, lunch.cost_per_head, lunch.date), (2, 23, today))


@tagged("post_install", "-at_install")
class TestDeskUi(HttpCase, TourFixtures):
    """Administrators at a desk (the default 1366x768 window)."""

    def test_administrator_sets_up_a_centre_and_its_teacher_from_login(self):
        """By clicks from /web/login, in Thai: LAO, centre, the teacher's login and role, the
        teacher record; the new teacher's home is then the check-in of that centre."""
        self.env["res.lang"]._activate_lang("th_TH")
        self.env["ir.module.module"]._load_module_terms(["smart_kids"], ["th_TH"])
        centre = self._tour_centre("tour_admin", "smart_kids.smart_kids_group_admin")
        admin = self.env["res.users"].search([("login", "=", "tour_admin")])
        # an LAO's administrator also manages Odoo's logins (Settings, Users)
        admin.write(
            {"lang": "th_TH", "groups_id": [Command.link(self.ref("base.group_erp_manager"))]}
        )
        province = centre.lao_id.parent_id
        district = self.env["smart_kids.area"].create(
            {"name": "Tour District", "area_type": "district", "parent_id": province.id}
        )
        self.start_tour("/web/login", "smart_kids_admin_setup")
        lao = self.env["smart_kids.area"].search([("name", "=", "อบต.ตั้งค่าใหม่")])
        self.assertEqual((lao.area_type, lao.lao_type, lao.parent_id), ("lao", "sao", district))
        new_centre = self.env["smart_kids.centre"].search([("name", "=", "ศพด.ตั้งค่าใหม่")])
        self.assertEqual(new_centre.lao_id, lao)
        user = self.env["res.users"].search([("login", "=", "newteacher")])
        self.assertTrue(user.has_group("smart_kids.smart_kids_group_teacher"))
        self.assertFalse(user.has_group("smart_kids.smart_kids_group_centre_head"))
        teacher = self.env["smart_kids.teacher"].search([("user_id", "=", user.id)])
        self.assertEqual(teacher.centre_ids, new_centre)
        self.assertEqual(user.action_id.id, self.ref("smart_kids.action_smart_kids_home"))
        self.assertEqual(self.env["smart_kids.centre"].with_user(user).search([]), new_centre)
