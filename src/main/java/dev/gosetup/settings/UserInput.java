package dev.gosetup.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The rules for what a user types into Settings, the same as the policy file's: a folder is absolute (or
 * ~/...), a proxy is http(s)://host:port, a release list or mirror is https://, file:, an absolute path, or
 * http:// for a host allowed plain HTTP. A blank field means "the default" (null).
 */
public final class UserInput {
    private UserInput() {}

    /** What is wrong, as a message key with its arguments. */
    public static final class Invalid extends IllegalArgumentException {
        private final String key;
        private final transient Object[] args;

        Invalid(String key, Object... args) {
            super(key + " " + List.of(args));
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** An absolute folder, "~/..." expanded under {@code home}; null when blank. */
    public static String folder(String text, Path home) {
        String v = blankToNull(text);
        if (v == null) {
            return null;
        }
        if (v.equals("~") || v.startsWith("~/")) {
            return home.resolve(v.substring(Math.min(2, v.length()))).normalize().toString();
        }
        if (!Path.of(v).isAbsolute()) {
            throw new Invalid("settings.input.relative", v);
        }
        return Path.of(v).normalize().toString();
    }

    /** http(s)://host:port, without a path or credentials; null when blank. */
    public static String proxy(String text) {
        String v = blankToNull(text);
        if (v == null || isProxyAddress(v)) {
            return v;
        }
        throw new Invalid("settings.input.proxy", v);
    }

    /**
     * The one rule for a proxy, typed here or set by a policy: http(s)://host[:port], nothing else — no path,
     * no query, and no user or password (a settings file or policy is readable; credentials are not kept there).
     */
    static boolean isProxyAddress(String v) {
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/");
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && bare && uri.getQuery() == null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A release list or mirror location; null when blank. */
    public static String location(String text, List<String> plainHttpHosts) {
        String v = blankToNull(text);
        if (v == null) {
            return null;
        }
        if (!v.contains("://")) {
            if (!Path.of(v).isAbsolute()) {
                throw new Invalid("settings.input.url", v);
            }
            return v;
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new Invalid("settings.input.url", v);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean fine = switch (scheme) {
            case "https" -> uri.getHost() != null;
            case "file" -> true;
            case "http" -> {
                if (uri.getHost() != null && !plainHttpHosts.contains(uri.getHost())) {
                    throw new Invalid("settings.input.plainHttp", v, uri.getHost());
                }
                yield uri.getHost() != null;
            }
            default -> false;
        };
        if (!fine) {
            throw new Invalid("settings.input.url", v);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
