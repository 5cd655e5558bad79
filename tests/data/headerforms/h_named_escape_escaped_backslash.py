revision = "a\\N{x}"
down_revision = None
