down_revision = None
ｒｅｖｉｓｉｏｎ = "fw"
