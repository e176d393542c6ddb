"""A generated attack on scope, shared by the modules' tests: for every model of a module,
every relational field that leads to something scoped (a centre, a child, a teacher, an area,
a guardian, a user...) and every role, take a record in the user's own scope and try, over
JSON-RPC as that user, to re-point the field at a record of another province.

Every attempt must fail with an error and change nothing. Each module calls it for its own
models, with the records of the other province it knows how to find.
"""

from odoo import Command
from odoo.tests import JsonRpcException
from odoo.tools import mute_logger

# What a refused attempt may answer: the user sees one of these, never a success.
REFUSALS = {
    "odoo.exceptions.AccessError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.UserError",
}


class ScopeAttack:
    """Mixed into an ``HttpCase`` that also has ``JsonRpcAccess`` and ``SmartKidsCommon``."""

    def _assert_refused(self, user, model, method, *args, **kwargs):
        """``method`` called over JSON-RPC as ``user`` is refused with a clear error."""
        with self.assertRaises(JsonRpcException) as caught, mute_logger("odoo.http"):
            self._execute(user, model, method, *args, **kwargs)
        self.assertIn(caught.exception.args[0], REFUSALS)

    def _module_models(self, module):
        """Stored models defined by ``module`` (its own, not the ones it extends)."""
        return sorted(
            name
            for name, model in self.env.registry.items()
            if model._original_module == module and not model._abstract and not model._transient
        )

    def _attack_fields(self, model, targets):
        """Relational fields of ``model`` whose comodel has an out-of-scope record."""
        return [
            name
            for name, field in self.env[model]._fields.items()
            if field.type in ("many2one", "many2many")
            and field.store
            and field.comodel_name in targets
            and name not in ("create_uid", "write_uid")
        ]

    def _run_scope_attack(self, module, own_records, targets, users):
        """Try every re-pointing; return the number of attempts, fail on any that went through.

        ``own_records``: {model: record in the users' scope}; ``targets``: {comodel: a record
        out of every user's scope}.
        """
        attempts = []
        for model in self._module_models(module):
            record = own_records.get(model)
            if not record:
                continue
            for fname in self._attack_fields(model, targets):
                field = record._fields[fname]
                target = targets[field.comodel_name]
                value = target.id if field.type == "many2one" else [Command.link(target.id)]
                for user in users:
                    attempts.append((model, fname, user.login))
                    before = record.sudo()[fname]
                    with self.subTest(model=model, field=fname, user=user.login):
                        with (
                            self.assertRaises(JsonRpcException) as caught,
                            mute_logger("odoo.http"),
                        ):
                            self._execute(user, model, "write", record.ids, {fname: value})
                        self.assertIn(caught.exception.args[0], REFUSALS)
                        record.invalidate_recordset()
                        self.assertEqual(record.sudo()[fname], before, "nothing changed")
        return len(attempts)
