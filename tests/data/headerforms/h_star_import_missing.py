revision = "r"
down_revision = None
from string import *
