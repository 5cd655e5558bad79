x = (revision) = "y"
(down_revision) = None
