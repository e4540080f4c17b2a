package io.github.imageassert.internal.assertions;

import static io.github.imageassert.internal.assertions.error.ShouldHaveNoLeakedSecrets.shouldHaveNoLeakedSecrets;

import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRules;
import io.github.imageassert.internal.secrets.SecretScanner;
import java.util.List;
import java.util.Optional;
import org.assertj.core.error.ErrorMessageFactory;

/** Leaked-secret findings as a failure: each with its path, rule, layer, instruction and whether it is hidden. */
public final class SecretChecks {

    private static final int SHOWN = 20;

    private SecretChecks() {
    }

    public static Optional<ErrorMessageFactory> noLeaks(LoadedImage image, SecretRules rules) {
        List<SecretFinding> findings = SecretScanner.scan(image, rules);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        List<String> evidence = findings.stream().limit(SHOWN).map(f -> describe(image, f)).toList();
        return Optional.of(shouldHaveNoLeakedSecrets(image, String.join(", ", rules.ids()), evidence, findings.size()));
    }

    /** {@code /root/.npmrc: npm registry credentials (_authToken=npm*** (36 chars)), added by layer 3 (RUN ...), deleted by ...}. */
    public static String describe(LoadedImage image, SecretFinding f) {
        String what = f.rule().description() + (f.evidence().isEmpty() ? "" : " (" + f.evidence() + ")");
        String where = ", added by " + ImageFacts.layer(image, f.entry().layer());
        String hidden = f.hiddenBy().map(r -> ", " + verb(r.how()) + " by " + ImageFacts.layer(image, r.removedBy())
                + ": still readable in layer " + f.entry().layer()).orElse("");
        return f.entry().path() + ": " + what + where + hidden;
    }

    private static String verb(RemovedEntry.How how) {
        return switch (how) {
            case WHITEOUT -> "deleted";
            case OPAQUE -> "hidden (its directory was replaced)";
            case OVERWRITTEN -> "overwritten";
        };
    }
}
