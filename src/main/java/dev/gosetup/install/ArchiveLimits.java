package dev.gosetup.install;

/**
 * Bounds that no real Go archive comes near (largest: ~500 MB and 15k files unpacked, 135 MB packed), so
 * that a tar or zip bomb stops early instead of filling the disk.
 */
public record ArchiveLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries, double maxRatio, int maxNameLength) {
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(1L << 30, 4L << 30, 200_000, 50.0, 1024);
    }
}
