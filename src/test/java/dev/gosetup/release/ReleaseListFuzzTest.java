package dev.gosetup.release;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.release.ReleaseListException;
import java.io.ByteArrayInputStream;

/** Any bytes a mirror may send: the parser returns a list or says the list is bad, and does nothing else. */
class ReleaseListFuzzTest {
    @FuzzTest(maxDuration = "5s")
    void parsesOrRefuses(byte[] data) {
        try {
            ReleaseList list = ReleaseList.parse(new ByteArrayInputStream(data), "fuzz");
            list.latestStable();
            list.supportedLines();
        } catch (ReleaseListException expected) {
            // a clear refusal is the right answer to garbage
        }
    }
}
