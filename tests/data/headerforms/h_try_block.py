try:
    revision = "t"
except ImportError:
    revision = "u"
down_revision = None
