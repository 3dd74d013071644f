package dev.gosetup.fetch;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The user and password of a URL ({@code https://user:token@mirror/go/}). java.net.http never sends a
 * URL's user info, so a mirror that needs them would answer 401; they go as HTTP Basic instead, the way
 * curl and the go command send them, and only to that URL's own scheme, host and port: a redirect to
 * another host (a CDN) gets no credentials. Requests never carry the user info in their URI.
 */
public final class UrlCredentials {
    public static final UrlCredentials NONE = new UrlCredentials(null, null);

    private final String origin;
    private final String authorization;

    private UrlCredentials(String origin, String authorization) {
        this.origin = origin;
        this.authorization = authorization;
    }

    /** The credentials in {@code uri}, or {@link #NONE}. */
    public static UrlCredentials of(URI uri) {
        String[] userAndPassword = userAndPassword(uri);
        if (userAndPassword == null) {
            return NONE;
        }
        String basic = Base64.getEncoder().encodeToString((userAndPassword[0] + ":" + userAndPassword[1]).getBytes(StandardCharsets.UTF_8));
        return new UrlCredentials(origin(uri), "Basic " + basic);
    }

    /** The decoded user and password of {@code uri} (the password empty when there is none), or null. */
    static String[] userAndPassword(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null || uri.getHost() == null) {
            return null;
        }
        int colon = info.indexOf(':');
        return new String[] {decode(colon < 0 ? info : info.substring(0, colon)), colon < 0 ? "" : decode(info.substring(colon + 1))};
    }

    /** Percent-decoding as in a URI: a '+' is a plus sign, not a space. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** "https://host:443": what must match for credentials to be sent. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** {@code uri} without its user info, as requests, caches and messages carry it. */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null || uri.getRawAuthority() == null) {
            return uri;
        }
        String authority = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1);
        return URI.create(uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment()));
    }

    /** A request for {@code target} (without user info), with these credentials when it goes to their origin. */
    public HttpRequest.Builder request(URI target) {
        HttpRequest.Builder b = HttpRequest.newBuilder(withoutUserInfo(target));
        if (authorization != null && target.getHost() != null && origin.equals(origin(target))) {
            b.header("Authorization", authorization);
        }
        return b;
    }
}
