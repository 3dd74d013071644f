package dev.gosetup.project;

import java.nio.file.Path;

/**
 * What one line of one project file asks for.
 *
 * @param source  which kind of file
 * @param file    the file
 * @param line    its line (1-based)
 * @param key     the key on that line: go, toolchain (go.mod, go.work), golang or go (.tool-versions), "" (.go-version)
 * @param raw     the value as written, control characters removed and cut to 100 characters
 * @param kind    how to read it
 * @param version the version without "go" ("1.22", "1.22.12", "1.23rc1"); for {@link Kind#LINE} the line
 *                ("1.22"); null for {@link Kind#DEFAULT} and {@link Kind#INVALID}
 */
public record Request(Source source, Path file, int line, String key, String raw, Kind kind, String version) {

    public enum Source {
        GO_WORK("go.work"), GO_MOD("go.mod"), GO_VERSION(".go-version"), TOOL_VERSIONS(".tool-versions");

        public final String fileName;

        Source(String fileName) {
            this.fileName = fileName;
        }

        /** go.work and go.mod are read by the go command itself; the others by goenv, asdf, mise, setup-go. */
        public boolean readByGo() {
            return this == GO_WORK || this == GO_MOD;
        }
    }

    public enum Kind {
        /** go.mod/go.work {@code go} line: at least this version (1.22 means 1.22.0 from Go 1.21 on). */
        MINIMUM,
        /** {@code toolchain} line: the toolchain to use when it is newer than the go line. */
        TOOLCHAIN,
        /** {@code toolchain default}: never switch beyond what GOTOOLCHAIN says. */
        DEFAULT,
        /** .go-version/.tool-versions with a full version: exactly this. */
        EXACT,
        /** .go-version/.tool-versions "1.22" or "1.22.x": the newest patch of that line. */
        LINE,
        /** Not a version gosetup or the go command can use (e.g. "latest", "system", a typo). */
        INVALID
    }

    /** Printable excerpt of an outside value: no control characters, at most 100 characters. */
    static String shown(String s) {
        String clean = s.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
