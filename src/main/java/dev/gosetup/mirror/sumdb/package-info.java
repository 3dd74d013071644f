/**
 * A Go checksum database as static files: Go's signed notes (Ed25519 keys in {@code name+hash+base64} form,
 * {@link dev.gosetup.mirror.sumdb.NoteKey}, {@link dev.gosetup.mirror.sumdb.SignedNote}), the transparent log's
 * hashing and tiles ({@link dev.gosetup.mirror.sumdb.Tlog}, {@link dev.gosetup.mirror.sumdb.HashSource}), and a
 * private, append-only database under {@code DIR/sumdb/NAME/} ({@link dev.gosetup.mirror.sumdb.PrivateSumDb}) with
 * the files cmd/go's sumdb client asks for: {@code supported}, {@code latest}, {@code lookup/M@V},
 * {@code tile/8/L/N[.p/W]} and {@code tile/8/data/N[.p/W]}. The signer key lives in a 0600 file
 * ({@link dev.gosetup.mirror.sumdb.KeyFile}). Follows golang.org/x/mod/sumdb (note, tlog, server.go).
 */
package dev.gosetup.mirror.sumdb;
