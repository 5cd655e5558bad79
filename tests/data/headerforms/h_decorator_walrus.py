revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
@(depends_on := (lambda f: f))
def g():
    pass
