package dev.gosetup.ui;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Chooses JavaFX's software pipeline up front on a Linux machine that has no usable graphics device, where the
 * hardware one cannot start anyway. JavaFX tries its OpenGL pipeline first: it loads the system's OpenGL, which
 * without a GPU is Mesa's software renderer (llvmpipe, with LLVM: about 50 MiB mapped), then refuses it ("Failed
 * Graphics Hardware Qualifier check") and falls back to its own software pipeline. On virtual machines, remote
 * desktops, CI runners and Xvfb the window then carried Mesa for nothing: 215 MiB idle instead of 153 MiB
 * (docs/benchmarks.md). A user's own {@code -Dprism.order} or {@code -Dprism.forceGPU} is left alone.
 *
 * <p>In the software pipeline the cache of region backgrounds is a 2048×1024 image on the Java heap (8 MiB, all
 * touched), kept for the window's life; the backgrounds are drawn each time instead (they are plain rectangles and
 * few rounded ones, drawn only where something changed): with all pages visited the window peaked at 203 MiB with
 * the cache, 195 MiB without.
 */
final class GraphicsPipeline {
    private static final Logger LOG = Logger.getLogger(GraphicsPipeline.class.getName());

    /**
     * Device nodes through which a Linux process reaches a GPU: DRM (Intel, AMD, nouveau, nvidia-drm, virtio-gpu),
     * NVIDIA's own driver, and WSLg's paravirtualised GPU.
     */
    private static final List<String> GPU_NODES = List.of("dri", "nvidiactl", "dxg");

    private GraphicsPipeline() {
    }

    /** Before the toolkit starts: the software pipeline, and no region cache, on Linux without a usable GPU. */
    static void chooseBeforeStart() {
        Map<String, String> choice = choice(System.getProperty("os.name", ""), System.getProperties(), Path.of("/dev"));
        choice.forEach(System::setProperty);
        if (!choice.isEmpty()) {
            LOG.fine("No usable GPU device under /dev: JavaFX's software pipeline from the start " + choice);
        }
    }

    /** The JavaFX properties to set (none when JavaFX should choose, or the user has). */
    static Map<String, String> choice(String osName, Properties props, Path dev) {
        if (!softwareOnly(osName, props, dev)) {
            return Map.of();
        }
        Map<String, String> choice = new LinkedHashMap<>();
        choice.put("prism.order", "sw");
        if (props.getProperty("prism.disableRegionCaching") == null) {
            choice.put("prism.disableRegionCaching", "true");
        }
        return choice;
    }

    /**
     * @param dev the device folder (/dev; a test's own folder)
     * @return true on Linux when the user chose no pipeline and no GPU device node can be opened for reading and
     *         writing (a node the user may not open, without the video or render group, is no GPU to Mesa either)
     */
    static boolean softwareOnly(String osName, Properties props, Path dev) {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || props.getProperty("prism.order") != null
                || Boolean.parseBoolean(props.getProperty("prism.forceGPU"))) {
            return false;
        }
        for (String name : GPU_NODES) {
            if (usable(dev.resolve(name))) {
                return false;
            }
        }
        return true;
    }

    /** A device node that can be opened read-write, or a folder (/dev/dri) holding one. */
    private static boolean usable(Path node) {
        if (Files.isDirectory(node)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(node)) {
                for (Path entry : entries) {
                    if (!Files.isDirectory(entry) && Files.isReadable(entry) && Files.isWritable(entry)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                return true; // cannot tell: let JavaFX try, as it always did
            }
            return false;
        }
        return Files.exists(node) && Files.isReadable(node) && Files.isWritable(node);
    }
}
