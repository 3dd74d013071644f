package dev.gosetup.mirror.sumdb;

import java.net.URI;
import java.net.http.HttpClient;

/** The test seam of {@link PublicSumDb}: another key and address than sum.golang.org's, for tests only. */
public final class TestSumDbs {
    private TestSumDbs() {}

    public static PublicSumDb publicAt(NoteKey verifier, URI upstream) {
        return new PublicSumDb(verifier, upstream, HttpClient.newHttpClient());
    }
}
