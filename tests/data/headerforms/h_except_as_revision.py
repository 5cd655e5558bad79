revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
try:
    raise ValueError("v")
except ValueError as revision:
    pass
