package io.github.imageassert.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** docs/messages.md is exactly what the library says: the reference cannot drift. */
class MessageCatalogTest {

    @Test
    void docsShowTheLibrarysRealMessages() throws Exception {
        String rendered = MessageCatalog.render();
        if (Boolean.getBoolean("imageassert.regenerate")) {
            Files.writeString(MessageCatalog.DOC, rendered);
        }
        assertThat(Files.readString(MessageCatalog.DOC))
                .as("docs/messages.md differs from the library's messages; regenerate it (see the file's header)")
                .isEqualTo(rendered);
    }
}
