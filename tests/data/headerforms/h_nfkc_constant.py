ｘ = "a"
revision = x
down_revision = None
