package dev.gosetup.release;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One downloadable file of a release, as go.dev/dl lists it. sha256 may be empty on old releases. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoFile(String filename, String os, String arch, String version, String sha256, long size, String kind) {

    public boolean isArchive() {
        return "archive".equals(kind);
    }

    public boolean hasChecksum() {
        return sha256 != null && sha256.matches("[0-9a-fA-F]{64}");
    }

    /** "linux-amd64". */
    public String platform() {
        return os + "-" + arch;
    }
}
