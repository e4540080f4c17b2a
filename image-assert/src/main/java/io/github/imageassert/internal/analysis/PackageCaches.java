package io.github.imageassert.internal.analysis;

import io.github.imageassert.analysis.PackageCache;
import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.ImageFilesystem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds package-manager caches in an index by the paths each manager uses. */
public final class PackageCaches {

    private PackageCaches() {
    }

    private record Kind(String name, Pattern pattern) {
    }

    /** Group 1 of each pattern is the cache's root directory. */
    private static final List<Kind> KINDS = List.of(
            new Kind("apt package lists", Pattern.compile("(/var/lib/apt/lists)/(?!lock$|partial(/|$)|auxfiles(/|$)).+")),
            new Kind("apt downloaded packages", Pattern.compile("(/var/cache/apt/archives)/[^/]+\\.deb")),
            new Kind("apt package caches", Pattern.compile("(/var/cache/apt)/[^/]+\\.bin")),
            new Kind("apk cache", Pattern.compile("(/var/cache/apk|/etc/apk/cache)/.+")),
            new Kind("npm cache", Pattern.compile("(.*/\\.npm/_cacache)/.+")),
            new Kind("yarn cache", Pattern.compile("(.*/\\.cache/yarn|.*/\\.yarn/cache|.*/\\.yarn/berry/cache)/.+")),
            new Kind("pnpm store", Pattern.compile("(.*/\\.local/share/pnpm/store|.*/\\.pnpm-store)/.+")),
            new Kind("pip cache", Pattern.compile("(.*/\\.cache/pip)/.+")),
            new Kind("Maven local repository", Pattern.compile("(.*/\\.m2/repository)/.+")),
            new Kind("Gradle caches", Pattern.compile("(.*/\\.gradle/caches)/.+")),
            new Kind("Go build cache", Pattern.compile("(.*/\\.cache/go-build|.*/go/pkg/mod/cache)/.+")));

    public static List<PackageCache> find(ImageFilesystem fs) {
        Map<String, Acc> byRoot = new LinkedHashMap<>();
        for (FileEntry e : fs.entries()) {
            if (!e.isRegularFile()) {
                continue;
            }
            for (Kind kind : KINDS) {
                Matcher m = kind.pattern().matcher(e.path());
                if (m.matches()) {
                    byRoot.computeIfAbsent(kind.name() + "\0" + m.group(1), k -> new Acc(kind.name(), m.group(1))).add(e);
                    break;
                }
            }
        }
        List<PackageCache> out = new ArrayList<>();
        byRoot.values().forEach(a -> out.add(new PackageCache(a.kind, a.root, a.files, a.bytes, List.copyOf(a.layers))));
        out.sort(Comparator.comparingLong(PackageCache::bytes).reversed());
        return out;
    }

    private static final class Acc {
        final String kind;
        final String root;
        int files;
        long bytes;
        final TreeSet<Integer> layers = new TreeSet<>();

        Acc(String kind, String root) {
            this.kind = kind;
            this.root = root;
        }

        void add(FileEntry e) {
            files++;
            bytes += e.size();
            layers.add(e.layer());
        }
    }
}
