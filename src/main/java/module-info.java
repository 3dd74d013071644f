/**
 * Go Setup Assistant. The engine packages (host, release, fetch, install, shell, settings, files, i18n,
 * logging) never touch JavaFX; the command line (cli) and the window (ui) are thin faces over them.
 */
module dev.gosetup {
    requires java.logging;
    requires java.net.http;
    requires javafx.controls;
    requires org.controlsfx.controls;
    requires com.sun.jna;
    requires com.sun.jna.platform;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires org.apache.commons.compress;
    requires io.github.javadiffutils;
    // OpenPGP signatures of Go's archives (dev.gosetup.signature); loaded only when a signature is checked.
    requires org.bouncycastle.pg;
    requires org.bouncycastle.provider;

    exports dev.gosetup.ui to javafx.graphics;

    // JNA builds Structure instances and reads their fields reflectively.
    opens dev.gosetup.host.linux to com.sun.jna;
    opens dev.gosetup.host.mac to com.sun.jna;
    opens dev.gosetup.host.windows to com.sun.jna;
    opens dev.gosetup.shell.posix to com.sun.jna;
    opens dev.gosetup.files to com.sun.jna;
    // picocli injects options into command fields; Jackson maps JSON onto records.
    opens dev.gosetup.cli to info.picocli, com.fasterxml.jackson.databind;
    opens dev.gosetup.host to com.fasterxml.jackson.databind;
    opens dev.gosetup.settings to com.fasterxml.jackson.databind;
    opens dev.gosetup.release to com.fasterxml.jackson.databind;
    opens dev.gosetup.shell to com.fasterxml.jackson.databind;
    opens dev.gosetup.inventory to com.fasterxml.jackson.databind;
    opens dev.gosetup.mirror to com.fasterxml.jackson.databind;
    opens dev.gosetup.mirror.toolchain to com.fasterxml.jackson.databind;
    opens dev.gosetup.i18n;
}
