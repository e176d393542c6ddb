from . import line_link_slip
