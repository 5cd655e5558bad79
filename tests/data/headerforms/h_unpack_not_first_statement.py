import os
x = 1
revision, down_revision = "a", "b"
