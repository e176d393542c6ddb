"""Checks shared by child and staff vaccination records."""

from odoo import fields
from odoo.exceptions import ValidationError

VACCINATION_SOURCES = [
    ("mch_book", "Mother and Child Health Book"),
    ("hospital", "Hospital / Health Centre Record"),
    ("centre", "Given at the Centre"),
    ("guardian", "Reported by Guardian"),
    ("certificate", "Vaccination Certificate"),
]


def check_vaccination(record, birth_date=None):
    env = record.env
    if not 1 <= record.dose <= max(record.vaccine_id.dose_count, 1):
        raise ValidationError(
            env._(
                "%(vaccine)s has %(count)s dose(s); dose %(dose)s does not exist.",
                vaccine=record.vaccine_id.name,
                count=record.vaccine_id.dose_count,
                dose=record.dose,
            )
        )
    if record.date > fields.Date.context_today(record):
        raise ValidationError(env._("A vaccination date cannot be in the future."))
    if birth_date and record.date < birth_date:
        raise ValidationError(env._("A vaccination date cannot be before the birth date."))
