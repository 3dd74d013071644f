package dev.gosetup.ui.versions;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/**
 * Watches the folders installs appear in and calls back on the FX thread, once per burst of events
 * (unpacking a Go creates thousands; one refresh is enough, half a second after they stop).
 */
final class FolderWatch {
    private static final Logger LOG = Logger.getLogger(FolderWatch.class.getName());
    private final Runnable onChange;
    private WatchService service;

    FolderWatch(Runnable onChange) {
        this.onChange = onChange;
    }

    synchronized void start(List<Path> folders) {
        stop();
        try {
            WatchService s = FileSystems.getDefault().newWatchService();
            int watched = 0;
            for (Path f : folders) {
                if (Files.isDirectory(f)) {
                    f.register(s, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE);
                    watched++;
                }
            }
            if (watched == 0) {
                s.close();
                return;
            }
            service = s;
            Thread.ofPlatform().daemon().name("gosetup-folder-watch").start(() -> loop(s));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "No folder watch; the Refresh button still works", e);
        }
    }

    private void loop(WatchService s) {
        try {
            while (true) {
                WatchKey key = s.take();
                key.pollEvents();
                key.reset();
                // let the burst end: drain further events until half a second passes quietly
                WatchKey more;
                while ((more = s.poll(500, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                Platform.runLater(onChange);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopped
        }
    }

    synchronized void stop() {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // closing only
            }
            service = null;
        }
    }
}
