package io.github.imageassert.structure.internal.config;

import io.github.imageassert.structure.config.StructureTestConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static final URI URI_ = URI.create("file:/tmp/cst.yaml");

    private static LoadedConfig yaml(String text) {
        return ConfigLoader.parse("cst.yaml", URI_, text);
    }

    private static StructureTestConfigException yamlError(String text) {
        try {
            yaml(text);
        } catch (StructureTestConfigException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void readsEveryFieldOfTheSchema() {
        LoadedConfig loaded = yaml("""
                schemaVersion: "2.0.0"
                globalEnvVars:
                  - key: GLOBAL
                    value: "$HOME/x"
                commandTests:
                  - name: echo
                    setup: [["touch", "/a"], ["touch", "/b"]]
                    teardown: [["rm", "/a"]]
                    envVars:
                      - key: K
                        value: v
                    command: sh
                    args: ["-c", "echo hi"]
                    expectedOutput: ["hi"]
                    excludedOutput: ["bye"]
                    expectedError: [""]
                    excludedError: ["oops"]
                    exitCode: 3
                fileExistenceTests:
                  - name: passwd
                    path: /etc/passwd
                    shouldExist: false
                    permissions: "-rw-r--r--"
                    uid: 0
                    gid: 42
                    isExecutableBy: other
                fileContentTests:
                  - name: passwd content
                    path: /etc/passwd
                    expectedContents: ["root"]
                    excludedContents: ["nobody"]
                metadataTest:
                  env:
                    - key: PATH
                      value: "/usr/.*"
                      isRegex: true
                  unboundEnv:
                    - key: SECRET
                  labels:
                    - key: org.opencontainers.image.title
                      value: app
                  exposedPorts: ["8080"]
                  unexposedPorts: ["22"]
                  volumes: ["/data"]
                  unmountedVolumes: ["/tmp"]
                  entrypoint: []
                  cmd: ["/bin/sh"]
                  workdir: /app
                  user: app
                licenseTests:
                  - debian: true
                    files: ["/LICENSE"]
                containerRunOptions:
                  user: root
                  privileged: true
                  allocateTty: true
                  envFile: .env
                  envVars: [HOME_VAR]
                  capabilities: [NET_ADMIN]
                  bindMounts: ["/tmp:/host-tmp:ro"]
                """);
        StructureConfig c = loaded.config();
        assertThat(c.globalEnvVars()).containsExactly(new EnvVar("GLOBAL", "$HOME/x", false));
        CommandTest t = c.commandTests().get(0);
        assertThat(t.setup()).containsExactly(List.of("touch", "/a"), List.of("touch", "/b"));
        assertThat(t.teardown()).containsExactly(List.of("rm", "/a"));
        assertThat(t.envVars()).containsExactly(new EnvVar("K", "v", false));
        assertThat(t.args()).containsExactly("-c", "echo hi");
        assertThat(t.expectedOutput()).containsExactly("hi");
        assertThat(t.excludedOutput()).containsExactly("bye");
        assertThat(t.expectedError()).containsExactly("");
        assertThat(t.excludedError()).containsExactly("oops");
        assertThat(t.exitCode()).isEqualTo(3);
        FileExistenceTest e = c.fileExistenceTests().get(0);
        assertThat(e).isEqualTo(new FileExistenceTest("passwd", "/etc/passwd", false, "-rw-r--r--", 0L, 42L, "other"));
        assertThat(c.fileContentTests().get(0).excludedContents()).containsExactly("nobody");
        MetadataTest m = c.metadataTest();
        assertThat(m.env()).containsExactly(new EnvVar("PATH", "/usr/.*", true));
        assertThat(m.unboundEnv()).extracting(EnvVar::key).containsExactly("SECRET");
        assertThat(m.labels()).containsExactly(new EnvVar("org.opencontainers.image.title", "app", false));
        assertThat(m.entrypoint()).isEmpty();
        assertThat(m.cmd()).containsExactly("/bin/sh");
        assertThat(m.workdir()).isEqualTo("/app");
        assertThat(m.user()).isEqualTo("app");
        assertThat(m.exposedPorts()).containsExactly("8080");
        assertThat(m.unexposedPorts()).containsExactly("22");
        assertThat(m.volumes()).containsExactly("/data");
        assertThat(m.unmountedVolumes()).containsExactly("/tmp");
        assertThat(c.licenseTests()).containsExactly(new LicenseTest(true, List.of("/LICENSE")));
        assertThat(c.containerRunOptions()).isEqualTo(new ContainerRunOptions("root", true, true, List.of("HOME_VAR"),
                ".env", List.of("NET_ADMIN"), List.of("/tmp:/host-tmp:ro")));
        assertThat(loaded.line("/commandTests/0")).isEqualTo(6);
        assertThat(loaded.line("/fileExistenceTests/0")).isEqualTo(20);
        assertThat(loaded.line("/metadataTest")).isEqualTo(33);
    }

    @Test
    void defaultsAreCsts() {
        StructureConfig c = yaml("""
                schemaVersion: 2.0.0
                commandTests:
                  - name: t
                    command: "true"
                fileExistenceTests:
                  - name: f
                    path: /x
                    uid: -1
                """).config();
        assertThat(c.commandTests().get(0).exitCode()).isZero();
        FileExistenceTest f = c.fileExistenceTests().get(0);
        assertThat(f.shouldExist()).isTrue();
        assertThat(f.uid()).isNull();
        assertThat(f.gid()).isNull();
        assertThat(c.metadataTest().isEmpty()).isTrue();
        assertThat(c.metadataTest().entrypoint()).isNull();
    }

    @Test
    void jsonConfigsReadTheSame() {
        LoadedConfig loaded = ConfigLoader.parse("cst.json", URI.create("file:/tmp/cst.json"), """
                {
                  "schemaVersion": "2.0.0",
                  "fileExistenceTests": [
                    {"name": "root", "path": "/", "permissions": "drwxr-xr-x"}
                  ]
                }
                """);
        assertThat(loaded.config().fileExistenceTests().get(0).permissions()).isEqualTo("drwxr-xr-x");
        assertThat(loaded.line("/fileExistenceTests/0")).isEqualTo(4);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheKeysThatExist() {
        StructureTestConfigException e = yamlError("""
                schemaVersion: "2.0.0"
                commandTests:
                  - name: echo
                    command: echo
                    expectedOuput: ["hi"]
                """);
        assertThat(e.getMessage()).startsWith("cst.yaml:5:5: unknown key 'expectedOuput' in commandTests[0]; the keys there are: args, command, envVars, excludedError,");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).isEqualTo("expectedOuput");
        assertThat(e.file()).isEqualTo("cst.yaml");
    }

    /**
     * CST 1.14 renamed the metadata test's env and unboundEnv to envVars and unboundEnvVars (as its README and its
     * own suites write them); configs written for earlier versions say env. Both read the same; both at once is
     * refused, as two answers to one question.
     */
    @Test
    void theMetadataTestReadsEnvVarsAsCstDoesAndEnvAsItDidBefore() {
        MetadataTest now = yaml("""
                schemaVersion: "2.0.0"
                metadataTest:
                  envVars:
                    - key: A
                      value: "b.*"
                      isRegex: true
                  unboundEnvVars:
                    - key: SECRET
                """).config().metadataTest();
        assertThat(now.env()).containsExactly(new EnvVar("A", "b.*", true));
        assertThat(now.unboundEnv()).extracting(EnvVar::key).containsExactly("SECRET");
        assertThat(now.isEmpty()).isFalse();
        MetadataTest before = yaml("""
                schemaVersion: "2.0.0"
                metadataTest:
                  env:
                    - key: A
                      value: "b.*"
                      isRegex: true
                  unboundEnv:
                    - key: SECRET
                """).config().metadataTest();
        assertThat(before).isEqualTo(now);
        StructureTestConfigException both = yamlError("""
                schemaVersion: "2.0.0"
                metadataTest:
                  env:
                    - key: SOME_KEY
                      value: SOME_VAL
                  envVars:
                    - key: OTHER_KEY
                      value: SOME_VAL
                """);
        assertThat(both.getMessage()).startsWith("cst.yaml:6:3: metadataTest has both 'env' and 'envVars'")
                .contains("CST 1.14 and later read envVars");
        assertThat(both.key()).isEqualTo("envVars");
        assertThat(yamlError("""
                schemaVersion: "2.0.0"
                metadataTest:
                  unboundEnvVars:
                    - key: A
                  unboundEnv:
                    - key: B
                """).getMessage()).startsWith("cst.yaml:5:3: metadataTest has both 'unboundEnv' and 'unboundEnvVars'");
    }

    @Test
    void aWrongTypeNamesTheKeyWhatItMustBeAndWhatItIs() {
        assertThat(yamlError("""
                schemaVersion: "2.0.0"
                commandTests:
                  - name: echo
                    command: echo
                    exitCode: "1"
                """).getMessage()).isEqualTo("cst.yaml:5:15: 'exitCode' (commandTests[0].exitCode) must be a whole number, not the string \"1\"");
        assertThat(yamlError("""
                schemaVersion: "2.0.0"
                commandTests:
                  - name: echo
                    command: echo
                    args: "-n"
                """).getMessage()).isEqualTo("cst.yaml:5:11: 'args' (commandTests[0].args) must be a list, not the string \"-n\"");
        assertThat(yamlError("""
                schemaVersion: "2.0.0"
                fileExistenceTests:
                  - name: f
                    path: /x
                    shouldExist: "no"
                """).getMessage()).startsWith("cst.yaml:5:18: 'shouldExist' (fileExistenceTests[0].shouldExist) must be true or false");
        assertThat(yamlError("""
                schemaVersion: "2.0.0"
                metadataTest:
                  workdir: ["/app"]
                """).getMessage()).isEqualTo("cst.yaml:3:12: 'workdir' (metadataTest.workdir) must be a string, not a list");
        assertThat(yamlError("""
                schemaVersion: "2.0.0"
                commandTests:
                  name: echo
                """).getMessage()).startsWith("cst.yaml:3:3: 'commandTests' (commandTests) must be a list, not a mapping");
    }

    @Test
    void aScalarReadsAsAStringAsGoYamlReadsIt() {
        StructureConfig c = yaml("""
                schemaVersion: "2.0.0"
                metadataTest:
                  exposedPorts: [8080, 443]
                """).config();
        assertThat(c.metadataTest().exposedPorts()).containsExactly("8080", "443");
    }

    @Test
    void schemaVersionIsRequiredAndIsOneOfCsts() {
        assertThat(yamlError("commandTests: []\n").getMessage()).isEqualTo(
                "cst.yaml: no schemaVersion: CST configs start with schemaVersion: \"2.0.0\"");
        StructureTestConfigException e = yamlError("schemaVersion: \"3.0.0\"\ncommandTests: []\n");
        assertThat(e.getMessage()).startsWith("cst.yaml:1: unsupported schemaVersion \"3.0.0\": CST reads 2.0.0 and 1.0.0");
        assertThat(e.key()).isEqualTo("schemaVersion");
    }

    /**
     * CST still reads schema 1.0.0 (its own failure suites are written in it): a command is one list, program and
     * arguments; there is no metadata test, no containerRunOptions, and a file existence test has no uid, gid or
     * isExecutableBy.
     */
    @Test
    void schemaOneReadsAsCstReadsIt() {
        StructureConfig c = yaml("""
                schemaVersion: '1.0.0'
                globalEnvVars:
                  - key: G
                    value: g
                commandTests:
                - name: 'bad apt-get-command'
                  setup: [["touch", "/a"]]
                  teardown: [["rm", "/a"]]
                  envVars:
                    - key: K
                      value: v
                  command: ['apt-get', 'dslkfjasl']
                  excludedError: ['.*FAIL.*']
                  expectedError: ['.*Invalid operation dslkfjasl.*']
                  expectedOutput: ['a']
                  excludedOutput: ['b']
                  exitCode: 1
                fileContentTests:
                - name: 'Wrong Retry Policy'
                  expectedContents: ['Acquire::Retries 4;']
                  excludedContents: ['x']
                  path: '/etc/apt/apt.conf.d/apt-retry'
                fileExistenceTests:
                - name: 'Wrong permissions'
                  path: '/etc/apt/sources.list'
                  permissions: '-rwxrwxrwx'
                  shouldExist: true
                - name: 'Default'
                  path: '/x'
                licenseTests:
                - debian: true
                  files:
                """).config();
        assertThat(c.schemaVersion()).isEqualTo("1.0.0");
        assertThat(c.globalEnvVars()).containsExactly(new EnvVar("G", "g", false));
        assertThat(c.commandTests()).containsExactly(new CommandTest("bad apt-get-command", List.of(List.of("touch", "/a")),
                List.of(List.of("rm", "/a")), List.of(new EnvVar("K", "v", false)), 1, "apt-get", List.of("dslkfjasl"),
                List.of("a"), List.of("b"), List.of(".*Invalid operation dslkfjasl.*"), List.of(".*FAIL.*")));
        assertThat(c.fileContentTests()).containsExactly(new FileContentTest("Wrong Retry Policy",
                "/etc/apt/apt.conf.d/apt-retry", List.of("Acquire::Retries 4;"), List.of("x")));
        assertThat(c.fileExistenceTests()).containsExactly(
                new FileExistenceTest("Wrong permissions", "/etc/apt/sources.list", true, "-rwxrwxrwx", null, null, null),
                new FileExistenceTest("Default", "/x", true, null, null, null, null));
        assertThat(c.licenseTests()).containsExactly(new LicenseTest(true, List.of()));
        assertThat(c.metadataTest().isEmpty()).isTrue();
        assertThat(yaml("schemaVersion: '1.0.0'\ncommandTests:\n- name: none\n  command: []\n").config()
                .commandTests().get(0).command()).isEmpty();
    }

    @Test
    void schemaOneHasNoKeysOfSchemaTwo() {
        assertThat(yamlError("""
                schemaVersion: '1.0.0'
                commandTests:
                - name: t
                  command: ['echo']
                  args: ['hi']
                """).getMessage()).startsWith("cst.yaml:5:3: unknown key 'args' in commandTests[0]; the keys there are: command, envVars,");
        assertThat(yamlError("""
                schemaVersion: '1.0.0'
                commandTests:
                - name: t
                  command: 'echo'
                """).getMessage()).startsWith("cst.yaml:4:12: 'command' (commandTests[0].command) must be a list");
        assertThat(yamlError("""
                schemaVersion: '1.0.0'
                fileExistenceTests:
                - name: 'Fake Dir'
                  isDirectory: true
                  path: '/foo/bar'
                """).getMessage()).startsWith("cst.yaml:4:3: unknown key 'isDirectory' in fileExistenceTests[0]; the keys there are: name, path, permissions, shouldExist");
        assertThat(yamlError("""
                schemaVersion: '1.0.0'
                fileExistenceTests:
                - name: root
                  path: /
                  uid: 0
                """).getMessage()).contains("unknown key 'uid' in fileExistenceTests[0]");
        assertThat(yamlError("""
                schemaVersion: '1.0.0'
                metadataTest:
                  workdir: /app
                """).getMessage()).startsWith("cst.yaml:2:1: unknown key 'metadataTest'").endsWith("Schema 1.0.0 has none; CST reads it in schema 2.0.0 configs");
    }

    @Test
    void syntaxErrorsAndDuplicatesHaveALine() {
        assertThat(yamlError("schemaVersion: \"2.0.0\"\ncommandTests:\n  - name: [unclosed\n").getMessage())
                .startsWith("cst.yaml:").contains("not valid YAML");
        StructureTestConfigException dup = yamlError("schemaVersion: \"2.0.0\"\nmetadataTest:\n  user: a\n  user: b\n");
        assertThat(dup.getMessage()).startsWith("cst.yaml:4:").contains("user");
        assertThat(dup.key()).isEqualTo("user");
        assertThat(ConfigLoaderTest.jsonError("{\"schemaVersion\": \"2.0.0\", \"commandTests\": [}").getMessage())
                .startsWith("cst.json:1:").contains("not valid JSON");
    }

    @Test
    void jsonIsAsStrictAsYaml() {
        assertThat(jsonError("""
                {"schemaVersion": "2.0.0",
                 "fileExistenceTests": [{"name": "f", "path": "/x", "shouldexist": true}]}
                """).getMessage()).startsWith("cst.json:2:53: unknown key 'shouldexist' in fileExistenceTests[0]");
    }

    @Test
    void yamlOneOneBooleansReadAsGoYamlReadsThem() {
        StructureConfig c = yaml("""
                schemaVersion: "2.0.0"
                fileExistenceTests:
                  - name: f
                    path: /x
                    shouldExist: no
                  - name: g
                    path: /y
                    shouldExist: yes
                """).config();
        assertThat(c.fileExistenceTests()).extracting(FileExistenceTest::shouldExist).containsExactly(false, true);
    }

    @Test
    void onlyYamlAndJsonExtensions() {
        assertThatThrownBy(() -> ConfigLoader.parse("cst.txt", URI_, "schemaVersion: 2.0.0"))
                .isInstanceOf(StructureTestConfigException.class)
                .hasMessage("cst.txt: a config is a .yaml, .yml or .json file (CST chooses the format by the extension too)");
    }

    @Test
    void aMissingFileSaysWhereItWasLookedFor() {
        assertThatThrownBy(() -> ConfigLoader.load("no/such/cst.yaml", getClass().getClassLoader()))
                .isInstanceOf(StructureTestConfigException.class)
                .hasMessageStartingWith("no/such/cst.yaml: no such config file (looked for ")
                .hasMessageEndingWith("then for the class path resource no/such/cst.yaml)");
    }

    private static StructureTestConfigException jsonError(String text) {
        try {
            ConfigLoader.parse("cst.json", URI.create("file:/tmp/cst.json"), text);
        } catch (StructureTestConfigException e) {
            return e;
        }
        throw new AssertionError("no error");
    }
}
