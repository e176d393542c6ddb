from . import van
