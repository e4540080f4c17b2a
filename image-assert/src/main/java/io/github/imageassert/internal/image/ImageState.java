package io.github.imageassert.internal.image;

import io.github.imageassert.image.Layer;
import io.github.imageassert.internal.index.ContentCapture;
import io.github.imageassert.internal.index.LayerIndex;
import io.github.imageassert.internal.index.MergedFilesystem;
import io.github.imageassert.internal.source.ImageManifest;
import io.github.imageassert.internal.source.ImageSource;
import io.github.imageassert.internal.source.LayerRef;
import io.github.imageassert.internal.store.LayerStore;
import io.github.imageassert.users.UserDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every description of one image shares: its source, its layers once read, the merged filesystem and
 * the caches. Each part is computed once, on first use, and never changes after (a damaged stored layer is
 * replaced by the same layer read again: same diff id, same index).
 */
final class ImageState {

    final ImageSource source;
    final ConcurrentHashMap<String, byte[]> contentCache = new ConcurrentHashMap<>();
    /** The last result of each analysis a test ran, for the run's report; never used to answer a question. */
    final ConcurrentHashMap<String, Object> analyses = new ConcurrentHashMap<>();
    private final LayerStore store;
    private final LayerLoader loader;
    private volatile List<LoadedLayer> loaded;
    private volatile MergedFilesystem filesystem;
    private volatile List<Layer> layers;
    private volatile UserDatabase users;

    ImageState(ImageSource source, LayerStore store) {
        this.source = source;
        this.store = store;
        this.loader = new LayerLoader(source, store, ContentCapture.essentials());
    }

    ImageSource source() {
        return source;
    }

    String description() {
        return source.reference();
    }

    ImageManifest manifest() {
        return source.manifest();
    }

    List<LoadedLayer> loadedLayers() {
        List<LoadedLayer> l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = List.copyOf(loader.loadAll(manifest()));
                    loaded = l;
                }
            }
        }
        return l;
    }

    /** The merged filesystem when something read it already; never reads a layer. */
    MergedFilesystem filesystemIfRead() {
        return filesystem;
    }

    /** Each layer's index when the layers were read already; never reads a layer. */
    List<LoadedLayer> loadedLayersIfRead() {
        return loaded;
    }

    /** The layers with their sizes when they are known without reading a layer: asked for already, or from the engine. */
    List<Layer> layersIfKnown() {
        List<Layer> l = layers;
        if (l != null) {
            return l;
        }
        ImageManifest m = manifest();
        return m.engineSizes() != null || loaded != null ? layers() : null;
    }

    MergedFilesystem filesystem() {
        MergedFilesystem fs = filesystem;
        if (fs == null) {
            synchronized (this) {
                fs = filesystem;
                if (fs == null) {
                    fs = MergedFilesystem.merge(loadedLayers().stream().map(LoadedLayer::index).toList(), description());
                    filesystem = fs;
                }
            }
        }
        return fs;
    }

    /**
     * Layers with their sizes: from the engine's history when it reports them (no layer is read), else counted
     * from each layer's index the way the engine counts.
     */
    List<Layer> layers() {
        List<Layer> l = layers;
        if (l == null) {
            synchronized (this) {
                l = layers;
                if (l == null) {
                    ImageManifest m = manifest();
                    List<Layer> built = new ArrayList<>();
                    for (LayerRef ref : m.layers()) {
                        long size = m.engineSizes() != null ? m.engineSizes().get(ref.index())
                                : loadedLayers().get(ref.index()).index().contentSize();
                        built.add(new Layer(ref.index(), ref.diffId(), ref.digest(), size, ref.compressedSize(),
                                ref.mediaType(), ref.step()));
                    }
                    l = List.copyOf(built);
                    layers = l;
                }
            }
        }
        return l;
    }

    UserDatabase users(java.util.function.Supplier<UserDatabase> read) {
        UserDatabase db = users;
        if (db == null) {
            db = read.get();
            users = db;
        }
        return db;
    }

    /** Forgets the stored copy of layer {@code position} (damaged on disk) and reads it again from the source. */
    synchronized void replaceDamaged(int position) {
        LoadedLayer damaged = loadedLayers().get(position);
        if (store != null) {
            store.discard(damaged.ref().diffId());
        }
        LoadedLayer fresh = loader.reload(manifest(), damaged.ref());
        List<LoadedLayer> replaced = new ArrayList<>(loaded);
        for (int i = 0; i < replaced.size(); i++) {
            LoadedLayer l = replaced.get(i);
            if (l.ref().diffId().equals(damaged.ref().diffId())) {
                LayerIndex index = fresh.index().atLayer(i);
                replaced.set(i, new LoadedLayer(l.ref(), index, fresh.stored() == null ? null : fresh.stored().atLayer(i),
                        fresh.sourceName()));
            }
        }
        loaded = List.copyOf(replaced);
    }
}
