package dev.rebuildcauses.analysis.infer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The images a repository builds at one revision and which of them is built {@code FROM} which:
 * one image per built Dockerfile, named after its folder ({@code images/base-notebook/Dockerfile}
 * is {@code base-notebook}; a root Dockerfile takes the repository's name).
 */
public final class ImageGraph {
    /**
     * One image.
     *
     * @param name its name, e.g. {@code base-notebook}
     * @param dockerfile the Dockerfile that builds it
     * @param context the folder it is built in ({@code ""} for the repository root)
     * @param parents the images of this repository it is built {@code FROM}, by name
     */
    public record Image(String name, String dockerfile, String context, List<String> parents) {
        public Image {
            parents = List.copyOf(parents);
        }

        /** True when a change to {@code path} changes this image's own build: its context or its Dockerfile. */
        public boolean contains(String path) {
            return path.equals(dockerfile) || context.isEmpty() || path.startsWith(context + "/");
        }
    }

    private final Map<String, Image> images;

    private ImageGraph(Map<String, Image> images) {
        this.images = images;
    }

    /** The images {@code model}'s revision builds; {@code repositoryName} names a root Dockerfile's image. */
    public static ImageGraph of(RepositoryModel model, String repositoryName) {
        Map<String, String> names = names(model.images().keySet(), repositoryName);
        Map<String, String> byShortName = new HashMap<>();
        names.values().forEach(name -> byShortName.put(shortOf(name), name));
        Map<String, Image> images = new LinkedHashMap<>();
        model.images().forEach((dockerfile, definition) -> {
            String name = names.get(dockerfile);
            Set<String> parents = new LinkedHashSet<>();
            for (String base : definition.baseImages()) {
                String parent = byShortName.get(BaseImages.shortName(base).toLowerCase(Locale.ROOT));
                if (parent != null && !parent.equals(name)) {
                    parents.add(parent);
                }
            }
            images.put(name, new Image(name, dockerfile, definition.context(), List.copyOf(parents)));
        });
        return new ImageGraph(images);
    }

    /** The images, in the order of their Dockerfiles' paths. */
    public List<Image> images() {
        return List.copyOf(images.values());
    }

    public Optional<Image> image(String name) {
        return Optional.ofNullable(images.get(name));
    }

    public int size() {
        return images.size();
    }

    /** The images {@code name} is built on, nearest first, each once (cycles cut). */
    public List<String> ancestors(String name) {
        List<String> found = new ArrayList<>();
        List<String> wave = new ArrayList<>(image(name).map(Image::parents).orElse(List.of()));
        while (!wave.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String parent : wave) {
                if (!parent.equals(name) && !found.contains(parent)) {
                    found.add(parent);
                    next.addAll(image(parent).map(Image::parents).orElse(List.of()));
                }
            }
            wave = next;
        }
        return found;
    }

    /** The images built directly on {@code name}. */
    public List<String> children(String name) {
        return images.values().stream()
                .filter(image -> image.parents().contains(name))
                .map(Image::name)
                .toList();
    }

    /** A name per Dockerfile: its folder's name (and variant), or its folder path where two folders share a name. */
    private static Map<String, String> names(Set<String> dockerfiles, String repositoryName) {
        Map<String, String> short_ = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String dockerfile : dockerfiles) {
            String folder = RepoPaths.directoryOf(dockerfile);
            String name = withVariant(folder.isEmpty() ? repositoryName : RepoPaths.baseName(folder), dockerfile);
            short_.put(dockerfile, name);
            counts.merge(name, 1, Integer::sum);
        }
        Map<String, String> names = new LinkedHashMap<>();
        short_.forEach((dockerfile, name) -> {
            String folder = RepoPaths.directoryOf(dockerfile);
            names.put(dockerfile, counts.get(name) > 1 && !folder.isEmpty() ? withVariant(folder, dockerfile) : name);
        });
        return names;
    }

    /** {@code Dockerfile.gpu} and {@code gpu.Dockerfile} add {@code -gpu}; a plain Dockerfile adds nothing. */
    private static String withVariant(String base, String dockerfile) {
        String file = RepoPaths.baseName(dockerfile);
        String lower = file.toLowerCase(Locale.ROOT);
        String variant = "";
        if (lower.startsWith("dockerfile.") || lower.startsWith("containerfile.")) {
            variant = file.substring(file.indexOf('.') + 1);
        } else if (lower.endsWith(".dockerfile") || lower.endsWith(".containerfile")) {
            variant = file.substring(0, file.lastIndexOf('.'));
        }
        return variant.isEmpty() ? base : base + "-" + variant;
    }

    private static String shortOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.substring(lower.lastIndexOf('/') + 1);
    }
}
