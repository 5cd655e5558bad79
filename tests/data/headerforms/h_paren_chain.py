x = (revision) = "y"
(down_revision) = x
