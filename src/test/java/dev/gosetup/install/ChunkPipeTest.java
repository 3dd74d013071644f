package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pipe between the download and the unpacker: a failure on either side always reaches the other. */
class ChunkPipeTest {

    @Test
    void aWriterFailureReachesTheReaderEvenWhenThePipeIsFull() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        byte[] chunk = new byte[ChunkPipe.POOLED];
        for (int i = 0; i < ChunkPipe.CHUNKS; i++) {
            pipe.sink().write(chunk, 0, chunk.length); // full: the unpacker is busy elsewhere
        }
        pipe.fail();
        InputStream in = pipe.inputStream();
        // Before: the end marker did not fit, the reader took the chunks and then waited for ever.
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> in.readAllBytes()).isInstanceOf(ChunkPipe.DownloadStopped.class));
    }

    @Test
    void aReaderWaitingForDataLearnsOfTheFailure() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pipe.fail();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> pipe.inputStream().read(new byte[10])).isInstanceOf(IOException.class));
        writer.join();
    }

    @Test
    void cancellingEndsAWriterWaitingOnAReaderThatNeitherReadsNorFails() throws Exception {
        dev.gosetup.fetch.CancelToken cancel = new dev.gosetup.fetch.CancelToken();
        ChunkPipe pipe = new ChunkPipe(cancel);
        byte[] chunk = new byte[ChunkPipe.POOLED];
        for (int i = 0; i < ChunkPipe.CHUNKS; i++) {
            pipe.sink().write(chunk, 0, chunk.length);
        }
        cancel.cancel();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> pipe.sink().write(chunk, 0, chunk.length))
                        .isInstanceOf(dev.gosetup.fetch.CancelToken.CancelledException.class));
    }

    @Test
    void bytesAndTheEndArriveInOrder() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        pipe.sink().write(new byte[] {1, 2, 3}, 1, 2);
        pipe.close();
        assertThat(pipe.inputStream().readAllBytes()).containsExactly(2, 3);
    }

    /**
     * An HTTP body arrives in pieces of about 16 KiB: they are packed into whole chunks, so the pipe holds its chunks'
     * worth of bytes (a chunk per piece held 128 KiB buffers an eighth full). Every byte arrives, in order, whatever
     * the pieces' sizes, and the last, partly filled chunk arrives at close.
     */
    @Test
    void smallWritesArePackedIntoWholeChunksAndAllArriveInOrder() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        byte[] data = new byte[3 * ChunkPipe.POOLED + 12_345];
        new Random(7).nextBytes(data);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Thread reader = Thread.ofPlatform().start(() -> {
            try (InputStream in = pipe.inputStream()) {
                got.write(in.readAllBytes());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        int[] pieces = {16_384, 1, 7, ChunkPipe.POOLED + 3, 16_000, 65_536};
        int off = 0;
        for (int i = 0; off < data.length; i++) {
            int len = Math.min(pieces[i % pieces.length], data.length - off);
            pipe.sink().write(data, off, len);
            off += len;
        }
        pipe.close();
        reader.join(10_000);
        assertThat(got.toByteArray()).isEqualTo(data);
    }

    /** Writes smaller than a chunk do not fill the pipe: 64 of 16 KiB (1 MiB) pass while nobody reads yet. */
    @Test
    void aFullPipeHoldsWholeChunksNotPieces() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        byte[] piece = new byte[16 * 1024];
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < (ChunkPipe.CHUNKS * ChunkPipe.POOLED) / piece.length; i++) {
                pipe.sink().write(piece, 0, piece.length);
            }
        });
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                pipe.close();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(pipe.inputStream().readAllBytes()).hasSize(ChunkPipe.CHUNKS * ChunkPipe.POOLED);
        closer.join(10_000);
    }
}
