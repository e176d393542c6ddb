import base64
import io
import re
import subprocess
import tempfile
from datetime import datetime
from datetime import time
from datetime import timedelta

import polib
import psycopg2
from dateutil.relativedelta import relativedelta
from lxml import etree
from PIL import Image

from odoo import Command
from odoo import fields
from odoo.tests import JsonRpcException
from odoo.tests import TransactionCase
from odoo.tests import new_test_user
from odoo.tools import mute_logger
from odoo.tools.misc import file_path

from odoo.addons.smart_kids.controllers.checkin import CheckinService


def _tiny_png():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue())


TINY_PNG = _tiny_png()


def assert_thai_complete(case, module):
    """``module``'s Thai translation covers every string of its template, none fuzzy."""
    template = polib.pofile(file_path(f"{module}/i18n/{module}.pot"))
    thai = polib.pofile(file_path(f"{module}/i18n/th.po"))
    translated = {entry.msgid for entry in thai.translated_entries()}
    missing = [e.msgid for e in template if e.msgid and e.msgid not in translated]
    case.assertFalse(missing, f"{len(missing)} strings without Thai: {missing[:10]}")
    case.assertFalse(thai.fuzzy_entries(), "fuzzy entries are not translations")


# Names a Thai screen keeps in Latin letters: LINE's own console labels (an administrator looks
# for them there), units, codes and formats.
LATIN_NAMES = {
    "LINE", "Official", "Account", "Manager", "Messaging", "API", "Developers", "Console",
    "Channel", "secret", "access", "token", "Basic", "settings", "Use", "webhook", "Webhook",
    "URL", "userId", "groupId", "line", "request", "JSON", "HTTPS", "https", "smartkids",
    "example", "web", "base", "url", "QR", "PDF", "JPEG", "xlsx", "CSV", "DRI", "RAE", "BMI",
    "WHO", "DSPM", "kcal", "Odoo", "Smart", "Kids", "abcde",
}  # fmt: skip
SCREEN_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "title", "alt", "aria-label")


def english_on_thai_screens(env, module):
    """Words in Latin letters a Thai user reads on ``module``'s screens: its views' texts and
    labels, its menus and actions, its fields' labels, help and choices."""
    env = env(context=dict(env.context, lang="th_TH"))
    words = re.compile(r"[A-Za-z]{3,}")
    found = []

    def check(where, text):
        text = re.sub(r"<[^>]+>", " ", str(text or ""))
        english = [word for word in words.findall(text) if word not in LATIN_NAMES]
        if english:
            found.append((where, english))

    data = env["ir.model.data"].search([("module", "=", module)])
    for view in env["ir.ui.view"].browse(
        data.filtered(lambda d: d.model == "ir.ui.view").mapped("res_id")
    ):
        if view.type == "qweb":
            continue  # reports: checked on the PDFs
        for node in etree.fromstring(view.arch_db.encode()).iter(etree.Element):
            for attribute in SCREEN_ATTRIBUTES:
                check(f"{view.xml_id} {attribute}", node.get(attribute))
            if not node.tag.startswith("t"):
                check(f"{view.xml_id} text", node.text)
                check(f"{view.xml_id} text", node.tail)
    for model in ("ir.ui.menu", "ir.actions.act_window", "ir.actions.server"):
        for record in env[model].browse(
            data.filtered(lambda d, m=model: d.model == m).mapped("res_id")
        ):
            check(f"{model} {record.id}", record.name)
            check(f"{model} {record.id} help", record._fields.get("help") and record.help)
    for model_name in env.registry:
        for name, field in env[model_name]._fields.items():
            if field._module != module or name == "tz":  # time zones are the world's names
                continue
            check(f"{model_name}.{name}", field._description_string(env))
            check(f"{model_name}.{name} help", field._description_help(env))
            if field.type == "selection" and isinstance(field.selection, list):
                for _key, label in field._description_selection(env):
                    check(f"{model_name}.{name} choice", label)
    return found


def assert_no_english_on_thai_screens(case, module):
    env = case.env
    env["res.lang"]._activate_lang("th_TH")
    env["ir.module.module"]._load_module_terms([module], ["th_TH"], overwrite=True)
    found = english_on_thai_screens(env, module)
    case.assertFalse(found, f"English on {module}'s Thai screens: {found[:10]}")


def assert_secret_unique(case, record, other, field):
    """Giving ``other`` the secret of ``record`` is refused by the database, nothing changed:
    one tablet address, link or sticker opens one record only."""
    secret, before = record.sudo()[field], other.sudo()[field]
    with (
        case.assertRaises(psycopg2.errors.UniqueViolation),
        mute_logger("odoo.sql_db"),
        case.env.cr.savepoint(),
    ):
        other.sudo()[field] = secret
        other.flush_recordset([field])
    other.invalidate_recordset([field])
    case.assertEqual(other.sudo()[field], before)


