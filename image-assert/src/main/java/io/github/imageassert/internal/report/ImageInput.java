package io.github.imageassert.internal.report;

import io.github.imageassert.fs.FileEntry;
import io.github.imageassert.image.HistoryEntry;
import io.github.imageassert.image.Layer;
import io.github.imageassert.image.Platform;
import io.github.imageassert.internal.dockerfile.DockerfileOrigin;
import io.github.imageassert.internal.dockerfile.SourceLocation;
import io.github.imageassert.internal.image.LoadedImage;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.index.MergedFilesystem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a report may say about one image: only what the run already knows. The layers' sizes when the engine gave
 * them or the layers were read, the files when a test read them, the results of the analyses the tests ran; nothing
 * is read for the report.
 *
 * @param live         every live entry, or null when no test read the files
 * @param layerEntries each layer's own entries (what its tar holds), or null when no test read the layers
 * @param isLive       whether an entry a layer wrote is the one a container sees, or null with {@code live}
 */
public record ImageInput(String reference, String description, String imageId, String platform, DockerfileOrigin origin,
                         List<LayerInput> layers, Long compressedSize, Collection<FileEntry> live,
                         List<List<FileEntry>> layerEntries, Predicate<FileEntry> isLive, Map<String, Object> analyses,
                         List<AssertionRecord> assertions) {

    /** A layer; {@code size} null when unknown without reading it. */
    public record LayerInput(int index, Long size, String diffId, String instruction, String createdBy, SourceLocation location) {
    }

    /** What the run knows of a logged image; an image that could not even be described gives its assertions only. */
    public static ImageInput of(ImageLog log) {
        LoadedImage image = log.image();
        List<AssertionRecord> records = log.records();
        DockerfileOrigin origin = image.origin().orElse(null);
        try {
            var metadata = image.metadata();
            List<HistoryEntry> history = metadata.history();
            Optional<List<Layer>> known = image.layersIfKnown();
            List<LayerInput> layers = new ArrayList<>();
            for (int i = 0; i < metadata.diffIds().size(); i++) {
                int step = image.historyIndexOfLayer(i);
                HistoryEntry entry = step < 0 ? null : history.get(step);
                Long size = known.isPresent() ? Long.valueOf(known.get().get(i).size()) : null;
                layers.add(new LayerInput(i, size, metadata.diffIds().get(i),
                        entry == null ? "(no history)" : entry.instruction(), entry == null ? "" : entry.createdBy(),
                        image.layerLocation(i).orElse(null)));
            }
            Optional<MergedFilesystem> fs = image.filesystemIfRead();
            List<List<FileEntry>> layerEntries = image.layerIndexesIfRead()
                    .map(indexes -> indexes.stream().map(LayerIndex::entries).toList()).orElse(null);
            Predicate<FileEntry> isLive = fs.<Predicate<FileEntry>>map(f -> e -> f.entry(e.path()).map(e::equals).orElse(false))
                    .orElse(null);
            return new ImageInput(image.reference(), image.description(), metadata.id(), platform(metadata.platform()),
                    origin, layers, metadata.compressedSize().orElse(null), fs.map(MergedFilesystem::entries).orElse(null),
                    layerEntries, isLive, image.analysesRun(), records);
        } catch (RuntimeException unreadable) {
            return new ImageInput(image.reference(), image.description(), null, null, origin, List.of(), null, null, null,
                    null, Map.of(), records);
        }
    }

    private static String platform(Platform platform) {
        return platform == null ? null : platform.toString();
    }
}
