revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
__import__("builtins").exec("depends_on = 'di'")
