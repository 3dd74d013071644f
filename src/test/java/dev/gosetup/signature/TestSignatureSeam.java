package dev.gosetup.signature;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test class starts with the production trust anchor but never reaches Google: no FILE.asc from dl.google.com
 * (a loopback mirror's locally built go1.19.8 would not match Google's real signature) and no published key fetched.
 * Registered for all tests through JUnit's extension auto-detection (src/test/resources/META-INF/services); tests
 * of signatures install their own keys with {@link TestKeys#trustOnly}.
 */
public final class TestSignatureSeam implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        install();
    }

    static void install() {
        Endpoints p = Endpoints.PRODUCTION;
        Endpoints.useForTests(new Endpoints(p.pinnedKey(), p.pinnedFingerprint(), java.util.List.<URI>of(), null));
    }
}
