package io.github.imageassert.internal.assertions.error;

import io.github.imageassert.fs.RemovedEntry;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.secrets.SecretFinding;
import io.github.imageassert.secrets.SecretRules;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Secrets are in the image, visible or in a layer a later one hid; lists each with the layers that added and hid it. */
public final class ShouldHaveNoLeakedSecrets extends ImageMessages {

    private static final int SHOWN = 20;

    public static ErrorMessageFactory shouldHaveNoLeakedSecrets(LoadedImage image, SecretRules rules, List<SecretFinding> findings) {
        List<String> evidence = findings.stream().limit(SHOWN).map(f -> describe(image, f)).toList();
        return new ShouldHaveNoLeakedSecrets(EXPECTING + "to leak no secret in any layer, hidden copies included (rules: %s)%n"
                + "but found %s:%s", image(image), plain(String.join(", ", rules.ids())), findings.size(),
                lines(evidence, findings.size()));
    }

    /** {@code /root/.npmrc: npm registry credentials (_authToken=npm*** (36 chars)), added by layer 3 (RUN ...), deleted by ...}. */
    private static String describe(LoadedImage image, SecretFinding f) {
        String what = f.rule().description() + (f.evidence().isEmpty() ? "" : " (" + f.evidence() + ")");
        String where = ", added by " + ImageEvidence.layer(image, f.entry().layer());
        String hidden = f.hiddenBy().map(r -> ", " + verb(r.how()) + " by " + ImageEvidence.layer(image, r.removedBy())
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

    private ShouldHaveNoLeakedSecrets(String format, Object... arguments) {
        super(format, arguments);
    }
}
