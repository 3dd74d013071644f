package dev.gosetup.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /etc/os-release} (freedesktop.org): shell-style KEY=value lines, values possibly quoted. */
public record OsRelease(Map<String, String> values) {

    public static OsRelease parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Z0-9_]+")) {
                continue;
            }
            values.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return new OsRelease(Map.copyOf(values));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1);
        }
        return v.replaceAll("\\\\([\"'$`\\\\])", "$1");
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    /** "Ubuntu 24.04.1 LTS", or NAME and VERSION_ID when there is no PRETTY_NAME. */
    public Optional<String> prettyName() {
        return get("PRETTY_NAME").or(() -> get("NAME").map(n -> get("VERSION_ID").map(v -> n + " " + v).orElse(n)));
    }
}
