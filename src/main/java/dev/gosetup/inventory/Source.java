package dev.gosetup.inventory;

/** Who put a Go there: tells the user how it is removed or updated (e.g. `brew uninstall go@1.21`). */
public enum Source {
    /** ~/sdk/goX.Y.Z: Go Setup Assistant or golang.org/dl (same layout) */
    SDK,
    /** /usr/local/go: the official .pkg or tarball */
    OFFICIAL,
    HOMEBREW, MACPORTS,
    /** /usr/lib/go-1.NN (Debian, Ubuntu), /usr/lib/golang (Fedora) */
    DISTRO,
    SNAP, ASDF, MISE, GOENV, GVM,
    /** voidint/g */
    G,
    /** downloaded by GOTOOLCHAIN into the module cache */
    TOOLCHAIN,
    /** C:\Program Files\Go (the MSI) */
    WINDOWS, SCOOP,
    /** a Windows Go seen from WSL under /mnt/c */
    WSL_WINDOWS,
    /** found only through PATH */
    PATH
}
