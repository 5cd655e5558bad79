[revision, [down_revision]] = ["r", ["d"]]
