package dev.gosetup.fetch;

/** What arrived: its size and SHA-256 (lower-case hex), computed as the bytes came in. */
public record FetchResult(long size, String sha256) {}
