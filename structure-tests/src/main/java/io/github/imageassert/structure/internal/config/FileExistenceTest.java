package io.github.imageassert.structure.internal.config;

/**
 * One entry of {@code fileExistenceTests}. {@code shouldExist} defaults to true, as in CST; {@code uid} and
 * {@code gid} are checked only when given (CST's "unset" is -1, which means unchecked here too).
 */
public record FileExistenceTest(String name, String path, Boolean shouldExist, String permissions, Long uid, Long gid,
                                String isExecutableBy) {

    public FileExistenceTest {
        name = Lists.text(name);
        path = Lists.text(path);
        shouldExist = shouldExist == null || shouldExist;
        permissions = Lists.text(permissions);
        uid = uid == null || uid == -1 ? null : uid;
        gid = gid == null || gid == -1 ? null : gid;
        isExecutableBy = Lists.text(isExecutableBy);
    }
}
