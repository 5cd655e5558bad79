revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
exec("revision = 'e'")
