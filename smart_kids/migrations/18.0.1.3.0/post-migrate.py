"""Each role's home: users who already had a Smart Kids role (and no home of their own) land
on it after login, as new users do."""

from openupgradelib import openupgrade


@openupgrade.migrate()
def migrate(env, version):
    env["res.users"].with_context(active_test=False).search(
        [("share", "=", False)]
    )._smart_kids_set_home()
