package dev.gosetup.release;

import dev.gosetup.i18n.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file name a release list gives, checked: the only way such a name becomes a file in the install root
 * or a part of a download URL. It has one of go.dev's shapes ({@code go1.22.5.linux-amd64.tar.gz},
 * {@code .zip}, {@code .pkg}, {@code .msi}, {@code go1.22.5.src.tar.gz}), so it holds no separator, no
 * {@code ..}, no drive letter, no control character and no percent sign, and it cannot climb out of the
 * folder it is put in. {@link #of} also demands that it agrees with its entry's version, os, arch and kind.
 */
public final class ArchiveName {
    /** Longer than any real name (the longest, go1.4.2.darwin-amd64-osx10.8.tar.gz, has 38). */
    static final int MAX_LENGTH = 100;
    /**
     * go.dev's names: version, then "src" or os-arch (darwin builds before go1.5 add "-osx10.N"), then the
     * extension. Bounded digit runs keep every number inside an int.
     */
    private static final Pattern OFFICIAL = Pattern.compile(
            "(go[0-9]{1,4}(?:\\.[0-9]{1,4}){0,2}(?:(?:beta|rc)[0-9]{1,4})?)"
                    + "\\.(?:(src)|([a-z0-9]{1,16})-([a-z0-9]{1,16})(-osx10\\.[0-9]{1,2})?)"
                    + "\\.(tar\\.gz|zip|pkg|msi)");

    private final String name;
    private final String version;
    private final String os;
    private final String arch;
    private final String extension;

    private ArchiveName(Matcher m) {
        this.name = m.group();
        this.version = m.group(1);
        this.os = m.group(2) != null ? "" : m.group(3);
        this.arch = m.group(2) != null ? "" : m.group(4);
        this.extension = m.group(6);
    }

    /** A name of go.dev's shape (--archive FILE's name), without an entry to agree with. */
    public static Optional<ArchiveName> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = OFFICIAL.matcher(text);
        if (!m.matches() || m.group(2) != null && !m.group(6).equals("tar.gz")) {
            return Optional.empty(); // the source comes as .src.tar.gz only
        }
        return Optional.of(new ArchiveName(m));
    }

    /**
     * The checked name of a file a release list gives for {@code release}.
     *
     * @throws ReleaseListException when the entry is unusable: the list is bad, and nothing may be fetched
     */
    public static ArchiveName of(GoVersion release, GoFile file) {
        Optional<Problem> problem = problem(release, file);
        if (problem.isPresent()) {
            throw new ReleaseListException(Problem.of("releaseList.badEntry", release.name(), printable(file.platform()),
                    printable(file.filename()), problem.get()));
        }
        return parse(file.filename()).orElseThrow();
    }

    /** Why a release list entry cannot be used (keys {@code releaseList.entry.*}); empty when it can. */
    public static Optional<Problem> problem(GoVersion release, GoFile file) {
        String n = file.filename();
        if (n == null || n.isEmpty()) {
            return Optional.of(Problem.of("releaseList.entry.empty"));
        }
        if (n.length() > MAX_LENGTH) {
            return Optional.of(Problem.of("releaseList.entry.tooLong", MAX_LENGTH));
        }
        if (n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of(Problem.of("releaseList.entry.control"));
        }
        if (n.contains("/") || n.contains("\\") || n.contains("..") || n.contains(":")) {
            return Optional.of(Problem.of("releaseList.entry.path"));
        }
        Optional<ArchiveName> parsed = parse(n);
        if (parsed.isEmpty()) {
            return Optional.of(Problem.of("releaseList.entry.notGoName"));
        }
        ArchiveName a = parsed.get();
        String fileVersion = file.version() == null || file.version().isEmpty() ? a.version : file.version();
        if (!a.version.equals(fileVersion) || !GoVersion.parse(a.version).map(release::sameAs).orElse(false)) {
            return Optional.of(Problem.of("releaseList.entry.otherVersion", release.name()));
        }
        if (!a.os.equals(nullToEmpty(file.os())) || !a.arch.equals(nullToEmpty(file.arch()))) {
            return Optional.of(Problem.of("releaseList.entry.otherPlatform", printable(file.platform())));
        }
        if (!a.kind().equals(file.kind())) {
            return Optional.of(Problem.of("releaseList.entry.otherKind", printable(String.valueOf(file.kind()))));
        }
        return Optional.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** An untrusted text fit for a message or a terminal: control characters escaped, at most 60 characters. */
    public static String printable(String untrusted) {
        if (untrusted == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        untrusted.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return untrusted.codePointCount(0, untrusted.length()) > 60 ? out.append('…').toString() : out.toString();
    }

    /** "archive", "installer" or "source", as go.dev's list says it for this name. */
    public String kind() {
        if (os.isEmpty()) {
            return "source";
        }
        return extension.equals("pkg") || extension.equals("msi") ? "installer" : "archive";
    }

    public boolean isZip() {
        return extension.equals("zip");
    }

    /** "go1.22.5.linux-amd64.tar.gz" */
    public String name() {
        return name;
    }

    /** "go1.22.5" */
    public String version() {
        return version;
    }

    /** "linux"; empty for the source archive */
    public String os() {
        return os;
    }

    /** "amd64"; empty for the source archive */
    public String arch() {
        return arch;
    }

    /** The name as one URL path segment: encoded, although go.dev's shapes never need it. */
    public String urlSegment() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveName a && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
