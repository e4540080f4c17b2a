package io.github.imageassert.structure.internal.check;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.structure.internal.config.CommandTest;
import io.github.imageassert.structure.internal.config.EnvVar;
import io.github.imageassert.structure.internal.config.FileContentTest;
import io.github.imageassert.structure.internal.config.FileExistenceTest;
import io.github.imageassert.structure.internal.config.LicenseTest;
import io.github.imageassert.structure.internal.config.LoadedConfig;
import io.github.imageassert.structure.internal.config.StructureConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests of one config against one image, in CST's order: command tests, file existence, file content, the
 * metadata test (when it asks anything) and license tests (schema 1.0.0: file content before file existence). File, metadata and license tests read the image's
 * index; only command tests start containers.
 */
public final class Suite {

    private Suite() {
    }

    public static List<PlannedTest> plan(LoadedConfig loaded, ContainerImage image, RunSettings settings) {
        StructureConfig config = loaded.config();
        List<PlannedTest> tests = new ArrayList<>();
        Environment env = new Environment(image, config.globalEnvVars());
        CommandCheck commands = new CommandCheck(image, env, config, settings);
        for (int i = 0; i < config.commandTests().size(); i++) {
            CommandTest t = config.commandTests().get(i);
            tests.add(new PlannedTest(TestKind.COMMAND, t.name(), i, loaded.name(), source(loaded, "/commandTests/" + i),
                    () -> commands.run(t)));
        }
        List<PlannedTest> existence = new ArrayList<>();
        for (int i = 0; i < config.fileExistenceTests().size(); i++) {
            FileExistenceTest t = config.fileExistenceTests().get(i);
            existence.add(new PlannedTest(TestKind.FILE_EXISTENCE, t.name(), i, loaded.name(),
                    source(loaded, "/fileExistenceTests/" + i),
                    () -> FileChecks.existence(image, config.isSchemaOne() ? null : env.config(), t)));
        }
        List<PlannedTest> content = new ArrayList<>();
        for (int i = 0; i < config.fileContentTests().size(); i++) {
            FileContentTest t = config.fileContentTests().get(i);
            content.add(new PlannedTest(TestKind.FILE_CONTENT, t.name(), i, loaded.name(),
                    source(loaded, "/fileContentTests/" + i), () -> FileChecks.content(image, t)));
        }
        // schema 1.0.0 runs file content tests first, and expands no $VARS in paths
        tests.addAll(config.isSchemaOne() ? content : existence);
        tests.addAll(config.isSchemaOne() ? existence : content);
        if (!config.metadataTest().isEmpty()) {
            tests.add(new PlannedTest(TestKind.METADATA, "", 0, loaded.name(), source(loaded, "/metadataTest"),
                    () -> MetadataCheck.run(image.config(), env.config(), config.metadataTest())));
        }
        for (int i = 0; i < config.licenseTests().size(); i++) {
            LicenseTest t = config.licenseTests().get(i);
            tests.add(new PlannedTest(TestKind.LICENSE, "", i, loaded.name(), source(loaded, "/licenseTests/" + i),
                    () -> LicenseCheck.run(image, t)));
        }
        return tests;
    }

    private static URI source(LoadedConfig loaded, String pointer) {
        if (loaded.uri() == null || !"file".equals(loaded.uri().getScheme())) {
            return loaded.uri();
        }
        int line = loaded.line(pointer);
        return line > 0 ? URI.create(loaded.uri() + "?line=" + line) : loaded.uri();
    }

    /**
     * The environment CST sees in the image's config: the image's ENV with the global variables set over it (CST
     * commits them into the image before any test), each global's value expanded against the image's ENV. Read
     * from the config only when a test needs it.
     */
    static final class Environment {

        private final ContainerImage image;
        private final List<EnvVar> globals;
        private Map<String, String> config;
        private Map<String, String> expandedGlobals;

        Environment(ContainerImage image, List<EnvVar> globals) {
            this.image = image;
            this.globals = globals;
        }

        synchronized Map<String, String> config() {
            if (config == null) {
                Map<String, String> imageEnv = image.config().envMap();
                Map<String, String> g = new LinkedHashMap<>();
                for (EnvVar v : globals) {
                    g.put(v.key(), GoExpand.expand(v.value(), imageEnv));
                }
                Map<String, String> all = new LinkedHashMap<>(imageEnv);
                all.putAll(g);
                expandedGlobals = Collections.unmodifiableMap(g);
                config = Collections.unmodifiableMap(all);
            }
            return config;
        }

        synchronized Map<String, String> globals() {
            config();
            return expandedGlobals;
        }
    }
}
