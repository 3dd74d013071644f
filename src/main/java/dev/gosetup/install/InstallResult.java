package dev.gosetup.install;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished install and what was checked after it.
 *
 * @param goVersion    the first line of {@code bin/go version}, or null when it could not run here
 * @param goEnv        GOOS, GOARCH, GOROOT as {@code go env} printed them (empty when not run)
 * @param binaryPlatform the platform bin/go was built for, read from its header ("linux-amd64")
 * @param alreadyInstalled nothing was downloaded: the version was there
 * @param verified     what was verified when it was installed (empty: a version installed before gosetup recorded it)
 */
public record InstallResult(String version, Path dir, String sha256, long size, String goVersion, List<String> goEnv,
                            String binaryPlatform, boolean alreadyInstalled,
                            java.util.Optional<VerificationRecord> verified) {}
