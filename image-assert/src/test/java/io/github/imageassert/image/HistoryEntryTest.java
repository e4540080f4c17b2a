package io.github.imageassert.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryEntryTest {

    private static String instruction(String createdBy, String comment) {
        return new HistoryEntry(null, createdBy, comment, false).instruction();
    }

    @Test
    void showsInstructionsAsTheyWereWritten() {
        assertThat(instruction("RUN /bin/sh -c apt-get install -y gcc # buildkit", "buildkit.dockerfile.v0"))
                .isEqualTo("RUN /bin/sh -c apt-get install -y gcc");
        assertThat(instruction("COPY /out/hello /app/hello # buildkit", "")).isEqualTo("COPY /out/hello /app/hello");
        assertThat(instruction("/bin/sh -c #(nop)  ENV PATH=/usr/bin", "")).isEqualTo("ENV PATH=/usr/bin");
        assertThat(instruction("/bin/sh -c apt-get update", "")).isEqualTo("RUN apt-get update");
        assertThat(instruction("|2 A=1 B=2 /bin/sh -c make", "")).isEqualTo("RUN make");
    }

    @Test
    void anImportedLayerIsShownByItsComment() {
        assertThat(instruction("", "Imported from -")).isEqualTo("Imported from -");
        assertThat(instruction("", "")).isEqualTo("(no instruction recorded)");
    }

    @Test
    void longInstructionsAreShortenedForMessages() {
        HistoryEntry h = new HistoryEntry(null, "RUN /bin/sh -c " + "x".repeat(200) + " # buildkit", "", false);
        assertThat(h.instruction(40)).hasSize(40).endsWith("...");
    }
}
