#!/usr/bin/env bash
# tst_completion: the bash and zsh completion of retort-cli (packaging/completion), run for
# real against the built retort-cli and the demo project: bash through the completion
# function with COMP_WORDS/COMP_CWORD set, zsh through its completion system on a
# pseudo-terminal (zcomplete.zsh). The subcommands must be exactly those `--help` lists.
#   tst_completion.sh SOURCE_DIR RETORT_CLI
set -uo pipefail

source_dir=$1
cli=$2
bash_completion="$source_dir/packaging/completion/retort-cli.bash"
zsh_dir="$source_dir/packaging/completion"
demo="$source_dir/resources/demo/alembic.ini"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
command -v zsh >/dev/null || { echo "FAIL: zsh is not installed (scripts/setup installs it)" >&2; exit 1; }

# retort-cli as the completion calls it: by name, from PATH.
work=$(mktemp -d "${TMPDIR:-/tmp}/tst_completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/project"
ln -s "$cli" "$work/bin/retort-cli"
export PATH="$work/bin:$PATH"

# What the project really holds, from retort-cli itself.
mapfile -t heads < <(retort-cli -c "$demo" heads)
[ "${#heads[@]}" -ge 2 ] || { echo "FAIL: the demo has ${#heads[@]} heads" >&2; exit 1; }
revisions=$(retort-cli -c "$demo" graph --json | python3 -c \
  'import json,sys; print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["revisions"])))')
first=${heads[0]}

# The subcommands `retort-cli --help` lists (its "commands:" section) and "help".
help_commands=$(retort-cli --help | sed -n '/^commands:/,/^options:/p' |
  sed -nE 's/^  ([a-z]+)( .*)?$/\1/p' | sort -u | tr '\n' ' ')
help_commands="$(printf '%s\n' $help_commands help | sort -u | tr '\n' ' ')"

# expect NAME "WORDS..." EXPECTED-SORTED-LIST; the last word is the one completed.
bash_complete() {
  # shellcheck disable=SC1090
  bash --norc --noprofile -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    _retort_cli
    ((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" "$@" | sort -u | tr '\n' ' '
}
zsh_complete() {
  zsh -f "$source_dir/tests/package/zcomplete.zsh" "$zsh_dir" "$*" | sort -u | tr '\n' ' '
}
check() {
  local shell=$1 expected=$2
  shift 2
  local got
  got=$("${shell}_complete" "$@")
  if [ "$got" = "$expected" ]; then
    echo "PASS: $shell: [$*] -> $got"
  else
    fail "$shell: [$*] -> '$got', expected '$expected'"
  fi
}
sorted() { printf '%s\n' "$@" | sort -u | tr '\n' ' '; }
with_prefix() {
  local p=$1 w out=()
  shift
  for w in "$@"; do [[ $w == "$p"* ]] && out+=("$w"); done
  sorted "${out[@]}"
}
matching() { with_prefix "$1" $revisions; }

cd "$work/project" || exit 1
for shell in bash zsh; do
  # every subcommand --help names, and no other
  if [ "$shell" = bash ]; then check bash "$help_commands" retort-cli ""; fi
  # the subcommands a prefix selects
  check "$shell" "$(sorted plan)" retort-cli pl
  check "$shell" "$(sorted schema stairway)" retort-cli s
  # plan's direction, then revisions (and keywords) from the project given with -c
  check "$shell" "$(sorted downgrade stamp upgrade)" retort-cli -c "$demo" plan ""
  check "$shell" "$(matching "${first:0:2}")" retort-cli -c "$demo" plan upgrade "${first:0:2}"
  # -c after the command counts too, and --current/--revision/--at take revisions
  check "$shell" "$(matching "${first:0:1}")" retort-cli plan downgrade base -c "$demo" --current "${first:0:1}"
  check "$shell" "$(matching "${first:0:2}")" retort-cli -c "$demo" ops "${first:0:2}"
  check "$shell" "$(matching "${first:0:1}")" retort-cli -c "$demo" compare --url sqlite:// --revision "${first:0:1}"
  check "$shell" "$(sorted base)" retort-cli -c "$demo" schema --at ba
  # no project here: no revisions, and no error text among the candidates
  check "$shell" "" retort-cli ops ""
  # option values: formats; options of a subcommand
  check "$shell" "$(sorted dot png svg)" retort-cli export --format ""
  check "$shell" "$(sorted --url --json --alembic-version --config --name)" retort-cli stairway --
done
# the full option list of bash (zsh lists only the options not given yet, with short forms)
check bash "$(sorted -c --config -n --name --version -h --help)" retort-cli -
check zsh "$(sorted --config --name --version --help)" retort-cli --

# -c completes project files and folders, nothing else
mkdir -p "$work/project/sub"
touch "$work/project/alembic.ini" "$work/project/pyproject.toml" "$work/project/notes.txt"
check bash "$(sorted alembic.ini pyproject.toml sub)" retort-cli -c ""
got=$(zsh_complete retort-cli -c "")
for want in alembic.ini pyproject.toml sub; do
  [[ " $got " == *" $want"* ]] || fail "zsh: -c offers '$got', without $want"
done
[[ $got == *notes.txt* ]] && fail "zsh: -c offers notes.txt: $got"

zsh -n "$zsh_dir/_retort-cli" || fail "zsh -n _retort-cli"
bash -n "$bash_completion" || fail "bash -n retort-cli.bash"

if [ "$failures" -gt 0 ]; then
  echo "tst_completion: $failures failure(s)" >&2
  exit 1
fi
echo "tst_completion: all checks passed"
