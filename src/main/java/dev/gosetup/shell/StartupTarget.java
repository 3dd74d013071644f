package dev.gosetup.shell;

import java.nio.file.Path;

/**
 * One file we put a block into (or own outright).
 *
 * @param wholeFile true for files that are ours alone (fish's conf.d drop-in): undo deletes them
 * @param why       a resource-bundle key saying why this file (shown beside the diff)
 */
public record StartupTarget(Shell shell, Path path, BlockEditor.Placement placement, boolean wholeFile, String why) {}
