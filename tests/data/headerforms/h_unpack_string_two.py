revision, down_revision = "rd"
