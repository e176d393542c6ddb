# Abstract models first: the models below inherit them as they are defined.
from . import smart_kids_scoped_mixin  # isort: skip
from . import smart_kids_vaccination_base  # isort: skip
from . import smart_kids_centre_day_record  # isort: skip
from . import base_buddhist_era
from . import ir_actions_report
from . import res_partner
from . import res_users
from . import res_users_home
from . import res_users_role
from . import smart_kids_absence
from . import smart_kids_allergen
from . import smart_kids_area
from . import smart_kids_attendance
from . import smart_kids_centre
from . import smart_kids_centre_closure
from . import smart_kids_child
from . import smart_kids_child_allergy
from . import smart_kids_child_dspm
from . import smart_kids_child_growth_chart
from . import smart_kids_child_guardian
from . import smart_kids_child_pickup
from . import smart_kids_child_vaccination
from . import smart_kids_child_vaccination_plan
from . import smart_kids_classroom
from . import smart_kids_day_activity
from . import smart_kids_demo_history
from . import smart_kids_dish
from . import smart_kids_dspm_age
from . import smart_kids_dspm_screening
from . import smart_kids_growth_measurement
from . import smart_kids_hooks
from . import smart_kids_lunch
from . import smart_kids_outbreak_signal
from . import smart_kids_photo
from . import smart_kids_teacher
from . import smart_kids_teacher_qualification
from . import smart_kids_teacher_vaccination
from . import smart_kids_teacher_work
from . import smart_kids_unaccounted_case
from . import smart_kids_vaccine
from . import smart_kids_vaccine_dose
