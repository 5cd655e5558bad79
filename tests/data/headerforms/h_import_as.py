from os.path import sep as revision
down_revision = None
