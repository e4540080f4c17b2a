package io.github.imageassert.junit.internal;

import io.github.imageassert.junit.Preset;
import io.github.imageassert.junit.PresetsSource;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/**
 * Reads {@link PresetsSource}'s file. Internal: public only because the annotation names it.
 */
public class PresetsProvider implements ArgumentsProvider, AnnotationConsumer<PresetsSource> {

    private String file;

    @Override
    public void accept(PresetsSource source) {
        this.file = source.value();
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return Preset.read(Path.of(file)).stream().map(Arguments::of);
    }
}
