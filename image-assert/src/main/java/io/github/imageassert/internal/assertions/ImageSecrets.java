package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveNoLeakedSecrets.shouldHaveNoLeakedSecrets;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.secrets.SecretScanner;
import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRules;
import java.util.List;
import org.assertj.core.api.AssertionInfo;
import org.assertj.core.internal.Failures;
import org.assertj.core.internal.Objects;

/** Assertions on secrets in any layer of an image, including files a later layer deleted or overwrote: they still ship. */
public final class ImageSecrets {

    private static final ImageSecrets INSTANCE = new ImageSecrets();

    private final Failures failures = Failures.instance();
    private final Objects objects = Objects.instance();

    private ImageSecrets() {
    }

    public static ImageSecrets instance() {
        return INSTANCE;
    }

    public void assertHasNoLeakedSecrets(AssertionInfo info, LoadedImage image, SecretRules rules) {
        java.util.Objects.requireNonNull(rules, "rules");
        objects.assertNotNull(info, image);
        List<SecretFinding> findings = SecretScanner.scan(image, rules);
        if (!findings.isEmpty()) {
            throw failures.failure(info, shouldHaveNoLeakedSecrets(image, rules, findings));
        }
    }
}
