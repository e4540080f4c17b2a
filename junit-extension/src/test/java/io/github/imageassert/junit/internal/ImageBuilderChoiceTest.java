package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** imageassert.builder: which builder each mode picks. No engine needed. */
class ImageBuilderChoiceTest {

    @Test
    void autoPicksBuildxWhenTheCliHasIt() {
        assertThat(ImageBuilder.choose(Settings.Builder.AUTO, () -> true)).isInstanceOf(BuildxBuilder.class);
    }

    @Test
    void autoFallsBackToTheEngineApiWithoutBuildx() {
        assertThat(ImageBuilder.choose(Settings.Builder.AUTO, () -> false)).isInstanceOf(EngineApiBuilder.class);
    }

    @Test
    void buildxAndEngineAreTakenAsSaidWithoutLookingForTheCli() {
        AtomicBoolean looked = new AtomicBoolean();

        assertThat(ImageBuilder.choose(Settings.Builder.BUILDX, () -> looked.getAndSet(true))).isInstanceOf(BuildxBuilder.class);
        assertThat(ImageBuilder.choose(Settings.Builder.ENGINE, () -> looked.getAndSet(true))).isInstanceOf(EngineApiBuilder.class);
        assertThat(looked).isFalse();
    }
}
