# Per-folder Go for projects that name their version only in .go-version or .tool-versions (on with
# `gosetup env --folder-versions`): go itself reads go.work and go.mod, not these files. On each change of
# folder, in such a folder, GOTOOLCHAIN=go1.X.Y@SUFFIX@ makes go run go1.X.Y from @SDK@/bin; outside it, the
# previous value comes back (unless it was changed by hand meanwhile).
set -g __gosetup_sdk @SDK@
function __gosetup_folder_go --on-variable PWD
    set -l want (__gosetup_folder_version)
    test -n "$want"; and set want "go$want@SUFFIX@"
    if set -q __gosetup_seen; and test "$__gosetup_seen" = "$want"
        return 0 # nothing changed since the last change of folder
    end
    set -g __gosetup_seen "$want"
    set -l ours
    if set -q _GOSETUP_TC; and test -n "$_GOSETUP_TC"; and set -q GOTOOLCHAIN; and test "$GOTOOLCHAIN" = "$_GOSETUP_TC"
        set ours 1
    end
    if test -n "$want"
        if test -z "$ours"
            if set -q GOTOOLCHAIN
                set -gx _GOSETUP_TC_PREV "=$GOTOOLCHAIN"
            else
                set -gx _GOSETUP_TC_PREV ""
            end
        end
        set -gx GOTOOLCHAIN $want
        set -gx _GOSETUP_TC $want
    else if set -q _GOSETUP_TC
        if test -n "$ours"
            if string match -q '=*' -- "$_GOSETUP_TC_PREV"
                set -gx GOTOOLCHAIN (string sub -s 2 -- "$_GOSETUP_TC_PREV")
            else
                set -e GOTOOLCHAIN
            end
        end
        set -e _GOSETUP_TC
        set -e _GOSETUP_TC_PREV
    end
end
# The version the folder's nearest .go-version, or else nearest .tool-versions with a golang or go entry, names
# (a line such as 1.22 or 1.22.x: its newest installed patch); nothing when there is none, or when a go.mod or
# go.work is above (go decides there), as `gosetup project` reads them.
function __gosetup_folder_version
    if set -q GOWORK; and test "$GOWORK" != off; and string match -q '/*' -- "$GOWORK"; and test -f "$GOWORK"
        return 0
    end
    set -l d $PWD
    set -l word
    while true
        test -f "$d/go.mod"; and return 0
        if test "$GOWORK" != off; and test -f "$d/go.work"
            return 0
        end
        if test -z "$word"; and test -f "$d/.go-version"
            set word (__gosetup_read_word "$d/.go-version" '')
            test -z "$word"; and set word -
        end
        if test -z "$word"; and test -f "$d/.tool-versions"
            set word (__gosetup_read_word "$d/.tool-versions" tool)
        end
        if test -z "$d"; or test "$d" = /
            break
        end
        set d (string replace -r '/[^/]*$' '' -- "$d")
    end
    set word (string replace -r '^go' '' -- "$word")
    if string match -qr '^1\.[0-9]{1,9}(\.[0-9]{1,9}|(rc|beta)[1-9][0-9]{0,8})$' -- "$word"
        echo $word
        return 0
    end
    string match -qr '^1\.[0-9]{1,9}(\.x)?$' -- "$word"; or return 0
    set -l line (string replace -r '\.x$' '' -- "$word")
    set -l best -1
    for dir in $__gosetup_sdk/go$line.*
        set -l p (string replace -- "$__gosetup_sdk/go$line." '' "$dir")
        string match -qr '^[0-9]{1,9}$' -- "$p"; or continue
        test -x "$dir/bin/go"; or continue
        test "$p" -gt "$best"; and set best $p
    end
    test "$best" -ge 0; and echo "$line.$best"
    return 0
end
# The first word of the first line that is not blank or a comment; with 'tool', the version of the golang or go
# entry. Only a regular file of at most @MAX@ bytes is read, so a FIFO or a huge file cannot hold up the prompt.
function __gosetup_read_word -a file mode
    set -l size (wc -c < $file 2>/dev/null | string trim) # (string trim fails when there was nothing to trim)
    string match -qr '^[0-9]+$' -- "$size"; or return 0
    test "$size" -le @MAX@; or return 0
    for line in (cat -- $file)
        set line (string replace -r '^\x{FEFF}' '' -- "$line") # a byte order mark (Notepad's), as gosetup project drops it
        if test "$mode" = tool
            set line (string replace -r '#.*' '' -- "$line")
        end
        set -l words (string split -n ' ' -- (string replace -ra '[\t\r]' ' ' -- "$line"))
        test (count $words) -eq 0; and continue
        if test "$mode" != tool
            string match -q '#*' -- $words[1]; and continue
            echo $words[1]
            return 0
        end
        if contains -- $words[1] golang go; and test (count $words) -ge 2
            echo $words[2]
            return 0
        end
    end
end
set -e __gosetup_seen
__gosetup_folder_go # a new terminal that starts inside a project gets it at once
