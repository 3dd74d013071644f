#!/bin/sh
# The command behind /usr/bin/gosetup and the menu entry: starts the runtime's java with the options of
# gosetup.cfg beside this file, exactly as jpackage's own launcher (/opt/gosetup/bin/gosetup) does, but without
# its package look-up. Before that launcher starts Java it asks rpm and dpkg, twice, which package owns it, and
# `dpkg -S` reads every installed package's file list: 0.1-0.4 s of every start (docs/benchmarks.md).
# bin/gosetup stays in the package and still works; this file is what users run.
set -e
self=$(readlink -f -- "$0")
app=$(dirname -- "$self")
quote() { printf "'%s' " "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
options=
main=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    java-options=*)
      value=${line#java-options=}
      # jpackage's one substitution: $APPDIR is this folder
      case $value in *'$APPDIR'*) value="${value%%\$APPDIR*}$app${value#*\$APPDIR}" ;; esac
      options="$options$(quote "$value")" ;;
    app.mainmodule=*) main=${line#app.mainmodule=} ;;
  esac
done < "$app/gosetup.cfg"
[ -n "$main" ] || { echo "gosetup: $app/gosetup.cfg names no main module; reinstall the package" >&2; exit 1; }
. "$app/utf8-locale.sh"
# The options, the property jpackage's launcher sets, the module, then the user's own arguments untouched.
eval "set -- $options$(quote "-Djpackage.app-path=$self")-m $(quote "$main")"' "$@"'
exec "$app/../runtime/bin/java" "$@"
