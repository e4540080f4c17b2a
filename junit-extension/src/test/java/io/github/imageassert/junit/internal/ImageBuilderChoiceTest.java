package io.github.imageassert.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** imageassert.builder: which builder each mode picks. No engine needed. */
class ImageBuilderChoiceTest {

    @Test
    void autoPicksBuildxWhenTheCliHasIt() {
        assertThat(ImageBuilder.choose(Settings.Builder.AUTO, () -> true, () -> false)).isInstanceOf(BuildxBuilder.class);
    }

    @Test
    void autoFallsBackToTheEngineApiWithoutBuildx() {
        assertThat(ImageBuilder.choose(Settings.Builder.AUTO, () -> false, () -> false)).isInstanceOf(EngineApiBuilder.class)
                .extracting(ImageBuilder::name).isEqualTo("engine API");
    }

    @Test
    void autoPicksPodmansOwnBuilderEvenWhenTheCliHasBuildx() {
        assertThat(ImageBuilder.choose(Settings.Builder.AUTO, () -> true, () -> true)).isInstanceOf(EngineApiBuilder.class)
                .extracting(ImageBuilder::name).isEqualTo("engine API (Podman's Buildah)");
    }

    @Test
    void buildxAndEngineAreTakenAsSaidWithoutLookingForTheCli() {
        AtomicBoolean looked = new AtomicBoolean();

        assertThat(ImageBuilder.choose(Settings.Builder.BUILDX, () -> looked.getAndSet(true), () -> true)).isInstanceOf(BuildxBuilder.class);
        assertThat(ImageBuilder.choose(Settings.Builder.ENGINE, () -> looked.getAndSet(true), () -> false)).isInstanceOf(EngineApiBuilder.class);
        assertThat(looked).isFalse();
    }
}
