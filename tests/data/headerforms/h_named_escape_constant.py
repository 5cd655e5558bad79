X = "\N{DIGIT ONE}"
revision = X
down_revision = None
