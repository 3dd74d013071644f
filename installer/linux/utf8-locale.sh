# Sourced by the gosetup launchers (lib/app/gosetup.sh; target/gosetup has it inlined) before Java starts.
# Java names files in the locale's character set (sun.jnu.encoding), and Go's own archive has a file named
# test/fixedbugs/issue27836.dir/Äfoo.go: under the C or POSIX locale (LANG unset or C: containers, ssh, cron) or
# one that is not installed (setlocale then falls back to C), that set is ASCII and no install could write it.
# Then Java runs under C.UTF-8, where it exists, and the user's own variables are kept for the language gosetup
# speaks (i18n/SystemLocale reads them back). Only then: a user of another character set (zh_CN.GB18030, say)
# has their terminal and their own file names in it, so Java keeps their locale (GB18030 names every file; an
# 8-bit set that cannot gets a message saying so and what to do).
if [ "$(locale charmap 2>/dev/null)" = "ANSI_X3.4-1968" ] && locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
  export GOSETUP_LOCALE_SAVED=1 GOSETUP_USER_LC_ALL="${LC_ALL-}" GOSETUP_USER_LC_MESSAGES="${LC_MESSAGES-}" \
    GOSETUP_USER_LANG="${LANG-}"
  export LC_ALL=C.UTF-8
fi
