package dev.gosetup.fetch;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/**
 * Says in words what a network failure was. The HTTP client's exceptions often carry no message at all
 * (a refused connection is a bare ConnectException), and "null" is not an explanation.
 */
public final class NetErrors {
    private NetErrors() {}

    public static String describe(Throwable e, String host) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String known = known(t, host);
            if (known != null) {
                return known;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String known(Throwable t, String host) {
        if (t.getMessage() != null && t.getMessage().matches("(?s).*\\b407\\b.*")) {
            return "the proxy asks for a user name and password (HTTP 407); ask IT for proxy credentials or an "
                    + "address that needs none";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return host + " could not be found (DNS); check the network or the proxy setting";
        }
        if (t instanceof HttpConnectTimeoutException) {
            return "no connection to " + host + " in time; a firewall or a missing proxy setting is likely";
        }
        if (t instanceof HttpTimeoutException) {
            return host + " did not answer in time";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return "could not connect to " + host + "; check the network or the proxy setting";
        }
        if (t instanceof SSLException) {
            return "the secure connection to " + host + " failed (" + t.getMessage() + "); a company proxy that inspects "
                    + "TLS needs its certificate in the system's trust store or in Settings";
        }
        return null;
    }
}
