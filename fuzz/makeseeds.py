#!/usr/bin/env python3
"""Write raw seed inputs for every fuzz target into OUT/<target>/ (fuzz/README.md).

The saved corpora (fuzz/corpus/<target>/) are these seeds after libFuzzer's -merge=1 kept
the ones that add coverage, plus what fuzzing found since:
    fuzz/makeseeds.py /tmp/seeds && scripts/fuzz --merge /tmp/seeds
Sources: the demo project (resources/demo), projects from tests/fixtures/genproject.py, the
runner fixture, alembic's own templates, URLs from the tests and real alembic output.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = "/usr/bin/python3"
SEPARATOR = b"\n#@file\n"  # fuzz_revisiongraph.cpp splits its input here


def write(out, target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def projects(tmp):
    """(name, folder) of the demo and a few generated projects of different shapes."""
    yield "demo", os.path.join(ROOT, "resources", "demo")
    sys.path.insert(0, os.path.join(ROOT, "tests", "fixtures"))
    import genproject
    shapes = [
        dict(revisions=12, seed=1, styles="mixed", labels=2, depends=2),
        dict(revisions=20, seed=2, styles="old", id_style="digits"),
        dict(revisions=20, seed=3, styles="typed", id_style="words", labels=3, depends=3),
        dict(revisions=30, seed=4, styles="mixed", long_depends=2, merge_prob=0.4),
    ]
    for i, shape in enumerate(shapes):
        folder = os.path.join(tmp, "gen%d" % i)
        try:
            genproject.generate(folder, **shape)
        except TypeError:  # an argument this genproject does not know: the defaults then
            genproject.generate(folder, revisions=shape["revisions"], seed=shape["seed"])
        yield "gen%d" % i, folder


def versions(folder):
    return sorted(glob.glob(os.path.join(folder, "**", "versions", "*.py"), recursive=True))


def alembic_output(out, folder, name):
    """Real alembic output (stdout and stderr as the runner reads them) on a copy."""
    work = tempfile.mkdtemp()
    try:
        project = os.path.join(work, "p")
        shutil.copytree(folder, project)
        ini = os.path.join(project, "alembic.ini")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        for i, args in enumerate([["upgrade", "heads"], ["history", "--verbose"],
                                  ["current", "--verbose"], ["downgrade", "base"],
                                  ["upgrade", "nonexistent"], ["upgrade", "heads", "--sql"]]):
            run = subprocess.run([PYTHON, "-m", "alembic", "-c", ini] + args, cwd=project,
                                 env=env, capture_output=True, timeout=300)
            data = run.stdout + run.stderr
            # keep seeds small: the first lines show every shape
            data = b"\n".join(data.split(b"\n")[:200])
            write(out, "alembicoutput", "%s-%d" % (name, i), bytes([i * 7 + 3]) + data)
    finally:
        shutil.rmtree(work)


def main():
    out = sys.argv[1]
    tmp = tempfile.mkdtemp()
    try:
        for name, folder in projects(tmp):
            files = versions(folder)
            for path in files[:12]:
                write(out, "revisionfile", name + "-" + os.path.basename(path), read(path))
            write(out, "revisiongraph", name, SEPARATOR.join(read(p) for p in files[:64]))
            write(out, "alembicini", name + ".ini", read(os.path.join(folder, "alembic.ini")))
            alembic_output(out, folder, name)
    finally:
        shutil.rmtree(tmp)

    runner = os.path.join(ROOT, "tests", "fixtures", "runner_project")
    write(out, "alembicini", "runner.ini", read(os.path.join(runner, "alembic.ini")))
    for path in versions(runner):
        write(out, "revisionfile", "runner-" + os.path.basename(path), read(path))

    templates = glob.glob("/usr/lib/python3/dist-packages/alembic/templates/*/") + glob.glob(
        os.path.expanduser("~/.cache/retort/alembic/*/root/usr/lib/python3/dist-packages/"
                           "alembic/templates/*/"))
    for folder in sorted(templates):
        tag = "-".join(folder.rstrip("/").split("/")[-1:])
        suite = "sid" if "/sid/" in folder else "trixie" if "/trixie/" in folder else "deb12"
        for mako, target in [("alembic.ini.mako", "alembicini"),
                             ("pyproject.toml.mako", "pyproject")]:
            path = os.path.join(folder, mako)
            if os.path.exists(path):
                text = read(path).replace(b"${script_location}", b"migrations")
                write(out, target, "%s-%s-%s" % (suite, tag, mako), text)

    urls = set()
    for test in ["tst_sqlalchemyurl.cpp", "tst_connectionprofile.cpp", "tst_alembicconfig.cpp"]:
        text = read(os.path.join(ROOT, "tests", "model", test)).decode()
        urls.update(re.findall(r'"([a-z0-9+]+://[^"\\]*)"', text))
    for i, url in enumerate(sorted(urls)):
        write(out, "sqlalchemyurl", "url-%03d" % i, url)

    for name, text in TOML.items():
        write(out, "pyproject", name + ".toml", text)


TOML = {
    "tool-alembic": """[project]
name = "shop"
version = "1.0"
dependencies = ["alembic>=1.16", 'sqlalchemy']

[tool.alembic]
script_location = "%(here)s/migrations"
version_locations = ["%(here)s/migrations/versions", "%(here)s/more"]
prepend_sys_path = ["."]
path_separator = "os"
recursive_version_locations = true
file_template = "%%(year)d_%%(rev)s_%%(slug)s"

[[tool.alembic.post_write_hooks]]
name = "ruff"
type = "exec"
executable = "ruff"
options = "check --fix REVISION_SCRIPT_FILENAME"
""",
    "values": """# every kind of value
a.b."c d" = { x = 1, y = [1, 2.5, -3e2, +inf, nan], z = { w = true } }
int = 0x_dead_beef
ints = [ 0o755, 0b1010, 1_000, -0, +7 ]
s1 = "tab\\tunicode\\u00e9\\U0001F600"
s2 = 'C:\\literal'
s3 = \"\"\"
multi \\
  line\"\"\"
s4 = '''
raw ''
'''
dt = 1979-05-27T07:32:00-08:00
ldt = 1979-05-27 07:32:00.999
d = 1979-05-27
t = 07:32:00
[[fruit]]
name = "apple"
[fruit.physical]
color = "red"
[[fruit]]
name = "banana"
[tool.alembic]
script_location = "migrations"
""",
}

if __name__ == "__main__":
    main()
