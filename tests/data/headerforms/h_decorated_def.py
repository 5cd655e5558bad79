revision = "r1"
down_revision = None
branch_labels = None
depends_on = None
import functools
@functools.lru_cache
def revision():
    pass
