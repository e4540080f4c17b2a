package io.github.imageassert.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcuts for common globs, and the literal run other globs must contain, answer exactly as the JDK's glob matcher does. */
class PathGlobTest {

    private static final List<String> GLOBS = List.of("**", "**/.npmrc", "**/*.pem", "**/.env", "**/*.key",
            "/app/**", "**/.git", "**/node_modules/**/package.json", "**/id_*", "/root/.ssh/*", "**/.docker/config.json", "**/.aws/credentials",
            "**/.config/gcloud/legacy_credentials/**", "**/.azure/msal_token_cache.*", "/opt/*/bin/?ash", "**/{a,b}.txt",
            "**/[ab].txt", "/srv/**/*.pem");
    private static final List<String> PATHS = List.of("/", "/.npmrc", "/root/.npmrc", "/root/.npmrc.bak", "/x.npmrc",
            "/etc/ssl/cert.pem", "/.pem", "/a.pem/b", "/a/b/c.key", "/app", "/app/x", "/srv/.git", "/srv/.git/config",
            "/app/node_modules/a/package.json", "/root/.ssh/id_rsa", "/root/.ssh/known_hosts", "/x/.env", "/x/.env.example", "/root/.docker/config.json",
            "/.docker/config.json", "/root/x.docker/config.json", "/home/a/.aws/credentials", "/home/a/.aws/credentials/x",
            "/root/.config/gcloud/legacy_credentials/a/adc.json", "/.config/gcloud/legacy_credentials/x",
            "/root/.config/gcloud/legacy_credentials", "/root/.azure/msal_token_cache.json", "/.azure/msal_token_cache.bin",
            "/root/.azure/msal_token_cache", "/opt/x/bin/bash", "/opt/x/bin/dash", "/opt/x/y/bin/bash", "/a.txt", "/q/b.txt",
            "/q/c.txt", "/srv/a/b/c.pem", "/srv/c.pem", "/srv.pem");

    @Test
    void everyShortcutAgreesWithThePathMatcher() {
        for (String glob : GLOBS) {
            var reference = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            PathGlob ours = PathGlob.of(glob);
            for (String path : PATHS) {
                assertThat(ours.matches(path)).as(glob + " on " + path).isEqualTo(reference.matches(Path.of(path)));
            }
        }
    }
}
