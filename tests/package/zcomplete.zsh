# Completes one command line with a real zsh completion system and prints the candidates,
# one per line: zsh -f zcomplete.zsh FPATH_DIR 'retort-cli pl'
# An interactive zsh runs on a pseudo-terminal (zsh/zpty); Tab runs complete-word, compadd is
# wrapped to print what it adds, and a post-completion hook ends the shell.
zmodload zsh/zpty || exit 2
fdir=$1 line=$2
zpty z zsh -f -i
zpty -w z "PROMPT= ; RPROMPT= ; fpath=($fdir \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false"
# Prints the candidates a completer adds, and adds them (completers look at the number of
# matches to decide on fallbacks); calls that collect into arrays (-O -A -D) go through.
zpty -w z 'compadd () { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi; typeset -a __hits; builtin compadd -A __hits "$@"; (( $#__hits )) || return 1; builtin compadd "$@"; print -rn -- $'"'"'\n'"'"'; print -rl -- "<<<"${^__hits}; }'
# The marker is split in the typed text, so the echo of this line never matches it.
zpty -w z 'comppostfuncs=(_zcomplete_done); _zcomplete_done() { print -rn -- $'"'"'\n'"'"'"<<<""END"; exit }'
zpty -w z "bindkey '^I' complete-word; bindkey '^M' undefined-key; bindkey '^J' undefined-key"
zpty -n -w z "$line"$'\t'
out=""
integer n=0
while (( n++ < 200 )); do
  zpty -r -t z chunk || { sleep 0.05; continue; }
  out+=$chunk
  [[ $out == *'<<<END'* ]] && break
done
zpty -d z
[[ $out == *'<<<END'* ]] || { print -u2 "zcomplete.zsh: no completion finished for '$line'"; exit 1; }
out=${out//$'\r'/}
print -rl -- ${${(M)${(f)out}:#<<<*}#<<<} | grep -v '^END'
exit 0
