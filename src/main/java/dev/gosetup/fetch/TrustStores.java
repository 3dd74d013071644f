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

    /** An SSLContext over the JDK's and the OS's roots, plus any extra PEM files (IT policy). */
    public static SSLContext sslContext(List<Path> extraPemFiles) {
        try {
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(manager(null)); // the JDK's cacerts
            for (KeyStore os : osStores()) {
                managers.add(manager(os));
            }
            List<Path> pems = new ArrayList<>(extraPemFiles);
            if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
                LINUX_BUNDLES.stream().filter(Files::isReadable).findFirst().ifPresent(pems::add);
            }
            for (Path pem : pems) {
                managers.add(manager(fromPem(pem)));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            LOG.log(Level.WARNING, "Could not add the system's certificates; using the JDK's only", e);
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException impossible) {
                throw new IllegalStateException(impossible);
            }
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
        try (InputStream in = Files.newInputStream(pem)) {
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
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {
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
            for (X509TrustManager m : managers) {
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
            throw last != null ? last : new CertificateException("No trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
