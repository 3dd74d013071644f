package dev.gosetup.doctor;

import java.util.List;

/**
 * The result of one health check.
 *
 * @param id     stable identifier for scripts (no-go-on-path, goroot-mismatch, …)
 * @param key    resource-bundle prefix: KEY.title and KEY.detail (MessageFormat with {@code args})
 * @param args   facts: text, numbers, or a {@link dev.gosetup.i18n.Text} (a problem) that the face words in its language
 * @param fix    what --fix / the Fix button does, or null when the user must act
 */
public record Finding(String id, Status status, String key, List<Object> args, Fix fix) {
    public enum Status { OK, WARN, FAIL }

    /** A repair the app can make, described before it is made. */
    public enum Fix {
        /** write the shell environment (gosetup env --apply): our Go and GOPATH/bin first on PATH */
        APPLY_ENV,
        /** the same, commenting out the conflicting lines the user agrees to */
        APPLY_ENV_DISABLE_CONFLICTS,
        /** turn CRLF line endings into LF in a bash/zsh startup file (a backup first) */
        CRLF_TO_LF,
        /** put our block right below the line that undoes it (PATH set from scratch, another Go first), a backup first */
        PLACE_BLOCK_AFTER,
        /** fetch a version's archive and signature again, check both and the installed files, record the result */
        CHECK_SIGNATURE,
        /** reinstall a tool with the active Go (go install PATH@VERSION into the tool's folder; the old one kept on failure) */
        REBUILD_TOOL,
        /** point VS Code's go.goroot (user settings) at the active link ~/sdk/go, only that value's bytes changed, a backup first */
        POINT_VSCODE_GOROOT,
        /** Windows: put our Go before a machine-wide one in the machine Path (one UAC prompt), then read it again */
        FIX_MACHINE_PATH
    }

    public Finding {
        args = List.copyOf(args);
    }

    /**
     * The arguments as a sentence shows them: an argument that is a whole absolute path inside the home folder
     * reads from {@code ~} ({@link dev.gosetup.files.HomePaths}), as everywhere else in the app; everything else as it
     * is. Fixes act on {@link #args()}, the real paths.
     */
    public Object[] argsShown(java.nio.file.Path home) {
        return args.stream().map(a -> a instanceof String text ? shown(text, home) : a).toArray();
    }

    private static String shown(String text, java.nio.file.Path home) {
        if (home == null || text.isEmpty() || text.indexOf(java.io.File.pathSeparatorChar) >= 0 || text.contains("\n")) {
            return text; // a PATH value or a multi-line list is not one path
        }
        try {
            java.nio.file.Path p = java.nio.file.Path.of(text);
            return p.isAbsolute() ? dev.gosetup.files.HomePaths.display(p, home) : text;
        } catch (java.nio.file.InvalidPathException notAPath) {
            return text;
        }
    }

    /** An argument that is a fact of its own (a path, a line number) as text, e.g. for a fix to act on. */
    public String arg(int index) {
        return String.valueOf(args.get(index));
    }

    static Finding ok(String id, String key, Object... args) {
        return new Finding(id, Status.OK, key + ".ok", List.of(args), null);
    }

    static Finding warn(String id, String key, Fix fix, Object... args) {
        return new Finding(id, Status.WARN, key, List.of(args), fix);
    }

    static Finding fail(String id, String key, Fix fix, Object... args) {
        return new Finding(id, Status.FAIL, key, List.of(args), fix);
    }
}
