package io.github.imageassert.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imageassert.AbstractContainerImageAssert;
import io.github.imageassert.ContainerImage;
import io.github.imageassert.ImageSoftAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team extends AbstractContainerImageAssert with its own conventions; they chain with the built-in assertions. */
class CustomImageAssertTest {

    @TempDir
    static Path dir;

    static ContainerImage app;

    @BeforeAll
    static void image() {
        app = CraftedImages.app(dir);
    }

    /** Every image of the team names its owner in a {@code team} label. */
    public static class TeamImageAssert extends AbstractContainerImageAssert<TeamImageAssert> {

        public TeamImageAssert(ContainerImage actual) {
            super(actual, TeamImageAssert.class);
        }

        static TeamImageAssert assertThatImage(ContainerImage image) {
            return new TeamImageAssert(image);
        }

        public TeamImageAssert isOwnedBy(String team) {
            isNotNull();
            String owner = actual.config().labels().get("team");
            if (!team.equals(owner)) {
                failWithMessage("%nExpecting image:%n  %s%nto be owned by team %s%nbut its team label is %s", actual.description(),
                        team, owner);
            }
            return myself;
        }
    }

    /** The team's soft assertions hand out its own assert. */
    static class TeamSoftAssertions extends ImageSoftAssertions {

        TeamImageAssert assertThatImage(ContainerImage image) {
            return proxyImageAssert(TeamImageAssert.class, image);
        }
    }

    @Test
    void theTeamsAssertionChainsBeforeAndAfterBuiltInOnes() {
        assertThatThrownBy(() -> TeamImageAssert.assertThatImage(app).runsAsNonRoot().isOwnedBy("platform")
                .hasFile("/app/server").isOwnedBy("web"))
                .hasMessage("%nExpecting image:%n  app:1%nto be owned by team web%nbut its team label is platform".formatted());
    }

    @Test
    void theTeamsAssertCanNavigate() {
        assertThatThrownBy(() -> TeamImageAssert.assertThatImage(app).isOwnedBy("platform").file("/app/server").isDirectory())
                .hasMessageContaining("to be a directory");
    }

    @Test
    void theTeamsSoftAssertionsCollectItsAssertionsAndNavigations() {
        TeamSoftAssertions softly = new TeamSoftAssertions();

        softly.assertThatImage(app).isOwnedBy("web").file("/app/server").isDirectory();
        softly.assertThatImage(app).runsAsUser("0");

        assertThat(softly.errorsCollected()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).contains("to be owned by team web"),
                m -> assertThat(m).contains("to be a directory"),
                m -> assertThat(m).contains("to run as user:%n  0".formatted()));
    }
}
