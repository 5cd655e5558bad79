import os
revision, down_revision = os.sep, None
