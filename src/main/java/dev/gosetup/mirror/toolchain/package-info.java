/**
 * Go's own toolchain downloads from a company mirror: the golang.org/toolchain module-proxy layout and the checksum
 * database that cmd/go insists on for it.
 *
 * <p>Since Go 1.21, {@code GOTOOLCHAIN=auto} (the default) makes an older go command download a newer toolchain as
 * the module {@code golang.org/toolchain@v0.0.1-go1.X.Y.GOOS-GOARCH} from GOPROXY, and cmd/go checks that module
 * against a checksum database whenever GOPROXY is http(s), even with GOSUMDB=off or GONOSUMDB (modfetch's
 * {@code useSumDB}). So a mirror must serve both.
 *
 * <p>The API, for {@code gosetup mirror build --toolchain-proxy --sumdb-key KEYFILE} and {@code gosetup mirror verify}:
 * <ul>
 *   <li>{@link dev.gosetup.mirror.toolchain.ToolchainProxy#write ToolchainProxy.write(mirrorDir, archives, mode,
 *       progress)}: for each {@link dev.gosetup.mirror.toolchain.ArchiveInput} (a distribution archive already in
 *       the mirror and verified, its version and platform) writes {@code DIR/golang.org/toolchain/@v/VERSION.{zip,
 *       info,mod}} and {@code @v/list}, records the module's go.sum lines in the checksum database of
 *       {@link dev.gosetup.mirror.toolchain.SumDbMode} and publishes it under {@code DIR/sumdb/NAME/}; last, the
 *       manifest {@code DIR/golang.org/toolchain/gosetup-toolchain.json}. Incremental; refuses a zip whose hash
 *       differs from the database's record (append-only). Failures are {@code ProblemException}s.</li>
 *   <li>{@link dev.gosetup.mirror.toolchain.ToolchainProxy#verify ToolchainProxy.verify(mirrorDir)}: the problems
 *       found (each a {@code Problem}: a zip whose h1: differs, a missing file, a database whose signature or tree
 *       does not hold); empty when all is well or there is no toolchain layout.</li>
 *   <li>{@link dev.gosetup.mirror.toolchain.ProxyManifest#read ProxyManifest.read(mirrorDir)}: the database name
 *       and verifier key that {@code mirror client-env} prints for GOSUMDB.</li>
 * </ul>
 *
 * <p>Two database modes ({@link dev.gosetup.mirror.toolchain.SumDbMode}): {@code Private(keyFile)} signs a database
 * of the mirror's own ({@code --sumdb-key KEYFILE}; clients set GOSUMDB to its key and URL), and
 * {@code Public(new PublicSumDb(httpClient))} fetches sum.golang.org's records for official archives at build time,
 * checks them (pinned key, signed tree through tiles, equal to the mirror's zip: a zip that differs is refused and
 * not served) and serves them through the sumdb-proxy protocol (clients keep the default GOSUMDB).
 * {@code Written.refused()} lists refused versions as problems; the caller should fail the run when it is not empty.
 *
 * <p>The zips are made by {@link dev.gosetup.mirror.toolchain.ModuleZip} exactly as cmd/distpack's pack.go makes
 * them, so that for Go's own archives the h1: equals the public sum.golang.org record. The private database
 * ({@link dev.gosetup.mirror.sumdb}) is for builds the public one does not know: own builds, Debian's, tests.
 */
package dev.gosetup.mirror.toolchain;
