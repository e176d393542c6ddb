from odoo import api
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError


class SmartKidsScopedMixin(models.AbstractModel):
    """Scope holds after every change, not only before it.

    Odoo checks record rules on a record *before* ``write`` (and after ``create``), so a
    user could take a record of their scope and re-point it out of scope. Every model of a
    centre inherits this mixin which, for users who are not the server itself (``sudo``):

    - re-checks the record rules on the records as they are *after* the write;
    - checks that every record a relational field is pointed at is one the user can read
      *before* the change (nobody points at what they cannot see, and a change that would
      widen one's own scope, e.g. a centre added to one's own teacher record, cannot
      vouch for itself);
    - refuses ``_scope_admin_fields`` (they decide who sees what) unless the user is a
      Smart Kids administrator;
    - refuses fields that are read-only at the model level (states, figures computed from
      the data, who did what) and ``_scope_workflow_fields``: they change only through the
      record's own methods, which check the user's right and then call
      ``_scope_write_workflow``. A new record may only give them their starting value;
    - refuses ``_scope_self_user_fields`` ("checked in by") set to anyone but the user.
    """

    _name = "smart_kids.scoped.mixin"
    _description = "Smart Kids Scope Re-check"

    # Fields that decide scope: set by Smart Kids administrators only.
    _scope_admin_fields = ()
    # Fields that follow a workflow (besides read-only ones): set by the model's methods only.
    _scope_workflow_fields = ()
    # "Done by" fields: a user may only name themselves.
    _scope_self_user_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        self._check_scope_fields_writable(vals_list, creating=True)
        for vals in vals_list:
            self._check_scope_targets(vals)
        return super().create(vals_list)  # Odoo checks the rules on the new records

    def write(self, vals):
        if self.env.su or not self:
            return super().write(vals)
        self._check_scope_fields_writable([vals])
        self._check_scope_targets(vals)
        result = super().write(vals)
        self.check_access("write")
        return result

    def _scope_write_workflow(self, vals):
        """Write workflow fields from the model's own methods, once the method checked the
        step is allowed: the user must be able to write these records; the values are the
        method's, so they are written as the server."""
        self.check_access("write")
        return self.sudo().write(vals)

    def _check_scope_fields_writable(self, vals_list, creating=False):
        fnames = set().union(*vals_list) if vals_list else set()
        locked = set(self._scope_workflow_fields) & fnames
        locked |= {
            name
            for name in fnames
            if name in self._fields
            and self._fields[name].readonly
            and (not creating or self._fields[name].compute)
        }
        if creating and locked:
            # a new record may only start where its workflow starts
            defaults = self.default_get(list(locked))
            locked = {
                name
                for name in locked
                for vals in vals_list
                if vals.get(name) and vals[name] != defaults.get(name)
            }
        if locked:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(model)s change only through the buttons on the record.",
                    fields=", ".join(self._scope_field_labels(locked)),
                    model=self._scope_model_label(),
                )
            )
        admin_only = {
            name
            for name in set(self._scope_admin_fields) & fnames
            for vals in vals_list
            if self._scope_changes(name, vals[name], creating)
        }
        if admin_only and not self.env.user.has_group("smart_kids.smart_kids_group_admin"):
            raise AccessError(
                self.env._(
                    "Only a Smart Kids administrator may set %(fields)s of %(model)s.",
                    fields=", ".join(self._scope_field_labels(admin_only)),
                    model=self._scope_model_label(),
                )
            )
        for name in set(self._scope_self_user_fields) & fnames:
            if any(vals.get(name) not in (None, False, self.env.uid) for vals in vals_list):
                raise AccessError(
                    self.env._(
                        "%(field)s can only be yourself.",
                        field=self._fields[name]._description_string(self.env),
                    )
                )

    def _check_centre_agrees(self, *fnames):
        """The records in ``fnames`` belong to this record's centre (a check-in of another
        centre's child under mine, a photo of my lunch on another centre's activity...)."""
        for record in self.sudo():
            for name in fnames:
                strangers = record[name].filtered(
                    lambda other, r=record: other.centre_id != r.centre_id
                )
                if strangers:
                    raise ValidationError(
                        self.env._(
                            "%(others)s (%(field)s) belongs to another centre than %(centre)s.",
                            others=", ".join(strangers.mapped("display_name")),
                            field=record._fields[name]._description_string(self.env),
                            centre=record.centre_id.display_name,
                        )
                    )

    def _scope_changes(self, name, value, creating):
        """Whether ``value`` changes field ``name`` (forms send unchanged or empty values)."""
        if creating:
            return bool(value)
        field = self._fields[name]
        if field.type == "many2one":
            return any(record[name].id != (value or False) for record in self)
        return True

    def _scope_model_label(self):
        """The model's name in the user's language (``_description`` is the English one)."""
        return self.env["ir.model"]._get(self._name).with_context(lang=self.env.lang).name

    def _scope_field_labels(self, fnames):
        return sorted(self._fields[name]._description_string(self.env) for name in fnames)

    @api.model
    def _check_scope_targets(self, vals):
        """Every existing record that ``vals`` links to must be readable by the user."""
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field and field.relational and value:
                ids = _linked_ids(field, value)
                if ids:
                    self.env[field.comodel_name].browse(ids).check_access("read")


def _linked_ids(field, value):
    """Ids of existing records that a create/write value links to."""
    if field.type == "many2one":
        return [value] if isinstance(value, int) else list(getattr(value, "ids", []))
    ids = []
    for command in value:
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == 6:
                ids.extend(command[2] or [])
            elif command[0] in (1, 4) and command[1]:
                ids.append(command[1])
    return ids
