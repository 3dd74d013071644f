package dev.gosetup.mirror.toolchain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gosetup.files.AtomicFiles;
import dev.gosetup.i18n.Problem;
import dev.gosetup.mirror.sumdb.SumDbException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the mirror's toolchain layout holds and which database vouches for it, written last by a build, read by
 * {@code verify} and {@code client-env}: DIR/golang.org/toolchain/gosetup-toolchain.json (outside @v, so the proxy
 * protocol never sees it; nothing in it is secret).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxyManifest(SumDb sumdb, List<Module> modules) {
    static final String FILE = "gosetup-toolchain.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param verifierKey Go's "name+hash+base64" form, what a client puts in GOSUMDB
     * @param proxied     true for a public database whose records the mirror serves through the sumdb-proxy protocol
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SumDb(String name, String verifierKey, boolean proxied) {}

    /** @param zipSha256 of the zip file's bytes, to tell an untouched zip from a rebuilt or damaged one cheaply */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Module(String version, String zipHash, String goModHash, String zipSha256, int files) {}

    public static Path file(Path mirrorDir) {
        return mirrorDir.resolve("golang.org").resolve("toolchain").resolve(FILE);
    }

    /** The manifest of {@code mirrorDir}, or null when it has no toolchain layout. */
    public static ProxyManifest read(Path mirrorDir) throws IOException {
        Path file = file(mirrorDir);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ProxyManifest m = JSON.readValue(Files.readAllBytes(file), ProxyManifest.class);
            if (m.sumdb() == null || m.sumdb().name() == null || m.modules() == null) {
                throw new SumDbException(Problem.of("mirror.toolchain.manifestDamaged", file));
            }
            return m;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new SumDbException(Problem.of("mirror.toolchain.manifestDamaged", file), e);
        }
    }

    void write(Path mirrorDir) throws IOException {
        AtomicFiles.write(file(mirrorDir), JSON.writeValueAsBytes(this), ToolchainProxy.PUBLIC_FILE);
    }
}
