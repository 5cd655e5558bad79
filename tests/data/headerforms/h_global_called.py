def f():
    global revision
    revision = "g"
revision = "a"
down_revision = None
f()
