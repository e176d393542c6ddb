from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

VACCINATION_SOURCES = [
    ("mch_book", "Mother and Child Health Book"),
    ("hospital", "Hospital / Health Centre Record"),
    ("centre", "Given at the Centre"),
    ("guardian", "Reported by Guardian"),
    ("certificate", "Vaccination Certificate"),
]


class SmartKidsVaccinationBase(models.AbstractModel):
    """What a vaccination record is, for a child or a teacher (on the model of
    ``hr.employee.base``): the vaccine, the dose, the date, where it is written down."""

    _name = "smart_kids.vaccination.base"
    _description = "Vaccination (shared fields)"
    _order = "date desc, id desc"
    _rec_name = "vaccine_id"

    vaccine_id = fields.Many2one("smart_kids.vaccine", required=True, ondelete="restrict")
    dose = fields.Integer(default=1, required=True)
    date = fields.Date(required=True)
    source = fields.Selection(VACCINATION_SOURCES, required=True, default="certificate")

    def _vaccination_birth_date(self):
        """The vaccinated person's birth date, when known (no dose before it)."""
        return False

    @api.constrains("dose", "date", "vaccine_id")
    def _check_vaccination(self):
        for record in self:
            if not 1 <= record.dose <= max(record.vaccine_id.dose_count, 1):
                raise ValidationError(
                    self.env._(
                        "%(vaccine)s has %(count)s dose(s); dose %(dose)s does not exist.",
                        vaccine=record.vaccine_id.name,
                        count=record.vaccine_id.dose_count,
                        dose=record.dose,
                    )
                )
            if record.date > fields.Date.context_today(record):
                raise ValidationError(self.env._("A vaccination date cannot be in the future."))
            birth_date = record._vaccination_birth_date()
            if birth_date and record.date < birth_date:
                raise ValidationError(
                    self.env._("A vaccination date cannot be before the birth date.")
                )
