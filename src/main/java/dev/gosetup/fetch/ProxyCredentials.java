package dev.gosetup.fetch;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user and password of a proxy setting ({@code http://user:password@proxy:3128}), answered when that
 * proxy asks (HTTP 407) and never to anyone else: a server asking for a password (401) gets nothing from
 * here, nor does another proxy.
 */
final class ProxyCredentials extends Authenticator {
    private final Map<String, PasswordAuthentication> byProxy;

    private ProxyCredentials(Map<String, PasswordAuthentication> byProxy) {
        this.byProxy = Map.copyOf(byProxy);
    }

    /** @param specs proxy settings as written, with or without a scheme; empty when none carries credentials */
    static Optional<Authenticator> of(List<String> specs) {
        Map<String, PasswordAuthentication> byProxy = new HashMap<>();
        for (String spec : specs) {
            URI uri;
            try {
                uri = URI.create(spec.contains("://") ? spec : "http://" + spec);
            } catch (IllegalArgumentException e) {
                continue; // the proxy selector cannot use it either
            }
            String[] userAndPassword = UrlCredentials.userAndPassword(uri);
            if (userAndPassword != null) {
                byProxy.put(key(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80),
                        new PasswordAuthentication(userAndPassword[0], userAndPassword[1].toCharArray()));
            }
        }
        return byProxy.isEmpty() ? Optional.empty() : Optional.of(new ProxyCredentials(byProxy));
    }

    private static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY || getRequestingHost() == null) {
            return null;
        }
        return byProxy.get(key(getRequestingHost(), getRequestingPort()));
    }
}
