package io.github.imageassert.junit.internal;

import io.github.imageassert.ContainerImage;
import io.github.imageassert.junit.BuildSpec;
import io.github.imageassert.junit.Preset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The template lint of {@link io.github.imageassert.junit.ImageBuilds#lint}. */
final class TemplateLintCheck {

    private TemplateLintCheck() {
    }

    /** @param images each preset's image, in the same order */
    static void check(BuildSpec template, List<Preset> presets, List<ContainerImage> images) {
        List<String> problems = new ArrayList<>();
        Map<String, Preset> byImage = new LinkedHashMap<>();
        for (int i = 0; i < presets.size(); i++) {
            Preset preset = presets.get(i);
            BuildRequest request = BuildRequest.of(template.buildArgs(preset.buildArgs()));
            TemplateArgs.problems(request, preset.buildArgs()).forEach(p -> problems.add("preset " + preset.name() + ": " + p));
            // the same image id for the same platform: the two presets' differences changed nothing
            String key = images.get(i).metadata().id() + "|" + images.get(i).platform();
            Preset same = byImage.putIfAbsent(key, preset);
            if (same != null) {
                problems.add("presets " + same.name() + " and " + preset.name() + " build the identical image "
                        + images.get(i).metadata().id() + ": what tells them apart (" + difference(same, preset)
                        + ") changes nothing, so one of them does nothing");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The presets of " + template.dockerfile() + " have " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static String difference(Preset a, Preset b) {
        Map<String, String> diff = new LinkedHashMap<>();
        a.buildArgs().forEach((k, v) -> {
            if (!v.equals(b.buildArgs().get(k))) {
                diff.put(k, v + " vs " + b.buildArgs().getOrDefault(k, "(unset)"));
            }
        });
        b.buildArgs().forEach((k, v) -> {
            if (!a.buildArgs().containsKey(k)) {
                diff.put(k, "(unset) vs " + v);
            }
        });
        return diff.isEmpty() ? "nothing" : diff.toString();
    }
}
