package io.github.imageassert.fuzz;

import java.util.List;

/**
 * What a case accepts. {@code models.get(0)} is the image asked for; {@code anyImage} accepts the answers of any image
 * of the archive (a root document was damaged, so which image is read may change, never what an image holds).
 *
 * @param mayFail     a typed error is acceptable (the mutation may have broken the image)
 * @param mustFail    only a typed error is acceptable (a verified blob's bytes changed: opening fine is WRONG)
 * @param anyImage    answers may be those of any image the archive holds
 * @param checkModel  compare answers with the model; false leaves only the invariants (a tar whose framing lies)
 * @param checkConfig compare the config and user; false after an edit to the config's runtime fields
 */
record Expectation(List<Expected> models, boolean mayFail, boolean mustFail, boolean anyImage, boolean checkModel,
                   boolean checkConfig, String why) {

    static Expectation exact(List<Expected> models, String why) {
        return new Expectation(models, false, false, false, true, true, why);
    }

    Expectation orTypedError() {
        return new Expectation(models, true, mustFail, anyImage, checkModel, checkConfig, why);
    }

    Expectation refused() {
        return new Expectation(models, true, true, anyImage, checkModel, checkConfig, why);
    }

    Expectation ofAnyImage() {
        return new Expectation(models, mayFail, mustFail, true, checkModel, checkConfig, why);
    }

    Expectation invariantsOnly() {
        return new Expectation(models, true, mustFail, anyImage, false, false, why);
    }

    Expectation noConfig() {
        return new Expectation(models, mayFail, mustFail, anyImage, checkModel, false, why);
    }

    Expectation because(String reason) {
        return new Expectation(models, mayFail, mustFail, anyImage, checkModel, checkConfig, reason);
    }

    String describe() {
        return (mustFail ? "must be refused" : mayFail ? "right answers or a typed error" : "right answers")
                + (anyImage ? " (any image of the archive)" : "") + (checkModel ? "" : " (invariants only)")
                + (checkConfig ? "" : " (config unchecked)") + ": " + why;
    }
}
