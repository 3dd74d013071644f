package dev.gosetup.mirror.sumdb;

/** golang.org/x/mod/module's case escaping for proxy and sumdb paths: an upper-case letter becomes '!' + lower case. */
public final class ModulePaths {
    private ModulePaths() {}

    public static String escape(String pathOrVersion) {
        StringBuilder sb = new StringBuilder();
        for (char c : pathOrVersion.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                sb.append('!').append((char) (c + ('a' - 'A')));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
