package io.github.imageassert.junit;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.fs.FileType;
import io.github.imageassert.internal.report.AssertionRecord;
import io.github.imageassert.internal.report.ImageInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Images made of numbers only, for measuring the report: each with {@code files} regular files spread over five
 * layers and a few hundred directories, sizes from a seeded random source, and ten assertions of which one failed.
 */
final class SyntheticReport {

    private SyntheticReport() {
    }

    static ImageInput image(int n, int files) {
        Random random = new Random(n);
        int layers = 5;
        List<List<FileEntry>> perLayer = new ArrayList<>();
        List<FileEntry> live = new ArrayList<>(files);
        for (int l = 0; l < layers; l++) {
            perLayer.add(new ArrayList<>());
        }
        for (int i = 0; i < files; i++) {
            int layer = i % layers;
            String path = "/opt/layer" + layer + "/pkg" + (i / 1000 % 100) + "/module" + (i / 50 % 20) + "/file" + i + ".bin";
            long size = 100 + (long) (random.nextDouble() * random.nextDouble() * 200_000);
            FileEntry e = new FileEntry(path, FileType.REGULAR, 0644, 0, 0, size, null, 0, layer);
            perLayer.get(layer).add(e);
            live.add(e);
        }
        live.sort(Comparator.comparing(FileEntry::path));
        List<ImageInput.LayerInput> layerInputs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            long sum = perLayer.get(l).stream().mapToLong(FileEntry::size).sum();
            layerInputs.add(new ImageInput.LayerInput(l, sum, "sha256:" + "%064x".formatted(n * 10 + l),
                    "RUN /bin/sh -c install layer " + l, "RUN /bin/sh -c install layer " + l + " # buildkit", null));
        }
        List<AssertionRecord> assertions = new ArrayList<>();
        for (int a = 0; a < 10; a++) {
            boolean passed = a != 3;
            assertions.add(new AssertionRecord(n * 100L + a, "Synthetic" + n + "Test.check" + a, "", "hasFile",
                    List.of("/opt/layer0/pkg0/module0/file" + a + ".bin"), "", passed,
                    passed ? null : "Expecting image:\n  synthetic/" + n + "\nto have file ... but it does not exist", List.of(),
                    -1, 1_000_000));
        }
        return new ImageInput("synthetic/image-" + n + ":1", "synthetic/image-" + n + ":1", "sha256:" + "%064x".formatted(n),
                "linux/amd64", null, layerInputs, null, live, perLayer, e -> true, Map.of(), assertions);
    }
}
