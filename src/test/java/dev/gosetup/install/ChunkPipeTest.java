package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pipe between the download and the unpacker: a failure on either side always reaches the other. */
class ChunkPipeTest {

    @Test
    void aWriterFailureReachesTheReaderEvenWhenThePipeIsFull() throws Exception {
        ChunkPipe pipe = new ChunkPipe();
        byte[] chunk = new byte[1024];
        for (int i = 0; i < 64; i++) {
            pipe.sink().write(chunk, 0, chunk.length); // full: the unpacker is busy elsewhere
        }
        pipe.fail();
        InputStream in = pipe.inputStream();
        // Before: the end marker did not fit, the reader took the 64 chunks and then waited for ever.
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
        byte[] chunk = new byte[16];
        for (int i = 0; i < 64; i++) {
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
}