def password_of(login):
    """Test users' password (new_test_user would pad logins shorter than 8 characters)."""
    return f"{login}-password"


def pdf_text(pdf):
    """The text of a rendered PDF, as pdftotext reads it (what a reader's tools see)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True, text=True
        ).stdout
        # the zero-width spaces between Thai words (line breaks) are not seen
        return text.replace("\u200b", "")


def checkin(user, action, **params):
    """Run a check-in screen action as ``user``, as their phone does (without the HTTP)."""
    return CheckinService(user.env(user=user)).run(action, params)


def recent_monday():
    """A Monday at least a week ago: days in tests are in the past, after enrolment."""
    day = fields.Date.today() - relativedelta(days=7)
    return day - relativedelta(days=day.weekday())


def at(day, hour, minute=0):
    """A naive UTC datetime for ``hour:minute`` Bangkok time (UTC+7) on ``day``."""
    return datetime.combine(day, time(hour, minute)) - timedelta(hours=7)


class SmartKidsCommon:
    """Two provinces with their trees, a user per role and children in every centre.

    Province P1 > districts D1, D2; D1 > LAO L1 > centres C1, C2; D2 > LAO L2 > centre C3.
    Province P2 > district D3 > LAO L3 > centre C4: a node in another province.
    """

    @classmethod
    def setUpSmartKids(cls):
        env = cls.env
        Area = env["smart_kids.area"]
        cls.province = Area.create(
            {
                "name": "Nong Bua Lam Phu",
                "area_type": "province",
                "code": "T39",
                "state_id": env.ref("base.state_th_034").id,
            }
        )
        cls.province_2 = Area.create({"name": "Udon Thani", "area_type": "province", "code": "T41"})
        cls.district_1 = cls._area("Si Bun Rueang", "district", cls.province)
        cls.district_2 = cls._area("Na Klang", "district", cls.province)
        cls.district_3 = cls._area("Mueang Udon", "district", cls.province_2)
        cls.lao_1 = cls._area("Non Sa-at", "lao", cls.district_1, lao_type="subdistrict")
        cls.lao_2 = cls._area("Kut Din Chi", "lao", cls.district_2, lao_type="sao")
        cls.lao_3 = cls._area("Nong Khon Kwang", "lao", cls.district_3, lao_type="sao")
        Centre = env["smart_kids.centre"]
        cls.centre_1 = Centre.create({"name": "Ban Non Sa-at", "lao_id": cls.lao_1.id})
        cls.centre_2 = Centre.create({"name": "Ban Nong Waeng", "lao_id": cls.lao_1.id})
        cls.centre_3 = Centre.create({"name": "Kut Din Chi", "lao_id": cls.lao_2.id})
        cls.centre_4 = Centre.create({"name": "Nong Khon Kwang", "lao_id": cls.lao_3.id})
        cls.centres = cls.centre_1 | cls.centre_2 | cls.centre_3 | cls.centre_4

        cls.user_teacher = cls._user("sk_teacher", "smart_kids.smart_kids_group_teacher")
        cls.user_head = cls._user("sk_head", "smart_kids.smart_kids_group_centre_head")
        cls.user_executive = cls._user(
            "sk_executive", "smart_kids.smart_kids_group_lao_executive", cls.lao_1
        )
        cls.user_district = cls._user(
            "sk_district", "smart_kids.smart_kids_group_district_officer", cls.district_1
        )
        cls.user_province = cls._user(
            "sk_province", "smart_kids.smart_kids_group_province_officer", cls.province
        )
        cls.user_admin = cls._user("sk_admin", "smart_kids.smart_kids_group_admin")
        cls.user_internal = cls._user("sk_internal", "base.group_user")
        cls.teacher = env["smart_kids.teacher"].create(
            {
                "name": "Somsri",
                "user_id": cls.user_teacher.id,
                "centre_ids": [Command.set(cls.centre_1.ids)],
            }
        )
        cls.head = env["smart_kids.teacher"].create(
            {
                "name": "Wilai",
                "user_id": cls.user_head.id,
                "position": "head",
                "centre_ids": [Command.set(cls.centre_1.ids)],
            }
        )
        cls.teacher_c3 = env["smart_kids.teacher"].create(
            {"name": "Kanya", "centre_ids": [Command.set(cls.centre_3.ids)]}
        )
        cls.guardian = env["res.partner"].create({"name": "Mother Sri", "mobile": "0812345678"})
        cls.child_1, cls.child_2, cls.child_3, cls.child_4 = (
            cls._child(centre, first)
            for centre, first in (
                (cls.centre_1, "Phum"),
                (cls.centre_2, "Kla"),
                (cls.centre_3, "Fai"),
                (cls.centre_4, "Mook"),
            )
        )

    @classmethod
    def _centre_records(cls, centre, child):
        """One record of each model of a centre's day, with values a writer would change."""
        env = cls.env
        today = fields.Date.today()
        attendance = env["smart_kids.attendance"].create(
            {
                "child_id": child.id,
                "centre_id": centre.id,
                "date": today,
                "check_in": fields.Datetime.now(),
            }
        )
        lunch = env["smart_kids.lunch"].create({"centre_id": centre.id, "date": today})
        away = cls._child(centre, "Away")
        return {
            "smart_kids.attendance": (attendance, {"arrival_mode": "van"}),
            "smart_kids.absence": (
                env["smart_kids.absence"].create(
                    {"child_id": away.id, "reason": "sick", "date": today}
                ),
                {"note": "flu"},
            ),
            "smart_kids.unaccounted.case": (
                env["smart_kids.unaccounted.case"].create(
                    {"child_id": child.id, "centre_id": centre.id, "date": today}
                ),
                {"state": "resolved"},
            ),
            "smart_kids.lunch": (lunch, {"cost_per_head": 25}),
            "smart_kids.photo": (
                env["smart_kids.photo"].create({"lunch_id": lunch.id, "image": TINY_PNG}),
                {"caption": "rice"},
            ),
            "smart_kids.day.activity": (
                env["smart_kids.day.activity"].create(
                    {"centre_id": centre.id, "name": "Songs", "development_domain": "social"}
                ),
                {"description": "sang"},
            ),
            "smart_kids.centre.closure": (
                env["smart_kids.centre.closure"].create(
                    {"centre_id": centre.id, "date": today, "name": "Holiday"}
                ),
                {"name": "Loy Krathong"},
            ),
            "smart_kids.child": (child, {"nickname": "Nick"}),
            "smart_kids.child.guardian": (child.guardian_ids[:1], {"relationship": "father"}),
            "smart_kids.child.pickup": (
                env["smart_kids.child.pickup"].create({"child_id": child.id, "name": "Grandma"}),
                {"phone": "0800000000"},
            ),
            "smart_kids.growth.measurement": (
                env["smart_kids.growth.measurement"].create(
                    {"child_id": child.id, "date": today, "weight": 14, "height": 95}
                ),
                {"notes": "after lunch"},
            ),
            "smart_kids.centre": (centre, {"capacity": 41}),
            "smart_kids.classroom": (
                env["smart_kids.classroom"].create(
                    {"name": f"Room {centre.id}", "centre_id": centre.id}
                ),
                {"name": "Renamed"},
            ),
        }

    @classmethod
    def _area(cls, name, area_type, parent, **extra):
        return cls.env["smart_kids.area"].create(
            {"name": name, "area_type": area_type, "parent_id": parent.id, **extra}
        )

    @classmethod
    def _user(cls, login, group, area=None):
        user = new_test_user(
            cls.env, login=login, groups=group, name=login, password=password_of(login)
        )
        if area:
            user.smart_kids_area_ids = [Command.set(area.ids)]
        return user

    @classmethod
    def _child(cls, centre, first_name, **extra):
        vals = {
            "title": "boy",
            "first_name": first_name,
            "last_name": f"Test {centre.name}",
            "birth_date": fields.Date.today() - relativedelta(years=3, months=2),
            "centre_id": centre.id,
            "enrolment_date": fields.Date.today() - relativedelta(months=6),
            "guardian_ids": [Command.create({"partner_id": cls.guardian.id})],
        }
        vals.update(extra)
        return cls.env["smart_kids.child"].create(vals)


class JsonRpcAccess:
    """For HttpCase tests: call the external API (``/jsonrpc``) as a test user."""

    def _execute(self, user, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/jsonrpc",
            {
                "service": "object",
                "method": "execute_kw",
                "args": [
                    self.env.cr.dbname,
                    user.id,
                    password_of(user.login),
                    model,
                    method,
                    list(args),
                    kwargs,
                ],
            },
        )

    def _assert_denied(self, user, model, method, *args, **kwargs):
        with self.assertRaises(JsonRpcException) as caught, mute_logger("odoo.http"):
            self._execute(user, model, method, *args, **kwargs)
        self.assertEqual(caught.exception.args[0], "odoo.exceptions.AccessError")


class SmartKidsCase(TransactionCase, SmartKidsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpSmartKids()
