package dev.gosetup.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts what the JDK trusts and what the operating system trusts: a company that inspects TLS puts its
 * root in the OS store (Windows-ROOT, the macOS keychain, /etc/ssl/certs), rarely in the JDK's cacerts.
 */
public final class TrustStores {
    private static final Logger LOG = Logger.getLogger(TrustStores.class.getName());
    /** CA bundles of the common Linux families (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine). */
    static final List<Path> LINUX_BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"), Path.of("/etc/ssl/ca-bundle.pem"), Path.of("/etc/ssl/cert.pem"));

    private TrustStores() {}

    /**
     * An SSLContext over the JDK's and the OS's roots, plus any extra PEM files (IT policy). The stores are
     * read at the first TLS handshake, not here: reading ~300 roots costs a quarter of a second, and a
     * command that reads a local release list or a plain-HTTP mirror never needs them.
     */
    public static SSLContext sslContext(List<Path> extraPemFiles) {
        List<Path> pems = List.copyOf(extraPemFiles);
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AnyOf(new Once<>(() -> managers(pems)))}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    private static List<X509TrustManager> managers(List<Path> extraPemFiles) {
        List<X509TrustManager> managers = new ArrayList<>();
        try {
            managers.add(manager(null)); // the JDK's cacerts
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's trust store cannot be read", e);
        }
        List<KeyStore> stores = new ArrayList<>(osStores());
        List<Path> pems = new ArrayList<>(extraPemFiles);
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            LINUX_BUNDLES.stream().filter(Files::isReadable).findFirst().ifPresent(pems::add);
        }
        for (Path pem : pems) {
            try {
                stores.add(fromPem(pem));
            } catch (GeneralSecurityException | IOException e) {
                LOG.log(Level.WARNING, "Could not read the certificates in " + pem + "; they are not trusted", e);
            }
        }
        for (KeyStore store : stores) {
            try {
                managers.add(manager(store));
            } catch (GeneralSecurityException e) {
                LOG.log(Level.WARNING, "Could not use a certificate store; skipped", e);
            }
        }
        return List.copyOf(managers);
    }

    /** Computes a value on first use, once (the handshake may run on several HTTP client threads). */
    private static final class Once<T> implements java.util.function.Supplier<T> {
        private final java.util.function.Supplier<T> compute;
        private volatile T value;

        Once(java.util.function.Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    if (value == null) {
                        value = compute.get();
                    }
                    v = value;
                }
            }
            return v;
        }
    }

    private static List<KeyStore> osStores() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> types = os.startsWith("windows") ? List.of("Windows-ROOT")
                : os.startsWith("mac") ? List.of("KeychainStore", "KeychainStore-ROOT") : List.of();
        List<KeyStore> stores = new ArrayList<>();
        for (String type : types) {
            try {
                KeyStore ks = KeyStore.getInstance(type);
                ks.load(null, null);
                stores.add(ks);
            } catch (GeneralSecurityException | IOException e) {
                LOG.log(Level.FINE, "No " + type + " store", e);
            }
        }
        return stores;
    }

    static KeyStore fromPem(Path pem) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        // Buffered: the certificate parser reads a PEM byte by byte (220,000 read calls for Debian's bundle).
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(pem), 64 * 1024)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("pem-" + i++, c);
            }
        }
        return ks;
    }

    private static X509TrustManager manager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return Arrays.stream(tmf.getTrustManagers()).filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast).findFirst().orElseThrow();
    }

    /** Trusts a chain when any of its managers does. */
    private record AnyOf(java.util.function.Supplier<List<X509TrustManager>> managers) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, true);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, false);
        }

        private void check(X509Certificate[] chain, String authType, boolean client) throws CertificateException {
            CertificateException last = null;
            for (X509TrustManager m : managers.get()) {
                try {
                    if (client) {
                        m.checkClientTrusted(chain, authType);
                    } else {
                        m.checkServerTrusted(chain, authType);
                    }
                    return;
                } catch (CertificateException e) {
                    last = e;
                }
            }
            // No trust manager at all is a bug here, not something a user can cause or read.
            throw last != null ? last : new CertificateException(new IllegalStateException("no trust manager"));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.get().stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
