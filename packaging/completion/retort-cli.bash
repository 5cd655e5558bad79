# bash completion for retort-cli (installed as share/bash-completion/completions/retort-cli).
# Subcommands and their options follow app/cli/*command.cpp; tests/package/tst_package checks
# them against `retort-cli --help`. Revision ids come from the project itself:
# `retort-cli [-c CONFIG] [-n SECTION] history`, which reads the files without running Python.

# The project's revision ids, newest first; nothing when the project does not load.
_retort_cli_revisions()
{
    local -a project=()
    local i
    # -c/-n may stand anywhere on the line (retort-cli reads them before and after COMMAND).
    for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
        case "${COMP_WORDS[i]}" in
            -c | --config | -n | --name)
                ((i + 1 != COMP_CWORD)) && project+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}")
                ;;
            --config=* | --name=*) project+=("${COMP_WORDS[i]}") ;;
        esac
    done
    # Paths as typed: expand a leading ~ the way the shell would when running the command.
    for ((i = 0; i < ${#project[@]}; i++)); do
        [[ ${project[i]} == "~"* ]] && project[i]="${HOME}${project[i]:1}"
    done
    # `history` lines read "<down> -> <rev> (labels) (head), message": the id follows "-> ".
    local line rev
    while IFS= read -r line; do
        rev="${line#* -> }"
        rev="${rev%%[ ,]*}"
        [[ -n $rev ]] && printf '%s\n' "$rev"
    done < <(retort-cli "${project[@]}" history 2>/dev/null)
}

_retort_cli()
{
    local cur prev
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev=""
    ((COMP_CWORD > 0)) && prev="${COMP_WORDS[COMP_CWORD - 1]}"
    COMPREPLY=()

    local commands="graph heads history lint current plan compare export ops tables schema stairway help"
    local global="-c --config -n --name --version -h --help"

    # The subcommand: the first word that is neither an option nor an option's value; then
    # how many plain arguments follow it (plan's direction and target, ops' revision).
    local command="" i word
    local -i positional=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            -c | --config | -n | --name | --current | --revision | --at | -f | --format | -o | \
                --output | --version-table | --version-table-schema | --alembic-version)
                ((i++))
                ;;
            --url)
                # plan takes a bare --url (the ini's database): only a URL is its value
                [[ ${COMP_WORDS[i + 1]} == *://* ]] && ((i++))
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command="$word"
                else
                    positional+=1
                fi
                ;;
        esac
    done

    # Values of options: files, formats, revisions; nothing for URLs and names.
    case "$prev" in
        -c | --config)
            compopt -o filenames 2>/dev/null
            # alembic.ini, pyproject.toml or any other .ini/.toml, and folders to walk into
            local path
            while IFS= read -r path; do
                [[ -d $path || $path == *.ini || $path == *.toml ]] && COMPREPLY+=("$path")
            done < <(compgen -f -- "$cur")
            return
            ;;
        -o | --output)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        -f | --format)
            mapfile -t COMPREPLY < <(compgen -W "dot svg png" -- "$cur")
            return
            ;;
        --current | --revision)
            mapfile -t COMPREPLY < <(compgen -W "$(_retort_cli_revisions)" -- "$cur")
            return
            ;;
        --at)
            mapfile -t COMPREPLY < <(compgen -W "heads head base $(_retort_cli_revisions)" -- "$cur")
            return
            ;;
        -n | --name | --url | --version-table | --version-table-schema | --alembic-version)
            return
            ;;
    esac

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$global" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
        fi
        return
    fi

    local options="" words=""
    case "$command" in
        graph) options="--json --alembic-version" ;;
        heads | history) options="--alembic-version" ;;
        lint | tables) options="--json --alembic-version" ;;
        current) options="--url --version-table --version-table-schema" ;;
        plan)
            options="--current --at-base --url --purge --json --alembic-version"
            if ((positional == 0)); then
                words="upgrade downgrade stamp"
            else
                words="heads head base $(_retort_cli_revisions)"
            fi
            ;;
        compare) options="--url --revision --json --alembic-version" ;;
        export) options="--format -f --output -o" ;;
        ops)
            options="--json --alembic-version"
            ((positional == 0)) && words="$(_retort_cli_revisions)"
            ;;
        schema) options="--at --json --alembic-version" ;;
        stairway) options="--url --json --alembic-version" ;;
    esac
    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$options -c --config -n --name" -- "$cur")
    elif [[ -n $words ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
    fi
}

complete -F _retort_cli retort-cli
