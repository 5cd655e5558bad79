revision = "a\N{LATIN SMALL LETTER E WITH ACUTE}"
down_revision = None
