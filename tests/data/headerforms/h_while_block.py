down_revision = None
while True:
    revision = "w"
    break
