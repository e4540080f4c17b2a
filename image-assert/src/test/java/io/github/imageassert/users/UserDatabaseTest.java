package io.github.imageassert.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserDatabaseTest {

    private final UserDatabase db = UserDatabase.parse("""
            root:x:0:0:root:/root:/bin/bash
            toor:x:0:0:sneaky:/root:/bin/sh
            app:x:10001:10001::/home/app:/usr/sbin/nologin
            """, """
            root:x:0:
            app:x:10001:
            staff:x:50:app
            """);

    @Test
    void resolvesEveryUserForm() {
        assertThat(db.resolve("")).satisfies(u -> {
            assertThat(u.isRoot()).isTrue();
            assertThat(u.describe()).isEqualTo("USER unset (USER is unset (defaults to root))");
        });
        assertThat(db.resolve("app").uid()).isEqualTo(10001L);
        assertThat(db.resolve("toor").isRoot()).isTrue();
        assertThat(db.resolve("4242")).satisfies(u -> {
            assertThat(u.uid()).isEqualTo(4242L);
            assertThat(u.isResolved()).isTrue();
        });
        assertThat(db.resolve("app:staff")).satisfies(u -> {
            assertThat(u.uid()).isEqualTo(10001L);
            assertThat(u.gid()).isEqualTo(50L);
        });
        assertThat(db.resolve("1000:1000").gid()).isEqualTo(1000L);
        assertThat(db.resolve("nobody").problem()).isEqualTo("user name 'nobody' is not in the image's /etc/passwd; "
                + "a container from this image would fail to start. Use a numeric uid, or create the user.");
        assertThat(db.resolve("app:wheel").problem()).isEqualTo("group name 'wheel' is not in the image's /etc/group");
    }

    @Test
    void onlyNamesNeedTheImagesFiles() {
        assertThat(UserDatabase.needsLookup("")).isFalse();
        assertThat(UserDatabase.needsLookup("1000")).isFalse();
        assertThat(UserDatabase.needsLookup("1000:1000")).isFalse();
        assertThat(UserDatabase.needsLookup("app")).isTrue();
        assertThat(UserDatabase.needsLookup("1000:staff")).isTrue();
        assertThat(UserDatabase.isNumeric("65532")).isTrue();
        assertThat(UserDatabase.isNumeric("")).isFalse();
        assertThat(UserDatabase.isNumeric("app1")).isFalse();
    }

    @Test
    void anImageWithoutPasswdSaysSo() {
        UserDatabase none = UserDatabase.parse(null, null);
        assertThat(none.hasPasswd()).isFalse();
        assertThat(none.resolve("app").problem()).contains("(the image has no /etc/passwd)");
        assertThat(none.resolve("65532").isResolved()).isTrue();
    }

    @Test
    void digitsOfOtherScriptsAreANameAsForTheRuntime() {
        // GIVEN USER values written in Arabic-Indic and fullwidth digits (Character.isDigit and Long.parseLong take them)
        String arabicIndic = "\u0661\u0660\u0660\u0660"; // "1000"
        String fullwidth = "\uff11\uff10\uff10\uff10";
        UserDatabase withApp = UserDatabase.parse("root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/app:/bin/sh\n", "app:x:1000:\n");

        // THEN they are names, as runc's strconv.Atoi sees them: not uid 1000, and a lookup in passwd that fails
        assertThat(UserDatabase.isNumeric(arabicIndic)).isFalse();
        assertThat(UserDatabase.needsLookup(arabicIndic)).isTrue();
        assertThat(UserDatabase.needsLookup("1000:" + fullwidth)).isTrue();
        assertThat(withApp.resolve(arabicIndic)).satisfies(u -> {
            assertThat(u.isResolved()).isFalse();
            assertThat(u.uid()).isNull();
            assertThat(u.problem()).startsWith("user name '" + arabicIndic + "' is not in the image's /etc/passwd");
        });
        assertThat(withApp.resolve("1000:" + fullwidth).problem()).isEqualTo("group name '" + fullwidth
                + "' is not in the image's /etc/group");
        // AND a passwd line whose uid is written so is no user: the runtime could not match it by uid either
        assertThat(UserDatabase.parse("odd:x:" + arabicIndic + ":0::/:/bin/sh\n", null).users()).isEmpty();
    }
}
