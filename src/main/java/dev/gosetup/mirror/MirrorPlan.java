package dev.gosetup.mirror;

import java.util.List;

/**
 * What a build will do, found before anything is fetched (so that it can be shown and agreed to): each selected
 * archive's state in the folder, the archives of earlier builds that are no longer selected, and the releases
 * that have no archive to store for a platform.
 *
 * @param stale archives an earlier build listed that this selection does not hold (kept and listed unless pruned)
 */
public record MirrorPlan(List<Item> items, List<MirrorEntry> stale, List<MirrorSelection.Skipped> skipped) {
    /** What the folder has of an archive. */
    public enum State {
        /** There and verified: nothing to do. */
        PRESENT,
        /** There and verified, but its signature file is missing and signatures are checked: fetch and check FILE.asc. */
        UNSIGNED,
        /** Not there: download it. */
        MISSING,
        /** There, but not the bytes the list describes (size or SHA-256): download it again. */
        DAMAGED
    }

    public record Item(MirrorEntry entry, State state) {
        public boolean fetches() {
            return state == State.MISSING || state == State.DAMAGED;
        }
    }

    public MirrorPlan {
        items = List.copyOf(items);
        stale = List.copyOf(stale);
        skipped = List.copyOf(skipped);
    }

    public List<Item> toFetch() {
        return items.stream().filter(Item::fetches).toList();
    }

    public long bytesToFetch() {
        return toFetch().stream().mapToLong(i -> i.entry().file().size()).sum();
    }

    public List<Item> present() {
        return items.stream().filter(i -> !i.fetches()).toList();
    }

    public long bytesPresent() {
        return present().stream().mapToLong(i -> i.entry().file().size()).sum();
    }

    /** Whether the build changes nothing but the list and the index. */
    public boolean upToDate() {
        return items.stream().allMatch(i -> i.state() == State.PRESENT);
    }
}
