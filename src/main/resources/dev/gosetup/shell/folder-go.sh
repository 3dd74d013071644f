# Per-folder Go for projects that name their version only in .go-version or .tool-versions (on with
# `gosetup env --folder-versions`): go itself reads go.work and go.mod, not these files. On each prompt, in
# such a folder, GOTOOLCHAIN=go1.X.Y@SUFFIX@ makes go run go1.X.Y from @SDK@/bin; outside it, the previous
# value comes back (unless it was changed by hand meanwhile). bash and zsh only: sh has no prompt hook.
if [ -n "${BASH_VERSION-}" ] || [ -n "${ZSH_VERSION-}" ]; then
_gosetup_sdk=@SDK@
_gosetup_folder_go() {
  [ -n "${ZSH_VERSION-}" ] && emulate -L sh
  local want= ours=
  _gosetup_folder_version
  [ -n "$_gosetup_v" ] && want="go$_gosetup_v@SUFFIX@"
  [ "${_gosetup_seen-x}" = "$want" ] && return 0 # nothing changed since the last prompt
  _gosetup_seen=$want
  [ -n "${_GOSETUP_TC-}" ] && [ "${GOTOOLCHAIN-}" = "$_GOSETUP_TC" ] && ours=1
  if [ -n "$want" ]; then
    [ -z "$ours" ] && _GOSETUP_TC_PREV="${GOTOOLCHAIN+=}${GOTOOLCHAIN-}" # "=value", or "" when it was unset
    GOTOOLCHAIN=$want _GOSETUP_TC=$want
    export GOTOOLCHAIN _GOSETUP_TC _GOSETUP_TC_PREV
  elif [ -n "${_GOSETUP_TC-}" ]; then
    if [ -n "$ours" ]; then
      case "${_GOSETUP_TC_PREV-}" in =*) GOTOOLCHAIN=${_GOSETUP_TC_PREV#=}; export GOTOOLCHAIN ;; *) unset GOTOOLCHAIN ;; esac
    fi
    unset _GOSETUP_TC _GOSETUP_TC_PREV
  fi
}
# Sets _gosetup_v to the version the folder's nearest .go-version, or else nearest .tool-versions with a golang
# or go entry, names (a line such as 1.22 or 1.22.x: its newest installed patch); empty when there is none, or
# when a go.mod or go.work is above (go decides there), as `gosetup project` reads them.
_gosetup_folder_version() {
  [ -n "${ZSH_VERSION-}" ] && emulate -L sh
  local d=$PWD word= rest minor
  _gosetup_v=
  case "${GOWORK-}" in ''|off) ;; /*) [ -f "$GOWORK" ] && return 0 ;; esac
  while :; do
    [ -f "$d/go.mod" ] && return 0
    [ "${GOWORK-}" != off ] && [ -f "$d/go.work" ] && return 0
    if [ -z "$word" ] && [ -f "$d/.go-version" ]; then
      word=$(_gosetup_read_word "$d/.go-version" '')
      [ -z "$word" ] && word=-
    fi
    if [ -z "$word" ] && [ -f "$d/.tool-versions" ]; then
      word=$(_gosetup_read_word "$d/.tool-versions" tool)
    fi
    if [ -z "$d" ] || [ "$d" = / ]; then break; fi
    d=${d%/*}
  done
  rest=${word#go}
  rest=${rest#1.}
  [ "$rest" = "${word#go}" ] && return 0 # not 1.something
  case "$rest" in
    ''|*[!0-9a-z.]*|*.*.*) return 0 ;;
    *.x) minor=${rest%.x} ;;
    *.*) minor=${rest%%.*}; rest=${rest#*.}
         case "$minor$rest" in *[!0-9]*) return 0 ;; esac
         [ -n "$minor" ] && [ -n "$rest" ] && _gosetup_v=1.$minor.$rest
         return 0 ;;
    *rc[1-9]*|*beta[1-9]*) minor=${rest%%[a-z]*}
         local pre=${rest#"$minor"} num
         num=${pre#rc}; [ "$num" = "$pre" ] && num=${pre#beta}
         [ "$num" = "$pre" ] && return 0 # neither rc nor beta
         case "$minor$num" in *[!0-9]*) return 0 ;; esac
         [ -n "$minor" ] && _gosetup_v=1.$rest
         return 0 ;;
    *) minor=$rest ;;
  esac
  case "$minor" in ''|*[!0-9]*) return 0 ;; esac
  local p best=-1 dir
  for dir in "$_gosetup_sdk/go1.$minor".*; do
    p=${dir##*/go1."$minor".}
    case "$p" in ''|*[!0-9]*|??????????*) continue ;; esac
    [ -x "$dir/bin/go" ] || continue
    [ "$p" -gt "$best" ] && best=$p
  done
  [ "$best" -ge 0 ] && _gosetup_v=1.$minor.$best
  return 0
}
# The first word of the first line that is not blank or a comment; with 'tool', the version of the golang or go
# entry. Only a regular file of at most @MAX@ bytes is read, so a FIFO or a huge file cannot hold up the prompt.
_gosetup_read_word() {
  [ -n "${ZSH_VERSION-}" ] && emulate -L sh
  local size w1 w2 rest IFS
  size=$(wc -c < "$1" 2>/dev/null) || return 0
  size=${size##* } # macOS's wc pads it
  [ "$size" -le @MAX@ ] 2>/dev/null || return 0
  IFS=$(printf ' \t\r')
  local bom
  bom=$(printf '\357\273\277') # a UTF-8 byte order mark (Notepad's), dropped as gosetup project drops it
  while read -r w1 w2 rest || [ -n "$w1" ]; do
    w1=${w1#"$bom"}
    case "$w1" in ''|'#'*) w1=; continue ;; esac
    if [ "$2" != tool ]; then echo "$w1"; return 0; fi
    w2=${w2%%#*}
    case "$w1" in golang|go) [ -n "$w2" ] && { echo "$w2"; return 0; } ;; esac
    w1=
  done < "$1"
}
if [ -n "${BASH_VERSION-}" ]; then
  case ";${PROMPT_COMMAND-};" in
    *";_gosetup_folder_go;"*) ;;
    *) PROMPT_COMMAND="_gosetup_folder_go${PROMPT_COMMAND:+;$PROMPT_COMMAND}" ;;
  esac
else
  autoload -Uz add-zsh-hook && add-zsh-hook precmd _gosetup_folder_go && add-zsh-hook chpwd _gosetup_folder_go
fi
unset _gosetup_seen
_gosetup_folder_go # a new terminal that starts inside a project, and `bash -lc`, get it at once
fi
