package dev.gosetup.fetch;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * What a network failure was, as a {@link Problem} (keys {@code net.reason.*}): a short clause with its advice,
 * shown on its own or inside another message ("… failed 3 times in a row (REASON)"). The HTTP client's exceptions
 * often carry no message at all (a refused connection is a bare ConnectException), and "null" is no explanation.
 */
public final class NetErrors {
    private NetErrors() {}

    /** Why a request to {@code host} failed, as facts the faces put into words. */
    public static Problem problem(Throwable e, String host) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Problem known = known(t, host);
            if (known != null) {
                return known;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                // Nothing here knows it: the JDK's own words (English) are the only detail there is.
                return Problem.of("net.reason.other", host, t.getMessage());
            }
        }
        return Problem.of("net.reason.other", host, e.getClass().getSimpleName());
    }

    /**
     * The same in English, for callers that still keep a string (the doctor's reachability check).
     * Faces should use {@link #problem} and render it in the user's language.
     */
    public static String describe(Throwable e, String host) {
        return Messages.english().text(problem(e, host));
    }

    private static Problem known(Throwable t, String host) {
        if (t.getMessage() != null && t.getMessage().matches("(?s).*\\b407\\b.*")) {
            return Problem.of("net.reason.proxyAuth", host);
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return Problem.of("net.reason.unknownHost", host);
        }
        if (t instanceof HttpConnectTimeoutException) {
            return Problem.of("net.reason.connectTimeout", host);
        }
        if (t instanceof HttpTimeoutException) {
            return Problem.of("net.reason.timeout", host);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return Problem.of("net.reason.connect", host);
        }
        if (t instanceof SSLException) {
            return Problem.of("net.reason.tls", host, t.getMessage());
        }
        return null;
    }
}
