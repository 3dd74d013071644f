package dev.gosetup.shell.windows;

import com.sun.jna.platform.win32.KnownFolders;
import com.sun.jna.platform.win32.Shell32Util;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where Windows keeps this user's Documents, and so the PowerShell profiles. Often not %USERPROFILE%\Documents:
 * OneDrive's folder backup moves it to %USERPROFILE%\OneDrive\Documents (or a localised name), and
 * PowerShell follows the known folder, so we must too.
 */
public final class DocumentsFolder {
    private static final Logger LOG = Logger.getLogger(DocumentsFolder.class.getName());

    private DocumentsFolder() {}

    public static Optional<Path> path() {
        try {
            return Optional.of(Path.of(Shell32Util.getKnownFolderPath(KnownFolders.FOLDERID_Documents)));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "Could not ask Windows for the Documents folder; using %USERPROFILE%\\Documents", e);
            return Optional.empty();
        }
    }
}
